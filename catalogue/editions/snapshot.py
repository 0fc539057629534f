"""The edition snapshot: a catalogue frozen into plain data (``catalogue.editions.schema``).

Only what may be public goes in: approved products, a producer's name and story only when she
consented to a public profile, photo files by hash, never contact details. Texts are NFC, money
is a decimal string in the catalogue currency, every list is in a stable order; the same
database state always gives an equal snapshot.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping

from flask_babel import gettext as _
from sqlalchemy.orm import Session, object_session

from catalogue.catalogues import pricing
from catalogue.catalogues.arrangement import arranged
from catalogue.catalogues.loading import load_items
from catalogue.catalogues.models import Catalogue, CatalogueItem
from catalogue.core.validation import ValidationError
from catalogue.editions.schema import (
    SCHEMA_VERSION,
    CatalogueInfo,
    Item,
    Photo,
    Price,
    ProducerStory,
    Section,
    Snapshot,
    Source,
    Texts,
)
from catalogue.media.models import DerivativeKind, ImageStatus, ProductImage
from catalogue.products.models import Product, ProductStatus
from catalogue.products.services import COLOURS


def nfc(text: str | None) -> str:
    """Text as published: NFC-normalised and stripped."""
    return unicodedata.normalize("NFC", (text or "").strip())


def _texts(values: Mapping[str, str] | None, locales: Iterable[str]) -> Texts:
    """The non-empty texts in ``locales``, NFC, keyed in locale order."""
    values = values or {}
    return {loc: nfc(values[loc]) for loc in sorted(locales) if nfc(values.get(loc))}


def shown_products(item: CatalogueItem) -> list[Product]:
    """The sources that may be published: approved products of active producers."""
    return [
        s.product
        for s in item.sources
        if s.product.status == ProductStatus.APPROVED and s.product.producer.active
    ]


def usable_image(product: Product) -> ProductImage | None:
    """The cover photo when ready, else the first ready one; it needs a web-sized copy."""
    ready = [i for i in product.images if i.status == ImageStatus.READY]
    ready.sort(key=lambda i: (not i.is_cover, i.position, i.id))
    return next((i for i in ready if i.derivative(DerivativeKind.WEB) is not None), None)


def photo_of(products: Iterable[Product], locales: list[str]) -> Photo | None:
    """The first source's usable photo. Without a print copy the best one there is stands in
    (its pixel size then tells the layout check it is too small for print)."""
    for product in products:
        image = usable_image(product)
        if image is None:
            continue
        web = image.derivative(DerivativeKind.WEB)
        screen = image.derivative(DerivativeKind.SCREEN) or web
        best = image.derivative(DerivativeKind.PRINT) or screen
        assert web is not None and screen is not None and best is not None
        return Photo(
            sha256=image.sha256,
            print_sha256=best.sha256,
            print_width=best.width,
            print_height=best.height,
            screen_sha256=screen.sha256,
            web_sha256=web.sha256,
            alt=_texts(image.alt_text, locales),
        )
    return None


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _price(item: CatalogueItem, products: list[Product], settings: pricing.PriceSettings) -> Price:
    price = pricing.item_price(item, settings, products)
    display = price.display(settings.display)
    units = settings.minor_units
    return Price(
        display=display,
        min=pricing.money_text(price.low, units),
        max=pricing.money_text(price.high, units),
        tiers=[
            {"min_quantity": q, "unit_price": pricing.money_text(p, units)} for q, p in price.tiers
        ]
        if display == "tiers"
        else [],
    )


def _item(
    catalogue: Catalogue,
    item: CatalogueItem,
    products: list[Product],
    price: Price,
    position: int,
    section: str,
) -> Item:
    locales = catalogue.locales
    first = products[0]
    by_locale = {t.locale: t for t in first.texts}
    capacities = [p.capacity for p in products if p.capacity is not None]
    colours = _unique(c for p in products for c in p.colours)
    fields = Item(
        code=item.code,
        position=position,
        section=section,
        name=_texts({k: t.name for k, t in by_locale.items()}, locales),
        description=_texts({k: t.description for k, t in by_locale.items()}, locales),
        category=first.category,
        tags=sorted({t.slug for p in products for t in p.tags}),
        colours=sorted(colours, key=lambda c: (COLOURS.index(c) if c in COLOURS else 99, c)),
        materials=_unique(nfc(m) for p in products for m in p.materials),
        region=nfc(first.producer.region),
        price=price,
        min_order=max((c.min_order for c in capacities), default=1),
        case_multiple=math.lcm(*(c.case_multiple for c in capacities)) if capacities else 1,
        lead_time_days=max((c.lead_time_days for c in capacities), default=0),
        units_per_month=sum(c.units_per_month for c in capacities),
        pooled=len(products) > 1,
        producer_names=_unique(
            nfc(p.producer.display_name) for p in products if p.producer.is_public
        ),
        photo=photo_of(products, locales),
        url=f"/c/{catalogue.network.slug}/{catalogue.slug}/items/{item.code}",
    )
    if "sources" in Item.__annotations__:  # filled once the schema's Item lists its sources
        fields["sources"] = [_source(p) for p in products]  # type: ignore[typeddict-unknown-key]
    return fields


def _source(product: Product) -> Source:
    public = product.producer.is_public
    return Source(
        product_id=product.id,
        producer_id=product.producer_id,
        producer_slug=product.producer.slug if public else "",
        sku=nfc(product.sku),
        units_per_month=product.capacity.units_per_month if product.capacity else 0,
    )


def _info(catalogue: Catalogue) -> CatalogueInfo:
    locales = catalogue.locales
    opens, closes = catalogue.order_opens_on, catalogue.order_closes_on
    return CatalogueInfo(
        network_slug=catalogue.network.slug,
        network_name=nfc(catalogue.network.name),
        slug=catalogue.slug,
        title=_texts(catalogue.title, locales),
        intro=_texts(catalogue.intro, locales),
        how_to_order=_texts(catalogue.how_to_order, locales),
        kind=catalogue.kind.value,
        market=catalogue.market.value,
        format=catalogue.format.value,
        layout=catalogue.layout,
        theme=catalogue.theme_slug,
        currency=catalogue.currency,
        locales=list(locales),
        price_display=catalogue.price_display,
        group_by=catalogue.group_by,
        sort_by=catalogue.sort_by,
        order_opens_on=opens.isoformat() if opens else None,
        order_closes_on=closes.isoformat() if closes else None,
        stories=catalogue.stories,
    )


def _build(catalogue: Catalogue, edition_number: int, *, strict: bool) -> Snapshot:
    session = object_session(catalogue)
    if session is not None:  # every item, source and product: a query per kind, not per item
        load_items(session, catalogue)
    settings = pricing.settings_for(catalogue)
    sections: list[Section] = []
    items: list[Item] = []
    stories: dict[int, ProducerStory] = {}
    unpriced: list[str] = []
    for section in arranged(catalogue):
        codes = []
        for item in section.items:
            products = shown_products(item)
            if not products:
                continue
            try:
                price = _price(item, products, settings)
            except (pricing.MissingPrice, pricing.MissingRate):
                unpriced.append(item.code)
                continue
            items.append(_item(catalogue, item, products, price, len(items) + 1, section.key))
            codes.append(item.code)
            for producer in (p.producer for p in products if p.producer.is_public):
                story = stories.setdefault(
                    producer.id,
                    ProducerStory(
                        id=producer.id,
                        slug=producer.slug,
                        name=nfc(producer.display_name),
                        region=nfc(producer.region),
                        economy=producer.economy,
                        story=_texts(producer.story, catalogue.locales),
                        codes=[],
                    ),
                )
                if item.code not in story["codes"]:
                    story["codes"].append(item.code)
        if codes:
            title = {loc: nfc(text) for loc, text in section.title.items()}
            sections.append(Section(key=section.key, title=title, codes=codes))
    if strict and unpriced:
        raise ValidationError.single(
            "items", _("These items have no price yet: %(codes)s.", codes=", ".join(unpriced))
        )
    return Snapshot(
        schema=SCHEMA_VERSION,
        edition=edition_number,
        catalogue=_info(catalogue),
        sections=sections,
        items=items,
        producers=list(stories.values()),
    )


def build_snapshot(session: Session, catalogue: Catalogue, *, edition_number: int) -> Snapshot:
    """The snapshot of ``catalogue`` as edition ``edition_number``. Raises ValidationError when
    an item cannot be priced (no price, or no exchange rate for its currency)."""
    session.flush()
    return _build(catalogue, edition_number, strict=True)


def draft_snapshot(catalogue: Catalogue) -> Snapshot:
    """A snapshot for checks and previews: items that cannot be priced yet are left out."""
    return _build(catalogue, len(catalogue.editions) + 1, strict=False)
