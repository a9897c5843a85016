"""The statement round on screen: the phone card (one statement at a time) and the presenter's live panel.

The phone card shows one statement in large type with big Agree / Disagree / Pass buttons, "Statement 3 of
12", and citation marks that open the quotes behind it. The presenter panel shows, live, who has taken part,
what the room agrees on, what divides it, and (from 8 people) the opinion groups with what sets each apart,
or plain bars before that; and, for an "after" round, how the room moved. The maths is policy.live.groups.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from policy import Dataset
from policy.live import PollError
from policy.live.statements import KIND, StatementRound, StatementStore
from policy.statements import Statement, select_statements
from ui.blocks import Marks, esc
from ui.context import view as current_view
from ui.store import room_store

__all__ = ["open_in_room", "phone_statements", "statement_card", "statement_store"]


# Static styling only, scoped by the containers' keys (st-key-*): large type for a phone and for a room; the
# panel's text does not fade while its two-second refresh runs (the room would see it flicker).


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
    st.html(
        """<style>
    .st-key-statement-card [data-testid="stMarkdownContainer"] p { font-size: 1.45rem !important; line-height: 1.4; }
    .st-key-statement-card .stButton button { min-height: 3.6rem; }
    .st-key-statement-card .stButton button p { font-size: 1.35rem !important; font-weight: 600; }
    .st-key-statement-card [data-testid="stCaptionContainer"] p { font-size: 1.05rem !important; }
    </style>"""
    )
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
