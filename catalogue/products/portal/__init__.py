"""The producer portal: her profile, her products, their text, capacity, prices, photos and
costing. Facilitators of the network use the same pages for their producers.

One blueprint, "portal", its pages in one module per subject. A producer's change to an
approved product is shown and edited as its pending change (``products.revisions``): the
services decide that, the pages only show the version ``Product.editing`` gives."""

from __future__ import annotations

from catalogue.products.portal import costing, pages, photos, profile, supply
from catalogue.products.portal.common import bp

__all__ = ["bp", "costing", "pages", "photos", "profile", "supply"]
