"""API endpoints for producers, products, photos, capacity and prices. Thin: load and check the
object, validate the body against its declaration, call the same services as the portal."""

from __future__ import annotations

from typing import Any

from flask import abort, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from catalogue.api import bp, json_body
from catalogue.api.schemas import (
    ImageOut,
    ImageUploaded,
    JobOut,
    ProducerOut,
    ProductCreate,
    ProductOut,
    Upload,
)
from catalogue.api.spec import Partial, endpoint, openapi_document
from catalogue.auth.models import Role
from catalogue.core.loading import load
from catalogue.core.validation import ValidationError
from catalogue.extensions import db
from catalogue.jobs.models import Job
from catalogue.media import services as media_services
from catalogue.media.models import ProductImage
from catalogue.producers import services as producer_services
from catalogue.producers.models import Producer, ProducerContact
from catalogue.producers.schemas import ProfileIn
from catalogue.products import services as product_services
from catalogue.products import workflow
from catalogue.products.models import Product
from catalogue.products.schemas import CapacityIn, PriceRangeIn, facts_of

Json = dict[str, Any] | tuple[dict[str, Any], int]


def _producer(producer_id: int) -> Producer:
    return load(Producer, producer_id, lambda p: p.can_edit(current_user))


def _product(product_id: int) -> Product:
    """The product ``product_id`` (its live row, also for the id of a pending change)."""
    return load(Product, product_id, lambda p: p.can_edit(current_user)).live


def _image(product: Product, image_id: int) -> ProductImage:
    """A photo of the version of ``product`` she edits (also by the id of the approved
    version's photo that it copies), else 404."""
    return load(ProductImage, image_id, lambda i: media_services.editable_photo(product, i))


def _producer_out(producer: Producer) -> dict[str, Any]:
    contact = db.session.get(ProducerContact, producer.id)
    return ProducerOut.of(producer, contact).model_dump(mode="json")


def _product_out(product: Product) -> dict[str, Any]:
    return ProductOut.of(product).model_dump(mode="json")


@endpoint(bp, "GET", "/openapi.json", "This API's OpenAPI description", action="api.spec")
def openapi() -> dict[str, Any]:
    return openapi_document(bp.url_prefix or "")


@endpoint(bp, "GET", "/producers", "Producers you may edit", response=list[ProducerOut])
def list_producers() -> Any:
    managed = [
        m.network_id for m in current_user.memberships if m.role in (Role.FACILITATOR, Role.ADMIN)
    ]
    own = current_user.producer_ids()
    producers = db.session.scalars(
        select(Producer)
        .where(Producer.network_id.in_(managed) | Producer.id.in_(own))
        .order_by(Producer.network_id, Producer.slug)
    ).all()
    return [_producer_out(p) for p in producers]


@endpoint(bp, "GET", "/producers/<int:producer_id>", "One producer", response=ProducerOut)
def get_producer(producer_id: int) -> Json:
    return _producer_out(_producer(producer_id))


@endpoint(
    bp,
    "PATCH",
    "/producers/<int:producer_id>",
    "Change a producer's profile (the fields sent)",
    body=Partial(ProfileIn),
    response=ProducerOut,
)
def patch_producer(producer_id: int) -> Json:
    producer = _producer(producer_id)
    current = producer_services.profile_of(producer, db.session.get(ProducerContact, producer.id))
    producer_services.update_profile(db.session, producer, {**current, **json_body()}, current_user)
    db.session.commit()
    return _producer_out(producer)


@endpoint(
    bp,
    "GET",
    "/producers/<int:producer_id>/products",
    "A producer's products",
    response=list[ProductOut],
)
def list_products(producer_id: int) -> Any:
    return [_product_out(p) for p in _producer(producer_id).products]


def _texts(body: dict[str, Any]) -> dict[str, Any]:
    texts = body.pop("texts", None) or {}
    if not isinstance(texts, dict) or not all(isinstance(t, dict) for t in texts.values()):
        raise ValidationError.single(
            "texts", _("Send an object: language → {name, description, story}.")
        )
    return texts


def _save(producer: Producer, product: Product | None, body: dict[str, Any]) -> Product:
    texts = _texts(body)
    current = product.editing if product is not None else None
    sku = body.pop("sku", current.sku if current is not None else None)
    facts = {**(facts_of(current) if current is not None else {}), **body}
    return product_services.save_product(
        db.session, producer, product, sku=sku, facts=facts, texts=texts, actor=current_user
    )


