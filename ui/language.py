"""The reader's language: from the link (?lang=es), else the reader's earlier choice in this session, else the
browser's language, else English. A link the reader copies or follows keeps it (ui.links, ui.urlstate), and the
switch in the sidebar changes it for this page and every page after.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any, TypeVar

import streamlit as st

from policy import i18n
from policy.text import preview

PARAM = "lang"
T = TypeVar("T")
_CHOSEN = "language"  # session state: the language this reader chose (or was linked to) in this session
_NOTICE = "language_notice"  # session state: the unknown value a link gave, for the page to say
_link_value: ContextVar[str | None] = ContextVar("link_language", default=None)


def browser_language() -> str:
    """The language the reader's browser asks for, if the interface speaks it, else English."""
    try:
        asked = st.context.locale
    except Exception:  # outside a script run (a test building a context by hand)
        asked = None
    return i18n.supported(asked) or i18n.DEFAULT


def reader_language() -> str:
    """This run's language (see the module's docstring); an unknown ?lang= is noted for a notice."""
    asked = st.query_params.get(PARAM)
    if asked:
        chosen = i18n.supported(asked)
        if chosen:
            st.session_state[_CHOSEN] = chosen
        else:
            st.session_state[_NOTICE] = asked
    return str(st.session_state.get(_CHOSEN) or browser_language())


def language_notice() -> None:
    """A notice when the link asked for a language the interface does not speak (once per link)."""
    from ui.blocks import esc  # ui.blocks asks this module for the links' language

    asked = st.session_state.pop(_NOTICE, None)
    if asked:
        names = ", ".join(f"{i18n.NAMES[code]} ({code})" for code in i18n.LANGUAGES)
        message = i18n._(
            "This link asks for a language this site does not have ({asked}); it offers {names}."
        )
        st.info(esc(message.format(asked=preview(str(asked), 20), names=names)), icon=":material/translate:")


def offered() -> tuple[str, ...]:
    """The languages a reader can choose: English, and each language with an interface catalog."""
    return tuple(code for code in i18n.LANGUAGES if code == i18n.DEFAULT or i18n.has_catalog(code))


def links_md(url_path: str, params: Mapping[str, str]) -> str:
    """This page with `params` in each offered language, the current one in bold ("" with one language): the
    switch in the sidebar (switch_html) and on a phone's page (ui.phone)."""
    from urllib.parse import urlencode

    choices = offered()
    if len(choices) < 2:
        return ""
    links = []
    for code in choices:
        name = i18n.NAMES[code]
        href = f"./{url_path}?{urlencode({**params, PARAM: code})}"
        links.append(f"**{name}**" if code == i18n.current() else f'[{name}]({href} "{name}")')
    return " · ".join(links)


def switch_html(url_path: str) -> str:
    """The switch for the sidebar: this page, as it is now, in each offered language, as HTML to draw with the
    sidebar's tools (ui.chrome: one element for all of them)."""
    from ui.prose import to_html  # ui.prose reads the language from here, through policy.i18n

    # The view's own parameters (the app names them in lowercase letters), with a value; none else.
    kept = {
        k: v
        for k in st.query_params
        if k != PARAM and re.fullmatch("[a-z]+", k) and (v := st.query_params[k])
    }
    links = links_md(url_path, kept)
    if not links:
        return ""
    name = html.escape(i18n._("Language"))
    return f'<nav class="language-switch" aria-label="{name}">{to_html(links)}</nav>'


def begin(language: str) -> None:
    """Make `language` this run's: the interface's messages, and the ?lang= every link of this run carries."""
    i18n.set_language(language)
    language = i18n.current()
    _link_value.set(None if language == i18n.DEFAULT == browser_language() else language)


def url_value() -> str | None:
    """The ?lang= value this run's links carry, so that whoever opens one reads this language: none for
    English to a reader whose browser asks for English, the code otherwise."""
    return _link_value.get()


def later(fn: Callable[..., T], *args: Any) -> Callable[[], T]:
    """fn(*args) to be made later in this run's language: a download built when its button is pressed, which
    Streamlit does in a thread of its own that knows no language."""
    language = i18n.current()

    def made() -> T:
        with i18n.use(language):
            return fn(*args)

    return made
