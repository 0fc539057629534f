"""The producer's profile page: her public story and consent, and her private contact."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from catalogue.core.forms import save_form
from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.producers import services as producer_services
from catalogue.producers.forms import community_choices, profile_form_class
from catalogue.producers.models import ProducerContact
from catalogue.products.portal.common import Page, bp, languages, producer_of, render


@bp.route("/profile", methods=["GET", "POST"])
@requires("producer.edit")
def profile(network_slug: str, producer_slug: str) -> Page:
    """Her profile: shown filled in, saved through ``producers.services.update_profile``."""
    producer = producer_of(producer_slug)
    contact = db.session.get(ProducerContact, producer.id)
    form = profile_form_class(languages())()
    form.community_type.choices = community_choices()
    if request.method == "GET":
        form.display_name.data, form.region.data = producer.display_name, producer.region
        form.economy.data, form.languages.data = producer.economy, ", ".join(producer.languages)
        form.founded_year.data = str(producer.founded_year or "")
        form.community_type.data = producer.community_type or ""
        form.women_led.data = {True: "yes", False: "no"}.get(producer.women_led, "")
        form.women_workers.data = str(producer.women_workers or "")
        form.total_workers.data = str(producer.total_workers or "")
        form.consent_public_profile.data = producer.consent_public_profile
        form.consent_share_identity.data = producer.consent_share_identity
        for lang in languages():
            getattr(form, f"story_{lang}").data = producer.story.get(lang, "")
        if contact:
            form.owner_names.data, form.email.data = contact.owner_names, contact.email
            form.phone.data, form.address.data = contact.phone, contact.address

    def save() -> None:
        data = {name: field.data for name, field in form._fields.items() if name != "csrf_token"}
        data["story"] = {lang: data.pop(f"story_{lang}") or "" for lang in languages()}
        producer_services.update_profile(db.session, producer, data, current_user)

    done = save_form(form, save)
    if done.saved:
        flash(_("Your profile is saved."), "success")
        return redirect(
            url_for("producers.mine", network_slug=network_slug, producer_slug=producer.slug)
        )
    return render("portal/profile.html", done.status, producer=producer, form=form)
