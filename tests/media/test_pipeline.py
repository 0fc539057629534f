"""The photo pipeline on real image files made in the test: stripping, orientation, hostile
uploads, formats, colour management, derivative sizes, the quality report and the colour."""

from __future__ import annotations

import dataclasses
import io
import random
import re
import struct
import warnings
import zlib

import pillow_heif
import pytest
from flask import Flask
from flask_babel import Babel
from PIL import Image, ImageCms, ImageDraw, ImageEnhance, ImageFilter, ImageOps

from catalogue.core.validation import ValidationError
from catalogue.demo.photos import render_product_photo
from catalogue.media import pipeline
from catalogue.media.derivatives import Encoded, public_derivatives
from catalogue.media.models import DerivativeKind
from catalogue.media.pipeline import (
    PhotoRejected,
    clean_upload,
    describe,
    dominant_colour,
    ingest,
    make_derivatives,
    quality_report,
)
from catalogue.media.storage import LocalStorage, sha256_hex

K = DerivativeKind
PALETTE = ("#8a3b12", "#f2e8d5", "#2f5d50")
RED = (230, 20, 20)
SECRETS = (b"SpyPhone", b"XMP-SECRET-LOCATION", b"COMMENT-SECRET", b"48.8582")


# --- Building test files -------------------------------------------------------------------


def encode(image: Image.Image, fmt: str = "JPEG", **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def marked(size: tuple[int, int] = (400, 300)) -> Image.Image:
    """A flat picture with a red square in the top-left corner."""
    image = Image.new("RGB", size, (70, 120, 170))
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 5, size[1] // 5), fill=RED)
    return image


def jpeg_with_metadata(image: Image.Image, orientation: int = 6) -> bytes:
    """A JPEG with every kind of metadata a phone leaves: EXIF with GPS and orientation, XMP,
    a comment and an ICC profile."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "SpyPhone"
    exif[0x9286] = "48.8582 N"  # UserComment-ish: a location in plain text
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (48.0, 51.0, 29.5), 3: "E", 4: (2.0, 17.0, 40.2)})
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b"<rdf:Description>XMP-SECRET-LOCATION</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(image, quality=92, exif=exif, xmp=xmp, comment=b"COMMENT-SECRET", icc_profile=icc)
    # The file really carries all of it.
    for needle in (b"Exif", b"http://ns.adobe.com/xap", b"ICC_PROFILE", *SECRETS):
        assert needle in data
    return data


def png_header_only(width: int, height: int) -> bytes:
    """A valid 1-bit PNG of any size in a few kilobytes (all-black rows compress to nothing)."""

    def chunk(tag: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(tag + payload)
        return struct.pack(">I", len(payload)) + tag + payload + struct.pack(">I", crc)

    row = bytes(1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def rgb_icc(red: tuple, green: tuple, blue: tuple, description: str) -> bytes:
    """A minimal ICC v2 matrix/TRC display profile (gamma 2.2) with the given D50 colorants."""

    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    def xyz(v: tuple) -> bytes:
        return b"XYZ \0\0\0\0" + b"".join(s15(c) for c in v)

    text = description.encode("ascii")
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(text) + 1) + text + b"\0"
    desc += b"\0" * 8 + b"\0\0" + b"\0" + b"\0" * 67
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(2.2 * 256)) + b"\0\0"
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz((0.9642, 1.0, 0.8249))),
        (b"rXYZ", xyz(red)),
        (b"gXYZ", xyz(green)),
        (b"bXYZ", xyz(blue)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0no copyright\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for sig, payload in tags:
        payload += b"\0" * (-len(payload) % 4)
        table += sig + struct.pack(">II", offset + len(body), len(payload))
        body += payload
    size = offset + len(body)
    header = struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000)
    header += b"mntrRGB XYZ " + struct.pack(">6H", 2024, 1, 1, 0, 0, 0) + b"acsp"
    header += b"\0" * 24 + struct.pack(">I", 0) + s15(0.9642) + s15(1.0) + s15(0.8249)
    header += b"\0" * (128 - len(header))
    return header + struct.pack(">I", len(tags)) + table + body


SRGB_D50 = ((0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141))


def jpeg_markers(data: bytes) -> list[int]:
    """The marker bytes of a JPEG's header segments, up to the start of scan."""
    assert data[:2] == b"\xff\xd8"
    markers, pos = [], 2
    while pos < len(data):
        assert data[pos] == 0xFF
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:  # SOS: entropy-coded data follows
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length
    return markers


def assert_stripped(data: bytes) -> Image.Image:
    """A JPEG with no metadata at all, by Pillow's reading and by its raw bytes."""
    for needle in (b"Exif", b"http://ns.adobe.com/xap", b"ICC_PROFILE", b"GPS", *SECRETS):
        assert needle not in data
    markers = jpeg_markers(data)
    assert not [m for m in markers if 0xE1 <= m <= 0xEF], "APP1..APP15 segment left"
    assert 0xFE not in markers, "comment left"
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    for key in ("exif", "xmp", "comment", "icc_profile", "photoshop", "adobe"):
        assert key not in image.info
    image.load()
    assert image.mode == "RGB"
    return image


def near(pixel: tuple, colour: tuple, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=False))


