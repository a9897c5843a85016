"""The presenter's own window (``/present?view=presenter&room=CODE&key=…``): at 1280x720, with nothing below
the fold that matters, the slide number and timer, Previous/Next, small previews of this slide and the next,
the speaker notes, and the controls — the round's (the primary button follows the session's state), the
black screen (B), End session, the results export and the links.

It redraws every two seconds from the room in the database, so it stays in step with the projector window
whichever of them moved the slide. Every control goes through ``ui.presenter.act``: the key is checked by
``policy.live`` and a refusal or a failing database is reported, not swallowed. Anything that ends a running
round, and ending the session, asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from policy import Dataset
from policy.live import LiveUnavailable, PollError, Room
from policy.live.export import to_csv, to_json
from policy.live.statements import KIND
from policy.slides import Slide
from policy.statements import select_statements
from policy.style import position_label
from ui import registry
from ui.blocks import esc
from ui.live import unavailable
from ui.presenter import NOTICE, act, elapsed, links
from ui.statement_controls import statement_controls
from ui.statements import open_in_room, statement_store
from ui.store import poll_store, room_store

_CONFIRM = "console_confirm"


def console_style() -> None:
    """The presenter window's static style: no sidebar or page header, compact, small slide previews."""
    st.html(
        """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
    [data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
    [data-testid="stMainBlockContainer"] { padding: 0.8rem 1.5rem 1rem 1.5rem !important; max-width: 100% !important; }
    [data-testid="stMain"] [data-stale="true"] { opacity: 1 !important; transition: none !important; }
    .st-key-con-head h1 { padding: 0 !important; font-size: 1.35rem !important; line-height: 1.3; }
    .st-key-con-timer p { font-size: 1.6rem !important; font-weight: 700; text-align: right; margin: 0; font-variant-numeric: tabular-nums; }
    .st-key-preview-now, .st-key-preview-next { background: #f7f7f9; }
    .st-key-preview-now p, .st-key-preview-now li, .st-key-preview-next p, .st-key-preview-next li {
        font-size: 0.78rem !important; line-height: 1.25; margin-bottom: 0.1rem; }
    .st-key-preview-now strong, .st-key-preview-next strong { font-size: 0.9rem; }
    .st-key-con-notes p, .st-key-con-notes li { font-size: 1rem; line-height: 1.4; }
    .st-key-con-controls .stButton button p, .st-key-con-controls .stDownloadButton button p { white-space: nowrap; }
    </style>"""
    )


def preview_md(slide: Slide, number: int, code: str) -> str:
    """A slide as a small preview: its title and what it shows (live slides say what they hold)."""
    lines = [f"**{number}. {esc(slide.title)}**"]
    if slide.kind == "poll":
        lines.append(esc(f"Live poll · join code {code} · QR code · the options, then the results"))
    elif slide.kind == "statements":
        lines.append(esc(f"Statement round · join code {code} · what the room agrees on and what divides it"))
    else:
        if slide.subtitle:
            lines.append(esc(slide.subtitle))
        groups = list(slide.columns) or [(slide.left_heading, slide.left), (slide.right_heading, slide.right)]
        for heading, items in groups:
            if heading and items:
                lines.append(f"*{esc(heading)}*")
            lines += [f"- {esc(p.who + ': ' if p.who and not p.opening else '')}{esc(p.text)}" for p in items]
        if slide.figure:
            lines.append(esc(f"Key figure: {slide.figure}"))
    return "\n".join(lines)


def kind_slide(slides: Sequence[Slide], kind: str) -> int | None:
    """The number of the first slide of this kind (the poll's, the statement round's), if any."""
    return next((i for i, s in enumerate(slides, start=1) if s.kind == kind), None)


