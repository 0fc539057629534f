"""The OpenAPI 3.1 document, generated from the ``@endpoint`` declarations."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from catalogue.core.permissions import requires

_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
_NON_WORD = re.compile(r"\W+")


@dataclass
class Endpoint:
    method: str
    path: str
    summary: str
    body: dict[str, Any] | None = None
    multipart: bool = False
    response: dict[str, Any] = field(default_factory=lambda: {"type": "object"})
    status: int = 200


ENDPOINTS: list[Endpoint] = []


def endpoint(
    bp: Any, method: str, rule: str, summary: str, *, action: str = "api.use", **spec: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a route on ``bp`` and describe it for the OpenAPI document."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        ENDPOINTS.append(Endpoint(method.upper(), rule, summary, **spec))
        guarded = requires(action)(view)
        bp.add_url_rule(rule, endpoint=f"{view.__name__}", view_func=guarded, methods=[method])
        return guarded

    return decorator


def _openapi_path(prefix: str, rule: str) -> tuple[str, list[dict[str, Any]]]:
    params = []
    for converter, name in _CONVERTER.findall(rule):
        params.append(
            {
                "name": name,
                "in": "path",
                "required": True,
                "schema": {"type": "integer" if converter == "int" else "string"},
            }
        )
    return prefix + _CONVERTER.sub(r"{\2}", rule), params


def openapi_document(prefix: str, schemas: dict[str, Any]) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for ep in ENDPOINTS:
        path, params = _openapi_path(prefix, ep.path)
        operation: dict[str, Any] = {
            "summary": ep.summary,
            "operationId": ep.method.lower() + "_" + _NON_WORD.sub("_", ep.path).strip("_"),
            "parameters": params,
            "responses": {
                str(ep.status): {
                    "description": "OK",
                    "content": {"application/json": {"schema": ep.response}},
                },
                "400": {"$ref": "#/components/responses/Invalid"},
                "401": {"$ref": "#/components/responses/Error"},
                "403": {"$ref": "#/components/responses/Error"},
                "404": {"$ref": "#/components/responses/Error"},
            },
        }
        if ep.body is not None:
            media = "multipart/form-data" if ep.multipart else "application/json"
            operation["requestBody"] = {"required": True, "content": {media: {"schema": ep.body}}}
        if ep.path == "/openapi.json":
            operation["security"] = []
            operation["responses"] = {"200": {"description": "This document"}}
        paths.setdefault(path, {})[ep.method.lower()] = operation
    error = {
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {
                    "code": {"type": "integer"},
                    "message": {"type": "string"},
                    "fields": {"type": "object", "additionalProperties": {"type": "string"}},
                },
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "catalogue API",
            "version": "1",
            "description": "Producers, products, photos, capacity and prices. "
            "Authenticate with `Authorization: Bearer <token>` (tokens at "
            "/account/tokens) or a browser session plus `X-CSRFToken`.",
        },
        "paths": paths,
        "components": {
            "schemas": {**schemas, "Error": error},
            "responses": {
                "Error": {
                    "description": "Refused",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                },
                "Invalid": {
                    "description": "Invalid input; `fields` names each field",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                },
            },
            "securitySchemes": {
                "token": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "session"},
            },
        },
        "security": [{"token": []}, {"session": []}],
    }
