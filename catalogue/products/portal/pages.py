"""A product in the portal: adding it, its checklist page, its name, texts and facts, sending
it for review, and withdrawing a change that waits for review."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from catalogue.core.forms import save_form
from catalogue.core.labels import category_labels
from catalogue.core.permissions import requires
from catalogue.core.validation import ValidationError
from catalogue.extensions import db
from catalogue.producers.models import Producer
from catalogue.products import revisions, workflow
from catalogue.products import services as product_services
from catalogue.products.forms import (
    DiscardChangeForm,
    SubmitForm,
    fill_product_choices,
    product_form_class,
)
from catalogue.products.models import Product
from catalogue.products.portal.common import (
    Page,
    bp,
    flash_saved,
    languages,
    producer_of,
    product_of,
    product_url,
    render,
)


def text_alias(key: str) -> str:
    """A service's field name as the form's: "text.es.name" → "name_es"; "tags.3" → "tags"."""
    if key.startswith("text.") and key.count(".") == 2:
        _prefix, lang, field = key.split(".", 2)
        return f"{field}_{lang}"
    return key.split(".", 1)[0]


def _product_fields(form: Any) -> dict[str, Any]:
    split = [s.strip() for s in (form.tags.data or "").split(",") if s.strip()]
    materials = [s.strip() for s in (form.materials.data or "").split(",") if s.strip()]
    fields: dict[str, Any] = {
        "category": form.category.data,
        "tags": split,
        "materials": materials,
        "colours": list(form.colours.data or []),
        "is_food": form.is_food.data,
        "perishable": form.perishable.data,
    }
    for name in ("length_mm", "width_mm", "height_mm", "weight_g", "shelf_life_days"):
        value = (getattr(form, name).data or "").strip()
        fields[name] = value or None
    return fields


def _save_product(form: Any, producer: Producer, product: Product | None) -> Product:
    texts = {
        lang: {
            "name": getattr(form, f"name_{lang}").data or "",
            "description": getattr(form, f"description_{lang}").data or "",
            "story": getattr(form, f"story_{lang}").data or "",
        }
        for lang in languages()
    }
    return product_services.save_product(
        db.session,
        producer,
        product,
        sku=form.sku.data or "",
        facts=_product_fields(form),
        texts=texts,
        actor=current_user,
        drop_blank_texts=True,
    )


def _fill_product_form(form: Any, product: Product) -> None:
    form.sku.data, form.category.data = product.sku, product.category
    form.tags.data = ", ".join(t.slug for t in product.tags)
    form.materials.data = ", ".join(product.materials)
    form.colours.data = list(product.colours)
    for name in ("length_mm", "width_mm", "height_mm", "weight_g", "shelf_life_days"):
        value = getattr(product, name)
        getattr(form, name).data = "" if value is None else str(value)
    form.is_food.data, form.perishable.data = product.is_food, product.perishable
    for text in product.texts:
        if hasattr(form, f"name_{text.locale}"):
            getattr(form, f"name_{text.locale}").data = text.name
            getattr(form, f"description_{text.locale}").data = text.description
            getattr(form, f"story_{text.locale}").data = text.story


def _product_form() -> Any:
    form = product_form_class(languages())()
    fill_product_choices(form, category_labels())
    return form


@bp.route("/products/new", methods=["GET", "POST"])
@requires("producer.edit")
def new_product(network_slug: str, producer_slug: str) -> Page:
    """Add a product: its code, name, texts and facts."""
    producer = producer_of(producer_slug)
    form = _product_form()

    done = save_form(form, lambda: _save_product(form, producer, None), text_alias)
    if done.result is not None:
        flash(_("Product added. Now add its capacity, prices and photos."), "success")
        return redirect(product_url(done.result))
    return render("portal/details.html", done.status, producer=producer, product=None, form=form)


@bp.route("/products/<int:product_id>")
@requires("producer.edit")
def product(network_slug: str, producer_slug: str, product_id: int) -> str:
    """The product's checklist, showing the version she edits (her pending change if any)."""
    producer = producer_of(producer_slug)
    item = product_of(producer, product_id).editing
    return render_template(
        "portal/product.html",
        producer=producer,
        product=item,
        submit_form=SubmitForm(),
        discard_form=DiscardChangeForm(prefix="discard"),
        missing=workflow.missing_for_review(item),
        changed=revisions.changed_parts(item),
    )


@bp.route("/products/<int:product_id>/details", methods=["GET", "POST"])
@requires("producer.edit")
def details(network_slug: str, producer_slug: str, product_id: int) -> Page:
    """Her product's code, name, description, story and facts."""
    producer = producer_of(producer_slug)
    item = product_of(producer, product_id)
    form = _product_form()
    if request.method == "GET":
        _fill_product_form(form, item.editing)

    done = save_form(form, lambda: _save_product(form, producer, item), text_alias)
    if done.result is not None:
        flash_saved(done.result)
        return redirect(product_url(item))
    return render(
        "portal/details.html", done.status, producer=producer, product=item.editing, form=form
    )


@bp.route("/products/<int:product_id>/submit", methods=["POST"])
@requires("producer.edit")
def submit(network_slug: str, producer_slug: str, product_id: int) -> Response:
    """Send the product, or her change to it, for review."""
    producer = producer_of(producer_slug)
    item = product_of(producer, product_id)
    if not SubmitForm().validate_on_submit():
        abort(400)
    try:
        sent = workflow.submit(db.session, item, current_user)
    except ValidationError as exc:
        db.session.rollback()
        for message in exc.errors.values():
            flash(message, "error")
    else:
        db.session.commit()
        if workflow.is_pending_change(sent):
            flash(
                _(
                    "Your change is waiting for your facilitator's review; "
                    "buyers still see the approved version."
                ),
                "success",
            )
        else:
            flash(_("Sent for review. Your facilitator will look at it."), "success")
    return redirect(product_url(item))


@bp.route("/products/<int:product_id>/change/discard", methods=["POST"])
@requires("producer.edit")
def discard_change(network_slug: str, producer_slug: str, product_id: int) -> Response:
    """Withdraw the change waiting for review: the approved version stays as it is."""
    producer = producer_of(producer_slug)
    item = product_of(producer, product_id)
    if not DiscardChangeForm(prefix="discard").validate_on_submit():
        abort(400)
    if workflow.discard_change(db.session, item, current_user):
        db.session.commit()
        flash(_("Your change is withdrawn. Buyers see the approved version."), "success")
    return redirect(product_url(item))