def console(ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> None:
    """The presenter's window: slide, previews, notes and timer on the left, the controls on the right. The
    two panels redraw every two seconds; the downloads and links sit outside them, so a click on a download
    never meets a panel being redrawn."""
    room = _room(code)
    if room is None:
        return
    if room.ended:
        ended(room, key)
        return
    left, right = st.columns([11, 9], gap="medium")
    with left:
        slide_panel(slides, code, key)
    with right, st.container(key="con-controls"):
        control_panel(ds, slides, code, key)
        downloads(code, key)
        with st.expander("Projector window and join link"):
            links(code)


def _room(code: str) -> Room | None:
    """The room, or None after saying why it cannot be read."""
    try:
        return room_store().get(code)
    except LiveUnavailable:
        unavailable()
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
    return None


@st.fragment(run_every="2s")
def slide_panel(slides: Sequence[Slide], code: str, key: str) -> None:
    """The slide on screen and the timer, Previous/Next, small previews of this slide and the next, notes."""
    rooms = room_store()
    room = _room(code)
    if room is None:
        return
    if room.ended:
        st.rerun(scope="app")  # the page shows the ended session
    number = min(max(1, room.slide), len(slides))
    slide = slides[number - 1]
    head, timer = st.columns([5, 1], vertical_alignment="center")
    with head.container(key="con-head"):
        st.title(esc(f"Slide {number} of {len(slides)} · {slide.title}"), anchor=False)
    with timer.container(key="con-timer"):
        st.markdown(esc(elapsed(room.created_at)))
    nav = st.columns(2)
    nav[0].button(
        "Previous",
        key="con_prev",
        shortcut="Left",
        icon=":material/arrow_back:",
        on_click=act,
        args=(rooms.go_to, code, key, max(1, number - 1)),
        width="stretch",
        disabled=number == 1,
    )
    nav[1].button(
        "Next",
        key="con_next",
        shortcut="Right",
        icon=":material/arrow_forward:",
        type="primary" if room.kind is None or slide.kind not in ("poll", "statements") else "secondary",
        on_click=act,
        args=(rooms.go_to, code, key, min(len(slides), number + 1)),
        width="stretch",
        disabled=number == len(slides),
    )
    now, nxt = st.columns(2)
    with now:
        st.caption(
            "On the screen now · blacked out (B brings it back)" if room.blank else "On the screen now"
        )
        with st.container(key="preview-now", border=True, height=150):
            st.markdown(preview_md(slide, number, code))
    with nxt:
        st.caption("Next")
        with st.container(key="preview-next", border=True, height=150):
            if number < len(slides):
                st.markdown(preview_md(slides[number], number + 1, code))
            else:
                st.markdown("_This is the last slide._")
    with st.container(key="con-notes", height=170, border=False):
        st.markdown("**Speaker notes**")
        st.markdown("\n\n".join(esc(n) for n in slide.notes) if slide.notes else "_No notes for this slide._")


@st.fragment(run_every="2s")
def control_panel(ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> None:
    """The round's controls, the black screen and End session; a refused control is reported here."""
    room = _room(code)
    if room is None:
        return
    if room.ended:
        st.rerun(scope="app")  # the page shows the ended session
    if notice := st.session_state.pop(NOTICE, None):
        st.error(esc(notice), icon=":material/error:")
    slide = slides[min(max(1, room.slide), len(slides)) - 1]
    round_controls(ds, slides, room, key, slide)
    session_controls(room, key)


def round_controls(ds: Dataset, slides: Sequence[Slide], room: Room, key: str, slide: Slide) -> None:
    """The round's controls; the button that opens a round is primary when the slide on screen is its."""
    if confirming(ds, slides, room.code, key):
        return
    code = room.code
    n_statements = len(select_statements(ds))
    if room.kind == "poll" and room.round is not None:
        poll_controls(ds, room, key)
    elif room.kind == KIND and room.round is not None:
        statement_controls(ds, room, key, act)
    running = room.kind is not None and room.round is not None
    cols = iter(st.columns(2))
    if room.kind != "poll":
        next(cols).button(
            "Open the poll",
            key="poll_open",
            type="primary" if not running and slide.kind != "statements" else "secondary",
            icon=":material/how_to_vote:",
            width="stretch",
            help="Phones vote on the question; the room moves to the poll slide"
            + (" (asks first: this ends the statement round)" if running else ""),
            on_click=ask_first if running else act,
            args=("poll",) if running else (open_poll_round, ds, slides, code, key),
        )
    if room.kind != KIND:
        next(cols).button(
            "Statement round",
            key="statements_open",
            type="primary" if not running and slide.kind == "statements" else "secondary",
            icon=":material/forum:",
            width="stretch",
            help=f"Each phone answers agree, disagree or pass to {n_statements} statements from the content, "
            "one at a time; the room moves to the statement round's slide"
            + (" (asks first: this ends the poll)" if running else ""),
            on_click=ask_first if running else act,
            args=("statements",) if running else (open_statement_round, ds, slides, code, key),
        )


def open_poll_round(ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> None:
    """Open the poll in the room and move the room to the poll slide."""
    rooms = room_store()
    labels = {p: position_label(ds, p) for p in ds.position_ids}
    rooms.open_poll(code, key, ds.debate.poll_question, ds.position_ids, labels)
    if (at := kind_slide(slides, "poll")) is not None:
        rooms.go_to(code, key, at)


def open_statement_round(ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> None:
    """Open the statement round in the room (ui.statements) and move the room to its slide."""
    room = room_store().get(code)
    if room.kind == "poll" and room.round is not None:
        room_store().close(code, key)  # the poll round ends: it takes no more votes
    open_in_room(ds, code, key)
    if (at := kind_slide(slides, "statements")) is not None:
        room_store().go_to(code, key, at)


def ask_first(action: str, question: str | None = None) -> None:
    """Ask before ``action`` (its question, or the one written here for it)."""
    st.session_state[_CONFIRM] = action
    st.session_state[_CONFIRM + "_question"] = question or _QUESTIONS.get(action, "")


_QUESTIONS = {
    "poll": "Open the poll? This ends the statement round: phones move to the poll.",
    "statements": "Open the statement round? This ends the poll: it takes no more votes and phones move on.",
    "again": "Ask again? This poll closes and phones move to a new, empty round of the same question.",
    "reset": "Delete every vote in this poll? This cannot be undone.",  # poll_controls gives the count
    "end": "End the session? Every poll closes, phones are told it has ended, and the controls stop working.",
}
_YES = {
    "poll": "Open the poll",
    "statements": "Open the statement round",
    "again": "Ask again",
    "reset": "Delete the votes",
    "end": "End the session",
}


def confirming(ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> bool:
    """The question for the action waiting to be confirmed, with its two buttons; whether one is waiting."""
    action = st.session_state.get(_CONFIRM)
    if action not in _QUESTIONS:
        return False
    with st.container(border=True, key="con-confirm"):
        st.warning(st.session_state.get(_CONFIRM + "_question") or _QUESTIONS[action], icon=":material/help:")
        yes, no = st.columns(2)
        yes.button(
            _YES[action],
            key="confirm_yes",
            type="primary",
            width="stretch",
            on_click=confirmed,
            args=(True, ds, slides, code, key),
        )
        no.button(
            "Cancel",
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
    rooms = room_store()
    runs: dict[str, tuple[Callable[..., Any], tuple[Any, ...]]] = {
        "poll": (open_poll_round, (ds, slides, code, key)),
        "statements": (open_statement_round, (ds, slides, code, key)),
        "again": (ask_again, (code, key)),
        "reset": (rooms.reset, (code, key)),
        "end": (end_session, (code, key)),
    }
    fn, args = runs[action]
    act(fn, *args)


def ask_again(code: str, key: str) -> None:
    """Close the poll and open an "after" round of it; phones move to the new round."""
    room_store().close(code, key)
    room_store().ask_again(code, key)


def end_session(code: str, key: str) -> None:
    """Close the statement round if one is running, then end the session (policy.live checks the key)."""
    room = room_store().get(code)
    if room.kind == KIND and room.round is not None:
        statement_store().close(room.round, key)
    room_store().end(code, key)


def poll_controls(ds: Dataset, room: Room, key: str) -> None:
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
    round_ = "after round" if poll.before else "poll"
    st.markdown(
        f"**{total}** vote{'s' if total != 1 else ''} · {round_} {'open' if poll.is_open else 'closed'} · "
        f"results {'shown' if room.revealed else 'hidden'}"
    )
    b = st.columns(2)
    b[0].button(
        "Hide the results" if room.revealed else "Reveal the results",
        key="poll_reveal",
        type="secondary" if room.revealed else "primary",
        icon=":material/visibility_off:" if room.revealed else ":material/bar_chart:",
        width="stretch",
        on_click=act,
        args=(rooms.reveal, code, key, not room.revealed),
    )
    b[1].button(
        "Close voting" if poll.is_open else "Reopen voting",
        key="poll_close",
        icon=":material/lock:" if poll.is_open else ":material/lock_open:",
        width="stretch",
        on_click=act,
        args=(rooms.close if poll.is_open else rooms.reopen, code, key),
    )
    b[0].button(
        "Ask again…",
        key="poll_again",
        type="primary" if room.revealed else "secondary",
        icon=":material/replay:",
        width="stretch",
        help="Close this poll and open an 'after' round of the same question; phones move to it (asks first)",
        on_click=ask_first,
        args=("again",),
    )
    b[1].button(
        "Reset votes…",
        key="poll_reset",
        icon=":material/delete:",
        width="stretch",
        help="Delete every vote in this poll (asks first)",
        on_click=ask_first,
        args=(
            "reset",
            f"Delete all {total} vote{'s' if total != 1 else ''} in this poll? This cannot be undone.",
        ),
    )


def session_controls(room: Room, key: str) -> None:
    """The black screen (B) and End session (asks first)."""
    rooms = room_store()
    code = room.code
    cols = st.columns(2)
    cols[0].button(
        "Show the slide" if room.blank else "Black screen",
        key="con_blank",
        shortcut="b",
        icon=":material/tv:" if room.blank else ":material/tv_off:",
        type="primary" if room.blank else "secondary",
        width="stretch",
        help="Blank the projector and bring it back (the B key does the same)",
        on_click=act,
        args=(rooms.blank, code, key, not room.blank),
    )
    cols[1].button(
        "End session…",
        key="con_end",
        icon=":material/stop_circle:",
        width="stretch",
        help="Close every poll, tell the phones, stop the controls (asks first)",
        on_click=ask_first,
        args=("end",),
    )


def downloads(code: str, key: str) -> None:
    """The poll results of every round, as CSV and JSON (made when clicked)."""
    rooms = room_store()

    def export(fmt: str) -> str:
        try:
            rows = rooms.export(code, key)
        except PollError as err:
            return f"The results could not be exported: {err}\n"
        return to_csv(rows) if fmt == "csv" else to_json(rows, code)

    cols = st.columns(2)
    cols[0].download_button(
        "Results (CSV)",
        data=lambda: export("csv"),
        file_name=f"poll-results-{code}.csv",
        mime="text/csv",
        key="export_csv",
        icon=":material/download:",
        width="stretch",
        on_click="ignore",
        help="Every poll round: question, options, counts, shares, turnout, times",
    )
    cols[1].download_button(
        "Results (JSON)",
        data=lambda: export("json"),
        file_name=f"poll-results-{code}.json",
        mime="application/json",
        key="export_json",
        icon=":material/download:",
        width="stretch",
        on_click="ignore",
        help="Every poll round: question, options, counts, shares, turnout, times",
    )


def ended(room: Room, key: str) -> None:
    """The presenter's window once the session has ended: what happened, and the results to download."""
    st.subheader(f"Session {room.code} has ended", anchor=False)
    st.markdown(
        "Every poll is closed, the projector shows that the session has ended, and phones say so. "
        "Download the results below."
    )
    downloads(room.code, key)
    st.page_link(
        registry.script("present"),
        label="Start a new session",
        icon=":material/podcasts:",
        query_params={"view": "presenter"},
    )
