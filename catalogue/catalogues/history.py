"""The builder's entries in the audit trail: selection, pooling, arrangement and item prices.

Recorded by the catalogue services themselves, so every caller (pages, API, CLI, demo) leaves
the same trace. Each entry names the item (its product's names and its code) and the catalogue
(its title) as they were at that moment.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, object_session

from catalogue.catalogues.models import Catalogue, CatalogueItem
from catalogue.core.audit import Label, label_of, record


def item_label(item: CatalogueItem) -> Label:
    """What the item shows: its first product's name in each language, else its code."""
    if item.sources:
        return label_of(item.sources[0].product) or item.code
    return item.code


def _session(catalogue: Catalogue, session: Session | None) -> Session | None:
    return session if session is not None else object_session(catalogue)


def catalogue_event(
    action: str,
    catalogue: Catalogue,
    actor: Any | None,
    *,
    session: Session | None = None,
    **detail: Any,
) -> None:
    """Record ``action`` on the catalogue itself (its title is the label)."""
    session = _session(catalogue, session)
    if session is not None:
        record(session, action, catalogue, actor=actor, network_id=catalogue.network_id, **detail)


def item_event(
    action: str,
    catalogue: Catalogue,
    item: CatalogueItem,
    actor: Any | None,
    *,
    session: Session | None = None,
    **detail: Any,
) -> None:
    """Record ``action`` on one item: its name and code, and the catalogue's title."""
    session = _session(catalogue, session)
    if session is None:
        return
    if item.id is None:
        session.flush()
    record(
        session,
        action,
        item,
        actor=actor,
        network_id=catalogue.network_id,
        label=item_label(item),
        code=item.code,
        catalogue=label_of(catalogue),
        **detail,
    )
