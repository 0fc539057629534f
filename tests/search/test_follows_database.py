"""The index follows the database: a change is recorded in its own transaction (the outbox) and
applied after commit; a rolled-back change never reaches the index; only public products are
found; `catalogue reindex` rebuilds a lost index."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from flask import Flask
from sqlalchemy import insert, select

from catalogue.extensions import db
from catalogue.products import services as product_services
from catalogue.products.models import ProductStatus
from catalogue.search import Query, get_search
from catalogue.search.models import SearchOutbox
from catalogue.search.writer import pending
from tests.factories import make_network, make_producer, make_product


def found(app: Flask, text: str, network: str | None = None) -> list[str]:
    results = get_search(app).backend.query(Query(text=text, network=network))
    return [h.id for h in results.hits]


def test_a_committed_product_is_found_right_after_the_commit(search_app: Flask) -> None:
    with search_app.app_context():
        session = db.session
        producer = make_producer(session, make_network(session), "rosa")
        make_product(session, producer, "S-0", name="Wool hat")
        session.commit()  # a first write opens the index (once per process)
        product = make_product(session, producer, "S-1", name="Khăn lụa tơ tằm")
        session.flush()
        started = time.perf_counter()
        session.commit()
        hits = found(search_app, "khan lua", "testnet")
        elapsed = time.perf_counter() - started
        assert hits == [f"product:{product.id}"]
        assert elapsed < 0.05, f"visible {elapsed * 1000:.1f} ms after the commit began"
        assert pending(session) == 0  # the writer deleted what it applied


def test_a_rolled_back_product_is_never_found(search_app: Flask) -> None:
    with search_app.app_context():
        session = db.session
        producer = make_producer(session, make_network(session), "rosa")
        make_product(session, producer, "S-1", name="Cesta de mimbre")
        session.rollback()
        assert session.scalars(select(SearchOutbox)).all() == []
        get_search(search_app).writer.apply()
        assert found(search_app, "mimbre") == []


def test_changes_left_in_the_outbox_are_applied_by_the_next_run(search_app: Flask) -> None:
    # As after a crash between the commit and the writer: the data is committed, the index
    # does not have it, and the outbox rows recorded with it are still there.
    with search_app.app_context():
        session = db.session
        producer = make_producer(session, make_network(session), "rosa")
        product = make_product(session, producer, "S-1", name="Alpaca poncho")
        session.commit()
        get_search(search_app).backend.clear()
        with db.writing(session):
            session.execute(insert(SearchOutbox).values(kind="product", key=str(product.id)))
        assert found(search_app, "poncho") == []  # nothing told the writer: the row waits
        assert pending(session) == 1
        assert get_search(search_app).writer.apply() == 1
        assert found(search_app, "poncho") == [f"product:{product.id}"]
        assert pending(session) == 0


def test_only_public_products_are_found(search_app: Flask) -> None:
    with search_app.app_context():
        session = db.session
        network = make_network(session)
        rosa = make_producer(session, network, "rosa")
        hidden = make_producer(session, network, "ana", public=False)
        live = make_product(session, rosa, "S-1", name="Clay pot")
        make_product(session, rosa, "S-2", name="Clay cup", status=ProductStatus.DRAFT)
        make_product(session, hidden, "S-3", name="Clay jug")
        session.commit()
        assert found(search_app, "clay") == [f"product:{live.id}"]

        rosa.active = False  # the producer leaves: her products go with her
        session.commit()
        assert found(search_app, "clay") == []


def test_an_edit_replaces_the_document(search_app: Flask) -> None:
    with search_app.app_context():
        session = db.session
        producer = make_producer(session, make_network(session), "rosa")
        product = make_product(session, producer, "S-1", name="Wool hat")
        session.commit()
        product_services.set_text(product, "en", {"name": "Felt hat", "description": "Warm."})
        session.commit()
        assert found(search_app, "felt") == [f"product:{product.id}"]
        assert found(search_app, "wool") == []


def test_an_index_deleted_on_disk_is_rebuilt_by_reindex(search_app: Flask) -> None:
    with search_app.app_context():
        session = db.session
        producer = make_producer(session, make_network(session), "rosa")
        product = make_product(session, producer, "S-1", name="Bolso de lana")
        session.commit()
    shutil.rmtree(Path(search_app.config["SEARCH_INDEX_DIR"]))
    assert found(search_app, "bolso") == []
    result = search_app.test_cli_runner().invoke(args=["reindex"])
    assert result.exit_code == 0, result.output
    assert "rebuilt" in result.output
    assert found(search_app, "bolsos") == [f"product:{product.id}"]
