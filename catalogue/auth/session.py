"""Flask-Login wiring: strong session protection and the user loader."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from catalogue.auth.models import User
from catalogue.extensions import db, login_manager


def init_login(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.session_protection = "strong"
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"

    from catalogue.auth.tokens import load_user_from_request

    login_manager.request_loader(load_user_from_request)

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        if not user_id.isdigit():
            return None
        return db.session.get(User, int(user_id))
