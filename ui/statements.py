"""The statement round on screen: the phone card (one statement at a time) and the presenter's live panel.

The phone card shows one statement in large type with big Agree / Disagree / Pass buttons, "Statement 3 of
12", and citation marks that open the quotes behind it. The presenter panel shows, live, who has taken part,
what the room agrees on, what divides it, and (from 8 people) the opinion groups with what sets each apart,
or plain bars before that; and, for an "after" round, how the room moved. The maths is policy.live.groups.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import altair as alt
import pandas as pd
import streamlit as st

from policy import Dataset
from policy.live import PollError
from policy.live.groups import Analysis, Shift, StatementTally, analyse
from policy.live.statements import StatementRound, StatementStore
from policy.statements import Statement, select_statements
from ui.blocks import Marks, esc

__all__ = [
    "PANEL_VIEWS",
    "open_statement_round",
    "panel_view_label",
    "statement_card",
    "statement_controls",
    "statement_panel",
    "statement_store",
]

PanelView = Literal["agreement", "groups", "movement"]
PANEL_VIEWS: tuple[PanelView, ...] = ("agreement", "groups", "movement")
_VIEW_LABELS = {"agreement": "Agreement", "groups": "Groups", "movement": "Movement"}
GROUP_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e")
ANSWER_COLORS = {"Agree": "#2e7d32", "Disagree": "#c62828", "Pass": "#9e9e9e"}
# Characters of statement text a column of the panel shows at projector size before it lists numbers only.
PANEL_BUDGET = 340
GROUPS_BUDGET = 500
CHART_FONT = 20

# Static styling only, scoped by the containers' keys (st-key-*): large type for a phone and for a room.
CARD_CSS = """<style>
    .st-key-statement-card [data-testid="stMarkdownContainer"] p { font-size: 1.45rem !important; line-height: 1.4; }
    .st-key-statement-card .stButton button { min-height: 3.6rem; }
    .st-key-statement-card .stButton button p { font-size: 1.35rem !important; font-weight: 600; }
    .st-key-statement-card [data-testid="stCaptionContainer"] p { font-size: 1.05rem !important; }
    </style>"""
PANEL_CSS = """<style>
    .st-key-statement-panel [data-testid="stMarkdownContainer"] p,
    .st-key-statement-panel [data-testid="stMarkdownContainer"] li { font-size: 1.75rem !important; line-height: 1.25; }
    .st-key-statement-panel h3 { font-size: 2rem !important; padding: 0.2rem 0 0.3rem 0 !important; }
    .st-key-statement-panel [data-testid="stElementToolbar"] { display: none !important; }
    .st-key-statement-panel [data-testid="stVerticalBlock"] { gap: 0.4rem; }
    </style>"""


@st.cache_resource(show_spinner=False)
def statement_store() -> StatementStore:
    """The statement-round store, on the live-session database ($POLICY_POLL_DB)."""
    return StatementStore()


def open_statement_round(ds: Dataset, key: str, before: str | None = None) -> str:
    """Open a round of the content's statements controlled by ``key``; its code (PollError if refused)."""
    return statement_store().open_round(select_statements(ds), key=key, before=before)


def panel_view_label(view: str) -> str:
    return _VIEW_LABELS.get(view, view)


def _marked(ds: Dataset | None, statement: Statement) -> str:
    """The statement's words with numbered citation marks, or plain words if a quote is no longer in the
    content (the round keeps the words it was opened with)."""
    if ds is not None and all(ds.has("quotes", q) for q in statement.quotes):
        return Marks(ds).md(statement.cited)
    return esc(statement.text)


def _sources_line(ds: Dataset | None, statement: Statement) -> str:
    if ds is None:
        return ""
    outlets: list[str] = []
    for q in statement.quotes:
        if ds.has("quotes", q):
            outlet = ds.source(ds.quote(q).source).outlet
            if outlet not in outlets:
                outlets.append(outlet)
    if not outlets:
        return ""
    return esc("From " + ", ".join(outlets) + ". Tap a number to read the quote.")


# -- the phone ---------------------------------------------------------------------------------------------


