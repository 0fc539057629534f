"""A product's photos in the portal: upload, order, cover, alt text, removal."""

from __future__ import annotations

from flask import abort, flash, redirect
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from catalogue.core.forms import save_form
from catalogue.core.loading import load
from catalogue.core.permissions import requires
from catalogue.core.validation import ValidationError
from catalogue.extensions import db
from catalogue.media import services as media_services
from catalogue.media.models import ProductImage
from catalogue.products.forms import PhotoActionForm, PhotoUploadForm
from catalogue.products.portal.common import (
    Page,
    bp,
    flash_saved,
    producer_of,
    product_of,
    product_url,
    render,
)


@bp.route("/products/<int:product_id>/photos", methods=["GET", "POST"])
@requires("producer.edit")
def photos(network_slug: str, producer_slug: str, product_id: int) -> Page:
    """Her product's photos (those of her pending change when there is one); upload one."""
    producer = producer_of(producer_slug)
    item = product_of(producer, product_id)
    form = PhotoUploadForm()

    def add() -> None:
        upload = form.photo.data
        media_services.add_photo(db.session, item, upload.read(), upload.filename, current_user)

    done = save_form(form, add)
    if done.saved:
        flash(_("Photo added. It is being prepared."), "success")
        if item.draft is not None:
            flash_saved(item)
        return redirect(product_url(item, "portal.photos"))
    return render(
        "portal/photos.html",
        done.status,
        producer=producer,
        product=item.editing,
        form=form,
        action_form=PhotoActionForm(),
    )


@bp.route("/products/<int:product_id>/photos/<int:image_id>", methods=["POST"])
@requires("producer.edit")
def photo_action(network_slug: str, producer_slug: str, product_id: int, image_id: int) -> Page:
    """Move a photo, make it the cover, describe it, or remove it."""
    producer = producer_of(producer_slug)
    item = product_of(producer, product_id)
    image = load(ProductImage, image_id, lambda i: media_services.editable_photo(item, i))
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
        if item.draft is not None:
            flash_saved(item)
    return redirect(product_url(item, "portal.photos"))
