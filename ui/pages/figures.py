"""Figures: each series drawn as bars (HTML, policy.drawings), with its source, tooltips, a table and a CSV
download. A series drawn as a line keeps its Vega-Lite chart."""

import altair as alt
import streamlit as st

from policy import Dataset
from policy.charts import series_caption, series_chart, series_frame, series_table
from policy.drawings import series_html
from policy.exports import in_reader_words, safe_csv
from policy.i18n import _
from ui.blocks import Marks, esc
from ui.charts import content_chart, drawn_chart
from ui.context import view
from ui.language import later
from ui.links import link_md, page_url
from ui.paging import Pager
from ui.prose import cards, prose
from ui.urlstate import Choice, Number, Param, UrlState

SERIES_PER_PAGE = 2  # a chart and its table draw slowly (see ui.blocks); the real content has 7 series


def chart(ds: Dataset, series_id: str) -> alt.Chart:
    return series_chart(ds, ds.series_item(series_id))


def bars(ds: Dataset, series_id: str) -> str:
    return series_html(ds, ds.series_item(series_id))


def table(ds: Dataset, series_id: str) -> str:
    return series_table(ds, ds.series_item(series_id))


def words(ds: Dataset, series_id: str) -> str:
    """The words behind each number, as one list."""
    frame = series_frame(ds, ds.series_item(series_id))
    return "\n".join(
        f"- **{esc(label)}** — “{esc(quote)}” ({esc(source)})"
        for label, quote, source in zip(frame["label"], frame["quote"], frame["source"], strict=True)
    )


def csv_of(ds: Dataset, series_id: str) -> bytes:
    return safe_csv(in_reader_words(series_frame(ds, ds.series_item(series_id))))


ctx = view()
ds = ctx.dataset
marks = Marks(ds)
series_ids = [s.id for s in ds.series]
state = UrlState(
    Param("series", "figures_series", Choice(series_ids)),
    Param("page", "figures_page", Number(1, 10_000, say_range=False), 1),
).start()
pager = Pager("figures_page", SERIES_PER_PAGE)  # its notice (a linked page past the end) goes with the others

st.title(_("Figures"))
st.caption(
    _("Every number here is printed in a source; hover a bar for its source, or read the table under it.")
)
# The figures' titles as a list of links, folded (one line until opened, and opened with no rerun): a select box
# cost this page more than the list (docs/performance.md, round 15), and a figure chosen is in the link.
only: str | None = st.session_state.get("figures_series")
# "Show all" goes back to the page holding the figure shown.
back = series_ids.index(only) // SERIES_PER_PAGE + 1 if only else 1
all_url = page_url("figures", page=str(back)) if back > 1 else page_url("figures")
titles = "\n".join(
    f"- **{esc(s.title)}**" if s.id == only else f"- {link_md(s.title, page_url('figures', series=s.id))}"
    for s in ds.series
)
cards(
    [link_md(_("Show all the figures"), all_url) if only else ""],
    1,
    "figure-titles",
    [(_("The {n} figures, by title").format(n=len(ds.series)), titles)],
)
shown = ds.series if only is None else [ds.series_item(only)]
start, end = pager.bounds(len(shown), state.linked["page"], lambda n: state.href("figures", page=n))
state.sync()
for series in shown[start:end]:
    # The heading and its description in one element (a Markdown heading is the same <h2> as st.header).
    st.markdown(
        "\n\n".join(
            [f"## {esc(series.title)}", *([marks.md(series.description)] if series.description else [])]
        )
    )
    # The chart across the column (horizontal bars, labels whole), then its numbers as a plain table: the
    # chart's text alternative, read by screen readers as a table, as wide as the column allows.
    if series.mark == "line":
        content_chart(ctx, chart, series.id)
    else:
        drawn_chart(ctx, bars, series.id)
    st.caption(esc(series_caption(ds, series)))
    prose(ctx.cached(table, series.id))  # drawn as HTML: a Markdown table parsed in the browser costs it more
    csv_col, words_col = st.columns([1, 3], vertical_alignment="top")
    csv_col.download_button(
        _("Download CSV"),
        later(csv_of, ds, series.id),  # built when pressed (in the page's language), not on every rerun
        f"{series.id}.csv",
        "text/csv",
        key=f"fig-csv-{series.id}",
        icon=":material/download:",
        on_click="ignore",
    )
    behind = words_col.expander(
        _("The words behind each number"), key=f"fig-words-{series.id}", on_change="rerun"
    )
    if behind.open:  # built when opened
        behind.markdown(ctx.cached(words, series.id))
pager.stepper()
