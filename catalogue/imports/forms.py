"""The upload form (a spreadsheet and an optional zip of photos) and the confirmation form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField
from wtforms.validators import DataRequired

from catalogue.core.forms import Form


class UploadForm(Form):
    table = FileField(
        _l("Spreadsheet (CSV or Excel .xlsx)"),
        validators=[FileRequired(_l("Choose the spreadsheet to import."))],
        render_kw={"accept": ".csv,.xlsx,text/csv"},
    )
    photos = FileField(
        _l("Photos (a .zip file, optional)"),
        validators=[FileAllowed(["zip"], _l("The photos must come in a .zip file."))],
        render_kw={"accept": ".zip,application/zip"},
    )


class ConfirmForm(Form):
    token = HiddenField(validators=[DataRequired()])
