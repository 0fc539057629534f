"""Step 4: arrangement: sections, order, pinned items first, moving items up and down."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import flash, redirect, request
from flask_babel import gettext as _
from flask_login import current_user

from catalogue.catalogues import arrangement
from catalogue.catalogues.forms import (
    ArrangementForm,
    ItemActionForm,
)
from catalogue.catalogues.models import Catalogue, CatalogueItem
from catalogue.catalogues.steps.choosing import selection_buttons
from catalogue.catalogues.steps.common import (
    Page,
    item_of,
    paged_url_args,
    render_step,
    run_button,
    step_url,
)
from catalogue.core.paging import page_number, page_of
from catalogue.extensions import db

# Items a page: each row carries its buttons, so a catalogue of 1,000 is paged.
ITEMS_PER_PAGE = 50


def arrangement_step(catalogue: Catalogue) -> Page:
    action = request.form.get("action") if request.method == "POST" else None
    if action in ("up", "down", "pin", "unpin"):

        def move(form: ItemActionForm) -> None:
            item = item_of(catalogue, form.item_id.data)
            direction = -1 if form.action.data == "up" else 1
            arrangement.move_item(catalogue, item, direction, actor=current_user)

        buttons = selection_buttons(catalogue)
        return run_button(
            catalogue,
            "arrangement",
            {"up": move, "down": move, "pin": buttons["pin"], "unpin": buttons["unpin"]},
            **paged_url_args(),
        )
    form = ArrangementForm()
    if not form.is_submitted():
        form.group_by.data, form.sort_by.data = catalogue.group_by, catalogue.sort_by
    status = 200
    if form.validate_on_submit():
        arrangement.set_arrangement(
            catalogue, group_by=form.group_by.data, sort_by=form.sort_by.data, actor=current_user
        )
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(step_url(catalogue, "arrangement"))
    if form.is_submitted():
        status = 400
    page = page_of(
        [(s, i) for s in arrangement.arranged(catalogue) for i in s.items],
        page_number(request.args),
        ITEMS_PER_PAGE,
    )
    return render_step(
        "catalogues/arrangement.html",
        catalogue,
        "arrangement",
        status,
        form=form,
        page=page,
        sections=sections_of(page.items),
        capacity_of=arrangement.capacity_of,
    )


def sections_of(rows: Sequence[tuple[arrangement.Section, CatalogueItem]]) -> list[Any]:
    """The sections of a page of ``(section, item)`` rows, with the page's items only (a section
    cut by the end of a page goes on at the start of the next)."""
    shown: list[arrangement.Section] = []
    for section, item in rows:
        if not shown or shown[-1].key != section.key:
            shown.append(arrangement.Section(section.key, section.title))
        shown[-1].items.append(item)
    return shown
