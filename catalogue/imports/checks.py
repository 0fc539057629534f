"""Checks an import makes on a producer's values (there is no producer service that creates
producers yet) and the text lengths the database enforces."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from babel import Locale
from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _

from catalogue.core.types import utcnow
from catalogue.imports.records import ProducerRecord
from catalogue.producers.models import CommunityType, Producer
from catalogue.products import services as product_services

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
# Lengths the database enforces (PostgreSQL refuses longer text; SQLite would keep it).
LIMITS = {
    "producer_slug": 80,
    "producer_name": 200,
    "region": 120,
    "owner_names": 300,
    "email": 254,
    "phone": 60,
    "sku": 40,
    "tag": 60,
    "product_name": 200,
}


@cache
def _countries() -> frozenset[str]:
    return frozenset(code for code in Locale("en").territories if code.isalpha() and code != "ZZ")


def producer_errors(
    rec: ProducerRecord, producer: Producer | None
) -> tuple[dict[str, Any], dict[str, str]]:
    """The producer's name, region, economy (and normalised e-mail) once ``rec`` is applied to
    ``producer`` (None: a new one), and what is wrong, by column."""
    values = rec.values
    errors: dict[str, str] = {}
    if producer is None and not SLUG.match(rec.slug):
        errors["producer_slug"] = _(
            "Use lower-case letters, digits and hyphens, such as taller-rosa."
        )
    merged = {
        "display_name": values.get("display_name", producer.display_name if producer else ""),
        "region": values.get("region", producer.region if producer else ""),
        "economy": values.get("economy", producer.economy if producer else ""),
    }
    merged = {k: product_services.nfc(v) for k, v in merged.items()}
    if not merged["display_name"]:
        errors["producer_name"] = _("Enter the name buyers will see.")
    if not merged["region"]:
        errors["region"] = _("Enter the region.")
    merged["economy"] = merged["economy"].upper()
    if merged["economy"] not in _countries():
        errors["economy"] = _("Use the two-letter country code, such as CL, CA or VN.")
    for column, value in (
        ("producer_slug", rec.slug),
        ("producer_name", merged["display_name"]),
        ("region", merged["region"]),
        *rec.contact.items(),
    ):
        if column in LIMITS and len(value or "") > LIMITS[column]:
            errors[column] = _("Keep this under %(n)d characters.", n=LIMITS[column])
    community = values.get("community_type")
    if community and community not in {c.value for c in CommunityType}:
        errors["community_type"] = _("Choose rural, urban, peri-urban, indigenous or island.")
    if any(not LANGUAGE.match(x) for x in values.get("languages", [])):
        errors["languages"] = _("Use language codes such as es, fr, vi, separated by commas.")
    year = values.get("founded_year")
    if year is not None and not (1900 <= int(year) <= utcnow().year):
        errors["founded_year"] = _("Enter a year between 1900 and this year.")
    women = values.get("women_workers", producer.women_workers if producer else None)
    total = values.get("total_workers", producer.total_workers if producer else None)
    for column, number in (("women_workers", women), ("total_workers", total)):
        if number is not None and int(number) < 0:
            errors[column] = _("This cannot be below zero.")
    if women is not None and total is not None and int(women) > int(total):
        errors["women_workers"] = _("More women than people working in total.")
    email = rec.contact.get("email")
    if email:
        try:
            email = validate_email(email, check_deliverability=False).normalized
        except EmailNotValidError:
            errors["email"] = _("Enter a valid e-mail address.")
    merged["email"] = email
    return merged, errors
