"""Editions as people read them: status in words, times with their zone, sizes in their units,
downloads named after what they are, publishing in the audit trail, and every visible change in
the change summary."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from catalogue.auth.models import User
from catalogue.core.models import AuditEvent
from catalogue.editions import services as editions
from catalogue.editions.changes import change_summary, is_empty
from catalogue.editions.snapshot import build_snapshot
from catalogue.extensions import db
from catalogue.producers.models import Producer
from tests.conftest import csrf_from, login
from tests.editions.conftest import ready_catalogue
from tests.factories import PASSWORD, World

NAMES = [
    {"en": "Hand-woven silk scarf", "es": "Bufanda de seda"},
    {"en": "Alpaca shawl", "es": "Chal de alpaca"},
]


def _published(app: Flask, world: World) -> str:
    """Publish edition 1 (print only) as the facilitator; the catalogue's builder path."""
    with app.test_request_context():
        catalogue = ready_catalogue(db.session, world, locales=["en", "es"], names=NAMES)
        user = db.session.scalar(select(User).where(User.email == world.emails["facilitator"]))
        editions.publish(db.session, catalogue, "print", user=user)
        db.session.commit()
    return f"/n/{world.network}/manage/catalogues/{world.catalogue_slug}"


def _client(app: Flask, world: World, locale: str = "en", role: str = "facilitator") -> FlaskClient:
    client = app.test_client()
    assert login(client, world.emails[role], PASSWORD).status_code == 302
    token = csrf_from(client, "/")
    client.post("/language", data={"locale": locale, "next": "/", "csrf_token": token})
    return client


def test_edition_status_and_time_are_in_the_readers_language(app: Flask, world: World) -> None:
    base = _published(app, world)
    for locale, status in {"es": "publicado", "fr": "publié", "vi": "đã xuất bản"}.items():
        page = _client(app, world, locale).get(f"{base}/publish").get_data(as_text=True)
        row = page[page.index("<tbody>", page.index('aria-label="')) :]
        assert f"<td>{status}</td>" in row, locale
        assert not re.search(r">[^<]*(\+00:00|\d\d:\d\d:\d\d\.\d+)", page)
        shown = re.findall(r"<time datetime=\"[^\"]+\">([^<]*)</time>", page)
        assert shown and all(re.search(r"\d{1,2}:\d{2}", t) for t in shown)
        assert all("UTC" in t or "TU" in t for t in shown), shown
    english = _client(app, world).get(f"{base}/publish").get_data(as_text=True)
    assert "<td>published</td>" in english


def test_file_sizes_are_in_the_readers_units(app: Flask, world: World) -> None:
    base = _published(app, world)
    english = _client(app, world).get(f"{base}/editions/1").get_data(as_text=True)
    assert "KiB" not in english
    assert re.search(r"<td>\d+(\.\d)? (kB|MB)</td>", english)
    french = _client(app, world, "fr").get(f"{base}/editions/1").get_data(as_text=True)
    assert re.search(r"<td>\d+(,\d)?\u202f(ko|Mo)</td>", french)


def test_downloads_are_named_after_the_network_catalogue_edition_and_language(
    app: Flask, world: World
) -> None:
    base = _published(app, world)
    client = _client(app, world)
    detail = client.get(f"{base}/editions/1").get_data(as_text=True)
    assert f'href="{base}/editions/1/files/print.es.pdf"' in detail  # the URL stays stable
    expected = {
        "print.pdf": "attachment; filename=testnet-winter-gifts-edition-1-print.pdf",
        "print.es.pdf": "attachment; filename=testnet-winter-gifts-edition-1-print-es.pdf",
        "manifest.json": "attachment; filename=testnet-winter-gifts-edition-1-manifest.json",
    }
    for name, disposition in expected.items():
        with client.get(f"{base}/editions/1/files/{name}") as response:
            assert response.status_code == 200, name
            assert response.headers["Content-Disposition"] == disposition


def test_publishing_is_in_the_audit_trail(app: Flask, world: World) -> None:
    _published(app, world)
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "edition.publish"))
        assert event is not None and event.actor_id is not None and event.detail["number"] == 1
        assert event.detail["label"] == {"en": "Textiles (en)", "es": "Textiles (es)"}
    page = _client(app, world, role="admin").get(f"/n/{world.network}/audit")
    text = page.get_data(as_text=True)
    assert "facilitator published edition 1 of the catalogue “Textiles (en)”" in text


def test_the_change_summary_names_a_producer_whose_name_changed(session, world: World) -> None:
    catalogue = ready_catalogue(session, world, locales=["en"], names=NAMES)
    before = build_snapshot(session, catalogue, edition_number=1)
    assert is_empty(change_summary(before, build_snapshot(session, catalogue, edition_number=2)))

    rosa = session.scalar(select(Producer).where(Producer.slug == world.producer_a))
    rosa.display_name = "Tejidos Rosa Andina"
    session.flush()
    after = build_snapshot(session, catalogue, edition_number=2)
    summary = change_summary(before, after)
    assert not is_empty(summary)
    assert {c["after"][0] for c in summary["producer_changed"]} == {"Tejidos Rosa Andina"}
    assert {c["before"][0] for c in summary["producer_changed"]} == {"Taller rosa"}
    assert summary["stories_changed"] == ["Tejidos Rosa Andina"]


def test_the_change_summary_lists_changed_item_facts(session, world: World) -> None:
    catalogue = ready_catalogue(session, world, locales=["en"], names=NAMES)
    before = build_snapshot(session, catalogue, edition_number=1)
    rosa = session.scalar(select(Producer).where(Producer.slug == world.producer_a))
    rosa.region = "Limarí"
    for product in rosa.products:
        if product.capacity is not None:
            product.capacity.lead_time_days = (product.capacity.lead_time_days or 0) + 7
    session.flush()
    summary = change_summary(before, build_snapshot(session, catalogue, edition_number=2))
    fields = {f for change in summary["details_changed"] for f in change["fields"]}
    assert {"region", "lead_time_days"} <= fields
    assert not is_empty(summary)
