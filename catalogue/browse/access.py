"""Who may open a published catalogue's web pages.

A retail catalogue is public. A wholesale catalogue is private: its pages (and photos) open only
for the network's facilitators and admins, the buyers she invited, and whoever comes with a share
link that has not been revoked; anyone else gets 404, as if it did not exist. A share link's
token, once used, is remembered in the visitor's session (as its digest), so she can move from
page to page; it is checked against the database on every request, so revoking it works at once.
"""

from __future__ import annotations

import hashlib

from flask import g, request, session
from flask_login import current_user
from sqlalchemy import select

from catalogue.auth.models import Role
from catalogue.browse.models import CatalogueInvitation, ShareLink
from catalogue.catalogues.models import Catalogue, Market
from catalogue.core.permissions import user_roles
from catalogue.extensions import db

SHARE_PARAM = "share"
_SESSION_KEY = "catalogue_shares"
MANAGERS = {Role.FACILITATOR.value, Role.ADMIN.value}


def is_private(catalogue: Catalogue) -> bool:
    """Wholesale catalogues are private; retail ones are public."""
    return catalogue.market == Market.B2B


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _share_digests() -> list[str]:
    found = list(session.get(_SESSION_KEY) or [])
    token = request.args.get(SHARE_PARAM, "")
    if token and len(token) <= 128:
        found.insert(0, digest(token))
    return found


def _shared_with_this_visitor(catalogue: Catalogue) -> bool:
    digests = _share_digests()
    if not digests:
        return False
    valid = db.session.scalar(
        select(ShareLink.token_sha256).where(
            ShareLink.catalogue_id == catalogue.id,
            ShareLink.token_sha256.in_(digests[:20]),
            ShareLink.revoked_at.is_(None),
        )
    )
    if valid is None:
        return False
    kept = [d for d in session.get(_SESSION_KEY) or [] if d != valid]
    session[_SESSION_KEY] = [valid, *kept][:20]
    return True


def invited(user: object, catalogue: Catalogue) -> bool:
    return (
        db.session.scalar(
            select(CatalogueInvitation.id).where(
                CatalogueInvitation.catalogue_id == catalogue.id,
                CatalogueInvitation.user_id == getattr(user, "id", None),
            )
        )
        is not None
    )


def may_open(catalogue: Catalogue) -> bool:
    """Whether the current visitor may see ``catalogue``'s pages. A private catalogue's pages
    are marked so that the page cache never keeps them."""
    if not is_private(catalogue):
        return True
    g.page_cache_private = True
    if current_user.is_authenticated:
        if user_roles(catalogue.network) & MANAGERS:
            return True
        if invited(current_user, catalogue):
            return True
    return _shared_with_this_visitor(catalogue)