@endpoint(
    bp,
    "POST",
    "/producers/<int:producer_id>/products",
    "Add a product",
    body=ProductCreate,
    response=ProductOut,
    status=201,
)
def create_product(producer_id: int) -> Json:
    product = _save(_producer(producer_id), None, json_body())
    db.session.commit()
    return _product_out(product), 201


@endpoint(bp, "GET", "/products/<int:product_id>", "One product", response=ProductOut)
def get_product(product_id: int) -> Json:
    return _product_out(_product(product_id))


@endpoint(
    bp,
    "PATCH",
    "/products/<int:product_id>",
    "Change a product (the fields sent; texts per language sent replace those languages)",
    body=Partial(ProductCreate),
    response=ProductOut,
)
def patch_product(product_id: int) -> Json:
    product = _product(product_id)
    _save(product.producer, product, json_body())
    db.session.commit()
    return _product_out(product)


@endpoint(
    bp,
    "PUT",
    "/products/<int:product_id>/capacity",
    "Set what she can make",
    body=CapacityIn,
    response=ProductOut,
)
def put_capacity(product_id: int) -> Json:
    product = _product(product_id)
    product_services.set_capacity(db.session, product, json_body(), actor=current_user)
    db.session.commit()
    return _product_out(product)


@endpoint(
    bp,
    "PUT",
    "/products/<int:product_id>/prices/<currency>",
    "Set the price range in one currency",
    body=PriceRangeIn,
    response=ProductOut,
)
def put_price(product_id: int, currency: str) -> Json:
    product = _product(product_id)
    product_services.set_price_range(db.session, product, currency, json_body(), actor=current_user)
    db.session.commit()
    return _product_out(product)


@endpoint(
    bp,
    "DELETE",
    "/products/<int:product_id>/prices/<currency>",
    "Remove the price range in one currency",
    response=ProductOut,
)
def delete_price(product_id: int, currency: str) -> Json:
    product = _product(product_id)
    if not product_services.remove_price_range(db.session, product, currency, actor=current_user):
        abort(404)
    db.session.commit()
    return _product_out(product)


@endpoint(
    bp, "GET", "/products/<int:product_id>/images", "A product's photos", response=list[ImageOut]
)
def list_images(product_id: int) -> Any:
    return [ImageOut.of(i).model_dump(mode="json") for i in _product(product_id).editing.images]


@endpoint(
    bp,
    "POST",
    "/products/<int:product_id>/images",
    "Upload a photo (field `photo`)",
    body=Upload,
    multipart=True,
    response=ImageUploaded,
    status=201,
)
def upload_image(product_id: int) -> Json:
    product = _product(product_id)
    upload = request.files.get("photo")
    if upload is None:
        raise ValidationError.single("photo", _("Send the photo as the multipart field “photo”."))
    image, job = media_services.add_photo(
        db.session, product, upload.read(), upload.filename, current_user
    )
    db.session.commit()
    data = ImageOut.of(image).model_dump(mode="json")
    data["job"] = url_for("api.get_job", job_id=job.id) if job else None
    return data, 201


@endpoint(
    bp,
    "DELETE",
    "/products/<int:product_id>/images/<int:image_id>",
    "Remove a photo",
    response=list[ImageOut],
)
def delete_image(product_id: int, image_id: int) -> Any:
    product = _product(product_id)
    image = _image(product, image_id)
    media_services.remove_photo(db.session, product, image, actor=current_user)
    db.session.commit()
    return [ImageOut.of(i).model_dump(mode="json") for i in product.editing.images]


@endpoint(
    bp,
    "POST",
    "/products/<int:product_id>/submit",
    "Send the product for review",
    response=ProductOut,
)
def submit_product(product_id: int) -> Json:
    product = _product(product_id)
    workflow.submit(db.session, product, current_user)
    db.session.commit()
    return _product_out(product)


@endpoint(bp, "GET", "/jobs/<job_id>", "Progress of a background job", response=JobOut)
def get_job(job_id: str) -> Json:
    job = load(Job, job_id, lambda j: j.created_by_id == current_user.id)
    return JobOut(
        id=job.id,
        kind=job.kind,
        status=job.status.value,
        progress=job.progress,
        message=job.message,
    ).model_dump(mode="json")
