"""Changes to a producer's profile: public fields, private contact, consent. Callers commit."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from sqlalchemy.orm import Session

from catalogue.auth.models import User
from catalogue.core.audit import record
from catalogue.core.types import utcnow
from catalogue.core.validation import Collector
from catalogue.producers.models import (
    CommunityType,
    Producer,
    ProducerContact,
    SupportKind,
    SupportNeed,
    SupportStatus,
)
from catalogue.products.services import nfc

_ISO2 = re.compile(r"^[A-Z]{2}$")
_LANG = re.compile(r"^[a-z]{2,3}$")


def update_profile(
    session: Session, producer: Producer, data: Mapping[str, Any], actor: User
) -> Producer:
    """Validate and apply profile changes (every refused field named; nothing changed then)."""
    errors = Collector()
    name = nfc(data.get("display_name"))
    if not name:
        errors.add("display_name", _("Enter the name buyers will see."))
    region = nfc(data.get("region"))
    if not region:
        errors.add("region", _("Enter your region."))
    economy = nfc(data.get("economy")).upper()
    if not _ISO2.match(economy):
        errors.add("economy", _("Use the two-letter country code, such as CL, CA or VN."))
    languages = [x.strip().lower() for x in re.split(r"[,\s]+", data.get("languages") or "") if x]
    if any(not _LANG.match(x) for x in languages):
        errors.add("languages", _("Use language codes such as es, fr, vi, separated by commas."))
    founded = data.get("founded_year")
    if founded not in (None, "") and not (1900 <= int(founded) <= utcnow().year):
        errors.add("founded_year", _("Enter a year between 1900 and this year."))
    community = data.get("community_type") or None
    if community and community not in {c.value for c in CommunityType}:
        errors.add("community_type", _("Choose from the list."))
    women, total = data.get("women_workers"), data.get("total_workers")
    for field, value in (("women_workers", women), ("total_workers", total)):
        if value not in (None, "") and int(value) < 0:
            errors.add(field, _("This cannot be below zero."))
    if women not in (None, "") and total not in (None, "") and int(women) > int(total):
        errors.add("women_workers", _("More women than people working in total."))
    email = (data.get("email") or "").strip()
    if email:
        try:
            email = validate_email(email, check_deliverability=False).normalized
        except EmailNotValidError:
            errors.add("email", _("Enter a valid e-mail address."))
    errors.raise_if_any()

    producer.display_name, producer.region, producer.economy = name, region, economy
    producer.languages = languages
    producer.founded_year = int(founded) if founded not in (None, "") else None
    producer.community_type = CommunityType(community) if community else None
    women_led = data.get("women_led")
    producer.women_led = None if women_led in (None, "") else women_led in (True, "yes")
    producer.women_workers = int(women) if women not in (None, "") else None
    producer.total_workers = int(total) if total not in (None, "") else None
    producer.story = {k: nfc(v) for k, v in (data.get("story") or {}).items() if nfc(v)}
    public, identity = (
        bool(data.get("consent_public_profile")),
        bool(data.get("consent_share_identity")),
    )
    if (public, identity) != (producer.consent_public_profile, producer.consent_share_identity):
        producer.consent_public_profile, producer.consent_share_identity = public, identity
        producer.consent_recorded_at = utcnow()
        record(
            session,
            "producer.consent",
            producer,
            actor=actor,
            network_id=producer.network_id,
            public=public,
            identity=identity,
        )
    contact = session.get(ProducerContact, producer.id) or ProducerContact(producer_id=producer.id)
    contact.owner_names = nfc(data.get("owner_names"))
    contact.email = email
    contact.phone = nfc(data.get("phone"))
    contact.address = nfc(data.get("address"))
    session.add(contact)
    record(session, "producer.edit", producer, actor=actor, network_id=producer.network_id)
    return producer


def set_support_needs(
    session: Session, producer: Producer, needs: Mapping[str, tuple[str, str]], actor: User
) -> None:
    """Record each kind of support's status and note (kind → (status, note)); 'not needed'
    with no note removes a row."""
    errors = Collector()
    for kind, (status, note) in needs.items():
        if kind not in {k.value for k in SupportKind}:
            errors.add(kind, _("Unknown kind of support."))
        elif status not in {s.value for s in SupportStatus}:
            errors.add(kind, _("Choose a status from the list."))
        elif len(note or "") > 2000:
            errors.add(kind, _("Keep the note under 2000 letters."))
    errors.raise_if_any()
    rows = {n.kind: n for n in producer.support_needs}
    for kind, (status, note) in needs.items():
        row = rows.get(SupportKind(kind))
        note = nfc(note)
        if status == SupportStatus.NOT_NEEDED and not note:
            if row is not None:
                producer.support_needs.remove(row)
            continue
        if row is None:
            row = SupportNeed(kind=SupportKind(kind))
            producer.support_needs.append(row)
        if (row.status, row.note) != (SupportStatus(status), note):
            row.status, row.note, row.updated_by_id = SupportStatus(status), note, actor.id
    record(session, "producer.support", producer, actor=actor, network_id=producer.network_id)
