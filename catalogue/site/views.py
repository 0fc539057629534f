"""The home page, each role's dashboard, and the health check."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import func, select, text

from catalogue.auth.models import Role
from catalogue.browse.services import catalogues_for
from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.networks.models import Network
from catalogue.printshop.models import PrintJob
from catalogue.producers.models import Producer
from catalogue.products.models import Product, ProductStatus

bp = Blueprint("site", __name__)


@bp.route("/")
@requires("site.view")
def home() -> str:
    networks = db.session.scalars(select(Network).order_by(Network.name)).all()
    counts = dict(
        db.session.execute(
            select(Producer.network_id, func.count(Product.id))
            .join(Product.producer)
            .where(
                Product.status == ProductStatus.APPROVED,
                Producer.consent_public_profile.is_(True),
                Producer.active.is_(True),
            )
            .group_by(Producer.network_id)
        ).all()
    )
    return render_template("site/home.html", networks=networks, product_counts=counts)


@bp.route("/healthz")
@requires("site.view")
def healthz() -> dict[str, str]:
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}


@bp.route("/dashboard")
@requires("account.view")
def dashboard() -> str:
    memberships = sorted(current_user.memberships, key=lambda m: (m.network.name, m.role))
    managed = [m.network for m in memberships if m.role in (Role.FACILITATOR, Role.ADMIN)]
    stats = {}
    for network in managed:
        # Live products by status; a pending change (a draft copy) counts once, as a change.
        rows = db.session.execute(
            select(Product.draft_of_id.is_not(None), Product.status, func.count())
            .join(Product.producer)
            .where(Producer.network_id == network.id)
            .group_by(Product.draft_of_id.is_not(None), Product.status)
        ).all()
        live = {status: n for is_change, status, n in rows if not is_change}
        changes = sum(n for is_change, status, n in rows if is_change and status == "submitted")
        stats[network.id] = {
            "producers": db.session.scalar(
                select(func.count()).where(Producer.network_id == network.id)
            ),
            "by_status": live,
            "changes": changes,
            "to_review": live.get("submitted", 0) + changes,
        }
    own_producers = [m.producer for m in memberships if m.role == Role.PRODUCER and m.producer]
    print_jobs = db.session.scalars(
        select(PrintJob).where(PrintJob.print_shop_id.in_(current_user.print_shop_ids()))
    ).all()
    return render_template(
        "site/dashboard.html",
        memberships=memberships,
        managed=list(dict.fromkeys(managed)),
        stats=stats,
        own_producers=own_producers,
        print_jobs=print_jobs,
        is_buyer=any(m.role == Role.BUYER for m in memberships),
        buyer_catalogues=catalogues_for(db.session, current_user),
    )
