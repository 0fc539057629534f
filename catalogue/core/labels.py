"""Words shown for stored codes (categories, colours, statuses), in the reader's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

_CATEGORY = {
    "jewellery": _l("Jewellery"),
    "textiles": _l("Textiles"),
    "clothing": _l("Clothing"),
    "accessories": _l("Accessories"),
    "food": _l("Food"),
    "beverages": _l("Drinks and teas"),
    "beauty": _l("Soaps and cosmetics"),
    "homeware": _l("Home"),
    "ceramics": _l("Ceramics"),
    "glass": _l("Glass"),
    "leather": _l("Leather"),
    "toys": _l("Toys and dolls"),
    "art": _l("Art and photography"),
    "books": _l("Books"),
    "baskets": _l("Baskets"),
    "lacquerware": _l("Lacquerware"),
}
_COLOUR = {
    "red": _l("red"),
    "orange": _l("orange"),
    "yellow": _l("yellow"),
    "green": _l("green"),
    "blue": _l("blue"),
    "purple": _l("purple"),
    "pink": _l("pink"),
    "brown": _l("brown"),
    "black": _l("black"),
    "white": _l("white"),
    "grey": _l("grey"),
    "beige": _l("beige"),
    "gold": _l("gold"),
    "silver": _l("silver"),
    "multicolour": _l("many colours"),
}


def category_labels() -> dict[str, str]:
    """Category and colour codes → words in the current language."""
    return {code: str(label) for code, label in (_CATEGORY | _COLOUR).items()}
