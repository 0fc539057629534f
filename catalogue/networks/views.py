"""A network's public page, and its users for facilitators."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from catalogue.auth import services as auth_services
from catalogue.auth.models import Membership, Role
from catalogue.core.i18n import LANGUAGE_NAMES
from catalogue.core.models import AuditEvent
from catalogue.core.page_cache import public_page
from catalogue.core.paging import page_number, paginate
from catalogue.core.permissions import requires, user_may
from catalogue.core.validation import ValidationError
from catalogue.extensions import db
from catalogue.networks import audit_text
from catalogue.networks.forms import AddUserForm
from catalogue.printshop.models import PrintShop
from catalogue.producers.models import Producer
from catalogue.products import listing

bp = Blueprint("networks", __name__, url_prefix="/n/<network_slug>")


# The public page, light enough for a phone at any size of network: a page of producers, each
# with her first few products and a link to all of them (her own page, paged too).
PRODUCERS_PER_PAGE = 10
PRODUCTS_PER_PRODUCER = 4


@bp.route("/")
@public_page
@requires("network.view")
def show(network_slug: str) -> str:
    """The network's producers (``?page=N``), each with her first products: six queries
    whatever the size of the network."""
    network = g.network
    page = paginate(
        db.session,
        select(Producer)
        .where(
            Producer.network_id == network.id,
            Producer.active.is_(True),
            Producer.consent_public_profile.is_(True),
        )
        .order_by(Producer.display_name, Producer.id),
        page_number(request.args),
        PRODUCERS_PER_PAGE,
    )
    ids = [p.id for p in page.items]
    return render_template(
        "networks/show.html",
        network=network,
        page=page,
        products=listing.first_by_producer(db.session, ids, PRODUCTS_PER_PRODUCER),
        counts=listing.counts_by_producer(db.session, ids),
    )


def _add_user_form(network_id: int) -> AddUserForm:
    form = AddUserForm()
    producers = db.session.scalars(
        select(Producer).where(Producer.network_id == network_id).order_by(Producer.display_name)
    ).all()
    shops = db.session.scalars(
        select(PrintShop).where(PrintShop.network_id == network_id).order_by(PrintShop.name)
    ).all()
    if not user_may(current_user, "user.grant_admin", g.network):
        form.role.choices = [c for c in form.role.choices if c.value != Role.ADMIN.value]
    none = SelectChoice("0", "—")
    form.producer.choices = [none] + [SelectChoice(str(p.id), p.display_name) for p in producers]
    form.print_shop.choices = [none] + [SelectChoice(str(s.id), s.name) for s in shops]
    form.locale.choices = [SelectChoice("", "—")] + [
        SelectChoice(code, LANGUAGE_NAMES.get(code, code))
        for code in current_app.config["LANGUAGES"]
    ]
    return form


@bp.route("/users", methods=["GET", "POST"])
@requires("user.manage")
def users(network_slug: str) -> str | Response | tuple[str, int]:
    network = g.network
    form = _add_user_form(network.id)
    status = 200
    if form.validate_on_submit():
        producer = db.session.get(Producer, form.producer.data) if form.producer.data else None
        shop = db.session.get(PrintShop, form.print_shop.data) if form.print_shop.data else None
        try:
            user = auth_services.create_user(
                db.session,
                email=form.email.data or "",
                name=form.name.data or "",
                password=form.password.data or "",
                locale=form.locale.data or None,
                actor=current_user,
                network_id=network.id,
            )
            auth_services.add_membership(
                db.session,
                user,
                network,
                Role(form.role.data),
                producer=producer,
                print_shop=shop,
                actor=current_user,
            )
        except ValidationError as exc:
            db.session.rollback()
            for field, message in exc.errors.items():
                getattr(form, field).errors = [message]
            status = 400
        else:
            db.session.commit()
            flash(_("%(name)s can now sign in.", name=user.name), "success")
            return redirect(url_for("networks.users", network_slug=network.slug))
    elif form.is_submitted():
        status = 400
    memberships = db.session.scalars(
        select(Membership)
        .where(Membership.network_id == network.id)
        .join(Membership.user)
        .order_by(Membership.role, Membership.user_id)
    ).all()
    return (
        render_template("networks/users.html", network=network, form=form, memberships=memberships),
        status,
    )


@bp.route("/audit")
@requires("audit.view")
def audit(network_slug: str) -> str:
    events = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.network_id == g.network.id)
        .order_by(AuditEvent.id.desc())
        .limit(200)
    ).all()
    return render_template(
        "networks/audit.html", network=g.network, entries=audit_text.entries(db.session, events)
    )
