"""The JSON API (``/api/v1``): token or session auth, the same permission checks as the pages,
and an OpenAPI document generated from the endpoint declarations."""

from __future__ import annotations

from flask import Blueprint, abort, g, request
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError, validate_csrf
from wtforms import ValidationError as CSRFValidationError

from catalogue.core.validation import ValidationError
from catalogue.extensions import db

bp = Blueprint("api", __name__, url_prefix="/api/v1")

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


@bp.before_request
def _csrf_for_sessions() -> None:
    # Token clients cannot be forged by another site; a browser session can, so its writes need
    # the CSRF token in the X-CSRFToken header.
    if request.method in UNSAFE and current_user.is_authenticated and not g.get("api_token_auth"):
        try:
            validate_csrf(request.headers.get("X-CSRFToken", ""))
        except CSRFValidationError as exc:
            raise CSRFError(str(exc)) from exc


@bp.errorhandler(ValidationError)
def _invalid(error: ValidationError) -> tuple[dict[str, object], int]:
    db.session.rollback()  # nothing of a refused request is kept
    message = _("Some fields were refused; each is named with the reason.")
    return {"error": {"code": 400, "message": message, "fields": error.errors}}, 400


@bp.errorhandler(CSRFError)
def _csrf(error: CSRFError) -> tuple[dict[str, object], int]:
    message = _("The X-CSRFToken header is missing or wrong.")
    return {"error": {"code": 400, "message": message}}, 400


def json_body() -> dict[str, object]:
    """The request's JSON object, or 400 with a clear message."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, description=_("Send a JSON object with Content-Type: application/json."))
    return data


from catalogue.api import endpoints, search  # noqa: E402,F401  (routes register on import)
