"""A producer's change to an approved product waits for review as a pending change: the approved
version stays public, in lists and in catalogues until a facilitator approves the change; asking
for changes or withdrawing it keeps the approved version; a facilitator's own edit applies at
once. Through the portal, the JSON API and the services, on a real database."""

from __future__ import annotations

from io import BytesIO

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import func, select, text

from catalogue.catalogues import selection
from catalogue.catalogues.models import Catalogue
from catalogue.core import migrate
from catalogue.core.models import AuditEvent
from catalogue.editions.snapshot import draft_snapshot
from catalogue.extensions import db
from catalogue.media.models import ProductImage
from catalogue.producers.models import Producer
from catalogue.products import services as product_services
from catalogue.products.models import Product, ProductStatus
from tests.api import api_token, bearer
from tests.conftest import build_app, csrf_from, login
from tests.factories import PASSWORD, World, build_world, make_product

WAITING = "Your change is waiting for your facilitator&#39;s review"


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _client(app: Flask, world: World, role: str = "producer") -> FlaskClient:
    client = app.test_client()
    assert login(client, world.emails[role], PASSWORD).status_code == 302
    return client


def _post(client: FlaskClient, path: str, data: dict, **kw: object):
    return client.post(path, data={"csrf_token": csrf_from(client, path), **data}, **kw)


def _base(world: World) -> str:
    return f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}"


def _details(**changes: str) -> dict[str, str]:
    """The details form of product A as the portal shows it, with ``changes``."""
    return {
        "sku": "A-1",
        "category": "jewellery",
        "name_en": "Silver ring",
        "description_en": "Hand made.",
        **changes,
    }


def _rename(client: FlaskClient, world: World, name: str = "Silver ring with lapis"):
    return _post(client, f"{_base(world)}/details", _details(name_en=name), follow_redirects=True)


def _public(app: Flask, world: World) -> str:
    response = app.test_client().get(f"/n/{world.network}/products/{world.product_a}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _drafts(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.count()).select_from(Product).where(Product.draft_of_id.is_not(None))
        )


def _approve(app: Flask, world: World, decision: str = "approve", note: str = ""):
    facilitator = _client(app, world, "facilitator")
    path = f"/n/{world.network}/review/{world.product_a}"
    return _post(facilitator, path, {"decision": decision, "note": note})


def _status(client: FlaskClient, path: str) -> int:
    response = client.get(path)
    response.close()  # a photo is sent from its file
    return response.status_code


def _jpeg(colour: tuple[int, int, int]) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (900, 700), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_producers_edit_to_an_approved_product_keeps_the_approved_version_public_until_approved(
    app: Flask, world: World
) -> None:
    producer = _client(app, world)
    saved = _rename(producer, world)
    html = saved.get_data(as_text=True)
    assert WAITING in html and "buyers still see the approved version" in html
    assert 'id="pending-change"' in html and "Silver ring with lapis" in html

    public = _public(app, world)
    assert "Silver ring" in public and "Silver ring with lapis" not in public
    network = app.test_client().get(f"/n/{world.network}/").get_data(as_text=True)
    assert "Silver ring" in network and "with lapis" not in network
    with app.app_context():
        live = db.session.get(Product, world.product_a)
        assert live.status == ProductStatus.APPROVED
        assert live.text("en").name == "Silver ring"
        assert live.editing.status == ProductStatus.SUBMITTED

    queue = _client(app, world, "facilitator").get(f"/n/{world.network}/review/")
    assert "Change to an approved product" in queue.get_data(as_text=True)
    assert "name, description and story" in queue.get_data(as_text=True)
    decide = _client(app, world, "facilitator").get(f"/n/{world.network}/review/{world.product_a}")
    assert "A change to an approved product" in decide.get_data(as_text=True)

    assert _approve(app, world).status_code == 302
    assert "Silver ring with lapis" in _public(app, world)
    assert _drafts(app) == 0
    with app.app_context():
        live = db.session.get(Product, world.product_a)
        assert live.status == ProductStatus.APPROVED and live.draft is None
        assert [i.id for i in live.images] == [world.image_a]  # unchanged photos keep their rows
        actions = db.session.scalars(select(AuditEvent.action)).all()
        assert "product.approve_change" in actions


