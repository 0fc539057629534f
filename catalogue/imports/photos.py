"""Where an import's photos come from: a zip of files (``zipphotos.ZipPhotos``) or, for the sample
network, pictures drawn by code (``catalogue.demo.loader.GeneratedPhotos``). The import asks a
source the same three questions either way."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from catalogue.imports.records import Problem


class EncodedImage(Protocol):
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class PhotoInfo:
    """What is known of a photo before it is stored: a stable key and/or its content hash, so
    that a photo a product already has is not added again."""

    key: str | None = None  # kept as ProductImage.source_key
    sha256: str | None = None


@dataclass
class PreparedPhoto:
    """A photo ready to store: the cleaned original and its derivatives."""

    data: bytes
    sha256: str
    mime: str
    width: int
    height: int
    derivatives: dict[Any, EncodedImage] = field(default_factory=dict)  # DerivativeKind -> image
    dominant_colour: str | None = None
    quality: dict[str, Any] = field(default_factory=dict)


class PhotoSource(ABC):
    def problems(self) -> list[Problem]:
        """Problems with the source as a whole (a file that is not a zip, a zip bomb…)."""
        return []

    @abstractmethod
    def inspect(self, name: str) -> PhotoInfo | str:
        """Check one named photo (cleaning it when that is how it is checked); a message when it
        is missing or unusable."""

    @abstractmethod
    def prepare(self, names: list[str]) -> Iterator[tuple[str, PreparedPhoto | str]]:
        """Each named photo ready to store (or a message), in any order."""

    def close(self) -> None:  # noqa: B027  (most sources hold nothing)
        """Release what the source holds open."""

    def __enter__(self) -> PhotoSource:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class PreparedPhotos(PhotoSource):
    """``source`` with some photos already prepared (before the import's write transaction, so
    that no photo is processed while SQLite's write lock is held); others are prepared when
    asked for, as ``source`` would."""

    def __init__(self, source: PhotoSource, ready: dict[str, PreparedPhoto | str]) -> None:
        self.source, self.ready = source, ready

    def problems(self) -> list[Problem]:
        return self.source.problems()

    def inspect(self, name: str) -> PhotoInfo | str:
        return self.source.inspect(name)

    def prepare(self, names: list[str]) -> Iterator[tuple[str, PreparedPhoto | str]]:
        for name in names:
            if name in self.ready:
                yield name, self.ready[name]
        yield from self.source.prepare([n for n in names if n not in self.ready])

    def close(self) -> None:
        self.source.close()
