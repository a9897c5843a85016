"""Evidence: every item and quote, searchable and filterable, with the filters in the URL."""

import unicodedata
from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from policy import Dataset
from policy.charts import short_source
from policy.exports import in_reader_words, records_json, safe_csv
from policy.i18n import _
from policy.models import BEARINGS, EVIDENCE_KINDS
from policy.queries import (
    EvidenceFilter,
    evidence_quotes,
    evidence_table,
    filter_evidence,
    group_findings,
    quoted_speakers,
)
from policy.style import bearing_label, evidence_kind_label, position_label
from policy.text import one_line
from ui.blocks import RULE, esc, option
from ui.context import view
from ui.filters import FILTERS_KEY, Row, filter_links
from ui.language import later
from ui.links import link_md, page_url
from ui.paging import Pager
from ui.prose import prose
from ui.quotes import cite_button, linked_finding_md
from ui.urlstate import Choice, Choices, Number, Param, Search, UrlState

ctx = view()
ds = ctx.dataset
actors = ctx.cached(quoted_speakers)
sources = [s.id for s in ds.sources]
state = UrlState(
    Param("position", "ev_positions", Choices(ds.position_ids), []),
    Param("bearing", "ev_bearings", Choices(BEARINGS), []),
    Param("source", "ev_sources", Choices(sources), []),
    Param("actor", "ev_actors", Choices(actors), []),
    Param("kind", "ev_kinds", Choices(EVIDENCE_KINDS), []),
    Param("q", "ev_text", Search(), ""),
    Param("page", "ev_page", Number(1, 10_000, say_range=False), 1),
    Param("item", "ev_item", Choice([e.id for e in ds.evidence])),  # one finding, where a link leads
).start()
pager = Pager("ev_page")  # its notice (a linked page past the end) goes with the link's other notices


def show_all() -> None:
    st.session_state.ev_item = None


def speaker_label(actor_id: str) -> str:
    """A speaker as the list shows them; a name with accents also written without, so typing "Lopez" in the
    box finds López (Streamlit's filter of the list matches letters as written)."""
    name = ds.actor(actor_id).name
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return option(name if bare == name else f"{name} ({bare})")


st.title(_("Evidence"))
st.caption(
    _(
        "Every claim the sources support, with the verbatim words behind it. Items that report the same finding"
        " are shown together and counted once."
    )
)
item_id = st.session_state.get("ev_item")
lead = ds.finding_of(ds.evidence_item(item_id)) if item_id and ds.has("evidence", item_id) else None
if lead is not None:
    # A link to one finding (from search): that finding alone, the filters kept for when the reader goes back.
    named = _("Showing the one finding the link names: {claim}").format(claim=esc(one_line(lead.claim, 90)))
    st.info(named, icon=":material/link:")
    st.button(_("Show all the evidence"), key="ev_show_all", on_click=show_all, icon=":material/list:")
search_col, speaker_col = st.columns([3, 2])  # on a phone, one under the other
search_col.text_input(
    _("Search claims, quotes and speakers"), key="ev_text", max_chars=200, on_change=pager.restart
)  # a new search starts on its first page, as a new choice of speaker does
# Speakers are too many for a row of links: a box to type a name in. No "Select all" (all is no filter, and
# Streamlit writes it in English only); on a phone the chosen names wrap (ui.chrome's style).
with speaker_col.container(key="filters"):
    st.multiselect(
        _("Speaker"),
        actors,
        format_func=speaker_label,
        key="ev_actors",
        placeholder=_("Any"),
        select_all=False,
        on_change=pager.restart,
    )


def filters_md(chosen: EvidenceFilter, keep: Mapping[str, str]) -> str:
    """Position, bearing, kind and source as rows of links (ui.filters says why), each link keeping the search and
    the speakers chosen."""
    rows = [
        Row("position", _("Position"), {p: position_label(ds, p) for p in ds.position_ids}, chosen.positions),
        Row("bearing", _("Bearing"), {b: bearing_label(b) for b in BEARINGS}, chosen.bearings),
        Row("kind", _("Kind"), {k: evidence_kind_label(k) for k in EVIDENCE_KINDS}, chosen.kinds),
        Row(
            "source",
            _("Source"),
            {s: short_source(ds, s) for s in sources},
            chosen.sources,
        ),
    ]
    return filter_links("evidence", rows, keep)


chosen = EvidenceFilter(
    positions=tuple(st.session_state.ev_positions),
    bearings=tuple(st.session_state.ev_bearings),
    sources=tuple(st.session_state.ev_sources),
    actors=tuple(st.session_state.ev_actors),
    kinds=tuple(st.session_state.ev_kinds),
    text=st.session_state.ev_text,
)
# The search and the speakers as the link writes them (UrlState), for each filter link to keep.
keep = {p.name: p.reader.write(state.value(p.name)) or "" for p in state.params if p.name in ("q", "actor")}
prose(filters_md(chosen, keep), st.container(key=FILTERS_KEY))
if lead is not None:
    items, findings = [lead, *ds.parts_of(lead.id)], [lead]
else:
    items = filter_evidence(ds, chosen)
    findings = group_findings(ds, items)


def export(render: Callable[[pd.DataFrame, Dataset], bytes]) -> Callable[[], bytes]:
    # The table is built when a download button is pressed, not on every rerun: in the page's language.
    return later(lambda: render(evidence_table(ds, items), ds))


counted = _("**{shown}** of {total} findings ({items} of {all_items} evidence items)").format(
    shown=len(findings), total=ds.finding_count, items=len(items), all_items=len(ds.evidence)
)
filtered = lead is None and any(
    (chosen.positions, chosen.bearings, chosen.sources, chosen.actors, chosen.kinds, chosen.text.strip())
)
clear = link_md(_("Clear every filter and the search"), page_url("evidence"))  # the page as first opened
# With its link, drawn by ui.prose as every link is.
prose(f"{counted} · {clear}" if filtered and items else counted)
d1, d2, d3 = st.columns([1, 1, 2])
for col, (label, render, name, mime) in zip(
    (d1, d2),
    [
        (
            _("Download CSV"),
            lambda frame, ds: safe_csv(in_reader_words(frame, ds)),
            "evidence.csv",
            "text/csv",
        ),
        (_("Download JSON"), records_json, "evidence.json", "application/json"),
    ],
    strict=True,
):
    col.download_button(
        label,
        export(render),
        name,
        mime,
        key=f"ev_{name[-4:].strip('.')}",
        icon=":material/download:",
        on_click="ignore",
        disabled=not items,  # nothing to download: the notice below says why
    )

start, end = pager.bounds(len(findings), state.linked["page"], lambda n: state.href("evidence", page=n))
state.sync()

if not items:
    st.info(
        _("No evidence matches these filters. Remove a filter or shorten the search."),
        icon=":material/search_off:",
    )
    prose(clear)
shown = findings[start:end]
if shown:  # the page's findings as one element; names, sources and options link to their places
    prose(RULE.join(linked_finding_md(ds, lead) for lead in shown))
pager.stepper()
# One Cite button for the page's quotes, beside the downloads (see ui.blocks on why).
quotes = evidence_quotes(ds, [e for lead in shown for e in (lead, *ds.parts_of(lead.id))])
with d3:
    label = _("Cite the quotes on this page ({n})").format(n=len(quotes))
    cite_button(ds, quotes, key=f"ev-page-{start}", label=label)
