"""Applies import records through the same services the pages use, noting every refusal as a
problem by row and column instead of stopping at the first. ``services.run`` wraps this in a
savepoint, so a dry run applies exactly these rules and then undoes them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from catalogue.core.validation import ValidationError
from catalogue.imports.columns import TEXT_FIELDS
from catalogue.imports.photos import PhotoSource
from catalogue.imports.photostep import PhotoStep
from catalogue.imports.records import PriceRecord, Problem, ProducerRecord, ProductRecord
from catalogue.networks.models import Network
from catalogue.producers import services as producer_services
from catalogue.producers.models import Producer, ProducerContact
from catalogue.producers.services import SLUG, SLUG_LENGTH
from catalogue.products import services as product_services
from catalogue.products.models import Product

T = TypeVar("T")
Progress = Callable[[str], None]


def column_for(field: str) -> str:
    """The spreadsheet column of a service's field name ("text.es.name" -> "name_es")."""
    if match := re.fullmatch(r"text\.(\w+)\.(name|description|story)", field):
        return f"{TEXT_FIELDS[match.group(2)]}{match.group(1)}"
    if field.startswith("tiers"):
        return "tiers"
    return field


class Importer:
    """One run over a batch's records in one network."""

    def __init__(
        self,
        session: Session,
        network: Network,
        photos: PhotoSource | None,
        *,
        dry_run: bool,
        actor: Any = None,
        progress: Progress | None = None,
    ) -> None:
        self.session, self.network, self.photos = session, network, photos
        self.dry_run, self.actor = dry_run, actor
        self.say = progress or (lambda _msg: None)
        self.problems: list[Problem] = []
        self.created: Counter[str] = Counter()
        self.updated: Counter[str] = Counter()
        self.photo_step = PhotoStep(self, photos)

    def problem(self, row: int, column: str, message: str, subject: str = "") -> None:
        self.problems.append(Problem(row, column, message, subject))

    def _count(self, kind: str, created: bool) -> None:
        (self.created if created else self.updated)[kind] += 1

    def _guarded(self, row: int, subject: str, work: Callable[[], T]) -> T | None:
        """Run one record in its own savepoint, so that a refusal by the database itself (a rule
        no service checks) becomes a problem on that row and the others still get checked."""
        savepoint = self.session.begin_nested()
        try:
            value = work()
            self.session.flush()
        except DBAPIError as exc:
            savepoint.rollback()
            reason = type(getattr(exc, "orig", exc)).__name__
            self.problem(
                row, "", _("The database refused this row (%(reason)s).", reason=reason), subject
            )
            return None
        savepoint.commit()
        return value

    def run(self, producers: list[ProducerRecord], products: list[ProductRecord]) -> None:
        found: dict[str, Producer | None] = {}
        for rec in producers:
            found[rec.slug] = self._guarded(rec.row, rec.slug, lambda rec=rec: self.producer(rec))
        for rec in products:
            producer = found.get(rec.producer_slug)
            if producer is None:
                continue  # its problem is reported on the producer's row
            product = self._guarded(rec.row, rec.sku, lambda r=rec, p=producer: self.product(p, r))
            if product is not None and rec.photos:
                self.photo_step.plan(product, rec)
        if self.photo_step.plans and not self.dry_run and not self.problems:
            self.photo_step.store()

    # -- producers ----------------------------------------------------------------------------

    def producer(self, rec: ProducerRecord) -> Producer:
        """Create or update the producer of ``rec`` through the producer services (her current
        profile, overridden by the columns given)."""
        session = self.session
        producer = session.scalar(
            select(Producer).where(
                Producer.network_id == self.network.id, Producer.slug == rec.slug
            )
        )
        if producer is None:
            current: dict[str, Any] = {"display_name": "", "region": "", "economy": ""}
        else:
            contact = session.get(ProducerContact, producer.id)
            current = producer_services.profile_of(producer, contact)
        data = {**current, **rec.values, **rec.contact}
        data["story"] = {**(current.get("story") or {}), **(rec.values.get("story") or {})}
        try:
            if producer is None:
                producer = producer_services.create_producer(
                    session, self.network.id, rec.slug, data, self.actor
                )
                created = True
            else:
                producer_services.update_profile(session, producer, data, self.actor)
                created = False
        except ValidationError as exc:
            for field, message in exc.errors.items():
                column = _producer_column(field)
                self.problem(rec.row_of(column), column, message, rec.slug)
            return producer or self._stand_in_producer(rec)
        if created or rec.values or rec.contact:  # a row that only names her changes nothing
            self._count("producers", created)
        return producer

    def _stand_in_producer(self, rec: ProducerRecord) -> Producer:
        """A placeholder so the producer's products still get checked (the run that made it
        has problems, so it is rolled back)."""
        usable = SLUG.match(rec.slug) and len(rec.slug) <= SLUG_LENGTH
        slug = rec.slug if usable else ""
        slug = slug or f"row-{rec.row}-{len(self.problems)}"
        producer = Producer(
            network_id=self.network.id, slug=slug, display_name="?", region="?", economy="ZZ"
        )
        self.session.add(producer)
        return producer

    # -- products -----------------------------------------------------------------------------

    def _refused(self, rec: ProductRecord, errors: dict[str, str], row: int | None = None) -> None:
        for field, message in errors.items():
            column = column_for(field)
            self.problem(row or rec.row_of(column), column, message, rec.sku)

    def product(self, producer: Producer, rec: ProductRecord) -> Product:
        session = self.session
        sku = product_services.nfc(rec.sku)
        existing = (
            session.scalar(product_services.live_with_sku(producer, sku)) if producer.id else None
        )
        fields = _product_fields(existing.editing if existing else None, rec.values)
        product = None
        try:
            status = fields.pop("status", None)
            product, created = product_services.upsert_product(
                session, producer, sku, fields, actor=self.actor, status=status
            )
        except ValidationError as exc:
            self._refused(rec, exc.errors)
        else:
            self._count("products", created)
        if product is None:
            product = existing or self._stand_in_product(producer, rec)
        self._texts(product, rec, new=existing is None)
        if rec.capacity:
            capacity = _capacity_fields(product, rec.capacity)
            try:
                product_services.set_capacity(session, product, capacity, actor=self.actor)
            except ValidationError as exc:
                self._refused(rec, exc.errors)
        for price in rec.prices:
            self._price(product, rec, price)
        return product

    def _stand_in_product(self, producer: Producer, rec: ProductRecord) -> Product:
        product = Product(
            producer=producer,
            sku=f"row-{rec.row}-{len(self.problems)}",
            category=product_services.CATEGORIES[0],
        )
        self.session.add(product)
        return product

    def _texts(self, product: Product, rec: ProductRecord, *, new: bool) -> None:
        texts = dict(rec.texts)
        if new:  # a new product needs a name in the network's language (the service says so)
            texts.setdefault(self.network.default_locale, {})
        for locale, given in texts.items():
            current = next((t for t in product.texts if t.locale == locale), None)
            merged = {
                f: given.get(f, getattr(current, f, "") if current else "") for f in TEXT_FIELDS
            }
            try:
                product_services.set_text(product, locale, merged)
            except ValidationError as exc:
                self._refused(rec, exc.errors)

    def _price(self, product: Product, rec: ProductRecord, price: PriceRecord) -> None:
        currency = (price.currency or self.network.default_currency or "").upper()
        current = next((p for p in product.price_ranges if p.currency == currency), None)
        values = {
            k: price.values.get(k, getattr(current, k) if current else None)
            for k in ("wholesale_min", "wholesale_max", "retail_min", "retail_max")
        }
        tiers = price.tiers
        if tiers is None:
            tiers = [
                {"min_quantity": t.min_quantity, "unit_price": t.unit_price}
                for t in (current.tiers if current else [])
            ]
        try:
            product_services.set_price_range(
                self.session, product, currency, {**values, "tiers": tiers}, actor=self.actor
            )
        except ValidationError as exc:
            tier_errors = {k: v for k, v in exc.errors.items() if k.startswith("tiers")}
            errors = {k: v for k, v in exc.errors.items() if not k.startswith("tiers")}
            if tier_errors:
                errors["tiers"] = next(iter(tier_errors.values()))
            self._refused(rec, errors, row=price.row or None)


