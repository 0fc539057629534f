"""Turn one snapshot into the files of an edition folder: PDFs, imposition, previews, manifest.

Works from the snapshot alone (plus the photo files it names), so a draft preview and a
published edition go through exactly the same code.
"""

from __future__ import annotations

import hashlib
import json
import os
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
# Page previews made while publishing; the others are made when first asked for (see
# ``catalogue.exports.previews.ensure_preview``), so a long booklet publishes in the same time.
PREVIEWS_AT_ONCE = 8

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
    reuse: Path | None = None,
) -> dict[str, Any]:
    """Write the edition's files into ``out_dir`` (replaced as a whole) and return the manifest.

    Files are written to a sibling temporary folder first and moved into place at the end, so
    a failed render never leaves a half-written edition behind. Only the first
    :data:`PREVIEWS_AT_ONCE` page previews are made; the manifest names every page's, and the
    others are made when first asked for. ``reuse`` is the folder of the previous edition: when
    its manifest has the same :func:`render_key`, its files are hard-linked instead of drawn
    again; otherwise any file that comes out identical to its own is linked to it.
    """
    formats = parse_formats(list(formats))
    info = snapshot["catalogue"]
    locales = list(info["locales"]) or ["en"]
    primary = locales[0]
    key = render_key(snapshot, formats, theme=theme, base_url=base_url, previews=previews)
    before = _previous_manifest(reuse)
    work = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        if reuse is not None and before is not None and _can_reuse(before, reuse, key):
            # Nothing that goes into the files changed: the previous files, linked, not redone.
            if progress:
                progress("reused", 0, 1)
            outputs = [OutputFile(**entry) for entry in before["files"]]
            for entry in outputs:
                _link_or_copy(reuse / entry.name, work / entry.name)
            preview_source = before.get("preview_source")
            preview_files = list(before.get("previews") or [])
            if (reuse / "previews").is_dir():
                (work / "previews").mkdir()
                for png in (reuse / "previews").glob("page-*.png"):
                    _link_or_copy(png, work / "previews" / png.name)
        else:
            outputs = _render_pdfs(
                snapshot, work, formats, theme, photo_path, base_url, progress, locales
            )
            if before is not None and reuse is not None:
                _link_identical(outputs, before, reuse, work)
            preview_source, preview_files = None, []
            if previews and outputs:
                preview_source, preview_files = _first_previews(outputs, primary, work, progress)
        manifest = {
            "catalogue": f"{info['network_slug']}/{info['slug']}",
            "edition": snapshot["edition"],
            "snapshot_sha256": snapshot_sha256(snapshot),
            "render_key": key,
            "format": info["format"],
            "theme": info["theme"],
            "locales": locales,
            "item_count": len(snapshot["items"]),
            "page_count": outputs[0].pages if outputs else 0,
            "formats": list(formats),
            "files": [asdict(o) for o in outputs],
            "previews": preview_files,
            "preview_source": preview_source,
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


def _render_pdfs(
    snapshot: Snapshot,
    work: Path,
    formats: tuple[str, ...],
    theme: Theme,
    photo_path: Callable[[str], Path],
    base_url: str,
    progress: Progress | None,
    locales: list[str],
) -> list[OutputFile]:
    from catalogue.exports.pdf import render_pdf

    info = snapshot["catalogue"]
    primary = locales[0]
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
    return outputs


def _first_previews(
    outputs: list[OutputFile], primary: str, work: Path, progress: Progress | None
) -> tuple[str, list[str]]:
    """Render the first :data:`PREVIEWS_AT_ONCE` page previews; (source PDF, every page's name).

    The screen PDF is drawn from (its photos are a quarter of the print's pixels, the pages the
    same), else the print PDF cut to its trim."""
    from catalogue.exports.previews import page_previews, preview_name

    candidates = [o for o in outputs if o.locale == primary and o.variant != "imposed"]
    source = next((o for o in candidates if o.variant == "screen"), candidates[0])
    if progress:
        progress("previews", 0, 1)
    page_previews(work / source.name, work / "previews", first=PREVIEWS_AT_ONCE)
    return source.name, [f"previews/{preview_name(n)}" for n in range(1, source.pages + 1)]


def render_key(
    snapshot: Snapshot,
    formats: Iterable[str],
    *,
    theme: Theme,
    base_url: str = "",
    previews: bool = True,
) -> str:
    """A hash of everything an edition's files are made from: the snapshot's content (photos are
    named in it by their SHA-256), the formats, the theme and its font files, the link base, and
    the code and library versions that draw the pages. Equal keys give equal files."""
    from importlib.metadata import version

    import reportlab

    import catalogue.exports as exports

    digest = hashlib.sha256()
    for part in (
        snapshot_sha256(snapshot),
        ",".join(formats),
        repr(theme),
        base_url,
        str(previews),
        reportlab.Version,
        *(version(package) for package in ("pypdf", "pypdfium2", "Pillow", "Babel")),
    ):
        digest.update(part.encode())
        digest.update(b"\0")
    faces = (theme.fonts.body, theme.fonts.bold, theme.fonts.italic, theme.fonts.heading)
    for face in faces:
        stat = Path(face.path).stat()
        digest.update(f"{face.path}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    code = [Path(__file__), *sorted(Path(exports.__file__).parent.rglob("*.py"))]
    for source in code:
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _previous_manifest(folder: Path | None) -> dict[str, Any] | None:
    if folder is None:
        return None
    try:
        manifest = json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def _can_reuse(before: dict[str, Any], folder: Path, key: str) -> bool:
    """The previous edition was made from the same inputs and its files are all there."""
    if before.get("render_key") != key or not before.get("files"):
        return False
    for entry in before["files"]:
        path = folder / entry["name"]
        if not path.is_file() or path.stat().st_size != entry["bytes"]:
            return False
    return True


def _link_identical(
    outputs: list[OutputFile], before: dict[str, Any], folder: Path, work: Path
) -> None:
    """Files that came out byte for byte as the previous edition's share its copy on disk."""
    earlier = {entry["name"]: entry for entry in before.get("files") or []}
    for output in outputs:
        entry = earlier.get(output.name)
        if not entry or entry.get("sha256") != output.sha256:
            continue
        old = folder / output.name
        if old.is_file() and old.stat().st_size == output.bytes:
            _link_or_copy(old, work / output.name, replace=True)


def _link_or_copy(source: Path, target: Path, *, replace: bool = False) -> None:
    """Hard-link ``source`` as ``target`` (a copy where links are not possible)."""
    partial = target.with_name(f".{target.name}.link")
    partial.unlink(missing_ok=True)
    try:
        os.link(source, partial)
    except OSError:
        shutil.copy2(source, partial)
    if replace or not target.exists():
        os.replace(partial, target)
    else:
        partial.unlink()


def _output(path: Path, variant: str, locale: str, pages: int) -> OutputFile:
    return OutputFile(
        name=path.name,
        variant=variant,
        locale=locale,
        pages=pages,
        bytes=path.stat().st_size,
        sha256=sha256_file(path),
    )
