"""The presenter window's control rows: the round's (open the poll or the statement round, the primary button
following the session's state), the poll's (count, reveal, close, ask again, reset) and the session's (black
screen, End session). Every button goes through ``ui.presenter.act``; those that end a running round, delete
votes or end the session ask first (``ui.console_confirm``).
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from policy import Dataset
from policy.i18n import _, ngettext
from policy.live import LiveUnavailable, PollError, Room
from policy.live.statements import KIND
from policy.slides import Slide
from policy.statements import select_statements
from ui.blocks import esc
from ui.console_actions import open_poll_round, open_statement_round
from ui.console_confirm import ask_first, confirming
from ui.live import unavailable
from ui.presenter import act
from ui.statement_controls import statement_controls
from ui.store import poll_store, room_store


def _state(before: str | None, is_open: bool) -> str:
    """The poll round's state, as the presenter's count line says it."""
    if before:
        return _("after round open") if is_open else _("after round closed")
    return _("poll open") if is_open else _("poll closed")


def round_controls(ds: Dataset, slides: Sequence[Slide], room: Room, key: str, slide: Slide) -> None:
    """The round's controls; the button that opens a round is primary when the slide on screen is its."""
    if confirming(ds, slides, room.code, key):
        return
    code = room.code
    n_statements = len(select_statements(ds))
    if room.kind == "poll" and room.round is not None:
        poll_controls(room, key)
    elif room.kind == KIND and room.round is not None:
        statement_controls(ds, room, key, act)
    running = room.kind is not None and room.round is not None
    cols = iter(st.columns(2))
    if room.kind != "poll":
        next(cols).button(
            _("Open the poll"),
            key="poll_open",
            type="primary" if not running and slide.kind != "statements" else "secondary",
            icon=":material/how_to_vote:",
            width="stretch",
            help=_(
                "Phones vote on the question; the room moves to the poll slide (asks first: this ends the "
                "statement round)"
            )
            if running
            else _("Phones vote on the question; the room moves to the poll slide"),
            on_click=ask_first if running else act,
            args=("poll",) if running else (open_poll_round, ds, slides, code, key),
        )
    if room.kind != KIND:
        next(cols).button(
            _("Statement round"),
            key="statements_open",
            type="primary" if not running and slide.kind == "statements" else "secondary",
            icon=":material/forum:",
            width="stretch",
            help=(
                ngettext(
                    "Each phone answers agree, disagree or pass to {n} statement from the content, one at a "
                    "time; the room moves to the statement round's slide (asks first: this ends the poll)",
                    "Each phone answers agree, disagree or pass to {n} statements from the content, one at a "
                    "time; the room moves to the statement round's slide (asks first: this ends the poll)",
                    n_statements,
                )
                if running
                else ngettext(
                    "Each phone answers agree, disagree or pass to {n} statement from the content, one at a "
                    "time; the room moves to the statement round's slide",
                    "Each phone answers agree, disagree or pass to {n} statements from the content, one at a "
                    "time; the room moves to the statement round's slide",
                    n_statements,
                )
            ).format(n=n_statements),
            on_click=ask_first if running else act,
            args=("statements",) if running else (open_statement_round, ds, slides, code, key),
        )


def poll_controls(room: Room, key: str) -> None:
    """The poll's count, then Reveal/Hide (primary while votes come in), Close/Reopen, Ask again and Reset
    (both ask first)."""
    rooms = room_store()
    code = room.code
    try:
        poll = poll_store().get(str(room.round))
        total = poll_store().total_votes(poll.code)
    except LiveUnavailable:
        unavailable()
        return
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
        return
    count = ngettext("**{n}** vote", "**{n}** votes", total).format(n=total)
    shown = _("results shown") if room.revealed else _("results hidden")
    st.markdown(" · ".join((count, _state(poll.before, poll.is_open), shown)))
    if total and not room.revealed:  # a private look before the room sees them
        tally = " · ".join(f"{poll.labels.get(o, o)} {n}" for o, n in poll_store().results(poll.code).items())
        st.caption(esc(_("Only you see this: {tally}").format(tally=tally)))
    b = st.columns(2)
    b[0].button(
        _("Hide the results") if room.revealed else _("Reveal the results"),
        key="poll_reveal",
        type="secondary" if room.revealed else "primary",
        icon=":material/visibility_off:" if room.revealed else ":material/bar_chart:",
        width="stretch",
        on_click=act,
        args=(rooms.reveal, code, key, not room.revealed),
    )
    b[1].button(
        _("Close voting") if poll.is_open else _("Reopen voting"),
        key="poll_close",
        icon=":material/lock:" if poll.is_open else ":material/lock_open:",
        width="stretch",
        on_click=act,
        args=(rooms.close if poll.is_open else rooms.reopen, code, key),
    )
    b[0].button(
        _("Ask again…"),
        key="poll_again",
        type="primary" if room.revealed else "secondary",
        icon=":material/replay:",
        width="stretch",
        help=_(
            "Close this poll and open an 'after' round of the same question; phones move to it (asks first)"
        ),
        on_click=ask_first,
        args=("again",),
    )
    b[1].button(
        _("Reset votes…"),
        key="poll_reset",
        icon=":material/delete:",
        width="stretch",
        help=_("Delete every vote in this poll (asks first)"),
        on_click=ask_first,
        args=(
            "reset",
            ngettext(
                "Delete all {n} vote in this poll? This cannot be undone.",
                "Delete all {n} votes in this poll? This cannot be undone.",
                total,
            ).format(n=total),
        ),
    )


def session_controls(room: Room, key: str) -> None:
    """The black screen (B) and End session (asks first)."""
    rooms = room_store()
    code = room.code
    cols = st.columns(2)
    cols[0].button(
        _("Show the slide") if room.blank else _("Black screen"),
        key="con_blank",
        shortcut="b",
        icon=":material/tv:" if room.blank else ":material/tv_off:",
        type="primary" if room.blank else "secondary",
        width="stretch",
        help=_("Blank the projector and bring it back (the B key does the same)"),
        on_click=act,
        args=(rooms.blank, code, key, not room.blank),
    )
    cols[1].button(
        _("End session…"),
        key="con_end",
        icon=":material/stop_circle:",
        width="stretch",
        help=_("Close every poll, tell the phones, stop the controls (asks first)"),
        on_click=ask_first,
        args=("end",),
    )