def statement_card(ds: Dataset | None, code: str, voter: str) -> None:
    """One statement at a time for this voter: Agree / Disagree / Pass, progress, and the sources."""
    st.html(CARD_CSS)
    store = statement_store()
    try:
        rnd = store.get(code)
        mine = store.answers_of(code, voter)
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
        return
    total = len(rnd.statements)
    slot = f"statement-at-{rnd.code}"
    if slot not in st.session_state:
        st.session_state[slot] = _first_open(rnd, mine)
    index = min(max(0, int(st.session_state[slot])), total)
    with st.container(key="statement-card"):
        if not rnd.is_open:
            st.warning("This round is closed: answers are no longer taken.", icon=":material/lock:")
        if index >= total:
            _finished(rnd, mine, slot)
            return
        statement = rnd.statements[index]
        st.progress((index + 1) / total, text=f"Statement {index + 1} of {total}")
        st.markdown(_marked(ds, statement))
        sources = _sources_line(ds, statement)
        if sources:
            st.caption(sources)
        given = mine.get(statement.id)
        for answer, label, icon in (
            ("agree", "Agree", ":material/thumb_up:"),
            ("disagree", "Disagree", ":material/thumb_down:"),
            ("pass", "Pass / unsure", ":material/skip_next:"),
        ):
            chosen = given == answer
            if st.button(
                label + ("  ✓" if chosen else ""),
                key=f"answer-{answer}",
                icon=icon,
                type="primary" if chosen else "secondary",
                width="stretch",
                disabled=not rnd.is_open,
            ):
                try:
                    store.answer(rnd.code, voter, statement.id, answer)
                except PollError as err:
                    st.error(esc(str(err)), icon=":material/error:")
                else:
                    st.session_state[slot] = index + 1
                    st.rerun()
        if index > 0 and st.button("Previous statement", key="answer-back", icon=":material/arrow_back:"):
            st.session_state[slot] = index - 1
            st.rerun()
        answered = sum(1 for s in rnd.statements if s.id in mine)
        st.caption(esc(f"You have answered {answered} of {total}. You can change an answer at any time."))


def _first_open(rnd: StatementRound, mine: Mapping[str, str]) -> int:
    for i, s in enumerate(rnd.statements):
        if s.id not in mine:
            return i
    return len(rnd.statements)


def _finished(rnd: StatementRound, mine: Mapping[str, str], slot: str) -> None:
    answered = sum(1 for s in rnd.statements if s.id in mine)
    st.success(
        esc(
            f"Thank you: you have answered {answered} of {len(rnd.statements)} statements. Watch the screen."
        ),
        icon=":material/check_circle:",
    )
    if st.button("Review my answers", key="answer-review", icon=":material/edit:", width="stretch"):
        st.session_state[slot] = 0
        st.rerun()


# -- the presenter -----------------------------------------------------------------------------------------


def statement_controls(code: str, key: str, on_after: Callable[[str], None] | None = None) -> None:
    """The presenter's controls for the round: close or reopen, and an "after" round (needs the key)."""
    store = statement_store()
    try:
        rnd = store.get(code)
    except PollError as err:
        st.warning(esc(str(err)))
        return
    left, right = st.columns(2)
    try:
        if left.button(
            "Close the round" if rnd.is_open else "Reopen the round", key="statements-close", width="stretch"
        ):
            (store.close if rnd.is_open else store.reopen)(code, key)
            st.rerun()
        if on_after is not None and right.button(
            "Ask again (after round)",
            key="statements-again",
            help="Open the same statements again, to show how the room moved",
            width="stretch",
        ):
            after = store.open_round(rnd.statements, key=key, before=rnd.code)
            on_after(after)
            st.rerun()
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")


def statement_panel(ds: Dataset | None, code: str, view: str = "agreement") -> None:
    """The live panel for a room's screen: participation, then the chosen view (agreement, groups or
    movement); redrawn every two seconds."""
    st.html(PANEL_CSS)
    _live_panel(ds, code, view)


@st.fragment(run_every="2s")
def _live_panel(ds: Dataset | None, code: str, view: str) -> None:
    store = statement_store()
    try:
        rnd = store.get(code)
        votes = store.votes(code)
        shifts = store.movement(code) if rnd.before and view == "movement" else ()
    except PollError as err:
        st.warning(esc(str(err)))
        return
    slot = f"statements-k-{rnd.code}"
    result = analyse(votes, previous_k=st.session_state.get(slot))
    st.session_state[slot] = result.k
    numbers = {s.id: i + 1 for i, s in enumerate(rnd.statements)}
    with st.container(key="statement-panel"):
        people = "person has" if result.participants == 1 else "people have"
        state = "open" if rnd.is_open else "closed"
        st.markdown(
            f"**{result.participants}** {people} answered · **{result.answers}** answers · "
            f"{len(rnd.statements)} statements · round {esc(rnd.code)} {state}"
        )
        if view == "groups":
            _groups_view(rnd, result, numbers)
        elif view == "movement":
            _movement_view(rnd, shifts, numbers)
        else:
            _agreement_view(rnd, result, numbers)


