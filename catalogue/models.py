"""Imports every model so that metadata is complete (Alembic, tests, the shell)."""

from catalogue.auth.models import ApiToken, LoginFailure, LoginSession, Membership, Role, User
from catalogue.browse.models import CatalogueInvitation, ShareLink
from catalogue.catalogues.models import Catalogue, CatalogueItem, ExchangeRate, ItemSource
from catalogue.core.db import Base
from catalogue.core.models import AuditEvent, Currency
from catalogue.editions.models import Edition, EditionItem, EditionItemSource
from catalogue.jobs.models import Job
from catalogue.media.models import ImageDerivative, ProductImage
from catalogue.networks.models import Network
from catalogue.orders.models import Allocation, CapacityLedger, Order, OrderLine
from catalogue.printshop.models import PrintJob, PrintShop
from catalogue.producers.models import Producer, ProducerContact, SupportNeed
from catalogue.products.models import (
    Capacity,
    PriceRange,
    PriceTier,
    Product,
    ProductCost,
    ProductText,
    Tag,
)
from catalogue.readiness.models import ReadinessAssessment
from catalogue.search.models import SearchOutbox

__all__ = [
    "Allocation",
    "ApiToken",
    "AuditEvent",
    "Base",
    "Capacity",
    "CapacityLedger",
    "Catalogue",
    "CatalogueInvitation",
    "CatalogueItem",
    "Currency",
    "Edition",
    "EditionItem",
    "EditionItemSource",
    "ExchangeRate",
    "ImageDerivative",
    "ItemSource",
    "Job",
    "LoginFailure",
    "LoginSession",
    "Membership",
    "Network",
    "Order",
    "OrderLine",
    "PriceRange",
    "PriceTier",
    "PrintJob",
    "PrintShop",
    "Producer",
    "ProducerContact",
    "Product",
    "ProductCost",
    "ProductImage",
    "ProductText",
    "ReadinessAssessment",
    "Role",
    "SearchOutbox",
    "ShareLink",
    "SupportNeed",
    "Tag",
    "User",
]
