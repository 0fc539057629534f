"""Text in the PDFs: user text is printed literally (never read as markup), NFC, in the edition's
language with a fallback; flyers, leaflets and story pages carry the texts they should."""

from __future__ import annotations

import unicodedata

import pytest
from pypdf import PdfReader

from catalogue.exports.pdf import render_pdf
from tests.exports.conftest import qpdf_check

MARKUP_NAME = 'Tom & Jerry <3 <font color="red">x</font> <img src="/etc/x.png"/>'


def render(snapshot, theme, store, tmp_path, *, locale="en", variant="print"):
    out = tmp_path / f"{variant}-{locale}.pdf"
    result = render_pdf(snapshot, theme, out, locale=locale, variant=variant, photo_path=store.path)
    qpdf_check(out)
    return out, result


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("variant", ["print", "screen"])
def test_a_name_full_of_markup_is_printed_literally_and_embeds_nothing(
    snapshot_factory, theme, store, tmp_path, variant
):
    snapshot = snapshot_factory(1, layout="grid1")
    snapshot["items"][0]["name"]["en"] = MARKUP_NAME
    snapshot["items"][0]["description"]["en"] = "<b>not bold</b> & <br/> stays"
    pdf, result = render(snapshot, theme, store, tmp_path, variant=variant)
    reader = PdfReader(pdf)
    page = reader.pages[result.item_pages["WG-001"] - 1]
    text = page.extract_text()
    assert MARKUP_NAME in text.splitlines()
    assert "<b>not bold</b> & <br/> stays" in flat(text)
    images = {
        ref.idnum: ref.get_object()
        for p in reader.pages
        for ref in (p["/Resources"].get("/XObject") or {}).values()
    }
    assert len(images) == 1  # the item's photo (also on the cover), nothing from <img>
    assert [i["/Width"] for i in images.values()] == [2126 if variant == "print" else 1063]
    assert result.images == 1


NAMES = {
    "vi": "Khăn lụa tơ tằm",
    "es": "Bolsa tejida a mano en telar de cintura",
    "fr": "Écharpe tissée à la main, laine d'alpaga",
}


@pytest.mark.parametrize("locale", sorted(NAMES))
def test_names_come_out_exactly_in_nfc_whatever_form_they_went_in(
    snapshot_factory, theme, store, tmp_path, locale
):
    snapshot = snapshot_factory(1, locales=(locale,), layout="grid1")
    decomposed = unicodedata.normalize("NFD", NAMES[locale])
    assert decomposed != NAMES[locale] or locale == "es"
    snapshot["items"][0]["name"][locale] = decomposed
    pdf, result = render(snapshot, theme, store, tmp_path, locale=locale)
    text = PdfReader(pdf).pages[result.item_pages["WG-001"] - 1].extract_text()
    assert NAMES[locale] in text.splitlines()


def test_a_text_missing_in_the_locale_falls_back_to_the_catalogues_first_language(
    snapshot_factory, theme, store, tmp_path
):
    snapshot = snapshot_factory(1, locales=("es", "en"), layout="grid1")
    snapshot["items"][0]["name"] = {"es": "Bolsa tejida a mano", "en": ""}
    pdf, result = render(snapshot, theme, store, tmp_path, locale="en")
    text = PdfReader(pdf).pages[result.item_pages["WG-001"] - 1].extract_text()
    assert "Bolsa tejida a mano" in text


def test_labels_money_and_dates_follow_the_locale(snapshot_factory, theme, store, tmp_path):
    snapshot = snapshot_factory(1, locales=("fr",), fmt="flyer")
    pdf, _ = render(snapshot, theme, store, tmp_path, locale="fr")
    text = flat(PdfReader(pdf).pages[0].extract_text())
    assert "Comment commander" in text
    assert "Commandes du 1 mars 2027 au 30 avril 2027" in text
    assert "12,00" in text and "18,50" in text


def test_a_flyer_is_one_page_with_title_intro_items_and_how_to_order(
    snapshot_factory, theme, store, tmp_path
):
    snapshot = snapshot_factory(9, fmt="flyer", layout="grid4")
    pdf, result = render(snapshot, theme, store, tmp_path)
    reader = PdfReader(pdf)
    assert len(reader.pages) == result.pages == 1
    text = flat(reader.pages[0].extract_text())
    for expected in (
        "Winter textiles",
        "Warm things made by hand",
        "How to order",
        "orders@example.org",
    ):
        assert expected in text
    assert len(result.item_pages) == 4  # grid4: the first four items, in section order


def test_a_leaflet_has_items_on_both_sides_and_order_details_on_the_back(
    snapshot_factory, theme, store, tmp_path
):
    snapshot = snapshot_factory(20, fmt="leaflet", layout="grid6")
    pdf, result = render(snapshot, theme, store, tmp_path)
    reader = PdfReader(pdf)
    assert len(reader.pages) == 2
    assert sorted(set(result.item_pages.values())) == [1, 2]
    front, back = (flat(p.extract_text()) for p in reader.pages)
    assert "Winter textiles" in front and "How to order" not in front
    assert "How to order" in back and "Orders from March 1, 2027 to April 30, 2027" in back


def test_booklet_story_pages_per_producer_or_per_region(snapshot_factory, theme, store, tmp_path):
    for stories, expected in (("producer", 2), ("region", 2), ("none", 0)):
        snapshot = snapshot_factory(6, stories=stories)
        snapshot["producers"].append({**snapshot["producers"][0], "id": 3, "name": "Eva Cruz"})
        pdf, _ = render(snapshot, theme, store, tmp_path)
        texts = [p.extract_text() for p in PdfReader(pdf).pages]
        story_pages = [t for t in texts if "learnt weaving from her mother" in t]
        assert len(story_pages) == (3 if stories == "producer" else expected), stories
        if stories == "region":
            cusco = next(t for t in story_pages if "Rosa Quispe" in t)
            assert "Eva Cruz" in cusco


def test_contents_page_lists_sections_with_their_pages(snapshot_factory, theme, store, tmp_path):
    snapshot = snapshot_factory(10)
    pdf, result = render(snapshot, theme, store, tmp_path)
    lines = PdfReader(pdf).pages[1].extract_text().splitlines()
    listed = {lines[i]: lines[i + 1] for i in range(len(lines) - 1)}
    assert listed["Scarves and shawls"] == str(result.item_pages["WG-001"])
    assert listed["Bags"] == str(result.item_pages["WG-002"])
    assert int(listed["Index of items"]) > int(listed["The producers"]) > int(listed["Bags"])
