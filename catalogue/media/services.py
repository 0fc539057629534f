"""A product's photos: upload (cleaned before anything is stored), order, cover, alt text,
removal. Each change goes through the review rule here: a producer's change to an approved
product changes its pending change (``workflow.editable``), whose copy of a photo stands for
the live photo (``revisions.counterpart``)."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from catalogue.auth.models import User
from catalogue.core.audit import record
from catalogue.core.schema import Input, Line, validate
from catalogue.core.validation import ValidationError
from catalogue.jobs.models import Job
from catalogue.jobs.queue import enqueue
from catalogue.media.models import ImageStatus, ProductImage
from catalogue.media.storage import get_storage
from catalogue.products import revisions, workflow
from catalogue.products.models import Product

MAX_PHOTOS = 12


class AltTextIn(Input):
    alt_text: Line(300)


def _editable(
    session: Session, product: Product, image: ProductImage, actor: User | None
) -> tuple[Product, ProductImage]:
    """The version of ``product`` an edit by ``actor`` changes, and ``image`` in it."""
    target = workflow.editable(session, product.live, actor)
    found = revisions.counterpart(target, image)
    if found is None:
        raise ValidationError.single("photo", _("This photo is no longer there."))
    return target, found


def editable_photo(product: Product, image: ProductImage) -> bool:
    """Whether ``image`` is a photo of the version of ``product`` its producer edits (her
    pending change's, or the approved version's that the change still has)."""
    live = product.live
    return image.product.live.id == live.id and (
        revisions.counterpart(live.editing, image) is not None
    )


def add_photo(
    session: Session, product: Product, data: bytes, filename: str | None, actor: User
) -> tuple[ProductImage, Job | None]:
    """Clean the upload (raises ValidationError before storing anything), store the original,
    and queue its derivatives (the job is returned; None when the photo was already there)."""
    from catalogue.media.pipeline import clean_upload

    if len(product.editing.images) >= MAX_PHOTOS:
        raise ValidationError.single(
            "photo", _("A product can have at most %(n)d photos.", n=MAX_PHOTOS)
        )
    photo = clean_upload(data, filename)
    for existing in product.editing.images:
        if existing.sha256 == photo.sha256:
            return existing, None
    get_storage().put(photo.data)
    product = workflow.editable(session, product, actor)
    image = ProductImage(
        product=product,
        sha256=photo.sha256,
        mime=photo.mime,
        width=photo.width,
        height=photo.height,
        byte_size=len(photo.data),
        status=ImageStatus.PENDING,
        position=max((i.position for i in product.images), default=-1) + 1,
        is_cover=not product.images,
        alt_text={t.locale: t.name for t in product.texts},
    )
    session.add(image)
    session.flush()
    job = enqueue(session, "media.derivatives", {"image_id": image.id}, actor=actor)
    record(session, "image.add", image, actor=actor, network_id=product.producer.network_id)
    workflow.after_edit(session, product, actor, "photos", changed=True)
    return image, job


def move_photo(
    session: Session, product: Product, image: ProductImage, step: int, *, actor: User | None
) -> None:
    """Move a photo one place earlier (step -1) or later (+1)."""
    product, image = _editable(session, product, image, actor)
    before = workflow.state_of(product)
    images = sorted(product.images, key=lambda i: i.position)
    index = images.index(image)
    target = min(max(index + step, 0), len(images) - 1)
    images.insert(target, images.pop(index))
    for position, img in enumerate(images):
        img.position = position
    changed = workflow.state_of(product) != before
    workflow.after_edit(session, product, actor, "photos", changed=changed)


def set_cover(
    session: Session, product: Product, image: ProductImage, *, actor: User | None
) -> None:
    """Make ``image`` the product's cover photo."""
    product, image = _editable(session, product, image, actor)
    before = workflow.state_of(product)
    for img in product.images:
        img.is_cover = img.id == image.id
    changed = workflow.state_of(product) != before
    workflow.after_edit(session, product, actor, "photos", changed=changed)


def set_alt_text(
    session: Session, image: ProductImage, locale: str, text: str, *, actor: User | None
) -> None:
    """Say in ``locale`` what the photo shows, for people who cannot see it."""
    alt = validate(AltTextIn, {"alt_text": text}).alt_text
    _product, image = _editable(session, image.product, image, actor)
    changed = (image.alt_text or {}).get(locale) != alt
    image.alt_text = {**image.alt_text, locale: alt}
    workflow.after_edit(session, image.product, actor, "photos", changed=changed)


def remove_photo(
    session: Session, product: Product, image: ProductImage, *, actor: User | None
) -> None:
    """Delete the photo's row; its files stay (content-addressed, maybe shared) until a sweep."""
    product, image = _editable(session, product, image, actor)
    network_id = product.producer.network_id
    record(session, "image.remove", image, actor=actor, network_id=network_id)
    was_cover = image.is_cover
    # Delete the row once, through the relationship's delete-orphan cascade: deleting it from
    # the session as well made the flush fail.
    product.images.remove(image)
    session.flush()
    if was_cover and product.images:
        product.images[0].is_cover = True
    workflow.after_edit(session, product, actor, "photos", changed=True)
