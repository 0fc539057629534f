"""Users, their roles in networks, their sign-ins, API tokens and the login-failure record."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.core.db import Base
from catalogue.core.roles import Role
from catalogue.core.types import UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from catalogue.networks.models import Network
    from catalogue.printshop.models import PrintShop
    from catalogue.producers.models import Producer


class User(UserMixin, Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("email = lower(email)", name="email_lowercase"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    locale: Mapped[str | None] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    # The secret of the sign-in this instance was loaded for (see ``get_id``), a str; set per
    # instance, never stored. Not annotated: the ORM would take the annotation for a column.
    _login_token = None

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def get_id(self) -> str:
        """Flask-Login's identity: ``"<id>:<token>"`` for the instance of a sign-in.

        The session and the remember-me cookie carry this value, so both name one
        :class:`LoginSession` and die with it. An instance loaded outside a sign-in has only its id.
        """
        if self._login_token is None:
            return str(self.id)
        return f"{self.id}:{self._login_token}"

    def attach_login_token(self, token: str) -> None:
        """Mark this instance as the user of the sign-in whose secret is ``token``."""
        self._login_token = token

    def __eq__(self, other: object) -> bool:
        # Users are equal by id, with or without a sign-in attached (UserMixin compares get_id).
        if isinstance(other, User):
            return self.id == other.id
        return NotImplemented

    __hash__ = object.__hash__  # as before: defining __eq__ would otherwise make users unhashable

    def roles_in(self, network: Network | None) -> set[Role]:
        """The roles this user holds in ``network`` (in any network when ``None``)."""
        return {m.role for m in self.memberships if network is None or m.network_id == network.id}

    def has_role(self, network: Network | None, *roles: Role) -> bool:
        return bool(self.roles_in(network) & set(roles))

    def producer_ids(self) -> set[int]:
        return {m.producer_id for m in self.memberships if m.producer_id is not None}

    def print_shop_ids(self) -> set[int]:
        return {m.print_shop_id for m in self.memberships if m.print_shop_id is not None}


class Membership(Base):
    """A user's role in a network; a producer or print-shop role names whom she acts for."""

    __tablename__ = "memberships"
    __table_args__ = (
        UniqueConstraint("user_id", "network_id", "role", "producer_id"),
        CheckConstraint(
            "role <> 'producer' OR producer_id IS NOT NULL", name="producer_role_has_producer"
        ),
        CheckConstraint(
            "role <> 'print_shop' OR print_shop_id IS NOT NULL",
            name="print_shop_role_has_print_shop",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"))
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id", ondelete="CASCADE"))
    print_shop_id: Mapped[int | None] = mapped_column(
        ForeignKey("print_shops.id", ondelete="CASCADE")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="memberships")
    network: Mapped[Network] = relationship()
    producer: Mapped[Producer | None] = relationship()
    print_shop: Mapped[PrintShop | None] = relationship()


class ApiToken(Base):
    """A personal API token; only its SHA-256 is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoginSession(Base):
    """One sign-in: its token is in the browser's session and remember-me cookies.

    Only the token's SHA-256 is kept, so the table cannot be replayed into cookies. Signing out
    revokes the row; a password change or deactivation revokes all the user's rows.
    """

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoginFailure(Base):
    """Recent failed logins per key (an e-mail or a client address), shared by all app workers."""

    __tablename__ = "login_failures"
    __table_args__ = (CheckConstraint("failures >= 0", name="failures_not_negative"),)

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    first_failed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
