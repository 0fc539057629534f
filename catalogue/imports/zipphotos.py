"""Photos from a zip file, read defensively: nothing is ever extracted to disk, entries are found by
their base name only (a name like ``../../etc/x.jpg`` is just ``x.jpg``), and archives that could
exhaust memory or disk (too many entries, too large once expanded, a zip bomb) are refused before
anything is decompressed. Every photo goes through the media pipeline's ``clean_upload``.
"""

from __future__ import annotations

import os
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from io import BytesIO
from typing import IO

from flask_babel import gettext as _

from catalogue.core.validation import ValidationError
from catalogue.imports.photos import PhotoInfo, PhotoSource, PreparedPhoto
from catalogue.imports.records import FILE_ROW, Problem

MAX_ENTRIES = 2000
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200
# A small entry cannot do harm whatever its ratio (a text file of spaces compresses 1000:1).
RATIO_FLOOR_BYTES = 1024 * 1024

ZipInput = str | os.PathLike[str] | bytes | IO[bytes]


def bomb_check(archive: zipfile.ZipFile, *, max_total: int = MAX_TOTAL_BYTES) -> str | None:
    """Why ``archive`` must not be expanded, from its directory alone (None when it is safe)."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        return _("The zip file has more than %(n)d files.", n=MAX_ENTRIES)
    if sum(e.file_size for e in entries) > max_total:
        return _(
            "The zip file would take more than %(mb)d MB once expanded.",
            mb=max_total // (1024 * 1024),
        )
    for entry in entries:
        if entry.file_size > RATIO_FLOOR_BYTES and entry.file_size > MAX_RATIO * max(
            entry.compress_size, 1
        ):
            return _(
                "The zip file was refused: “%(name)s” expands more than %(n)d times.",
                name=_basename(entry.filename),
                n=MAX_RATIO,
            )
    return None


def _basename(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def photo_key(name: str) -> str:
    """How a photo's name is matched: base name, NFC (macOS zips store NFD), any case."""
    return unicodedata.normalize("NFC", _basename(name).strip()).casefold()


def _is_regular_file(entry: zipfile.ZipInfo) -> bool:
    if entry.is_dir() or entry.filename.startswith("__MACOSX"):
        return False
    base = _basename(entry.filename)
    if not base or base.startswith("."):  # .DS_Store, AppleDouble "._x.jpg"
        return False
    kind = stat.S_IFMT(entry.external_attr >> 16)
    return kind in (0, stat.S_IFREG)  # no type at all: made on Windows, or by Python


class ZipPhotos(PhotoSource):
    """The photos of one uploaded zip, by base name."""

    def __init__(self, source: ZipInput) -> None:
        self._problems: list[Problem] = []
        self._entries: dict[str, zipfile.ZipInfo] = {}
        self._twice: set[str] = set()
        self._checked: dict[str, PhotoInfo | str] = {}
        self._archive: zipfile.ZipFile | None = None
        stream = BytesIO(source) if isinstance(source, bytes) else source
        try:
            archive = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            self._refuse(_("The photos file is not a zip file."))
            return
        self._archive = archive
        refused = bomb_check(archive)
        if refused:
            self._refuse(refused)
            return
        for entry in archive.infolist():
            if not _is_regular_file(entry):
                continue
            key = photo_key(entry.filename)
            if key in self._entries:
                self._twice.add(key)
            self._entries[key] = entry

    def _refuse(self, message: str) -> None:
        self._problems.append(Problem(FILE_ROW, "photos", message))

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def names(self) -> list[str]:
        """The base names of the photos the zip holds."""
        return sorted(_basename(e.filename) for e in self._entries.values())

    def _read(self, name: str) -> bytes | str:
        key = photo_key(name)
        if self._archive is None or key not in self._entries:
            return _("“%(name)s” is not in the zip file.", name=name)
        if key in self._twice:
            return _("The zip file holds more than one file called “%(name)s”.", name=name)
        entry = self._entries[key]
        try:
            with self._archive.open(entry) as fh:
                data = fh.read(entry.file_size + 1)
        except (
            zipfile.BadZipFile,
            RuntimeError,
            NotImplementedError,
            OSError,
            EOFError,
            zlib.error,
        ):
            return _("“%(name)s” could not be read from the zip file.", name=name)
        if len(data) > entry.file_size:  # a directory entry that lies about the size
            return _("“%(name)s” could not be read from the zip file.", name=name)
        return data

    def inspect(self, name: str) -> PhotoInfo | str:
        from catalogue.media.pipeline import clean_upload

        key = photo_key(name)
        if key not in self._checked:
            data = self._read(name)
            try:
                checked: PhotoInfo | str = (
                    data
                    if isinstance(data, str)
                    else PhotoInfo(sha256=clean_upload(data, _basename(name)).sha256)
                )
            except ValidationError as exc:
                checked = _message(exc)
            self._checked[key] = checked
        return self._checked[key]

    def prepare(self, names: list[str]) -> Iterator[tuple[str, PreparedPhoto | str]]:
        from catalogue.media.pipeline import ingest

        for name in names:
            data = self._read(name)
            if isinstance(data, str):
                yield name, data
                continue
            try:
                done = ingest(data, _basename(name))
            except ValidationError as exc:
                yield name, _message(exc)
                continue
            photo = done.photo
            issues = [
                {"code": i.code, "severity": i.severity, "params": i.params} for i in done.quality
            ]
            yield (
                name,
                PreparedPhoto(
                    data=photo.data,
                    sha256=photo.sha256,
                    mime=photo.mime,
                    width=photo.width,
                    height=photo.height,
                    derivatives=dict(done.derivatives),
                    dominant_colour=done.dominant_colour,
                    quality={"issues": issues},
                ),
            )

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()


def _message(exc: ValidationError) -> str:
    return exc.errors.get("photo") or next(iter(exc.errors.values()), "")
