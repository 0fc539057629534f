"""The layout's promises, checked the way `make lint` checks them: the base layer (`core`)
imports no domain package, the job runner knows no job, and outputs are made from an edition
alone. (Issue #7, deliver 3.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from catalogue.config import PROJECT_ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
BASE = {"core", "jobs", "migrations", "templates", "static", "translations", "__pycache__"}


def _contracts() -> list[dict]:
    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["contracts"]


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_layer_contracts_hold() -> None:
    result = _lint(PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_may_import_no_domain_package_not_even_a_new_one() -> None:
    (core,) = [c for c in _contracts() if c["source_modules"] == ["catalogue.core"]]
    packages = {
        p.name for p in (PROJECT_ROOT / "catalogue").iterdir() if p.is_dir() and p.name not in BASE
    }
    assert {f"catalogue.{p}" for p in packages} <= set(core["forbidden_modules"])


def test_make_lint_fails_when_core_imports_a_domain(tmp_path: Path) -> None:
    shutil.copytree(
        PROJECT_ROOT / "catalogue",
        tmp_path / "catalogue",
        ignore=shutil.ignore_patterns("__pycache__", "translations", "static", "templates"),
    )
    shutil.copy(PROJECT_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    types = tmp_path / "catalogue" / "core" / "types.py"
    types.write_text(types.read_text() + "\nfrom catalogue.products import models  # noqa\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "catalogue.core is not allowed to import catalogue.products" in result.stdout
