"""JSON shapes of the API, and their JSON Schemas for the OpenAPI document."""

from __future__ import annotations

from typing import Any

from catalogue.media.models import ProductImage
from catalogue.producers.models import Producer, ProducerContact
from catalogue.products.models import PriceRange, Product


def price_json(p: PriceRange) -> dict[str, Any]:
    return {
        "currency": p.currency,
        "wholesale_min": str(p.wholesale_min),
        "wholesale_max": str(p.wholesale_max),
        "retail_min": None if p.retail_min is None else str(p.retail_min),
        "retail_max": None if p.retail_max is None else str(p.retail_max),
        "tiers": [
            {"min_quantity": t.min_quantity, "unit_price": str(t.unit_price)} for t in p.tiers
        ],
    }


def image_json(i: ProductImage) -> dict[str, Any]:
    return {
        "id": i.id,
        "sha256": i.sha256,
        "width": i.width,
        "height": i.height,
        "position": i.position,
        "is_cover": i.is_cover,
        "status": i.status.value,
        "alt_text": i.alt_text,
        "dominant_colour": i.dominant_colour,
        "quality": i.quality.get("issues", []),
        "derivatives": sorted(d.kind.value for d in i.derivatives),
    }


def product_json(p: Product) -> dict[str, Any]:
    c = p.capacity
    return {
        "id": p.id,
        "producer_id": p.producer_id,
        "sku": p.sku,
        "category": p.category,
        "status": p.status.value,
        "review_note": p.review_note,
        "tags": [t.slug for t in p.tags],
        "colours": p.colours,
        "materials": p.materials,
        "length_mm": p.length_mm,
        "width_mm": p.width_mm,
        "height_mm": p.height_mm,
        "weight_g": p.weight_g,
        "is_food": p.is_food,
        "perishable": p.perishable,
        "shelf_life_days": p.shelf_life_days,
        "texts": {
            t.locale: {"name": t.name, "description": t.description, "story": t.story}
            for t in p.texts
        },
        "capacity": None
        if c is None
        else {
            "units_per_month": c.units_per_month,
            "lead_time_days": c.lead_time_days,
            "min_order": c.min_order,
            "case_multiple": c.case_multiple,
            "months": c.months,
        },
        "prices": [price_json(pr) for pr in p.price_ranges],
        "images": [image_json(i) for i in p.images],
    }


def producer_json(
    p: Producer, *, contact: ProducerContact | None = None, private: bool
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": p.id,
        "slug": p.slug,
        "network": p.network.slug,
        "display_name": p.display_name,
        "region": p.region,
        "economy": p.economy,
        "story": p.story,
        "languages": p.languages,
        "founded_year": p.founded_year,
        "consent_public_profile": p.consent_public_profile,
        "consent_share_identity": p.consent_share_identity,
    }
    if private:
        data["private"] = {
            "community_type": p.community_type.value if p.community_type else None,
            "women_led": p.women_led,
            "women_workers": p.women_workers,
            "total_workers": p.total_workers,
            "owner_names": contact.owner_names if contact else "",
            "email": contact.email if contact else "",
            "phone": contact.phone if contact else "",
            "address": contact.address if contact else "",
        }
    return data


_STR = {"type": "string"}
_INT = {"type": ["integer", "null"]}
_AMOUNT = {"type": "string", "description": 'decimal amount, e.g. "12.50"'}
PRICE = {
    "type": "object",
    "properties": {
        "currency": _STR,
        "wholesale_min": _AMOUNT,
        "wholesale_max": _AMOUNT,
        "retail_min": {"type": ["string", "null"]},
        "retail_max": {"type": ["string", "null"]},
        "tiers": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"min_quantity": {"type": "integer"}, "unit_price": _AMOUNT},
            },
        },
    },
}
CAPACITY = {
    "type": "object",
    "required": ["units_per_month"],
    "properties": {
        "units_per_month": {"type": "integer", "minimum": 0},
        "lead_time_days": {"type": "integer", "minimum": 0},
        "min_order": {"type": "integer", "minimum": 1},
        "case_multiple": {"type": "integer", "minimum": 1},
        "months": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 12}},
    },
}
TEXTS = {
    "type": "object",
    "additionalProperties": {
        "type": "object",
        "properties": {"name": _STR, "description": _STR, "story": _STR},
    },
}
IMAGE = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "sha256": _STR,
        "status": _STR,
        "is_cover": {"type": "boolean"},
        "position": {"type": "integer"},
        "derivatives": {"type": "array", "items": _STR},
    },
}
PRODUCT_INPUT = {
    "type": "object",
    "properties": {
        "sku": _STR,
        "category": _STR,
        "tags": {"type": "array", "items": _STR},
        "colours": {"type": "array", "items": _STR},
        "materials": {"type": "array", "items": _STR},
        "length_mm": _INT,
        "width_mm": _INT,
        "height_mm": _INT,
        "weight_g": _INT,
        "is_food": {"type": "boolean"},
        "perishable": {"type": "boolean"},
        "shelf_life_days": _INT,
        "texts": TEXTS,
    },
}
PRODUCT = {
    "type": "object",
    "properties": {
        **PRODUCT_INPUT["properties"],
        "id": {"type": "integer"},
        "status": _STR,
        "capacity": {"oneOf": [CAPACITY, {"type": "null"}]},
        "prices": {"type": "array", "items": PRICE},
        "images": {"type": "array", "items": IMAGE},
    },
}
PRODUCER = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "slug": _STR,
        "network": _STR,
        "display_name": _STR,
        "region": _STR,
        "economy": _STR,
        "story": {"type": "object"},
        "private": {"type": "object", "description": "only for the producer and her facilitators"},
    },
}
SCHEMAS = {
    "Product": PRODUCT,
    "ProductInput": PRODUCT_INPUT,
    "Producer": PRODUCER,
    "Capacity": CAPACITY,
    "Price": PRICE,
    "Image": IMAGE,
}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def array_of(name: str) -> dict[str, Any]:
    return {"type": "array", "items": ref(name)}
