"""What search engines and link previews read: ``robots.txt``, a sitemap of the published
catalogues' pages at ``PUBLIC_BASE_URL``, and the site's icon.

The sitemap lists every page of each catalogue's latest published edition (home, sections, items,
producers) and nothing else: no builder, account or API page, no unpublished or private
(wholesale) catalogue.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from xml.sax.saxutils import escape

from flask import Blueprint, current_app, url_for
from PIL import Image, ImageDraw
from sqlalchemy import select
from werkzeug.wrappers import Response

from catalogue.browse.access import is_private
from catalogue.browse.editions import Shown, published
from catalogue.catalogues.models import Catalogue
from catalogue.core.permissions import requires
from catalogue.editions.models import Edition, EditionStatus
from catalogue.extensions import db
from catalogue.networks.models import Network

bp = Blueprint("sharing", __name__)

ROBOTS = """User-agent: *
Allow: /c/
Allow: /n/
Disallow: /n/*/manage/
Disallow: /n/*/p/
Disallow: /n/*/my/
Disallow: /n/*/review/
Disallow: /n/*/import
Disallow: /api/
Disallow: /account/
Disallow: /login
Disallow: /dashboard
Sitemap: {base}/sitemap.xml
"""


def public_url(path: str) -> str:
    """``path`` on the address buyers reach the site at (``PUBLIC_BASE_URL``)."""
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path


@bp.route("/robots.txt")
@requires("site.view")
def robots() -> Response:
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    return Response(ROBOTS.format(base=base), mimetype="text/plain")


def _catalogue_paths(network_slug: str, catalogue_slug: str, shown: Shown) -> list[str]:
    args = {"network_slug": network_slug, "catalogue_slug": catalogue_slug}
    paths = [url_for("browse.home", **args)]
    paths += [url_for("browse.section", section_key=k, **args) for k in shown.sections]
    paths += [url_for("browse.item", code=c, **args) for c in shown.items]
    paths += [url_for("browse.producer", producer_slug=s, **args) for s in shown.producers]
    return paths


@bp.route("/sitemap.xml")
@requires("site.view")
def sitemap() -> Response:
    rows = db.session.execute(
        select(Network.slug, Catalogue.slug)
        .join(Catalogue, Catalogue.network_id == Network.id)
        .join(Edition, Edition.catalogue_id == Catalogue.id)
        .where(Edition.status == EditionStatus.PUBLISHED)
        .distinct()
        .order_by(Network.slug, Catalogue.slug)
    ).all()
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    lines.append('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    for network_slug, catalogue_slug in rows:
        catalogue, shown = published(network_slug, catalogue_slug)
        if is_private(catalogue):
            continue  # a wholesale catalogue is for the people it is shared with
        for path in _catalogue_paths(network_slug, catalogue_slug, shown):
            lines.append(f"  <url><loc>{escape(public_url(path))}</loc></url>")
    lines.append("</urlset>")
    return Response("\n".join(lines) + "\n", mimetype="application/xml")


@cache
def _icon() -> bytes:
    """A small icon drawn by code: a catalogue's open pages on the app's accent colour."""
    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((2, 2, 62, 62), radius=12, fill=(138, 59, 18, 255))
    draw.polygon([(12, 18), (31, 22), (31, 50), (12, 46)], fill=(251, 248, 243, 255))
    draw.polygon([(52, 18), (33, 22), (33, 50), (52, 46)], fill=(243, 227, 199, 255))
    out = BytesIO()
    image.save(out, "ICO", sizes=[(16, 16), (32, 32), (64, 64)])
    return out.getvalue()


@bp.route("/favicon.ico")
@requires("site.view")
def favicon() -> Response:
    response = Response(_icon(), mimetype="image/x-icon")
    response.cache_control.public = True
    response.cache_control.max_age = 7 * 86400
    return response
