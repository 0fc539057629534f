"""Personal API tokens: shown once when created, kept only as a SHA-256, revocable."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import or_, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length

from catalogue.auth.models import ApiToken, User
from catalogue.core.audit import record
from catalogue.core.db import is_lock_error, writes
from catalogue.core.forms import Form
from catalogue.core.loading import load
from catalogue.core.permissions import requires
from catalogue.core.types import utcnow
from catalogue.extensions import db

PREFIX = "cat_"
# A token's last use is bookkeeping: written at most this often, so that reads stay reads.
LAST_USED_EVERY = timedelta(minutes=1)
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


def user_for_token(
    session: Session, token: str, *, now: Callable[[], datetime] = utcnow
) -> User | None:
    """The active user a bearer token belongs to (None when unknown or revoked).

    The token's ``last_used_at`` is written at most once every :data:`LAST_USED_EVERY` (``now``
    is the clock read): with the unit of work when ``session`` writes, else by :func:`note_use`
    in a side transaction, so that a read stays a read."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_sha256 == _digest(token)))
    if row is None or row.revoked_at is not None:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    moment = now()
    if row.last_used_at is None or moment - row.last_used_at >= LAST_USED_EVERY:
        if writes(session):
            # A writing unit of work holds the write lock already: it records the use itself
            # (a side transaction would only wait for this one).
            row.last_used_at = moment
        else:
            note_use(row.id, moment)
    return user


def note_use(token_id: int, moment: datetime) -> bool:
    """Record that token ``token_id`` was used at ``moment``, in its own short write transaction
    on its own session, so an API read never turns into a write nor waits long for the lock;
    skipped (False) when the lock is busy or another request recorded a use in the last
    :data:`LAST_USED_EVERY`."""
    try:
        with db.new_session(write=True, brief=True) as side:
            changed = side.execute(
                update(ApiToken)
                .where(
                    ApiToken.id == token_id,
                    or_(
                        ApiToken.last_used_at.is_(None),
                        ApiToken.last_used_at <= moment - LAST_USED_EVERY,
                    ),
                )
                .values(last_used_at=moment)
                .execution_options(synchronize_session=False)
            ).rowcount
            side.commit()
    except OperationalError as exc:
        if not is_lock_error(exc):
            raise
        current_app.logger.info("token %s: last use not recorded, database busy", token_id)
        return False
    return bool(changed)


def load_user_from_request(req: object) -> User | None:
    """Flask-Login's request loader: ``Authorization: Bearer <token>`` on API calls."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer ") or request.blueprint != "api":
        return None
    user = user_for_token(db.session, header.removeprefix("Bearer ").strip())
    if user is not None:
        g.api_token_auth = True
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
