"""Text on the page: picking the locale, NFC, escaping for Paragraph, fitting with an ellipsis.

User text (names, descriptions, stories) only ever reaches a ReportLab ``Paragraph`` through
:func:`markup`, which escapes it, so a product called ``<font color="red">`` or ``<img src=…>``
is printed as those characters and never interpreted.
"""

from __future__ import annotations

import unicodedata
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

ELLIPSIS = "…"
_QUOTES = {'"': "&quot;", "'": "&#39;"}
_TALL = 1e6  # wrap height when counting lines: never the limit


def nfc(text: str | None) -> str:
    """``text`` in Unicode NFC (composed) form; empty for None."""
    return unicodedata.normalize("NFC", text or "")


def pick(texts: Mapping[str, str] | None, locale: str, fallbacks: Sequence[str] = ()) -> str:
    """``texts[locale]``, else the first of ``fallbacks`` that has a text, else any text."""
    if not texts:
        return ""
    for key in (locale, *fallbacks):
        if texts.get(key):
            return nfc(texts[key])
    return nfc(next((v for v in texts.values() if v), ""))


def markup(text: str) -> str:
    """Plain text as Paragraph markup: &, <, > and quotes escaped; line breaks kept."""
    lines = nfc(text).strip().splitlines()
    return "<br/>".join(escape(line, _QUOTES) for line in lines)


@dataclass(frozen=True)
class Fitted:
    """A text set in a frame of ``room`` lines; ``needed`` says how many the whole text takes."""

    paragraph: Paragraph | None  # None when there is nothing to draw
    height: float
    needed: int
    room: int

    @property
    def overflows(self) -> bool:
        return self.needed > self.room


def _wrap(text: str, style: ParagraphStyle, width: float) -> tuple[Paragraph, float, int]:
    para = Paragraph(markup(text), style)
    _, height = para.wrap(width, _TALL)
    return para, height, len(para.blPara.lines)


_STYLE_KEYS: weakref.WeakKeyDictionary[ParagraphStyle, tuple] = weakref.WeakKeyDictionary()


def _style_key(style: ParagraphStyle) -> tuple:
    """Everything about ``style`` that line breaking may read, as a hashable value (worked out
    once per style object; not stored on the style, whose attributes a child style copies)."""
    key = _STYLE_KEYS.get(style)
    if key is None:
        values = ((name, getattr(style, name, None)) for name in sorted(style.defaults))
        key = tuple(
            (name, v if isinstance(v, str | int | float | None) else repr(v)) for name, v in values
        )
        _STYLE_KEYS[style] = key
    return key


_LINES: dict[tuple, int] = {}
_LINES_KEPT = 20_000  # about 2 MB: the texts of several large catalogues in every language


def lines_needed(text: str, style: ParagraphStyle, width: float) -> int:
    """How many lines of ``width`` the whole of ``text`` takes in ``style``: the ``needed`` of
    :func:`fit_text`, without keeping the set text. Remembered per text, style and width (in
    this process), so that checking a catalogue again only sets the texts that changed."""
    text = nfc(text).strip()
    if not text:
        return 0
    key = (text, _style_key(style), width)
    lines = _LINES.get(key)
    if lines is None:
        if len(_LINES) >= _LINES_KEPT:
            _LINES.clear()
        lines = _LINES[key] = _wrap(text, style, width)[2]
    return lines


def fit_text(text: str, style: ParagraphStyle, width: float, room: int) -> Fitted:
    """Set ``text`` in at most ``room`` lines of ``width``; when it needs more, cut it at a word
    (binary search on its length) and end it with an ellipsis."""
    text = nfc(text).strip()
    if not text:
        return Fitted(None, 0.0, 0, room)
    para, height, needed = _wrap(text, style, width)
    if needed <= room:
        return Fitted(para, height, needed, room)
    if room <= 0:
        return Fitted(None, 0.0, needed, room)
    best: tuple[Paragraph, float] | None = None
    low, high = 1, len(text) - 1
    while low <= high:
        mid = (low + high) // 2
        para, height, lines = _wrap(_cut(text, mid), style, width)
        if lines <= room:
            best, low = (para, height), mid + 1
        else:
            high = mid - 1
    if best is None:
        para, height, _ = _wrap(ELLIPSIS, style, width)
        best = (para, height)
    return Fitted(best[0], best[1], needed, room)


def _cut(text: str, length: int) -> str:
    head = text[:length]
    if length < len(text) and not text[length].isspace():
        space = head.rfind(" ")
        if space > 0:
            head = head[:space]
    return head.rstrip(" ,;:.-–—") + ELLIPSIS


def clip_line(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits on one line of ``width``."""
    text = " ".join(nfc(text).split())
    if stringWidth(text, font, size) <= width:
        return text
    low, high, best = 0, len(text), ELLIPSIS
    while low <= high:
        mid = (low + high) // 2
        candidate = text[:mid].rstrip() + ELLIPSIS
        if stringWidth(candidate, font, size) <= width:
            best, low = candidate, mid + 1
        else:
            high = mid - 1
    return best
