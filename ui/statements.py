"""The statement round on the phone, and the round's store: one statement at a time, and the room's round.

The phone card shows one statement in large type with big Agree / Disagree / Pass buttons, "Statement 3 of
12", who holds or reports it ("from: ..."), and citation marks that open the quotes behind it. Once the
presenter reveals the results or closes the round, the phone shows how its own answers compare with the
room's, and its opinion group once groups are claimed (ui.statement_answers). The room's screen is
ui.statement_screen, the presenter's controls ui.statement_controls; the maths is policy.live.groups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import streamlit as st

from policy import Dataset
from policy.i18n import _, ngettext
from policy.live import PollError
from policy.live.groups import analyse
from policy.live.statements import KIND, StatementRound, StatementStore
from policy.statements import Statement, attribution, select_statements, statements_by_id
from ui.blocks import Marks, esc
from ui.context import view as current_view
from ui.statement_answers import my_results
from ui.store import room_store
from ui.urlstate import url_params

__all__ = ["open_in_room", "phone_statements", "statement_card", "statement_store"]


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
    """ "from: <who holds or reports it> · <outlet>", and how to read the quotes."""
    if not (source := attribution(ds, statement) if ds is not None else ""):
        return ""
    return esc(_("from: {source}. Tap a number to read the quote.").format(source=source))


# -- the phone ---------------------------------------------------------------------------------------------


def phone_statements(code: str, voter: str, revealed: bool | None = None) -> None:
    """The phone's view of the room's statement round (the room's phone page calls it); ``revealed``: whether
    the presenter shows the results (None: read from the room the page joined, ``?join=``)."""
    shown = _room_revealed(code) if revealed is None else revealed
    statement_card(current_view().dataset, code, voter, shown)


def _room_revealed(code: str) -> bool:
    join = url_params().get("join", "").strip().upper()
    if not join:
        return False
    try:
        room = room_store().get(join)
    except PollError:
        return False
    return room.kind == KIND and room.round == code and room.revealed


def statement_card(ds: Dataset | None, code: str, voter: str, revealed: bool = False) -> None:
    """One statement at a time for this voter: Agree / Disagree / Pass, progress, and the sources; once the
    results are revealed or the round is closed, how this voter's answers compare with the room's."""
    # Static styling only, scoped by the containers' keys (st-key-*): large type for a phone; the results'
    # text does not fade while the page reruns.
    st.html(
        """<style>
    .st-key-statement-card [data-testid="stMarkdownContainer"] p { font-size: 1.45rem !important; line-height: 1.4; }
    .st-key-statement-card .stButton button { min-height: 3.6rem; }
    .st-key-statement-card .stButton button p { font-size: 1.35rem !important; font-weight: 600; }
    .st-key-statement-card [data-testid="stCaptionContainer"] p { font-size: 1.05rem !important; }
    .st-key-statement-mine [data-testid="stMarkdownContainer"] p { font-size: 1.1rem !important; line-height: 1.4; }
    .st-key-statement-mine h3 { font-size: 1.45rem !important; }
    .st-key-statement-mine [data-stale="true"] { opacity: 1 !important; transition: none !important; }
    .st-key-statement-mine .stButton button p { font-size: 1.15rem !important; font-weight: 600; }
    </style>"""
    )
    store = statement_store()
    try:
        rnd = store.get(code)
        mine = store.answers_of(code, voter)
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
        return
    # The statements in this page's language (a phone that chose another than the session's).
    if ds is not None:
        shown = current_view().cached(statements_by_id)
        rnd = replace(rnd, statements=tuple(shown.get(s.id, s) for s in rnd.statements))
    total = len(rnd.statements)
    slot = f"statement-at-{rnd.code}"
    results_over = (revealed or not rnd.is_open) and bool(mine)
    answering = f"statement-answering-{rnd.code}"  # the voter chose to answer more while results show
    if results_over and not (rnd.is_open and st.session_state.get(answering)):
        try:
            votes = store.votes(rnd.code)
        except PollError as err:
            st.error(esc(str(err)), icon=":material/error:")
            return
        my_results(rnd, mine, votes, analyse(votes), voter)
        if rnd.is_open:
            if st.button(
                _("Change or add answers"), key="answer-more", icon=":material/edit:", width="stretch"
            ):
                st.session_state[answering] = True
                st.rerun()
        return
    if results_over and st.button(
        _("See how the room answered"), key="answer-results", icon=":material/bar_chart:", width="stretch"
    ):
        st.session_state[answering] = False
        st.rerun()
    if slot not in st.session_state:
        st.session_state[slot] = _first_open(rnd, mine)
    index = min(max(0, int(st.session_state[slot])), total)
    with st.container(key="statement-card"):
        if not rnd.is_open:
            st.warning(_("This round is closed: answers are no longer taken."), icon=":material/lock:")
        if index >= total:
            _finished(rnd, mine, slot)
            return
        statement = rnd.statements[index]
        st.progress(
            (index + 1) / total, text=_("Statement {number} of {total}").format(number=index + 1, total=total)
        )
        st.markdown(_marked(ds, statement))
        sources = _sources_line(ds, statement)
        if sources:
            st.caption(sources)
        given = mine.get(statement.id)
        for answer, label, icon in (
            ("agree", _("Agree"), ":material/thumb_up:"),
            ("disagree", _("Disagree"), ":material/thumb_down:"),
            ("pass", _("Pass / unsure"), ":material/skip_next:"),
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
        if index > 0 and st.button(_("Previous statement"), key="answer-back", icon=":material/arrow_back:"):
            st.session_state[slot] = index - 1
            st.rerun()
        answered = sum(1 for s in rnd.statements if s.id in mine)
        done = _("You have answered {answered} of {total}. You can change an answer at any time.")
        st.caption(esc(done.format(answered=answered, total=total)))


def _first_open(rnd: StatementRound, mine: Mapping[str, str]) -> int:
    return next((i for i, s in enumerate(rnd.statements) if s.id not in mine), len(rnd.statements))


def _finished(rnd: StatementRound, mine: Mapping[str, str], slot: str) -> None:
    answered = sum(1 for s in rnd.statements if s.id in mine)
    total = len(rnd.statements)
    thanks = ngettext(
        "Thank you: you have answered {answered} of {total} statement. When the presenter shows the results, "
        "this page shows how your answers compare with the room's.",
        "Thank you: you have answered {answered} of {total} statements. When the presenter shows the results, "
        "this page shows how your answers compare with the room's.",
        total,
    )
    st.success(esc(thanks.format(answered=answered, total=total)), icon=":material/check_circle:")
    if st.button(_("Review my answers"), key="answer-review", icon=":material/edit:", width="stretch"):
        st.session_state[slot] = 0
        st.rerun()
