"""Figures: charts built from the series, each with its source, tooltips, a table and a CSV download."""

import streamlit as st

from pages.common import (
    content_chart,
    dataset,
    derived,
    esc,
    paginate,
    seed,
    set_url,
    show_notices,
    url_params,
)
from policy.charts import series_caption, series_chart, series_frame, series_table
from policy.exports import safe_csv
from policy.params import Parsed, one_of

# Each chart, and the elements around it, cost the browser time to draw; the real content has 7 series.
SERIES_PER_PAGE = 2

ds = dataset()
parsed = Parsed()
series_ids = [s.id for s in ds.series]
chosen = one_of(url_params(), "series", series_ids, parsed)
show_notices(parsed)

st.title("Figures")
st.caption(
    "Every number here is printed in a source; hover a bar for its source, or open the table beside it."
)
seed("figures_series", chosen)
only = st.selectbox(
    "Show",
    series_ids,
    index=None,
    placeholder="All figures",
    format_func=lambda s: ds.series_item(s).title,
    key="figures_series",
)
set_url({"series": only})

shown = ds.series if only is None else [ds.series_item(only)]
start, end = paginate(len(shown), "figures_page", size=SERIES_PER_PAGE)
for series in shown[start:end]:
    # The heading and its description in one element (a Markdown heading is the same <h2> as st.header).
    st.markdown(
        "\n\n".join([f"## {esc(series.title)}", *([esc(series.description)] if series.description else [])])
    )
    chart_col, table_col = st.columns([3, 2], gap="medium")
    with chart_col:
        content_chart(f"series-{series.id}", lambda series=series: series_chart(ds, series))
        st.caption(esc(series_caption(ds, series)))
    with table_col:
        # A plain table beside the chart: its text alternative, read by screen readers as a table.
        st.markdown(derived(f"series-table:{series.id}", lambda series=series: series_table(ds, series)))
        st.download_button(
            "Download CSV",
            lambda series=series: safe_csv(
                series_frame(ds, series)
            ),  # built when pressed, not on every rerun
            f"{series.id}.csv",
            "text/csv",
            key=f"fig-csv-{series.id}",
            icon=":material/download:",
            on_click="ignore",
        )
        words = st.expander("The words behind each number", key=f"fig-words-{series.id}", on_change="rerun")
        if words.open:  # built when opened
            frame = series_frame(ds, series)
            words.markdown(
                "\n".join(
                    f"- **{esc(label)}** — “{esc(quote)}” ({esc(source)})"
                    for label, quote, source in zip(
                        frame["label"], frame["quote"], frame["source"], strict=True
                    )
                )
            )
