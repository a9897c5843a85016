"""The statement round on screen: the phone card (one statement at a time) and the presenter's live panel.

The phone card shows one statement in large type with big Agree / Disagree / Pass buttons, "Statement 3 of
12", and citation marks that open the quotes behind it. The presenter panel shows, live, who has taken part,
what the room agrees on, what divides it, and (from 8 people) the opinion groups with what sets each apart,
or plain bars before that; and, for an "after" round, how the room moved. The maths is policy.live.groups.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlsplit

import altair as alt
import pandas as pd
import streamlit as st

from policy import Dataset
from policy.live import PollError, Room
from policy.live.groups import Analysis, Shift, StatementTally, analyse
from policy.live.statements import KIND, VIEWS, StatementRound, StatementStore
from policy.share import qr_png
from policy.statements import Statement, select_statements
from ui.blocks import Marks, esc
from ui.context import view as current_view
from ui.live import POLL_CSS, QR_PX, esc_html, join_link
from ui.store import room_store

__all__ = [
    "open_in_room",
    "phone_statements",
    "statement_card",
    "statement_controls",
    "statement_panel",
    "statement_screen",
    "statement_store",
]

_VIEW_LABELS = {"agreement": "Agreement", "groups": "Groups", "movement": "Movement"}
GROUP_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e")
GROUP_MARKDOWN_COLORS = ("blue", "red", "green", "violet", "orange")  # the same, as Markdown colours
ANSWER_COLORS = {"Agree": "#2e7d32", "Disagree": "#c62828", "Pass": "#9e9e9e"}
# Characters of statement text a column of the panel shows at projector size before it lists numbers only.
PANEL_BUDGET = 340
GROUPS_BUDGET = 500
CHART_FONT = 20

# Static styling only, scoped by the containers' keys (st-key-*): large type for a phone and for a room; the
# panel's text does not fade while its two-second refresh runs (the room would see it flicker).
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
    .st-key-statement-panel [data-stale="true"] { opacity: 1 !important; transition: none !important; }
    </style>"""


@st.cache_resource(show_spinner=False)
def statement_store() -> StatementStore:
    """The statement-round store, on the live-session database ($POLICY_POLL_DB)."""
    return StatementStore()


def open_in_room(ds: Dataset, room_code: str, key: str, before: str | None = None) -> str:
    """Open a round of the content's statements in the live session and make it the room's active round
    (the room's presenter key controls both); its code. PollError if refused."""
    rooms = room_store()
    rooms.check_key(room_code, key)
    code = statement_store().open_round(select_statements(ds), key=key, before=before)
    rooms.start_round(room_code, key, KIND, code)
    return code


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


def phone_statements(code: str, voter: str) -> None:
    """The phone's view of the room's statement round (the room's phone page calls it)."""
    statement_card(current_view().dataset, code, voter)


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


def statement_controls(ds: Dataset, room: Room, key: str, act: Callable[..., None]) -> None:
    """The presenter's controls for the room's statement round (``act`` runs a control and reports a refusal):
    open it; then the count, Reveal/Hide, Close/Reopen, what the screen shows, and Ask again."""
    rooms = room_store()
    store = statement_store()
    if room.kind != KIND or room.round is None:
        st.button(
            f"Open the statement round ({len(select_statements(ds))} statements)",
            key="statements_open",
            icon=":material/forum:",
            help="Each phone answers agree, disagree or pass to statements from the content, one at a time",
            on_click=act,
            args=(open_in_room, ds, room.code, key),
        )
        return
    try:
        rnd = store.get(room.round)
        votes = store.votes(rnd.code)
    except PollError as err:  # LiveUnavailable's message says the live part is unavailable
        st.warning(esc(str(err)), icon=":material/cloud_off:")
        return
    people = int(votes.answered.any(axis=1).sum())
    round_ = "after round" if rnd.before else "statement round"
    st.markdown(
        f"**{people}** {'person' if people == 1 else 'people'} · **{int(votes.answered.sum())}** answers · "
        f"{round_} {'open' if rnd.is_open else 'closed'} · results {'shown' if room.revealed else 'hidden'}"
    )
    views = VIEWS if rnd.before else VIEWS[:2]
    slot = f"statements_view_{rnd.code}"
    st.session_state[slot] = rnd.shown if rnd.shown in views else views[0]
    st.segmented_control(
        "The screen shows",
        views,
        key=slot,
        format_func=lambda v: _VIEW_LABELS[v],
        on_change=lambda: act(store.show, rnd.code, key, st.session_state[slot] or rnd.shown),
    )
    b = st.columns(2)
    b[0].button(
        "Hide" if room.revealed else "Reveal",
        key="statements_reveal",
        type="primary",
        width="stretch",
        on_click=act,
        args=(rooms.reveal, room.code, key, not room.revealed),
    )
    b[1].button(
        "Close" if rnd.is_open else "Reopen",
        key="statements_close",
        width="stretch",
        on_click=act,
        args=(store.close if rnd.is_open else store.reopen, rnd.code, key),
    )
    b[0].button(
        "Ask again",
        key="statements_again",
        width="stretch",
        help="Open the same statements again after the discussion, to show how the room moved",
        on_click=act,
        args=(_ask_again, ds, room.code, key, rnd.code),
    )


