"""Turn one snapshot into the files of an edition folder: PDFs, imposition, previews, manifest.

Works from the snapshot alone (plus the photo files it names), so a draft preview and a
published edition go through exactly the same code.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from catalogue.editions.schema import Snapshot
from catalogue.themes.model import Theme

# What an edition can be published as. ``imposed`` is the 2-up saddle-stitch file of a booklet.
FORMATS = ("print", "screen", "imposed")
DEFAULT_FORMATS = ("print", "screen")

Progress = Callable[[str, int, int], None]  # (step, done, total)


@dataclass(frozen=True)
class OutputFile:
    name: str
    variant: str
    locale: str
    pages: int
    bytes: int
    sha256: str


def parse_formats(value: str | Iterable[str]) -> tuple[str, ...]:
    """``"print,screen"`` (or a list) -> a checked tuple in canonical order."""
    names = value.split(",") if isinstance(value, str) else list(value)
    wanted = {n.strip().lower() for n in names if n.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise ValueError(
            f"unknown format(s): {', '.join(unknown)}; choose from {', '.join(FORMATS)}"
        )
    if not wanted:
        raise ValueError("choose at least one format")
    if "imposed" in wanted:
        wanted.add("print")  # the imposition is made from the print PDF
    return tuple(f for f in FORMATS if f in wanted)


def file_name(variant: str, locale: str, primary: str) -> str:
    """``print.pdf`` in the catalogue's first language, ``print.fr.pdf`` in the others."""
    return f"{variant}.pdf" if locale == primary else f"{variant}.{locale}.pdf"


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read a megabyte at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def snapshot_sha256(snapshot: Snapshot) -> str:
    """Hash of the snapshot's content, ignoring the edition number."""
    content = {k: v for k, v in snapshot.items() if k != "edition"}
    data = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode()).hexdigest()


def render_edition(
    snapshot: Snapshot,
    out_dir: Path,
    formats: Iterable[str],
    *,
    theme: Theme,
    photo_path: Callable[[str], Path],
    base_url: str = "",
    progress: Progress | None = None,
    previews: bool = True,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write the edition's files into ``out_dir`` (replaced as a whole) and return the manifest.

    Files are written to a sibling temporary folder first and moved into place at the end, so
    a failed render never leaves a half-written edition behind.
    """
    from catalogue.exports.pdf import render_pdf

    formats = parse_formats(list(formats))
    info = snapshot["catalogue"]
    locales = list(info["locales"]) or ["en"]
    primary = locales[0]
    work = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        outputs: list[OutputFile] = []
        steps = [(v, loc) for v in ("print", "screen") if v in formats for loc in locales]
        for index, (variant, locale) in enumerate(steps):

            def _page_progress(done: int, total: int, _i: int = index, _v: str = variant) -> None:
                if progress:
                    progress(f"{_v}", _i * 100 + (100 * done // max(total, 1)), len(steps) * 100)

            path = work / file_name(variant, locale, primary)
            imposed = None
            if variant == "print" and "imposed" in formats and info["format"] == "booklet":
                imposed = work / file_name("imposed", locale, primary)
            result = render_pdf(
                snapshot,
                theme,
                path,
                locale=locale,
                variant=variant,
                photo_path=photo_path,
                base_url=base_url,
                progress=_page_progress,
                imposed=imposed,
            )
            outputs.append(_output(path, variant, locale, result.pages))
            if imposed is not None:
                outputs.append(_output(imposed, "imposed", locale, result.imposed_sides))
        preview_files: list[str] = []
        if previews and outputs:
            from catalogue.exports.previews import page_previews

            source = next(o for o in outputs if o.locale == primary and o.variant != "imposed")
            if progress:
                progress("previews", 0, 1)
            pngs = page_previews(work / source.name, work / "previews")
            preview_files = [f"previews/{p.name}" for p in pngs]
        manifest = {
            "catalogue": f"{info['network_slug']}/{info['slug']}",
            "edition": snapshot["edition"],
            "snapshot_sha256": snapshot_sha256(snapshot),
            "format": info["format"],
            "theme": info["theme"],
            "locales": locales,
            "item_count": len(snapshot["items"]),
            "page_count": outputs[0].pages if outputs else 0,
            "formats": list(formats),
            "files": [asdict(o) for o in outputs],
            "previews": preview_files,
            **(extra or {}),
        }
        (work / "manifest.json").write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        )
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)  # no half-written edition left behind
        raise
    if out_dir.exists():
        shutil.rmtree(out_dir)
    work.rename(out_dir)
    return manifest


def _output(path: Path, variant: str, locale: str, pages: int) -> OutputFile:
    return OutputFile(
        name=path.name,
        variant=variant,
        locale=locale,
        pages=pages,
        bytes=path.stat().st_size,
        sha256=sha256_file(path),
    )
