"""The search endpoint: public products of a network, found by words, filtered and faceted."""

from __future__ import annotations

from typing import Any

from flask import g, request
from flask_babel import get_locale

from catalogue.api import bp
from catalogue.api.schemas import SearchOut, SearchParams
from catalogue.api.spec import endpoint
from catalogue.core.schema import validate
from catalogue.search import Query, get_search


@endpoint(
    bp,
    "GET",
    "/networks/<network_slug>/search",
    "Search a network's public products (words, filters, facets, sort, pages)",
    action="network.view",
    query=SearchParams,
    response=SearchOut,
    public=True,
)
def search(network_slug: str) -> dict[str, Any]:
    params = validate(SearchParams, request.args.to_dict(flat=True))
    filters = {
        name: value
        for name in ("category", "region", "colour", "price_band", "lead_band")
        if (value := getattr(params, name))
    }
    results = get_search().backend.query(
        Query(
            text=params.q,
            network=g.network.slug,
            filters={"kind": "product", **filters},
            sort=params.sort,
            page=params.page,
            per_page=params.per_page,
            locale=params.locale or str(get_locale()),
        )
    )
    return SearchOut(
        total=results.total,
        page=results.page,
        per_page=results.per_page,
        hits=[h.__dict__ for h in results.hits],  # type: ignore[misc]
        facets=results.facets,
        suggestion=results.suggestion,
    ).model_dump(mode="json")
