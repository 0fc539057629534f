"""The few words a catalogue PDF prints itself, and money and dates, in the edition's language.

Kept here rather than in the Babel catalogues: rendering runs without an app or request (jobs,
CLI) and must give the same bytes wherever it runs. A language without an entry falls back to
English, one key at a time.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_currency

from catalogue.editions.schema import Price

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "contents": "Contents",
        "index": "Index of items",
        "notes": "Notes",
        "how_to_order": "How to order",
        "window": "Orders from {opens} to {closes}",
        "opens": "Orders open on {date}",
        "closes": "Orders close on {date}",
        "min_order": "Min. order {n}",
        "lead_time": "Lead time {n} days",
        "capacity": "{n}/month",
        "made_by": "Made by {names}",
        "edition": "Edition {n}",
        "stories": "The producers",
        "her_items": "In this catalogue",
        "page": "Page",
    },
    "es": {
        "contents": "Contenido",
        "index": "Índice de artículos",
        "notes": "Notas",
        "how_to_order": "Cómo hacer un pedido",
        "window": "Pedidos del {opens} al {closes}",
        "opens": "Pedidos desde el {date}",
        "closes": "Pedidos hasta el {date}",
        "min_order": "Pedido mín. {n}",
        "lead_time": "Plazo {n} días",
        "capacity": "{n}/mes",
        "made_by": "Hecho por {names}",
        "edition": "Edición {n}",
        "stories": "Las productoras",
        "her_items": "En este catálogo",
        "page": "Página",
    },
    "fr": {
        "contents": "Sommaire",
        "index": "Index des articles",
        "notes": "Notes",
        "how_to_order": "Comment commander",
        "window": "Commandes du {opens} au {closes}",
        "opens": "Commandes à partir du {date}",
        "closes": "Commandes jusqu'au {date}",
        "min_order": "Commande min. {n}",
        "lead_time": "Délai {n} jours",
        "capacity": "{n}/mois",
        "made_by": "Fait par {names}",
        "edition": "Édition {n}",
        "stories": "Les productrices",
        "her_items": "Dans ce catalogue",
        "page": "Page",
    },
    "vi": {
        "contents": "Mục lục",
        "index": "Danh sách sản phẩm",
        "notes": "Ghi chú",
        "how_to_order": "Cách đặt hàng",
        "window": "Nhận đơn từ {opens} đến {closes}",
        "opens": "Nhận đơn từ {date}",
        "closes": "Nhận đơn đến {date}",
        "min_order": "Đơn tối thiểu {n}",
        "lead_time": "Giao trong {n} ngày",
        "capacity": "{n}/tháng",
        "made_by": "Người làm: {names}",
        "edition": "Ấn bản {n}",
        "stories": "Những người làm ra sản phẩm",
        "her_items": "Trong danh mục này",
        "page": "Trang",
    },
}


class Words:
    """Labels, money and dates for one locale."""

    def __init__(self, locale: str, currency: str) -> None:
        self.locale = locale
        self.currency = currency
        try:
            self._babel = Locale.parse(locale.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            self._babel = Locale.parse("en")
        base = locale.split("-")[0].split("_")[0]
        self._words = WORDS["en"] | WORDS.get(base, {})

    def __call__(self, key: str, **values: object) -> str:
        return self._words[key].format(**values)

    def money(self, amount: str) -> str:
        try:
            value = Decimal(amount)
        except (InvalidOperation, TypeError):
            return str(amount)
        return format_currency(value, self.currency, locale=self._babel)

    def price(self, price: Price) -> str:
        if price["display"] == "tiers" and price["tiers"]:
            return " · ".join(
                f"{t['min_quantity']}+ {self.money(t['unit_price'])}" for t in price["tiers"]
            )
        if price["display"] == "single" or price["min"] == price["max"]:
            return self.money(price["min"])
        return f"{self.money(price['min'])}–{self.money(price['max'])}"

    def date(self, iso: str) -> str:
        return format_date(date.fromisoformat(iso), format="long", locale=self._babel)

    def order_window(self, opens: str | None, closes: str | None) -> str:
        if opens and closes:
            return self("window", opens=self.date(opens), closes=self.date(closes))
        if opens:
            return self("opens", date=self.date(opens))
        if closes:
            return self("closes", date=self.date(closes))
        return ""
