"""The check step: errors block publishing, warnings do not; each problem links to its fix."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from catalogue.catalogues import completeness, selection, services
from catalogue.catalogues.completeness import ERROR, WARNING
from catalogue.products.costing import save_costing
from catalogue.products.models import Product
from tests.catalogues.conftest import catalogue_of, producer, product
from tests.factories import World, add_photo

TODAY = date(2027, 1, 10)


def _ready(session: Session, world: World):
    """The test catalogue in English only, with both products, an order window and how to order."""
    catalogue = catalogue_of(session, world)
    catalogue.locales = ["en"]
    selection.apply_rules(session, catalogue, {})
    services.set_pricing(
        session,
        catalogue,
        {
            "currency": "USD",
            "markup_percent": "20",
            "order_opens_on": "2027-01-01",
            "order_closes_on": "2027-03-31",
            "how_to_order": {"en": "Order by code."},
        },
        None,
    )
    return catalogue


def _kinds(report, severity: str) -> set[tuple[str, str]]:
    return {(p.code, p.kind) for p in report.problems if p.severity == severity}


def test_a_product_without_photo_is_an_error_that_blocks_publishing(
    session: Session, world: World
) -> None:
    catalogue = _ready(session, world)
    report = completeness.check(session, catalogue, today=TODAY)
    assert _kinds(report, ERROR) == {("WG-002", "missing_photo")}  # carmen's scarf
    assert not report.can_publish
    problem = report.errors[0]
    assert (
        problem.url == f"/n/{world.network}/p/{world.producer_b}/products/{world.product_b}/photos"
    )
    assert problem.subject == "Alpaca scarf" and problem.message
    assert report.cell("print", "en") == {"errors": 1, "warnings": 0}

    add_photo(session, session.get(Product, world.product_b))
    report = completeness.check(session, catalogue, today=TODAY)
    assert report.can_publish and report.errors == []


def test_missing_texts_are_errors_for_names_and_warnings_for_descriptions(
    session: Session, world: World
) -> None:
    catalogue = _ready(session, world)
    add_photo(session, session.get(Product, world.product_b))
    product_services_text = session.get(Product, world.product_a).texts[0]
    product_services_text.description = ""
    report = completeness.check(session, catalogue, today=TODAY)
    assert _kinds(report, WARNING) == {("WG-001", "missing_description")}
    assert report.can_publish

    catalogue.locales = ["en", "es"]  # no Spanish names, intro there; how to order only in en
    report = completeness.check(session, catalogue, today=TODAY)
    spanish = {(p.code, p.kind) for p in report.problems if p.locale == "es"}
    assert spanish == {
        ("WG-001", "missing_name"),
        ("WG-002", "missing_name"),
        ("", "missing_how_to_order"),
    }
    assert report.cell("web", "es")["errors"] == 2 and report.cell("web", "en")["errors"] == 0


def test_capacity_price_rate_costing_and_order_window(session: Session, world: World) -> None:
    catalogue = _ready(session, world)
    rosa = producer(session, world.producer_a)
    peso = product(session, rosa, "A-5", prices=("CLP", "9000", "9900"))
    add_photo(session, peso)
    add_photo(session, session.get(Product, world.product_b))
    save_costing(
        session, peso, {"currency": "CLP", "materials": "3000", "hours": "1", "hourly_rate": "2000"}
    )
    ring = session.get(Product, world.product_a)
    session.delete(ring.capacity)
    session.flush()
    session.expire(ring, ["capacity"])
    selection.apply_rules(session, catalogue, {})
    report = completeness.check(session, catalogue, today=date(2027, 4, 1))
    assert _kinds(report, ERROR) == {("WG-001", "missing_capacity"), ("WG-003", "missing_rate")}
    assert ("WG-003", "below_costing") in _kinds(report, WARNING)  # 9000 < 2 × 5000
    assert ("", "order_window_closed") in _kinds(report, WARNING)
    rate_problem = next(p for p in report.errors if p.kind == "missing_rate")
    assert "CLP" in rate_problem.message
    assert rate_problem.url.endswith("/manage/catalogues/winter-gifts/pricing")


def test_an_empty_catalogue_cannot_be_published(session: Session, world: World) -> None:
    catalogue = catalogue_of(session, world)
    report = completeness.check(session, catalogue, today=TODAY)
    assert ("", "no_items") in _kinds(report, ERROR)
    assert ("", "no_order_window") in _kinds(report, WARNING)
    assert not report.can_publish


def test_the_report_is_worked_out_once_while_nothing_changes_and_again_after_any_change(
    session: Session, world: World
) -> None:
    catalogue = _ready(session, world)
    session.commit()
    first = completeness.check(session, catalogue, today=TODAY)
    assert _kinds(first, ERROR) == {("WG-002", "missing_photo")}
    assert completeness.check(session, catalogue, today=TODAY) is first  # nothing changed
    assert completeness.check(session, catalogue, today=date(2027, 4, 1)) is not first

    # A change still in the session is seen at once; once committed too.
    add_photo(session, session.get(Product, world.product_b))
    assert completeness.check(session, catalogue, today=TODAY).can_publish
    session.commit()
    after = completeness.check(session, catalogue, today=TODAY)
    assert after is not first and after.can_publish and after.errors == []
    assert completeness.check(session, catalogue, today=TODAY) is after
