"""Public pages kept in memory while the data they show is unchanged.

A page a visitor who is not signed in asks for is rendered once and kept, keyed by its path,
query and language and tagged with the content version (``core.content_version``) it was made
at; the next request checks the version with one small query and answers from memory while it
is current. A change anywhere that pages show makes every kept page stale at once, in every
worker, since each checks the database. Pages are also dropped after ``PAGE_CACHE_SECONDS``
(for anything that depends on the date) and the least recently used go first beyond
``PAGE_CACHE_SIZE`` pages (0 turns the cache off).

What differs per visitor stays out of a kept page: signed-in users, requests carrying a
message to show (a flash) and anything but GET/HEAD always get a fresh render; a view marks a
page that is not the same for every visitor (``g.page_cache_private``: a private catalogue's)
and it is never kept; the CSRF token of the language form is rendered as a placeholder that is
replaced with the visitor's own token on the way out.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, Response, current_app, g, make_response, request, session
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from catalogue.core import content_version
from catalogue.extensions import db

F = TypeVar("F", bound=Callable[..., Any])
_KEY = "catalogue.page_cache"
_RENDERING = "page_cache_rendering"
# Set on ``g`` by a view whose page is not the same for every visitor (a private catalogue's).
PRIVATE = "page_cache_private"
# A page larger than this is not kept (none of the cached pages comes near it).
MAX_PAGE_BYTES = 512 * 1024


@dataclass(frozen=True)
class Kept:
    version: str
    made: float
    body: str
    mimetype: str


class PageCache:
    """The pages one process keeps: least recently used first out, thread-safe."""

    def __init__(self, size: int, seconds: float) -> None:
        self.size = size
        self.seconds = seconds
        # Unguessable, so that no text a user writes can contain it.
        self.placeholder = f"csrf-placeholder-{secrets.token_hex(16)}"
        self._pages: OrderedDict[tuple[str, ...], Kept] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...], version: str) -> Kept | None:
        with self._lock:
            kept = self._pages.get(key)
            if kept is None:
                return None
            if kept.version != version or time.monotonic() - kept.made > self.seconds:
                del self._pages[key]
                return None
            self._pages.move_to_end(key)
            return kept

    def put(self, key: tuple[str, ...], kept: Kept) -> None:
        with self._lock:
            self._pages[key] = kept
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()

    def __len__(self) -> int:
        return len(self._pages)


def init_page_cache(app: Flask) -> None:
    """Give ``app`` its page cache and the CSRF-token function its templates call."""
    app.extensions[_KEY] = PageCache(
        int(app.config["PAGE_CACHE_SIZE"]), float(app.config["PAGE_CACHE_SECONDS"])
    )
    app.jinja_env.globals["csrf_token"] = csrf_token
    # Flask-WTF also puts its own in every template's context: this one replaces it.
    app.context_processor(lambda: {"csrf_token": csrf_token})


def cache_of(app: Flask) -> PageCache:
    """``app``'s page cache."""
    return app.extensions[_KEY]


def csrf_token() -> str:
    """The visitor's CSRF token; the placeholder while a page to keep is rendered."""
    if g.get(_RENDERING):
        return cache_of(current_app).placeholder
    return generate_csrf()


def _cacheable() -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not current_user.is_authenticated
        and "_flashes" not in session
    )


def _with_token(cache: PageCache, body: str) -> str:
    """``body`` with the visitor's own CSRF token in place of the placeholder."""
    if cache.placeholder in body:
        return body.replace(cache.placeholder, generate_csrf())
    return body


def public_page(view: F) -> F:
    """Serve ``view``'s page from the cache to visitors who are not signed in (see the module
    docstring). Apply it outside the permission check (``@requires``): a page is only kept when
    the view answered 200 to a visitor who is not signed in, and whether it still would depends
    only on the data, which the content version vouches for."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        cache = cache_of(current_app)
        if cache.size <= 0 or not _cacheable():
            return view(*args, **kwargs)
        version = content_version.current(db.session)
        # The host and scheme too: a page that ever names its own address must not be served
        # to visitors who asked another one (a forged Host header, say).
        key = (
            request.scheme,
            request.host,
            request.path,
            request.query_string.decode("latin-1"),
            str(get_locale()),
        )
        kept = cache.get(key, version)
        if kept is not None:
            return Response(_with_token(cache, kept.body), mimetype=kept.mimetype)
        g.setdefault(_RENDERING, True)
        try:
            response = make_response(view(*args, **kwargs))
        finally:
            g.pop(_RENDERING, None)
        private = g.pop(PRIVATE, False)  # the view says: not for every visitor
        if response.direct_passthrough:  # a file, not a page made from a template
            return response
        if response.status_code != 200 or private:
            response.set_data(_with_token(cache, response.get_data(as_text=True)))
            return response
        body = response.get_data(as_text=True)
        # A form's own token field (WTForms) would carry this visitor's token: never kept.
        token = g.get("csrf_token")
        if len(body) <= MAX_PAGE_BYTES and not (token and token in body):
            cache.put(key, Kept(version, time.monotonic(), body, response.mimetype or "text/html"))
        response.set_data(_with_token(cache, body))
        return response

    return wrapper  # type: ignore[return-value]
