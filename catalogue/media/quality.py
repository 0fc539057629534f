"""Plain-words feedback on a photo: messages, the quality checks and the dominant colour.

Everything here works on Pillow images that are already upright sRGB RGB (the pipeline makes
them so); ``catalogue.media.pipeline`` wraps these functions for ``CleanPhoto`` objects.

Messages are kept as *codes* with English templates. :func:`describe` translates a code with
Flask-Babel when an application context is active and falls back to English otherwise, so jobs,
the CLI and tests can call it anywhere.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from flask import current_app, has_app_context
from PIL import Image, ImageFilter, ImageStat

from catalogue.media.derivatives import shrink

Severity = Literal["warning", "error"]


def N_(message: str) -> str:
    """Mark ``message`` for extraction by pybabel without translating it yet."""
    return message


# Templates in English. Keys are message codes; "<code>.error" is the stronger variant of a
# quality issue when its severity is "error".
_MESSAGES: dict[str, str] = {
    # Refused uploads
    "empty": N_("The file is empty. Please choose the photo again."),
    "file_too_large": N_(
        "This file is too big (%(size_mb)s MB). Photos up to %(max_mb)s MB are accepted."
    ),
    "not_an_image": N_(
        "This file is not a photo. Please choose a photo in JPEG, PNG, WebP or HEIC format."
    ),
    "unsupported_type": N_(
        "%(kind)s files are not accepted. Please choose a photo in JPEG, PNG, WebP or HEIC format."
    ),
    "corrupt": N_(
        "This photo is damaged or incomplete and cannot be opened. "
        "Please send it again, or take the photo again."
    ),
    "too_many_pixels": N_(
        "This picture has far too many pixels for a photo. "
        "Photos up to %(max_megapixels)s megapixels are accepted."
    ),
    "too_small": N_(
        "This photo is too small (%(width)s × %(height)s pixels). "
        "A photo must be at least %(min_edge)s pixels wide and high."
    ),
    "named_file": N_("%(filename)s: %(problem)s"),
    # Quality report
    "too_small_for_print": N_(
        "This photo is a little small for print: in a %(slot)s space it would print at "
        "%(ppi)s dots per inch, and 300 are needed for a sharp print. It is fine for the web."
    ),
    "too_small_for_print.error": N_(
        "This photo is too small for print: in a %(slot)s space it would print at only "
        "%(ppi)s dots per inch and look blurry. Please take it again with the camera set to "
        "its largest photo size."
    ),
    "blurry": N_(
        "This photo looks blurry. Hold the phone still, tap the product on the screen to "
        "focus, and take it again in good light."
    ),
    "too_dark": N_("This photo is too dark. Please take it again near a window or in daylight."),
    "too_bright": N_(
        "This photo is too bright and the colours look washed out. "
        "Please take it again out of direct sunlight."
    ),
}


def describe(code: str, /, severity: str | None = None, **params: Any) -> str:
    """The message for ``code`` in the current user's language (English outside an app).

    ``params`` fill the template's ``%(name)s`` placeholders; ``severity="error"`` picks the
    stronger wording where a code has one. Raises ``KeyError`` for an unknown code.
    """
    template = _MESSAGES.get(f"{code}.{severity}") if severity else None
    template = template or _MESSAGES[code]
    if has_app_context() and "babel" in current_app.extensions:
        from flask_babel import gettext

        return gettext(template, **params)
    return template % params if params else template


@dataclass(frozen=True)
class QualityIssue:
    """One problem with a photo, in plain words for the producer who took it."""

    code: str  # "too_small_for_print" | "blurry" | "too_dark" | "too_bright"
    severity: Severity
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form, e.g. for ``ProductImage.quality``."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "params": dict(self.params),
        }


def _issue(code: str, severity: Severity, **params: Any) -> QualityIssue:
    return QualityIssue(code, severity, describe(code, severity=severity, **params), params)


# --- Measuring -----------------------------------------------------------------------------

# Blur is judged at about the size a photo prints: a 90 mm slot at 300 ppi is 1063 px. (At 512 px
# a 12 MP photo blurred by 8 px still measures sharp.)
ANALYSIS_EDGE = 1024  # long edge of the greyscale copy the checks look at
PRINT_PPI = 300  # sharp print
MIN_PRINT_PPI = 150  # below this a print looks visibly soft: an error, not a warning
# Calibrated on the demo renders (24 motifs at 1200, 2000 and 4000 px, JPEG q85): sharp photos
# score 44-517; GaussianBlur radius 8 scores 1.5-8.4, radius 4 at 2000 px 3-11, radius 2 at 1200 px
# 6-21 (visibly soft at that size).
BLUR_THRESHOLD = 20.0
DARK_MEAN, DARK_HIGHLIGHT = 50, 90  # mean luma, and the 98th percentile stays below
BRIGHT_MEAN, BRIGHT_SHADOW = 225, 160  # mean luma, and the 5th percentile stays above

_LAPLACIAN = ImageFilter.Kernel((3, 3), (0, 1, 0, 1, -4, 1, 0, 1, 0), scale=1, offset=128)
_GRID = 8  # tiles per side for the sharpness measure


def analysis_copy(image: Image.Image) -> Image.Image:
    """The greyscale copy (long edge ``ANALYSIS_EDGE``) that the checks measure."""
    small = shrink(image, ANALYSIS_EDGE, reducing_gap=1.0)
    return small if small.mode == "L" else small.convert("L")


@dataclass(frozen=True)
class Measures:
    """What the checks look at, measured once on the analysis copy."""

    sharpness: float  # variance of the Laplacian in the most detailed quarter of the photo
    mean_luma: float
    low_luma: int  # 5th percentile
    high_luma: int  # 98th percentile


def _percentile(histogram: list[int], fraction: float) -> int:
    target = fraction * sum(histogram)
    running = 0
    for value, count in enumerate(histogram):
        running += count
        if running >= target:
            return value
    return len(histogram) - 1


_LEVELS = range(256)
_SQUARES = [v * v for v in _LEVELS]


def _variance(histogram: list[int]) -> float:
    """The variance of an "L" image from its histogram: ``ImageStat.Stat(...).var[0]``, with
    the sums done by ``map`` in C rather than a Python loop (64 tiles a photo)."""
    count = sum(histogram)
    total = float(sum(map(operator.mul, histogram, _LEVELS)))
    squares = float(sum(map(operator.mul, histogram, _SQUARES)))
    return (squares - total**2.0 / count) / count


def measure(grey: Image.Image) -> Measures:
    """Sharpness and exposure of a greyscale analysis copy (see :func:`analysis_copy`).

    Sharpness is the variance of the Laplacian, taken tile by tile so that a sharp product on a
    plain, smooth backdrop still counts as sharp: the score is the mean of the most detailed
    quarter of the tiles.
    """
    if grey.mode != "L":
        grey = grey.convert("L")
    histogram = grey.histogram()
    mean = ImageStat.Stat(grey).mean[0]
    # The filter copies the outermost pixels unfiltered: leave them out.
    lap = grey.filter(_LAPLACIAN)
    lap = lap.crop((2, 2, max(3, lap.width - 2), max(3, lap.height - 2)))
    cols = min(_GRID, max(1, lap.width // 16))
    rows = min(_GRID, max(1, lap.height // 16))
    variances = []
    for j in range(rows):
        for i in range(cols):
            box = (
                i * lap.width // cols,
                j * lap.height // rows,
                (i + 1) * lap.width // cols,
                (j + 1) * lap.height // rows,
            )
            variances.append(_variance(lap.crop(box).histogram()))
    variances.sort(reverse=True)
    top = variances[: max(1, len(variances) // 4)]
    return Measures(
        sharpness=sum(top) / len(top),
        mean_luma=mean,
        low_luma=_percentile(histogram, 0.05),
        high_luma=_percentile(histogram, 0.98),
    )


def _slot_label(slot_mm: tuple[float, float]) -> str:
    return " × ".join(f"{v / 10:.1f}".rstrip("0").rstrip(".") for v in slot_mm) + " cm"


def effective_ppi(width: int, height: int, slot_mm: tuple[float, float]) -> float:
    """Pixels per inch when a ``width`` × ``height`` photo is fitted whole into the slot."""
    mm_per_px = min(slot_mm[0] / width, slot_mm[1] / height)
    return 25.4 / mm_per_px


def assess(
    measures: Measures, width: int, height: int, slot_mm: tuple[float, float]
) -> list[QualityIssue]:
    """The quality issues of a ``width`` × ``height`` photo with the given ``measures``."""
    issues: list[QualityIssue] = []
    ppi = effective_ppi(width, height, slot_mm)
    if ppi < PRINT_PPI:
        severity: Severity = "error" if ppi < MIN_PRINT_PPI else "warning"
        issues.append(
            _issue(
                "too_small_for_print",
                severity,
                ppi=int(ppi),
                slot=_slot_label(slot_mm),
                slot_mm=list(slot_mm),
                width=width,
                height=height,
            )
        )
    if measures.sharpness < BLUR_THRESHOLD:
        issues.append(_issue("blurry", "warning", sharpness=round(measures.sharpness, 1)))
    if measures.mean_luma < DARK_MEAN and measures.high_luma < DARK_HIGHLIGHT:
        issues.append(_issue("too_dark", "warning", mean_luma=round(measures.mean_luma, 1)))
    elif measures.mean_luma > BRIGHT_MEAN and measures.low_luma > BRIGHT_SHADOW:
        issues.append(_issue("too_bright", "warning", mean_luma=round(measures.mean_luma, 1)))
    return issues


# --- Dominant colour -----------------------------------------------------------------------

_COLOUR_EDGE = 64
_CLUSTERS = 8


RGB = tuple[int, int, int]


def _is_plain(rgb: RGB) -> bool:
    """Near-white, near-black or grey: backdrop-like rather than the product's colour."""
    high, low = max(rgb), min(rgb)
    return high - low < 28 or low > 225 or high < 30


