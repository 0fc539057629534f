"""The helper thread: how the steps of one photo run on a second core, or at once without it.

Pillow releases the GIL while it decodes, resamples and encodes (and ``derivatives.encode_jpeg``
writes to a file descriptor), so a step on the helper thread really runs at the same time as
this one. Each step is a pure function of its arguments, so the bytes are the same either way.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

_T = TypeVar("_T")

_pool_lock = threading.Lock()
_pool: tuple[int, ThreadPoolExecutor] | None = None


def _worker() -> ThreadPoolExecutor:
    """The helper thread of this process, created on first use (and again in a forked child,
    which inherits the executor but not its thread). Steps only ever wait for steps started
    before them, so one thread shared by all photos cannot deadlock."""
    global _pool
    with _pool_lock:
        if _pool is None or _pool[0] != os.getpid():
            _pool = (os.getpid(), ThreadPoolExecutor(1, thread_name_prefix="photo-pipeline"))
        return _pool[1]


class Steps:
    """Steps of one photo run on the helper thread with ``parallel`` (Pillow releases the GIL
    while it decodes, resamples and encodes), or at once on this thread without. Each step is a
    pure function of its arguments, so the bytes are the same either way. ``start`` returns
    the function that gives the step's result (waiting for it if need be)."""

    def __init__(self, parallel: bool) -> None:
        self.parallel = parallel

    def start(self, fn: Callable[..., _T], *args: Any) -> Callable[[], _T]:
        """Run ``fn(*args)`` as a step; returns what waits for and gives its result."""
        if self.parallel:
            return _worker().submit(fn, *args).result
        return given(fn(*args))


def nothing() -> None:
    """The result of a step that was never started."""
    return None


def given(value: _T) -> Callable[[], _T]:
    """A step already done: gives ``value``."""
    return lambda: value
