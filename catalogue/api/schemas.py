"""The API's shapes: request bodies are the domains' declared inputs (``products.schemas``,
``producers.schemas``); responses are the models below. The OpenAPI document is generated from
both, so what the API sends is what its document says."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from catalogue.core.schema import Input, Line, Whole
from catalogue.media.models import ProductImage
from catalogue.producers.models import Producer, ProducerContact
from catalogue.products import revisions
from catalogue.products.models import PriceRange, Product
from catalogue.products.schemas import ProductFacts, ProductTextIn, Sku

# Amounts travel as strings ("12.50"): no float rounding on the way.
AmountOut = Annotated[
    Decimal,
    PlainSerializer(str, return_type=str),
    Field(json_schema_extra={"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}),
]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProductCreate(ProductFacts):
    """A new product: its code and facts, and its texts per language."""

    sku: Sku
    texts: Annotated[dict[str, ProductTextIn], Field(max_length=12)] = {}


class TierOut(Out):
    min_quantity: int
    unit_price: AmountOut


class PriceOut(Out):
    currency: str
    wholesale_min: AmountOut
    wholesale_max: AmountOut
    retail_min: AmountOut | None
    retail_max: AmountOut | None
    tiers: list[TierOut]

    @classmethod
    def of(cls, p: PriceRange) -> PriceOut:
        return cls(
            currency=p.currency,
            wholesale_min=p.wholesale_min,
            wholesale_max=p.wholesale_max,
            retail_min=p.retail_min,
            retail_max=p.retail_max,
            tiers=[TierOut(min_quantity=t.min_quantity, unit_price=t.unit_price) for t in p.tiers],
        )


class QualityIssue(Out):
    code: str
    severity: str
    params: dict[str, Any] = {}


class ImageOut(Out):
    id: int
    sha256: str
    width: int
    height: int
    position: int
    is_cover: bool
    status: str
    alt_text: dict[str, str]
    dominant_colour: str | None
    quality: list[QualityIssue]
    derivatives: list[str]

    @classmethod
    def of(cls, i: ProductImage) -> ImageOut:
        return cls(
            id=i.id,
            sha256=i.sha256,
            width=i.width,
            height=i.height,
            position=i.position,
            is_cover=i.is_cover,
            status=i.status.value,
            alt_text=dict(i.alt_text or {}),
            dominant_colour=i.dominant_colour,
            quality=[QualityIssue(**q) for q in (i.quality or {}).get("issues", [])],
            derivatives=sorted(d.kind.value for d in i.derivatives),
        )


class ImageUploaded(ImageOut):
    job: str | None = Field(description="where to follow the making of its copies")


class CapacityOut(Out):
    units_per_month: int
    lead_time_days: int
    min_order: int
    case_multiple: int
    months: list[int]


class TextOut(Out):
    name: str
    description: str
    story: str


class PendingChangeOut(Out):
    """A producer's change to an approved product, waiting for (or sent back by) review."""

    status: str = Field(description="submitted, or changes_requested (then see review_note)")
    changed: list[str] = Field(description="details, texts, capacity, prices and/or photos")


