"""Pieces every page shares: the cached dataset, URL state, and how a quote or stance is shown."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import altair as alt
import streamlit as st

from policy import Dataset, load_dataset
from policy.citations import cite_quote
from policy.models import Evidence, Quote, Stance
from policy.params import Parsed
from policy.paths import data_dir
from policy.poll import PollStore
from policy.queries import evidence_quotes, evidence_sources, format_figure, quote_attribution
from policy.style import BADGE_COLORS, BEARING_ICONS, BEARING_LABELS, position_label
from policy.text import md_escape, one_line

# Items drawn as one Markdown element are divided by a rule: one element draws faster than a card per item.
RULE = "\n\n---\n\n"
PAGE_SIZE = 10  # items per page of a long list: each one costs the browser time to draw
T = TypeVar("T")


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

RECHECK_SECONDS = 1.0  # how often the content files' modification times are looked at
_versions: dict[str, tuple[float, Version]] = {}


def content_version() -> Version:
    """Which content is loaded: its folder and its files' modification times (a cache key).

    The files are looked at once a second at most, not on every call: a page asks several times a run.
    """
    folder = data_dir()
    now = time.monotonic()
    seen = _versions.get(str(folder))
    if seen is None or now - seen[0] >= RECHECK_SECONDS:
        seen = (now, (str(folder), _fingerprint(folder) if folder.is_dir() else ()))
        _versions[str(folder)] = seen
    return seen[1]


def dataset() -> Dataset:
    """The validated content, loaded once per content version and shared by every session."""
    return _load(*content_version())


_derived: dict[tuple[Version, str], Any] = {}
_derived_lock = threading.Lock()


def derived(name: str, build: Callable[[], T]) -> T:
    """Something computed from the content alone (``name`` identifies it), built once per content version.

    Shared by every session and returned as is, so callers must not change it. A plain dictionary lookup:
    Streamlit's own caches hash their arguments and copy their values on every call.
    """
    key = (content_version(), name)
    try:
        return cast(T, _derived[key])
    except KeyError:
        pass
    value = build()
    with _derived_lock:
        if any(k[0] != key[0] for k in _derived):  # the content changed: drop what was built from the old
            for old in [k for k in _derived if k[0] != key[0]]:
                del _derived[old]
        _derived[key] = value
    return value


try:  # Streamlit's own conversion, so a cached chart is sent exactly as st.altair_chart sends it.
    from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec as _altair_spec
except ImportError:  # pragma: no cover - a Streamlit without it draws each chart afresh
    _altair_spec = None


def content_chart(name: str, build: Callable[[], alt.Chart]) -> None:
    """A chart of the content alone (``name`` identifies it), converted once per content version.

    Building and validating an Altair chart costs tens of milliseconds; a page of them, every rerun.
    (st.vega_lite_chart copies the spec before changing it, so the shared one stays as built.)
    """
    if _altair_spec is None:
        st.altair_chart(build(), width="stretch")
    else:
        spec = derived(f"chart:{name}", lambda: _altair_spec(build()))  # type: ignore[misc]
        st.vega_lite_chart(spec=spec, width="stretch")


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


def position_badge_md(ds: Dataset, position_id: str) -> str:
    """The same badge as Markdown, so several share one element."""
    index = ds.position_ids.index(position_id)
    return f":{BADGE_COLORS[index % len(BADGE_COLORS)]}-badge[{esc(position_label(ds, position_id))}]"


def quote_md(ds: Dataset, quote: Quote) -> str:
    """A verbatim quote as a Markdown blockquote, with speaker, outlet and date under it (all escaped)."""
    return f"> {esc(quote.text)}\n>\n> *{esc(quote_attribution(ds, quote))}*"


def cite_button(ds: Dataset, quotes: Sequence[Quote], *, key: str, label: str | None = None) -> None:
    """A Cite button for the quotes above it: ready-to-copy Chicago and APA citations of each.

    The citations are built only while it is open (opening it reruns the page), and a block of quotes shares
    one button: a page holds dozens of quotes, and each button costs the browser time to draw.
    """
    if not quotes:
        return
    many = len(quotes) > 1
    cite = st.popover(
        label or (f"Cite ({len(quotes)} quotes)" if many else "Cite"),
        type="tertiary",
        icon=":material/format_quote:",
        help="Ready-to-copy citations of "
        + ("these quotes" if many else "this quote")
        + ": Chicago, then APA",
        key=f"cite-{key}",
        on_change="rerun",
    )
    if not cite.open:
        return
    with cite:
        for quote in quotes:
            if many:
                st.caption(esc(one_line(quote.text, 70)))
            st.code(cite_quote(ds, quote), language=None, wrap_lines=True)
            st.code(cite_quote(ds, quote, "apa"), language=None, wrap_lines=True)


def stances_block(ds: Dataset, stances: Sequence[Stance], *, key: str) -> None:
    """Who argues, each with their argument in neutral words (one element), then all their quotes on request.

    One block for a side rather than one per person: a position has a dozen stances, and every element costs
    the browser time to draw. Each quote names its speaker, so the quotes read well together.
    """
    if not stances:
        st.caption("The sources name nobody here.")
        return
    parts = []
    for stance in stances:
        actor = ds.actor(stance.actor)
        role = f" — {actor.role}" if actor.role else ""
        parts.append(f"**{esc(actor.name)}**{esc(role)}\n\n{esc(stance.argument)}")
    with st.container(border=True):
        st.markdown(RULE.join(parts))
        quotes = list({qid: ds.quote(qid) for stance in stances for qid in stance.quotes}.values())
        if quotes:
            label = f"In their words ({len(quotes)} quote{'s' if len(quotes) > 1 else ''})"
            quotes_on_request(ds, quotes, label, key)


def quotes_on_request(ds: Dataset, quotes: Sequence[Quote], label: str, key: str) -> None:
    """Quotes and their Cite button behind an expander, built only while it is open.

    A position has a dozen stances and dozens of quotes: drawn all at once, they slow every visit.
    """
    words = st.expander(label, icon=":material/format_quote:", key=f"words-{key}", on_change="rerun")
    if words.open:
        with words:
            st.markdown("\n\n".join(quote_md(ds, q) for q in quotes))
            cite_button(ds, quotes, key=key)


def claim_head(item: Evidence) -> str:
    """An evidence item's figure in bold before its claim, or nothing if it has none."""
    figure = format_figure(item)
    return f"**{esc(figure)}** · " if figure else ""


