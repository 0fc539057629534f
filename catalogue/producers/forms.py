"""The producer's profile form: public face, private contact, consent."""

from __future__ import annotations

from functools import cache

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from catalogue.core.forms import Form
from catalogue.core.schema import max_length
from catalogue.producers.models import CommunityType
from catalogue.producers.schemas import STORY_LENGTH, ProfileIn

COMMUNITY_LABELS = {
    CommunityType.RURAL: _l("Rural"),
    CommunityType.URBAN: _l("Urban"),
    CommunityType.PERI_URBAN: _l("Edge of a town"),
    CommunityType.INDIGENOUS: _l("Indigenous"),
    CommunityType.ISLAND: _l("Island"),
}


def _max(field: str) -> int:
    """The length the profile's declaration allows for ``field`` (declared once, in schemas)."""
    return max_length(ProfileIn, field) or 0


class _ProfileBase(Form):
    display_name = StringField(
        _l("Business name buyers will see"), [Length(max=_max("display_name"))]
    )
    region = StringField(_l("Region"), [Length(max=_max("region"))])
    economy = StringField(_l("Country code (CL, CA, VN…)"), [Length(max=60)])
    languages = StringField(_l("Languages you work in (es, fr, vi…)"), [Length(max=60)])
    founded_year = StringField(_l("Year you started"), [Optional(), Length(max=20)])
    community_type = SelectField(_l("Your community (you choose whether to show it)"))
    women_led = SelectField(
        _l("Is the business led by women?"),
        choices=[
            SelectChoice("", "—"),
            SelectChoice("yes", _l("yes")),
            SelectChoice("no", _l("no")),
        ],
    )
    women_workers = StringField(_l("Women working in it"), [Optional(), Length(max=20)])
    total_workers = StringField(_l("People working in it"), [Optional(), Length(max=20)])
    consent_public_profile = BooleanField(_l("Show my profile in public catalogues"))
    consent_share_identity = BooleanField(
        _l("Show my community and that the business is women-led")
    )
    owner_names = StringField(_l("Owner's name (private)"), [Length(max=_max("owner_names"))])
    email = EmailField(_l("E-mail (private)"), [Optional(), Length(max=_max("email"))])
    phone = StringField(_l("Phone (private)"), [Length(max=_max("phone"))])
    address = TextAreaField(_l("Address (private)"), [Length(max=_max("address"))])


@cache
def profile_form_class(languages: tuple[str, ...]) -> type[_ProfileBase]:
    """The profile form with one story field per content language."""
    fields = {
        f"story_{lang}": TextAreaField(
            _l("Your story (%(lang)s)", lang=lang), [Length(max=STORY_LENGTH)]
        )
        for lang in languages
    }
    return type("ProfileForm", (_ProfileBase,), fields)


def community_choices() -> list[SelectChoice]:
    return [SelectChoice("", "—")] + [
        SelectChoice(c.value, label) for c, label in COMMUNITY_LABELS.items()
    ]
