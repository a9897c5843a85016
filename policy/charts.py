"""Altair charts and the tables beside them, built from a dataset (no streamlit here)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence

import altair as alt
import pandas as pd

from policy.citations import human_date
from policy.dataset import Dataset
from policy.i18n import N_, _, ngettext
from policy.models import BEARINGS, Series, TimelineEvent
from policy.prose import strip_markers
from policy.queries import counts, format_number, short_outlet, source_label
from policy.style import bearing_label, position_label
from policy.text import md_table

FONT_SIZES = {"labelFontSize": 13, "titleFontSize": 14}
GENERAL_GLYPH = "✱"  # the lane of events that touch no position
NUMBER = ",~f"  # d3 format: 107,000 and 2.5, never 1.07e+5
LINE_HEIGHT = 16  # px per line of a wrapped axis label at 13 px
SPLIT_LINES = "split(datum.label, '\\n')"  # an axis label's lines (labels are wrapped in Python)


def general_lane() -> str:
    """The label of the lane of events that touch no position, in the reader's language."""
    return _("{glyph} General").format(glyph=GENERAL_GLYPH)


def wrap(text: str, width: int) -> str:
    """Text broken into lines of at most width characters (a longer word stays whole), joined by newlines."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def _lines(labels: Iterable[str]) -> int:
    return max((label.count("\n") + 1 for label in labels), default=1)


def _finish(chart: alt.Chart, description: str) -> alt.Chart:
    # description becomes the chart's aria-label for screen readers.
    return (
        chart.properties(description=description).configure_axis(**FONT_SIZES).configure_legend(**FONT_SIZES)
    )


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


def _said_in(period: str, label: str) -> bool:
    """Whether the label already gives the period (as quoted or not, whatever its capitals)."""
    return period.strip("\"'“”").casefold() in label.casefold()


def series_table(dataset: Dataset, series: Series) -> str:
    """The series as a Markdown table, the chart's text alternative: what (and when), value (in the series'
    unit), source. Three columns and the source's short form, so the table fits a phone's column."""
    rows = [
        (
            f"{p.label} — {p.period}"
            if p.period and not _said_in(p.period, p.label)
            else p.label,  # the period once
            format_number(p.value),
            short_source(dataset, p.source),
        )
        for p in series.points
    ]
    header = (_("What, when"), _("Value ({unit})").format(unit=series.unit), _("Source"))
    return md_table(header, rows, right={1})


def balance_frame(dataset: Dataset, position_ids: Sequence[str]) -> pd.DataFrame:
    """The balance chart's counts as a table: a row per position (named in the index), a column per bearing."""
    rows = {
        position_label(dataset, pid): [getattr(counts(dataset, dataset.position(pid)), b) for b in BEARINGS]
        for pid in position_ids
    }
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=[bearing_label(b) for b in BEARINGS])
    frame.index.name = _("Position")
    return frame


def series_caption(dataset: Dataset, series: Series) -> str:
    """'Source: Reuters, December 21, 2023.' naming every source behind the series."""
    sources = sorted({source_label(dataset, p.source) for p in series.points})
    return ngettext("Source: {sources}.", "Sources: {sources}.", len(sources)).format(
        sources="; ".join(sources)
    )


def short_source(dataset: Dataset, source_id: str) -> str:
    """'Latino Observatory, August 27, 2023': the outlet without its parenthetical, and the date."""
    return f"{short_outlet(dataset, source_id)}, {human_date(dataset.source(source_id).published)}"


def title_lines(text: str, width: int = 30) -> list[str]:
    """An axis or legend title as lines (Vega-Lite draws a list as lines), so a narrow chart does not cut it."""
    return wrap(text, width).split("\n")


