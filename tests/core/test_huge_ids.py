"""An id beyond what a database column holds, in any URL, is "not found" (404) — never a server
error — for every role, anonymous included. (Issue #7, defect 2.)"""

from __future__ import annotations

import pytest
from flask import Flask
from werkzeug.routing import IntegerConverter

from catalogue.core.permissions import ANONYMOUS
from tests.conftest import login
from tests.core.test_permissions import _url_args
from tests.factories import PASSWORD, World, build_world

HUGE = [2**63, 10**20, 2**31]
SENTINEL = 7654321


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


@pytest.mark.parametrize("role", [ANONYMOUS, "facilitator", "producer"])
def test_every_route_with_an_id_beyond_any_column_answers_404(
    app: Flask, world: World, role: str
) -> None:
    client = app.test_client()
    if role != ANONYMOUS:
        assert login(client, world.emails[role], PASSWORD).status_code == 302
    app.config["WTF_CSRF_ENABLED"] = False
    walked, problems = 0, []
    try:
        for rule in app.url_map.iter_rules():
            ids = [n for n, conv in rule._converters.items() if isinstance(conv, IntegerConverter)]
            if not ids:
                continue
            for huge in HUGE:
                # Built with a sentinel id, then the digits swapped: building refuses huge ids.
                args = {**_url_args(world), **dict.fromkeys(ids, SENTINEL)}
                url = rule.build({n: args[n] for n in rule.arguments})[1]
                url = url.replace(str(SENTINEL), str(huge))
                for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                    response = client.open(url, method=method)
                    walked += 1
                    if response.status_code != 404:
                        problems.append(f"{method} {url}: {response.status_code}")
                    response.close()
    finally:
        app.config["WTF_CSRF_ENABLED"] = True
    assert walked > 20
    assert problems == []


@pytest.mark.parametrize("huge", [str(2**63), str(10**20)])
def test_an_id_beyond_any_column_in_a_form_is_refused_not_a_server_error(
    app: Flask, world: World, huge: str
) -> None:
    from tests.conftest import csrf_from

    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    token = csrf_from(client, "/account/tokens/")
    response = client.post("/account/tokens/", data={"csrf_token": token, "revoke-token_id": huge})
    assert response.status_code in (400, 404)
