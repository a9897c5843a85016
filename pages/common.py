"""Pieces every page shares: the cached dataset, URL state, and how a quote or stance is shown."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import altair as alt
import streamlit as st

from policy import Dataset, load_dataset
from policy.citations import cite_quote, human_date
from policy.models import Evidence, Quote, Stance
from policy.params import Parsed
from policy.paths import data_dir
from policy.poll import PollStore
from policy.queries import format_figure
from policy.style import BADGE_COLORS, BEARING_ICONS, BEARING_LABELS, position_label
from policy.text import md_escape

PAGE_SIZE = 20


def _route_through_app() -> None:
    # Streamlit treats a pages/ folder beside the entry point as a legacy multipage app until st.navigation
    # has run once in the server process, so a deep link that is a fresh server's first request would run
    # its page script alone (no router, no page config). Switch that mode off and rerun through app.py.
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_route_through_app()


def _fingerprint(folder: Path) -> tuple[tuple[str, float], ...]:
    # Reload when a content file changes, so editors see their correction without a restart.
    return tuple(sorted((p.name, p.stat().st_mtime) for p in folder.glob("*.yaml")))


@st.cache_resource(show_spinner=False)
def _load(folder: str, fingerprint: tuple[tuple[str, float], ...]) -> Dataset:
    return load_dataset(folder)


Version = tuple[str, tuple[tuple[str, float], ...]]


def content_version() -> Version:
    """Which content is loaded: its folder and its files' modification times (a cache key)."""
    folder = data_dir()
    return str(folder), _fingerprint(folder) if folder.is_dir() else ()


def dataset() -> Dataset:
    """The validated content, loaded once per content version and shared by every session."""
    return _load(*content_version())


try:  # Streamlit's own conversion, so a cached chart is sent exactly as st.altair_chart sends it.
    from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec as _altair_spec
except ImportError:  # pragma: no cover - a Streamlit without it draws each chart afresh
    _altair_spec = None


@st.cache_data(show_spinner=False, max_entries=256)
def _chart_spec(version: Version, name: str, _build: Callable[[], alt.Chart]) -> dict[str, Any]:
    return _altair_spec(_build())  # type: ignore[misc]


def content_chart(name: str, build: Callable[[], alt.Chart]) -> None:
    """A chart of the content alone (``name`` identifies it), converted once per content version.

    Building and validating an Altair chart costs tens of milliseconds; a page of them, every rerun.
    """
    if _altair_spec is None:
        st.altair_chart(build(), width="stretch")
    else:
        st.vega_lite_chart(spec=_chart_spec(content_version(), name, build), width="stretch")


def url_params() -> dict[str, str]:
    """The page's query parameters, last value of each."""
    return {k: st.query_params.get(k, "") for k in st.query_params}


def show_notices(parsed: Parsed) -> None:
    """One short notice per link parameter that was not understood."""
    for notice in parsed.notices:
        st.info(esc(notice), icon=":material/link_off:")


def seed(key: str, value: object) -> None:
    """Give a widget its first value (from the URL) without fighting later interactions."""
    if key not in st.session_state:
        st.session_state[key] = value


def set_url(values: Mapping[str, str | None]) -> None:
    """Make the URL describe the current view, so a copied link restores it."""
    # Always send it: a rerun interrupted by the next click can update the server's copy of the query
    # parameters without the browser ever receiving it, so "already equal" is not proof the URL is right.
    st.query_params.from_dict({k: v for k, v in values.items() if v})


def esc(text: str) -> str:
    """Content or user text made safe for st.markdown."""
    return md_escape(text)


def position_badge(ds: Dataset, position_id: str) -> None:
    """The position's icon, short title and colour."""
    index = ds.position_ids.index(position_id)
    st.badge(position_label(ds, position_id), color=BADGE_COLORS[index % len(BADGE_COLORS)])


def quote_block(ds: Dataset, quote: Quote, *, key: str) -> None:
    """A verbatim quote with speaker, outlet and date, and a ready-to-copy citation."""
    source = ds.source(quote.source)
    speaker = ds.actor(quote.speaker).name if quote.speaker else f"{source.outlet} (reporting)"
    st.markdown(f"> {esc(quote.text)}")
    line = f"— {speaker} · {source.outlet}, {human_date(source.published)}"
    if quote.context:
        line += f" · {quote.context}"
    cols = st.columns([5, 1], vertical_alignment="center")
    cols[0].caption(esc(line))
    with cols[1].popover("Cite", icon=":material/format_quote:", help="A ready-to-copy citation"):
        st.code(cite_quote(ds, quote), language=None, wrap_lines=True)
        st.caption("APA")
        st.code(cite_quote(ds, quote, "apa"), language=None, wrap_lines=True)


def stance_block(ds: Dataset, stance: Stance, *, key: str) -> None:
    """Who argues this, their argument in neutral words, and their quotes."""
    actor = ds.actor(stance.actor)
    role = f" — {actor.role}" if actor.role else ""
    st.markdown(f"**{esc(actor.name)}**{esc(role)}")
    st.markdown(esc(stance.argument))
    for i, qid in enumerate(stance.quotes):
        quote_block(ds, ds.quote(qid), key=f"{key}-{i}")


def evidence_block(ds: Dataset, item: Evidence, *, key: str, show_bearings: bool = True) -> None:
    """A piece of evidence: its claim, figure, bearings and the quotes behind it."""
    with st.container(border=True):
        figure = format_figure(item)
        head = f"**{esc(figure)}** · " if figure else ""
        st.markdown(f"{head}{esc(item.claim)}")
        if show_bearings:
            tags = [
                f"{BEARING_ICONS[b]} {BEARING_LABELS[b].lower()} {position_label(ds, p)}"
                for p, b in item.bearing.items()
            ]
            st.caption(esc(f"{item.kind.capitalize()} · " + " · ".join(tags)))
        for i, qid in enumerate(item.quotes):
            quote_block(ds, ds.quote(qid), key=f"{key}-{i}")


def bullet_list(heading: str, items: list[str], empty: str) -> None:
    """A section of bullet points, or a line saying there are none."""
    st.header(heading)
    for item in items:
        st.markdown(f"- {esc(item)}")
    if not items:
        st.caption(empty)


def paginate(count: int, key: str, start_page: int = 1, size: int = PAGE_SIZE) -> tuple[int, int]:
    """Slice bounds for the current page of a long list, with a page chooser when needed."""
    pages = max(1, -(-count // size))
    if pages == 1:
        return 0, count
    seed(key, start_page)
    # The list may have shrunk since the reader chose a page (a new filter): stay within it.
    st.session_state[key] = min(max(1, int(st.session_state[key])), pages)
    page = st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1, key=key)
    start = (int(page) - 1) * size
    return start, min(start + size, count)


def data_folder_label() -> str:
    """Where the content was read from, for the footer."""
    folder = data_dir()
    return folder.name if os.environ.get("POLICY_DATA_DIR") else "bundled data"


@st.cache_resource(show_spinner=False)
def poll_store() -> PollStore:
    """One poll store per server process ($POLICY_POLL_DB: SQLite folder or PostgreSQL URL)."""
    return PollStore()
