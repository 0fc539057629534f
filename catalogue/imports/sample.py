"""The sample network's TOML (``producers/README.md``) as import records, so that the demo loads
through the same checks as a facilitator's spreadsheet."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from catalogue.imports.cells import CellError, parse_decimal
from catalogue.imports.readers import PRICE_AMOUNTS
from catalogue.imports.records import (
    FILE_ROW,
    ImportBatch,
    PriceRecord,
    Problem,
    ProducerRecord,
    ProductRecord,
)
from catalogue.products.schemas import ProductFacts

_PRODUCER_FIELDS = (
    "display_name",
    "region",
    "economy",
    "story",
    "languages",
    "founded_year",
    "community_type",
    "women_led",
    "women_workers",
    "total_workers",
)
_CONTACT_FIELDS = ("owner_names", "email", "phone", "address")
_PRODUCT_FIELDS = (*ProductFacts.model_fields, "status")


def sample_photo_name(network_slug: str, sku: str, n: int) -> str:
    return f"sample:{network_slug}/{sku}/{n}"


def read_sample_network(data: dict[str, Any]) -> tuple[ImportBatch, dict[str, dict[str, Any]]]:
    """The producer and product records of a parsed ``network.toml``, and the photos its products
    ask for (name -> ``{"motif", "palette"}``, drawn by the demo's photo source)."""
    batch = ImportBatch()
    photos: dict[str, dict[str, Any]] = {}
    network_slug = data["network"]["slug"]
    for p_spec in data.get("producers", []):
        slug = p_spec.get("slug", "")
        producer = ProducerRecord(slug, FILE_ROW)
        producer.values = {k: p_spec[k] for k in _PRODUCER_FIELDS if k in p_spec}
        for consent in ("consent_public_profile", "consent_share_identity"):
            producer.values[consent] = bool(p_spec.get(consent, False))
        producer.contact = {k: p_spec.get(k, "") for k in _CONTACT_FIELDS}
        batch.producers.append(producer)
        for spec in p_spec.get("products", []):
            sku = spec.get("sku", "")
            product = ProductRecord(slug, sku, FILE_ROW)
            product.values = {k: spec[k] for k in _PRODUCT_FIELDS if k in spec}
            product.texts = {loc: dict(text) for loc, text in spec.get("text", {}).items()}
            product.capacity = dict(spec.get("capacity", {}))
            for price in spec.get("prices", []):
                product.prices.append(_sample_price(price, batch, sku))
            photo = spec.get("photo")
            if photo:
                for n in range(int(photo.get("count", 1))):
                    name = sample_photo_name(network_slug, sku, n)
                    photos[name] = {
                        "motif": photo.get("motif", ""),
                        "palette": tuple(photo.get("palette", ())),
                    }
                    product.photos.append(name)
            batch.products.append(product)
    return batch, photos


def _sample_price(price: dict[str, Any], batch: ImportBatch, sku: str) -> PriceRecord:
    def amount(key: str, value: Any) -> Decimal | None:
        try:
            return parse_decimal(value)
        except CellError as exc:
            batch.problems.append(Problem(FILE_ROW, key, str(exc), sku))
            return None

    return PriceRecord(
        FILE_ROW,
        price.get("currency"),
        {k: amount(k, price[k]) for k in PRICE_AMOUNTS if k in price},
        [
            {
                "min_quantity": t.get("min_quantity"),
                "unit_price": amount("tiers", t.get("unit_price")),
            }
            for t in price.get("tiers", [])
        ],
    )
