"""Photos through the portal and the API: cleaned before anything is stored; hostile files get
a clear message and leave no blob and no row; random bytes never cause a server error."""

from __future__ import annotations

import random
from io import BytesIO
from pathlib import Path

import pytest
from flask import Flask
from PIL import Image
from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.jobs.models import Job, JobStatus
from catalogue.media.models import DerivativeKind, ImageStatus, ProductImage
from catalogue.products.models import Product
from tests.conftest import csrf_from, login
from tests.factories import PASSWORD, World, build_world
from tests.media.test_pipeline import SECRETS, jpeg_with_metadata


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _jpeg(size=(1600, 1200), colour=(120, 80, 40), **save) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", **save)
    return out.getvalue()


def _state(app: Flask) -> tuple[int, int]:
    with app.app_context():
        rows = db.session.scalar(select(func.count()).select_from(ProductImage))
    files = sum(1 for p in Path(app.config["MEDIA_DIR"]).rglob("*") if p.is_file())
    return rows, files


def _upload(client, world: World, data: bytes, name: str = "photo.jpg"):
    path = f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}/photos"
    return client.post(
        path,
        data={"csrf_token": csrf_from(client, path), "photo": (BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def _producer(app: Flask, world: World):
    client = app.test_client()
    login(client, world.emails["producer"], PASSWORD)
    return client


def test_an_upload_is_stored_stripped_upright_and_its_derivatives_made(app: Flask, world: World):
    # Raw pixels 1600×1200 with a red block top-left; orientation 6 means "turn 90° clockwise".
    raw = Image.new("RGB", (1600, 1200), (120, 80, 40))
    raw.paste((230, 20, 20), (0, 0, 300, 300))
    data = jpeg_with_metadata(raw, orientation=6)
    client = _producer(app, world)
    response = _upload(client, world, data)
    assert response.status_code == 302
    from catalogue.media.storage import get_storage

    with app.app_context():
        image = db.session.scalars(select(ProductImage).order_by(ProductImage.id.desc())).first()
        assert image.status == ImageStatus.READY  # the job ran (inline runner in tests)
        assert (image.width, image.height) == (1200, 1600)  # upright
        kinds = {d.kind for d in image.derivatives}
        assert kinds >= {DerivativeKind.THUMB, DerivativeKind.WEB, DerivativeKind.PRINT}
        assert image.dominant_colour and image.dominant_colour.startswith("#")
        job = db.session.scalar(select(Job).where(Job.kind == "media.derivatives"))
        assert job.status == JobStatus.DONE and job.progress == 100
        stored = [image.sha256, *(d.sha256 for d in image.derivatives)]
        blobs = {sha: get_storage().get(sha) for sha in stored}
    for sha, blob in blobs.items():
        for needle in (b"Exif", b"http://ns.adobe.com/xap", b"ICC_PROFILE", *SECRETS):
            assert needle not in blob, (sha, needle)
        with Image.open(BytesIO(blob)) as im:
            assert not im.getexif() and "xmp" not in im.info and "comment" not in im.info
            assert im.height > im.width  # upright
            rgb = im.convert("RGB")
            # The red block now sits top-right.
            r, g, b = rgb.getpixel((rgb.width - 2, 1))
            assert r > 180 and g < 90, (sha, (r, g, b))


HOSTILE = [
    (b"", "empty.jpg"),
    (_jpeg()[:4000], "truncated.jpg"),
    (b"<html><script>alert(1)</script></html>", "page.jpg"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.jpg"),
    (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n", "x.jpg"),
    (_jpeg(), "../../x.jpg"),
    (_jpeg(size=(8, 8)), "tiny.jpg"),
    (_jpeg(), ""),
]


@pytest.mark.parametrize("data,name", HOSTILE, ids=[f"{i}-{h[1]}" for i, h in enumerate(HOSTILE)])
def test_hostile_uploads_get_a_message_and_store_nothing(app: Flask, world: World, data, name):
    client = _producer(app, world)
    before = _state(app)
    response = _upload(client, world, data, name)
    if name == "../../x.jpg":  # a fine photo with a hostile name: stored, the name ignored
        assert response.status_code == 302
        return
    assert response.status_code == 400
    assert 'id="photo-error"' in response.get_data(as_text=True)
    assert _state(app) == before


def test_a_decompression_bomb_is_refused(app: Flask, world: World) -> None:
    out = BytesIO()
    Image.new("1", (20000, 20000)).save(out, "PNG", optimize=True)
    client = _producer(app, world)
    before = _state(app)
    response = _upload(client, world, out.getvalue(), "bomb.png")
    assert response.status_code == 400
    assert _state(app) == before


def test_a_body_over_the_limit_gets_413(app: Flask, world: World) -> None:
    client = _producer(app, world)
    limit = app.config["MAX_CONTENT_LENGTH"]
    app.config["MAX_CONTENT_LENGTH"] = 50_000
    try:
        before = _state(app)
        response = _upload(client, world, b"\xff\xd8" + b"0" * 60_000, "big.jpg")
        assert response.status_code == 413
        assert _state(app) == before
    finally:
        app.config["MAX_CONTENT_LENGTH"] = limit


def test_random_bytes_never_cause_a_server_error(app: Flask, world: World) -> None:
    client = _producer(app, world)
    path = f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}/photos"
    token = csrf_from(client, path)
    rng = random.Random(20261123)
    heads = [
        b"",
        b"\xff\xd8\xff\xe0",
        b"\x89PNG\r\n\x1a\n",
        b"RIFF\x00\x00\x00\x00WEBP",
        b"\x00\x00\x00\x18ftypheic",
        b"GIF89a",
    ]
    for i in range(60):
        body = rng.choice(heads) + rng.randbytes(rng.randint(0, 3000))
        response = client.post(
            path,
            data={"csrf_token": token, "photo": (BytesIO(body), f"f{i}.jpg")},
            content_type="multipart/form-data",
        )
        assert response.status_code < 500, (i, body[:16])
        api = client.post(
            f"/api/v1/products/{world.product_a}/images",
            data={"photo": (BytesIO(body), "x.jpg")},
            headers={"X-CSRFToken": token},
            content_type="multipart/form-data",
        )
        assert api.status_code < 500, (i, body[:16])


def test_producer_orders_photos_and_chooses_the_cover(app: Flask, world: World) -> None:
    client = _producer(app, world)
    _upload(client, world, _jpeg(colour=(10, 200, 10)))
    with app.app_context():  # the product is approved: her photos are those of her change
        editing = db.session.get(Product, world.product_a).editing
        images = sorted(editing.images, key=lambda i: i.position)
        first, second = images[0].id, images[1].id
    base = f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}/photos"
    token = csrf_from(client, base)
    client.post(f"{base}/{second}", data={"csrf_token": token, "action": "up"})
    client.post(f"{base}/{second}", data={"csrf_token": token, "action": "cover"})
    client.post(
        f"{base}/{second}",
        data={"csrf_token": token, "action": "alt", "alt_text": "Green scarf, folded"},
    )
    with app.app_context():
        editing = db.session.get(Product, world.product_a).editing
        images = sorted(editing.images, key=lambda i: i.position)
        assert [i.id for i in images] == [second, first]
        assert [i.is_cover for i in images] == [True, False]
        assert images[0].alt_text["en"] == "Green scarf, folded"
