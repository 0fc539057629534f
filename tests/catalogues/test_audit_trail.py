"""The audit trail names people and things in words, and the builder's work is in it."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.auth.models import User
from catalogue.catalogues import arrangement, pooling, selection
from catalogue.catalogues import services as catalogue_services
from catalogue.core.models import AuditEvent
from catalogue.extensions import db
from catalogue.products import workflow
from catalogue.products.models import Product, ProductStatus
from tests.catalogues.conftest import catalogue_of, client_for
from tests.conftest import csrf_from
from tests.factories import World


def _facilitator(session: Session, world: World) -> User:
    return session.scalar(select(User).where(User.email == world.emails["facilitator"]))


def _events(session: Session) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def test_selection_pooling_and_arrangement_are_in_the_audit_trail(
    session: Session, world: World
) -> None:
    actor = _facilitator(session, world)
    catalogue = catalogue_of(session, world)
    selection.apply_rules(session, catalogue, {"categories": ["jewellery"]}, actor=actor)
    ring, scarf = sorted(catalogue.items, key=lambda i: i.code)
    selection.set_pinned(catalogue, scarf, True, actor=actor)
    selection.exclude_item(catalogue, scarf, actor=actor)
    selection.include_item(catalogue, scarf, actor=actor)
    pool = pooling.merge_items(session, catalogue, [ring.id, scarf.id], same_item=True, actor=actor)
    pooling.split_item(session, catalogue, pool, actor=actor)
    arrangement.set_arrangement(catalogue, group_by="none", sort_by="price", actor=actor)
    arrangement.move_item(catalogue, pool, 1, actor=actor)
    catalogue_services.set_item_price(catalogue, pool, "15", actor=actor)
    session.flush()

    events = {e.action: e for e in _events(session) if e.action.startswith("catalogue.")}
    for action in (
        "catalogue.rules",
        "catalogue.item_pin",
        "catalogue.item_remove",
        "catalogue.item_back",
        "catalogue.pool",
        "catalogue.split",
        "catalogue.arrange",
        "catalogue.item_down",
        "catalogue.item_price",
    ):
        assert action in events, action
        assert events[action].actor_id == actor.id and events[action].network_id is not None
    assert events["catalogue.rules"].detail["added"] == 2
    pooled = events["catalogue.pool"].detail
    assert pooled["label"] == {"en": "Silver ring"} and pooled["code"] == "WG-001"
    assert pooled["joined"] == ["WG-002"] and pooled["catalogue"]["en"] == "Winter gifts"
    assert events["catalogue.item_remove"].detail["label"] == {"en": "Alpaca scarf"}


def test_the_audit_trail_reads_in_words_not_ids(app: Flask, world: World) -> None:
    with app.test_request_context():
        actor = db.session.scalar(select(User).where(User.email == world.emails["facilitator"]))
        actor.name = "Ana"
        ring = db.session.get(Product, world.product_a)
        ring.status = ProductStatus.SUBMITTED
        workflow.approve(db.session, ring, actor)
        catalogue = catalogue_of(db.session, world)
        selection.apply_rules(db.session, catalogue, {}, actor=actor)
        db.session.commit()
    client = client_for(app, world, "admin")
    page = client.get(f"/n/{world.network}/audit").get_data(as_text=True)
    assert "Ana approved the product “Silver ring”" in page
    assert "Ana added" not in page  # the rules added the items: one sentence for them
    assert "Ana applied the selection rules of the catalogue “Winter gifts”: 2 added" in page
    # Names are kept as they were: she was still "facilitator" when she got her role.
    assert "The system gave facilitator the role “Facilitator”" in page
    assert "product.approve" not in page and not re.search(r">[^<]*\+00:00", page)
    assert not re.search(r"\b(products|catalogues|catalogue_items|users|memberships) \d", page)

    client.post(
        "/language", data={"locale": "es", "next": "/", "csrf_token": csrf_from(client, "/")}
    )
    spanish = client.get(f"/n/{world.network}/audit").get_data(as_text=True)
    assert "Ana aprobó el producto «Silver ring»" in spanish
