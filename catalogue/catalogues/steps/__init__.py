"""One handler per builder step: fill the step's forms, call the service on POST, render.

Each POST names what it does in ``action``; a refused form is shown again with its errors
(status 400) and a refused button comes back as a message, the data unchanged either way.
"""

from __future__ import annotations

from collections.abc import Callable

from catalogue.catalogues.models import Catalogue
from catalogue.catalogues.steps.arranging import arrangement_step
from catalogue.catalogues.steps.checking import check_step
from catalogue.catalogues.steps.choosing import pooling_step, selection_step
from catalogue.catalogues.steps.common import STEPS, Page, step_bar
from catalogue.catalogues.steps.pricing import pricing_step
from catalogue.catalogues.steps.settings import fill_settings_choices, settings_data, theme

HANDLERS: dict[str, Callable[[Catalogue], Page]] = {
    "theme": theme,
    "selection": selection_step,
    "pooling": pooling_step,
    "arrangement": arrangement_step,
    "pricing": pricing_step,
    "check": check_step,
}

__all__ = ["HANDLERS", "STEPS", "fill_settings_choices", "settings_data", "step_bar"]
