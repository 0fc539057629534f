"""The roles a user can hold in a network. The permission registry (``core.permissions``) says
what each may do; memberships (``auth.models``) say who holds which."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    ADMIN = "admin"
    FACILITATOR = "facilitator"
    PRODUCER = "producer"
    BUYER = "buyer"
    PRINT_SHOP = "print_shop"
