"""The producer portal: her profile, her products, their text, capacity, prices, photos and
costing. Facilitators of the network use the same pages for their producers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel.numbers import get_currency_precision
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from catalogue.core.forms import save_form
from catalogue.core.labels import category_labels
from catalogue.core.loading import load, load_by
from catalogue.core.permissions import requires
from catalogue.core.validation import ValidationError
from catalogue.extensions import db
from catalogue.media import services as media_services
from catalogue.media.models import ProductImage
from catalogue.producers import services as producer_services
from catalogue.producers.forms import community_choices, profile_form_class
from catalogue.producers.models import Producer, ProducerContact
from catalogue.products import costing, workflow
from catalogue.products import services as product_services
from catalogue.products.forms import (
    CapacityForm,
    CostingForm,
    PhotoActionForm,
    PhotoUploadForm,
    PriceForm,
    RemovePriceForm,
    SubmitForm,
    fill_product_choices,
    product_form_class,
)
from catalogue.products.models import Product

bp = Blueprint("portal", __name__, url_prefix="/n/<network_slug>/p/<producer_slug>")

Page = str | Response | tuple[str, int]


def _languages() -> tuple[str, ...]:
    return tuple(current_app.config["LANGUAGES"])


def _producer(producer_slug: str) -> Producer:
    return load_by(
        Producer,
        Producer.network_id == g.network.id,
        Producer.slug == producer_slug,
        allowed=lambda p: p.can_edit(current_user),
    )


def _product(producer: Producer, product_id: int) -> Product:
    return load(Product, product_id, lambda p: p.producer_id == producer.id)


def _render(template: str, status: int, **context: Any) -> tuple[str, int]:
    return render_template(template, **context), status


def _product_url(product: Product, endpoint: str = "portal.product") -> str:
    return url_for(
        endpoint,
        network_slug=g.network.slug,
        producer_slug=product.producer.slug,
        product_id=product.id,
    )


@bp.route("/profile", methods=["GET", "POST"])
@requires("producer.edit")
def profile(network_slug: str, producer_slug: str) -> Page:
    producer = _producer(producer_slug)
    contact = db.session.get(ProducerContact, producer.id)
    form = profile_form_class(_languages())()
    form.community_type.choices = community_choices()
    if request.method == "GET":
        form.display_name.data, form.region.data = producer.display_name, producer.region
        form.economy.data, form.languages.data = producer.economy, ", ".join(producer.languages)
        form.founded_year.data = str(producer.founded_year or "")
        form.community_type.data = producer.community_type or ""
        form.women_led.data = {True: "yes", False: "no"}.get(producer.women_led, "")
        form.women_workers.data = str(producer.women_workers or "")
        form.total_workers.data = str(producer.total_workers or "")
        form.consent_public_profile.data = producer.consent_public_profile
        form.consent_share_identity.data = producer.consent_share_identity
        for lang in _languages():
            getattr(form, f"story_{lang}").data = producer.story.get(lang, "")
        if contact:
            form.owner_names.data, form.email.data = contact.owner_names, contact.email
            form.phone.data, form.address.data = contact.phone, contact.address

    def save() -> None:
        data = {name: field.data for name, field in form._fields.items() if name != "csrf_token"}
        data["story"] = {lang: data.pop(f"story_{lang}") or "" for lang in _languages()}
        producer_services.update_profile(db.session, producer, data, current_user)

    done = save_form(form, save)
    if done.saved:
        flash(_("Your profile is saved."), "success")
        return redirect(
            url_for("producers.mine", network_slug=network_slug, producer_slug=producer.slug)
        )
    status = done.status
    return _render("portal/profile.html", status, producer=producer, form=form)


def _text_alias(key: str) -> str:
    # service field "text.es.name" → form field "name_es"; "tags.3" → "tags"
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
        for lang in _languages()
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
    form = product_form_class(_languages())()
    fill_product_choices(form, category_labels())
    return form


@bp.route("/products/new", methods=["GET", "POST"])
@requires("producer.edit")
def new_product(network_slug: str, producer_slug: str) -> Page:
    producer = _producer(producer_slug)
    form = _product_form()

    done = save_form(form, lambda: _save_product(form, producer, None), _text_alias)
    if done.result is not None:
        flash(_("Product added. Now add its capacity, prices and photos."), "success")
        return redirect(_product_url(done.result))
    return _render("portal/details.html", done.status, producer=producer, product=None, form=form)


@bp.route("/products/<int:product_id>")
@requires("producer.edit")
def product(network_slug: str, producer_slug: str, product_id: int) -> str:
    producer = _producer(producer_slug)
    item = _product(producer, product_id)
    return render_template(
        "portal/product.html",
        producer=producer,
        product=item,
        submit_form=SubmitForm(),
        missing=workflow.missing_for_review(item),
    )


@bp.route("/products/<int:product_id>/details", methods=["GET", "POST"])
@requires("producer.edit")
def details(network_slug: str, producer_slug: str, product_id: int) -> Page:
    producer = _producer(producer_slug)
    item = _product(producer, product_id)
    form = _product_form()
    if request.method == "GET":
        _fill_product_form(form, item)

    done = save_form(form, lambda: _save_product(form, producer, item), _text_alias)
    if done.saved:
        flash(_("Saved."), "success")
        return redirect(_product_url(item))
    return _render("portal/details.html", done.status, producer=producer, product=item, form=form)


@bp.route("/products/<int:product_id>/capacity", methods=["GET", "POST"])
@requires("producer.edit")
def capacity(network_slug: str, producer_slug: str, product_id: int) -> Page:
    producer = _producer(producer_slug)
    item = _product(producer, product_id)
    form = CapacityForm()
    form.fill_months()
    cap = item.capacity
    if request.method == "GET":
        form.units_per_month.data = str(cap.units_per_month) if cap else ""
        form.lead_time_days.data = str(cap.lead_time_days) if cap else "0"
        form.min_order.data = str(cap.min_order) if cap else "1"
        form.case_multiple.data = str(cap.case_multiple) if cap else "1"
        form.months.data = [str(m) for m in (cap.months if cap else range(1, 13))]

    def save() -> None:
        product_services.set_capacity(
            db.session,
            item,
            {
                "units_per_month": form.units_per_month.data,
                "lead_time_days": form.lead_time_days.data or 0,
                "min_order": form.min_order.data or 1,
                "case_multiple": form.case_multiple.data or 1,
                "months": list(form.months.data or []),
            },
            actor=current_user,
        )

    done = save_form(form, save, _text_alias)
    if done.saved:
        flash(_("Saved."), "success")
        return redirect(_product_url(item))
    status = done.status
    return _render("portal/capacity.html", status, producer=producer, product=item, form=form)


def _amount(value: Decimal | None, currency: str) -> str:
    """An amount for an input field: plain digits, only the decimals the currency uses."""
    if value is None:
        return ""
    places = get_currency_precision(currency)
    return f"{value.quantize(Decimal(1).scaleb(-places))}"


def _parse_tiers(text: str) -> list[dict[str, str]]:
    tiers = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        quantity, _sep, price = line.partition(":")
        tiers.append({"min_quantity": quantity.strip(), "unit_price": price.strip()})
    return tiers


def _tier_alias(key: str) -> str:
    return "tiers" if key.startswith("tiers") else key


@bp.route("/products/<int:product_id>/prices", methods=["GET", "POST"])
@requires("producer.edit")
def prices(network_slug: str, producer_slug: str, product_id: int) -> Page:
    producer = _producer(producer_slug)
    item = _product(producer, product_id)
    form = PriceForm()
    remove = RemovePriceForm(prefix="remove")
    if request.method == "GET":
        form.currency.data = request.args.get("currency") or g.network.default_currency
        existing = next((p for p in item.price_ranges if p.currency == form.currency.data), None)
        if existing:
            cur = existing.currency
            form.wholesale_min.data = _amount(existing.wholesale_min, cur)
            form.wholesale_max.data = _amount(existing.wholesale_max, cur)
            form.retail_min.data = _amount(existing.retail_min, cur)
            form.retail_max.data = _amount(existing.retail_max, cur)
            form.tiers.data = "\n".join(
                f"{t.min_quantity}: {_amount(t.unit_price, cur)}" for t in existing.tiers
            )
    if request.method == "POST" and "remove-currency" in request.form:
        if remove.validate_on_submit():
            product_services.remove_price_range(
                db.session, item, remove.currency.data or "", actor=current_user
            )
            db.session.commit()
            flash(_("Price removed."), "success")
            return redirect(_product_url(item, "portal.prices"))
        status = 400
    else:

        def save() -> None:
            product_services.set_price_range(
                db.session,
                item,
                form.currency.data or "",
                {
                    "wholesale_min": form.wholesale_min.data,
                    "wholesale_max": form.wholesale_max.data,
                    "retail_min": form.retail_min.data or None,
                    "retail_max": form.retail_max.data or None,
                    "tiers": _parse_tiers(form.tiers.data or ""),
                },
                actor=current_user,
                locale=str(get_locale()),
            )

        done = save_form(form, save, _tier_alias)
        if done.saved:
            flash(_("Saved."), "success")
            return redirect(_product_url(item))
        status = done.status
    warning = None
    if item.cost is not None:
        computed = costing.costing_of(item.cost)
        low = [
            p
            for p in item.price_ranges
            if p.currency == item.cost.currency and costing.below_guideline(p, computed)
        ]
        if low:
            warning = computed
    return _render(
        "portal/prices.html",
        status,
        producer=producer,
        product=item,
        form=form,
        remove=remove,
        warning=warning,
    )


@bp.route("/products/<int:product_id>/photos", methods=["GET", "POST"])
@requires("producer.edit")
def photos(network_slug: str, producer_slug: str, product_id: int) -> Page:
    producer = _producer(producer_slug)
    item = _product(producer, product_id)
    form = PhotoUploadForm()

    def add() -> None:
        upload = form.photo.data
        media_services.add_photo(db.session, item, upload.read(), upload.filename, current_user)

    done = save_form(form, add)
    if done.saved:
        flash(_("Photo added. It is being prepared."), "success")
        return redirect(_product_url(item, "portal.photos"))
    status = done.status
    return _render(
        "portal/photos.html",
        status,
        producer=producer,
        product=item,
        form=form,
        action_form=PhotoActionForm(),
    )


@bp.route("/products/<int:product_id>/photos/<int:image_id>", methods=["POST"])
@requires("producer.edit")
def photo_action(network_slug: str, producer_slug: str, product_id: int, image_id: int) -> Page:
    producer = _producer(producer_slug)
    item = _product(producer, product_id)
    image = load(ProductImage, image_id, lambda i: i.product_id == item.id)
    form = PhotoActionForm()
    if not form.validate_on_submit():
        abort(400)
    action = form.action.data
    try:
        if action in ("up", "down"):
            step = -1 if action == "up" else 1
            media_services.move_photo(db.session, item, image, step, actor=current_user)
        elif action == "cover":
            media_services.set_cover(db.session, item, image, actor=current_user)
        elif action == "alt":
            locale, alt = str(get_locale()), form.alt_text.data or ""
            media_services.set_alt_text(db.session, image, locale, alt, actor=current_user)
        elif action == "remove":
            media_services.remove_photo(db.session, item, image, actor=current_user)
        else:
            abort(400)
    except ValidationError as exc:
        db.session.rollback()
        for message in exc.errors.values():
            flash(message, "error")
    else:
        db.session.commit()
    return redirect(_product_url(item, "portal.photos"))


@bp.route("/products/<int:product_id>/submit", methods=["POST"])
@requires("producer.edit")
def submit(network_slug: str, producer_slug: str, product_id: int) -> Response:
    producer = _producer(producer_slug)
    item = _product(producer, product_id)
    if not SubmitForm().validate_on_submit():
        abort(400)
    try:
        workflow.submit(db.session, item, current_user)
    except ValidationError as exc:
        db.session.rollback()
        for message in exc.errors.values():
            flash(message, "error")
    else:
        db.session.commit()
        flash(_("Sent for review. Your facilitator will look at it."), "success")
    return redirect(_product_url(item))


@bp.route("/products/<int:product_id>/costing", methods=["GET", "POST"])
@requires("producer.edit")
def costing_page(network_slug: str, producer_slug: str, product_id: int) -> Page:
    producer = _producer(producer_slug)
    item = _product(producer, product_id)
    form = CostingForm()
    cost = item.cost
    if request.method == "GET":
        form.currency.data = cost.currency if cost else g.network.default_currency
        if cost:
            form.materials.data = _amount(cost.materials, cost.currency)
            form.hours.data = str(cost.hours.normalize())
            form.hourly_rate.data = _amount(cost.hourly_rate, cost.currency)
            form.overhead_percent.data = str(cost.overhead_percent)
    done = save_form(form, lambda: costing.save_costing(db.session, item, form.data))
    status = done.status
    # What is stored: the new costing once saved, else the one from before (nothing changed).
    result = done.result if done.saved else costing.costing_of(cost) if cost else None
    below = []
    if result is not None and item.cost is not None:
        below = [
            p
            for p in item.price_ranges
            if p.currency == item.cost.currency and costing.below_guideline(p, result)
        ]
    return _render(
        "portal/costing.html",
        status,
        producer=producer,
        product=item,
        form=form,
        result=result,
        below=below,
    )
