"""A page's URL state, declared once: each link parameter with its widget key and parser.

``UrlState.start()`` reads the link (with notices), gives each widget its first value; ``sync()`` makes the URL
describe the view again. A link followed in the session (same tab, Back, Forward) finds widgets holding values:
``start()`` sees a URL it did not write and takes the link's values again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import streamlit as st

from policy.params import Parsed, encode, integer, many_of, one_of, text, unknown_params
from ui import language, links
from ui.blocks import esc
from ui.context import view


class Reader(Protocol):
    def read(self, params: Mapping[str, str], name: str, parsed: Parsed) -> Any: ...
    def write(self, value: Any) -> str | None: ...
    def keep(self, value: Any) -> Any: ...


@dataclass(frozen=True)
class Choice:
    """One of the allowed values."""

    allowed: Sequence[str]

    def read(self, params: Mapping[str, str], name: str, parsed: Parsed) -> str | None:
        return one_of(params, name, self.allowed, parsed)

    def write(self, value: Any) -> str | None:
        return str(value) if value else None

    def keep(self, value: Any) -> Any:
        return value if value in self.allowed else None


@dataclass(frozen=True)
class Choices:
    """Comma-separated allowed values, kept in the allowed order."""

    allowed: Sequence[str]
    minimum: int = 0
    maximum: int | None = None

    def read(self, params: Mapping[str, str], name: str, parsed: Parsed) -> list[str] | None:
        return many_of(params, name, self.allowed, parsed, minimum=self.minimum, maximum=self.maximum)

    def write(self, value: Any) -> str | None:
        return encode(a for a in self.allowed if a in (value or ())) or None

    def keep(self, value: Any) -> Any:
        return [v for v in value or () if v in self.allowed]


@dataclass(frozen=True)
class Search:
    """Free text, cut to a length."""

    max_length: int = 200

    def read(self, params: Mapping[str, str], name: str, parsed: Parsed) -> str | None:
        return text(params, name, parsed, self.max_length) or None

    def write(self, value: Any) -> str | None:
        return str(value or "").strip() or None

    def keep(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class Number:
    """A whole number within [lo, hi]."""

    lo: int
    hi: int
    say_range: bool = True  # False where hi is only a sanity cap (the real bound is known later)

    def read(self, params: Mapping[str, str], name: str, parsed: Parsed) -> int | None:
        return integer(params, name, self.lo, self.hi, parsed, say_range=self.say_range)

    def write(self, value: Any) -> str | None:
        return str(int(value)) if value is not None else None

    def keep(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class Param:
    """A link parameter, the session-state key of the widget it seeds, its parser and its default."""

    name: str
    key: str
    reader: Reader
    default: Any = None
    keep_default: bool = False  # in the URL even when it holds the default (a reload must keep it)


_KEPT = "_urlstate_kept_"  # + widget key: (content version, the value the widget held)
_WROTE = "_urlstate_wrote"  # the URL's parameters as this session last wrote them


def url_params() -> dict[str, str]:
    """The page's query parameters, last value of each."""
    return {k: st.query_params.get(k, "") for k in st.query_params}


def seed(key: str, value: object) -> None:
    """Give a widget its first value without fighting later interactions."""
    if key not in st.session_state:
        st.session_state[key] = value


def show_notices(parsed: Parsed) -> None:
    """One notice, a line per link parameter that was not understood (several would push the page down)."""
    if lines := [esc(n) for n in parsed.notices]:  # in the reader's language (policy.params)
        body = lines[0] if len(lines) == 1 else "\n".join(f"- {n}" for n in lines)
        st.info(body, icon=":material/link_off:")


def set_url(values: Mapping[str, str | None]) -> None:
    """Make the URL hold exactly these values (empty ones left out)."""
    # Always send it: a rerun interrupted by the next click can update the server's copy of the query
    # parameters without the browser ever receiving it, so "already equal" is not proof the URL is right.
    values = {language.PARAM: language.url_value(), **values}  # the reader's language stays in the link
    st.session_state[_WROTE] = kept = {k: v for k, v in values.items() if v}  # see UrlState.start
    st.query_params.from_dict(kept)


class UrlState:
    """The parameters a page keeps in its URL."""

    def __init__(self, *params: Param) -> None:
        self.params = params
        self.parsed = Parsed()
        self.linked: dict[str, Any] = {}

    def start(self, notices: bool = True, others: Sequence[str] = ()) -> UrlState:
        """Read the link, seed each widget (link value, else default), show the notices (naming parameters
        neither the page's nor among the others it reads itself).

        After a content edit, each widget gets back the ids it held (those the content still has): Streamlit
        matches a selection by its displayed label, so a renamed option would otherwise drop out of it.
        """
        raw = url_params()
        version = view().version
        now = {k: v for k, v in raw.items() if v}
        followed = st.session_state.get(_WROTE, now) != now  # a link, Back or Forward: not what we wrote
        st.session_state[_WROTE] = now  # followed once, even by a page that stops before sync()
        for p in self.params:
            value = p.reader.read(raw, p.name, self.parsed)
            self.linked[p.name] = value
            if followed:
                st.session_state[p.key] = p.default if value is None else value
            seed(p.key, p.default if value is None else value)
            kept = st.session_state.get(_KEPT + p.key)
            if kept is not None and kept[0] != version and p.key in st.session_state and not followed:
                held = p.reader.keep(kept[1])
                st.session_state[p.key] = p.default if held is None else held
        if notices:
            if stray := unknown_params(raw, [*(p.name for p in self.params), *others, language.PARAM]):
                self.parsed.note(stray)
            show_notices(self.parsed)
        return self

    def value(self, name: str) -> Any:
        """The current value of a parameter's widget."""
        p = next(p for p in self.params if p.name == name)
        return st.session_state.get(p.key, p.default)

    def written(self, **changes: Any) -> dict[str, str | None]:
        """Each parameter as the URL writes it (None: left out), from its widget or from the changes given."""
        values: dict[str, str | None] = {}
        for p in self.params:
            shown = p.reader.write(changes[p.name] if p.name in changes else self.value(p.name))
            values[p.name] = None if shown == p.reader.write(p.default) and not p.keep_default else shown
        return values

    def href(self, url_path: str, **changes: Any) -> str:
        """A link to this page's view with these parameters changed (None: back to its default)."""
        return links.page_url(url_path, **{n: v for n, v in self.written(**changes).items() if v})

    def sync(self, **extra: str | None) -> None:
        """Write the view into the URL: each parameter from its widget, then the extra values given."""
        version = view().version
        for p in self.params:
            st.session_state[_KEPT + p.key] = (version, st.session_state.get(p.key, p.default))
        set_url({**self.written(), **extra})
