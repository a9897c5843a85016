"""Altair charts and the tables beside them, built from a dataset (no streamlit here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import altair as alt
import pandas as pd

from policy.citations import human_date
from policy.dataset import Dataset
from policy.models import BEARINGS, Series, TimelineEvent
from policy.prose import strip_markers
from policy.queries import balance_table, counts, format_number, source_label
from policy.style import BEARING_COLORS, BEARING_LABELS, position_colors, position_label
from policy.text import md_table

FONT_SIZES = {"labelFontSize": 13, "titleFontSize": 14}


def _finish(chart: alt.Chart, description: str) -> alt.Chart:
    # description becomes the chart's aria-label for screen readers.
    return (
        chart.properties(description=description).configure_axis(**FONT_SIZES).configure_legend(**FONT_SIZES)
    )


def balance_chart(dataset: Dataset, position_ids: Sequence[str] | None = None) -> alt.Chart:
    """Stacked bars: how many findings support, undercut or give context to each position (items that report
    one finding count once)."""
    frame = balance_table(dataset, position_ids)
    frame["label"] = [position_label(dataset, p) for p in frame["position"]]
    frame["bearing_label"] = frame["bearing"].map(BEARING_LABELS)
    order = [position_label(dataset, p) for p in dataset.position_ids if p in set(frame["position"])]
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=order, title=None),
            x=alt.X("items:Q", title="Findings", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "bearing_label:N",
                title="Bearing",
                sort=[BEARING_LABELS[b] for b in BEARINGS],
                scale=alt.Scale(
                    domain=[BEARING_LABELS[b] for b in BEARINGS], range=[BEARING_COLORS[b] for b in BEARINGS]
                ),
            ),
            order=alt.Order("bearing_order:Q"),
            tooltip=[
                alt.Tooltip("label:N", title="Position"),
                alt.Tooltip("bearing_label:N", title="Bearing"),
                alt.Tooltip("items:Q", title="Findings"),
            ],
        )
        .transform_calculate(bearing_order="indexof(['supports','undercuts','context'], datum.bearing)")
        .properties(height=alt.Step(38), width="container")
    )
    return _finish(chart, "Findings per position: how many support it, undercut it or give context.")


def series_frame(dataset: Dataset, series: Series) -> pd.DataFrame:
    """The series as a table: one row per point with its source and the words that give it."""
    rows = [
        {
            "label": p.label,
            "group": p.group,
            "period": p.period,
            "value": p.value,
            "unit": series.unit,
            "source": source_label(dataset, p.source),
            "quote": dataset.quote(p.quote).text,
        }
        for p in series.points
    ]
    return pd.DataFrame(rows, columns=["label", "group", "period", "value", "unit", "source", "quote"])


def series_table(dataset: Dataset, series: Series) -> str:
    """The series as a Markdown table, the chart's text alternative: what, period, value, unit, source."""
    rows = [
        (p.label, p.period, format_number(p.value), series.unit, source_label(dataset, p.source))
        for p in series.points
    ]
    return md_table(("What", "Period", "Value", "Unit", "Source"), rows, right={2})


def balance_markdown(dataset: Dataset, position_ids: Sequence[str]) -> str:
    """The balance chart's counts as a Markdown table: one row per position, one column per bearing."""
    rows = []
    for pid in position_ids:
        c = counts(dataset, dataset.position(pid))
        rows.append((position_label(dataset, pid), *(getattr(c, b) for b in BEARINGS)))
    return md_table(("Position", *(BEARING_LABELS[b] for b in BEARINGS)), rows, right={1, 2, 3})


def series_caption(dataset: Dataset, series: Series) -> str:
    """'Source: Reuters, December 21, 2023.' naming every source behind the series."""
    sources = sorted({source_label(dataset, p.source) for p in series.points})
    return f"Source{'s' if len(sources) > 1 else ''}: {'; '.join(sources)}."


def series_chart(dataset: Dataset, series: Series) -> alt.Chart:
    """A bar or line chart of a series, with tooltips giving each value's source."""
    frame = series_frame(dataset, series)
    has_groups = bool(frame["group"].astype(bool).any())
    base = alt.Chart(frame)
    tooltip = [
        alt.Tooltip("label:N", title="What"),
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("value:Q", title=series.unit, format=",.4~g"),
        alt.Tooltip("source:N", title="Source"),
    ]
    x = alt.X("label:N", sort=list(dict.fromkeys(frame["label"])), title=None, axis=alt.Axis(labelLimit=220))
    y = alt.Y("value:Q", title=series.unit)
    if series.mark == "line":
        chart = base.mark_line(point=alt.OverlayMarkDef(size=80), strokeWidth=3, color="#0072B2")
        chart = chart.encode(x=x, y=y, tooltip=tooltip)
    else:
        chart = base.mark_bar(color="#0072B2").encode(x=x, y=y, tooltip=tooltip)
        if has_groups:
            chart = chart.encode(
                color=alt.Color(
                    "group:N", title=None, scale=alt.Scale(range=["#0072B2", "#C75400", "#6E6E6E"])
                )
            )
    labels = base.mark_text(dy=-8, fontSize=13).encode(x=x, y=y, text=alt.Text("value:Q", format=",.4~g"))
    layered = alt.layer(chart, labels).properties(height=320, width="container")
    return _finish(layered, f"{series.title} ({series.unit}). {strip_markers(series.description)}".strip())


