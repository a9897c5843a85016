"""Timeline: dated events in order, as a chart and a list, filterable by position and source."""

import streamlit as st

from pages.common import (
    RULE,
    cite_button,
    content_chart,
    dataset,
    esc,
    paginate,
    quote_md,
    seed,
    set_url,
    show_notices,
    url_params,
)
from policy.charts import timeline_chart
from policy.citations import human_date
from policy.params import Parsed, encode, many_of
from policy.queries import source_label
from policy.style import position_label

EVENTS_PER_PAGE = 10

ds = dataset()
parsed = Parsed()
params = url_params()
sources = [s.id for s in ds.sources]
seed("tl_positions", many_of(params, "position", ds.position_ids, parsed) or [])
seed("tl_sources", many_of(params, "source", sources, parsed) or [])
show_notices(parsed)

st.title("Timeline")
c1, c2 = st.columns(2)
chosen_positions = c1.multiselect(
    "Touching the positions", ds.position_ids, format_func=lambda p: position_label(ds, p), key="tl_positions"
)
chosen_sources = c2.multiselect(
    "From the sources", sources, format_func=lambda s: source_label(ds, s), key="tl_sources"
)
set_url({"position": encode(chosen_positions), "source": encode(chosen_sources)})

events = [
    e
    for e in ds.timeline
    if (not chosen_positions or set(chosen_positions) & set(e.positions))
    and (not chosen_sources or e.source in chosen_sources)
]
if not events:
    st.info("No events match these filters.", icon=":material/search_off:")
    st.stop()

# The chart depends on the filters alone, so it is converted once per filter and content version.
content_chart(
    f"timeline:{encode(chosen_positions)}:{encode(chosen_sources)}", lambda: timeline_chart(ds, events)
)
c1, c2 = st.columns([3, 1], vertical_alignment="center")
c1.caption(f"{len(events)} events. Dates given only to the month or year are placed at its start.")

start, end = paginate(len(events), "tl_page", size=EVENTS_PER_PAGE)
shown = sorted(events, key=lambda e: e.date)[start:end]
blocks = []
for event in shown:
    parts = [f"**{esc(human_date(event.date))} — {esc(event.title)}**", esc(event.description)]
    if event.date_note:
        parts.append(f"*{esc(f'Date: {event.date_note}')}*")
    quote = ds.quote(event.quote) if event.quote else None
    if quote is None:
        parts.append(f"*{esc(f'Source: {source_label(ds, event.source)}')}*")
    else:
        parts.append(quote_md(ds, quote))
    blocks.append("\n\n".join(parts))
# The page's events as one element, divided by rules: each element costs the browser time to draw.
st.markdown(RULE.join(blocks))
# One Cite button for the page's quotes, beside the count: a button per event would cost the browser time.
quotes = [ds.quote(e.quote) for e in shown if e.quote]
with c2:
    cite_button(ds, quotes, key=f"tl-page-{start}", label=f"Cite these quotes ({len(quotes)})")