def test_through_the_api_a_change_to_an_approved_product_waits_and_the_approved_one_stays_public(
    app: Flask, world: World
) -> None:
    headers = bearer(api_token(app, world))
    client = app.test_client()
    url = f"/api/v1/products/{world.product_a}"
    response = client.patch(url, json={"texts": {"en": {"name": "Gold ring"}}}, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["id"] == world.product_a and body["status"] == "approved"
    assert body["texts"]["en"]["name"] == "Gold ring"
    assert body["pending_change"] == {"status": "submitted", "changed": ["texts"]}
    put = client.put(f"{url}/capacity", json={"units_per_month": 7}, headers=headers)
    assert put.get_json()["pending_change"]["changed"] == ["texts", "capacity"]

    again = client.get(url, headers=headers).get_json()
    assert again["texts"]["en"]["name"] == "Gold ring" and again["capacity"]["units_per_month"] == 7
    listed = client.get(f"/api/v1/producers/{world.producer_a_id}/products", headers=headers)
    assert [p["id"] for p in listed.get_json()] == [world.product_a]
    assert "Gold ring" not in _public(app, world)
    with app.app_context():
        live = db.session.get(Product, world.product_a)
        assert live.capacity.units_per_month == 20 and live.text("en").name == "Silver ring"
        draft_id = live.draft.id
    # The pending change's own id leads to the product she knows.
    assert client.get(f"/api/v1/products/{draft_id}", headers=headers).get_json()["id"] == (
        world.product_a
    )

    assert _approve(app, world).status_code == 302
    after = client.get(url, headers=headers).get_json()
    assert after["pending_change"] is None and after["status"] == "approved"
    with app.app_context():
        live = db.session.get(Product, world.product_a)
        assert live.capacity.units_per_month == 7 and live.text("en").name == "Gold ring"


def test_a_new_photo_waits_with_the_change_and_goes_live_on_approval(
    app: Flask, world: World
) -> None:
    headers = bearer(api_token(app, world))
    client = app.test_client()
    upload = client.post(
        f"/api/v1/products/{world.product_a}/images",
        data={"photo": (BytesIO(_jpeg((20, 160, 40))), "green.jpg")},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert upload.status_code == 201, upload.get_data(as_text=True)
    new_id = upload.get_json()["id"]
    # Only the people who may see the change see its photo.
    thumb = f"/media/images/{new_id}/thumb.jpg"
    assert _status(app.test_client(), thumb) == 404
    assert _status(_client(app, world), thumb) == 200
    with app.app_context():
        live = db.session.get(Product, world.product_a)
        assert [i.id for i in live.images] == [world.image_a]
        assert len(live.editing.images) == 2
    assert _approve(app, world).status_code == 302
    with app.app_context():
        live = db.session.get(Product, world.product_a)
        assert sorted(i.id for i in live.images) == sorted([world.image_a, new_id])
        assert db.session.get(ProductImage, new_id).derivatives  # moved with its copies
    assert _status(app.test_client(), thumb) == 200


def test_an_approved_product_with_a_pending_change_stays_in_catalogues_with_its_approved_content(
    app: Flask, world: World
) -> None:
    _rename(_client(app, world), world, "Renamed ring")
    with app.app_context():
        catalogue = db.session.scalar(
            select(Catalogue).where(Catalogue.slug == world.catalogue_slug)
        )
        draft_id = db.session.get(Product, world.product_a).draft.id
        matching = selection.matching_products(db.session, catalogue, {"categories": ["jewellery"]})
        assert [p.id for p in matching] == [world.product_a, world.product_b]
        assert draft_id not in [p.id for p in matching]
        assert selection.search_products(db.session, catalogue, "Renamed") == []
        assert [p.id for p in selection.search_products(db.session, catalogue, "A-1")] == [
            world.product_a
        ]
        selection.apply_rules(db.session, catalogue, {"categories": ["jewellery"]})
        sources = [s.product_id for item in catalogue.items for s in item.sources]
        assert sorted(sources) == [world.product_a, world.product_b]
        snapshot = draft_snapshot(catalogue)
        names = sorted(i["name"].get("en") for i in snapshot["items"])
        assert names == ["Alpaca scarf", "Silver ring"]


def test_asking_for_changes_keeps_the_approved_version_live(app: Flask, world: World) -> None:
    producer = _client(app, world)
    _rename(producer, world)
    refused = _approve(app, world, "changes", "Keep the old name, add the stone in the story.")
    assert refused.status_code == 302
    assert "Silver ring with lapis" not in _public(app, world)
    with app.app_context():
        live = db.session.get(Product, world.product_a)
        assert live.status == ProductStatus.APPROVED
        assert live.editing.status == ProductStatus.CHANGES_REQUESTED
    page = producer.get(_base(world)).get_data(as_text=True)
    assert "Keep the old name, add the stone in the story." in page
    assert "Send for review" in page
    mine = producer.get(f"/n/{world.network}/my/{world.producer_a}").get_data(as_text=True)
    assert "Your facilitator asks for changes" in mine
    sent = _post(producer, f"{_base(world)}/submit", {}, follow_redirects=True)
    assert WAITING in sent.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Product, world.product_a).editing.status == ProductStatus.SUBMITTED


def test_a_pending_change_never_shows_publicly_or_in_lists_or_counts(
    app: Flask, world: World
) -> None:
    home = app.test_client().get("/").get_data(as_text=True)
    assert "2 products" in home
    _rename(_client(app, world), world, "Hidden change")
    assert "2 products" in app.test_client().get("/").get_data(as_text=True)
    with app.app_context():
        draft_id = db.session.get(Product, world.product_a).draft.id
        producer = db.session.scalar(select(Producer).where(Producer.slug == world.producer_a))
        assert [p.id for p in producer.products] == [world.product_a]
        found = db.session.scalar(product_services.live_with_sku(producer, "A-1"))
        assert found.id == world.product_a
    anonymous = app.test_client()
    assert anonymous.get(f"/n/{world.network}/products/{draft_id}").status_code == 404
    for page in (f"/n/{world.network}/", f"/n/{world.network}/producers/{world.producer_a}"):
        html = anonymous.get(page).get_data(as_text=True)
        assert "Hidden change" not in html and html.count("Silver ring") >= 1, page
    mine = _client(app, world).get(f"/n/{world.network}/my/{world.producer_a}")
    html = mine.get_data(as_text=True)
    assert html.count("A-1") == 1 and "A change is waiting for review" in html
    facilitator = _client(app, world, "facilitator")
    detail = facilitator.get(f"/n/{world.network}/manage/producers/{world.producer_a}")
    assert detail.get_data(as_text=True).count("A-1") == 1


def test_the_importer_updates_the_pending_change_and_never_duplicates_the_product(
    app: Flask, world: World
) -> None:
    _rename(_client(app, world), world)
    with app.app_context():
        producer = db.session.scalar(select(Producer).where(Producer.slug == world.producer_a))
        version, created = product_services.upsert_product(
            db.session, producer, "A-1", {"category": "jewellery"}, actor=None, status="approved"
        )
        assert not created and version.draft_of_id == world.product_a
        assert version.status == ProductStatus.SUBMITTED  # only a review approves a change
        count = db.session.scalar(
            select(func.count()).select_from(Product).where(Product.producer_id == producer.id)
        )
        assert count == 2  # the product and its one pending change


def test_a_pending_change_cannot_take_the_code_of_another_of_her_products(
    app: Flask, world: World
) -> None:
    with app.app_context():
        producer = db.session.scalar(select(Producer).where(Producer.slug == world.producer_a))
        make_product(db.session, producer, "A-2", name="Copper ring")
        db.session.commit()
    producer = _client(app, world)
    taken = _post(producer, f"{_base(world)}/details", _details(sku="A-2"))
    assert taken.status_code == 400
    assert "You already have a product with this code." in taken.get_data(as_text=True)
    assert _drafts(app) == 0
    moved = _post(producer, f"{_base(world)}/details", _details(sku="A-9"))
    assert moved.status_code == 302
    with app.app_context():
        assert db.session.get(Product, world.product_a).sku == "A-1"  # until approved
    assert _approve(app, world).status_code == 302
    with app.app_context():
        assert db.session.get(Product, world.product_a).sku == "A-9"


def test_saving_a_form_unchanged_or_changing_it_back_leaves_nothing_to_review(
    app: Flask, world: World
) -> None:
    producer = _client(app, world)
    same = _post(producer, f"{_base(world)}/details", _details(), follow_redirects=True)
    assert "Saved." in same.get_data(as_text=True) and _drafts(app) == 0
    _rename(producer, world)
    assert _drafts(app) == 1
    _rename(producer, world, "Silver ring")
    assert _drafts(app) == 0
    with app.app_context():
        assert db.session.get(Product, world.product_a).status == ProductStatus.APPROVED


def test_withdrawing_a_change_keeps_the_approved_version(app: Flask, world: World) -> None:
    producer = _client(app, world)
    _rename(producer, world)
    withdrawn = producer.post(
        f"{_base(world)}/change/discard",
        data={"discard-csrf_token": csrf_from(producer, _base(world))},
        follow_redirects=True,
    )
    assert "Your change is withdrawn." in withdrawn.get_data(as_text=True)
    assert _drafts(app) == 0
    assert "Silver ring with lapis" not in _public(app, world)
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action)).all()
        assert "product.discard_change" in actions