def series_chart(dataset: Dataset, series: Series) -> alt.Chart:
    """Horizontal bars (or a line) of a series, each bar labelled with its value in plain digits, with tooltips
    giving each value's source. Labels wrap onto lines beside their bar, so none is cut or turned on its side."""
    frame = series_frame(dataset, series)
    frame["shown"] = [format_number(v) for v in frame["value"]]
    frame["line"] = [wrap(label, 26) for label in frame["label"]]
    frame["group_line"] = [wrap(group, 30) if group else group for group in frame["group"]]
    has_groups = bool(frame["group"].astype(bool).any())
    base = alt.Chart(frame)
    tooltip = [
        alt.Tooltip("label:N", title=_("What")),
        alt.Tooltip("period:N", title=_("Period")),
        alt.Tooltip("shown:N", title=series.unit),
        alt.Tooltip("source:N", title=_("Source")),
    ]
    top = float(frame["value"].max()) if len(frame) else 0.0
    # Room right of the longest bar for its number; a share stops at 100%.
    end = 100.0 if series.unit.startswith("%") and top <= 100 else top * 1.3 or 1
    value = alt.X(
        "value:Q",
        title=title_lines(series.unit),
        scale=alt.Scale(domain=[min(0.0, float(frame["value"].min())), end], nice=True),
        axis=alt.Axis(format=NUMBER, tickCount=5, titleLimit=600),
    )
    if series.mark == "line":
        x = alt.X(
            "label:N", sort=list(dict.fromkeys(frame["label"])), title=None, axis=alt.Axis(labelAngle=0)
        )
        y = alt.Y("value:Q", title=title_lines(series.unit), axis=alt.Axis(format=NUMBER))
        chart = base.mark_line(point=alt.OverlayMarkDef(size=80), strokeWidth=3, color="#0072B2")
        labels = base.mark_text(dy=-10, fontSize=13).encode(x=x, y=y, text="shown:N")
        layered = alt.layer(chart.encode(x=x, y=y, tooltip=tooltip), labels).properties(height=320)
    else:
        lines = _lines(frame["line"])
        category = alt.Y(
            "line:N",
            sort=list(dict.fromkeys(frame["line"])),
            title=None,
            axis=alt.Axis(labelExpr=SPLIT_LINES, labelLimit=240, labelLineHeight=LINE_HEIGHT),
        )
        chart = base.mark_bar(color="#0072B2").encode(y=category, x=value, tooltip=tooltip)
        if has_groups:
            chart = chart.encode(
                color=alt.Color(
                    "group_line:N",
                    title=None,
                    scale=alt.Scale(range=["#0072B2", "#C75400", "#6E6E6E"]),
                    # Each name on lines of its own (wrapped above), so a phone-wide chart does not cut it.
                    legend=alt.Legend(
                        orient="bottom", direction="vertical", labelLimit=600, labelExpr=SPLIT_LINES
                    ),
                )
            )
        labels = base.mark_text(align="left", dx=5, fontSize=13).encode(y=category, x=value, text="shown:N")
        step = max(34, LINE_HEIGHT * lines + 14)
        layered = alt.layer(chart, labels).properties(height=alt.Step(step))
    layered = layered.properties(width="container")
    return _finish(layered, f"{series.title} ({series.unit}). {strip_markers(series.description)}".strip())


def date_start(value: str) -> pd.Timestamp:
    """The first day a partial date can mean: 2023 -> 2023-01-01, 2023-04 -> 2023-04-01."""
    return date_span(value)[0]


