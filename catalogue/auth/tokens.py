"""Personal API tokens: shown once when created, kept only as a SHA-256, revocable."""

from __future__ import annotations

import hashlib
import secrets

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length

from catalogue.auth.models import ApiToken, User
from catalogue.core.audit import record
from catalogue.core.forms import Form
from catalogue.core.loading import load
from catalogue.core.permissions import requires
from catalogue.core.types import utcnow
from catalogue.extensions import db

PREFIX = "cat_"
bp = Blueprint("tokens", __name__, url_prefix="/account/tokens")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, user: User, name: str) -> str:
    """A new token for ``user``; the only time its value exists outside the caller."""
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, name=name.strip()[:100] or "token", token_sha256=_digest(token))
    session.add(row)
    session.flush()
    record(session, "token.create", row, actor=user)
    return token


def user_for_token(session: Session, token: str) -> User | None:
    """The active user a bearer token belongs to (None when unknown or revoked)."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_sha256 == _digest(token)))
    if row is None or row.revoked_at is not None:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    row.last_used_at = utcnow()
    return user


def load_user_from_request(req: object) -> User | None:
    """Flask-Login's request loader: ``Authorization: Bearer <token>`` on API calls."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer ") or request.blueprint != "api":
        return None
    user = user_for_token(db.session, header.removeprefix("Bearer ").strip())
    if user is not None:
        g.api_token_auth = True
        db.session.commit()  # last_used_at
    return user


class NewTokenForm(Form):
    name = StringField(_l("What the token is for"), [DataRequired(), Length(max=100)])


class RevokeForm(Form):
    token_id = HiddenField()


@bp.route("/", methods=["GET", "POST"])
@requires("token.manage")
def index() -> str | Response | tuple[str, int]:
    form, revoke = NewTokenForm(), RevokeForm(prefix="revoke")
    new_token, status = None, 200
    if request.method == "POST" and "revoke-token_id" in request.form:
        if not revoke.validate_on_submit():
            abort(400)
        row = load(ApiToken, revoke.token_id.data, lambda t: t.user_id == current_user.id)
        row.revoked_at = row.revoked_at or utcnow()
        record(db.session, "token.revoke", row, actor=current_user)
        db.session.commit()
        flash(_("The token no longer works."), "success")
        return redirect(url_for("tokens.index"))
    if form.validate_on_submit():
        new_token = create_token(db.session, current_user, form.name.data or "")
        db.session.commit()
    elif form.is_submitted():
        status = 400
    tokens = db.session.scalars(
        select(ApiToken).where(ApiToken.user_id == current_user.id).order_by(ApiToken.id.desc())
    ).all()
    return render_template(
        "auth/tokens.html", form=form, revoke=revoke, tokens=tokens, new_token=new_token
    ), status
