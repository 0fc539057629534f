"""The stored original of a JPEG already upright and sRGB is the upload's own stream with every
metadata segment removed; any other upload is re-encoded from pixels. Real files made with
Pillow, their segments walked byte by byte."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageOps, ImageStat

from catalogue.demo.photos import render_product_photo
from catalogue.media.models import DerivativeKind
from catalogue.media.pipeline import clean_upload, ingest, make_derivatives
from catalogue.media.pipeline.lossless import strip_jpeg
from tests.media.test_pipeline import (
    PALETTE,
    RED,
    SECRETS,
    SRGB_D50,
    assert_stripped,
    encode,
    jpeg_with_metadata,
    marked,
    near,
    rgb_icc,
)

K = DerivativeKind


def segments(data: bytes) -> list[tuple[int, bytes]]:
    """Every marker of a JPEG with its segment body, in order, scans and all: entropy-coded data
    is skipped (0xFF 0x00 and RSTn belong to it) up to the next marker; stops at EOI."""
    assert data[:2] == b"\xff\xd8"
    found, pos = [(0xD8, b"")], 2
    while True:
        assert data[pos] == 0xFF, pos
        while data[pos] == 0xFF:
            pos += 1
        marker = data[pos]
        pos += 1
        if marker == 0xD9:
            found.append((marker, b""))
            return found
        length = int.from_bytes(data[pos : pos + 2], "big")
        found.append((marker, data[pos + 2 : pos + length]))
        pos += length
        if marker == 0xDA:
            while not (data[pos] == 0xFF and data[pos + 1] not in (0x00, *range(0xD0, 0xD8))):
                pos += 1


def scans(data: bytes) -> bytes:
    """Everything from the first start of scan on: what re-encoding would change."""
    return data[data.index(b"\xff\xda") :]


def pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB").tobytes()


def with_segments(data: bytes, extra: bytes, after_eoi: bytes = b"") -> bytes:
    """``data`` with raw ``extra`` segments right after SOI and ``after_eoi`` appended."""
    return data[:2] + extra + data[2:] + after_eoi


def segment(marker: int, body: bytes) -> bytes:
    return bytes((0xFF, marker)) + (len(body) + 2).to_bytes(2, "big") + body


@pytest.fixture(scope="module")
def photo() -> Image.Image:
    return render_product_photo("jar", PALETTE, 4, (1200, 900))


def test_a_plain_jpeg_keeps_its_own_stream_and_every_pixel_without_any_metadata(photo):
    data = jpeg_with_metadata(photo, orientation=1)  # EXIF + GPS, XMP, comment, sRGB profile
    data = with_segments(
        data,
        segment(0xED, b"Photoshop 3.0\x00" + b"8BIM IPTC COMMENT-SECRET")  # APP13: IPTC
        + segment(0xE3, b"SpyPhone maker notes")  # APP3
        + segment(0xEF, b"48.8582 N")  # APP15
        + segment(0xE0, b"JFXX\x00\x10" + bytes(64)),  # a JFIF extension: a thumbnail
        after_eoi=encode(marked((200, 200)), exif=b"Exif\x00\x00SpyPhone"),  # an appended picture
    )
    cleaned = clean_upload(data, "IMG_0007.JPG")

    assert pixels(cleaned.data) == pixels(data)
    assert scans(cleaned.data) in data  # every scan byte for byte: nothing re-encoded
    assert len(cleaned.data) < len(data)
    markers = [marker for marker, _ in segments(cleaned.data)]
    assert not [m for m in markers if 0xE1 <= m <= 0xEF], "APP1..APP15 left"
    assert 0xFE not in markers, "comment left"
    assert [body[:5] for marker, body in segments(cleaned.data) if marker == 0xE0] == [b"JFIF\x00"]
    assert cleaned.data.endswith(b"\xff\xd9")  # and nothing after the end of the image
    assert_stripped(cleaned.data)
    assert (cleaned.width, cleaned.height) == (1200, 900)
    assert ingest(data).photo.data == cleaned.data


def test_a_progressive_jpeg_keeps_its_scans_and_loses_segments_between_them(photo):
    data = encode(photo, quality=90, progressive=True)
    parts = segments(data)
    assert [m for m, _ in parts].count(0xDA) > 1  # several scans
    # A comment and an APP1 between the first and the second scan are legal: both go.
    second = data.index(b"\xff\xda", data.index(b"\xff\xda") + 2)
    second = data.rindex(b"\xff\xc4", 0, second)  # the Huffman table before that scan
    sneaked = segment(0xFE, b"COMMENT-SECRET") + segment(0xE1, b"Exif\x00\x00SpyPhone")
    data = data[:second] + sneaked + data[second:]

    stripped = strip_jpeg(data)

    assert stripped is not None
    assert pixels(stripped) == pixels(data)
    assert [m for m, _ in segments(stripped)] == [m for m, _ in parts]
    assert clean_upload(data).data == stripped
    assert_stripped(stripped)


def test_an_adobe_segment_stays_for_its_colour_transform_and_the_rest_goes(photo):
    data = encode(photo.resize((600, 450)), quality=90, comment=b"COMMENT-SECRET")
    adobe = segment(0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01")  # transform 1: YCbCr
    data = data[:2] + adobe + data[2:]

    cleaned = clean_upload(data)

    assert pixels(cleaned.data) == pixels(data)
    kept = [(marker, body) for marker, body in segments(cleaned.data) if 0xE0 <= marker <= 0xFE]
    assert [marker for marker, _ in kept] == [0xEE, 0xE0]
    assert kept[0][1] == b"Adobe\x00\x64\x00\x00\x00\x00\x01"
    assert b"COMMENT-SECRET" not in cleaned.data


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) - 200],  # truncated: no EOI
        lambda data: data[:2] + segment(0xDC, b"\x00\x10") + data[2:],  # DNL before the frame
        lambda data: data[:2] + b"\xff\xe1\xff\xff" + data[2:],  # a length past the end
        lambda data: data[:2] + b"\x00" + data[2:],  # no marker where one must be
    ],
)
def test_an_unexpected_marker_structure_is_refused_by_the_stripper(photo, damage):
    data = encode(photo.resize((300, 200)), quality=85)
    assert strip_jpeg(data) is not None
    assert strip_jpeg(damage(data)) is None


def test_a_rotated_jpeg_is_re_encoded_upright():
    data = jpeg_with_metadata(marked((400, 300)), orientation=6)
    cleaned = clean_upload(data)
    assert (cleaned.width, cleaned.height) == (300, 400)
    assert scans(cleaned.data) not in data
    original = assert_stripped(cleaned.data)
    assert near(original.getpixel((300 - 15, 15)), RED)  # turned 90° clockwise
    assert not near(original.getpixel((15, 15)), RED)


def test_a_jpeg_with_another_colour_profile_is_re_encoded_in_srgb():
    red, green, blue = SRGB_D50
    swapped = rgb_icc(green, red, blue, "Swapped primaries")  # "red" means sRGB green here
    data = encode(Image.new("RGB", (600, 400), (200, 30, 30)), quality=95, icc_profile=swapped)
    cleaned = clean_upload(data)
    assert scans(cleaned.data) not in data
    assert near(assert_stripped(cleaned.data).getpixel((300, 200)), (30, 200, 30), 25)


def test_greyscale_and_cmyk_jpegs_are_re_encoded_as_rgb():
    grey = encode(marked((400, 300)).convert("L"), quality=90)
    cmyk = encode(Image.new("CMYK", (400, 300), (0, 255, 255, 0)), quality=95)
    for data in (grey, cmyk):
        cleaned = clean_upload(data)
        assert scans(cleaned.data) not in data
        assert assert_stripped(cleaned.data).mode == "RGB"


def test_no_secret_survives_anywhere(photo):
    data = jpeg_with_metadata(photo, orientation=1)
    result = ingest(data)
    for stored in (result.photo.data, *(e.data for e in result.derivatives.values())):
        for needle in SECRETS:
            assert needle not in stored


def _psnr(a: Image.Image, b: Image.Image) -> float:
    squares = ImageStat.Stat(ImageChops.difference(a, b)).sum2
    mse = sum(squares) / (3 * a.width * a.height)
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


# PSNR in dB against the Lanczos resize; the thumbnail is a 4×4 average of the web copy, which
# aliases on these thin lines whatever the alignment.
LINED_UP = {K.PRINT: 28.5, K.WEB: 28.0, K.SCREEN: 27.0, K.THUMB: 22.0}


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_copies_from_a_half_scale_decode_line_up_with_the_full_photo(orientation):
    """A 12 MP JPEG with odd sides: its half-scale decode has a padded last row and column,
    wherever the turn puts them. Every copy matches a Lanczos resize of the full photo (copies
    made as if the padding were photo are off by up to half a pixel: print 24.9 dB, web 25.4,
    screen 25.6 on this picture of thin lines)."""
    image = Image.new("RGB", (4001, 3001), (235, 230, 220))
    draw = ImageDraw.Draw(image)
    for x in range(0, 4001, 97):  # sharp lines all over: any shift shows at the far edges
        draw.line((x, 0, x, 3000), fill=(30, 40, 120), width=9)
    for y in range(0, 3001, 89):
        draw.line((0, y, 4000, y), fill=(150, 40, 30), width=9)
    data = jpeg_with_metadata(image, orientation)
    upright = ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGB")
    photo = clean_upload(data)
    assert photo.half is not None
    for kind, encoded in make_derivatives(photo).items():
        copy = Image.open(io.BytesIO(encoded.data)).convert("RGB")
        reference = upright.resize(copy.size, Image.Resampling.LANCZOS)
        assert _psnr(copy, reference) > LINED_UP[kind], kind
