"""The presenter's controls for the statement round: open it, reveal, close, what the screen shows, ask again
(its results' downloads are ``ui.console_downloads.export_buttons``).
Closing a running round and asking again ask first, as the poll's controls do: the question and its two
buttons stand in place of the round's buttons until the presenter answers."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from policy import Dataset
from policy.i18n import N_, _, ngettext
from policy.live import PollError, Room
from policy.live.statements import KIND, VIEWS
from policy.statements import select_statements
from ui.blocks import esc
from ui.statement_views import private_look
from ui.statements import open_in_room, statement_store
from ui.store import room_store

# Words translated where they are shown: _(…).
_VIEW_LABELS = {"agreement": N_("Agreement"), "groups": N_("Groups"), "movement": N_("Movement")}
_CONFIRM = "statements_confirm"  # (action, round code) waiting for the presenter's answer
_QUESTIONS = {
    "close": N_("Close the statement round? Phones stop taking answers (you can reopen it)."),
    "again": N_(
        "Ask again? Phones move to a new, empty round of the same statements; this round's answers "
        "are kept, to show how the room moved."
    ),
}
_YES = {"close": N_("Close the round"), "again": N_("Ask again")}


def statement_controls(ds: Dataset, room: Room, key: str, act: Callable[..., None]) -> None:
    """The presenter's controls for the room's statement round (``act`` runs a control and reports a refusal):
    open it; then the count, Reveal/Hide, Close/Reopen, what the screen shows, and Ask again."""
    rooms = room_store()
    store = statement_store()
    if room.kind != KIND or room.round is None:
        n = len(select_statements(ds))
        st.button(
            ngettext(
                "Open the statement round ({n} statement)", "Open the statement round ({n} statements)", n
            ).format(n=n),
            key="statements_open",
            icon=":material/forum:",
            help=_(
                "Each phone answers agree, disagree or pass to statements from the content, one at a time"
            ),
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
    people, answers = int(votes.answered.any(axis=1).sum()), int(votes.answered.sum())
    if rnd.before:
        state = _("after round open") if rnd.is_open else _("after round closed")
    else:
        state = _("statement round open") if rnd.is_open else _("statement round closed")
    parts = (
        ngettext("**{n}** person", "**{n}** people", people).format(n=people),
        ngettext("**{n}** answer", "**{n}** answers", answers).format(n=answers),
        state,
        _("results shown") if room.revealed else _("results hidden"),
    )
    st.markdown(" · ".join(parts))
    if int(votes.answered.sum()):
        private_look(rnd, votes)
    if _confirming(ds, room.code, key, rnd.code, act):
        return
    views = VIEWS if rnd.before else VIEWS[:2]
    slot = f"statements_view_{rnd.code}"
    st.session_state[slot] = rnd.shown if rnd.shown in views else views[0]
    st.segmented_control(
        _("The screen shows"),
        views,
        key=slot,
        format_func=lambda v: _(_VIEW_LABELS[v]),
        on_change=lambda: act(store.show, rnd.code, key, st.session_state[slot] or rnd.shown),
    )
    b = st.columns(2)
    b[0].button(
        _("Hide") if room.revealed else _("Reveal"),
        key="statements_reveal",
        type="primary",
        width="stretch",
        on_click=act,
        args=(rooms.reveal, room.code, key, not room.revealed),
    )
    b[1].button(
        _("Close…") if rnd.is_open else _("Reopen"),
        key="statements_close",
        width="stretch",
        help=_("Phones stop taking answers (asks first)") if rnd.is_open else _("Phones take answers again"),
        on_click=_ask_first if rnd.is_open else act,
        args=("close", rnd.code) if rnd.is_open else (store.reopen, rnd.code, key),
    )
    b[0].button(
        _("Ask again…"),
        key="statements_again",
        width="stretch",
        help=_(
            "Open the same statements again after the discussion, to show how the room moved (asks first)"
        ),
        on_click=_ask_first,
        args=("again", rnd.code),
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
        st.warning(_(_QUESTIONS[action]), icon=":material/help:")
        yes, no = st.columns(2)
        for col, answer, label in ((yes, True, _(_YES[action])), (no, False, _("Cancel"))):
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
