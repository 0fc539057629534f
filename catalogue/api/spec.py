"""The OpenAPI 3.1 document, generated from the ``@endpoint`` declarations and the pydantic
models they name: the bodies the API validates and the responses it sends."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from catalogue.core.permissions import requires

_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
_NON_WORD = re.compile(r"\W+")
REF = "#/components/schemas/{model}"


@dataclass(frozen=True)
class Partial:
    """A body of which every field is optional (PATCH): the model's fields, none required."""

    model: type[BaseModel]


@dataclass
class Endpoint:
    method: str
    path: str
    summary: str
    body: type[BaseModel] | Partial | None = None
    multipart: bool = False
    response: Any = None  # a model, list[model], or None for the document itself
    status: int = 200
    query: type[BaseModel] | None = None  # the query string's parameters
    public: bool = False  # answered without a token or session


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


def _parameters(prefix: str, rule: str) -> tuple[str, list[dict[str, Any]]]:
    params = []
    for converter, name in _CONVERTER.findall(rule):
        schema: dict[str, Any] = {"type": "string", "maxLength": 100}
        if converter == "int":
            schema = {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}
        params.append({"name": name, "in": "path", "required": True, "schema": schema})
    return prefix + _CONVERTER.sub(r"{\2}", rule), params


def _query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    schema = model.model_json_schema()
    return [
        {"name": name, "in": "query", "required": False, "schema": prop}
        for name, prop in schema.get("properties", {}).items()
    ]


def _model_of(declared: Any) -> type[BaseModel] | None:
    if isinstance(declared, Partial):
        return declared.model
    if get_origin(declared) is list:
        return get_args(declared)[0]
    return declared if isinstance(declared, type) and issubclass(declared, BaseModel) else None


def _ref(model: type[BaseModel], suffix: str = "") -> dict[str, str]:
    return {"$ref": REF.format(model=model.__name__ + suffix)}


def _response_schema(declared: Any) -> dict[str, Any]:
    if get_origin(declared) is list:
        return {"type": "array", "items": _ref(get_args(declared)[0])}
    return _ref(declared)


def _components() -> dict[str, Any]:
    wanted: list[tuple[type[BaseModel], Any]] = []
    for ep in ENDPOINTS:
        if ep.body is not None and not ep.multipart:
            wanted.append((_model_of(ep.body), "validation"))  # type: ignore[arg-type]
        if _model_of(ep.response) is not None:
            wanted.append((_model_of(ep.response), "serialization"))  # type: ignore[arg-type]
    unique = list(dict.fromkeys(wanted))
    _keys, document = models_json_schema(unique, ref_template=REF)
    schemas: dict[str, Any] = document.get("$defs", {})
    for ep in ENDPOINTS:
        if isinstance(ep.body, Partial):
            name = ep.body.model.__name__
            partial = copy.deepcopy(schemas[name])
            partial.pop("required", None)
            partial["title"] = f"{name} (every field optional)"
            schemas[name + "Patch"] = partial
    return schemas


def openapi_document(prefix: str) -> dict[str, Any]:
    """The API described: paths, bodies, responses and their schemas."""
    paths: dict[str, Any] = {}
    for ep in ENDPOINTS:
        path, params = _parameters(prefix, ep.path)
        operation: dict[str, Any] = {
            "summary": ep.summary,
            "operationId": ep.method.lower() + "_" + _NON_WORD.sub("_", ep.path).strip("_"),
            "parameters": params,
            "responses": {
                "400": {"$ref": "#/components/responses/Invalid"},
                "401": {"$ref": "#/components/responses/Error"},
                "403": {"$ref": "#/components/responses/Error"},
                "404": {"$ref": "#/components/responses/Error"},
                "429": {"$ref": "#/components/responses/Error"},
            },
        }
        if ep.query is not None:
            operation["parameters"] += _query_parameters(ep.query)
        if ep.public:
            operation["security"] = [{}, {"token": []}, {"session": []}]
        if ep.response is not None:
            operation["responses"][str(ep.status)] = {
                "description": "OK",
                "content": {"application/json": {"schema": _response_schema(ep.response)}},
            }
        if ep.body is not None:
            if ep.multipart:
                media = "multipart/form-data"
                schema = ep.body.model_json_schema()  # type: ignore[union-attr]
            else:
                media = "application/json"
                suffix = "Patch" if isinstance(ep.body, Partial) else ""
                schema = _ref(_model_of(ep.body), suffix)  # type: ignore[arg-type]
            operation["requestBody"] = {"required": True, "content": {media: {"schema": schema}}}
            operation["responses"]["413"] = {"$ref": "#/components/responses/Error"}
        if ep.path == "/openapi.json":
            operation["security"] = []
            operation["responses"] = {"200": {"description": "This document"}}
        paths.setdefault(path, {})[ep.method.lower()] = operation
    error = {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
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
            "schemas": {**_components(), "Error": error},
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
