"""The audit trail in words: one translated sentence per action ("Ana approved the product
“Collar Estrella”"), the object named by the label stored with the event."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.auth.models import User
from catalogue.core.models import AuditEvent
from catalogue.core.templating import localised
from catalogue.producers.models import Producer

ROLES = {
    "admin": _l("Admin"),
    "facilitator": _l("Facilitator"),
    "producer": _l("Producer"),
    "buyer": _l("Buyer"),
    "print_shop": _l("Print shop"),
}

SENTENCES = {
    "user.create": _l("%(who)s created the account of %(what)s"),
    "user.password_change": _l("%(who)s changed the password of %(what)s"),
    "user.deactivate": _l("%(who)s deactivated the account of %(what)s"),
    "membership.add": _l("%(who)s gave %(what)s the role “%(role)s”"),
    "token.create": _l("%(who)s created the API token “%(what)s”"),
    "token.revoke": _l("%(who)s revoked the API token “%(what)s”"),
    "producer.edit": _l("%(who)s changed the profile of %(what)s"),
    "producer.consent": _l("%(who)s changed what the public may see of %(what)s"),
    "producer.support": _l("%(who)s updated the support %(what)s needs"),
    "import.apply": _l("%(who)s imported producers and products from “%(file)s”"),
    "readiness.record": _l("%(who)s recorded a readiness checklist for %(what)s"),
    "product.submit": _l("%(who)s sent the product “%(what)s” for review"),
    "product.approve": _l("%(who)s approved the product “%(what)s”"),
    "product.request_changes": _l("%(who)s asked for changes to the product “%(what)s”"),
    "product.approve_change": _l(
        "%(who)s approved a change to the product “%(what)s”: buyers now see it"
    ),
    "product.discard_change": _l("%(who)s withdrew a change to the product “%(what)s”"),
    "product.retire": _l("%(who)s retired the product “%(what)s”"),
    "product.edit.create": _l("%(who)s added the product “%(what)s”"),
    "product.edit.details": _l("%(who)s changed the name, description or story of “%(what)s”"),
    "product.edit.capacity": _l("%(who)s changed how many “%(what)s” can be made"),
    "product.edit.prices": _l("%(who)s changed the prices of “%(what)s”"),
    "product.edit.photos": _l("%(who)s changed the photos of “%(what)s”"),
    "image.add": _l("%(who)s added a photo to “%(what)s”"),
    "image.remove": _l("%(who)s removed a photo from “%(what)s”"),
    "catalogue.create": _l("%(who)s created the catalogue “%(what)s”"),
    "catalogue.settings": _l("%(who)s changed the theme and texts of the catalogue “%(what)s”"),
    "catalogue.pricing": _l("%(who)s changed the prices and ordering of the catalogue “%(what)s”"),
    "catalogue.rules": _l(
        "%(who)s applied the selection rules of the catalogue “%(what)s”: %(added)s added, "
        "%(dropped)s no longer match, %(back)s back"
    ),
    "catalogue.item_add": _l(
        "%(who)s added “%(what)s” (%(code)s) to the catalogue “%(catalogue)s”"
    ),
    "catalogue.item_remove": _l(
        "%(who)s removed “%(what)s” (%(code)s) from the catalogue “%(catalogue)s”"
    ),
    "catalogue.item_back": _l(
        "%(who)s brought “%(what)s” (%(code)s) back into the catalogue “%(catalogue)s”"
    ),
    "catalogue.item_pin": _l(
        "%(who)s pinned “%(what)s” (%(code)s) in the catalogue “%(catalogue)s”"
    ),
    "catalogue.item_unpin": _l(
        "%(who)s unpinned “%(what)s” (%(code)s) in the catalogue “%(catalogue)s”"
    ),
    "catalogue.item_up": _l(
        "%(who)s moved “%(what)s” (%(code)s) up in the catalogue “%(catalogue)s”"
    ),
    "catalogue.item_down": _l(
        "%(who)s moved “%(what)s” (%(code)s) down in the catalogue “%(catalogue)s”"
    ),
    "catalogue.item_price": _l(
        "%(who)s set the price of “%(what)s” (%(code)s) in the catalogue “%(catalogue)s”"
    ),
    "catalogue.pool": _l(
        "%(who)s pooled %(joined)s into “%(what)s” (%(code)s) in the catalogue “%(catalogue)s”"
    ),
    "catalogue.split": _l(
        "%(who)s split the pool “%(what)s” (%(code)s) in the catalogue “%(catalogue)s”; "
        "new codes: %(new_codes)s"
    ),
    "catalogue.arrange": _l("%(who)s changed the sections and order of the catalogue “%(what)s”"),
    "catalogue.invite": _l("%(who)s invited a buyer to the catalogue “%(what)s”"),
    "catalogue.uninvite": _l("%(who)s took back a buyer's invitation to the catalogue “%(what)s”"),
    "catalogue.share_link": _l("%(who)s made a share link to the catalogue “%(what)s”"),
    "catalogue.share_revoke": _l("%(who)s revoked a share link to the catalogue “%(what)s”"),
    "edition.publish": _l("%(who)s published edition %(number)s of the catalogue “%(what)s”"),
}
PRODUCT_EDIT = _l("%(who)s changed the product “%(what)s”")
FALLBACK = _l("%(who)s: %(action)s “%(what)s”")


@dataclass
class Entry:
    """One line of the trail as people read it."""

    when: datetime
    who: str
    text: str
    note: str = ""


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return localised(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _fallback_label(session: Session, event: AuditEvent) -> str:
    """The object's name now, for events recorded before labels were (or without one)."""
    producer_id = event.detail.get("producer_id") if event.object_type != "producers" else None
    if event.object_type == "producers" and event.object_id.isdigit():
        producer_id = int(event.object_id)
    if producer_id:
        producer = session.get(Producer, int(producer_id))
        return producer.display_name if producer else ""
    if event.object_type == "users" and event.object_id.isdigit():
        user = session.get(User, int(event.object_id))
        return user.name if user else ""
    return ""


def sentence(event: AuditEvent, who: str, what: str) -> str:
    """The event in words, in the reader's language; unknown actions get a plain sentence."""
    detail = event.detail or {}
    params = {key: _text(value) for key, value in detail.items()}
    role = str(detail.get("role") or "")
    params |= {
        "who": who,
        "what": what or "—",
        "role": str(ROLES.get(role, role)),
        "action": event.action.replace(".", " ").replace("_", " "),
    }
    template = SENTENCES.get(event.action)
    if template is None:
        template = PRODUCT_EDIT if event.action.startswith("product.edit.") else FALLBACK
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return str(FALLBACK) % params


def entries(session: Session, events: Iterable[AuditEvent]) -> list[Entry]:
    """The events as sentences, with who did them (the system when no one) and any note."""
    events = list(events)
    actor_ids = {e.actor_id for e in events if e.actor_id}
    names = (
        dict(session.execute(select(User.id, User.name).where(User.id.in_(actor_ids))).all())
        if actor_ids
        else {}
    )
    rows = []
    for event in events:
        if event.actor_id is None:
            who = _("The system")
        else:
            who = names.get(event.actor_id) or _("A former user")
        label = _text((event.detail or {}).get("label")) or _fallback_label(session, event)
        note = str((event.detail or {}).get("note") or "")
        rows.append(Entry(event.created_at, who, sentence(event, who, label), note))
    return rows
