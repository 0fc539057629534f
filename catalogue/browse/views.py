"""The web pages of a published catalogue: its home, sections, items and producers, photos and
theme stylesheet, at the addresses the screen PDF links to (``/c/<network>/<catalogue>/…``).

Everything shown comes from the edition's frozen snapshot, so the web matches what was printed;
contact details never enter a snapshot. A wholesale catalogue is private (``access``): its pages,
photos and stylesheet answer 404 to anyone who may not open it, so its prices are only ever
seen there.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, abort, render_template, request, send_file, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from catalogue.browse.access import may_open
from catalogue.browse.editions import Shown, price_lines, published
from catalogue.browse.sharing import public_url
from catalogue.catalogues import themechoice
from catalogue.catalogues.models import Catalogue
from catalogue.core.page_cache import public_page
from catalogue.core.paging import page_number, page_of
from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.media.models import DerivativeKind, ImageDerivative, ProductImage
from catalogue.media.storage import get_storage

bp = Blueprint("browse", __name__, url_prefix="/c/<network_slug>/<catalogue_slug>")

ITEMS_PER_PAGE = 24
PAGE_MAX_AGE = 300  # seconds a browser may show its copy of a page without asking
_SHA = re.compile(r"[0-9a-f]{64}")
# Copies a page may show: never the print copy or the original.
PHOTO_KINDS = {"thumb", "screen", "web"}


@bp.after_request
def _validators(response: Response) -> Response:
    """A page made from a frozen edition only changes with the next edition (or the visitor's
    own session): an ETag lets a browser ask again cheaply (304), and it may reuse its copy for
    a few minutes. ``private``: the page holds the visitor's own form token."""
    if (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and response.mimetype == "text/html"
        and not response.direct_passthrough
    ):
        response.add_etag()
        response.cache_control.private = True
        response.cache_control.max_age = PAGE_MAX_AGE
        response.make_conditional(request)
    return response


def _open(network_slug: str, catalogue_slug: str) -> tuple[Catalogue, Shown]:
    """The catalogue and its latest edition, if the visitor may open it (``access``); else 404,
    as if it did not exist."""
    catalogue, shown = published(network_slug, catalogue_slug)
    if not may_open(catalogue):
        abort(404)
    return catalogue, shown


def _thumbs(items: list[dict[str, Any]]) -> set[str]:
    """Originals (by hash) among ``items``' photos that have a thumbnail (one query)."""
    keys = {i["photo"]["sha256"] for i in items if i.get("photo")}
    if not keys:
        return set()
    return set(
        db.session.scalars(
            select(ProductImage.sha256)
            .join(ImageDerivative, ImageDerivative.image_id == ProductImage.id)
            .where(ProductImage.sha256.in_(keys), ImageDerivative.kind == DerivativeKind.THUMB)
        )
    )


def _meta(shown: Shown, description: str, photo: dict[str, Any] | None) -> dict[str, str]:
    """What link previews and search engines read: a description, the page's canonical
    address and a web-sized image, all on ``PUBLIC_BASE_URL``."""
    args = {"network_slug": shown.info["network_slug"], "catalogue_slug": shown.info["slug"]}
    image = ""
    if photo:
        image = public_url(
            url_for("browse.photo", kind="screen", key=photo["screen_sha256"], **args)
        )
    text = " ".join(description.split())
    return {
        "description": text if len(text) <= 200 else text[:199].rsplit(" ", 1)[0] + "…",
        "canonical": public_url(request.path),
        "image": image,
    }


def _page(
    template: str,
    catalogue: Catalogue,
    shown: Shown,
    *,
    description: str = "",
    photo: dict[str, Any] | None = None,
    **context: Any,
) -> str:
    return render_template(
        template,
        catalogue=catalogue,
        shown=shown,
        info=shown.info,
        price_lines=price_lines,
        meta=_meta(shown, description or shown.text(shown.info.get("intro")), photo),
        **context,
    )


