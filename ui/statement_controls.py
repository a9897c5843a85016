"""The presenter's controls for the statement round: open it, reveal, close, what the screen shows, ask again."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from policy import Dataset
from policy.live import PollError, Room
from policy.live.statements import KIND, VIEWS
from policy.statements import select_statements
from ui.blocks import esc
from ui.statements import open_in_room, statement_store
from ui.store import room_store

_VIEW_LABELS = {"agreement": "Agreement", "groups": "Groups", "movement": "Movement"}


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
