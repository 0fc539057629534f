"""The facilitator's sharing page of a catalogue: who may open it on the web.

A retail catalogue is public and the page only says so. A wholesale catalogue is private: she
invites buyers of her network, and makes share links (the link is shown once, when made) that
she can revoke. Every change goes through ``browse.services`` and is in the audit trail.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms import HiddenField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from catalogue.auth.models import User
from catalogue.browse import services
from catalogue.browse.access import SHARE_PARAM, is_private
from catalogue.browse.models import CatalogueInvitation, ShareLink
from catalogue.browse.sharing import public_url
from catalogue.catalogues.access import managed_catalogue
from catalogue.core.forms import Form, commit_or_flash
from catalogue.core.loading import parse_id
from catalogue.core.permissions import requires
from catalogue.extensions import db

bp = Blueprint(
    "catalogue_sharing",
    __name__,
    url_prefix="/n/<network_slug>/manage/catalogues/<catalogue_slug>/sharing",
)


class InviteForm(Form):
    buyer = SelectField(_l("Buyer"), choices=[])


class ShareLinkForm(Form):
    label = StringField(
        _l("Who the link is for (only you see this)"),
        validators=[Optional(), Length(max=services.LABEL_LENGTH)],
    )


class RowActionForm(Form):
    action = HiddenField()
    row_id = HiddenField()


def _page_url(catalogue_slug: str, network_slug: str) -> str:
    return url_for(
        "catalogue_sharing.page", network_slug=network_slug, catalogue_slug=catalogue_slug
    )


@bp.route("", methods=["GET", "POST"])
@requires("catalogue.publish")
def page(network_slug: str, catalogue_slug: str) -> str | Response | tuple[str, int]:
    catalogue = managed_catalogue(catalogue_slug)
    here = _page_url(catalogue_slug, network_slug)
    buyers = services.network_buyers(db.session, catalogue)
    invited_ids = set(
        db.session.scalars(
            select(CatalogueInvitation.user_id).where(
                CatalogueInvitation.catalogue_id == catalogue.id
            )
        )
    )
    invite_form = InviteForm(prefix="invite")
    invite_form.buyer.choices = [
        SelectChoice(str(b.id), f"{b.name} <{b.email}>") for b in buyers if b.id not in invited_ids
    ]
    link_form = ShareLinkForm(prefix="link")
    status = 200
    if request.method == "POST":
        if not is_private(catalogue):
            abort(400)
        what = request.form.get("what")
        if what == "invite" and invite_form.validate_on_submit():
            user = db.session.get(User, parse_id(invite_form.buyer.data))
            if user is None:
                abort(400)
            done = commit_or_flash(
                lambda: services.invite(db.session, catalogue, user, actor=current_user)
            )
            if done.saved:
                flash(_("%(name)s may now open this catalogue.", name=user.name), "success")
                return redirect(here)
            status = done.status
        elif what == "link" and link_form.validate_on_submit():
            done = commit_or_flash(
                lambda: services.create_share_link(
                    db.session, catalogue, link_form.label.data or "", actor=current_user
                )
            )
            if done.saved and done.result is not None:
                _link, token = done.result
                address = public_url(
                    url_for(
                        "browse.home",
                        network_slug=network_slug,
                        catalogue_slug=catalogue_slug,
                        **{SHARE_PARAM: token},
                    )
                )
                flash(
                    _("Share link made. Copy it now, it is shown only once: %(url)s", url=address),
                    "success",
                )
                return redirect(here)
            status = done.status
        elif what == "row":
            form = RowActionForm()
            if not form.validate_on_submit():
                abort(400)
            row_id = parse_id(form.row_id.data)
            if form.action.data == "uninvite":
                user = db.session.get(User, row_id) if row_id else None
                if user is None:
                    abort(404)
                commit_or_flash(
                    lambda: services.uninvite(db.session, catalogue, user, actor=current_user)
                )
                flash(_("Invitation taken back."), "success")
            elif form.action.data == "revoke":
                link = db.session.get(ShareLink, row_id) if row_id else None
                if link is None or link.catalogue_id != catalogue.id:
                    abort(404)
                commit_or_flash(
                    lambda: services.revoke_share_link(db.session, link, actor=current_user)
                )
                flash(_("Share link revoked: it no longer opens the catalogue."), "success")
            else:
                abort(400)
            return redirect(here)
        else:
            status = 400
    invited = [b for b in buyers if b.id in invited_ids]
    links = db.session.scalars(
        select(ShareLink)
        .where(ShareLink.catalogue_id == catalogue.id)
        .order_by(ShareLink.revoked_at.is_not(None), ShareLink.created_at.desc())
    ).all()
    body = render_template(
        "browse/sharing.html",
        network=catalogue.network,
        catalogue=catalogue,
        private=is_private(catalogue),
        invited=invited,
        links=links,
        invite_form=invite_form,
        link_form=link_form,
        web_url=url_for("browse.home", network_slug=network_slug, catalogue_slug=catalogue_slug),
    )
    return body, status
