"""Error pages that explain in the user's language, and a JSON shape for the API."""

from __future__ import annotations

from flask import Flask, current_app, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, ServiceUnavailable

from catalogue.core.db import is_lock_error, set_write_mode
from catalogue.extensions import db

RETRY_AFTER_SECONDS = 5


def _messages() -> dict[int, str]:
    return {
        400: _("The request could not be understood."),
        403: _("You do not have permission to do this."),
        404: _("There is nothing here. The link may be old or mistyped."),
        405: _("This page cannot be used that way."),
        413: _("The file or form is too large."),
        429: _("Too many attempts. Please wait a few minutes and try again."),
        500: _("Something went wrong on our side. Nothing you entered was lost."),
        503: _("The site is busy right now. Please wait a few seconds and try again."),
    }


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError) -> tuple[str, int]:
        message = _("The form had expired or was sent from elsewhere. Please try again.")
        return render_template("error.html", code=400, message=message), 400

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException) -> tuple[object, int]:
        code = error.code or 500
        if code >= 500:
            # A failed unit of work leaves the session unusable; roll back so that this page
            # (which may read the signed-in user) can still be shown.
            db.session.rollback()
        message = _messages().get(code, error.description or "")
        if request.path.startswith("/api/"):
            if error.description and error.description != type(error).description:
                message = error.description  # a specific reason given by the endpoint
            return {"error": {"code": code, "message": message}}, code
        return render_template("error.html", code=code, message=message), code

    @app.errorhandler(OperationalError)
    def _busy(error: OperationalError) -> tuple[object, int, dict[str, str]]:
        # SQLite's write lock stayed taken through the busy timeout and the retries (a long
        # write elsewhere): the request can simply be sent again, so say so - not a 500.
        if not is_lock_error(error):
            raise error
        current_app.logger.warning("database busy: %s %s", request.method, request.path)
        # The page itself only reads (the signed-in user): it must not queue for the lock again.
        db.session.rollback()
        set_write_mode(db.session, None)
        body, code = _http(ServiceUnavailable())
        return body, code, {"Retry-After": str(RETRY_AFTER_SECONDS)}
