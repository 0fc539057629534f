"""What the Whoosh backend finds, on a real index folder: words as people type them (without
accents, in another form), exact spellings first, facet counts, suggestions, safe snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.search import Document, Query
from catalogue.search.whoosh_backend import WhooshBackend

LANGUAGES = ["en", "es", "fr", "vi"]


def doc(n: int, **kw: object) -> Document:
    base: dict[str, object] = {"id": f"product:{n}", "kind": "product", "network": "net"}
    base.update(kw)
    return Document(**base)  # type: ignore[arg-type]


@pytest.fixture
def backend(tmp_path: Path) -> WhooshBackend:
    return WhooshBackend(tmp_path / "index", LANGUAGES)


def ids(backend: WhooshBackend, text: str, locale: str = "en", **kw: object) -> list[str]:
    return [h.id for h in backend.query(Query(text=text, locale=locale, **kw)).hits]  # type: ignore[arg-type]


def test_words_typed_without_vietnamese_marks_find_the_product(backend: WhooshBackend) -> None:
    backend.index([doc(1, names={"vi": "Khăn lụa tơ tằm"}), doc(2, names={"vi": "Nón lá"})])
    assert ids(backend, "khan lua", "vi") == ["product:1"]
    assert ids(backend, "khan lua", "en") == ["product:1"]


def test_exact_vietnamese_spelling_ranks_above_folded_matches(backend: WhooshBackend) -> None:
    backend.index(
        [
            doc(1, names={"vi": "Cà pháo muối"}),
            doc(2, names={"vi": "Cá kho tộ"}),
            doc(3, names={"vi": "Ca nhựa"}),
        ]
    )
    found = ids(backend, "cá", "vi")
    assert found[0] == "product:2"
    assert set(found) == {"product:1", "product:2", "product:3"}


def test_spanish_plural_finds_the_singular(backend: WhooshBackend) -> None:
    backend.index([doc(1, names={"es": "Bolso de lana"}), doc(2, names={"es": "Collar"})])
    assert ids(backend, "bolsos", "es") == ["product:1"]


def test_word_without_accent_finds_the_accented_word(backend: WhooshBackend) -> None:
    backend.index(
        [doc(1, names={"es": "Cesta"}, descriptions={"es": "Artesanía del valle de Elqui"})]
    )
    assert ids(backend, "artesania", "es") == ["product:1"]
    assert ids(backend, "artesanía", "en") == ["product:1"]


def test_producer_materials_tags_and_region_are_searchable(backend: WhooshBackend) -> None:
    backend.index(
        [
            doc(
                1,
                names={"fr": "Panier"},
                producers=["Atelier Wendake"],
                materials=["frêne"],
                tags=["autochtone"],
                region="Québec",
            ),
            doc(2, names={"fr": "Savon"}),
        ]
    )
    for text in ("wendake", "frene", "autochtone", "quebec"):
        assert ids(backend, text, "fr") == ["product:1"], text


def test_facet_counts_equal_the_number_of_matching_documents(backend: WhooshBackend) -> None:
    backend.index(
        [
            doc(1, names={"en": "Wool scarf"}, category="textiles", colours=["red", "blue"]),
            doc(2, names={"en": "Wool hat"}, category="textiles", colours=["red"]),
            doc(3, names={"en": "Wool toy"}, category="toys"),
            doc(4, names={"en": "Silver ring"}, category="jewellery", colours=["red"]),
        ]
    )
    results = backend.query(Query(text="wool"))
    assert results.total == 3
    assert results.facets["category"] == {"textiles": 2, "toys": 1}
    assert results.facets["colour"] == {"red": 2, "blue": 1}
    filtered = backend.query(Query(text="wool", filters={"colour": "red"}))
    assert filtered.total == 2 == sum(filtered.facets["category"].values())


def test_sort_and_paging(backend: WhooshBackend) -> None:
    backend.index(
        [
            doc(n, names={"en": f"Jar {c}"}, price=p)
            for n, c, p in [(1, "b", 5), (2, "a", 9), (3, "c", 1)]
        ]
    )
    assert ids(backend, "jar", sort="name") == ["product:2", "product:1", "product:3"]
    assert ids(backend, "jar", sort="price") == ["product:3", "product:1", "product:2"]
    second = backend.query(Query(text="jar", sort="price", page=2, per_page=2))
    assert [h.id for h in second.hits] == ["product:2"] and second.total == 3


def test_a_misspelling_gets_a_suggestion(backend: WhooshBackend) -> None:
    backend.index([doc(1, names={"es": "Bolso"}, descriptions={"es": "Artesanía del valle"})])
    results = backend.query(Query(text="artesnia", locale="es"))
    assert results.total == 0
    assert results.suggestion == "artesanía"
    assert backend.suggest("bolso", "es") is None


def test_highlighting_escapes_html_in_user_text(backend: WhooshBackend) -> None:
    backend.index(
        [
            doc(
                1,
                names={"en": "<script>alert(1)</script>"},
                descriptions={"en": 'A <b>bold</b> "script" & more'},
            )
        ]
    )
    (hit,) = backend.query(Query(text="script")).hits
    assert "<mark>script</mark>" in hit.snippet
    assert "&lt;b&gt;bold&lt;/b&gt;" in hit.snippet and "&amp;" in hit.snippet
    assert "<b>" not in hit.snippet and "<script" not in hit.snippet
    assert hit.snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_remove_and_clear(backend: WhooshBackend) -> None:
    backend.index([doc(1, names={"en": "Soap"}), doc(2, names={"en": "Soap dish"})])
    backend.remove(["product:1"])
    assert ids(backend, "soap") == ["product:2"]
    backend.clear()
    assert backend.query(Query(text="soap")).total == 0
