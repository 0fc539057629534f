"""Where file bytes live. The database keeps only metadata and the SHA-256 that names a blob.

``LocalStorage`` (the default) writes below ``MEDIA_DIR``; an S3-compatible backend implements the
same four methods.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from abc import ABC, abstractmethod
from pathlib import Path

from flask import Flask, current_app

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Storage(ABC):
    @abstractmethod
    def put(self, data: bytes) -> str:
        """Store ``data`` under its SHA-256 (idempotent) and return the hash."""

    @abstractmethod
    def get(self, key: str) -> bytes: ...

    @abstractmethod
    def exists(self, key: str) -> bool: ...

    @abstractmethod
    def delete(self, key: str) -> None: ...

    def local_path(self, key: str) -> Path | None:
        """A filesystem path for ``key`` when the backend has one (ReportLab embeds by path)."""
        return None


class LocalStorage(Storage):
    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        if not _SHA256.match(key):
            raise ValueError(f"not a content hash: {key!r}")
        return self.root / key[:2] / key[2:4] / key

    def put(self, data: bytes) -> str:
        key = sha256_hex(data)
        path = self._path(key)
        if path.exists():
            return key
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a reader never sees half a file and a crash leaves no blob.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return key

    def get(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def exists(self, key: str) -> bool:
        return self._path(key).exists()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def local_path(self, key: str) -> Path | None:
        return self._path(key)


def init_storage(app: Flask) -> None:
    app.extensions["catalogue.storage"] = LocalStorage(app.config["MEDIA_DIR"])


def get_storage() -> Storage:
    """The storage backend of the current app."""
    return current_app.extensions["catalogue.storage"]
