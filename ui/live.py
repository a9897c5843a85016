"""The live session's shared parts: the join link, the projector's poll slide and the phone's poll round.

The projector's poll slide shows no control: the join code (the largest thing on it), the QR code, the
count, and the results once the presenter reveals them. Phones follow the room: ``phone_round`` redraws
every two seconds from the database, so a new round, a reveal or a close reaches them without a reload.
A failing database shows ``UNAVAILABLE`` in words and leaves the rest of the page working.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st

from policy import Dataset
from policy.charts import movement_chart, poll_chart, poll_summary
from policy.live import UNAVAILABLE, LiveUnavailable, Movement, Poll, PollError, Room
from policy.live.export import turnout_note
from policy.share import base_url, qr_png
from policy.slides import Slide
from ui.blocks import esc
from ui.store import PUBLIC_URL, poll_store, room_store, setting

# The join code is the largest thing on the poll slide (the slides' rule for paragraphs must not shrink it);
# charts on the projector have no toolbar.


def poll_style() -> None:
    """The poll slide's static style (large join code, no chart toolbar)."""
    st.html(
        """<style>
    [data-testid="stMain"] .st-key-join-code p { font-size: 7.5rem !important; font-weight: 800; line-height: 0.95;
        letter-spacing: 0.08em; font-family: ui-monospace, "DejaVu Sans Mono", monospace; margin: 0; }
    [data-testid="stMain"] .st-key-join-how p { font-size: 1.6rem !important; line-height: 1.3; margin: 0 0 0.4rem 0; }
    [data-testid="stMain"] .st-key-poll-options ul { list-style: none; padding-left: 0; }
    [data-testid="stMain"] .st-key-poll-options li { font-size: 2.1rem !important; line-height: 1.2; margin-bottom: 0.35rem; }
    [data-testid="stMain"] .st-key-poll-chart p { font-size: 1.6rem !important; }
    [data-testid="stMain"] .st-key-poll-count p { font-size: 1.6rem !important; }
    [data-testid="stMain"] [data-stale="true"] { opacity: 1 !important; transition: none !important; }
    [data-testid="stMain"] .st-key-poll-chart [data-testid="stSkeleton"] { visibility: hidden !important; }
    [data-testid="stElementToolbar"] { display: none !important; }
    </style>"""
    )


QR_PX = 340
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}  # noqa: S104 - names compared, nothing bound


def unavailable() -> None:
    """The words for a live part whose database failed; everything else on the page keeps working."""
    st.warning(UNAVAILABLE, icon=":material/cloud_off:")


def join_link(code: str) -> str:
    """The audience's link: the configured public address (POLICY_PUBLIC_URL), else the page's own host."""
    base = (setting(PUBLIC_URL) or "").rstrip("/") or base_url(st.context.url or "")
    return f"{base}/vote?{urlencode({'join': code})}"


def is_local(link: str) -> bool:
    """Whether the link points at this machine only (no phone can open it)."""
    host = (urlsplit(link).hostname or "").lower()
    return not host or host in LOCAL_HOSTS or host.endswith(".localhost")


def poll_slide(ds: Dataset, slide: Slide, room: Room | None) -> None:
    """The projector's poll slide: the question, the join code, QR code, the options while voting is open,
    the count, and (once revealed) the results."""
    poll_style()
    st.title(esc(slide.title))
    if room is None:
        st.markdown(esc("Start a live session in the presenter view to poll the room."))
        return
    room_results(room.code, join_link(room.code), slide.kind)


def join_line(host: str, code: str) -> None:
    """Where to join, then the code in the largest type on the slide (the style keys on these containers)."""
    with st.container(key="join-how"):
        st.markdown(esc(f"Join at {host} with the code"))
    with st.container(key="join-code"):
        st.markdown(esc(code))


def _read_poll(code: str) -> tuple[Room, Poll | None, dict[str, int], list[Movement] | None]:
    """The room, its active poll (None when the active round is not a poll), the tally, the movement."""
    room = room_store().get(code)
    poll = poll_store().get(room.round) if room.kind == "poll" and room.round else None
    tally = poll_store().results(poll.code) if poll else {}
    moved = poll_store().movement(poll.code) if poll and room.revealed and poll.before else None
    return room, poll, tally, moved


