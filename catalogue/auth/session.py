"""Flask-Login wiring: strong session protection and a user loader that checks the sign-in.

Flask-Login's identity is ``"<user id>:<token>"`` (see ``User.get_id``): the session and the
remember-me cookie name one recorded sign-in (``LoginSession``), and are refused once it has ended.
"""

from __future__ import annotations

from flask import Flask, session
from flask_babel import lazy_gettext as _l
from flask_login import user_loaded_from_cookie

from catalogue.auth import services
from catalogue.auth.models import User
from catalogue.extensions import db, login_manager


def init_login(app: Flask) -> None:
    """Attach Flask-Login to ``app``: sign-in page, loaders and session protection."""
    login_manager.init_app(app)
    login_manager.session_protection = "strong"
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"

    from catalogue.auth.tokens import load_user_from_request

    login_manager.request_loader(load_user_from_request)
    login_manager.user_loader(load_user)
    user_loaded_from_cookie.connect(bind_restored_session, app)


def load_user(identity: str) -> User | None:
    """Flask-Login's user loader: the user of a sign-in that has not ended, else None."""
    return services.user_for_login_session(db.session, identity)


def bind_restored_session(sender: Flask, user: User, **extra: object) -> None:
    """Bind a session restored from the remember-me cookie to this browser, as signing in does.

    Flask-Login leaves the session's identifier unset in that case, so strong session protection
    would drop the session, and delete the remember-me cookie, at the very next request.
    """
    session["_id"] = login_manager._session_identifier_generator()
