"""Helpers shared by the API tests."""

from __future__ import annotations

import re

from flask import Flask

from tests.conftest import csrf_from, login
from tests.factories import PASSWORD, World


def api_token(app: Flask, world: World, role: str = "producer") -> str:
    """A personal API token made through the tokens page, as a user would make one."""
    client = app.test_client()
    login(client, world.emails[role], PASSWORD)
    page = client.post(
        "/account/tokens/",
        data={"csrf_token": csrf_from(client, "/account/tokens/"), "name": "phone app"},
    )
    match = re.search(r"<code>(cat_[^<]+)</code>", page.get_data(as_text=True))
    assert match, page.get_data(as_text=True)[:500]
    return match.group(1)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
