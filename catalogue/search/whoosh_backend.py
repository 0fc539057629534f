"""The default search backend, on Whoosh (the ``whoosh-reloaded`` fork). Every Whoosh import and
call of the project is in this module, so that replacing the library touches one file.

Per language the index has four text fields: the name and the description, each once as typed
(lower-cased, stemmed where Whoosh has a Snowball stemmer) and once accent-folded
(``CharsetFilter(accent_map)``: "lụa" is "lua"). A query word is looked for in all of them, so
"khan lua" finds "Khăn lụa"; a document that matches the word as typed also matches its folded
form and so scores above one that only matches folded - Vietnamese "cá" (fish) ranks above "cà"
(aubergine) for the query "cá". Producer names, materials, tags and the region are one more pair
of fields. Facets are columns (one value) or term vectors (colours, several values).
"""

from __future__ import annotations

import html
import math
import os
import random
import shutil
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from whoosh import fields, highlight, index, qparser, sorting, writing
from whoosh import query as wq
from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.index import EmptyIndexError
from whoosh.lang import has_stemmer, has_stopwords
from whoosh.support.charset import accent_map

from catalogue.search.backend import Progress
from catalogue.search.documents import FACETS, Document, Hit, Query, Results

BATCH = 1000
LOCK_TIMEOUT_S = 30.0
SNIPPET_CHARS = 400  # of a description kept for snippets
# Query-time weights: a name counts more than a description, a word as typed more than folded.
BOOSTS = {"name": 4.0, "namef": 2.0, "text": 1.0, "textf": 0.5, "extra": 1.0, "extraf": 0.5}
READER_LOCALE_BOOST = 1.25
NO_COLOUR = "_"

# One lock per index folder in this process; Whoosh's file lock covers other processes.
_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def _analyzer(lang: str | None, *, fold: bool) -> Analyzer:
    chain: Any = RegexTokenizer() | LowercaseFilter()
    if lang and has_stopwords(lang):
        chain = chain | StopFilter(lang=lang)
    if fold:
        chain = chain | CharsetFilter(accent_map)
    if lang and has_stemmer(lang):
        chain = chain | StemFilter(lang=lang)
    return chain


def _fold(text: str) -> str:
    return " ".join(t.text for t in _analyzer(None, fold=True)(_nfc(text)))


class _MarkFormatter(highlight.Formatter):
    """Escapes the text and wraps each match in ``<mark>`` - nothing else becomes HTML."""

    between = " … "

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return (
            "<mark>"
            + html.escape(highlight.get_text(text, token, replace), quote=False)
            + ("</mark>")
        )


