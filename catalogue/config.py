"""Configuration: defaults in code, then the instance file, then ``CATALOGUE_*`` environment.

Every key is documented in ``SETTINGS`` (and in the README); ``tests/core/test_config.py`` keeps
the three in step.
"""

from __future__ import annotations

import os
import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_CONFIG_FILE = "catalogue.toml"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "DATABASE_URL",
        None,
        "SQLAlchemy URL. Default: a SQLite file `catalogue.sqlite3` in the instance folder. "
        "PostgreSQL: `postgresql+psycopg://user@host/dbname`.",
    ),
    Setting(
        "SECRET_KEY",
        None,
        "Signs sessions and CSRF tokens. Default: a random key created once in the instance "
        "folder (`secret_key`). Set it explicitly when several app workers share a database.",
    ),
    Setting(
        "MEDIA_DIR",
        str(PROJECT_ROOT / "media"),
        "Where photos (originals and derivatives) are stored, content-addressed.",
    ),
    Setting(
        "EXPORTS_DIR",
        str(PROJECT_ROOT / "exports"),
        "Where published editions are written (`<catalogue>/<edition>/`).",
    ),
    Setting("THEMES_DIR", str(PROJECT_ROOT / "themes"), "Folder of theme packs."),
    Setting(
        "PUBLIC_BASE_URL",
        "http://127.0.0.1:5000",
        "Address buyers reach the site at; screen PDFs link every item to its page there.",
    ),
    Setting(
        "SAMPLE_NETWORK_DIR",
        str(PROJECT_ROOT / "producers"),
        "Folder of the sample producer network that `catalogue demo` imports.",
    ),
    Setting(
        "SEARCH_INDEX_DIR",
        None,
        "Whoosh index folder. Default: `search-index` in the instance folder.",
    ),
    Setting(
        "SQLITE_BUSY_TIMEOUT_MS",
        5000,
        "How long a SQLite connection waits for the write lock before failing.",
    ),
    Setting(
        "SQLITE_WRITE_RETRIES",
        2,
        "How many more times a SQLite write tries for the lock (with backoff) once the busy "
        "timeout has run out; then the request answers 503.",
    ),
    Setting(
        "PAGE_CACHE_SIZE",
        512,
        "Public pages each app process keeps in memory for visitors who are not signed in, "
        "while the data they show is unchanged (0 turns the cache off).",
    ),
    Setting("PAGE_CACHE_SECONDS", 300, "Longest a kept public page is served, in seconds."),
    Setting(
        "HTTPS",
        False,
        "Set to true in production behind HTTPS: session and remember cookies get the Secure "
        "flag and URLs are built with https.",
    ),
    Setting(
        "TRUST_PROXY",
        0,
        "Number of reverse proxies in front of the app whose X-Forwarded-* headers to trust.",
    ),
    Setting(
        "LOGIN_MAX_FAILURES",
        5,
        "Failed logins (per e-mail, and per client address) before further attempts get 429.",
    ),
    Setting(
        "LOGIN_LOCKOUT_SECONDS", 900, "How long the failures are remembered and the lock lasts."
    ),
    Setting(
        "MAX_CONTENT_LENGTH",
        32 * 1024 * 1024,
        "Largest request body accepted, in bytes (uploads); larger requests get 413.",
    ),
    Setting("LANGUAGES", ["en", "es", "fr", "vi"], "Interface and content languages offered."),
    Setting("DEFAULT_LOCALE", "en", "Language used when neither user nor browser chooses one."),
    Setting(
        "JOB_RUNNER",
        "thread",
        "Who runs background jobs: `thread` (in the app process), `inline` (at once, in the "
        "request; tests) or `redis` (an RQ queue run by `catalogue worker` processes).",
    ),
    Setting("JOB_THREADS", 2, "Threads of the in-process job runner."),
    Setting("REDIS_URL", "redis://127.0.0.1:6379/0", "Redis for `JOB_RUNNER=redis`."),
    Setting("JOB_QUEUE", "catalogue", "Name of the Redis job queue."),
    Setting(
        "DEMO_PHOTO_LONG_EDGE",
        2400,
        "Long side of the sample photos `catalogue demo` generates (2400 px exercises print).",
    ),
    Setting("DEMO_SERVE_HOST", "127.0.0.1", "Address `catalogue demo` and `serve` listen on."),
    Setting("DEMO_SERVE_PORT", 5000, "Port `catalogue demo` and `serve` listen on."),
)


def _load_instance_file(app: Flask) -> None:
    path = Path(app.instance_path) / INSTANCE_CONFIG_FILE
    if path.exists():
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        app.config.update({key.upper(): value for key, value in data.items()})


def _secret_key(app: Flask) -> str:
    path = Path(app.instance_path) / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def load_config(app: Flask, override: dict[str, Any] | None) -> None:
    """Fill ``app.config``: code defaults < instance file < ``CATALOGUE_*`` < override."""
    for setting in SETTINGS:
        app.config[setting.name] = setting.default
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,
    )
    _load_instance_file(app)
    app.config.from_prefixed_env("CATALOGUE")
    if override:
        app.config.update(override)

    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = f"sqlite:///{instance / 'catalogue.sqlite3'}"
    if not app.config["SEARCH_INDEX_DIR"]:
        app.config["SEARCH_INDEX_DIR"] = str(instance / "search-index")
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _secret_key(app)
    secure = bool(app.config["HTTPS"])
    app.config["SESSION_COOKIE_SECURE"] = secure
    app.config["REMEMBER_COOKIE_SECURE"] = secure
    app.config["PREFERRED_URL_SCHEME"] = "https" if secure else "http"
    app.config["BABEL_DEFAULT_LOCALE"] = app.config["DEFAULT_LOCALE"]


def instance_path_from_env() -> str | None:
    """``CATALOGUE_INSTANCE_PATH`` moves the instance folder (config file, SQLite file, secret)."""
    return os.environ.get("CATALOGUE_INSTANCE_PATH") or None