def _ask_again(ds: Dataset, room_code: str, key: str, first: str) -> None:
    """An "after" round of the same statements; phones move to it."""
    rnd = statement_store().get(first)
    code = statement_store().open_round(rnd.statements, key=key, before=rnd.code)
    room_store().start_round(room_code, key, KIND, code)


def statement_screen(ds: Dataset, room: Room) -> None:
    """The room's screen (projector) while a statement round is active: the join code and how many have
    answered; once the presenter reveals the results, the live panel in the view they chose."""
    if room.round is None:
        return
    st.html(PANEL_CSS)
    st.title("Agree or disagree?")
    if room.revealed:
        _screen(ds, room.code, room.round, True, None)
        return
    link = join_link(room.code)
    left, right = st.columns([3, 2], gap="large", vertical_alignment="top")
    with left:
        st.html(POLL_CSS)
        host = urlsplit(link).netloc + urlsplit(link).path
        st.html(
            f'<p class="join-how">Join at {esc_html(host)} with the code</p>'
            f'<div class="join-code">{esc_html(room.code)}</div>'
        )
        _screen(ds, room.code, room.round, False, None)
    with right:
        st.image(qr_png(link), width=QR_PX, caption="Scan to answer")


def statement_panel(ds: Dataset | None, code: str, view: str | None = None) -> None:
    """The live results panel of a round (``view``: agreement, groups or movement; None: the round's own
    choice), redrawn every two seconds."""
    st.html(PANEL_CSS)
    _screen(ds, None, code, True, view)


@st.fragment(run_every="2s")
def _screen(ds: Dataset | None, room_code: str | None, code: str, revealed: bool, view: str | None) -> None:
    """Participation, then (revealed) the chosen view; the whole page is redrawn when the room moves on."""
    store = statement_store()
    try:
        if room_code is not None:
            room = room_store().get(room_code)
            if (room.kind, room.round, room.revealed) != (KIND, code, revealed):
                st.rerun(scope="app")
        rnd = store.get(code)
        votes = store.votes(code)
        shown = view or rnd.shown
        shifts = store.movement(code) if rnd.before and shown == "movement" else ()
    except PollError as err:  # LiveUnavailable's message says the live part is unavailable
        st.warning(esc(str(err)), icon=":material/cloud_off:")
        return
    slot = f"statements-k-{rnd.code}"
    result = analyse(votes, previous_k=st.session_state.get(slot))
    st.session_state[slot] = result.k
    numbers = {s.id: i + 1 for i, s in enumerate(rnd.statements)}
    with st.container(key="statement-panel"):
        people = "person has" if result.participants == 1 else "people have"
        state = "open" if rnd.is_open else "closed"
        after = "after round · " if rnd.before else ""
        st.markdown(
            f"**{result.participants}** {people} answered · **{result.answers}** answers · "
            f"{len(rnd.statements)} statements · {after}{state}"
        )
        if not revealed:
            return
        if shown == "groups":
            _groups_view(rnd, result, numbers)
        elif shown == "movement":
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
        told: set[str] = set()
        for number, group in enumerate(result.groups):
            colour = GROUP_MARKDOWN_COLORS[number % len(GROUP_MARKDOWN_COLORS)]
            head = f"Group {group.name} · {group.size} people"
            if not group.representative:
                st.markdown(f":{colour}[**{esc(head)}**]: no statement sets it apart yet.")
                continue
            # Each group's own statement where it has one that no group above was shown with.
            top = next(
                (r for r in group.representative if r.statement_id not in told), group.representative[0]
            )
            told.add(top.statement_id)
            verb = "agree" if top.direction == "agree" else "disagree"
            statement = rnd.statement(top.statement_id)
            others = [str(numbers[r.statement_id]) for r in group.representative if r is not top]
            figures = (
                f"{_share(top.share)} {verb} with statement {numbers[top.statement_id]} "
                f"(others {_share(top.rest_share)})"
            )
            also = f"; also statement{'s' if len(others) > 1 else ''} {', '.join(others)}" if others else ""
            if used == 0 or used + len(statement.text) <= GROUPS_BUDGET:
                st.markdown(f":{colour}[**{esc(head)}**]: {esc(figures)} — {esc(statement.text)}")
                used += len(statement.text)
            else:
                st.markdown(f":{colour}[**{esc(head)}**]: {esc(figures + also)}")


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
