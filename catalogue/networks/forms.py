"""The facilitator's form for adding a user to her network."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from catalogue.auth.models import Role
from catalogue.core.forms import Form

ROLE_LABELS = {
    Role.ADMIN: _l("Admin"),
    Role.FACILITATOR: _l("Facilitator"),
    Role.PRODUCER: _l("Producer"),
    Role.BUYER: _l("Buyer"),
    Role.PRINT_SHOP: _l("Print shop"),
}


class AddUserForm(Form):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    role = SelectField(
        _l("Role"), choices=[SelectChoice(r.value, label) for r, label in ROLE_LABELS.items()]
    )
    producer = SelectField(_l("Producer (for a producer's account)"), coerce=int, default=0)
    print_shop = SelectField(_l("Print shop (for a print shop's account)"), coerce=int, default=0)
    locale = SelectField(_l("Language"), validators=[Optional()])
    password = PasswordField(
        _l("First password (she can change it)"), validators=[DataRequired(), Length(max=500)]
    )
