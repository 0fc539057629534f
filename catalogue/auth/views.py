"""Sign in, sign out, and the language choice."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from catalogue.auth import services
from catalogue.auth.forms import LanguageForm, LoginForm
from catalogue.core.permissions import requires
from catalogue.core.security import is_safe_redirect
from catalogue.core.types import utcnow
from catalogue.extensions import db

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
@requires("auth.login")
def login() -> str | Response | tuple[str, int]:
    next_url = request.args.get("next")
    if not is_safe_redirect(next_url):
        next_url = None
    if current_user.is_authenticated:
        return redirect(next_url or url_for("site.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data or ""
        address = request.remote_addr
        if services.login_blocked(db.session, email, address):
            flash(_("Too many failed sign-ins. Please wait a few minutes and try again."), "error")
            return render_template("auth/login.html", form=form), 429
        user = services.find_user(db.session, email)
        if services.check_password(user, form.password.data or ""):
            services.clear_login_failures(db.session, email)
            user.last_login_at = utcnow()
            # A sign-in of its own: the cookies name it, and they die with it (sign-out, password).
            services.start_login_session(db.session, user)
            db.session.commit()
            # A fresh session on sign-in: nothing from before survives (session fixation).
            locale = session.get("locale")
            session.clear()
            if locale:
                session["locale"] = locale
            login_user(user, remember=bool(form.remember.data))
            return redirect(next_url or url_for("site.dashboard"))
        services.record_login_failure(db.session, email, address)
        db.session.commit()
        form.password.errors = [_("The e-mail address or the password is not right.")]
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@requires("auth.login")
def logout() -> Response:
    # End the sign-in on the server too: copies of its session or remember-me cookie are refused.
    if services.end_login_session(db.session, current_user.get_id()):
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("You are signed out."), "info")
    return redirect(url_for("site.home"))


@bp.route("/language", methods=["POST"])
@requires("auth.login")
def language() -> Response:
    form = LanguageForm()
    form.locale.choices = [SelectChoice(code) for code in current_app.config["LANGUAGES"]]
    if not form.validate_on_submit():
        abort(400)
    session["locale"] = form.locale.data
    if current_user.is_authenticated:
        current_user.locale = form.locale.data
        db.session.commit()
    target = request.form.get("next")
    return redirect(target if is_safe_redirect(target) else url_for("site.home"))
