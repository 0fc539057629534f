"""Uploaded files kept between the dry run and the confirmation, in
``<instance>/imports/<token>/``. The token is random and checked before it is used as a folder
name; a folder belongs to one network and one user, and is deleted once used or a day old."""

from __future__ import annotations

import json
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

MAX_AGE_SECONDS = 24 * 3600
TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
TABLE, PHOTOS, META = "table", "photos.zip", "meta.json"


class UnknownImport(LookupError):
    """No staged import with this token for this network and user (or a malformed token)."""


@dataclass(frozen=True)
class Staged:
    token: str
    folder: Path
    filename: str  # the spreadsheet's name as uploaded (shown, never used as a path)

    @property
    def table(self) -> Path:
        return self.folder / TABLE

    @property
    def photos(self) -> Path | None:
        path = self.folder / PHOTOS
        return path if path.exists() else None


def _root(instance_path: str | Path) -> Path:
    return Path(instance_path) / "imports"


def stage(
    instance_path: str | Path,
    *,
    table: IO[bytes],
    filename: str,
    photos: IO[bytes] | None,
    network_slug: str,
    user_id: int,
) -> Staged:
    """Save the uploads under a new random token (and sweep away abandoned ones)."""
    sweep(instance_path)
    token = secrets.token_urlsafe(32)
    folder = _root(instance_path) / token
    folder.mkdir(parents=True)
    with (folder / TABLE).open("wb") as out:
        shutil.copyfileobj(table, out)
    if photos is not None:
        with (folder / PHOTOS).open("wb") as out:
            shutil.copyfileobj(photos, out)
    meta = {"network": network_slug, "user_id": user_id, "filename": filename}
    (folder / META).write_text(json.dumps(meta))
    return Staged(token, folder, filename)


def find(instance_path: str | Path, token: str, *, network_slug: str, user_id: int) -> Staged:
    """The staged import ``token`` of this user in this network; UnknownImport otherwise."""
    if not TOKEN.match(token or ""):
        raise UnknownImport(token)
    folder = _root(instance_path) / token
    try:
        meta = json.loads((folder / META).read_text())
    except (OSError, ValueError):
        raise UnknownImport(token) from None
    if meta.get("network") != network_slug or meta.get("user_id") != user_id:
        raise UnknownImport(token)
    return Staged(token, folder, str(meta.get("filename", "")))


def discard(staged: Staged) -> None:
    shutil.rmtree(staged.folder, ignore_errors=True)


def sweep(instance_path: str | Path, max_age: int = MAX_AGE_SECONDS) -> None:
    """Delete staged imports older than ``max_age`` seconds."""
    root = _root(instance_path)
    if not root.is_dir():
        return
    limit = time.time() - max_age
    for folder in root.iterdir():
        if TOKEN.match(folder.name) and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)
