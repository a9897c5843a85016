"""Evidence: every item and quote, searchable and filterable, with the filters in the URL."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from pages.common import (
    cite_button,
    dataset,
    evidence_blocks,
    paginate,
    seed,
    set_url,
    show_notices,
    url_params,
)
from policy.exports import records_json, safe_csv
from policy.params import Parsed, encode, integer, many_of, text
from policy.queries import (
    BEARINGS,
    EvidenceFilter,
    evidence_quotes,
    evidence_table,
    filter_evidence,
    source_label,
)
from policy.style import BEARING_LABELS, position_label

ds = dataset()
params = url_params()
parsed = Parsed()
kinds = ["figure", "finding", "statement", "event"]
actors = sorted({q.speaker for q in ds.quotes if q.speaker}, key=lambda a: ds.actor(a).name)
sources = [s.id for s in ds.sources]
initial = {
    "ev_positions": many_of(params, "position", ds.position_ids, parsed) or [],
    "ev_bearings": many_of(params, "bearing", BEARINGS, parsed) or [],
    "ev_sources": many_of(params, "source", sources, parsed) or [],
    "ev_actors": many_of(params, "actor", actors, parsed) or [],
    "ev_kinds": many_of(params, "kind", kinds, parsed) or [],
    "ev_text": text(params, "q", parsed),
}
start_page = integer(params, "page", 1, 10_000, parsed) or 1
show_notices(parsed)
for key, value in initial.items():
    seed(key, value)

st.title("Evidence")
st.caption("Every claim the sources support, with the verbatim words behind it.")
search = st.text_input("Search claims, quotes and speakers", key="ev_text", max_chars=200)
c1, c2, c3 = st.columns(3)
c1.multiselect("Position", ds.position_ids, format_func=lambda p: position_label(ds, p), key="ev_positions")
c2.multiselect("Bearing", BEARINGS, format_func=lambda b: BEARING_LABELS[b], key="ev_bearings")
c3.multiselect("Kind", kinds, format_func=str.capitalize, key="ev_kinds")
c4, c5 = st.columns(2)
c4.multiselect("Source", sources, format_func=lambda s: source_label(ds, s), key="ev_sources")
c5.multiselect("Speaker", actors, format_func=lambda a: ds.actor(a).name, key="ev_actors")

state = {k: st.session_state[k] for k in initial}
chosen = EvidenceFilter(
    positions=tuple(state["ev_positions"]),
    bearings=tuple(state["ev_bearings"]),
    sources=tuple(state["ev_sources"]),
    actors=tuple(state["ev_actors"]),
    kinds=tuple(state["ev_kinds"]),
    text=state["ev_text"],
)
items = filter_evidence(ds, chosen)


def export(render: Callable[[pd.DataFrame], bytes]) -> Callable[[], bytes]:
    # The table is built when a download button is pressed, not on every rerun.
    return lambda: render(evidence_table(ds, items))


st.markdown(f"**{len(items)}** of {len(ds.evidence)} evidence items")
d1, d2, d3 = st.columns([1, 1, 2])
d1.download_button(
    "Download CSV",
    export(safe_csv),
    "evidence.csv",
    "text/csv",
    key="ev_csv",
    icon=":material/download:",
    on_click="ignore",
)
d2.download_button(
    "Download JSON",
    export(records_json),
    "evidence.json",
    "application/json",
    key="ev_json",
    icon=":material/download:",
    on_click="ignore",
)

start, end = paginate(len(items), "ev_page", start_page)
url = {
    "position": encode(state["ev_positions"]),
    "bearing": encode(state["ev_bearings"]),
    "source": encode(state["ev_sources"]),
    "actor": encode(state["ev_actors"]),
    "kind": encode(state["ev_kinds"]),
    "q": search.strip(),
}
page_number = st.session_state.get("ev_page", 1)
set_url({**url, "page": str(page_number) if page_number and page_number > 1 else None})

if not items:
    st.info(
        "No evidence matches these filters. Remove a filter or shorten the search.",
        icon=":material/search_off:",
    )
shown = items[start:end]
evidence_blocks(ds, shown)
# One Cite button for the page's quotes, beside the downloads: a button per item would cost the browser time.
quotes = evidence_quotes(ds, shown)
with d3:
    cite_button(ds, quotes, key=f"ev-page-{start}", label=f"Cite the quotes on this page ({len(quotes)})")