def evidence_md(ds: Dataset, item: Evidence) -> str:
    """A piece of evidence as Markdown: its claim, figure, bearings and the quotes behind it."""
    head = claim_head(item)
    tags = [
        f"{BEARING_ICONS[b]} {BEARING_LABELS[b].lower()} {position_label(ds, p)}"
        for p, b in item.bearing.items()
    ]
    text = f"{head}{esc(item.claim)}\n\n*" + esc(f"{item.kind.capitalize()} · " + " · ".join(tags)) + "*"
    return "\n\n".join([text, *(quote_md(ds, ds.quote(qid)) for qid in item.quotes)])


def evidence_blocks(ds: Dataset, items: Sequence[Evidence]) -> None:
    """A page of evidence as one element, items divided by rules (the page gives one Cite button).

    The Evidence page lists many items, and every element costs the browser time to draw.
    """
    if items:
        st.markdown(RULE.join(evidence_md(ds, item) for item in items))


def evidence_list(ds: Dataset, items: Sequence[Evidence], *, key: str) -> None:
    """Evidence as one bulleted list, each claim naming its sources; the quotes behind them on request.

    A compact form for pages where evidence is one section among several (the Evidence page shows it whole).
    """
    lines = []
    for item in items:
        lines.append(
            f"- {claim_head(item)}{esc(item.claim)} *({esc('; '.join(evidence_sources(ds, item)))})*"
        )
    st.markdown("\n".join(lines))
    quotes = evidence_quotes(ds, items)
    quotes_on_request(ds, quotes, f"The quotes behind these items ({len(quotes)})", key)


def bullet_list(heading: str, items: list[str], empty: str) -> None:
    """A section of bullet points (one element), or a line saying there are none."""
    st.header(heading)
    if items:
        st.markdown("\n".join(f"- {esc(item)}" for item in items))
    else:
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
