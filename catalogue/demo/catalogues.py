"""The sample catalogues (``producers/<network>/catalogues.toml``), built through the same
services as the builder's steps, so the demo shows what a facilitator would make."""

from __future__ import annotations

import os
import tomllib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.auth.models import Membership, Role, User
from catalogue.catalogues import selection, services
from catalogue.catalogues.models import Catalogue
from catalogue.networks.models import Network


def catalogue_files(folder: str | os.PathLike[str]) -> list[Path]:
    return sorted(Path(folder).glob("*/catalogues.toml"))


def _facilitator(session: Session, network: Network) -> User:
    user = session.scalar(
        select(User)
        .join(Membership)
        .where(
            Membership.network_id == network.id,
            Membership.role.in_([Role.FACILITATOR, Role.ADMIN]),
        )
        .order_by(Membership.role.desc(), User.id)
        .limit(1)
    )
    if user is None:
        raise LookupError(f"network {network.slug} has no facilitator to build its catalogue")
    return user


def build_sample_catalogues(
    session: Session, folder: str | os.PathLike[str], *, today: date | None = None
) -> tuple[list[Catalogue], list[Catalogue]]:
    """Create the sample catalogues that do not exist yet; returns (created, all of them)."""
    today = today or date.today()
    created: list[Catalogue] = []
    every: list[Catalogue] = []
    for path in catalogue_files(folder):
        network_data = tomllib.loads((path.parent / "network.toml").read_text(encoding="utf-8"))
        slug = network_data["network"]["slug"]
        network = session.scalar(select(Network).where(Network.slug == slug))
        if network is None:
            continue
        for spec in tomllib.loads(path.read_text(encoding="utf-8"))["catalogues"]:
            catalogue = session.scalar(
                select(Catalogue).where(
                    Catalogue.network_id == network.id, Catalogue.slug == spec["slug"]
                )
            )
            if catalogue is None:
                catalogue = _build(session, network, spec, today)
                created.append(catalogue)
            every.append(catalogue)
    return created, every


def _build(session: Session, network: Network, spec: dict[str, Any], today: date) -> Catalogue:
    actor = _facilitator(session, network)
    settings = {
        k: spec[k]
        for k in (
            "slug",
            "theme",
            "kind",
            "market",
            "format",
            "layout",
            "stories",
            "code_prefix",
            "locales",
            "title",
            "intro",
        )
        if k in spec
    }
    catalogue = services.create_catalogue(session, network, settings, actor)
    selection.apply_rules(session, catalogue, spec.get("rules", {}))
    pricing = dict(spec.get("pricing", {}))
    window = int(pricing.pop("order_window_days", 0))
    if window:
        pricing["order_opens_on"] = today.isoformat()
        pricing["order_closes_on"] = (today + timedelta(days=window)).isoformat()
    services.set_pricing(session, catalogue, pricing, actor)
    session.flush()
    return catalogue
