"""What every builder step shares: the step bar, rendering, and one-button actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from catalogue.catalogues import themechoice
from catalogue.catalogues.forms import ItemActionForm
from catalogue.catalogues.models import Catalogue, CatalogueItem
from catalogue.core.forms import commit_or_flash
from catalogue.core.loading import parse_id
from catalogue.core.paging import page_number
from catalogue.extensions import db

Page = str | Response | tuple[str, int]
STEPS = ("theme", "selection", "pooling", "arrangement", "pricing", "check")


def step_labels() -> dict[str, str]:
    return {
        "theme": _("Theme"),
        "selection": _("Products"),
        "pooling": _("Pools"),
        "arrangement": _("Order"),
        "pricing": _("Prices"),
        "check": _("Check"),
        "preview": _("Preview"),
        "publish": _("Publish"),
    }


def step_url(catalogue: Catalogue, step: str, **args: Any) -> str:
    return url_for(
        "catalogues.step",
        network_slug=catalogue.network.slug,
        catalogue_slug=catalogue.slug,
        step=step,
        **args,
    )


def step_bar(catalogue: Catalogue, current: str = "") -> list[dict[str, Any]]:
    """The steps in order, each with its URL (None: not available yet). Without ``current``,
    the step of the page being shown (the editions pages include the bar too)."""
    if not current and request.endpoint:
        current = request.endpoint.rpartition(".")[2]
    labels = step_labels()
    bar = [
        {"key": s, "label": labels[s], "url": step_url(catalogue, s), "current": s == current}
        for s in STEPS
    ]
    for key, url in themechoice.edition_links(catalogue.network.slug, catalogue.slug).items():
        bar.append({"key": key, "label": labels[key], "url": url, "current": key == current})
    return bar


def render_step(
    template: str, catalogue: Catalogue, step: str, status: int = 200, **ctx: Any
) -> tuple[str, int]:
    page = render_template(
        template,
        network=catalogue.network,
        catalogue=catalogue,
        bar=step_bar(catalogue, step),
        step=step,
        **ctx,
    )
    return page, status


def paged_url_args() -> dict[str, Any]:
    """The page of a paged step the request came from (``?page=N``), to come back to it."""
    number = page_number(request.args)
    return {"page": number} if number > 1 else {}


def item_of(catalogue: Catalogue, raw: Any) -> CatalogueItem | None:
    wanted = parse_id(raw)
    item = db.session.get(CatalogueItem, wanted) if wanted is not None else None
    return item if item is not None and item.catalogue_id == catalogue.id else None


def run_button(
    catalogue: Catalogue, step: str, actions: dict[str, Callable[..., Any]], **args: Any
) -> Response:
    """Run one item button (an ``ItemActionForm``) and come back to the step (with ``args`` in
    its URL, such as the page the button was on)."""
    form = ItemActionForm()
    if not form.validate_on_submit() or form.action.data not in actions:
        abort(400)
    done = commit_or_flash(lambda: actions[form.action.data](form))
    if done.saved and done.result:
        flash(done.result, "success")
    return redirect(step_url(catalogue, step, **args))
