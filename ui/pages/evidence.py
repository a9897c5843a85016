"""Evidence: every item and quote, searchable and filterable, with the filters in the URL."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from policy import Dataset
from policy.exports import records_json, safe_csv
from policy.models import BEARINGS, EVIDENCE_KINDS
from policy.queries import (
    EvidenceFilter,
    evidence_quotes,
    evidence_table,
    filter_evidence,
    group_findings,
    quoted_speakers,
    source_label,
)
from policy.style import BEARING_LABELS, position_label
from policy.text import one_line
from ui.blocks import PAGE_SIZE, esc, evidence_blocks, option, paginate
from ui.context import view
from ui.quotes import cite_button
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


def show_all() -> None:
    st.session_state.ev_item = None


def step(key: str, by: int) -> None:
    st.session_state[key] = int(st.session_state[key]) + by


def stepper(key: str, pages: int) -> None:
    """Previous and next buttons under the list (the page chooser is above it): a reader at the end of a page
    goes on without scrolling back up."""
    if pages < 2:
        return
    now = int(st.session_state[key])
    back, where, on = st.columns([1, 1, 1], vertical_alignment="center")
    back.button(
        "Previous page",
        key=f"{key}_back",
        icon=":material/arrow_back:",
        disabled=now <= 1,
        on_click=step,
        args=(key, -1),
        width="stretch",
    )
    where.markdown(f"Page {now} of {pages}", text_alignment="center")
    on.button(
        "Next page",
        key=f"{key}_next",
        icon=":material/arrow_forward:",
        disabled=now >= pages,
        on_click=step,
        args=(key, 1),
        width="stretch",
    )


st.title("Evidence")
st.caption(
    "Every claim the sources support, with the verbatim words behind it. Items that report the same finding"
    " are shown together and counted once."
)
item_id = st.session_state.get("ev_item")
lead = ds.finding_of(ds.evidence_item(item_id)) if item_id and ds.has("evidence", item_id) else None
if lead is not None:
    # A link to one finding (from search): that finding alone, the filters kept for when the reader goes back.
    st.info(
        f"Showing the one finding the link names: {esc(one_line(lead.claim, 90))}", icon=":material/link:"
    )
    st.button("Show all the evidence", key="ev_show_all", on_click=show_all, icon=":material/list:")
st.text_input("Search claims, quotes and speakers", key="ev_text", max_chars=200)
c1, c2, c3 = st.columns(3)
c1.multiselect(
    "Position", ds.position_ids, format_func=lambda p: option(position_label(ds, p)), key="ev_positions"
)
c2.multiselect("Bearing", BEARINGS, format_func=lambda b: BEARING_LABELS[b], key="ev_bearings")
c3.multiselect("Kind", EVIDENCE_KINDS, format_func=str.capitalize, key="ev_kinds")
c4, c5 = st.columns(2)
c4.multiselect("Source", sources, format_func=lambda s: option(source_label(ds, s)), key="ev_sources")
c5.multiselect("Speaker", actors, format_func=lambda a: option(ds.actor(a).name), key="ev_actors")

chosen = EvidenceFilter(
    positions=tuple(st.session_state.ev_positions),
    bearings=tuple(st.session_state.ev_bearings),
    sources=tuple(st.session_state.ev_sources),
    actors=tuple(st.session_state.ev_actors),
    kinds=tuple(st.session_state.ev_kinds),
    text=st.session_state.ev_text,
)
if lead is not None:
    items, findings = [lead, *ds.parts_of(lead.id)], [lead]
else:
    items = filter_evidence(ds, chosen)
    findings = group_findings(ds, items)


def export(render: Callable[[pd.DataFrame, Dataset], bytes]) -> Callable[[], bytes]:
    # The table is built when a download button is pressed, not on every rerun.
    return lambda: render(evidence_table(ds, items), ds)


st.markdown(
    f"**{len(findings)}** of {ds.finding_count} findings ({len(items)} of {len(ds.evidence)} evidence items)"
)
d1, d2, d3 = st.columns([1, 1, 2])
for col, (label, render, name, mime) in zip(
    (d1, d2),
    [
        ("Download CSV", lambda frame, _ds: safe_csv(frame), "evidence.csv", "text/csv"),
        ("Download JSON", records_json, "evidence.json", "application/json"),
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
    )

pages = max(1, -(-len(findings) // PAGE_SIZE))
if (state.linked["page"] or 1) > pages:
    st.info(
        f"There is no page {state.linked['page']} of these results: showing page {pages}, the last.",
        icon=":material/link_off:",
    )
start, end = paginate(len(findings), "ev_page")
state.sync()

if not items:
    st.info(
        "No evidence matches these filters. Remove a filter or shorten the search.",
        icon=":material/search_off:",
    )
shown = findings[start:end]
evidence_blocks(ds, shown)
stepper("ev_page", pages)
# One Cite button for the page's quotes, beside the downloads (see ui.blocks on why).
quotes = evidence_quotes(ds, [e for lead in shown for e in (lead, *ds.parts_of(lead.id))])
with d3:
    cite_button(ds, quotes, key=f"ev-page-{start}", label=f"Cite the quotes on this page ({len(quotes)})")
