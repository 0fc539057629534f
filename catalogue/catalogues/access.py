"""Loading the catalogue a builder or publishing URL names (404 when it is not hers to manage)."""

from __future__ import annotations

from flask import g
from flask_login import current_user

from catalogue.catalogues.models import Catalogue
from catalogue.core.loading import load_by


def managed_catalogue(slug: str) -> Catalogue:
    """The catalogue ``slug`` of the URL's network, if the user may manage it; else 404."""
    return load_by(
        Catalogue,
        Catalogue.network_id == g.network.id,
        Catalogue.slug == slug,
        allowed=lambda c: c.can_manage(current_user),
    )
