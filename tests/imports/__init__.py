"""Builders for import tests: spreadsheets (CSV, XLSX), small JPEGs and zips of them."""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile

from flask.testing import FlaskClient
from openpyxl import Workbook
from PIL import Image
from sqlalchemy import func, select

from catalogue.models import Base
from tests.conftest import csrf_from

HEADER = [
    "producer_slug",
    "producer_name",
    "region",
    "economy",
    "community_type",
    "women_led",
    "languages",
    "consent_public_profile",
    "consent_share_identity",
    "owner_names",
    "email",
    "phone",
    "address",
    "story_en",
    "sku",
    "category",
    "tags",
    "colours",
    "materials",
    "length_mm",
    "weight_g",
    "is_food",
    "status",
    "name_en",
    "name_es",
    "description_en",
    "units_per_month",
    "lead_time_days",
    "min_order",
    "case_multiple",
    "months",
    "currency",
    "wholesale_min",
    "wholesale_max",
    "retail_min",
    "retail_max",
    "tiers",
    "photos",
]

ANA = {
    "producer_slug": "ana-tejidos",
    "producer_name": "Tejidos Ana & Hijas",
    "region": "Valle de Elqui",
    "economy": "CL",
    "community_type": "rural",
    "women_led": "sí",
    "languages": "es, en",
    "consent_public_profile": "yes",
    "consent_share_identity": "no",
    "owner_names": "Ana Rojas",
    "email": "ana@tejidos.example",
    "phone": "+56 9 5550 1234",
    "address": "Calle Secreta 1, Vicuña",
    "story_en": "Ana weaves with her daughters.",
}


def good_rows() -> list[dict[str, object]]:
    """A clean import: a new producer with two products (one priced in two currencies) and a
    new product for the existing producer "rosa"."""
    return [
        {
            **ANA,
            "sku": "AT-1",
            "category": "textiles",
            "tags": "alpaca, Hand-Woven",
            "colours": "beige, brown",
            "materials": "alpaca wool",
            "length_mm": "1800",
            "weight_g": "250",
            "is_food": "no",
            "status": "submitted",
            "name_en": "Alpaca scarf",
            "name_es": "Bufanda de alpaca",
            "description_en": "Hand-woven.",
            "units_per_month": "20",
            "lead_time_days": "14",
            "min_order": "2",
            "case_multiple": "1",
            "months": "3-5,10",
            "currency": "USD",
            "wholesale_min": "12.50",
            "wholesale_max": "15",
            "retail_min": "25",
            "retail_max": "30",
            "tiers": "50:11.50; 100:11",
            "photos": "at1.jpg; at1-back.jpg",
        },
        {
            "producer_slug": "ana-tejidos",
            "sku": "AT-2",
            "category": "textiles",
            "name_en": "Alpaca shawl",
            "units_per_month": "8",
            "wholesale_min": "30",
            "wholesale_max": "35",
            "photos": "at2.jpg",
        },
        {
            "producer_slug": "ana-tejidos",
            "sku": "AT-2",
            "currency": "CLP",
            "wholesale_min": "27000",
            "wholesale_max": "31000",
        },
        {
            "producer_slug": "rosa",
            "sku": "R-2",
            "category": "jewellery",
            "name_en": "Silver earrings",
            "units_per_month": "15",
            "months": "1-12",
            "wholesale_min": "9",
            "wholesale_max": "11",
            "photos": "r2.jpg",
        },
    ]


def csv_bytes(
    rows: list[dict[str, object]],
    header: list[str] | None = None,
    *,
    delimiter: str = ",",
    bom: bool = False,
) -> bytes:
    header = header or HEADER
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if row.get(h) is None else row.get(h) for h in header])
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[dict[str, object]], header: list[str] | None = None) -> bytes:
    header = header or HEADER
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(h) for h in header])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def jpeg(colour: tuple[int, int, int], size: tuple[int, int] = (800, 600)) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, colour)
    for x in range(0, size[0], 40):  # some detail, so that no photo looks blank
        image.paste((255 - colour[0], colour[1], 255 - colour[2]), (x, 0, x + 20, size[1]))
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def zip_bytes(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def good_photos() -> dict[str, bytes]:
    return {
        "at1.jpg": jpeg((200, 150, 90)),
        "at1-back.jpg": jpeg((90, 60, 40)),
        "at2.jpg": jpeg((220, 210, 190)),
        "r2.jpg": jpeg((40, 60, 140)),
    }


def row_counts(session) -> dict[str, int]:
    return {
        name: session.scalar(select(func.count()).select_from(table))
        for name, table in Base.metadata.tables.items()
    }


def upload(
    client: FlaskClient,
    network: str,
    table: bytes,
    filename: str = "products.csv",
    photos: bytes | None = None,
):
    path = f"/n/{network}/import"
    data: dict[str, object] = {
        "csrf_token": csrf_from(client, path),
        "table": (io.BytesIO(table), filename),
    }
    if photos is not None:
        data["photos"] = (io.BytesIO(photos), "photos.zip")
    return client.post(path, data=data, content_type="multipart/form-data")


_ROW = re.compile(
    r"<tr><td>([^<]*)</td><td>(?:<code>([^<]*)</code>)?</td><td>([^<]*)</td><td>([^<]*)</td></tr>"
)


def problems_in(page: str) -> list[tuple[str, str, str]]:
    """(row, column, message) of each problem in the report page."""
    return [
        (row, column, html.unescape(message)) for row, column, _who, message in _ROW.findall(page)
    ]


def confirm_fields(page: str) -> dict[str, str]:
    """The hidden fields of the report's confirm form."""
    token = re.search(r'name="token"[^>]*value="([^"]+)"', page)
    csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert token and csrf, "no confirm form on the report"
    return {"token": token.group(1), "csrf_token": csrf.group(1)}
