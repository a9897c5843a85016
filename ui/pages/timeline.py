"""Timeline: dated events in order, as a chart and a list, filterable by position and source; ?event=<id> opens
the page of the list holding that event, marked and scrolled into view."""

from collections import Counter

import streamlit as st

from policy import Dataset
from policy.charts import short_source
from policy.citations import human_date
from policy.drawings import timeline_html
from policy.i18n import _, ngettext
from policy.models import TimelineEvent
from policy.queries import source_label, timeline_events
from policy.style import position_label
from ui.blocks import RULE, Marks, esc, quote_md
from ui.charts import drawn_chart
from ui.context import view
from ui.filters import FILTERS_KEY, Row, filter_links
from ui.links import event_url
from ui.navigation import scroll_into_view
from ui.paging import Pager
from ui.prose import prose
from ui.quotes import cite_button
from ui.urlstate import Choice, Choices, Number, Param, UrlState

EVENTS_PER_PAGE = 10
LINKED_KEY = "tl-linked-event"  # the marked event's container
_JUMPED = "_tl_jumped_to"  # the event whose page the list last opened on (a link is followed once)


def chart(ds: Dataset, positions: tuple[str, ...], sources: tuple[str, ...]) -> str:
    return timeline_html(ds, timeline_events(ds, positions, sources), event_url)  # a mark opens its event


def filters_md(ds: Dataset, positions: tuple[str, ...], sources: tuple[str, ...]) -> str:
    """The filters as rows of links (ui.filters), each value with how many events it holds."""
    per_position = Counter(p for e in ds.timeline for p in set(e.positions))
    per_source = Counter(e.source for e in ds.timeline)
    rows = [
        Row(
            "position",
            _("Touching the options"),
            {p: f"{position_label(ds, p)} ({per_position[p]})" for p in ds.position_ids},
            positions,
        ),
        Row(
            "source",
            _("From the sources"),
            {s.id: f"{short_source(ds, s.id)} ({per_source[s.id]})" for s in ds.sources},
            sources,
        ),
    ]
    return filter_links("timeline", rows)


ctx = view()
ds = ctx.dataset
marks = Marks(ds)
sources = [s.id for s in ds.sources]
state = UrlState(
    Param("position", "tl_positions", Choices(ds.position_ids), []),
    Param("source", "tl_sources", Choices(sources), []),
    Param("event", "tl_event", Choice([e.id for e in ds.timeline])),
    Param("page", "tl_page", Number(1, 10_000, say_range=False), 1),
).start()
pager = Pager("tl_page", EVENTS_PER_PAGE)


def unmark() -> None:
    st.session_state.tl_event = None


st.title(_("Timeline"))
# The filters as rows of links (ui.filters says why), each value with how many events it holds.
chosen_positions: list[str] = st.session_state.tl_positions or []
chosen_sources: list[str] = st.session_state.tl_sources or []
prose(ctx.cached(filters_md, tuple(chosen_positions), tuple(chosen_sources)), st.container(key=FILTERS_KEY))
filters = (tuple(sorted(chosen_positions)), tuple(sorted(chosen_sources)))
events = ctx.cached(timeline_events, *filters)
marked_id: str | None = st.session_state.get("tl_event")
ids = [e.id for e in events]
jump = bool(marked_id) and st.session_state.get(_JUMPED) != marked_id
if marked_id and marked_id not in ids:
    st.info(
        _(
            "The event the link names is not among the events these filters show: clear the filters to see it."
        ),
        icon=":material/filter_alt_off:",
    )
elif marked_id and jump:
    st.session_state.tl_page = ids.index(marked_id) // EVENTS_PER_PAGE + 1  # its page of the list
st.session_state[_JUMPED] = marked_id
if not events:
    state.sync()
    st.info(_("No events match these filters."), icon=":material/search_off:")
    st.stop()

drawn_chart(ctx, chart, *filters)
c1, c2 = st.columns([3, 1], vertical_alignment="center")
c1.caption(
    _(
        "{count}. Select a mark in the chart to open its event in the list; point to one for its date and"
        " title. In the chart a month- or year-only date sits mid-way and a year-only date spans its year; in the"
        " list an event dated only to a month or a year comes after the dated events of that month or year."
    ).format(count=ngettext("{n} event", "{n} events", len(events)).format(n=len(events)))
)

# A page link leaves the marked event (opened anew, the link would go to the event's page, not the one chosen).
start, end = pager.bounds(
    len(events), None if jump else state.linked["page"], lambda n: state.href("timeline", page=n, event=None)
)
state.sync()
shown = events[start:end]


def event_md(event: TimelineEvent) -> str:
    parts = [f"**{esc(human_date(event.date))} — {esc(event.title)}**", marks.md(event.description)]
    if event.date_note:
        parts.append(_("*Date:* {note}").format(note=marks.md(event.date_note)))
    quote = ds.quote(event.quote) if event.quote else None
    source = _("Source: {source}").format(source=source_label(ds, event.source))
    parts.append(quote_md(ds, quote) if quote else f"*{esc(source)}*")
    return "\n\n".join(parts)


# The page's events as one element (see ui.blocks on why); the event a link names, if it is on this page, in a
# frame of its own between the events before and after it.
at = next((i for i, e in enumerate(shown) if e.id == marked_id), None)
if at is None:
    prose(RULE.join(event_md(e) for e in shown))
else:
    if at:
        prose(RULE.join(event_md(e) for e in shown[:at]))
    with st.container(border=True, key=LINKED_KEY):
        st.caption(_("The event the link names"))
        prose(event_md(shown[at]))
        st.button(_("Unmark"), key="tl_unmark", on_click=unmark, icon=":material/close:", type="tertiary")
    if at + 1 < len(shown):
        prose(RULE.join(event_md(e) for e in shown[at + 1 :]))
pager.stepper()
if at is not None and jump:  # drawn last, once everything above it is in place
    scroll_into_view(LINKED_KEY, start + at)  # a new element for each event, so its script runs
quotes = [ds.quote(e.quote) for e in shown if e.quote]
with c2:
    cite_button(ds, quotes, key=f"tl-page-{start}", label=_("Cite these quotes ({n})").format(n=len(quotes)))