def _distance(a: RGB, b: RGB) -> int:
    return sum(abs(x - y) for x, y in zip(a, b, strict=True))


def dominant_colour_of(image: Image.Image) -> str:
    """The colour of what the photo shows, as ``#rrggbb``.

    The photo is shrunk to 64 px and reduced to 8 colours (median cut, deterministic). The
    backdrop is recognised as the colour most common along the border; it, and plain
    white/grey/black clusters, are skipped when a real colour covers at least 3 % of the photo.
    """
    small = shrink(image, _COLOUR_EDGE, reducing_gap=1.0)
    if small.mode != "RGB":
        small = small.convert("RGB")
    quantized = small.quantize(colors=_CLUSTERS, method=Image.Quantize.MEDIANCUT)
    raw = quantized.getpalette() or []
    palette: list[RGB] = [(raw[i], raw[i + 1], raw[i + 2]) for i in range(0, len(raw) - 2, 3)]
    # (count, palette index), most frequent first; ties by index, so the result is stable.
    counts = sorted(quantized.getcolors() or [], key=lambda ci: (-ci[0], ci[1]))
    if not counts:  # cannot happen for a non-empty image; keep the function total anyway
        return "#808080"
    w, h = quantized.size
    border = [quantized.getpixel((x, y)) for x in range(w) for y in (0, h - 1)]
    border += [quantized.getpixel((x, y)) for y in range(h) for x in (0, w - 1)]
    backdrop = palette[max(set(border), key=lambda i: (border.count(i), -i))]
    total = w * h

    def pick(keep: Callable[[RGB], bool]) -> RGB | None:
        for count, index in counts:
            if count >= 0.03 * total and keep(palette[index]):
                return palette[index]
        return None

    rgb = (
        pick(lambda c: not _is_plain(c) and _distance(c, backdrop) > 60)
        or pick(lambda c: _distance(c, backdrop) > 60)
        or palette[counts[0][1]]
    )
    return "#{:02x}{:02x}{:02x}".format(*rgb)