@bp.route("/")
@public_page
@requires("catalogue.browse")
def home(network_slug: str, catalogue_slug: str) -> str:
    catalogue, shown = _open(network_slug, catalogue_slug)
    sections = [
        (section, shown.section_items(section["key"]))
        for section in shown.snapshot.get("sections", [])
    ]
    firsts = [items[0] for _section, items in sections if items]
    return _page(
        "browse/home.html",
        catalogue,
        shown,
        sections=sections,
        cover=firsts[0] if firsts else None,
        thumbs=_thumbs(firsts),
        photo=firsts[0].get("photo") if firsts else None,
    )


@bp.route("/sections/<section_key>")
@public_page
@requires("catalogue.browse")
def section(network_slug: str, catalogue_slug: str, section_key: str) -> str:
    catalogue, shown = _open(network_slug, catalogue_slug)
    found = shown.sections.get(section_key)
    if found is None:
        abort(404)
    page = page_of(shown.section_items(section_key), page_number(request.args), ITEMS_PER_PAGE)
    return _page(
        "browse/section.html",
        catalogue,
        shown,
        section=found,
        page=page,
        thumbs=_thumbs(list(page.items)),
    )


@bp.route("/items/<code>")
@public_page
@requires("catalogue.browse")
def item(network_slug: str, catalogue_slug: str, code: str) -> str:
    catalogue, shown = _open(network_slug, catalogue_slug)
    found = shown.items.get(code)
    if found is None:
        abort(404)
    makers = [
        shown.producers[s["producer_slug"]]
        for s in found.get("sources", [])
        if s.get("producer_slug") in shown.producers
    ]
    return _page(
        "browse/item.html",
        catalogue,
        shown,
        item=found,
        makers=list({m["slug"]: m for m in makers}.values()),
        section=shown.sections.get(found["section"]),
        description=shown.text(found.get("description")) or shown.text(found.get("name")),
        photo=found.get("photo"),
    )


@bp.route("/producers/<producer_slug>")
@public_page
@requires("catalogue.browse")
def producer(network_slug: str, catalogue_slug: str, producer_slug: str) -> str:
    catalogue, shown = _open(network_slug, catalogue_slug)
    found = shown.producers.get(producer_slug)
    if found is None:
        abort(404)
    items = [shown.items[c] for c in found["codes"] if c in shown.items]
    return _page(
        "browse/producer.html",
        catalogue,
        shown,
        producer=found,
        items=items,
        thumbs=_thumbs(items),
        description=shown.text(found.get("story")) or found["name"],
        photo=items[0].get("photo") if items else None,
    )


@bp.route("/photos/<kind>/<key>.jpg")
@requires("catalogue.browse")
def photo(network_slug: str, catalogue_slug: str, kind: str, key: str) -> Response:
    """A web-sized copy of a photo the edition shows: ``web`` and ``screen`` by their own hash,
    ``thumb`` by the hash of the photo it was made from."""
    if kind not in PHOTO_KINDS or not _SHA.fullmatch(key):
        abort(404)
    _catalogue, shown = _open(network_slug, catalogue_slug)
    if kind == "thumb":
        if key not in shown.originals:
            abort(404)
        thumb = db.session.scalar(
            select(ImageDerivative.sha256)
            .join(ProductImage, ProductImage.id == ImageDerivative.image_id)
            .where(ProductImage.sha256 == key, ImageDerivative.kind == DerivativeKind.THUMB)
            .limit(1)
        )
        if thumb is None:
            abort(404)
        key = thumb
    elif key not in shown.photo_keys:
        abort(404)
    path = get_storage().local_path(key)
    if path is None or not path.exists():
        abort(404)
    # The name is the content's hash: the file never changes.
    return send_file(path, mimetype="image/jpeg", etag=key, max_age=365 * 86400)


@bp.route("/theme.css")
@requires("catalogue.browse")
def theme_css(network_slug: str, catalogue_slug: str) -> Response:
    """The catalogue theme's colours and fonts as CSS custom properties."""
    _catalogue, shown = _open(network_slug, catalogue_slug)
    themes = (
        themechoice.theme_object(shown.info.get("theme", "")),
        themechoice.theme_object("default"),
    )
    for theme in themes:
        folder = getattr(theme, "static_dir", None)
        if folder is not None and (folder / "theme.css").is_file():
            response = Response((folder / "theme.css").read_bytes(), mimetype="text/css")
            response.cache_control.public = True
            response.cache_control.max_age = 3600
            return response
    abort(404)