def _producer_column(field: str) -> str:
    """The spreadsheet column of a producer service's field ("display_name" -> "producer_name",
    "story.es" -> "story_es")."""
    head, _sep, rest = field.partition(".")
    if head == "story" and rest:
        return f"story_{rest.split('.')[0]}"
    return {"display_name": "producer_name", "slug": "producer_slug"}.get(head, head)


def _product_fields(product: Product | None, given: dict[str, Any]) -> dict[str, Any]:
    """``upsert_product``'s fields: the product's current values, overridden by those given."""
    if product is None:
        return dict(given)
    current: dict[str, Any] = {
        "category": product.category,
        "tags": [t.slug for t in product.tags],
        "colours": list(product.colours or []),
        "materials": list(product.materials or []),
        "is_food": product.is_food,
        "perishable": product.perishable,
        "status": product.status.value,
    }
    for dim in ("length_mm", "width_mm", "height_mm", "weight_g", "shelf_life_days"):
        current[dim] = getattr(product, dim)
    return {**current, **given}


def _capacity_fields(product: Product, given: dict[str, Any]) -> dict[str, Any]:
    capacity = product.capacity
    current: dict[str, Any] = {}
    if capacity is not None:
        current = {
            "units_per_month": capacity.units_per_month,
            "lead_time_days": capacity.lead_time_days,
            "min_order": capacity.min_order,
            "case_multiple": capacity.case_multiple,
            "months": capacity.months,
        }
    fields = {**current, **given}
    fields.setdefault("units_per_month", None)  # a new capacity needs it: the service says so
    return fields
