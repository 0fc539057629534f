"""The edition snapshot: everything an output (PDF, web pages, order form) is rebuilt from.

Built from the database by ``catalogue.editions.snapshot.build_snapshot`` at publish time and
stored as JSON in ``editions.snapshot``. Renderers read only this (and the photo files it names by
hash), so the same snapshot always gives the same output. Texts are NFC-normalised; money is a
decimal string in the catalogue currency; ordering of every list is meaningful and stable.
Contact details of producers never enter a snapshot.
"""

from __future__ import annotations

from typing import TypedDict

SCHEMA_VERSION = 1

Texts = dict[str, str]  # locale -> text


class Photo(TypedDict):
    sha256: str  # of the stripped original (identity of the photo)
    print_sha256: str  # print derivative (300 ppi at the largest slot), storage key
    print_width: int
    print_height: int
    screen_sha256: str  # ~150 ppi derivative, storage key
    web_sha256: str  # web-sized derivative, storage key
    alt: Texts


class Tier(TypedDict):
    min_quantity: int
    unit_price: str


class Price(TypedDict):
    display: str  # "range" | "tiers" | "single"
    min: str  # lowest unit price shown, catalogue currency, already marked up and rounded
    max: str
    tiers: list[Tier]  # empty unless display == "tiers"


class Source(TypedDict):
    product_id: int
    producer_id: int
    producer_slug: str
    sku: str
    units_per_month: int


class Item(TypedDict):
    code: str  # stable across editions, e.g. "WG-007"
    position: int
    section: str  # key of a Section
    name: Texts
    description: Texts
    category: str
    tags: list[str]
    colours: list[str]
    materials: list[str]
    region: str  # of the first source
    price: Price
    min_order: int  # the largest minimum of the sources
    case_multiple: int
    lead_time_days: int  # the longest of the sources
    units_per_month: int  # pooled: the sum of the sources
    pooled: bool
    producer_names: list[str]  # public display names, in source order
    sources: list[Source]  # the products that make the item (several when pooled)
    photo: Photo | None
    url: str  # path of the item's web page, e.g. "/c/<network>/<catalogue>/items/WG-007"


class Section(TypedDict):
    key: str
    title: Texts
    codes: list[str]  # items of the section, in order


class ProducerStory(TypedDict):
    id: int
    slug: str
    name: str  # public display name (only producers who consented to a public profile)
    region: str
    economy: str
    story: Texts
    codes: list[str]  # her items in this catalogue


class CatalogueInfo(TypedDict):
    network_slug: str
    network_name: str
    slug: str
    title: Texts
    intro: Texts
    how_to_order: Texts
    kind: str  # theme | event | niche
    market: str  # b2b | b2c
    format: str  # flyer | leaflet | booklet
    layout: str  # a key of catalogue.themes.model.LAYOUTS
    theme: str  # theme slug
    currency: str
    locales: list[str]
    price_display: str
    group_by: str
    sort_by: str
    order_opens_on: str | None  # ISO date
    order_closes_on: str | None
    stories: str  # "producer" | "region" | "none": story pages in a booklet


class Snapshot(TypedDict):
    schema: int
    edition: int  # edition number
    catalogue: CatalogueInfo
    sections: list[Section]
    items: list[Item]
    producers: list[ProducerStory]
