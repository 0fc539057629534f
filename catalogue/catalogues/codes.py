"""Item codes: "<PREFIX>-<NNN>", handed out once per item and never handed out again.

Orders, order forms and printed catalogues refer to items by code, so a code must mean the same
item in every edition. The catalogue keeps a counter that only goes up; an item keeps its code
when it is removed and brought back, and a code whose item was merged into a pool is retired.
"""

from __future__ import annotations

import re
import unicodedata

from catalogue.catalogues.models import Catalogue

PREFIX_PATTERN = re.compile(r"^[A-Z][A-Z0-9]{0,5}$")
MAX_PREFIX = 6


def default_prefix(name: str) -> str:
    """Initials of the words of ``name`` ("Winter gifts" → "WG"), at least two letters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^A-Za-z0-9]+", ascii_name) if w]
    words = [w for w in words if w[0].isalpha()] or words
    if not words:
        return "CAT"
    initials = "".join(w[0] for w in words)[:4].upper()
    if len(initials) < 2:
        initials = re.sub(r"[^A-Z0-9]", "", words[0].upper())[:3]
    return initials if PREFIX_PATTERN.match(initials) else "CAT"


def is_valid_prefix(prefix: str) -> bool:
    """One to six capital letters or digits, starting with a letter."""
    return bool(PREFIX_PATTERN.match(prefix))


def format_code(prefix: str, number: int) -> str:
    """ "WG", 7 → "WG-007"."""
    return f"{prefix}-{number:03d}"


def next_code(catalogue: Catalogue) -> str:
    """A new code for one item of ``catalogue``; the counter moves on, so it is never reused."""
    taken = {item.code for item in catalogue.items}
    prefix = catalogue.code_prefix or default_prefix(catalogue.slug)
    number = catalogue.next_code_number or 1
    code = format_code(prefix, number)
    while code in taken:  # rows written by hand or by an older version: skip past them
        number += 1
        code = format_code(prefix, number)
    catalogue.next_code_number = number + 1
    return code
