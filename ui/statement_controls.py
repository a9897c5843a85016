"""The presenter's controls for the statement round: open it, reveal, close, what the screen shows, ask again,
and download its results (``export_buttons``: CSV and JSON, with each statement's sources and counts).
Closing a running round and asking again ask first, as the poll's controls do: the question and its two
buttons stand in place of the round's buttons until the presenter answers."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from policy import Dataset
from policy.live import PollError, Room
from policy.live.statement_export import results_csv, results_json, round_results
from policy.live.statements import KIND, VIEWS
from policy.statements import select_statements
from ui.blocks import esc
from ui.console_downloads import download_pair
from ui.context import view as current_view
from ui.statement_views import private_look
from ui.statements import open_in_room, statement_store
from ui.store import room_store

_VIEW_LABELS = {"agreement": "Agreement", "groups": "Groups", "movement": "Movement"}
_CONFIRM = "statements_confirm"  # (action, round code) waiting for the presenter's answer
_QUESTIONS = {
    "close": "Close the statement round? Phones stop taking answers (you can reopen it).",
    "again": "Ask again? Phones move to a new, empty round of the same statements; this round's answers "
    "are kept, to show how the room moved.",
}
_YES = {"close": "Close the round", "again": "Ask again"}


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
    if int(votes.answered.sum()):
        private_look(rnd, votes)
    if _confirming(ds, room.code, key, rnd.code, act):
        return
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
        "Close…" if rnd.is_open else "Reopen",
        key="statements_close",
        width="stretch",
        help="Phones stop taking answers (asks first)" if rnd.is_open else "Phones take answers again",
        on_click=_ask_first if rnd.is_open else act,
        args=("close", rnd.code) if rnd.is_open else (store.reopen, rnd.code, key),
    )
    b[0].button(
        "Ask again…",
        key="statements_again",
        width="stretch",
        help="Open the same statements again after the discussion, to show how the room moved (asks first)",
        on_click=_ask_first,
        args=("again", rnd.code),
    )


def export_buttons(code: str, key: str) -> None:
    """Downloads of the room's statement round results (CSV and JSON: each statement, who holds it, its
    sources, agree / disagree / pass counts, and each opinion group's share once groups are claimed), for the
    presenter's window; ``code`` is the room's code, ``key`` its presenter key. Nothing without a round."""
    try:
        room = room_store().get(code)
    except PollError as err:
        st.warning(esc(str(err)), icon=":material/cloud_off:")
        return
    if room.kind == KIND and room.round is not None:
        _downloads(room.round, key)


def _results(round_code: str, key: str, kind: str) -> bytes:
    """The file, made when the presenter clicks (the key is checked in policy/); words if it cannot be made."""
    store = statement_store()
    try:
        store.check_key(round_code, key)
        rnd, result = round_results(store, round_code)
    except PollError as err:
        return f"The statement round's results could not be exported: {err}\n".encode()
    ds = current_view().dataset
    return results_csv(rnd, result, ds) if kind == "csv" else results_json(rnd, result, ds)


def _downloads(round_code: str, key: str) -> None:
    download_pair(
        "Statement results",
        partial(_results, round_code, key),
        f"statement-round-{round_code}",
        "statements_export",
        "Each statement, who holds it, its sources, agree / disagree / pass counts and, once opinion groups are"
        " claimed, each group's share agreeing",
    )


def _ask_again(ds: Dataset, room_code: str, key: str, first: str) -> None:
    """An "after" round of the same statements; phones move to it."""
    rnd = statement_store().get(first)
    code = statement_store().open_round(rnd.statements, key=key, before=rnd.code)
    room_store().start_round(room_code, key, KIND, code)


def _ask_first(action: str, round_code: str) -> None:
    """Ask before ``action`` on this round (the question shows in place of the round's buttons)."""
    st.session_state[_CONFIRM] = (action, round_code)


def _confirming(ds: Dataset, room_code: str, key: str, round_code: str, act: Callable[..., None]) -> bool:
    """The question for the action waiting on this round, with its two buttons; whether one is waiting."""
    waiting = st.session_state.get(_CONFIRM)
    if not isinstance(waiting, tuple) or waiting[1] != round_code or waiting[0] not in _QUESTIONS:
        return False
    action = waiting[0]
    with st.container(border=True, key="statements-confirm"):
        st.warning(_QUESTIONS[action], icon=":material/help:")
        yes, no = st.columns(2)
        for col, answer, label in ((yes, True, _YES[action]), (no, False, "Cancel")):
            col.button(
                label,
                key=f"statements_confirm_{'yes' if answer else 'no'}",
                type="primary" if answer else "secondary",
                width="stretch",
                on_click=_confirmed,
                args=(answer, ds, room_code, key, round_code, act),
            )
    return True


def _confirmed(
    yes: bool, ds: Dataset, room_code: str, key: str, round_code: str, act: Callable[..., None]
) -> None:
    """Run the action waiting on this round (yes) or drop it."""
    waiting = st.session_state.pop(_CONFIRM, None)
    if not yes or not isinstance(waiting, tuple) or waiting[1] != round_code:
        return
    if waiting[0] == "close":
        act(statement_store().close, round_code, key)
    elif waiting[0] == "again":
        act(_ask_again, ds, room_code, key, round_code)
