"""Sharing a private catalogue: inviting buyers and making or revoking share links - the one
write path the sharing page (and any later caller) uses - and what a buyer may open."""

from __future__ import annotations

import secrets
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.auth.models import Membership, Role, User
from catalogue.browse.access import digest, is_private
from catalogue.browse.models import CatalogueInvitation, ShareLink
from catalogue.catalogues.models import Catalogue
from catalogue.core.audit import record
from catalogue.core.types import utcnow
from catalogue.core.validation import ValidationError
from catalogue.editions.models import Edition, EditionStatus

LABEL_LENGTH = 80


def network_buyers(session: Session, catalogue: Catalogue) -> list[User]:
    """The buyers of the catalogue's network, by name."""
    return list(
        session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.network_id == catalogue.network_id, Membership.role == Role.BUYER)
            .order_by(User.name, User.email)
            .distinct()
        )
    )


def invite(session: Session, catalogue: Catalogue, user: User, *, actor: Any) -> bool:
    """Let ``user`` (a buyer of the catalogue's network) open it; False if she already could."""
    if user not in network_buyers(session, catalogue):
        raise ValidationError.single("buyer", _("Only a buyer of this network can be invited."))
    found = session.scalar(
        select(CatalogueInvitation).where(
            CatalogueInvitation.catalogue_id == catalogue.id,
            CatalogueInvitation.user_id == user.id,
        )
    )
    if found is not None:
        return False
    session.add(
        CatalogueInvitation(
            catalogue_id=catalogue.id, user_id=user.id, created_by_id=getattr(actor, "id", None)
        )
    )
    record(
        session,
        "catalogue.invite",
        catalogue,
        actor=actor,
        network_id=catalogue.network_id,
        buyer=user.name or user.email,
    )
    session.flush()
    return True


def uninvite(session: Session, catalogue: Catalogue, user: User, *, actor: Any) -> bool:
    """Take back ``user``'s invitation; False if she had none."""
    found = session.scalar(
        select(CatalogueInvitation).where(
            CatalogueInvitation.catalogue_id == catalogue.id,
            CatalogueInvitation.user_id == user.id,
        )
    )
    if found is None:
        return False
    session.delete(found)
    record(
        session,
        "catalogue.uninvite",
        catalogue,
        actor=actor,
        network_id=catalogue.network_id,
        buyer=user.name or user.email,
    )
    session.flush()
    return True


def create_share_link(
    session: Session, catalogue: Catalogue, label: str, *, actor: Any
) -> tuple[ShareLink, str]:
    """A new share link; returns it and its token, which is shown once and never stored."""
    label = " ".join((label or "").split())
    if len(label) > LABEL_LENGTH:
        raise ValidationError.single("label", _("At most %(max)d characters.", max=LABEL_LENGTH))
    token = secrets.token_urlsafe(24)
    link = ShareLink(
        catalogue_id=catalogue.id,
        token_sha256=digest(token),
        label=label,
        created_by_id=getattr(actor, "id", None),
    )
    session.add(link)
    record(
        session,
        "catalogue.share_link",
        catalogue,
        actor=actor,
        network_id=catalogue.network_id,
        link=label,
    )
    session.flush()
    return link, token


def revoke_share_link(session: Session, link: ShareLink, *, actor: Any) -> bool:
    """Stop ``link`` from working; False if it already had."""
    if link.revoked_at is not None:
        return False
    link.revoked_at = utcnow()
    catalogue = session.get(Catalogue, link.catalogue_id)
    record(
        session,
        "catalogue.share_revoke",
        catalogue,
        actor=actor,
        network_id=catalogue.network_id if catalogue else None,
        link=link.label,
    )
    session.flush()
    return True


def catalogues_for(session: Session, user: User) -> list[Catalogue]:
    """The published catalogues ``user`` may open and order from as a buyer: the public ones
    of her networks and the private ones she was invited to."""
    networks = {m.network_id for m in user.memberships if m.role == Role.BUYER}
    if not networks:
        return []
    invited = set(
        session.scalars(
            select(CatalogueInvitation.catalogue_id).where(CatalogueInvitation.user_id == user.id)
        )
    )
    catalogues = session.scalars(
        select(Catalogue)
        .where(
            Catalogue.network_id.in_(networks),
            Catalogue.id.in_(
                select(Edition.catalogue_id).where(Edition.status == EditionStatus.PUBLISHED)
            ),
        )
        .order_by(Catalogue.slug)
    )
    return [c for c in catalogues if not is_private(c) or c.id in invited]