@st.fragment(run_every="1s")
def room_results(code: str, link: str, kind: str = "poll") -> None:
    """The join code, QR code, the options (voting) or the chart (revealed) and the count; redrawn every
    second. Each part has a keyed container of its own that is always drawn, so a new round or a reveal
    replaces its content in place (no stale bars, no grey placeholder). On the statement round's slide
    (``kind`` "statements") it holds the join code until that round opens, then the page draws the round."""
    left, right = st.columns([3, 2], gap="large", vertical_alignment="top")
    host = urlsplit(link).netloc + urlsplit(link).path
    problem = ""
    try:
        room, poll, tally, moved = _read_poll(code)
        if room.ended or room.blank or (kind == "statements" and room.kind == "statements"):
            st.rerun(scope="app")  # the page draws the ended or blank screen, or the statement round
        if kind == "statements":
            poll, tally, moved = None, {}, None
    except LiveUnavailable:
        problem, poll, tally, moved = UNAVAILABLE, None, {}, None
    except PollError as err:
        problem, poll, tally, moved = str(err), None, {}, None
    revealed = poll is not None and room.revealed
    with left:
        join_line(host, code)
        # Every slot below is written on every run, its content or st.empty(): a new round or a reveal
        # replaces what the room saw the moment it is drawn, not when the run ends (no stale bars).
        with st.container(key="poll-status"):
            slot = st.empty()
            if problem:
                slot.warning(esc(problem), icon=":material/cloud_off:")
        with st.container(key="poll-options"):
            slot = st.empty()
            if poll is not None and not revealed:
                slot.markdown("\n".join(f"- {esc(poll.labels.get(o, o))}" for o in poll.option_ids))
        with st.container(key="poll-chart"):
            note_slot, chart_slot = st.empty(), st.empty()
            if poll is not None and revealed:
                labels = dict(poll.labels)
                if moved and (note := turnout_note(sum(m.before for m in moved), sum(tally.values()))):
                    note_slot.markdown(f"**{esc(note)}**")
                chart = (
                    movement_chart(moved, labels, big=True) if moved else poll_chart(tally, labels, big=True)
                )
                chart_slot.altair_chart(chart, width="stretch")
    with right:
        st.image(qr_png(link), width=QR_PX)
        with st.container(key="poll-count"):
            if poll is None:
                what = "the statement round" if kind == "statements" else "the poll"
                st.markdown(f"Scan to vote · {what} opens in a moment")
            else:
                total, state = sum(tally.values()), "open" if poll.is_open else "closed"
                after = "after round · " if poll.before else ""
                st.markdown(
                    f"Scan to vote · **{total}** vote{'s' if total != 1 else ''} · {after}poll {state}"
                )


@st.fragment(run_every="2s")
def phone_round(code: str, voter: str) -> None:
    """The phone's view of the room: the active round, redrawn every two seconds."""
    try:
        room = room_store().get(code)
    except LiveUnavailable:
        unavailable()
        return
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
        return
    if room.ended:
        st.info(
            "The presenter has ended this session, so it takes no more votes. Thank you for taking part.",
            icon=":material/event_available:",
        )
    elif room.kind == "poll" and room.round is not None:
        phone_poll(room.round, voter, room.revealed)
    elif room.kind == "statements" and room.round is not None:
        from ui.statements import phone_statements  # here: ui.statements draws on this module

        phone_statements(room.round, voter)
    else:
        st.info(
            "Waiting for the presenter to open the poll. This page updates by itself.",
            icon=":material/hourglass_empty:",
        )


_VOTE_PROBLEM = "vote_problem"


def cast(code: str, voter: str, option: str) -> None:
    """Record the vote before the page is drawn again; a refusal is shown above the options."""
    try:
        poll_store().vote(code, voter, option)
    except PollError as err:  # LiveUnavailable's message is the unavailable notice
        st.session_state[_VOTE_PROBLEM] = str(err)


def phone_poll(poll_code: str, voter: str, revealed: bool | None = None) -> None:
    """One poll on a phone: the options as buttons, this voter's choice, the results once revealed."""
    store = poll_store()
    try:
        poll = store.get(poll_code)
        mine = store.voter_choice(poll.code, voter)
        tally = store.results(poll.code) if (poll.revealed if revealed is None else revealed) else None
    except LiveUnavailable:
        unavailable()
        return
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
        return
    st.header(esc(poll.question))
    if not poll.is_open:
        st.warning("This poll is closed: votes are no longer taken.", icon=":material/lock:")
    if problem := st.session_state.pop(_VOTE_PROBLEM, None):
        st.error(esc(problem), icon=":material/error:")
    for option in poll.option_ids:
        chosen = option == mine
        st.button(
            esc(poll.labels.get(option, option)) + ("  ✓" if chosen else ""),
            key=f"vote-{option}",
            type="primary" if chosen else "secondary",
            width="stretch",
            disabled=not poll.is_open,
            on_click=cast,
            args=(poll.code, voter, option),
        )
    if mine:
        change = " Tap another option to change it." if poll.is_open else ""
        st.success(esc(f"Your vote: {poll.labels.get(mine, mine)}.{change}"))
    if tally is not None:
        st.subheader("Results")
        st.altair_chart(poll_chart(tally, dict(poll.labels)), width="stretch")
        st.caption(esc(poll_summary(tally, dict(poll.labels))))
