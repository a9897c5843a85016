"""The presenter window's confirmations: anything that ends a running round, deletes votes or ends the
session asks first. A control stores the action waiting (``ask_first``); the control panel then shows its
question with two buttons in place of the round's controls (``confirming``), and Yes runs it (``confirmed``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from policy import Dataset
from policy.i18n import N_, _
from policy.slides import Slide
from ui.console_actions import ask_again, end_session, open_poll_round, open_statement_round
from ui.presenter import act
from ui.store import room_store

_CONFIRM = "console_confirm"

# Translated where they are shown: _(…).
_QUESTIONS = {
    "poll": N_("Open the poll? This ends the statement round: phones move to the poll."),
    "statements": N_(
        "Open the statement round? This ends the poll: it takes no more votes and phones move on."
    ),
    "again": N_("Ask again? This poll closes and phones move to a new, empty round of the same question."),
    "reset": N_("Delete every vote in this poll? This cannot be undone."),  # poll_controls gives the count
    "end": N_(
        "End the session? Every poll closes, phones are told it has ended, and the controls stop working."
    ),
}
_YES = {
    "poll": N_("Open the poll"),
    "statements": N_("Open the statement round"),
    "again": N_("Ask again"),
    "reset": N_("Delete the votes"),
    "end": N_("End the session"),
}


def ask_first(action: str, question: str | None = None) -> None:
    """Ask before ``action`` (its question, already in the page's language, or the one written here for it)."""
    st.session_state[_CONFIRM] = action
    st.session_state[_CONFIRM + "_question"] = question or ""


def confirming(ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> bool:
    """The question for the action waiting to be confirmed, with its two buttons; whether one is waiting."""
    action = st.session_state.get(_CONFIRM)
    if action not in _QUESTIONS:
        return False
    with st.container(border=True, key="con-confirm"):
        st.warning(
            st.session_state.get(_CONFIRM + "_question") or _(_QUESTIONS[action]), icon=":material/help:"
        )
        yes, no = st.columns(2)
        yes.button(
            _(_YES[action]),
            key="confirm_yes",
            type="primary",
            width="stretch",
            on_click=confirmed,
            args=(True, ds, slides, code, key),
        )
        no.button(
            _("Cancel"),
            key="confirm_no",
            width="stretch",
            on_click=confirmed,
            args=(False, ds, slides, code, key),
        )
    return True


def confirmed(yes: bool, ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> None:
    """Run the action waiting to be confirmed (yes) or drop it."""
    action = st.session_state.pop(_CONFIRM, None)
    if not yes or action is None:
        return
    runs: dict[str, tuple[Callable[..., Any], tuple[Any, ...]]] = {
        "poll": (open_poll_round, (ds, slides, code, key)),
        "statements": (open_statement_round, (ds, slides, code, key)),
        "again": (ask_again, (code, key)),
        "reset": (room_store().reset, (code, key)),
        "end": (end_session, (code, key)),
    }
    fn, args = runs[action]
    act(fn, *args)
