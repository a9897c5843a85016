"""The statement round's charts: answers per statement, the room's opinion map, and how agreement moved.

Statements are labelled by their own words, wrapped onto lines (never cut with "…"), in 20 px type; the
charts show a few statements at a time, as many as a 1280x720 screen can label.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import altair as alt
import pandas as pd

from policy.i18n import N_, _, pgettext
from policy.live.groups import Analysis, Shift, StatementTally

GROUP_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e")
GROUP_MARKDOWN_COLORS = ("blue", "red", "green", "violet", "orange")  # the same, as Markdown colours
# The answers' colours, by the answer's English name (a chart shows the name in the reader's language: _()).
ANSWER_COLORS = {N_("Agree"): "#2e7d32", N_("Disagree"): "#c62828", N_("Pass"): "#9e9e9e"}
CHART_FONT = 20
LABEL_WIDTH = 52  # characters of a statement label's line (about 500 px at 20 px): 3 lines for 160
LINE = "\n"  # splits a label into the lines the axis draws (labelExpr below)


def label(text: str) -> str:
    """A statement's whole words, wrapped onto lines for a chart's axis."""
    return LINE.join(textwrap.wrap(text, LABEL_WIDTH)) or text


def _text_axis() -> alt.Axis:
    # labelLimit 0: never cut a label; each line of the wrapped words drawn on its own line.
    return alt.Axis(
        title=None,
        labelLimit=0,
        labelExpr=f"split(datum.label, '{LINE.encode('unicode_escape').decode()}')",
        labelFontSize=CHART_FONT,
        labelPadding=8,
        labelBaseline="middle",
        labelColor="#31333f",
    )


def _style(chart: alt.Chart | alt.LayerChart, height: int | alt.Step) -> alt.Chart | alt.LayerChart:
    styled: alt.Chart | alt.LayerChart = (
        chart.properties(height=height)
        .configure_axis(labelFontSize=CHART_FONT, titleFontSize=CHART_FONT)
        .configure_legend(labelFontSize=CHART_FONT, titleFontSize=CHART_FONT, orient="top")
        .configure_view(strokeWidth=0)
    )
    return styled


def _bars(statements: Sequence[StatementTally], labels: dict[str, str]) -> alt.Chart | alt.LayerChart:
    """Agree / disagree / pass per statement, one horizontal bar each, labelled by the statement's words."""
    order = [label(labels[t.statement_id]) for t in statements]
    rows = [
        {"Statement": label(labels[t.statement_id]), "Answer": _(answer), "People": count, "Rank": rank}
        for t in statements
        for rank, (answer, count) in enumerate(
            (("Agree", t.agree), ("Disagree", t.disagree), ("Pass", t.passed))
        )
    ]
    lines = max((len(o.split(LINE)) for o in order), default=1)
    chart = (
        alt.Chart(pd.DataFrame(rows))
        .mark_bar()
        .encode(
            y=alt.Y("Statement:N", sort=order, axis=_text_axis()),
            x=alt.X("People:Q", title=None, axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "Answer:N",
                scale=alt.Scale(domain=[_(a) for a in ANSWER_COLORS], range=list(ANSWER_COLORS.values())),
                title=None,
            ),
            order=alt.Order("Rank:Q"),  # agree, disagree, pass, in every language
        )
    )
    # Each statement's band is as tall as its label's lines (a step per band), so no label is hidden.
    return _style(chart, alt.Step(lines * 24 + 12))


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
            tooltip=[
                alt.Tooltip("Group:N", title=_("Group")),
                alt.Tooltip("People:Q", title=pgettext("how many", "People")),
            ],
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


def _movement_chart(shifts: Sequence[Shift], labels: dict[str, str]) -> alt.Chart | alt.LayerChart:
    """Agree before and after per statement, labelled by the statement's words."""
    order = [label(labels[s.statement_id]) for s in shifts]
    rounds = [_("Before"), _("After")]  # the legend's names of the two rounds
    rows = [
        {"Statement": label(labels[s.statement_id]), "Round": name, "Agree": round(100 * share)}
        for s in shifts
        for name, share in zip(rounds, (s.before_agree, s.after_agree), strict=True)
    ]
    lines = max((len(o.split(LINE)) for o in order), default=1)
    chart = (
        alt.Chart(pd.DataFrame(rows))
        .mark_bar()
        .encode(
            y=alt.Y("Statement:N", sort=order, axis=_text_axis()),
            yOffset=alt.YOffset("Round:N", sort=rounds, scale=alt.Scale(paddingInner=0.15)),
            x=alt.X("Agree:Q", title=_("% agree"), scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "Round:N",
                sort=rounds,
                scale=alt.Scale(domain=rounds, range=["#9e9e9e", "#1f77b4"]),
                title=None,
            ),
        )
    )
    # With an offset, the step is each round's sub-band: two of them per statement.
    return _style(chart, alt.Step((lines * 24 + 14) // 2))
