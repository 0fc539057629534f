"""Search tests start from an empty index: the app (and its index folder) is shared by a test
run, while each test's database changes are rolled back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from catalogue.search import get_search


@pytest.fixture
def search_app(app: Flask) -> Iterator[Flask]:
    get_search(app).backend.clear()
    yield app
    get_search(app).backend.clear()
