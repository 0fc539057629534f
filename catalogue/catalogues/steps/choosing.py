"""Steps 2 and 3: choosing the products (rules, by hand) and pooling them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import flash, redirect, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from catalogue.catalogues import arrangement, pooling, selection
from catalogue.catalogues.forms import ItemActionForm, PoolForm, RulesForm, SearchForm
from catalogue.catalogues.models import Catalogue
from catalogue.catalogues.steps.common import (
    Page,
    item_of,
    paged_url_args,
    render_step,
    run_button,
    step_url,
)
from catalogue.core.forms import commit_or_flash, show_errors
from catalogue.core.labels import category_labels
from catalogue.core.paging import page_number, page_of
from catalogue.core.validation import ValidationError
from catalogue.extensions import db
from catalogue.producers.models import CommunityType, Producer
from catalogue.products.services import CATEGORIES

# The selection's items, a page at a time; the products the rules match, only the first few.
ITEMS_PER_PAGE = 50
PREVIEW_ROWS = 50


def _rules_data(form: RulesForm) -> dict[str, Any]:
    return {name: field.data for name, field in form._fields.items() if name != "csrf_token"}


def _rules_as_fields(rules: dict[str, Any]) -> dict[str, Any]:
    data = dict(rules)
    for name in ("tags", "economies"):
        data[name] = ", ".join(rules.get(name) or [])
    for name in ("price_min", "price_max", "min_capacity"):
        data[name] = "" if rules.get(name) is None else str(rules[name])
    return data


def _fill_rules_choices(form: RulesForm, catalogue: Catalogue) -> None:
    labels = category_labels()
    form.categories.choices = [SelectChoice(c, labels.get(c, c)) for c in CATEGORIES]
    regions = db.session.scalars(
        select(Producer.region).where(Producer.network_id == catalogue.network_id).distinct()
    ).all()
    regions = sorted(set(regions) | set(catalogue.rules.get("regions", [])))
    form.regions.choices = [SelectChoice(r, r) for r in regions]
    form.community_types.choices = [
        SelectChoice(c.value, label) for c, label in community_labels().items()
    ]


def community_labels() -> dict[CommunityType, str]:
    return {
        CommunityType.RURAL: _("rural"),
        CommunityType.URBAN: _("urban"),
        CommunityType.PERI_URBAN: _("peri-urban"),
        CommunityType.INDIGENOUS: _("indigenous"),
        CommunityType.ISLAND: _("island"),
    }


def selection_buttons(catalogue: Catalogue) -> dict[str, Callable[..., Any]]:
    def add(form: ItemActionForm) -> str:
        item = selection.add_product(
            db.session, catalogue, form.product_id.data, actor=current_user
        )
        return _("Added as %(code)s.", code=item.code)

    def exclude(form: ItemActionForm) -> str:
        selection.exclude_item(catalogue, item_of(catalogue, form.item_id.data), actor=current_user)
        return _("Removed. Its code stays reserved; the rules will not add it again.")

    def include(form: ItemActionForm) -> str:
        selection.include_item(catalogue, item_of(catalogue, form.item_id.data), actor=current_user)
        return _("Back in the catalogue, with its code.")

    def pin(form: ItemActionForm) -> str:
        selection.set_pinned(
            catalogue, item_of(catalogue, form.item_id.data), True, actor=current_user
        )
        return _("Pinned: it comes first in its section.")

    def unpin(form: ItemActionForm) -> str:
        selection.set_pinned(
            catalogue, item_of(catalogue, form.item_id.data), False, actor=current_user
        )
        return _("Unpinned.")

    return {"add": add, "exclude": exclude, "include": include, "pin": pin, "unpin": unpin}


def selection_step(catalogue: Catalogue) -> Page:
    action = request.form.get("action") if request.method == "POST" else None
    if action not in (None, "preview", "apply"):
        return run_button(catalogue, "selection", selection_buttons(catalogue), **paged_url_args())
    form = RulesForm()
    _fill_rules_choices(form, catalogue)
    if not form.is_submitted():
        form.process(data=_rules_as_fields(catalogue.rules or {}))
    status, rules = 200, None
    if form.validate_on_submit():
        try:
            if action == "apply":
                counts = selection.apply_rules(
                    db.session, catalogue, _rules_data(form), actor=current_user
                )
            else:
                rules = selection.parse_rules(_rules_data(form))
        except ValidationError as exc:
            db.session.rollback()
            for message in show_errors(form, exc):
                flash(message, "error")
            status = 400
        else:
            if action == "apply":
                db.session.commit()
                flash(
                    _(
                        "Rules applied: %(added)d added, %(dropped)d no longer match, "
                        "%(back)d back.",
                        **counts,
                    ),
                    "success",
                )
                return redirect(step_url(catalogue, "selection"))
    elif form.is_submitted():
        status = 400
    search = SearchForm(request.args)
    found = selection.search_products(db.session, catalogue, search.q.data or "")
    preview = selection.preview(db.session, catalogue, rules)
    return render_step(
        "catalogues/selection.html",
        catalogue,
        "selection",
        status,
        form=form,
        search=search,
        found=found,
        preview=preview,
        # The matches, the first few: the counts above them say how many there are in all.
        matches=preview.products[:PREVIEW_ROWS],
        previewing=rules is not None,
        page=page_of(
            sorted(catalogue.items, key=lambda i: i.code), page_number(request.args), ITEMS_PER_PAGE
        ),
    )


# --- pooling -------------------------------------------------------------------------------


def pooling_step(catalogue: Catalogue) -> Page:
    action = request.form.get("action") if request.method == "POST" else None
    if action == "split":

        def split(form: ItemActionForm) -> str:
            created = pooling.split_item(
                db.session, catalogue, item_of(catalogue, form.item_id.data), actor=current_user
            )
            return _("Pool split; new codes: %(codes)s.", codes=", ".join(i.code for i in created))

        return run_button(catalogue, "pooling", {"split": split})
    form = PoolForm()
    groups = pooling.candidates(catalogue)
    form.items.choices = [SelectChoice(str(i.id), i.code) for its in groups.values() for i in its]
    status = 200
    if form.validate_on_submit():
        done = commit_or_flash(
            lambda: pooling.merge_items(
                db.session,
                catalogue,
                form.items.data or [],
                same_item=bool(form.same_item.data),
                actor=current_user,
            )
        )
        status = done.status
        if done.result is not None:
            flash(_("Pooled as %(code)s.", code=done.result.code), "success")
            return redirect(step_url(catalogue, "pooling"))
    elif form.is_submitted():
        status = 400
    pools = [i for i in sorted(catalogue.items, key=lambda i: i.code) if i.pooled]
    return render_step(
        "catalogues/pooling.html",
        catalogue,
        "pooling",
        status,
        form=form,
        groups=groups,
        pools=pools,
        capacity_of=arrangement.capacity_of,
        labels=category_labels(),
    )
