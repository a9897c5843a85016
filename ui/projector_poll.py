"""The projector's poll slide: the question, the join code (the largest thing on it), the QR code, the options
while voting is open, the count, and the chart once the presenter reveals the results. It shows no control
and redraws every second from the room in the database.
"""

from __future__ import annotations

import streamlit as st

from policy import Dataset
from policy.charts import movement_chart, poll_chart
from policy.i18n import _, ngettext
from policy.live import UNAVAILABLE, LiveUnavailable, Movement, Poll, PollError, Room
from policy.live.export import turnout_note
from policy.share import qr_png
from policy.slides import Slide
from ui.blocks import esc
from ui.live import QR_PX, join_host, join_line, join_link, poll_style, resume_language
from ui.store import poll_store, room_store


def poll_slide(ds: Dataset, slide: Slide, room: Room | None) -> None:
    """The projector's poll slide: the question, the join code, QR code, the options while voting is open,
    the count, and (once revealed) the results."""
    poll_style()
    st.title(esc(slide.title))
    if room is None:
        st.markdown(esc(_("Start a live session in the presenter view to poll the room.")))
        return
    room_results(room.code, join_link(room.code), slide.kind)


def _read_poll(code: str) -> tuple[Room, Poll | None, dict[str, int], list[Movement] | None]:
    """The room, its active poll (None when the active round is not a poll), the tally, the movement."""
    room = room_store().get(code)
    poll = poll_store().get(room.round) if room.kind == "poll" and room.round else None
    tally = poll_store().results(poll.code) if poll else {}
    moved = poll_store().movement(poll.code) if poll and room.revealed and poll.before else None
    return room, poll, tally, moved


# Twice a second: a vote reaches the room's screen within the 1.5-s goal at its 95th percentile with 60 phones
# (every second it took 1.7 s: the wait for the next redraw is most of it). Two windows' redraws cost little.
REFRESH = "0.5s"


@st.fragment(run_every=REFRESH)
def room_results(code: str, link: str, kind: str = "poll") -> None:
    """The join code, QR code, the options (voting) or the chart (revealed) and the count; redrawn twice a
    second. Each part has a keyed container of its own that is always drawn, so a new round or a reveal
    replaces its content in place (no stale bars, no grey placeholder). On the statement round's slide
    (``kind`` "statements") it holds the join code until that round opens, then the page draws the round."""
    resume_language()
    problem = ""
    try:
        room, poll, tally, moved = _read_poll(code)
        if room.ended or room.blank or (kind == "statements" and room.kind == "statements"):
            st.rerun(scope="app")  # the page draws the ended or blank screen, or the statement round
        if kind == "statements":
            poll, tally, moved = None, {}, None
    except LiveUnavailable:
        problem, poll, tally, moved = _(UNAVAILABLE), None, {}, None
    except PollError as err:
        problem, poll, tally, moved = str(err), None, {}, None
    revealed = poll is not None and room.revealed
    # Revealed, the results take the slide and the join code steps back (latecomers can still scan it).
    left, right = st.columns([4, 1] if revealed else [3, 2], gap="large", vertical_alignment="top")
    with left:
        if revealed:
            st.markdown(esc(_("Join at {host} with the code {code}").format(host=join_host(link), code=code)))
        else:
            join_line(join_host(link), code)
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
        st.image(qr_png(link), width=QR_PX if not revealed else 180)
        with st.container(key="poll-count"):
            if poll is None:
                if kind == "statements":
                    st.markdown(_("Scan to vote · the statement round opens in a moment"))
                else:
                    st.markdown(_("Scan to vote · the poll opens in a moment"))
            else:
                total = sum(tally.values())
                parts = [
                    ngettext("Scan to vote · **{n}** vote", "Scan to vote · **{n}** votes", total).format(
                        n=total
                    )
                ]
                parts += [_("after round")] if poll.before else []
                parts.append(_("poll open") if poll.is_open else _("poll closed"))
                st.markdown(" · ".join(parts))
