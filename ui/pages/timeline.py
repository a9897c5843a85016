"""Timeline: dated events in order, as a chart and a list, filterable by position and source."""

import altair as alt
import streamlit as st

from policy import Dataset
from policy.charts import timeline_chart
from policy.citations import human_date
from policy.queries import source_label, timeline_events
from policy.style import position_label
from ui.blocks import RULE, Marks, esc, option, paginate, quote_md
from ui.charts import content_chart
from ui.context import view
from ui.quotes import cite_button
from ui.urlstate import Choices, Param, UrlState

EVENTS_PER_PAGE = 10


def chart(ds: Dataset, positions: tuple[str, ...], sources: tuple[str, ...]) -> alt.Chart:
    return timeline_chart(ds, timeline_events(ds, positions, sources))


ctx = view()
ds = ctx.dataset
marks = Marks(ds)
sources = [s.id for s in ds.sources]
state = UrlState(
    Param("position", "tl_positions", Choices(ds.position_ids), []),
    Param("source", "tl_sources", Choices(sources), []),
).start()

st.title("Timeline")
c1, c2 = st.columns(2)
chosen_positions = c1.multiselect(
    "Touching the positions",
    ds.position_ids,
    format_func=lambda p: option(position_label(ds, p)),
    key="tl_positions",
)
chosen_sources = c2.multiselect(
    "From the sources", sources, format_func=lambda s: option(source_label(ds, s)), key="tl_sources"
)
state.sync()

filters = (tuple(sorted(chosen_positions)), tuple(sorted(chosen_sources)))
events = ctx.cached(timeline_events, *filters)
if not events:
    st.info("No events match these filters.", icon=":material/search_off:")
    st.stop()

content_chart(ctx, chart, *filters)
c1, c2 = st.columns([3, 1], vertical_alignment="center")
c1.caption(f"{len(events)} events. Dates given only to the month or year are placed at its start.")

start, end = paginate(len(events), "tl_page", size=EVENTS_PER_PAGE)
shown = events[start:end]
blocks = []
for event in shown:
    parts = [f"**{esc(human_date(event.date))} — {esc(event.title)}**", marks.md(event.description)]
    if event.date_note:
        parts.append(f"*Date:* {marks.md(event.date_note)}")
    quote = ds.quote(event.quote) if event.quote else None
    parts.append(quote_md(ds, quote) if quote else f"*{esc(f'Source: {source_label(ds, event.source)}')}*")
    blocks.append("\n\n".join(parts))
# The page's events as one element, and one Cite button for their quotes (see ui.blocks on why).
st.markdown(RULE.join(blocks))
quotes = [ds.quote(e.quote) for e in shown if e.quote]
with c2:
    cite_button(ds, quotes, key=f"tl-page-{start}", label=f"Cite these quotes ({len(quotes)})")
