"""The one permission registry: every action named, with the roles allowed and a sentence.

Each view declares its action with ``@requires("name")``. The decorator checks the role (in the
network named by the URL when there is one); object checks are model methods such as
``product.can_edit(user)``, called by the view. ``tests/core/test_permissions.py`` walks the whole
URL map and fails on any route that has no action here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, abort, g, redirect, request, url_for
from flask_login import current_user

from catalogue.core.roles import Role

ANONYMOUS = "anonymous"
SIGNED_IN: frozenset[str] = frozenset(r.value for r in Role)
EVERYONE: frozenset[str] = SIGNED_IN | {ANONYMOUS}
MANAGERS: frozenset[str] = frozenset({Role.FACILITATOR.value, Role.ADMIN.value})


@dataclass(frozen=True)
class Action:
    name: str
    roles: frozenset[str]
    sentence: str

    @property
    def public(self) -> bool:
        return ANONYMOUS in self.roles


ACTIONS: dict[str, Action] = {}


def register(name: str, roles: frozenset[str] | set[str], sentence: str) -> Action:
    action = Action(name, frozenset(roles), sentence)
    ACTIONS[name] = action
    return action


register("site.view", EVERYONE, "Anyone may see the public pages, catalogues and assets.")
register("auth.login", EVERYONE, "Anyone may sign in, sign out and choose the interface language.")
register("account.view", SIGNED_IN, "A signed-in user sees her dashboard and account.")
register("network.view", EVERYONE, "Anyone may see a network's public page.")
register("producer.view", EVERYONE, "Anyone may see a consenting producer's public profile.")
register("product.view", EVERYONE, "Anyone may see an approved product of a public producer.")
register(
    "catalogue.browse",
    EVERYONE,
    "Anyone may browse a published catalogue on the web (wholesale prices: its network only).",
)
register("media.view", EVERYONE, "Anyone may fetch web-sized photos of public products.")
register(
    "producer.own",
    {Role.PRODUCER.value},
    "A producer sees her own producer profile and products, with private details.",
)
register(
    "producer.manage",
    MANAGERS,
    "Facilitators and admins see every producer of their network, private details included.",
)
register(
    "user.manage", MANAGERS, "Facilitators and admins list the network's users and add new ones."
)
register("audit.view", {Role.ADMIN.value}, "Admins read the network's audit trail.")
register(
    "user.grant_admin",
    {Role.ADMIN.value},
    "Only an admin may make someone an admin of her network (a facilitator may add every "
    "other role).",
)
PRODUCER_SIDE = frozenset({Role.PRODUCER.value}) | MANAGERS
register(
    "producer.edit",
    PRODUCER_SIDE,
    "A producer edits her own profile, products, photos, capacity and prices; facilitators "
    "edit those of their network's producers.",
)
register("product.review", MANAGERS, "Facilitators approve products or ask for changes.")
register("support.manage", MANAGERS, "Facilitators record the support each producer needs.")
register(
    "readiness.take",
    PRODUCER_SIDE,
    "A producer fills in the readiness checklist for herself; facilitators may fill it in "
    "with her.",
)
register("readiness.overview", MANAGERS, "Facilitators see every producer's latest results.")
register("import.run", MANAGERS, "Facilitators import producers and products in bulk.")
register(
    "catalogue.manage",
    MANAGERS,
    "Facilitators and admins build their network's catalogues: theme, products, pools, order, "
    "prices and the check before publishing.",
)
register(
    "catalogue.publish",
    MANAGERS,
    "Facilitators preview their network's catalogues, publish editions and download the files.",
)
register("token.manage", SIGNED_IN, "A signed-in user creates and revokes her own API tokens.")
register(
    "api.use",
    SIGNED_IN,
    "The JSON API needs a token or a session; each object is checked as on the pages.",
)
register("api.spec", EVERYONE, "Anyone may read the API's OpenAPI description.")

F = TypeVar("F", bound=Callable[..., Any])


def user_roles(network: Any | None) -> set[str]:
    """The current user's role names, in ``network`` when given, else in any network."""
    if not current_user.is_authenticated:
        return {ANONYMOUS}
    return {r.value for r in current_user.roles_in(network)}


def user_may(user: Any, action_name: str, network: Any) -> bool:
    """Whether ``user``'s roles in ``network`` allow the action (for checks inside services)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS in ACTIONS[action_name].roles
    return bool({r.value for r in user.roles_in(network)} & ACTIONS[action_name].roles)


def requires(action_name: str) -> Callable[[F], F]:
    """Declare the action a view performs and refuse users whose roles do not allow it."""
    action = ACTIONS[action_name]

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            network = _load_network(kwargs.get("network_slug"))
            if action.public:
                return view(*args, **kwargs)
            if not current_user.is_authenticated:
                if request.blueprint == "api":
                    abort(401)
                return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
            if not (user_roles(network) & action.roles):
                abort(403)
            return view(*args, **kwargs)

        wrapper.required_action = action_name  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorator


# How a URL's ``<network_slug>`` becomes a network: set at start-up by the networks domain
# (``catalogue.networks.models.network_by_slug``), so that this base layer knows no domain.
_network_by_slug: Callable[[str], Any | None] | None = None


def set_network_loader(loader: Callable[[str], Any | None]) -> None:
    """Tell the permission checks how to load the network a URL names."""
    global _network_by_slug
    _network_by_slug = loader


def _load_network(slug: str | None) -> Any | None:
    if slug is None:
        return None
    if _network_by_slug is None:
        raise RuntimeError("no network loader: create the app with catalogue.create_app()")
    network = _network_by_slug(slug)
    if network is None:
        abort(404)
    g.network = network
    return network


# Routes Flask adds itself, with the action they fall under.
BUILTIN_ENDPOINTS = {"static": "site.view"}


def action_for_endpoint(app: Flask, endpoint: str) -> Action | None:
    """The action a route was declared with (None when it has none: a gap in the registry)."""
    name = getattr(app.view_functions[endpoint], "required_action", None)
    name = name or BUILTIN_ENDPOINTS.get(endpoint)
    return ACTIONS.get(name) if name else None
