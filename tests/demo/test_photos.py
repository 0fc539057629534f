"""Tests for the procedurally drawn demo product photos (real images, no mocks)."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from catalogue.demo.photos import MOTIFS, encode_jpeg, render_product_photo

PALETTE = ["#1f3b73", "#e0a030", "#b5443c", "#6b8f71"]
REPO_ROOT = Path(__file__).resolve().parents[2]


def _mean_abs_diff(a: Image.Image, b: Image.Image, size: tuple[int, int] = (160, 120)) -> float:
    small_a = a.resize(size, Image.Resampling.BOX)
    small_b = b.resize(size, Image.Resampling.BOX)
    diff = ImageChops.difference(small_a, small_b)
    return sum(ImageStat.Stat(diff).mean) / 3


@pytest.fixture(scope="module")
def renders() -> dict[str, Image.Image]:
    """Every motif once at the default size, same palette and seed."""
    return {motif: render_product_photo(motif, PALETTE, 42) for motif in MOTIFS}


def test_motifs_are_unique_and_complete() -> None:
    assert len(MOTIFS) == 24
    assert len(set(MOTIFS)) == len(MOTIFS)


@pytest.mark.parametrize("motif", MOTIFS)
def test_every_motif_renders_at_default_size(motif: str, renders: dict[str, Image.Image]) -> None:
    image = renders[motif]
    assert image.mode == "RGB"
    assert image.size == (2400, 1800)
    assert max(image.size) >= 2400


@pytest.mark.parametrize("motif", MOTIFS)
def test_image_is_not_flat(motif: str, renders: dict[str, Image.Image]) -> None:
    stat = ImageStat.Stat(renders[motif])
    assert min(stat.stddev) > 8, stat.stddev
    # Neither blown out nor black.
    assert 60 < sum(stat.mean) / 3 < 245


@pytest.mark.parametrize("size", [(1800, 2400), (2400, 2400), (640, 480), (200, 150)])
def test_renders_at_requested_size(size: tuple[int, int]) -> None:
    image = render_product_photo("vase", PALETTE, 3, size)
    assert image.mode == "RGB"
    assert image.size == size


def test_all_motifs_render_at_portrait_size() -> None:
    for motif in MOTIFS:
        image = render_product_photo(motif, PALETTE, 9, (300, 400))
        assert image.size == (300, 400)
        assert image.mode == "RGB"


def test_same_arguments_give_identical_bytes() -> None:
    first = encode_jpeg(render_product_photo("jar", PALETTE, 7))
    second = encode_jpeg(render_product_photo("jar", PALETTE, 7))
    assert first == second


def test_different_seed_gives_different_bytes() -> None:
    first = encode_jpeg(render_product_photo("jar", PALETTE, 7))
    second = encode_jpeg(render_product_photo("jar", PALETTE, 8))
    assert first != second


def test_different_palette_gives_different_image() -> None:
    first = render_product_photo("bowl", PALETTE, 7)
    second = render_product_photo("bowl", ["#203020", "#f0e0d0"], 7)
    assert _mean_abs_diff(first, second) > 2.0


def test_determinism_across_processes() -> None:
    script = (
        "import hashlib, sys\n"
        "from catalogue.demo.photos import encode_jpeg, render_product_photo\n"
        "data = encode_jpeg(render_product_photo('necklace', "
        "['#1f3b73', '#e0a030', '#b5443c'], 11, (900, 600)))\n"
        "sys.stdout.write(hashlib.sha256(data).hexdigest())\n"
    )
    digests = set()
    for hash_seed in ("0", "12345"):
        result = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO_ROOT,
            env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONHASHSEED": hash_seed},
        )
        digests.add(result.stdout.strip())
    local = encode_jpeg(
        render_product_photo("necklace", ["#1f3b73", "#e0a030", "#b5443c"], 11, (900, 600))
    )
    digests.add(hashlib.sha256(local).hexdigest())
    assert len(digests) == 1


def test_different_motifs_give_different_images(renders: dict[str, Image.Image]) -> None:
    small = {m: img.resize((160, 120), Image.Resampling.BOX) for m, img in renders.items()}
    motifs = list(MOTIFS)
    for i, a in enumerate(motifs):
        for b in motifs[i + 1 :]:
            diff = ImageChops.difference(small[a], small[b])
            mad = sum(ImageStat.Stat(diff).mean) / 3
            assert mad > 3.0, f"{a} and {b} look too alike (mean abs diff {mad:.2f})"


def test_objects_themselves_are_distinguishable() -> None:
    # The whole-picture comparison above is helped by each motif getting its own backdrop.
    # Here every object is drawn at the same place and scale over the same flat grey, so
    # only the object's shape and colouring can make the difference.
    import random

    from catalogue.demo import photos

    colours = [photos._parse_colour(c) for c in PALETTE]
    pal = photos._choose_palette(colours, random.Random(0))
    pictures: dict[str, Image.Image] = {}
    alphas: dict[str, Image.Image] = {}
    for motif in MOTIFS:
        layer = photos._Layer((400, 300))
        photos._DRAWERS[motif](layer, 200, 260, 150, pal, random.Random(1))
        picture = Image.new("RGB", layer.image.size, (128, 128, 128))
        picture.paste(layer.image, (0, 0), layer.image)
        pictures[motif] = picture
        alphas[motif] = layer.image.getchannel("A")
        assert layer.image.getbbox() is not None, f"{motif} drew nothing"
    for i, a in enumerate(MOTIFS):
        for b in MOTIFS[i + 1 :]:
            union = ImageChops.lighter(alphas[a], alphas[b]).point(lambda v: 255 if v else 0)
            diff = ImageChops.difference(pictures[a], pictures[b]).convert("L")
            mad = ImageStat.Stat(diff, mask=union).mean[0]
            assert mad > 15, f"{a} and {b} objects look too alike ({mad:.1f})"


def test_empty_palette_uses_neutral_fallback() -> None:
    image = render_product_photo("soap", [], 5)
    assert image.size == (2400, 1800)
    assert min(ImageStat.Stat(image).stddev) > 8
    assert encode_jpeg(image) == encode_jpeg(render_product_photo("soap", (), 5))


def test_short_hex_and_tuple_palette_are_accepted() -> None:
    image = render_product_photo("book", ("#fa0", "#123456"), 2, (600, 450))
    assert image.size == (600, 450)


def test_unknown_motif_raises_value_error_naming_it() -> None:
    with pytest.raises(ValueError) as excinfo:
        render_product_photo("teapot", PALETTE, 1)
    message = str(excinfo.value)
    assert "teapot" in message
    assert "jar" in message
    assert "plant_bundle" in message


@pytest.mark.parametrize("bad", ["#12345g", "red", "#1234", "", "1f3b7"])
def test_bad_colour_raises_value_error_naming_it(bad: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        render_product_photo("jar", ["#1f3b73", bad], 1)
    assert repr(bad) in str(excinfo.value)


def test_encode_jpeg_properties(renders: dict[str, Image.Image]) -> None:
    data = encode_jpeg(renders["scarf"])
    assert data[:2] == b"\xff\xd8"
    assert data[-2:] == b"\xff\xd9"
    reopened = Image.open(io.BytesIO(data))
    reopened.load()
    assert reopened.format == "JPEG"
    assert reopened.size == (2400, 1800)
    assert reopened.mode == "RGB"
    assert len(reopened.getexif()) == 0
    assert "exif" not in reopened.info
    assert "icc_profile" not in reopened.info
    assert not reopened.info.get("progressive")
    assert not reopened.info.get("progression")


def test_encode_jpeg_strips_metadata_of_loaded_images(tmp_path: Path) -> None:
    source = render_product_photo("bowl", PALETTE, 4, (640, 480))
    exif = Image.Exif()
    exif[0x010E] = "a description that must not survive"
    path = tmp_path / "with_meta.jpg"
    source.save(path, "JPEG", exif=exif, comment=b"hello")
    with Image.open(path) as loaded:
        assert loaded.getexif()
        data = encode_jpeg(loaded)
    reopened = Image.open(io.BytesIO(data))
    assert len(reopened.getexif()) == 0
    assert "icc_profile" not in reopened.info
    assert b"a description" not in data
    assert b"hello" not in data


def test_encode_jpeg_is_deterministic_and_converts_mode() -> None:
    rgba = render_product_photo("ring", PALETTE, 4, (640, 480)).convert("RGBA")
    first = encode_jpeg(rgba)
    assert first == encode_jpeg(rgba)
    assert Image.open(io.BytesIO(first)).mode == "RGB"


def test_encode_jpeg_quality_changes_output(renders: dict[str, Image.Image]) -> None:
    image = renders["basket"]
    assert len(encode_jpeg(image, quality=60)) < len(encode_jpeg(image, quality=95))