def date_start(value: str) -> pd.Timestamp:
    """The first day a partial date can mean: 2023 -> 2023-01-01, 2023-04 -> 2023-04-01."""
    parts = value.split("-")
    year, month, day = (
        int(parts[0]),
        int(parts[1]) if len(parts) > 1 else 1,
        int(parts[2]) if len(parts) > 2 else 1,
    )
    return pd.Timestamp(year=year, month=month, day=day)


def timeline_frame(dataset: Dataset, events: Iterable[TimelineEvent]) -> pd.DataFrame:
    """Events in date order with their display date, lane (first position) and source."""
    rows = []
    for event in sorted(events, key=lambda e: (date_start(e.date), e.date)):
        lane = position_label(dataset, event.positions[0]) if event.positions else "General"
        rows.append(
            {
                "id": event.id,
                "start": date_start(event.date),
                "date": human_date(event.date),
                "title": event.title,
                "lane": lane,
                "positions": ", ".join(position_label(dataset, p) for p in event.positions),
                "source": source_label(dataset, event.source),
            }
        )
    return pd.DataFrame(rows, columns=["id", "start", "date", "title", "lane", "positions", "source"])


def timeline_chart(dataset: Dataset, events: Iterable[TimelineEvent]) -> alt.Chart:
    """Dated events as points on a time axis, one lane per position they touch first."""
    frame = timeline_frame(dataset, events)
    colors = position_colors(dataset)
    lanes = [position_label(dataset, p) for p in dataset.position_ids] + ["General"]
    chart = (
        alt.Chart(frame)
        .mark_point(filled=True, size=140, opacity=0.9)
        .encode(
            x=alt.X("start:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount=8)),
            y=alt.Y("lane:N", sort=lanes, title=None),
            color=alt.Color(
                "lane:N", legend=None, scale=alt.Scale(domain=lanes, range=[*colors.values(), "#6E6E6E"])
            ),
            shape=alt.Shape("lane:N", legend=None, scale=alt.Scale(domain=lanes)),
            tooltip=[
                alt.Tooltip("date:N", title="Date"),
                alt.Tooltip("title:N", title="Event"),
                alt.Tooltip("positions:N", title="Touches"),
                alt.Tooltip("source:N", title="Source"),
            ],
        )
        .properties(height=alt.Step(46), width="container")
    )
    return _finish(chart, "Timeline of dated events, by the position each first touches.")


def poll_chart(results: Mapping[str, int], labels: Mapping[str, str]) -> alt.Chart:
    """Horizontal bars of votes per option, labelled with the count."""
    frame = pd.DataFrame(
        [{"option": labels.get(o, o), "votes": n, "order": i} for i, (o, n) in enumerate(results.items())]
    )
    base = alt.Chart(frame).encode(
        y=alt.Y("option:N", sort=alt.EncodingSortField("order"), title=None, axis=alt.Axis(labelLimit=400)),
        x=alt.X("votes:Q", title="Votes", axis=alt.Axis(tickMinStep=1)),
    )
    bars = base.mark_bar(color="#0072B2")
    text = base.mark_text(align="left", dx=6, fontSize=22, fontWeight="bold").encode(text="votes:Q")
    layered = alt.layer(bars, text).properties(height=alt.Step(64), width="container")
    return layered.properties(description="Votes per option in the live poll.").configure_axis(
        labelFontSize=22, titleFontSize=18
    )


def movement_chart(rows: Sequence[tuple[str, int, int]], labels: Mapping[str, str]) -> alt.Chart:
    """Before and after votes per option, side by side."""
    frame = pd.DataFrame(
        [{"option": labels.get(o, o), "round": "Before", "votes": b} for o, b, _ in rows]
        + [{"option": labels.get(o, o), "round": "After", "votes": a} for o, _, a in rows]
    )
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("option:N", title=None, sort=[labels.get(o, o) for o, _, _ in rows]),
            yOffset=alt.YOffset("round:N", sort=["Before", "After"]),
            x=alt.X("votes:Q", title="Votes", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "round:N", title=None, sort=["Before", "After"], scale=alt.Scale(range=["#6E6E6E", "#0072B2"])
            ),
            tooltip=["option:N", "round:N", "votes:Q"],
        )
        .properties(height=alt.Step(28), width="container")
    )
    return _finish(chart, "Votes per option at the start and at the end of the session.")


def poll_summary(results: Mapping[str, int], labels: Mapping[str, str]) -> str:
    """The poll's counts in words: the chart's text alternative."""
    return " · ".join(f"{labels.get(o, o)}: {n}" for o, n in results.items())
