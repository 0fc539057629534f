"""Forms of the producer portal: product details and text, capacity, prices, photos, costing,
and the facilitator's review decision."""

from __future__ import annotations

from functools import cache

from babel.dates import get_month_names
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from catalogue.core.forms import Form
from catalogue.core.schema import max_length
from catalogue.media.services import AltTextIn
from catalogue.products.schemas import ProductTextIn
from catalogue.products.services import CATEGORIES, COLOURS, SkuIn


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class _ProductBase(Form):
    sku = StringField(_l("Your product code"), [Length(max=max_length(SkuIn, "sku"))])
    category = SelectField(_l("Category"))
    tags = StringField(_l("Tags, separated by commas"), [Length(max=300)])
    colours = CheckboxesField(_l("Colours"))
    materials = StringField(_l("Materials, separated by commas"), [Length(max=300)])
    length_mm = StringField(_l("Length (mm)"), [Optional(), Length(max=20)])
    width_mm = StringField(_l("Width (mm)"), [Optional(), Length(max=20)])
    height_mm = StringField(_l("Height (mm)"), [Optional(), Length(max=20)])
    weight_g = StringField(_l("Weight (g)"), [Optional(), Length(max=20)])
    is_food = BooleanField(_l("It is a food or drink"))
    perishable = BooleanField(_l("It spoils (needs cool storage or quick sale)"))
    shelf_life_days = StringField(_l("Keeps for how many days"), [Optional(), Length(max=20)])


@cache
def product_form_class(languages: tuple[str, ...]) -> type[_ProductBase]:
    """The product form with name, description and story fields for each content language."""
    fields = {}
    for lang in languages:
        fields[f"name_{lang}"] = StringField(
            _l("Name (%(lang)s)", lang=lang), [Length(max=max_length(ProductTextIn, "name"))]
        )
        fields[f"description_{lang}"] = TextAreaField(
            _l("Description: materials, size, use (%(lang)s)", lang=lang),
            [Length(max=max_length(ProductTextIn, "description"))],
        )
        fields[f"story_{lang}"] = TextAreaField(
            _l("The story behind it (%(lang)s)", lang=lang),
            [Length(max=max_length(ProductTextIn, "story"))],
        )
    return type("ProductForm", (_ProductBase,), fields)


def fill_product_choices(form: _ProductBase, labels: dict[str, str]) -> None:
    form.category.choices = [SelectChoice(c, labels.get(c, c)) for c in CATEGORIES]
    form.colours.choices = [SelectChoice(c, labels.get(c, c)) for c in COLOURS]


class CapacityForm(Form):
    units_per_month = StringField(_l("How many can you make in a month?"), [Length(max=20)])
    lead_time_days = StringField(_l("Days needed to make an order"), [Length(max=20)])
    min_order = StringField(_l("Smallest order you accept"), [Length(max=20)])
    case_multiple = StringField(_l("Units per box or case"), [Length(max=20)])
    months = CheckboxesField(_l("Months you can make it"))

    def fill_months(self) -> None:
        names = get_month_names("wide", locale=get_locale())
        self.months.choices = [SelectChoice(str(m), names[m]) for m in range(1, 13)]


class PriceForm(Form):
    currency = StringField(_l("Currency (CLP, CAD, VND, USD…)"), [Length(max=20)])
    wholesale_min = StringField(_l("Lowest wholesale price"), [Length(max=20)])
    wholesale_max = StringField(_l("Highest wholesale price"), [Length(max=20)])
    retail_min = StringField(_l("Lowest retail price"), [Optional(), Length(max=20)])
    retail_max = StringField(_l("Highest retail price"), [Optional(), Length(max=20)])
    tiers = TextAreaField(
        _l("Prices for bigger orders, one per line: quantity: price"),
        [Optional(), Length(max=2000)],
    )


class RemovePriceForm(Form):
    currency = HiddenField()


class PhotoUploadForm(Form):
    photo = FileField(_l("Photo (JPEG, PNG, WebP or HEIC)"), [FileRequired()])


class PhotoActionForm(Form):
    action = HiddenField()
    alt_text = StringField(
        _l("What the photo shows (for people who cannot see it)"),
        [Optional(), Length(max=max_length(AltTextIn, "alt_text"))],
    )


class CostingForm(Form):
    currency = StringField(_l("Currency"), [Length(max=20)])
    materials = StringField(_l("Materials for one item"), [Length(max=20)])
    hours = StringField(_l("Hours of work for one item"), [Length(max=20)])
    hourly_rate = StringField(_l("Pay for one hour of work"), [Length(max=20)])
    overhead_percent = StringField(
        _l("Other costs, as % (tools, light, transport)"), [Optional(), Length(max=20)]
    )


class SubmitForm(Form):
    pass


class DiscardChangeForm(Form):
    """Withdraw a change that waits for review (the approved version stays)."""


class ReviewForm(Form):
    decision = SelectField(
        _l("Decision"),
        choices=[
            SelectChoice("approve", _l("Approve")),
            SelectChoice("changes", _l("Ask for changes")),
        ],
    )
    note = TextAreaField(
        _l("Note for the producer (she reads it in her portal)"), [Optional(), Length(max=4000)]
    )
