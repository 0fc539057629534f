"""API endpoints for producers, products, photos, capacity and prices."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, request, url_for
from flask_login import current_user
from sqlalchemy import select

from catalogue.api import bp, json_body
from catalogue.api.serialize import (
    CAPACITY,
    PRICE,
    SCHEMAS,
    array_of,
    image_json,
    producer_json,
    product_json,
    ref,
)
from catalogue.api.spec import endpoint, openapi_document
from catalogue.auth.models import Role
from catalogue.core.validation import ValidationError
from catalogue.extensions import db
from catalogue.jobs.models import Job
from catalogue.media import services as media_services
from catalogue.media.models import ProductImage
from catalogue.producers import services as producer_services
from catalogue.producers.models import Producer, ProducerContact
from catalogue.products import services as product_services
from catalogue.products import workflow
from catalogue.products.models import Product

Json = dict[str, Any] | tuple[dict[str, Any], int]


def _producer(producer_id: int) -> Producer:
    producer = db.session.get(Producer, producer_id)
    if producer is None or not producer.can_edit(current_user):
        abort(404)  # not 403: do not confirm that another producer's object exists
    return producer


def _product(product_id: int) -> Product:
    product = db.session.get(Product, product_id)
    if product is None or not product.can_edit(current_user):
        abort(404)
    return product


def _producer_out(producer: Producer) -> dict[str, Any]:
    contact = db.session.get(ProducerContact, producer.id)
    return producer_json(producer, contact=contact, private=True)


@endpoint(bp, "GET", "/openapi.json", "This API's OpenAPI description", action="api.spec")
def openapi() -> dict[str, Any]:
    return openapi_document(bp.url_prefix or "", SCHEMAS)


@endpoint(bp, "GET", "/producers", "Producers you may edit", response=array_of("Producer"))
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


@endpoint(bp, "GET", "/producers/<int:producer_id>", "One producer", response=ref("Producer"))
def get_producer(producer_id: int) -> Json:
    return _producer_out(_producer(producer_id))


@endpoint(
    bp,
    "PATCH",
    "/producers/<int:producer_id>",
    "Change a producer's profile",
    body={"type": "object"},
    response=ref("Producer"),
)
def patch_producer(producer_id: int) -> Json:
    producer = _producer(producer_id)
    contact = db.session.get(ProducerContact, producer.id)
    current = {
        "display_name": producer.display_name,
        "region": producer.region,
        "economy": producer.economy,
        "languages": ", ".join(producer.languages),
        "founded_year": producer.founded_year,
        "story": producer.story,
        "community_type": producer.community_type.value if producer.community_type else None,
        "women_led": {True: "yes", False: "no"}.get(producer.women_led, ""),
        "women_workers": producer.women_workers,
        "total_workers": producer.total_workers,
        "consent_public_profile": producer.consent_public_profile,
        "consent_share_identity": producer.consent_share_identity,
        "owner_names": contact.owner_names if contact else "",
        "email": contact.email if contact else "",
        "phone": contact.phone if contact else "",
        "address": contact.address if contact else "",
    }
    body = json_body()
    if isinstance(body.get("languages"), list):
        body["languages"] = ", ".join(map(str, body["languages"]))
    unknown = sorted(set(body) - set(current))
    if unknown:
        raise ValidationError({k: "unknown field" for k in unknown})
    try:
        producer_services.update_profile(db.session, producer, {**current, **body}, current_user)
    except (ValueError, TypeError) as exc:
        raise ValidationError.single("body", "numbers expected where numbers belong") from exc
    db.session.commit()
    return _producer_out(producer)


@endpoint(
    bp,
    "GET",
    "/producers/<int:producer_id>/products",
    "A producer's products",
    response=array_of("Product"),
)
def list_products(producer_id: int) -> Any:
    return [product_json(p) for p in _producer(producer_id).products]


def _apply_product(producer: Producer, body: dict[str, Any], product: Product | None) -> Product:
    fields = {k: body[k] for k in product_services.PRODUCT_FACTS if k in body}
    if product is not None:
        current = product_json(product)
        fields = {
            **{k: current[k] for k in product_services.PRODUCT_FACTS},
            **fields,
            "status": product.status.value,
        }
    sku = body.get("sku", product.sku if product else "")
    texts = body.get("texts") or {}
    if not isinstance(texts, dict) or not all(isinstance(v, dict) for v in texts.values()):
        raise ValidationError.single("texts", "an object: locale → {name, description, story}")
    if product is None and db.session.scalar(
        select(Product.id).where(Product.producer_id == producer.id, Product.sku == sku)
    ):
        raise ValidationError.single("sku", "a product with this sku exists")
    saved, _new = product_services.upsert_product(db.session, producer, str(sku), fields)
    for locale, text in texts.items():
        if locale not in current_app.config["LANGUAGES"]:
            raise ValidationError.single(f"texts.{locale}", "language not offered")
        product_services.set_text(
            saved,
            locale,
            name=str(text.get("name", "")),
            description=str(text.get("description", "")),
            story=str(text.get("story", "")),
        )
    return saved


@endpoint(
    bp,
    "POST",
    "/producers/<int:producer_id>/products",
    "Add a product",
    body=ref("ProductInput"),
    response=ref("Product"),
    status=201,
)
def create_product(producer_id: int) -> Json:
    producer = _producer(producer_id)
    product = _apply_product(producer, json_body(), None)
    db.session.flush()
    workflow.after_edit(db.session, product, current_user, "create")
    db.session.commit()
    return product_json(product), 201


@endpoint(bp, "GET", "/products/<int:product_id>", "One product", response=ref("Product"))
def get_product(product_id: int) -> Json:
    return product_json(_product(product_id))


@endpoint(
    bp,
    "PATCH",
    "/products/<int:product_id>",
    "Change a product",
    body=ref("ProductInput"),
    response=ref("Product"),
)
def patch_product(product_id: int) -> Json:
    product = _product(product_id)
    _apply_product(product.producer, json_body(), product)
    workflow.after_edit(db.session, product, current_user, "details")
    db.session.commit()
    return product_json(product)


@endpoint(
    bp,
    "PUT",
    "/products/<int:product_id>/capacity",
    "Set what she can make",
    body=CAPACITY,
    response=ref("Product"),
)
def put_capacity(product_id: int) -> Json:
    product = _product(product_id)
    body = json_body()
    product_services.set_capacity(
        db.session,
        product,
        units_per_month=body.get("units_per_month"),
        lead_time_days=body.get("lead_time_days", 0),
        min_order=body.get("min_order", 1),
        case_multiple=body.get("case_multiple", 1),
        months=body.get("months"),
    )
    workflow.after_edit(db.session, product, current_user, "capacity")
    db.session.commit()
    return product_json(product)


@endpoint(
    bp,
    "PUT",
    "/products/<int:product_id>/prices/<currency>",
    "Set the price range in one currency",
    body=PRICE,
    response=ref("Product"),
)
def put_price(product_id: int, currency: str) -> Json:
    product = _product(product_id)
    body = json_body()
    tiers = body.get("tiers") or []
    if not isinstance(tiers, list) or not all(isinstance(t, dict) for t in tiers):
        raise ValidationError.single("tiers", "a list of {min_quantity, unit_price}")
    product_services.set_price_range(
        db.session,
        product,
        currency=currency,
        wholesale_min=body.get("wholesale_min"),
        wholesale_max=body.get("wholesale_max"),
        retail_min=body.get("retail_min"),
        retail_max=body.get("retail_max"),
        tiers=tiers,
    )
    workflow.after_edit(db.session, product, current_user, "prices")
    db.session.commit()
    return product_json(product)


@endpoint(
    bp,
    "DELETE",
    "/products/<int:product_id>/prices/<currency>",
    "Remove the price range in one currency",
    response=ref("Product"),
)
def delete_price(product_id: int, currency: str) -> Json:
    product = _product(product_id)
    before = len(product.price_ranges)
    product.price_ranges = [p for p in product.price_ranges if p.currency != currency.upper()]
    if len(product.price_ranges) == before:
        abort(404)
    workflow.after_edit(db.session, product, current_user, "prices")
    db.session.commit()
    return product_json(product)


@endpoint(
    bp, "GET", "/products/<int:product_id>/images", "A product's photos", response=array_of("Image")
)
def list_images(product_id: int) -> Any:
    return [image_json(i) for i in _product(product_id).images]


@endpoint(
    bp,
    "POST",
    "/products/<int:product_id>/images",
    "Upload a photo (field `photo`)",
    body={"type": "object", "properties": {"photo": {"type": "string", "format": "binary"}}},
    multipart=True,
    response=ref("Image"),
    status=201,
)
def upload_image(product_id: int) -> Json:
    product = _product(product_id)
    upload = request.files.get("photo")
    if upload is None:
        raise ValidationError.single("photo", "send the photo as multipart field `photo`")
    image, job = media_services.add_photo(
        db.session, product, upload.read(), upload.filename, current_user
    )
    workflow.after_edit(db.session, product, current_user, "photos")
    db.session.commit()
    data = image_json(image)
    data["job"] = url_for("api.get_job", job_id=job.id) if job else None
    return data, 201


@endpoint(
    bp,
    "DELETE",
    "/products/<int:product_id>/images/<int:image_id>",
    "Remove a photo",
    response=array_of("Image"),
)
def delete_image(product_id: int, image_id: int) -> Any:
    product = _product(product_id)
    image = db.session.get(ProductImage, image_id)
    if image is None or image.product_id != product.id:
        abort(404)
    media_services.remove_photo(db.session, product, image, current_user)
    workflow.after_edit(db.session, product, current_user, "photos")
    db.session.commit()
    return [image_json(i) for i in product.images]


@endpoint(
    bp,
    "POST",
    "/products/<int:product_id>/submit",
    "Send the product for review",
    response=ref("Product"),
)
def submit_product(product_id: int) -> Json:
    product = _product(product_id)
    workflow.submit(db.session, product, current_user)
    db.session.commit()
    return product_json(product)


@endpoint(
    bp,
    "GET",
    "/jobs/<job_id>",
    "Progress of a background job",
    response={
        "type": "object",
        "properties": {"status": {"type": "string"}, "progress": {"type": "integer"}},
    },
)
def get_job(job_id: str) -> Json:
    job = db.session.get(Job, job_id)
    if job is None or job.created_by_id != current_user.id:
        abort(404)
    return {
        "id": job.id,
        "kind": job.kind,
        "status": job.status.value,
        "progress": job.progress,
        "message": job.message,
    }
