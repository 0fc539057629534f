"""What the importer checks before the services see a row: the shape of a producer's slug and
the lengths it trims to keep checking the rest of a refused row."""

from __future__ import annotations

import re

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
# Lengths the database enforces (PostgreSQL refuses longer text; SQLite would keep it).
LIMITS = {
    "producer_slug": 80,
    "producer_name": 200,
    "region": 120,
    "owner_names": 300,
    "email": 254,
    "phone": 60,
    "sku": 40,
    "tag": 60,
    "product_name": 200,
}
