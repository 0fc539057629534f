"""The spreadsheet's columns: what each holds, and how a cell is read.

One row per product, with the producer's columns repeated on each of her rows (an empty producer
cell on a later row is fine: the first value given counts; a different value is a problem). A row
with a producer and no ``sku`` adds or updates only the producer.

Producer: ``producer_slug`` (required; lower-case letters, digits and hyphens), ``producer_name``,
``region``, ``economy`` (ISO 3166 alpha-2 country code), ``community_type`` (rural, urban,
peri-urban, indigenous, island), ``women_led``, ``women_workers``, ``total_workers``,
``founded_year``, ``languages`` (ISO 639-1 codes, comma-separated), ``consent_public_profile``,
``consent_share_identity``, ``story_<locale>``; private (never shown publicly): ``owner_names``,
``email``, ``phone``, ``address``.

Product: ``sku`` (the product code, unique per producer), ``category``, ``status`` (draft,
submitted, approved, changes_requested), ``tags``, ``colours``, ``materials`` (comma-separated),
``length_mm``, ``width_mm``, ``height_mm``, ``weight_g``, ``is_food``, ``perishable``,
``shelf_life_days``, and per language ``name_<locale>``, ``description_<locale>``,
``product_story_<locale>``.

Capacity: ``units_per_month``, ``lead_time_days``, ``min_order``, ``case_multiple``, ``months``
("1-12", "3,4,5", "3-5,10"; "11-2" wraps over the new year).

Price: ``currency`` (ISO 4217; empty: the network's currency), ``wholesale_min``,
``wholesale_max``, ``retail_min``, ``retail_max``, ``tiers`` ("50:11000; 100:10500": from 50 units,
11000 each). A product priced in a second currency takes one more row with the same
``producer_slug`` and ``sku``, its ``currency`` and price columns, and the other cells empty.

Photos: ``photos``, file names inside the zip of photos, separated by ";".

Yes/no cells accept yes/no, true/false, 1/0, sí/no, oui/non, có/không. Amounts accept "12.50"
and "12,50". Empty cells and absent columns leave stored values unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # how a cell is read: text, code, choice, int, bool, decimal, list, months, tiers…
    target: str  # producer, contact, product, text, capacity, price, photos
    field: str  # the record's key
    help: LazyString | str
    private: bool = False
    required: bool = False
    locale: str | None = None


_PRODUCER = (
    ("producer_slug", "slug", "slug", _l("Short name of the producer, such as taller-rosa.")),
    (
        "producer_name",
        "text",
        "display_name",
        _l("The producer's business name, as buyers see it."),
    ),
    ("region", "text", "region", _l("Her region or town.")),
    ("economy", "code", "economy", _l("Country, as a two-letter code such as CL, CA or VN.")),
    (
        "community_type",
        "choice",
        "community_type",
        _l("rural, urban, peri-urban, indigenous or island (self-identified)."),
    ),
    ("women_led", "bool", "women_led", _l("Yes or no.")),
    ("women_workers", "int", "women_workers", _l("How many women work in the business.")),
    ("total_workers", "int", "total_workers", _l("How many people work in it in total.")),
    ("founded_year", "int", "founded_year", _l("Year the business started.")),
    ("languages", "codes", "languages", _l("Languages she speaks: codes such as es, en.")),
    (
        "consent_public_profile",
        "bool",
        "consent_public_profile",
        _l("Yes if she agreed to a public profile."),
    ),
    (
        "consent_share_identity",
        "bool",
        "consent_share_identity",
        _l("Yes if she agreed to show her community type."),
    ),
)
_CONTACT = (
    ("owner_names", _l("Owners' names.")),
    ("email", _l("Her e-mail address.")),
    ("phone", _l("Her phone number.")),
    ("address", _l("Her postal address.")),
)
_PRODUCT = (
    ("sku", "text", "sku", _l("Product code, unique for each producer.")),
    ("category", "choice", "category", _l("One category, such as jewellery or food.")),
    ("status", "choice", "status", _l("draft, submitted, approved or changes_requested.")),
    ("tags", "codes", "tags", _l("Keywords, separated by commas.")),
    ("colours", "codes", "colours", _l("Colours in English, separated by commas.")),
    ("materials", "list", "materials", _l("Materials, separated by commas.")),
    ("length_mm", "int", "length_mm", _l("Length in millimetres.")),
    ("width_mm", "int", "width_mm", _l("Width in millimetres.")),
    ("height_mm", "int", "height_mm", _l("Height in millimetres.")),
    ("weight_g", "int", "weight_g", _l("Weight in grams.")),
    ("is_food", "bool", "is_food", _l("Yes for food and drinks.")),
    ("perishable", "bool", "perishable", _l("Yes if it spoils.")),
    ("shelf_life_days", "int", "shelf_life_days", _l("Days it keeps.")),
)
_CAPACITY = (
    ("units_per_month", "int", _l("How many she can make in a month.")),
    ("lead_time_days", "int", _l("Days from order to delivery.")),
    ("min_order", "int", _l("Smallest order she accepts.")),
    ("case_multiple", "int", _l("Orders come in multiples of this.")),
    ("months", "months", _l("Months she can make it: 1-12, 3,4,5 or 3-5,10.")),
)
_PRICE = (
    ("currency", "code", _l("Currency code such as CLP or USD; empty: the network's currency.")),
    ("wholesale_min", "decimal", _l("Lowest wholesale price, such as 12.50.")),
    ("wholesale_max", "decimal", _l("Highest wholesale price.")),
    ("retail_min", "decimal", _l("Lowest retail price.")),
    ("retail_max", "decimal", _l("Highest retail price.")),
    ("tiers", "tiers", _l("Volume prices: quantity:price pairs, such as 50:11000; 100:10500.")),
)
TEXT_FIELDS = {"name": "name_", "description": "description_", "story": "product_story_"}


def columns(locales: list[str] | tuple[str, ...]) -> list[Column]:
    """Every column the spreadsheet may have, in order, for products written in ``locales``."""
    result = [
        Column(name, kind, "producer", field, help, required=name == "producer_slug")
        for name, kind, field, help in _PRODUCER
    ]
    result += [Column(n, "text", "contact", n, help, private=True) for n, help in _CONTACT]
    result += [
        Column(
            f"story_{loc}",
            "text",
            "producer",
            "story",
            _l("Her story, in this language."),
            False,
            False,
            loc,
        )
        for loc in locales
    ]
    result += [Column(name, kind, "product", field, help) for name, kind, field, help in _PRODUCT]
    text_help = {
        "name": _l("Product name in this language."),
        "description": _l("Description in this language."),
        "story": _l("The story behind the product, in this language."),
    }
    for field, prefix in TEXT_FIELDS.items():
        result += [
            Column(f"{prefix}{loc}", "text", "text", field, text_help[field], locale=loc)
            for loc in locales
        ]
    result += [Column(n, kind, "capacity", n, help) for n, kind, help in _CAPACITY]
    result += [Column(n, kind, "price", n, help) for n, kind, help in _PRICE]
    result.append(
        Column(
            "photos",
            "photos",
            "photos",
            "photos",
            _l("Photo file names in the zip, separated by ;."),
        )
    )
    return result


def header_name(raw: Any) -> str:
    """A header cell as a column name: "Wholesale min" and "wholesale-min" are "wholesale_min"."""
    text = unicodedata.normalize("NFC", str(raw if raw is not None else "")).strip().lower()
    return re.sub(r"[\s\-]+", "_", text)
