"""Forms of the catalogue builder, one per step, and the words shown for stored choices."""

from __future__ import annotations

from functools import cache

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from catalogue.catalogues.arrangement import GROUPS, SORTS
from catalogue.core.forms import Form
from catalogue.products.forms import CheckboxesField

KINDS = {
    "theme": _l("A theme (a colour, a material, a gift idea)"),
    "event": _l("An event (a festival, games, a season)"),
    "niche": _l("A niche market (indigenous-made, organic, a region)"),
}
MARKETS = {
    "b2b": _l("Shops and businesses (wholesale, minimum orders)"),
    "b2c": _l("Shoppers (retail)"),
}
FORMATS = {
    "flyer": _l("Flyer: one page"),
    "leaflet": _l("Leaflet: a folded sheet"),
    "booklet": _l("Booklet: several pages"),
}
LAYOUT_LABELS = {
    "grid1": _l("One item per page, large photo"),
    "grid2": _l("2 items per page"),
    "grid4": _l("4 items per page"),
    "grid6": _l("6 items per page"),
    "list": _l("Compact list, 12 items per page"),
}
STORY_LABELS = {
    "producer": _l("A story page for each producer"),
    "region": _l("A story page for each region"),
    "none": _l("No story pages"),
}
DISPLAY_LABELS = {
    "range": _l("A price range (lowest – highest)"),
    "tiers": _l("Prices by quantity, when producers gave them"),
}


def choices(labels: dict) -> list[SelectChoice]:
    return [SelectChoice(key, label) for key, label in labels.items()]


class _SettingsBase(Form):
    theme = SelectField(_l("Theme"))
    layout = SelectField(_l("Layout of the item pages"), choices=choices(LAYOUT_LABELS))
    kind = SelectField(_l("This catalogue is about"), choices=choices(KINDS))
    market = SelectField(_l("It is for"), choices=choices(MARKETS))
    format = SelectField(_l("Format"), choices=choices(FORMATS))
    locales = CheckboxesField(_l("Languages of the catalogue"))
    stories = SelectField(_l("Producers' stories"), choices=choices(STORY_LABELS))
    code_prefix = StringField(
        _l("Letters before the item codes (such as WG for WG-001)"), [Optional(), Length(max=6)]
    )


@cache
def settings_form_class(languages: tuple[str, ...], new: bool) -> type[_SettingsBase]:
    """The theme step's form, with a title and an introduction field per language."""
    fields: dict = {}
    if new:
        fields["slug"] = StringField(
            _l("Web address name (small letters and hyphens; left empty, made from the title)"),
            [Optional(), Length(max=80)],
        )
    for lang in languages:
        fields[f"title_{lang}"] = StringField(_l("Title (%(lang)s)", lang=lang), [Length(max=200)])
        fields[f"intro_{lang}"] = TextAreaField(
            _l("Introduction (%(lang)s)", lang=lang), [Length(max=2000)]
        )
    return type("SettingsForm", (_SettingsBase,), fields)


class RulesForm(Form):
    categories = CheckboxesField(_l("Categories (none ticked: all)"))
    tags = StringField(_l("Tags, separated by commas (any of them)"), [Length(max=500)])
    regions = CheckboxesField(_l("Regions (none ticked: all)"))
    economies = StringField(
        _l("Countries, two-letter codes separated by commas (such as CL, VN)"), [Length(max=200)]
    )
    women_led = BooleanField(_l("Only women-led producers"))
    community_types = CheckboxesField(_l("Communities (none ticked: all)"))
    price_min = StringField(_l("Lowest price, in the catalogue currency"), [Length(max=20)])
    price_max = StringField(_l("Highest price, in the catalogue currency"), [Length(max=20)])
    min_capacity = StringField(_l("Makes at least this many a month"), [Length(max=20)])


class SearchForm(Form):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField(_l("Find a product by name or code"), [Optional(), Length(max=100)])


class ItemActionForm(Form):
    """One button on one item: add, exclude, include, pin, unpin, split, up, down."""

    action = HiddenField()
    item_id = HiddenField()
    product_id = HiddenField()


class PoolForm(Form):
    items = CheckboxesField(_l("Items to pool"))
    same_item = BooleanField(
        _l("They are the same item: a buyer gets the same thing from either producer")
    )


class ArrangementForm(Form):
    group_by = SelectField(_l("Group the items by"), choices=choices(GROUPS))
    sort_by = SelectField(_l("Within each group, sort by"), choices=choices(SORTS))


class _PricingBase(Form):
    currency = StringField(_l("Currency of the catalogue (USD, CLP, VND…)"), [Length(max=20)])
    markup_percent = StringField(_l("Markup over the producers' price, in %"), [Length(max=20)])
    rounding_step = StringField(
        _l("Round prices up to a multiple of (such as 0.50 or 1000)"), [Optional(), Length(max=20)]
    )
    price_display = SelectField(_l("Show prices as"), choices=choices(DISPLAY_LABELS))
    order_opens_on = StringField(
        _l("Orders open on"), [Optional(), Length(max=20)], render_kw={"type": "date"}
    )
    order_closes_on = StringField(
        _l("Orders close on"), [Optional(), Length(max=20)], render_kw={"type": "date"}
    )


@cache
def pricing_form_class(
    languages: tuple[str, ...], currencies: tuple[str, ...]
) -> type[_PricingBase]:
    """The prices step's form: how-to-order texts per language, a rate per source currency."""
    fields: dict = {}
    for lang in languages:
        fields[f"how_to_order_{lang}"] = TextAreaField(
            _l("How to order (%(lang)s)", lang=lang), [Optional(), Length(max=2000)]
        )
    for code in currencies:
        fields[f"rate_{code}"] = StringField(
            _l("1 %(code)s is worth, in the catalogue currency", code=code),
            [Optional(), Length(max=30)],
        )
    return type("PricingForm", (_PricingBase,), fields)


class ItemPriceForm(Form):
    item_id = HiddenField()
    unit_price = StringField(_l("Own price"), [Optional(), Length(max=20)])
