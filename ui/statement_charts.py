"""The statement round's charts: answers per statement, the room's opinion map, and how agreement moved."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from policy.live.groups import Analysis, Shift, StatementTally

GROUP_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e")
GROUP_MARKDOWN_COLORS = ("blue", "red", "green", "violet", "orange")  # the same, as Markdown colours
ANSWER_COLORS = {"Agree": "#2e7d32", "Disagree": "#c62828", "Pass": "#9e9e9e"}
CHART_FONT = 20


def _style(chart: alt.Chart | alt.LayerChart, height: int) -> alt.Chart | alt.LayerChart:
    styled: alt.Chart | alt.LayerChart = (
        chart.properties(height=height)
        .configure_axis(labelFontSize=CHART_FONT, titleFontSize=CHART_FONT)
        .configure_legend(labelFontSize=CHART_FONT, titleFontSize=CHART_FONT, orient="top")
        .configure_view(strokeWidth=0)
    )
    return styled


def _bars(statements: Sequence[StatementTally], numbers: dict[str, int]) -> alt.Chart | alt.LayerChart:
    rows = [
        {"Statement": numbers[t.statement_id], "Answer": answer, "People": count}
        for t in statements
        for answer, count in (("Agree", t.agree), ("Disagree", t.disagree), ("Pass", t.passed))
    ]
    chart = (
        alt.Chart(pd.DataFrame(rows))
        .mark_bar()
        .encode(
            x=alt.X("Statement:O", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("People:Q", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "Answer:N",
                scale=alt.Scale(domain=list(ANSWER_COLORS), range=list(ANSWER_COLORS.values())),
                title=None,
            ),
            order=alt.Order("Answer:N"),
        )
    )
    return _style(chart, 330)


def _scatter(result: Analysis) -> alt.Chart | alt.LayerChart:
    """The map of the room: one circle per place on it, as large as the number of people there (people who
    answered alike share a place)."""
    names = [g.name for g in result.groups]
    places: dict[tuple[float, float, str], int] = {}
    for p in result.points:
        place = (round(p.x, 3), round(p.y, 3), p.group)
        places[place] = places.get(place, 0) + 1
    rows = [{"x": x, "y": y, "Group": group, "People": n} for (x, y, group), n in places.items()]
    colour = alt.Color(
        "Group:N", scale=alt.Scale(domain=names, range=list(GROUP_COLORS[: len(names)])), legend=None
    )
    x, y = alt.X("x:Q", axis=None), alt.Y("y:Q", axis=None)
    circles = (
        alt.Chart(pd.DataFrame(rows))
        .mark_circle(opacity=0.8)
        .encode(
            x=x,
            y=y,
            color=colour,
            size=alt.Size("People:Q", scale=alt.Scale(range=[250, 2500]), legend=None),
            tooltip=["Group:N", "People:Q"],
        )
    )
    # Each group's letter above its highest circle, larger than the panel's text (no legend to read).
    tops = [
        {"x": g.centre[0], "y": max(p.y for p in result.points if p.group == g.name), "Group": g.name}
        for g in result.groups
    ]
    letters = (
        alt.Chart(pd.DataFrame(tops))
        .mark_text(fontSize=34, fontWeight="bold", dy=-42)
        .encode(x=x, y=y, text="Group:N", color=colour)
    )
    return _style(circles + letters, 380)


def _movement_chart(shifts: Sequence[Shift], numbers: dict[str, int]) -> alt.Chart | alt.LayerChart:
    rows = [
        {"Statement": numbers[s.statement_id], "Round": name, "Agree": round(100 * share)}
        for s in shifts
        for name, share in (("Before", s.before_agree), ("After", s.after_agree))
    ]
    chart = (
        alt.Chart(pd.DataFrame(rows))
        .mark_bar()
        .encode(
            x=alt.X("Statement:O", axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("Round:N", sort=["Before", "After"]),
            y=alt.Y("Agree:Q", title="% agree", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "Round:N",
                sort=["Before", "After"],
                scale=alt.Scale(domain=["Before", "After"], range=["#9e9e9e", "#1f77b4"]),
                title=None,
            ),
        )
    )
    return _style(chart, 360)
