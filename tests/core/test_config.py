"""Configuration: code defaults, then the instance file, then CATALOGUE_* variables; every key
documented in the README."""

from __future__ import annotations

from pathlib import Path

from catalogue import create_app
from catalogue.config import PROJECT_ROOT, SETTINGS


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text()
    missing = [s.name for s in SETTINGS if f"`CATALOGUE_{s.name}`" not in readme]
    assert missing == []


def test_defaults_put_the_database_and_secret_in_the_instance_folder(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("CATALOGUE_INSTANCE_PATH", str(tmp_path))
    app = create_app()
    assert app.config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'catalogue.sqlite3'}"
    secret = (tmp_path / "secret_key").read_text()
    assert app.config["SECRET_KEY"] == secret and len(secret) >= 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert create_app().config["SECRET_KEY"] == secret  # stable across restarts


def test_instance_file_then_environment_override_the_defaults(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CATALOGUE_INSTANCE_PATH", str(tmp_path))
    (tmp_path / "catalogue.toml").write_text(
        'media_dir = "/srv/media"\nexports_dir = "/srv/exports"\nlogin_max_failures = 9\n'
    )
    monkeypatch.setenv("CATALOGUE_EXPORTS_DIR", "/data/exports")
    monkeypatch.setenv("CATALOGUE_LOGIN_MAX_FAILURES", "3")
    app = create_app()
    assert app.config["MEDIA_DIR"] == "/srv/media"
    assert app.config["EXPORTS_DIR"] == "/data/exports"
    assert app.config["LOGIN_MAX_FAILURES"] == 3
