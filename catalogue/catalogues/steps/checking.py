"""Step 6: the check before publishing: what is missing or wrong, and where it is fixed."""

from __future__ import annotations

from flask_babel import gettext as _

from catalogue.catalogues import completeness, themechoice
from catalogue.catalogues.models import Catalogue
from catalogue.catalogues.steps.common import Page, render_step
from catalogue.extensions import db


def check_step(catalogue: Catalogue) -> Page:
    report = completeness.check(db.session, catalogue)
    return render_step(
        "catalogues/check.html",
        catalogue,
        "check",
        report=report,
        channels={"print": _("Print"), "web": _("Web and screen")},
        links=themechoice.edition_links(catalogue.network.slug, catalogue.slug),
    )
