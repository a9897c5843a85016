"""The one cache of the view layer: every cached thing goes through here.

A key is (content version, language, function, arguments), so an edit to the content or a reader of another
language never gets an entry built for something else. The cache is bounded (least recently used entries go
first) and drops every entry of an old content version as soon as a new version is stored. Values are shared
by every session and returned as they are: callers must not change them. (Streamlit's own caches hash their
arguments and copy their values on every call, which costs a page of lookups more than it saves.)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, NamedTuple, TypeVar, cast

T = TypeVar("T")
MAX_ENTRIES = 512
MAX_VERSIONS = 64  # versions remembered, so a late request for an old one cannot evict the new


class Key(NamedTuple):
    version: str
    language: str
    function: str
    args: tuple[Hashable, ...]


def function_id(fn: Callable[..., Any]) -> str:
    """A stable name for a module-level function; closures and lambdas are refused (their inputs are hidden)."""
    qualname = getattr(fn, "__qualname__", "")
    code = getattr(fn, "__code__", None)
    if not qualname or "<lambda>" in qualname or "<locals>" in qualname or getattr(fn, "__closure__", None):
        raise TypeError(f"only module-level functions can be cached (every input an argument): {fn!r}")
    where = code.co_filename if code is not None else ""
    return f"{fn.__module__}:{where}:{qualname}"


class ViewCache:
    """A bounded, thread-safe map from Key to value that keeps one content version at a time."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Key, Any] = OrderedDict()
        self._versions: list[str] = []  # every content version seen, the newest last
        self._lock = threading.Lock()

    def get(self, key: Key, build: Callable[[], T]) -> T:
        """The value stored under key, built (outside the lock) and stored if it is not there."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return cast(T, self._entries[key])
        value = build()
        with self._lock:
            if key.version not in self._versions:  # a version first seen is the newest: drop the older ones
                self._versions = [*self._versions[-(MAX_VERSIONS - 1) :], key.version]
                for old in [k for k in self._entries if k.version != key.version]:
                    del self._entries[old]
            elif key.version != self._versions[-1]:
                return value  # built for a run that began before an edit: served once, never stored
            self._entries[key] = value
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def keys(self) -> list[Key]:
        """The keys held now, oldest first."""
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        """Forget everything (tests)."""
        with self._lock:
            self._entries.clear()
            self._versions.clear()


CACHE = ViewCache()