# --- Fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def photo_12mp() -> Image.Image:
    return render_product_photo("scarf", PALETTE, 7, (4000, 3000))


@pytest.fixture(scope="module")
def jpeg_12mp(photo_12mp: Image.Image) -> bytes:
    return jpeg_with_metadata(photo_12mp, orientation=1)


@pytest.fixture(scope="module")
def photo_2000() -> Image.Image:
    return render_product_photo("bowl", PALETTE, 3, (2000, 1500))


@pytest.fixture(scope="module")
def ingested_12mp(jpeg_12mp: bytes) -> pipeline.Ingested:
    return ingest(jpeg_12mp, "IMG_0001.JPG")


# --- Metadata and orientation --------------------------------------------------------------


def test_metadata_is_gone_from_the_original_and_every_derivative_and_photo_is_upright():
    data = jpeg_with_metadata(marked((400, 300)), orientation=6)
    result = ingest(data, "IMG_1234.jpg")
    photo = result.photo
    assert (photo.width, photo.height) == (300, 400)
    assert photo.mime == "image/jpeg" and photo.source_format == "JPEG"
    assert photo.sha256 == sha256_hex(photo.data)
    original = assert_stripped(photo.data)
    assert original.size == (300, 400)
    # Orientation 6 means "turn 90° clockwise": the top-left marker ends top-right.
    assert near(original.getpixel((300 - 15, 15)), RED)
    assert not near(original.getpixel((15, 15)), RED)
    assert set(result.derivatives) == {K.THUMB, K.WEB, K.SCREEN, K.PRINT}
    for kind, encoded in result.derivatives.items():
        image = assert_stripped(encoded.data)
        assert image.size == (encoded.width, encoded.height), kind
        assert image.height > image.width, kind
        w, h = image.size
        assert near(image.getpixel((w - 1 - w // 20, h // 20)), RED), kind
        assert not near(image.getpixel((w // 20, h // 20)), RED), kind


def test_the_kept_pixels_carry_no_metadata_either():
    photo = clean_upload(jpeg_with_metadata(marked((400, 300)), orientation=1))
    assert photo.pixels is not None
    assert photo.half is None  # too small for a half-scale decode
    assert photo.pixels.info == {}
    assert len(photo.pixels.getexif()) == 0
    assert photo.pixels.getexif().get_ifd(0x8825) == {}
    assert not getattr(photo.pixels, "applist", None)
    assert not getattr(photo.pixels, "app", None)


def test_the_kept_half_scale_pixels_carry_no_metadata_and_are_upright():
    # 4000 px: half of it (2000) is close enough to the print copy (2126) to make it.
    photo = clean_upload(jpeg_with_metadata(marked((4000, 3000)), orientation=6))
    assert photo.pixels is not None and photo.half is not None
    assert photo.pixels.size == (3000, 4000)
    assert photo.half.size == (1500, 2000)
    assert photo.half.mode == "RGB"
    for image in (photo.pixels, photo.half):
        assert image.info == {}
        assert len(image.getexif()) == 0
        assert image.getexif().get_ifd(0x8825) == {}
        assert not getattr(image, "applist", None)
        assert not getattr(image, "app", None)
        w, h = image.size
        assert near(image.getpixel((w - 1 - w // 20, h // 20)), RED)  # turned like the original


@pytest.mark.parametrize("orientation", [1, 2, 3, 4, 5, 6, 7, 8])
def test_every_exif_orientation_is_applied_like_exif_transpose(orientation: int):
    data = jpeg_with_metadata(marked((400, 300)), orientation)
    expected = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    photo = clean_upload(data)
    cleaned = Image.open(io.BytesIO(photo.data))
    assert cleaned.size == expected.size
    w, h = expected.size
    for x, y in [(10, 10), (w - 10, 10), (10, h - 10), (w - 10, h - 10)]:
        assert near(cleaned.getpixel((x, y)), expected.getpixel((x, y)), 12)


def test_make_derivatives_from_raw_upload_bytes_also_strips_and_rotates():
    data = jpeg_with_metadata(marked((1200, 900)), orientation=8)
    derivatives = make_derivatives(data)
    for encoded in derivatives.values():
        image = assert_stripped(encoded.data)
        assert image.height > image.width
    assert (derivatives[K.PRINT].width, derivatives[K.PRINT].height) == (900, 1200)


# --- Hostile and unsuitable uploads ---------------------------------------------------------


def rejected(data: bytes, filename: str | None = "photo.jpg") -> PhotoRejected:
    with pytest.raises(ValidationError) as caught:
        clean_upload(data, filename)
    error = caught.value
    assert isinstance(error, PhotoRejected)
    assert set(error.errors) == {"photo"}
    assert error.errors["photo"].strip()
    return error


def test_empty_file():
    assert rejected(b"").code == "empty"


def test_truncated_jpeg(photo_2000: Image.Image):
    data = encode(photo_2000, quality=90)
    error = rejected(data[: len(data) // 2])
    assert error.code == "corrupt"
    assert "damaged" in error.errors["photo"]


def test_truncated_png():
    data = encode(marked((600, 400)), "PNG")
    assert rejected(data[: len(data) - 40], "x.png").code == "corrupt"


@pytest.mark.parametrize(
    "content",
    [
        b"Hello, this is my product description.\n" * 20,
        b"<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="900" height="900">'
        b'<rect width="900" height="900" fill="red"/></svg>',
        b"<svg onload=alert(1)>",
        b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 900 900\nshowpage\n",
        b"\xc5\xd0\xd3\xc6" + bytes(60),
        b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
        b"PK\x03\x04" + bytes(100),
        b"\x00" * 500,
    ],
    ids=["text", "html", "svg", "svg-short", "eps", "eps-binary", "pdf", "zip", "zeros"],
)
def test_not_an_image_named_jpg(content: bytes):
    error = rejected(content, "holiday.jpg")
    assert error.code == "not_an_image"
    assert "JPEG, PNG, WebP or HEIC" in error.errors["photo"]


@pytest.mark.parametrize(
    ("fmt", "kind"), [("GIF", "GIF"), ("TIFF", "TIFF"), ("BMP", "BMP"), ("ICO", "ICO")]
)
def test_image_types_we_do_not_accept_are_named(fmt: str, kind: str):
    data = encode(marked((256, 256)), fmt)
    error = rejected(data, "product.jpg")
    assert error.code == "unsupported_type"
    assert kind in error.errors["photo"]
    assert "JPEG, PNG, WebP or HEIC" in error.errors["photo"]


def test_decompression_bomb_20000_squared_png():
    data = png_header_only(20_000, 20_000)
    assert len(data) < 200_000
    error = rejected(data, "bomb.png")
    assert error.code == "too_many_pixels"
    assert "40 megapixels" in error.errors["photo"]


def test_pillows_own_bomb_warning_is_handled_whether_an_error_or_not():
    data = png_header_only(10_000, 10_000)  # 100 MP: above Pillow's warning level, below error
    assert rejected(data).code == "too_many_pixels"  # pytest turns the warning into an error
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        assert rejected(data).code == "too_many_pixels"  # production: our own limit


def test_more_pixels_than_our_limit_is_refused_before_decoding():
    error = rejected(png_header_only(8000, 6000))  # 48 MP: Pillow would accept it silently
    assert error.code == "too_many_pixels"
    assert error.params["megapixels"] == 48


def test_too_small():
    error = rejected(encode(Image.new("RGB", (10, 10), RED)))
    assert error.code == "too_small"
    assert "10 × 10" in error.errors["photo"]


def test_file_too_large():
    assert rejected(b"\xff\xd8\xff\xe0" + bytes(pipeline.MAX_UPLOAD_BYTES)).code == "file_too_large"


@pytest.mark.parametrize(
    ("filename", "shown"),
    [
        ("../../x.jpg", "x.jpg: "),
        ("..\\..\\windows\\x.jpg", "x.jpg: "),
        ("", ""),
        (None, ""),
        ("a\x00b\r\n.jpg", "ab.jpg: "),
        ("x" * 500 + ".jpg", "x" * 60 + "..." + "x" * 13 + ".jpg: "),
    ],
)
def test_filenames_only_label_the_message(filename: str | None, shown: str):
    error = rejected(b"not an image", filename)
    message = error.errors["photo"]
    assert "/" not in message and "\\" not in message and "\x00" not in message
    assert message.startswith(shown) if shown else message.startswith("This file")
    assert len(message) < 300


def test_type_comes_from_content_not_name():
    data = encode(marked((600, 400)), "PNG")
    assert clean_upload(data, "photo.gif").source_format == "PNG"
    assert clean_upload(data, "../../etc/passwd").source_format == "PNG"


def test_fuzzed_uploads_only_ever_raise_validation_error(photo_2000: Image.Image):
    rng = random.Random(20240611)
    small = photo_2000.resize((400, 300))
    valid = [
        encode(small, quality=85),
        encode(small, quality=85, progressive=True),
        encode(small, "PNG"),
        encode(small, "WEBP", quality=80),
    ]
    prefixes = [
        b"\xff\xd8\xff\xe0",
        b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x02\x00\x00\x00\x02\x00\x08\x02\x00\x00\x00",
        b"RIFF\x00\x01\x00\x00WEBPVP8 ",
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
        b"GIF89a",
        b"",
    ]
    outcomes = {"accepted": 0, "refused": 0}
    for i in range(200):
        choice = i % 4
        if choice == 0:  # random bytes after a real header
            data = rng.choice(prefixes) + rng.randbytes(rng.randrange(0, 3000))
        elif choice == 1:  # a real image, truncated anywhere
            source = rng.choice(valid)
            data = source[: rng.randrange(1, len(source))]
        elif choice == 2:  # a real image with bytes flipped
            buffer = bytearray(rng.choice(valid))
            for _ in range(rng.randrange(1, 20)):
                buffer[rng.randrange(len(buffer))] = rng.randrange(256)
            data = bytes(buffer)
        else:  # anything at all
            data = rng.randbytes(rng.randrange(0, 2000))
        try:
            photo = clean_upload(data, rng.choice([None, "", "x.jpg", "../../y.png"]))
        except ValidationError as error:
            assert set(error.errors) == {"photo"}
            outcomes["refused"] += 1
        else:
            assert_stripped(photo.data)
            outcomes["accepted"] += 1
    assert outcomes["refused"] > 100


# --- Formats and colour ----------------------------------------------------------------------


def test_png_with_alpha_is_flattened_on_white():
    image = Image.new("RGBA", (600, 400), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((200, 100, 400, 300), fill=(*RED, 255))
    photo = clean_upload(encode(image, "PNG"), "logo.png")
    assert photo.source_format == "PNG"
    cleaned = assert_stripped(photo.data)
    assert near(cleaned.getpixel((10, 10)), (255, 255, 255), 6)
    assert near(cleaned.getpixel((300, 200)), RED, 12)


@pytest.mark.parametrize("mode", ["L", "P", "P-transparent", "LA", "1", "I;16", "RGBA"])
def test_other_png_modes_become_rgb(mode: str):
    base = marked((500, 400))
    params = {}
    if mode == "I;16":
        image = base.convert("L").convert("I").point(lambda v: v * 257).convert("I;16")
    elif mode == "P-transparent":
        image = base.convert("P")
        params["transparency"] = image.getpixel((499, 399))
    else:
        image = base.convert(mode)
    photo = clean_upload(encode(image, "PNG", **params))
    cleaned = assert_stripped(photo.data)
    assert cleaned.size == (500, 400)
    if mode == "P-transparent":
        assert near(cleaned.getpixel((499, 399)), (255, 255, 255), 6)
    elif mode == "I;16":  # 16-bit values are scaled to 8 bits, not clipped to white
        grey = base.convert("L").getpixel((499, 399))
        assert near(cleaned.getpixel((499, 399)), (grey, grey, grey), 6)
    else:
        expected = image.convert("RGB").getpixel((499, 399))
        assert near(cleaned.getpixel((499, 399)), expected, 12)


def test_webp_with_and_without_alpha(photo_2000: Image.Image):
    photo = clean_upload(encode(photo_2000, "WEBP", quality=80), "p.webp")
    assert photo.source_format == "WEBP"
    assert assert_stripped(photo.data).size == (2000, 1500)
    rgba = marked((500, 400)).convert("RGBA")
    rgba.putalpha(0)
    ImageDraw.Draw(rgba).rectangle((100, 100, 300, 300), fill=(*RED, 255))
    cleaned = assert_stripped(clean_upload(encode(rgba, "WEBP", lossless=True)).data)
    assert near(cleaned.getpixel((450, 350)), (255, 255, 255), 6)
    assert near(cleaned.getpixel((200, 200)), RED, 12)


def test_heic_from_a_phone(photo_2000: Image.Image):
    exif = Image.Exif()
    exif[0x010F] = "SpyPhone"
    data = encode(photo_2000.resize((800, 600)), "HEIF", quality=70, exif=exif)
    assert data[4:12] == b"ftypheic"
    photo = clean_upload(data, "IMG_0042.HEIC")
    assert photo.source_format == "HEIF"
    assert pipeline.ACCEPTED_FORMATS[photo.source_format] == "image/heic"
    assert assert_stripped(photo.data).size == (800, 600)
    for encoded in make_derivatives(photo).values():
        assert_stripped(encoded.data)


def test_cmyk_jpeg_becomes_rgb():
    image = Image.new("CMYK", (600, 400), (0, 0, 0, 0))  # white
    ImageDraw.Draw(image).rectangle((100, 100, 300, 300), fill=(0, 255, 255, 0))  # red
    photo = clean_upload(encode(image, quality=95))
    cleaned = assert_stripped(photo.data)
    assert near(cleaned.getpixel((200, 200)), (255, 0, 0), 30)
    assert near(cleaned.getpixel((500, 350)), (255, 255, 255), 10)


def test_srgb_icc_is_dropped_and_pixels_kept():
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image = Image.new("RGB", (600, 400), (200, 120, 40))
    photo = clean_upload(encode(image, quality=95, icc_profile=icc))
    assert near(assert_stripped(photo.data).getpixel((300, 200)), (200, 120, 40), 4)


def test_non_srgb_icc_is_converted_to_srgb_then_dropped():
    red, green, blue = SRGB_D50
    swapped = rgb_icc(green, red, blue, "Swapped primaries")  # "red" means sRGB green here
    image = Image.new("RGB", (600, 400), (200, 30, 30))
    data = encode(image, quality=95, icc_profile=swapped)
    photo = clean_upload(data)
    pixel = assert_stripped(photo.data).getpixel((300, 200))
    assert near(pixel, (30, 200, 30), 25), pixel
    # A real-world style wide-gamut profile (Adobe RGB-like primaries) also converts cleanly.
    adobe = rgb_icc((0.6097, 0.3111, 0.0195), (0.2053, 0.6257, 0.0609), blue, "Wide RGB")
    wide = clean_upload(encode(image, "PNG", icc_profile=adobe))
    pixel = assert_stripped(wide.data).getpixel((300, 200))
    assert pixel[0] > 200 and pixel != (200, 30, 30)


def test_broken_icc_profile_is_ignored_not_fatal():
    image = Image.new("RGB", (600, 400), (10, 120, 200))
    photo = clean_upload(encode(image, "PNG", icc_profile=b"not a profile at all" * 10))
    assert near(assert_stripped(photo.data).getpixel((300, 200)), (10, 120, 200), 6)


# --- Derivatives -----------------------------------------------------------------------------


def test_derivative_sizes_formats_and_stripping_for_12mp(ingested_12mp: pipeline.Ingested):
    derivatives = ingested_12mp.derivatives
    sizes = {kind: (e.width, e.height) for kind, e in derivatives.items()}
    assert sizes == {
        K.THUMB: (400, 300),
        K.WEB: (1600, 1200),
        K.SCREEN: (1063, 797),
        K.PRINT: (2126, 1594),  # 180 mm at 300 ppi
    }
    for kind, encoded in derivatives.items():
        image = assert_stripped(encoded.data)
        assert image.size == sizes[kind]
        assert not image.info.get("progressive"), kind  # baseline: see pipeline's docstring
    photo = ingested_12mp.photo
    assert (photo.width, photo.height) == (4000, 3000)
    assert assert_stripped(photo.data).size == (4000, 3000)


def test_derivatives_look_like_the_photo(photo_12mp: Image.Image, ingested_12mp):
    reference = photo_12mp.resize((400, 300), Image.Resampling.LANCZOS)
    for encoded in ingested_12mp.derivatives.values():
        image = Image.open(io.BytesIO(encoded.data)).convert("RGB")
        image = image.resize((400, 300), Image.Resampling.LANCZOS)
        diff = [abs(a - b) for a, b in zip(image.tobytes(), reference.tobytes(), strict=True)]
        assert sum(diff) / len(diff) < 3.0


def test_small_photos_are_never_enlarged():
    photo = clean_upload(encode(marked((1000, 750)), quality=90))
    sizes = {k: (e.width, e.height) for k, e in make_derivatives(photo).items()}
    assert sizes == {
        K.PRINT: (1000, 750),
        K.SCREEN: (500, 375),
        K.WEB: (1000, 750),
        K.THUMB: (400, 300),
    }


def test_print_size_follows_the_layout_slot(photo_2000: Image.Image):
    photo = clean_upload(encode(photo_2000, quality=90))
    derivatives = make_derivatives(photo, print_long_edge_px=1063)  # 90 mm at 300 ppi
    assert (derivatives[K.PRINT].width, derivatives[K.PRINT].height) == (1063, 797)
    assert derivatives[K.SCREEN].width == 531
    assert derivatives[K.WEB].width == 1600  # the web copy does not depend on the print size


def test_deterministic_and_the_same_whichever_way_it_is_called(jpeg_12mp, ingested_12mp):
    again = ingest(jpeg_12mp, parallel=False)
    assert again.photo.data == ingested_12mp.photo.data
    assert again.derivatives == ingested_12mp.derivatives
    assert again.dominant_colour == ingested_12mp.dominant_colour
    assert again.quality == ingested_12mp.quality
    photo = clean_upload(jpeg_12mp)
    assert photo == ingested_12mp.photo
    assert make_derivatives(photo) == ingested_12mp.derivatives


@pytest.mark.parametrize("kind", ["png", "odd-jpeg"])
def test_every_path_gives_the_same_bytes_without_a_half_scale_decode_or_with_odd_sizes(kind):
    """A large PNG has no half-scale decode (the copies come from the full pixels); an
    odd-sized, rotated JPEG has one whose last row and column are padding, turned to the left.
    Either way: parallel or not, ingest or one by one, the same files, upright, with the print
    copy at 180 mm / 300 ppi."""
    if kind == "png":
        data, upright = encode(marked((3400, 2550)), "PNG"), (3400, 2550)
    else:
        data, upright = jpeg_with_metadata(marked((4001, 3001)), orientation=6), (3001, 4001)
    result = ingest(data)
    assert ingest(data, parallel=False).derivatives == result.derivatives
    photo = clean_upload(data)
    assert (photo.width, photo.height) == upright
    assert (photo.half is None) == (kind == "png")
    assert make_derivatives(photo) == result.derivatives
    assert make_derivatives(photo, parallel=False) == result.derivatives
    assert make_derivatives(data) == make_derivatives(data, parallel=False)
    printed = result.derivatives[K.PRINT]
    assert max(printed.width, printed.height) == 2126
    assert (printed.width > printed.height) == (upright[0] > upright[1])
    for encoded in result.derivatives.values():
        image = assert_stripped(encoded.data)
        w, h = image.size
        assert near(image.getpixel((w // 20, h // 20)), RED) == (kind == "png"), kind
        assert not near(image.getpixel((w // 2, h // 2)), RED)


def test_concurrent_ingests_give_the_same_bytes_as_one_at_a_time():
    from concurrent.futures import ThreadPoolExecutor

    uploads = [
        encode(render_product_photo(motif, PALETTE, 5, (1400, 1050)), quality=88)
        for motif in ("jar", "basket", "ring", "book")
    ]
    expected = [ingest(data, parallel=False) for data in uploads]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(ingest, uploads))
    for one, other in zip(results, expected, strict=True):
        assert one.photo.data == other.photo.data
        assert one.derivatives == other.derivatives


def test_derivatives_from_stored_original_use_draft_decoding(ingested_12mp):
    stored = ingested_12mp.photo.data
    public = make_derivatives(stored, kinds=[K.WEB, K.THUMB])
    assert set(public) == {K.WEB, K.THUMB}
    assert (public[K.WEB].width, public[K.WEB].height) == (1600, 1200)
    rebuilt = dataclasses.replace(ingested_12mp.photo, pixels=None)
    assert rebuilt == ingested_12mp.photo
    assert make_derivatives(rebuilt)[K.PRINT].width == 2126


def test_public_derivatives_keeps_its_contract(photo_2000: Image.Image):
    result = public_derivatives(encode(photo_2000, quality=88))
    assert set(result) == {K.WEB, K.THUMB}
    assert all(isinstance(e, Encoded) for e in result.values())
    assert (result[K.WEB].width, result[K.WEB].height) == (1600, 1200)
    assert (result[K.THUMB].width, result[K.THUMB].height) == (400, 300)


def test_store_puts_everything_under_its_hash(tmp_path, ingested_12mp):
    storage = LocalStorage(tmp_path)
    keys = pipeline.store(storage, ingested_12mp)
    assert keys["original"] == ingested_12mp.photo.sha256
    assert storage.get(keys["print"]) == ingested_12mp.derivatives[K.PRINT].data
    assert set(keys) == {"original", "thumb", "web", "screen", "print"}


# --- Quality report ------------------------------------------------------------------------


def codes(issues: list) -> set[str]:
    return {issue.code for issue in issues}


def test_sharp_12mp_photo_has_no_issues(ingested_12mp, photo_12mp: Image.Image):
    assert ingested_12mp.quality == []
    assert quality_report(photo_12mp) == []
    assert quality_report(ingested_12mp.photo, slot_mm=(90.0, 90.0)) == []


def test_quality_report_from_bytes_uses_the_full_size(jpeg_12mp: bytes):
    data = jpeg_with_metadata(render_product_photo("vase", PALETTE, 2, (1500, 2400)), 6)
    issues = quality_report(data, slot_mm=(300, 200))  # decoded at half scale in draft mode
    assert [(i.code, i.params["width"], i.params["height"], i.params["ppi"]) for i in issues] == [
        ("too_small_for_print", 2400, 1500, 203)
    ]
    assert quality_report(jpeg_12mp) == []


def test_too_small_for_print(photo_2000: Image.Image):
    issues = quality_report(photo_2000.resize((800, 600)))
    assert codes(issues) == {"too_small_for_print"}
    (issue,) = issues
    assert issue.severity == "warning"
    assert issue.params["ppi"] == 225
    assert "9 × 9 cm" in issue.message and "225" in issue.message
    tiny = quality_report(photo_2000.resize((400, 300)))
    assert [(i.code, i.severity) for i in tiny if i.code == "too_small_for_print"] == [
        ("too_small_for_print", "error")
    ]
    assert quality_report(photo_2000.resize((800, 600)), slot_mm=(60.0, 45.0)) == []


def test_blurry_versus_sharp(photo_2000: Image.Image):
    assert "blurry" not in codes(quality_report(photo_2000))
    blurred = photo_2000.filter(ImageFilter.GaussianBlur(8))
    issues = quality_report(blurred)
    assert codes(issues) == {"blurry"}
    assert "blurry" in issues[0].message


def test_blurred_12mp_photo_is_blurry(photo_12mp: Image.Image):
    blurred = photo_12mp.filter(ImageFilter.GaussianBlur(8))
    assert "blurry" in codes(quality_report(blurred))
    result = ingest(encode(blurred, quality=90))
    assert "blurry" in codes(result.quality)


def test_too_dark_and_too_bright(photo_2000: Image.Image):
    dark = ImageEnhance.Brightness(photo_2000).enhance(0.15)
    assert "too_dark" in codes(quality_report(dark))
    assert "too_dark" in codes(quality_report(Image.new("RGB", (2000, 1500), (6, 6, 8))))
    washed = Image.blend(photo_2000, Image.new("RGB", photo_2000.size, "white"), 0.85)
    assert "too_bright" in codes(quality_report(washed))
    assert "too_bright" in codes(quality_report(Image.new("RGB", (2000, 1500), (250, 250, 250))))
    normal = codes(quality_report(photo_2000))
    assert not normal & {"too_dark", "too_bright"}


def test_quality_issue_is_json_ready(photo_2000: Image.Image):
    import json

    issues = quality_report(photo_2000.resize((400, 300)).filter(ImageFilter.GaussianBlur(4)))
    assert json.loads(json.dumps([i.as_dict() for i in issues]))


def test_messages_work_with_and_without_an_app():
    english = describe("blurry")
    assert english.startswith("This photo looks blurry")
    app = Flask(__name__)
    Babel(app)
    with app.app_context():
        assert describe("blurry") == english
        assert "GIF" in describe("unsupported_type", kind="GIF")
    assert "50 × 50" in describe("too_small", width=50, height=50, min_edge=200)
    with pytest.raises(KeyError):
        describe("no-such-code")


# --- Dominant colour -----------------------------------------------------------------------


def rgb(colour: str) -> tuple[int, int, int]:
    assert re.fullmatch(r"#[0-9a-f]{6}", colour), colour
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_dominant_colour_skips_a_plain_backdrop():
    image = Image.new("RGB", (1200, 900), (225, 225, 220))
    ImageDraw.Draw(image).ellipse((400, 250, 800, 750), fill=(200, 30, 40))
    r, g, b = rgb(dominant_colour(image))
    assert r > 150 and g < 80 and b < 80


def test_dominant_colour_skips_a_coloured_backdrop():
    image = Image.new("RGB", (1200, 900), (40, 70, 160))  # blue studio paper
    ImageDraw.Draw(image).rectangle((450, 300, 750, 700), fill=(240, 200, 30))  # yellow box
    r, g, b = rgb(dominant_colour(image))
    assert r > 180 and g > 150 and b < 90


def test_dominant_colour_of_a_plain_picture_is_that_colour():
    assert dominant_colour(Image.new("RGB", (300, 300), (128, 128, 128))) == "#808080"
    assert dominant_colour(Image.new("RGB", (300, 300), (10, 100, 50))) == "#0a6432"


def test_dominant_colour_is_about_the_same_from_ingest_and_from_the_photo(ingested_12mp):
    from_ingest = rgb(ingested_12mp.dominant_colour)
    from_photo = rgb(dominant_colour(ingested_12mp.photo))
    assert near(from_ingest, from_photo, 12)


def test_heif_opener_is_registered():
    assert "HEIF" in Image.registered_extensions().values()
    assert pillow_heif.__version__