def _text_list(
    rnd: StatementRound,
    items: Sequence[tuple[str, str]],
    empty: str,
) -> None:
    """(statement id, what the room did) pairs: the first few with their words, within the panel's budget;
    the rest by number only."""
    if not items:
        st.markdown(esc(empty))
        return
    used = 0
    rest: list[str] = []
    for statement_id, figures in items:
        statement = rnd.statement(statement_id)
        number = rnd.statement_ids.index(statement_id) + 1
        if used == 0 or used + len(statement.text) <= PANEL_BUDGET:
            st.markdown(f"**Statement {number} · {esc(figures)}** — {esc(statement.text)}")
            used += len(statement.text)
        else:
            rest.append(f"statement {number} ({figures})")
    if rest:
        st.markdown(esc("Also " + "; ".join(rest) + "."))


def _share(value: float) -> str:
    return f"{round(100 * value)}%"


def _agreement_view(rnd: StatementRound, result: Analysis, numbers: dict[str, int]) -> None:
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader("The room agrees")
        _text_list(
            rnd,
            [(t.statement_id, f"{_share(t.agree_share)} agree") for t in result.consensus],
            "No statement has broad agreement yet.",
        )
    with right:
        st.subheader("Most divisive")
        _text_list(
            rnd,
            [
                (t.statement_id, f"{_share(t.agree_share)} agree, {_share(t.disagree_share)} disagree")
                for t in result.divisive
            ],
            "No statement splits the room yet.",
        )


def _groups_view(rnd: StatementRound, result: Analysis, numbers: dict[str, int]) -> None:
    if not result.groups:
        st.subheader("Answers so far")
        st.markdown(esc(result.note))
        st.altair_chart(_bars(result.statements, numbers), width="stretch")
        return
    left, right = st.columns([2, 3], gap="large")
    with left:
        st.subheader(f"{len(result.groups)} opinion groups")
        st.altair_chart(_scatter(result), width="stretch")
    with right:
        used = 0
        for group in result.groups:
            head = f"Group {group.name} · {group.size} people"
            if not group.representative:
                st.markdown(f"**{esc(head)}**: no statement sets it apart yet.")
                continue
            top = group.representative[0]
            verb = "agree" if top.direction == "agree" else "disagree"
            statement = rnd.statement(top.statement_id)
            others = [str(numbers[r.statement_id]) for r in group.representative[1:]]
            figures = (
                f"{_share(top.share)} {verb} with statement {numbers[top.statement_id]} "
                f"(others {_share(top.rest_share)})"
            )
            also = f"; also statement{'s' if len(others) > 1 else ''} {', '.join(others)}" if others else ""
            if used == 0 or used + len(statement.text) <= GROUPS_BUDGET:
                st.markdown(f"**{esc(head)}**: {esc(figures)} — {esc(statement.text)}")
                used += len(statement.text)
            else:
                st.markdown(f"**{esc(head)}**: {esc(figures + also)}")


def _movement_view(rnd: StatementRound, shifts: Sequence[Shift], numbers: dict[str, int]) -> None:
    if not rnd.before:
        st.subheader("How the room moved")
        st.markdown("This is the first round: ask again after the discussion to see how the room moved.")
        return
    st.subheader("How the room moved: agree before and after")
    moved = sorted(shifts, key=lambda s: -abs(s.change))
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.altair_chart(_movement_chart(shifts, numbers), width="stretch")
    with right:
        _text_list(
            rnd,
            [
                (s.statement_id, f"{_share(s.before_agree)} → {_share(s.after_agree)} agree")
                for s in moved[:3]
                if s.after_answered and s.change
            ],
            "No statement has moved yet.",
        )


# -- charts (large labels, no toolbar) ---------------------------------------------------------------------


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
    names = [g.name for g in result.groups]
    rows = [{"x": p.x, "y": p.y, "Group": p.group} for p in result.points]
    chart = (
        alt.Chart(pd.DataFrame(rows))
        .mark_circle(size=260, opacity=0.85)
        .encode(
            x=alt.X("x:Q", axis=None),
            y=alt.Y("y:Q", axis=None),
            color=alt.Color(
                "Group:N",
                scale=alt.Scale(domain=names, range=list(GROUP_COLORS[: len(names)])),
                title=None,
            ),
        )
    )
    return _style(chart, 380)


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
