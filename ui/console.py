"""The presenter's own window (``/present?view=presenter&room=CODE&key=…``): slide, next slide, notes, timer, controls.

It redraws every two seconds from the room in the database, so it stays in step with the projector window
whichever of them moved the slide. Every control goes through ``ui.presenter.act``: the key is checked by
``policy.live`` and a refusal or a failing database is reported, not swallowed.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from policy import Dataset
from policy.live import LiveUnavailable, PollError, Room
from policy.slides import Slide
from policy.style import position_label
from ui.blocks import esc
from ui.live import unavailable
from ui.presenter import NOTICE, act, elapsed, links
from ui.statement_controls import statement_controls
from ui.store import poll_store, room_store


@st.fragment(run_every="2s")
def console(ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> None:
    """The presenter's window: slide, next slide, notes, timer, the controls; in step with the projector."""
    rooms = room_store()
    try:
        room = rooms.get(code)
    except LiveUnavailable:
        unavailable()
        return
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
        return
    number = min(max(1, room.slide), len(slides))
    slide = slides[number - 1]
    if notice := st.session_state.pop(NOTICE, None):
        st.error(esc(notice), icon=":material/error:")
    head, timer = st.columns([4, 1], vertical_alignment="bottom")
    head.subheader(esc(f"Slide {number} of {len(slides)}: {slide.title}"))
    timer.metric("Elapsed", elapsed(room.created_at))
    nav = st.columns([1, 1, 3])
    nav[0].button(
        "Previous",
        key="con_prev",
        shortcut="Left",
        on_click=act,
        args=(rooms.go_to, code, key, max(1, number - 1)),
        width="stretch",
        disabled=number == 1,
    )
    nav[1].button(
        "Next",
        key="con_next",
        shortcut="Right",
        type="primary",
        on_click=act,
        args=(rooms.go_to, code, key, min(len(slides), number + 1)),
        width="stretch",
        disabled=number == len(slides),
    )
    nav[2].caption(
        esc(f"Next: {slides[number].title}" if number < len(slides) else "This is the last slide.")
    )
    notes, controls = st.columns([3, 2], gap="large")
    with notes:
        st.markdown("**Speaker notes**")
        st.markdown("\n\n".join(esc(n) for n in slide.notes) if slide.notes else "_No notes for this slide._")
    with controls:
        poll_controls(ds, room, key)
        statement_controls(ds, room, key, act)
    links(code)


def poll_controls(ds: Dataset, room: Room, key: str) -> None:
    """Open the poll; then the count and Reveal/Hide, Close/Reopen, Reset (confirmed) and Ask again."""
    rooms = room_store()
    code = room.code
    if room.kind != "poll" or room.round is None:
        labels = {p: position_label(ds, p) for p in ds.position_ids}
        args = (rooms.open_poll, code, key, ds.debate.poll_question, ds.position_ids, labels)
        st.button(
            "Open the poll",
            key="poll_open",
            type="primary",
            icon=":material/how_to_vote:",
            on_click=act,
            args=args,
        )
        return
    try:
        poll = poll_store().get(room.round)
        total = poll_store().total_votes(poll.code)
    except LiveUnavailable:
        unavailable()
        return
    round_ = "after round" if poll.before else "poll"
    st.markdown(
        f"**{total}** vote{'s' if total != 1 else ''} · {round_} {'open' if poll.is_open else 'closed'} · results {'shown' if room.revealed else 'hidden'}"
    )
    b = st.columns(2)
    b[0].button(
        "Hide" if room.revealed else "Reveal",
        key="poll_reveal",
        type="primary",
        width="stretch",
        on_click=act,
        args=(rooms.reveal, code, key, not room.revealed),
    )
    b[1].button(
        "Close" if poll.is_open else "Reopen",
        key="poll_close",
        width="stretch",
        on_click=act,
        args=(rooms.close if poll.is_open else rooms.reopen, code, key),
    )
    b[0].button(
        "Reset…",
        key="poll_reset",
        width="stretch",
        help="Delete every vote in this poll (asks first)",
        on_click=st.session_state.__setitem__,
        args=("confirm_reset", True),
    )
    b[1].button(
        "Ask again",
        key="poll_again",
        width="stretch",
        help="Open an 'after' round of the same question; phones move to it",
        on_click=act,
        args=(rooms.ask_again, code, key),
    )
    if st.session_state.get("confirm_reset"):
        st.warning(f"Delete all {total} vote{'s' if total != 1 else ''} in this poll? This cannot be undone.")
        yes, no = st.columns(2)
        yes.button(
            "Delete the votes",
            key="poll_reset_yes",
            type="primary",
            on_click=confirm_reset,
            args=(code, key, True),
        )
        no.button("Keep them", key="poll_reset_no", on_click=confirm_reset, args=(code, key, False))


def confirm_reset(code: str, key: str, delete: bool) -> None:
    st.session_state.confirm_reset = False
    if delete:
        act(room_store().reset, code, key)
