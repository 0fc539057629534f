"""`catalogue publish` with a progress bar, and the builder's preview and publish pages."""

from __future__ import annotations

import re

from flask import Flask
from pypdf import PdfReader
from sqlalchemy import select

from catalogue.catalogues.models import Catalogue
from catalogue.editions import services
from catalogue.editions.models import Edition, EditionStatus
from catalogue.extensions import db
from catalogue.jobs.models import Job, JobStatus
from catalogue.producers.models import Producer
from tests.conftest import csrf_from, login
from tests.editions.conftest import add_product, check_published_files, folder, ready_catalogue
from tests.exports.conftest import lose_a_photo_marker
from tests.factories import PASSWORD

NAMES = [{"en": "Hand-woven silk scarf"}, {"en": "Alpaca wool shawl"}]


def _ready(app: Flask, world) -> None:
    with app.test_request_context():
        ready_catalogue(db.session, world, locales=["en"], names=NAMES)
        db.session.commit()


def _catalogue() -> Catalogue:
    return db.session.scalar(select(Catalogue).where(Catalogue.slug == "winter-gifts"))


def test_cli_publishes_with_a_progress_bar_and_copies_to_out(app, world, tmp_path) -> None:
    _ready(app, world)
    out = tmp_path / "for-the-printer"
    result = app.test_cli_runner().invoke(
        args=["publish", f"{world.network}/winter-gifts", "--formats", "print", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Publishing" in result.output and "100%" in result.output
    assert "Edition 1: 2 items" in result.output and "First edition." in result.output
    manifest = check_published_files(out)
    assert [f["name"] for f in manifest["files"]] == ["print.pdf"]
    assert len(PdfReader(out / "print.pdf").pages) == manifest["page_count"]

    again = app.test_cli_runner().invoke(args=["publish", "winter-gifts", "--formats", "print"])
    assert again.exit_code == 0, again.output
    assert "Edition 2" in again.output and "No changes since edition 1." in again.output
    with app.app_context():
        for number in (1, 2):
            check_published_files(folder(_catalogue(), number))


def test_cli_refuses_unknown_formats_and_incomplete_catalogues(app, world) -> None:
    _ready(app, world)
    bad = app.test_cli_runner().invoke(args=["publish", "winter-gifts", "--formats", "poster"])
    assert bad.exit_code == 2 and "poster" in bad.output
    missing = app.test_cli_runner().invoke(args=["publish", "no-such-catalogue"])
    assert missing.exit_code == 2 and "no catalogue" in missing.output
    with app.test_request_context():
        a = db.session.scalar(select(Producer).where(Producer.slug == world.producer_a))
        add_product(db.session, a, "TX-NOPHOTO", {"en": "Undyed blanket"}, seed=3, photo=False)
        from catalogue.catalogues import selection

        catalogue = _catalogue()
        selection.apply_rules(db.session, catalogue, catalogue.rules)
        db.session.commit()
    blocked = app.test_cli_runner().invoke(args=["publish", "winter-gifts"])
    assert blocked.exit_code == 2
    assert "Nothing was published." in blocked.output and "photo" in blocked.output.lower()
    with app.app_context():
        assert db.session.scalar(select(Edition)) is None


def _signed_in(app, world, role="facilitator"):
    client = app.test_client()
    assert login(client, world.emails[role], PASSWORD).status_code == 302
    return client


def test_facilitator_previews_then_publishes_and_downloads_the_files(app, world) -> None:
    _ready(app, world)
    client = _signed_in(app, world)
    base = f"/n/{world.network}/manage/catalogues/winter-gifts"

    token = csrf_from(client, f"{base}/preview")
    made = client.post(f"{base}/preview", data={"csrf_token": token})
    assert made.status_code == 302
    page = client.get(made.headers["Location"]).get_data(as_text=True)
    pngs = re.findall(r'src="([^"]+\.png)"', page)
    assert pngs, page
    with client.get(pngs[0]) as png:
        assert png.status_code == 200 and png.data.startswith(b"\x89PNG")

    token = csrf_from(client, f"{base}/publish")
    done = client.post(
        f"{base}/publish", data={"csrf_token": token, "formats": ["print", "screen"]}
    )
    assert done.status_code == 302
    listing = client.get(f"{base}/publish").get_data(as_text=True)
    assert f"{base}/editions/1" in listing
    detail = client.get(f"{base}/editions/1").get_data(as_text=True)
    assert "print.pdf" in detail and "screen.pdf" in detail and "First edition" in detail
    with client.get(f"{base}/editions/1/files/print.pdf") as pdf:
        assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert client.get(f"{base}/editions/1/files/../../secret").status_code == 404
    with app.app_context():
        assert folder(_catalogue(), 1).is_dir()
        check_published_files(folder(_catalogue(), 1))


def test_a_photo_lost_in_the_pdf_fails_the_publish_job_and_the_page_says_so(
    app, world, monkeypatch
) -> None:
    _ready(app, world)
    lose_a_photo_marker(monkeypatch)
    client = _signed_in(app, world)
    base = f"/n/{world.network}/manage/catalogues/winter-gifts"
    token = csrf_from(client, f"{base}/publish")
    queued = client.post(
        f"{base}/publish", data={"csrf_token": token, "formats": ["print", "screen"]}
    )
    assert queued.status_code == 302
    page = client.get(queued.headers["Location"]).get_data(as_text=True)
    assert "The work failed. Nothing was published" in page
    with app.app_context():
        job = db.session.scalar(select(Job).where(Job.kind == "editions.publish"))
        assert job.status == JobStatus.FAILED
        assert "PhotoMarkerMissing" in job.error and "placeholder" in job.error
        assert db.session.scalar(select(Edition)).status == EditionStatus.FAILED
        assert not [p for p in services.catalogue_dir(_catalogue()).rglob("*") if p.is_file()]
    assert client.get(f"{base}/editions/1/files/print.pdf").status_code == 404


def test_publish_without_csrf_or_by_other_roles_is_refused(app, world) -> None:
    _ready(app, world)
    base = f"/n/{world.network}/manage/catalogues/winter-gifts"
    facilitator = _signed_in(app, world)
    assert facilitator.post(f"{base}/publish", data={"formats": ["print"]}).status_code == 400
    for role in ("producer", "buyer", "print_shop"):
        client = _signed_in(app, world, role)
        assert client.get(f"{base}/publish").status_code == 403, role
        assert client.get(f"{base}/editions/1/files/print.pdf").status_code == 403, role
    assert app.test_client().get(f"{base}/publish").status_code == 302  # to sign in
    with app.app_context():
        assert db.session.scalar(select(Edition)) is None