def test_a_facilitators_own_edit_of_an_approved_product_applies_directly(
    app: Flask, world: World
) -> None:
    facilitator = _client(app, world, "facilitator")
    saved = _rename(facilitator, world, "Ring, edited by the facilitator")
    assert "Saved." in saved.get_data(as_text=True)
    assert _drafts(app) == 0
    assert "Ring, edited by the facilitator" in _public(app, world)
    with app.app_context():
        assert db.session.get(Product, world.product_a).status == ProductStatus.APPROVED


def test_undoing_the_migration_drops_pending_changes_and_keeps_the_approved_products(
    databases, tmp_path
) -> None:
    app = build_app(databases.new(), tmp_path)
    migrate.upgrade(app)
    world = build_world(app)
    _rename(_client(app, world), world)
    assert _drafts(app) == 1
    migrate.downgrade(app, "a0d731c65bc1")
    with app.app_context(), db.engine.connect() as conn:
        skus = conn.execute(text("SELECT sku FROM products ORDER BY id")).scalars().all()
        names = conn.execute(text("SELECT name FROM product_texts ORDER BY id")).scalars().all()
    assert skus == ["A-1", "B-1"] and names == ["Silver ring", "Alpaca scarf"]
    migrate.upgrade(app)
    assert _drafts(app) == 0


def test_the_dashboard_counts_a_pending_change_once_as_a_change_to_review(
    app: Flask, world: World
) -> None:
    facilitator = _client(app, world, "facilitator")
    before = facilitator.get("/dashboard").get_data(as_text=True)
    assert "Review (0)" in before and "Approved: <strong>2</strong>" in before
    _rename(_client(app, world), world)
    after = facilitator.get("/dashboard").get_data(as_text=True)
    # Still two approved products (the live ones), and one change waiting: not a third product.
    assert "Approved: <strong>2</strong>" in after
    assert "Submitted:" not in after
    assert "Changes to approved products waiting for review: <strong>1</strong>" in after
    assert "Review (1)" in after
