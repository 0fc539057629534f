"""Changes to a producer's profile: public fields, private contact, consent. Callers commit."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from catalogue.auth.models import User
from catalogue.core.audit import record
from catalogue.core.numbers import NumberError, parse_whole
from catalogue.core.schema import validate
from catalogue.core.types import utcnow
from catalogue.core.validation import Collector, ValidationError
from catalogue.producers.models import (
    CommunityType,
    Producer,
    ProducerContact,
    SupportKind,
    SupportNeed,
    SupportStatus,
)
from catalogue.producers.schemas import ProfileIn
from catalogue.products.services import nfc


def update_profile(
    session: Session,
    producer: Producer,
    data: Mapping[str, Any],
    actor: User | None,
    *,
    new: bool = False,
) -> Producer:
    """Validate and apply profile changes (``ProfileIn``'s fields; every refused field named,
    nothing changed then)."""
    errors = Collector()
    try:
        profile = validate(ProfileIn, dict(data))
    except ValidationError as exc:
        # Say what else is wrong in the same answer, as far as the raw values can tell.
        for field, message in exc.errors.items():
            errors.add(field, message)
        _cross_checks(errors, data.get("women_workers"), data.get("total_workers"), None)
        errors.raise_if_any()
        raise
    email = _cross_checks(errors, profile.women_workers, profile.total_workers, profile)
    errors.raise_if_any()
    before = None if new else profile_of(producer, session.get(ProducerContact, producer.id))
    women, total = profile.women_workers, profile.total_workers

    producer.display_name, producer.region = profile.display_name, profile.region
    producer.economy, producer.languages = profile.economy, list(profile.languages)
    producer.founded_year = profile.founded_year
    producer.community_type = (
        CommunityType(profile.community_type) if profile.community_type else None
    )
    producer.women_led = profile.women_led
    producer.women_workers, producer.total_workers = women, total
    producer.story = {k: v for k, v in profile.story.items() if v}
    public, identity = profile.consent_public_profile, profile.consent_share_identity
    consent_now = (producer.consent_public_profile, producer.consent_share_identity)
    if new or (public, identity) != consent_now:
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
    contact.owner_names = profile.owner_names
    contact.email = email
    contact.phone = profile.phone
    contact.address = profile.address
    session.add(contact)
    if before is None or profile_of(producer, contact) != before:
        record(session, "producer.edit", producer, actor=actor, network_id=producer.network_id)
    return producer


def profile_of(producer: Producer, contact: ProducerContact | None) -> dict[str, Any]:
    """A producer's profile as ``ProfileIn`` takes it (for partial updates and comparisons)."""
    p = producer
    return {
        "display_name": p.display_name,
        "region": p.region,
        "economy": p.economy,
        "languages": list(p.languages or []),
        "founded_year": p.founded_year,
        "story": dict(p.story or {}),
        "community_type": p.community_type.value if p.community_type else None,
        "women_led": p.women_led,
        "women_workers": p.women_workers,
        "total_workers": p.total_workers,
        "consent_public_profile": bool(p.consent_public_profile),
        "consent_share_identity": bool(p.consent_share_identity),
        "owner_names": contact.owner_names if contact else "",
        "email": contact.email if contact else "",
        "phone": contact.phone if contact else "",
        "address": contact.address if contact else "",
    }


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_LENGTH = 80


def create_producer(
    session: Session, network_id: int, slug: str, data: Mapping[str, Any], actor: User | None
) -> Producer:
    """Add a producer to a network with her profile (``ProfileIn``'s fields), all checked
    first; ``slug`` names her in URLs and never changes."""
    errors: dict[str, str] = {}
    if not SLUG.match(slug or "") or len(slug) > SLUG_LENGTH:
        errors["slug"] = _("Use lower-case letters, digits and hyphens, such as taller-rosa.")
    try:
        profile = validate(ProfileIn, dict(data))
    except ValidationError as exc:
        errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    producer = Producer(
        network_id=network_id,
        slug=slug,
        display_name=profile.display_name,
        region=profile.region,
        economy=profile.economy,
    )
    session.add(producer)
    session.flush()
    update_profile(session, producer, data, actor, new=True)
    record(session, "producer.create", producer, actor=actor, network_id=network_id)
    return producer


def _cross_checks(errors: Collector, women: Any, total: Any, profile: ProfileIn | None) -> str:
    """Checks across fields; returns the normalised e-mail address."""
    try:
        women_n = None if women in (None, "") else parse_whole(women)
        total_n = None if total in (None, "") else parse_whole(total)
    except NumberError:
        women_n = total_n = None
    if women_n is not None and total_n is not None and women_n > total_n:
        errors.add("women_workers", _("More women than people working in total."))
    return profile.email if profile is not None else ""


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
