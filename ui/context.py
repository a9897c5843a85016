"""The per-run view context: the dataset, its content version and the reader's language, built by the router.

Pages ask ``view()`` for it and cache through it, so every cache key carries the version and the language.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

import altair as alt

from policy import Dataset, i18n
from ui import content
from ui import language as languages
from ui.cache import CACHE, Key, function_id

T = TypeVar("T")
LANGUAGES = i18n.LANGUAGES  # the interface's languages, the default first
DEFAULT_LANGUAGE = i18n.DEFAULT
_current: ContextVar[ViewContext | None] = ContextVar("view_context", default=None)

# Cached charts are stored as JSON, so every page draws from a fresh spec (Streamlit changes the one it gets);
# Altair's row limit is for notebooks: content at 100x has more timeline events than it allows.
alt.data_transformers.disable_max_rows()


@dataclass(frozen=True)
class ViewContext:
    """What a page is drawn from. Frozen: a run that needs another language builds another context."""

    dataset: Dataset
    version: str
    language: str = DEFAULT_LANGUAGE
    disk_problems: tuple[
        str, ...
    ] = ()  # a newer version on disk that did not validate (the last good serves)
    written: Dataset | None = None  # the content as written (English), where `dataset` is a translation of it

    @property
    def as_written(self) -> Dataset:
        """The content as written, whatever the reader's language: what a link's values name (see
        policy.queries.country_codes)."""
        return self.written or self.dataset

    def key(self, fn: Callable[..., Any], args: tuple[Hashable, ...]) -> Key:
        """The cache key of fn(args) in this context."""
        return Key(self.version, self.language, function_id(fn), args)

    def cached(self, fn: Callable[..., T], *args: Hashable) -> T:
        """fn(dataset, *args), built once per content version, language and arguments; do not change it. Built
        in this context's language whatever the thread speaks, so what is cached under a language is in it."""

        def make() -> T:
            with i18n.use(self.language):
                return fn(self.dataset, *args)

        return CACHE.get(self.key(fn, args), make)

    def cached_as_written(self, fn: Callable[..., T], *args: Hashable) -> T:
        """fn(the content as written, *args), cached as cached() is: for what must not change with the reader's
        language (the sources' records for a reference manager)."""

        def make() -> T:
            with i18n.use(self.language):
                return fn(self.as_written, *args)

        return CACHE.get(Key(self.version, f"{self.language}:written", function_id(fn), args), make)

    def chart_spec(self, fn: Callable[..., alt.TopLevelMixin], *args: Hashable) -> dict[str, Any]:
        """The Vega-Lite spec of the Altair chart fn(dataset, *args): validated once, a fresh copy each call."""

        def make() -> str:
            with i18n.use(self.language):
                return str(fn(self.dataset, *args).to_json())

        spec: str = CACHE.get(self.key(fn, ("chart", *args)), make)
        return dict(json.loads(spec))


def build(language: str = DEFAULT_LANGUAGE) -> ViewContext:
    """A context for the content being served (ContentError only while no version has ever validated)."""
    now = content.served()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    return ViewContext(now.in_language(language), now.version, language, now.problems, now.dataset)


def begin_run(language: str = DEFAULT_LANGUAGE) -> ViewContext:
    """Build this run's context and make it the one view() returns (the router calls this first)."""
    ctx = build(language)
    _current.set(ctx)
    languages.begin(ctx.language)
    return ctx


def view() -> ViewContext:
    """This run's context; a run that did not pass through the router (a fragment's rerun) builds one."""
    ctx = _current.get()
    if ctx is None or ctx.version != content.served().version:
        # A thread of its own (a fragment's rerun, a callback) starts without this run's context: the
        # reader's language comes from the session (ui.language), as the router found it.
        ctx = begin_run(ctx.language if ctx else languages.reader_language())
    return ctx
