"""Step 1, theme: look, purpose, languages and texts of the catalogue."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from catalogue.catalogues import services, themechoice
from catalogue.catalogues.forms import LAYOUT_LABELS, settings_form_class
from catalogue.catalogues.models import Catalogue
from catalogue.catalogues.steps.common import Page, render_step, step_url
from catalogue.core.forms import save_form
from catalogue.core.i18n import LANGUAGE_NAMES
from catalogue.core.templating import localised
from catalogue.extensions import db


def fill_settings_choices(form: Any, themes: list[themechoice.ThemeChoice]) -> None:
    form.theme.choices = [SelectChoice(t.slug, localised(t.name, t.slug)) for t in themes]
    form.locales.choices = [
        SelectChoice(code, LANGUAGE_NAMES.get(code, code))
        for code in current_app.config["LANGUAGES"]
    ]


def settings_data(form: Any, languages: tuple[str, ...], *, new: bool) -> dict[str, Any]:
    data = {
        name: getattr(form, name).data
        for name in ("theme", "layout", "kind", "market", "format", "stories", "code_prefix")
    }
    data["locales"] = list(form.locales.data or [])
    data["title"] = {lang: getattr(form, f"title_{lang}").data or "" for lang in languages}
    data["intro"] = {lang: getattr(form, f"intro_{lang}").data or "" for lang in languages}
    if new:
        data["slug"] = form.slug.data or ""
    return data


def theme(catalogue: Catalogue) -> Page:
    languages = tuple(current_app.config["LANGUAGES"])
    form = settings_form_class(languages, False)()
    themes = themechoice.available()
    fill_settings_choices(form, themes)
    if not form.is_submitted():
        form.theme.data, form.layout.data = catalogue.theme_slug, catalogue.layout
        form.kind.data, form.market.data = catalogue.kind.value, catalogue.market.value
        form.format.data, form.stories.data = catalogue.format.value, catalogue.stories
        form.locales.data, form.code_prefix.data = list(catalogue.locales), catalogue.code_prefix
        for lang in languages:
            getattr(form, f"title_{lang}").data = catalogue.title.get(lang, "")
            getattr(form, f"intro_{lang}").data = catalogue.intro.get(lang, "")
    done = save_form(
        form,
        lambda: services.update_settings(
            db.session, catalogue, settings_data(form, languages, new=False), current_user
        ),
    )
    if done.saved:
        flash(_("Saved."), "success")
        return redirect(step_url(catalogue, "selection"))
    return render_step(
        "catalogues/theme.html",
        catalogue,
        "theme",
        done.status,
        form=form,
        themes=themes,
        languages=languages,
        layout_labels=LAYOUT_LABELS,
    )
