"""The check step: what stops a catalogue from being published, and what would make it better.

Like a PIM's completeness: every problem names its item code, says what is wrong in the user's
language, links to the page that fixes it, and applies to an output (print, web, or both) and a
language (or all). Errors block publishing; warnings do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask import url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy.orm import Session
from werkzeug.routing import BuildError

from catalogue.catalogues import pricing, themechoice
from catalogue.catalogues.arrangement import primary
from catalogue.catalogues.loading import load_items
from catalogue.catalogues.models import Catalogue, CatalogueFormat, CatalogueItem
from catalogue.core.content_version import Memo
from catalogue.core.templating import product_name
from catalogue.editions.snapshot import draft_snapshot, shown_products, usable_image
from catalogue.products import costing
from catalogue.products.models import Product, ProductStatus
from catalogue.themes.model import LAYOUTS

ERROR, WARNING = "error", "warning"
CHANNELS = ("print", "web")


@dataclass(frozen=True)
class Problem:
    severity: str  # ERROR or WARNING
    kind: str  # what is wrong, as a code: "missing_photo", "low_ppi", ...
    message: str  # in the user's language
    url: str  # where to fix it ("" when no page can be named)
    code: str = ""  # item code; "" for the catalogue itself
    subject: str = ""  # product name, for the reader
    channel: str = "all"  # "print", "web" or "all"
    locale: str = ""  # "" for every language


@dataclass
class Report:
    locales: list[str]
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def can_publish(self) -> bool:
        return not self.errors

    def cell(self, channel: str, locale: str) -> dict[str, int]:
        """Errors and warnings that concern one output in one language."""
        hits = [
            p for p in self.problems if p.channel in ("all", channel) and p.locale in ("", locale)
        ]
        return {
            "errors": sum(p.severity == ERROR for p in hits),
            "warnings": sum(p.severity == WARNING for p in hits),
        }


def _url(endpoint: str, **values: Any) -> str:
    try:
        return url_for(endpoint, **values)
    except (BuildError, RuntimeError):  # no request to build URLs in (CLI, jobs)
        return ""


def _product_url(product: Product, page: str = "product") -> str:
    return _url(
        f"portal.{page}",
        network_slug=product.producer.network.slug,
        producer_slug=product.producer.slug,
        product_id=product.id,
    )


def step_url(catalogue: Catalogue, step: str) -> str:
    """The builder page of one step of ``catalogue`` ("" outside a request)."""
    return _url(
        "catalogues.step",
        network_slug=catalogue.network.slug,
        catalogue_slug=catalogue.slug,
        step=step,
    )


class _Found(list):
    """Problems as they are found, about one item (``code``, ``subject``) or the catalogue."""

    def __init__(self, code: str = "", subject: str = "") -> None:
        super().__init__()
        self.code, self.subject = code, subject

    def error(self, kind: str, message: str, url: str, **where: str) -> None:
        self.append(Problem(ERROR, kind, message, url, self.code, self.subject, **where))

    def warn(self, kind: str, message: str, url: str, **where: str) -> None:
        self.append(Problem(WARNING, kind, message, url, self.code, self.subject, **where))


def _product_problems(
    catalogue: Catalogue, item: CatalogueItem, product: Product, settings: Any
) -> list[Problem]:
    found = _Found(item.code, product_name(product))
    if product.status == ProductStatus.SUBMITTED:
        url = _url("review.decide", network_slug=catalogue.network.slug, product_id=product.id)
        found.error("not_approved", _("This product is no longer approved."), url)
    elif product.status != ProductStatus.APPROVED:
        found.error("not_approved", _("This product is no longer approved."), _product_url(product))
    elif not product.producer.active:
        found.error("producer_inactive", _("This producer is no longer active."), "")
    if product.capacity is None:
        found.error(
            "missing_capacity",
            _("How many can be made each month is missing."),
            _product_url(product, "capacity"),
        )
    if item.unit_price is None:  # the facilitator's own price stands in for the producer's
        try:
            pricing.source_price(product, settings)
        except pricing.MissingPrice:
            found.error(
                "missing_price", _("The price is missing."), _product_url(product, "prices")
            )
        except pricing.MissingRate as missing:
            message = _(
                "No exchange rate for %(currency)s: set one on the prices step.",
                currency=missing.currency,
            )
            found.error("missing_rate", message, step_url(catalogue, "pricing"))
    if product.cost is not None:
        computed = costing.costing_of(product.cost)
        if any(
            p.currency == product.cost.currency and costing.below_guideline(p, computed)
            for p in product.price_ranges
        ):
            found.warn(
                "below_costing",
                _("The wholesale price is below twice the cost of making it."),
                _product_url(product, "costing_page"),
            )
    return found


def _item_problems(catalogue: Catalogue, item: CatalogueItem) -> list[Problem]:
    products = shown_products(item) or [s.product for s in item.sources]
    first = products[0]
    found = _Found(item.code, product_name(first))
    if not any(usable_image(p) for p in products):
        found.error("missing_photo", _("There is no photo ready."), _product_url(first, "photos"))
    texts = {t.locale: t for t in first.texts}
    details = _product_url(first, "details")
    for locale in catalogue.locales:
        text = texts.get(locale)
        if text is None or not text.name.strip():
            message = _("The name is missing in this language.")
            found.error("missing_name", message, details, locale=locale)
        elif not text.description.strip():
            message = _("The description is missing in this language.")
            found.warn("missing_description", message, details, locale=locale)
    return found


def _catalogue_problems(catalogue: Catalogue, items: list[CatalogueItem], today: date) -> list:
    found = _Found()
    theme_step, pricing_step = step_url(catalogue, "theme"), step_url(catalogue, "pricing")
    if not items:
        message = _("The catalogue has no items yet.")
        found.error("no_items", message, step_url(catalogue, "selection"))
    if themechoice.choice(catalogue.theme_slug) is None:
        found.error("theme_missing", _("Its theme is no longer available."), theme_step)
    for locale in catalogue.locales:
        if not (catalogue.title.get(locale) or "").strip():
            message = _("The title is missing in this language.")
            found.error("missing_title", message, theme_step, locale=locale)
        if not (catalogue.intro.get(locale) or "").strip():
            message = _("The introduction is missing in this language.")
            found.warn("missing_intro", message, theme_step, locale=locale)
        if not (catalogue.how_to_order.get(locale) or "").strip():
            message = _("How to order is not explained in this language.")
            found.warn("missing_how_to_order", message, pricing_step, locale=locale)
    closes = catalogue.order_closes_on
    if catalogue.order_opens_on is None or closes is None:
        found.warn("no_order_window", _("Set when orders open and close."), pricing_step)
    elif closes < today:
        found.warn("order_window_closed", _("Orders have already closed."), pricing_step)
    room = LAYOUTS.get(catalogue.layout, 0)
    if catalogue.format == CatalogueFormat.FLYER and room and len(items) > room:
        message = _(
            "A flyer is one page: %(count)d items, room for %(room)d with this layout.",
            count=len(items),
            room=room,
        )
        found.warn("flyer_too_full", message, theme_step, channel="print")
    return found


def _layout_message(issue: Any) -> str:
    detail = dict(getattr(issue, "detail", None) or {})
    if issue.kind == "low_ppi":
        if "ppi" in detail:
            return _(
                "The photo prints at %(ppi)d ppi at its size on the page; print needs %(needed)d.",
                ppi=int(detail["ppi"]),
                needed=int(detail.get("needed", 300)),
            )
        return _("The photo is below 300 ppi at its size on the page.")
    field = _("name") if issue.field == "name" else _("description")
    if "lines" in detail and "fits" in detail:
        return _(
            "The %(field)s is too long for its place: %(lines)d lines, room for %(fits)d.",
            field=field,
            lines=int(detail["lines"]),
            fits=int(detail["fits"]),
        )
    return _("The %(field)s is too long for its place on the page.", field=field)


def _layout_problems(catalogue: Catalogue, items: list[CatalogueItem]) -> list[Problem]:
    """Overflowing text (per language) and photos too small for print, as the PDF lays them."""
    theme = themechoice.theme_object(catalogue.theme_slug)
    if theme is None or not items:
        return []
    snapshot = draft_snapshot(catalogue)
    by_code = {item.code: primary(item) for item in items}
    found: dict[tuple, Problem] = {}
    for locale in catalogue.locales:
        for issue in themechoice.layout_problems(snapshot, theme, locale):
            product = by_code.get(issue.code)
            photo = issue.kind == "low_ppi"
            page = "photos" if photo else "details"
            key = (issue.code, issue.kind, issue.field, "" if photo else locale)
            found.setdefault(
                key,
                Problem(
                    WARNING,
                    issue.kind,
                    _layout_message(issue),
                    _product_url(product, page) if product else "",
                    issue.code,
                    product_name(product) if product else "",
                    channel="print",
                    locale=key[3],
                ),
            )
    return list(found.values())


# Reports kept while nothing pages show has changed (a change anywhere makes them stale).
_REPORTS = Memo(16)


def check(session: Session, catalogue: Catalogue, *, today: date | None = None) -> Report:
    """Every problem of ``catalogue``, catalogue-wide first, then item by item in order;
    ``report.can_publish`` when there is no error. The same report again while the data is
    unchanged (``content_version.Memo``), so looking at the check twice works it out once."""
    day = today or date.today()
    # The theme as loaded now: a theme pack changed on disk is loaded again, as another object.
    theme = _Same(themechoice.theme_object(catalogue.theme_slug))
    key = (catalogue.id, str(get_locale()), day, catalogue.theme_slug, theme)
    return _REPORTS.get(session, key, lambda: _check(session, catalogue, day))


class _Same:
    """A key part equal only to the very same object (which it keeps alive)."""

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj


def _check(session: Session, catalogue: Catalogue, today: date) -> Report:
    session.flush()
    load_items(session, catalogue)
    settings = pricing.settings_for(catalogue)
    items = sorted(
        (i for i in catalogue.items if i.active and i.sources), key=lambda i: (i.position, i.code)
    )
    report = Report(list(catalogue.locales))
    report.problems += _catalogue_problems(catalogue, items, today)
    for item in items:
        report.problems += _item_problems(catalogue, item)
        for source in item.sources:
            report.problems += _product_problems(catalogue, item, source.product, settings)
    report.problems += _layout_problems(catalogue, items)
    return report