def date_span(value: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """The first and last day a partial date can mean, and how precise it is ("year", "month" or "day")."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return (
            pd.Timestamp(year=parts[0], month=1, day=1),
            pd.Timestamp(year=parts[0], month=12, day=31),
            "year",
        )
    start = pd.Timestamp(year=parts[0], month=parts[1], day=parts[2] if len(parts) > 2 else 1)
    if len(parts) == 2:
        return start, start + pd.offsets.MonthEnd(0), "month"
    return start, start, "day"


# A date known only to a year or a month says so (translated where shown: _(PRECISION_NOTES[precision])).
PRECISION_NOTES = {"year": N_("{date} (year only)"), "month": N_("{date} (month only)")}


def timeline_frame(
    dataset: Dataset, events: Iterable[TimelineEvent], href: Callable[[str], str] | None = None
) -> pd.DataFrame:
    """Events in date order with their display date, lane (first position), the lane's glyph and source. An
    event dated only to a month or a year is placed in the middle of it ("at") and spans it (start to end), so a
    year-only event never reads as a January one."""
    rows = []
    for event in sorted(events, key=lambda e: (date_start(e.date), e.date)):
        first = event.positions[0] if event.positions else None
        start, end, precision = date_span(event.date)
        rows.append(
            {
                "id": event.id,
                "start": start,
                "end": end,
                "at": start + (end - start) / 2,
                "precision": precision,
                "date": _(PRECISION_NOTES[precision]).format(date=human_date(event.date))
                if precision in PRECISION_NOTES
                else human_date(event.date),
                "title": event.title,
                "lane": position_label(dataset, first) if first else general_lane(),
                "glyph": dataset.position(first).icon if first else GENERAL_GLYPH,
                "positions": ", ".join(position_label(dataset, p) for p in event.positions),
                "source": source_label(dataset, event.source),
                "url": href(event.id) if href else "",
            }
        )
    columns = [
        "id",
        "start",
        "end",
        "at",
        "precision",
        "date",
        "title",
        "lane",
        "glyph",
        "positions",
        "source",
        "url",
    ]
    return pd.DataFrame(rows, columns=columns)


# How the map of who stands where draws each side: a glyph and a word as well as a colour (white text on each
# colour is above 4.5:1). The word is translated where it is shown: _(word).
SIDE_STYLE = {
    "backs": ("✚", N_("Backs"), "#0072B2"),
    "criticises": ("✖", N_("Criticises"), "#B34A00"),
    "both": ("✚✖", N_("Both"), "#AA4499"),
}


# Charts on a slide are read from the back of a room: axis labels, counts and legend at least 24 px.
SLIDE_CHART = {"labelFontSize": 26, "titleFontSize": 24, "labelColor": "#1F1F1F", "titleColor": "#1F1F1F"}


def _vote_axis(most: int, big: bool) -> alt.X:
    """The votes axis, with room past the longest bar for its count (so no count is cut at the edge)."""
    room = alt.Scale(domain=[0, max(1, most) * (1.25 if big else 1.15) + 0.5], nice=False)
    if big:  # a slide has no height to spare: few ticks, no axis title (the count line above says "votes")
        return alt.X("votes:Q", title=None, scale=room, axis=alt.Axis(tickMinStep=1, format="d", tickCount=4))
    return alt.X("votes:Q", title=_("Votes"), scale=room, axis=alt.Axis(tickMinStep=1, format="d"))


def poll_chart(results: Mapping[str, int], labels: Mapping[str, str], *, big: bool = False) -> alt.Chart:
    """Horizontal bars of votes per option, labelled with the count and share; big: sized for a slide at
    1280x720."""
    total = sum(results.values())
    frame = pd.DataFrame(
        [
            {"option": labels.get(o, o), "votes": n, "order": i, "label": _count_share(n, total)}
            for i, (o, n) in enumerate(results.items())
        ]
    )
    base = alt.Chart(frame).encode(
        # labelLimit 0: option labels are never cut.
        y=alt.Y("option:N", sort=alt.EncodingSortField("order"), title=None, axis=alt.Axis(labelLimit=0)),
        x=_vote_axis(max(results.values(), default=0), big),
    )
    bars = base.mark_bar(color="#0072B2")
    text = base.mark_text(align="left", dx=8, fontSize=32 if big else 22, fontWeight="bold").encode(
        text="label:N"
    )
    layered = alt.layer(bars, text).properties(height=alt.Step(48 if big else 64), width="container")
    sizes = SLIDE_CHART if big else {"labelFontSize": 22, "titleFontSize": 18}
    description = _("Votes per option in the live poll.")
    return layered.properties(description=description).configure_axis(**sizes)


def movement_chart(
    rows: Sequence[tuple[str, int, int]], labels: Mapping[str, str], *, big: bool = False
) -> alt.Chart:
    """Before and after votes per option, side by side; big: sized for a slide at 1280x720, the legend above."""
    before, after = sum(row[1] for row in rows), sum(row[2] for row in rows)
    first, then = _("Before"), _("After")  # the rounds, as the legend and the tooltips name them
    frame = pd.DataFrame(
        [
            {"option": labels.get(o, o), "round": first, "votes": b, "label": _count_share(b, before)}
            for o, b, _a in rows
        ]
        + [
            {"option": labels.get(o, o), "round": then, "votes": a, "label": _count_share(a, after)}
            for o, _b, a in rows
        ]
    )
    most = max((max(b, a) for _o, b, a in rows), default=0)
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "option:N",
            title=None,
            sort=[labels.get(row[0], row[0]) for row in rows],
            axis=alt.Axis(labelLimit=0),  # option labels are never cut
        ),
        yOffset=alt.YOffset("round:N", sort=[first, then]),
        x=_vote_axis(most, big),
    )
    # Every bar says its count and share, a zero too (a zero draws no bar).
    text = base.mark_text(align="left", dx=6, fontSize=20 if big else 13, fontWeight="bold").encode(
        text="label:N"
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "round:N",
            title=None,
            sort=[first, then],
            scale=alt.Scale(range=["#6E6E6E", "#0072B2"]),
            legend=alt.Legend(orient="top", direction="horizontal", symbolSize=400, offset=6)
            if big
            else alt.Legend(),
        ),
        tooltip=[  # titled as the fields are named, in the reader's language
            alt.Tooltip("option:N", title=_("option")),
            alt.Tooltip("round:N", title=_("round")),
            alt.Tooltip("votes:Q", title=_("votes")),
        ],
    )
    chart = alt.layer(bars, text).properties(height=alt.Step(26 if big else 28), width="container")
    description = _("Votes per option at the start and at the end of the session.")
    if not big:
        return _finish(chart, description)
    return (
        chart.properties(description=description)
        .configure_axis(**SLIDE_CHART)
        .configure_legend(**SLIDE_CHART, padding=0, titlePadding=0)  # no space kept for a legend title (none)
    )


def _count_share(votes: int, total: int) -> str:
    """'9 · 39%': a bar's count and its share of its round's votes."""
    return f"{votes} · {round(100 * votes / total) if total else 0}%"


def poll_summary(results: Mapping[str, int], labels: Mapping[str, str]) -> str:
    """The poll's counts in words: the chart's text alternative."""
    return " · ".join(f"{labels.get(o, o)}: {n}" for o, n in results.items())
