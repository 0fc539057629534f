"""Hostile zips: names are only base names, nothing is extracted, bombs and non-zips are refused,
and a refused zip stores nothing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.imports.services import import_spreadsheet
from catalogue.imports.zipphotos import MAX_ENTRIES, ZipPhotos
from catalogue.networks.models import Network
from tests.factories import World, build_world
from tests.imports import csv_bytes, good_photos, good_rows, jpeg, row_counts, zip_bytes


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _run(app: Flask, world: World, photos: bytes, rows=None, *, dry_run: bool = False):
    with app.app_context():
        network = db.session.scalar(select(Network).where(Network.slug == world.network))
        before = row_counts(db.session)
        result = import_spreadsheet(
            db.session, network, csv_bytes(rows or good_rows()), "p.csv", photos, dry_run=dry_run
        )
        db.session.commit()
        return result, before, row_counts(db.session)


def test_entries_are_found_by_base_name_and_never_extracted(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("../../escaped/at1.jpg", b"x")
        archive.writestr("/abs/at2.jpg", b"x")
        archive.writestr("photos\\windows\\r2.jpg", b"x")
        archive.writestr("__MACOSX/photos/._at1.jpg", b"x")
        archive.writestr("photos/.DS_Store", b"x")
        archive.writestr("photos/", b"")
        link = zipfile.ZipInfo("link.jpg")
        link.external_attr = 0o120777 << 16  # a symbolic link
        archive.writestr(link, "/etc/passwd")

    with ZipPhotos(out.getvalue()) as photos:
        assert photos.problems() == []
        assert photos.names() == ["at1.jpg", "at2.jpg", "r2.jpg"]
    assert list(tmp_path.iterdir()) == []
    assert not (tmp_path.parent.parent / "escaped").exists()


def test_a_traversal_name_imports_as_its_base_name(app: Flask, world: World) -> None:
    files = {f"../../{name}": data for name, data in good_photos().items()}

    result, before, after = _run(app, world, zip_bytes(files))

    assert result.problems == []
    assert after["product_images"] == before["product_images"] + 4


def test_a_zip_bomb_is_refused_and_nothing_is_stored(app: Flask, world: World) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in good_photos().items():
            archive.writestr(name, data)
        archive.writestr("huge.jpg", b"\0" * (8 * 1024 * 1024))

    result, before, after = _run(app, world, out.getvalue())

    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (0, "photos", "The zip file was refused: “huge.jpg” expands more than 200 times.")
    ]
    assert after == before


def test_a_zip_with_too_many_entries_is_refused(app: Flask, world: World) -> None:
    files = {f"empty-{n}.txt": b"" for n in range(MAX_ENTRIES + 1)}

    result, before, after = _run(app, world, zip_bytes(files))

    assert [p.message for p in result.problems] == [
        f"The zip file has more than {MAX_ENTRIES} files."
    ]
    assert after == before


def test_a_file_that_is_not_a_zip_is_refused(app: Flask, world: World) -> None:
    result, before, after = _run(app, world, jpeg((9, 9, 9)))

    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (0, "photos", "The photos file is not a zip file.")
    ]
    assert after == before


def test_a_file_that_is_not_an_image_is_a_problem_on_its_row(app: Flask, world: World) -> None:
    files = {**good_photos(), "r2.jpg": b"%PDF-1.4 not a photo"}

    result, before, after = _run(app, world, zip_bytes(files), dry_run=True)

    assert [(p.row, p.column) for p in result.problems] == [(5, "photos")]
    assert "r2.jpg" in result.problems[0].message
    assert after == before
