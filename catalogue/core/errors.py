"""Error pages that explain in the user's language, and a JSON shape for the API."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from catalogue.extensions import db


def _messages() -> dict[int, str]:
    return {
        400: _("The request could not be understood."),
        403: _("You do not have permission to do this."),
        404: _("There is nothing here. The link may be old or mistyped."),
        405: _("This page cannot be used that way."),
        413: _("The file or form is too large."),
        429: _("Too many attempts. Please wait a few minutes and try again."),
        500: _("Something went wrong on our side. Nothing you entered was lost."),
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
