"""Accounts: users and roles, passwords, sign-ins and their end, throttling failed logins."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from catalogue.auth.models import LoginFailure, LoginSession, Membership, Role, User
from catalogue.core.audit import record
from catalogue.core.permissions import user_may
from catalogue.core.types import utcnow
from catalogue.core.validation import Collector, ValidationError
from catalogue.networks.models import Network
from catalogue.printshop.models import PrintShop
from catalogue.producers.models import Producer

MIN_PASSWORD_LENGTH = 10
# Ended sign-ins are kept this long (for a look at recent sign-ins), then pruned at the next one.
ENDED_SIGN_INS_KEPT = timedelta(days=30)
# Compared against when the e-mail is unknown, so both paths cost one scrypt check.
_DUMMY_HASH = generate_password_hash("not-a-real-password", method="scrypt")


def normalise_email(raw: str) -> str:
    """The canonical, lower-case form of an e-mail address; ValidationError when malformed."""
    try:
        info = validate_email((raw or "").strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError.single("email", _("Enter a valid e-mail address.")) from exc
    return info.normalized.lower()


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == email.strip().lower()))


def create_user(
    session: Session,
    *,
    email: str,
    name: str,
    password: str,
    locale: str | None = None,
    actor: User | None = None,
    network_id: int | None = None,
) -> User:
    """Validate and add a user (not committed). Every refused field is named in the error."""
    errors = Collector()
    try:
        email = normalise_email(email)
    except ValidationError as exc:
        errors.errors.update(exc.errors)
    else:
        if session.scalar(select(func.count()).where(User.email == email)):
            errors.add("email", _("A user with this e-mail address already exists."))
    name = (name or "").strip()
    if not name:
        errors.add("name", _("Enter a name."))
    _check_password_rules(errors, password)
    if locale and locale not in current_app.config["LANGUAGES"]:
        errors.add("locale", _("This language is not offered."))
    errors.raise_if_any()
    user = User(
        email=email,
        name=name,
        password_hash=generate_password_hash(password, method="scrypt"),
        locale=locale or None,
    )
    session.add(user)
    session.flush()
    record(session, "user.create", user, actor=actor, network_id=network_id, email=email)
    return user


def _check_password_rules(errors: Collector, password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        errors.add(
            "password",
            _("The password must have at least %(n)d characters.", n=MIN_PASSWORD_LENGTH),
        )


def change_password(session: Session, user: User, password: str, *, actor: User | None) -> None:
    """Set a new password for ``user`` and end all her sign-ins (not committed).

    Every browser signed in with the old password, and every remember-me cookie issued to one,
    is refused from now on; she signs in again with the new password.
    """
    errors = Collector()
    _check_password_rules(errors, password)
    errors.raise_if_any()
    user.password_hash = generate_password_hash(password, method="scrypt")
    ended = end_all_login_sessions(session, user)
    record(session, "user.password_change", user, actor=actor, ended_sign_ins=ended)


def deactivate_user(
    session: Session, user: User, *, actor: User | None, network_id: int | None = None
) -> None:
    """Stop ``user`` from signing in and end all her sign-ins (not committed)."""
    user.active = False
    ended = end_all_login_sessions(session, user)
    record(
        session, "user.deactivate", user, actor=actor, network_id=network_id, ended_sign_ins=ended
    )


def add_membership(
    session: Session,
    user: User,
    network: Network,
    role: Role,
    *,
    producer: Producer | None = None,
    print_shop: PrintShop | None = None,
    actor: User | None = None,
) -> Membership:
    """Give ``user`` a role in ``network``; producer and print-shop roles name whom she acts for."""
    errors = Collector()
    if (
        role == Role.ADMIN
        and actor is not None
        and not user_may(actor, "user.grant_admin", network)
    ):
        errors.add("role", _("Only an admin can make someone an admin."))
    if role == Role.PRODUCER and producer is None:
        errors.add("producer", _("Choose the producer this user acts for."))
    if producer is not None and producer.network_id != network.id:
        errors.add("producer", _("This producer belongs to another network."))
    if role == Role.PRINT_SHOP and print_shop is None:
        errors.add("print_shop", _("Choose the print shop this user works for."))
    if print_shop is not None and print_shop.network_id != network.id:
        errors.add("print_shop", _("This print shop belongs to another network."))
    errors.raise_if_any()
    existing = next(
        (
            m
            for m in user.memberships
            if m.network_id == network.id
            and m.role == role
            and m.producer_id == (producer.id if producer else None)
        ),
        None,
    )
    if existing:
        return existing
    membership = Membership(
        user=user,
        network_id=network.id,
        role=role,
        producer_id=producer.id if producer and role == Role.PRODUCER else None,
        print_shop_id=print_shop.id if print_shop and role == Role.PRINT_SHOP else None,
    )
    session.add(membership)
    session.flush()
    record(session, "membership.add", membership, actor=actor, network_id=network.id, role=role)
    return membership


def check_password(user: User | None, password: str) -> bool:
    """Constant-work password check; False for a missing or inactive user."""
    if user is None:
        check_password_hash(_DUMMY_HASH, password or "")
        return False
    return check_password_hash(user.password_hash, password or "") and user.active


def _throttle_keys(email: str, address: str | None) -> list[str]:
    keys = [f"email:{email.strip().lower()[:250]}"]
    if address:
        keys.append(f"addr:{address[:250]}")
    return keys


def login_blocked(session: Session, email: str, address: str | None) -> bool:
    """True when this e-mail or client address has failed too often within the window."""
    cfg = current_app.config
    window_start = utcnow() - timedelta(seconds=cfg["LOGIN_LOCKOUT_SECONDS"])
    rows = session.scalars(
        select(LoginFailure).where(LoginFailure.key.in_(_throttle_keys(email, address)))
    )
    return any(
        r.failures >= cfg["LOGIN_MAX_FAILURES"] and r.first_failed_at >= window_start for r in rows
    )


def record_login_failure(session: Session, email: str, address: str | None) -> None:
    window_start = utcnow() - timedelta(seconds=current_app.config["LOGIN_LOCKOUT_SECONDS"])
    for key in _throttle_keys(email, address):
        row = session.get(LoginFailure, key)
        if row is None:
            session.add(LoginFailure(key=key, failures=1, first_failed_at=utcnow()))
        elif row.first_failed_at < window_start:
            row.failures, row.first_failed_at = 1, utcnow()
        else:
            row.failures += 1


def clear_login_failures(session: Session, email: str) -> None:
    row = session.get(LoginFailure, _throttle_keys(email, None)[0])
    if row is not None:
        session.delete(row)


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _parse_identity(identity: str | None) -> tuple[str, str] | None:
    """``(user id, token)`` from a Flask-Login identity ``"<user id>:<token>"``, or None."""
    user_id, sep, token = (identity or "").partition(":")
    if not sep or not user_id.isdigit() or not 0 < len(token) <= 100:
        return None
    return user_id, token


def start_login_session(session: Session, user: User) -> str:
    """Record a new sign-in of ``user`` (not committed) and return its secret token.

    ``user`` is marked with the token, so ``user.get_id()``, which Flask-Login puts in the session
    and the remember-me cookie, names this sign-in. Only the token's SHA-256 is stored.
    """
    session.execute(
        delete(LoginSession).where(
            LoginSession.user_id == user.id,
            LoginSession.revoked_at < utcnow() - ENDED_SIGN_INS_KEPT,
        )
    )
    token = secrets.token_urlsafe(32)
    session.add(LoginSession(user_id=user.id, token_sha256=_token_digest(token)))
    session.flush()
    user.attach_login_token(token)
    return token


def user_for_login_session(session: Session, identity: str | None) -> User | None:
    """The active user of the sign-in that ``identity`` names; None when it has ended or is unknown.

    Identities without a token (sessions from before sign-ins were recorded) are refused.
    """
    parsed = _parse_identity(identity)
    if parsed is None:
        return None
    user_id, token = parsed
    user = session.scalar(
        select(User)
        .join(LoginSession, LoginSession.user_id == User.id)
        .where(LoginSession.token_sha256 == _token_digest(token), LoginSession.revoked_at.is_(None))
    )
    if user is None or str(user.id) != user_id or not user.active:
        return None
    user.attach_login_token(token)
    return user


def end_login_session(session: Session, identity: str | None) -> bool:
    """End the sign-in that ``identity`` names (not committed); False when there was none."""
    parsed = _parse_identity(identity)
    if parsed is None:
        return False
    user_id, token = parsed
    row = session.scalar(
        select(LoginSession).where(LoginSession.token_sha256 == _token_digest(token))
    )
    if row is None or str(row.user_id) != user_id or row.revoked_at is not None:
        return False
    row.revoked_at = utcnow()
    return True


def end_all_login_sessions(session: Session, user: User) -> int:
    """End every sign-in of ``user`` in every browser (not committed); how many were open."""
    result = session.execute(
        update(LoginSession)
        .where(LoginSession.user_id == user.id, LoginSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return result.rowcount or 0