class WhooshBackend:
    """A Whoosh index in ``folder`` for documents with texts in ``languages``."""

    def __init__(self, folder: str | os.PathLike[str], languages: Iterable[str]) -> None:
        self.folder = Path(folder)
        self.languages = tuple(languages)
        self.schema = self._schema()
        self._local = threading.local()
        key = str(self.folder.resolve())
        with _LOCKS_GUARD:
            self._lock = _LOCKS.setdefault(key, threading.Lock())

    # -- schema ---------------------------------------------------------------------------
    def _schema(self) -> fields.Schema:
        spec: dict[str, Any] = {
            "id": fields.ID(stored=True, unique=True),
            "kind": fields.ID(stored=True),
            "network": fields.ID,
            "scope": fields.ID,
            "category": fields.ID(sortable=True),
            "region": fields.ID(sortable=True),
            "colour": fields.KEYWORD(vector=True),
            "price_band": fields.ID(sortable=True),
            "lead_band": fields.ID(sortable=True),
            # Hundredths, as integers: this Whoosh's float columns fail to write.
            "price": fields.NUMERIC(int, bits=64, sortable=True, stored=True),
            "titles": fields.STORED,
            "descs": fields.STORED,
            "url": fields.STORED,
            "thumb": fields.STORED,
            "spell": fields.TEXT(analyzer=_analyzer(None, fold=False), phrase=False),
            "extra": fields.TEXT(analyzer=_analyzer(None, fold=False), phrase=False),
            "extraf": fields.TEXT(analyzer=_analyzer(None, fold=True), phrase=False),
        }
        for lang in self.languages:
            exact, folded = _analyzer(lang, fold=False), _analyzer(lang, fold=True)
            spec[f"name_{lang}"] = fields.TEXT(analyzer=exact, phrase=False)
            spec[f"namef_{lang}"] = fields.TEXT(analyzer=folded, phrase=False)
            spec[f"text_{lang}"] = fields.TEXT(analyzer=exact, phrase=False)
            spec[f"textf_{lang}"] = fields.TEXT(analyzer=folded, phrase=False)
            spec[f"sort_{lang}"] = fields.ID(sortable=True)
        return fields.Schema(**spec)

    def _fields_of(self, doc: Document) -> dict[str, Any]:
        names = {k: _nfc(v) for k, v in doc.names.items() if v}
        descs = {k: _nfc(v) for k, v in doc.descriptions.items() if v}
        extra = " ".join(_nfc(t) for t in (*doc.producers, *doc.materials, *doc.tags, doc.region))
        first_name = next(iter(names.values()), "")
        out: dict[str, Any] = {
            "id": doc.id,
            "kind": doc.kind,
            "network": doc.network,
            "scope": doc.scope or "",
            "category": doc.category or "",
            "region": doc.region or "",
            # Every document needs a colour vector (the facet reads vectors): "_" stands for none.
            "colour": " ".join(doc.colours) or NO_COLOUR,
            "price_band": doc.price_band or "",
            "lead_band": doc.lead_band or "",
            "titles": names,
            "descs": {k: v[:SNIPPET_CHARS] for k, v in descs.items()},
            "url": doc.url,
            "thumb": doc.thumbnail_url,
            "spell": " ".join([*names.values(), *descs.values(), extra]),
            "extra": extra,
            "extraf": extra,
        }
        if doc.price is not None and math.isfinite(doc.price):
            out["price"] = round(doc.price * 100)
        for lang in self.languages:
            name, desc = names.get(lang, ""), descs.get(lang, "")
            if name:
                out[f"name_{lang}"] = out[f"namef_{lang}"] = name
            if desc:
                out[f"text_{lang}"] = out[f"textf_{lang}"] = desc
            out[f"sort_{lang}"] = _fold(name or first_name)[:100]
        return out

    # -- writing ----------------------------------------------------------------------------
    def _writable(self) -> Any:
        if index.exists_in(self.folder):
            ix = index.open_dir(self.folder)
            if set(ix.schema.names()) == set(self.schema.names()):
                return ix
        self.folder.mkdir(parents=True, exist_ok=True)
        return index.create_in(self.folder, self.schema)

    @contextmanager
    def _writing(self, ix: Any, **commit: Any) -> Iterator[Any]:
        """A Whoosh writer (its lock taken, waiting up to ``LOCK_TIMEOUT_S``), committed when
        the block ends and given up - its lock released whatever failed - when it raises."""
        # Whoosh names new segments with the global ``random``: seeded by someone else (tests
        # under Hypothesis reseed it), two writers could pick one name. Draw the name from the
        # OS, and leave the global state as it was.
        state = random.getstate()
        random.seed(os.urandom(16))
        try:
            writer = ix.writer(timeout=LOCK_TIMEOUT_S, delay=0.02, limitmb=256)
        finally:
            random.setstate(state)
        try:
            yield writer
            writer.commit(**commit)
        except BaseException:
            try:
                writer.cancel()
            except Exception:  # a failed commit leaves a writer cancel() refuses
                lock = getattr(writer, "writelock", None)
                if lock is not None:
                    lock.release()
            raise

    def index(self, docs: Iterable[Document]) -> int:
        docs = list(docs)
        if not docs:
            return 0
        with self._lock, self._writing(self._writable()) as writer:
            for doc in docs:
                writer.update_document(**self._fields_of(doc))
        return len(docs)

    def remove(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if not ids or not index.exists_in(self.folder):
            return
        with self._lock, self._writing(index.open_dir(self.folder)) as writer:
            for doc_id in ids:
                writer.delete_by_term("id", doc_id)

    def reindex(self, docs: Iterable[Document], progress: Progress | None = None) -> int:
        count = 0
        # CLEAR: the new segment replaces every old one in one commit, so readers see the
        # old index or the new one, never a half-built one.
        with self._lock, self._writing(self._writable(), mergetype=writing.CLEAR) as writer:
            iterator = iter(docs)
            while batch := list(islice(iterator, BATCH)):
                for doc in batch:
                    writer.add_document(**self._fields_of(doc))
                count += len(batch)
                if progress is not None:
                    progress(len(batch))
        return count

    def clear(self) -> None:
        with self._lock:
            if self.folder.exists():
                shutil.rmtree(self.folder)
            self.folder.mkdir(parents=True, exist_ok=True)
            index.create_in(self.folder, self.schema)
        self._local.__dict__.clear()

    # -- reading ----------------------------------------------------------------------------
    def _searcher(self) -> Any | None:
        """This thread's searcher, refreshed when the index changed (a cheap check)."""
        searcher = getattr(self._local, "searcher", None)
        try:
            if searcher is None or not searcher.up_to_date():
                # A fresh reader, not Searcher.refresh(): that one reuses segment readers and
                # misses deletions made in a segment it already had open.
                if searcher is not None:
                    searcher.close()
                    self._local.searcher = None
                if not index.exists_in(self.folder):
                    return None
                searcher = index.open_dir(self.folder).searcher()
        except (EmptyIndexError, OSError):
            self._local.searcher = None
            return None
        self._local.searcher = searcher
        return searcher

    def _text_query(self, text: str, locale: str) -> Any:
        text = _nfc(text).strip()
        if not text:
            return wq.Every()
        boosts: dict[str, float] = {"extra": BOOSTS["extra"], "extraf": BOOSTS["extraf"]}
        for lang in self.languages:
            factor = READER_LOCALE_BOOST if lang == locale else 1.0
            for kind in ("name", "namef", "text", "textf"):
                boosts[f"{kind}_{lang}"] = BOOSTS[kind] * factor
        parser = qparser.MultifieldParser(
            list(boosts), self.schema, fieldboosts=boosts, group=qparser.AndGroup
        )
        # Plain words and "phrases" only: no field names, wildcards, ranges or boosts typed in.
        for plugin in (
            qparser.FieldsPlugin,
            qparser.WildcardPlugin,
            qparser.RangePlugin,
            qparser.BoostPlugin,
            qparser.PhrasePlugin,
        ):
            parser.remove_plugin_class(plugin)
        return parser.parse(text)

    def _filter(self, query: Query) -> Any | None:
        terms = []
        if query.network:
            terms.append(wq.Term("network", query.network))
        if query.scope is not None:
            terms.append(wq.Term("scope", query.scope))
        for name, value in query.filters.items():
            terms.append(wq.Term("colour" if name == "colour" else name, value))
        return wq.And(terms) if terms else None

    def query(self, query: Query) -> Results:
        page, per_page = max(1, query.page), max(1, query.per_page)
        searcher = self._searcher()
        if searcher is None:
            return Results(hits=[], total=0, page=page, per_page=per_page)
        locale = query.locale if query.locale in self.languages else self.languages[0]
        q = self._text_query(query.text, locale)
        facets = {
            name: sorting.FieldFacet(name, allow_overlap=(name == "colour"), maptype=sorting.Count)
            for name in query.facets
            if name in FACETS
        }
        sortedby: Any = None
        if query.sort == "name":
            sortedby = sorting.FieldFacet(f"sort_{locale}")
        elif query.sort == "price":
            sortedby = sorting.FieldFacet("price")
        results = searcher.search(
            q,
            limit=page * per_page,
            filter=self._filter(query),
            groupedby=facets or None,
            sortedby=sortedby,
        )
        total = len(results)
        hits = [
            self._hit(hit, query.text, locale, sortedby is None)
            for hit in results[(page - 1) * per_page : total]
        ]
        counts = {name: dict(results.groups(name)) for name in facets}
        suggestion = self.suggest(query.text, locale) if total == 0 and query.text else None
        return Results(
            hits=hits,
            total=total,
            page=page,
            per_page=per_page,
            facets={
                k: {str(v): n for v, n in c.items() if v and v != NO_COLOUR}
                for k, c in counts.items()
            },
            suggestion=suggestion,
        )

    def _hit(self, hit: Any, text: str, locale: str, sorted_by_score: bool) -> Hit:
        titles: dict[str, str] = hit.get("titles") or {}
        descs: dict[str, str] = hit.get("descs") or {}
        title = titles.get(locale) or next(iter(titles.values()), "")
        desc = descs.get(locale) or (descs.get(next(iter(titles), ""), "") if titles else "")
        desc = desc or next(iter(descs.values()), "")
        return Hit(
            id=hit["id"],
            kind=hit["kind"],
            score=float(hit.score) if sorted_by_score else 0.0,
            title=title,
            snippet=self._snippet(text, locale, desc, title),
            url=hit.get("url") or "",
            thumbnail_url=hit.get("thumb"),
            price=None if hit.get("price") is None else hit["price"] / 100,
        )

    def _snippet(self, text: str, locale: str, desc: str, title: str) -> str:
        analyzer = _analyzer(locale if locale in self.languages else None, fold=True)
        terms = frozenset(t.text for t in analyzer(_nfc(text)))
        formatter = _MarkFormatter()
        fragmenter = highlight.ContextFragmenter(maxchars=160, surround=40)
        for source in (desc, title):
            if terms and source:
                found = highlight.highlight(source, terms, analyzer, fragmenter, formatter, top=2)
                if found:
                    return found
        plain = desc[:160] + ("…" if len(desc) > 160 else "")
        return html.escape(plain, quote=False)

    def suggest(self, text: str, locale: str) -> str | None:
        searcher = self._searcher()
        text = _nfc(text).strip()
        if searcher is None or not text:
            return None
        reader = searcher.reader()
        corrector = searcher.corrector("spell")
        words = [t.text for t in _analyzer(None, fold=False)(text)]
        out, changed = [], False
        for word in words:
            if self._known(reader, word):
                out.append(word)
                continue
            found = corrector.suggest(word, limit=1, maxdist=2)
            if found:
                out.append(found[0])
                changed = True
            else:
                out.append(word)
        return " ".join(out) if changed else None

    def _known(self, reader: Any, word: str) -> bool:
        """Whether ``word`` finds something as it is (as typed, folded or stemmed)."""
        if ("spell", word) in reader:
            return True
        for lang in self.languages:
            for field in (f"namef_{lang}", f"textf_{lang}"):
                analyzer = self.schema[field].analyzer
                if any((field, t.text) in reader for t in analyzer(word)):
                    return True
        return any(("extraf", t.text) in reader for t in self.schema["extraf"].analyzer(word))

    def document_ids(self) -> Iterator[str]:
        """Every id in the index (tests, checks)."""
        searcher = self._searcher()
        if searcher is None:
            return
        for fields_ in searcher.all_stored_fields():
            yield fields_["id"]