class ProductOut(Out):
    """A product as its producer edits it. While a change to an approved product waits for
    review, the fields below show the change; ``status`` stays the approved product's (buyers
    and catalogues see the approved version) and ``pending_change`` says so."""

    id: int
    producer_id: int
    sku: str
    category: str
    status: str
    review_note: str
    pending_change: PendingChangeOut | None
    tags: list[str]
    colours: list[str]
    materials: list[str]
    length_mm: int | None
    width_mm: int | None
    height_mm: int | None
    weight_g: int | None
    is_food: bool
    perishable: bool
    shelf_life_days: int | None
    texts: dict[str, TextOut]
    capacity: CapacityOut | None
    prices: list[PriceOut]
    images: list[ImageOut]

    @classmethod
    def of(cls, product: Product) -> ProductOut:
        live = product.live
        p = live.editing
        c = p.capacity
        pending = None
        if p is not live:
            pending = PendingChangeOut(status=p.status.value, changed=revisions.changed_parts(p))
        return cls(
            id=live.id,
            producer_id=live.producer_id,
            sku=p.sku,
            category=p.category,
            status=live.status.value,
            review_note=p.review_note,
            pending_change=pending,
            tags=[t.slug for t in p.tags],
            colours=list(p.colours or []),
            materials=list(p.materials or []),
            length_mm=p.length_mm,
            width_mm=p.width_mm,
            height_mm=p.height_mm,
            weight_g=p.weight_g,
            is_food=p.is_food,
            perishable=p.perishable,
            shelf_life_days=p.shelf_life_days,
            texts={
                t.locale: TextOut(name=t.name, description=t.description, story=t.story)
                for t in p.texts
            },
            capacity=None
            if c is None
            else CapacityOut(
                units_per_month=c.units_per_month,
                lead_time_days=c.lead_time_days,
                min_order=c.min_order,
                case_multiple=c.case_multiple,
                months=c.months,
            ),
            prices=[PriceOut.of(pr) for pr in p.price_ranges],
            images=[ImageOut.of(i) for i in p.images],
        )


class ProducerPrivate(Out):
    """Only for the producer and her network's facilitators."""

    community_type: str | None
    women_led: bool | None
    women_workers: int | None
    total_workers: int | None
    owner_names: str
    email: str
    phone: str
    address: str


class ProducerOut(Out):
    id: int
    slug: str
    network: str
    display_name: str
    region: str
    economy: str
    story: dict[str, str]
    languages: list[str]
    founded_year: int | None
    consent_public_profile: bool
    consent_share_identity: bool
    private: ProducerPrivate

    @classmethod
    def of(cls, p: Producer, contact: ProducerContact | None) -> ProducerOut:
        return cls(
            id=p.id,
            slug=p.slug,
            network=p.network.slug,
            display_name=p.display_name,
            region=p.region,
            economy=p.economy,
            story=dict(p.story or {}),
            languages=list(p.languages or []),
            founded_year=p.founded_year,
            consent_public_profile=p.consent_public_profile,
            consent_share_identity=p.consent_share_identity,
            private=ProducerPrivate(
                community_type=p.community_type.value if p.community_type else None,
                women_led=p.women_led,
                women_workers=p.women_workers,
                total_workers=p.total_workers,
                owner_names=contact.owner_names if contact else "",
                email=contact.email if contact else "",
                phone=contact.phone if contact else "",
                address=contact.address if contact else "",
            ),
        )


class JobOut(Out):
    id: str
    kind: str
    status: str
    progress: int
    message: str


class Upload(BaseModel):
    """A photo as a multipart field."""

    photo: Annotated[bytes, Field(json_schema_extra={"format": "binary", "type": "string"})]


class SearchParams(Input):
    """What a search may ask (query string): free text, filters, sort, page and language."""

    q: Line(200) = ""  # type: ignore[valid-type]
    category: Line(40) = ""  # type: ignore[valid-type]
    region: Line(120) = ""  # type: ignore[valid-type]
    colour: Line(40) = ""  # type: ignore[valid-type]
    price_band: Line(40) = ""  # type: ignore[valid-type]
    lead_band: Line(20) = ""  # type: ignore[valid-type]
    sort: Literal["relevance", "name", "price"] = "relevance"
    page: Whole(1, 500) = 1  # type: ignore[valid-type]
    per_page: Whole(1, 50) = 20  # type: ignore[valid-type]
    locale: Literal["", "en", "es", "fr", "vi"] = ""


class SearchHitOut(Out):
    id: str
    kind: str
    score: float
    title: str
    snippet: str = Field(description="HTML: the text escaped, matches wrapped in <mark>")
    url: str
    thumbnail_url: str | None
    price: float | None


class SearchOut(Out):
    total: int
    page: int
    per_page: int
    hits: list[SearchHitOut]
    facets: dict[str, dict[str, int]]
    suggestion: str | None
