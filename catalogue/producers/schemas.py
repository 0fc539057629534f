"""What a producer's profile may hold, declared once for the portal, the API and the importer
(see ``catalogue.core.schema``)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Annotated, Any

from babel import Locale
from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from pydantic import AfterValidator, BeforeValidator, Field

from catalogue.core.schema import Input, Line, MaybeWhole, Prose, refuse
from catalogue.producers.models import CommunityType

_ISO2 = re.compile(r"^[A-Z]{2}$")
_LANG = re.compile(r"^[a-z]{2,3}$")


@cache
def _countries() -> frozenset[str]:
    return frozenset(code for code in Locale("en").territories if code.isalpha() and code != "ZZ")


def _economy(value: str) -> str:
    value = value.upper()
    if not _ISO2.match(value) or value not in _countries():
        raise refuse(_("Use the two-letter country code, such as CL, CA or VN."))
    return value


def _split_languages(value: Any) -> Any:
    if isinstance(value, str):  # a form: "es, fr vi"
        return [x for x in re.split(r"[,\s]+", value) if x]
    return value


def _languages(values: list[str]) -> list[str]:
    codes = [v.strip().lower() for v in values]
    if any(not _LANG.match(c) for c in codes):
        raise refuse(_("Use language codes such as es, fr, vi, separated by commas."))
    return list(dict.fromkeys(codes))


def _yes_no(value: Any) -> Any:
    if value in ("", None):
        return None
    if value in ("yes", "no"):
        return value == "yes"
    return value


def _email(value: str) -> str:
    if not value:
        return value
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        raise refuse(_("Enter a valid e-mail address.")) from None


def _not_future(value: int | None) -> int | None:
    if value is not None and value > date.today().year:
        raise refuse(_("Enter a year between 1900 and this year."))
    return value


def _blank_none(value: Any) -> Any:
    return None if value == "" else value


Community = Annotated[
    Annotated[str, Field(json_schema_extra={"enum": [c.value for c in CommunityType]})] | None,
    BeforeValidator(_blank_none),
]


def _community(value: str | None) -> str | None:
    if value is not None and value not in {c.value for c in CommunityType}:
        raise refuse(_("Choose from the list."))
    return value


STORY_LENGTH = 4000
_YEAR = _l("Enter a year between 1900 and this year.")


class ProfileIn(Input):
    """A producer's profile: her public face, private contact details and consent."""

    display_name: Line(200, required=_l("Enter the name buyers will see."))
    region: Line(120, required=_l("Enter your region."))
    economy: Annotated[Line(60), AfterValidator(_economy)]
    languages: Annotated[
        list[Line(3)],
        Field(max_length=12),
        BeforeValidator(_split_languages),
        AfterValidator(_languages),
    ] = []
    founded_year: Annotated[
        MaybeWhole(1900, 2100, below=_YEAR, beyond=_YEAR), AfterValidator(_not_future)
    ] = None
    story: Annotated[dict[Line(10), Prose(STORY_LENGTH)], Field(max_length=12)] = {}
    community_type: Annotated[Community, AfterValidator(_community)] = None
    women_led: Annotated[bool | None, BeforeValidator(_yes_no)] = None
    women_workers: MaybeWhole() = None
    total_workers: MaybeWhole() = None
    consent_public_profile: bool = False
    consent_share_identity: bool = False
    owner_names: Line(300) = ""
    email: Annotated[Line(254), AfterValidator(_email)] = ""
    phone: Line(60) = ""
    address: Prose(2000) = ""
