"""What a product's fields may hold, declared once: the portal's forms, the API, the importer and
the CLI all go through these (see ``catalogue.core.schema``)."""

from __future__ import annotations

from typing import Annotated, Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from pydantic import AfterValidator, Field, field_validator

from catalogue.core.schema import (
    Amount,
    Input,
    Line,
    MaybeAmount,
    MaybeWhole,
    Prose,
    Whole,
    refuse,
)

CATEGORIES = (
    "jewellery",
    "textiles",
    "clothing",
    "accessories",
    "food",
    "beverages",
    "beauty",
    "homeware",
    "ceramics",
    "glass",
    "leather",
    "toys",
    "art",
    "books",
    "baskets",
    "lacquerware",
)
COLOURS = (
    "red",
    "orange",
    "yellow",
    "green",
    "blue",
    "purple",
    "pink",
    "brown",
    "black",
    "white",
    "grey",
    "beige",
    "gold",
    "silver",
    "multicolour",
)
SKU_LENGTH = 40


def _category(value: str) -> str:
    if value not in CATEGORIES:
        raise refuse(_("Choose a category from the list."))
    return value


def _colours(values: list[str]) -> list[str]:
    unknown = [c for c in values if c not in COLOURS]
    if unknown:
        raise refuse(_("Unknown colour: %(c)s.", c=", ".join(unknown)))
    return list(dict.fromkeys(values))


def _lower_unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v.lower() for v in values if v))


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


Category = Annotated[
    str, Field(json_schema_extra={"enum": list(CATEGORIES)}), AfterValidator(_category)
]
Sku = Line(SKU_LENGTH, min_length=1)


_SIZE = _l("A size cannot be below zero.")


class ProductFacts(Input):
    """The facts of a product besides its texts, capacity, prices and photos."""

    category: Category
    tags: Annotated[list[Line(60)], Field(max_length=30), AfterValidator(_lower_unique)] = []
    colours: Annotated[
        list[Annotated[str, Field(json_schema_extra={"enum": list(COLOURS)})]],
        Field(max_length=len(COLOURS)),
        AfterValidator(_colours),
    ] = []
    materials: Annotated[list[Line(200)], Field(max_length=30), AfterValidator(_unique)] = []
    length_mm: MaybeWhole(below=_SIZE) = None
    width_mm: MaybeWhole(below=_SIZE) = None
    height_mm: MaybeWhole(below=_SIZE) = None
    weight_g: MaybeWhole(below=_SIZE) = None
    is_food: bool = False
    perishable: bool = False
    shelf_life_days: MaybeWhole(1, 36500, below=_l("Shelf life is at least one day.")) = None


class ProductTextIn(Input):
    """A product's name, description and story in one language."""

    name: Line(200, required=_l("Enter the product's name."))
    description: Prose(4000) = ""
    story: Prose(4000) = ""


_MONTHS = _l("Months are numbers from 1 (January) to 12 (December).")


class CapacityIn(Input):
    """What the producer can make: per month, how fast, in what quantities, in which months."""

    units_per_month: Whole(below=_l("Units per month cannot be below zero."))
    lead_time_days: Whole(0, 3650, below=_l("Lead time cannot be below zero days.")) = 0
    min_order: Whole(1, below=_l("The minimum order is at least 1.")) = 1
    case_multiple: Whole(1, below=_l("The case multiple is at least 1.")) = 1
    months: (
        Annotated[list[Whole(1, 12, below=_MONTHS, beyond=_MONTHS)], Field(max_length=12)] | None
    ) = None

    @field_validator("months")
    @classmethod
    def _months_once(cls, value: list[int] | None) -> list[int] | None:
        return None if value is None else sorted(set(value))


class TierIn(Input):
    """A price for orders of at least ``min_quantity`` units."""

    min_quantity: Whole(1, below=_l("A tier starts at 1 unit or more."))
    unit_price: Amount


class PriceRangeIn(Input):
    """Wholesale and retail price ranges in one currency, with prices for bigger orders."""

    wholesale_min: Amount
    wholesale_max: Amount
    retail_min: MaybeAmount = None
    retail_max: MaybeAmount = None
    tiers: Annotated[list[TierIn], Field(max_length=20)] = []


def facts_of(product: Any) -> dict[str, Any]:
    """A product's current facts, as ``ProductFacts`` takes them (for partial updates)."""
    return {
        "category": product.category,
        "tags": [t.slug for t in product.tags],
        "colours": list(product.colours or []),
        "materials": list(product.materials or []),
        "length_mm": product.length_mm,
        "width_mm": product.width_mm,
        "height_mm": product.height_mm,
        "weight_g": product.weight_g,
        "is_food": product.is_food,
        "perishable": product.perishable,
        "shelf_life_days": product.shelf_life_days,
    }
