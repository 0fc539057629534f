"""Loading the producer a URL names, within the URL's network (404 otherwise)."""

from __future__ import annotations

from collections.abc import Callable

from flask import g

from catalogue.core.loading import load_by
from catalogue.producers.models import Producer


def network_producer(slug: str, allowed: Callable[[Producer], bool] | None = None) -> Producer:
    """The producer ``slug`` of the URL's network (when ``allowed`` says so), else 404."""
    return load_by(
        Producer, Producer.network_id == g.network.id, Producer.slug == slug, allowed=allowed
    )
