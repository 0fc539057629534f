"""Schemathesis drives the API from its own OpenAPI document, with a producer's token: bodies,
paths and values the document allows (positive) and ones it does not (negative). No answer is a
server error, and every answer the document describes matches it. (Issue #7, acceptance.)

The cases come from schemathesis's Hypothesis strategies and run in a plain pytest test: its
pytest plugin does not work with this pytest version."""

from __future__ import annotations

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.api import api_token, bearer
from tests.factories import World, build_world

EXAMPLES = 12  # per operation and mode: about 30 operations × 2 modes in CI time


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_never_fails_and_answers_as_its_document_says(
    app: Flask, world: World, mode: GenerationMode
) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    headers = bearer(api_token(app, world))
    # Odd ids are kept as generated (mostly "not found"); even ones name her own objects, so
    # that bodies reach the services.
    real = {
        "producer_id": world.producer_a_id,
        "product_id": world.product_a,
        "image_id": world.image_a,
    }
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            params = case.path_parameters or {}
            for name, value in real.items():
                if isinstance(params.get(name), int) and params[name] % 2 == 0:
                    params[name] = value
            case.call_and_validate(
                headers=headers, checks=[not_a_server_error, response_schema_conformance]
            )

        check()
