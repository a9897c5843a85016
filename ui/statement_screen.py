"""The statement round on the room's screen: while phones answer, the join code, the QR code and the statement
most phones are on, in large type with who holds it; once the presenter reveals the results, what the room
agrees on, what divides it, the opinion groups (from 8 people) with what sets each apart, and how the room
moved between two rounds. Statements are named by their words everywhere, never by number alone."""

from __future__ import annotations

import streamlit as st

from policy import Dataset
from policy.i18n import _, ngettext, pgettext
from policy.live import PollError, Room
from policy.live.groups import analyse, current_statement
from policy.live.statements import KIND, StatementRound
from policy.share import qr_png
from policy.statements import attribution
from ui.blocks import esc
from ui.live import QR_PX, join_host, join_line, join_link, poll_style, resume_language
from ui.statement_views import _agreement_view, _groups_view, _movement_view
from ui.statements import statement_store
from ui.store import room_store

# Static styling only, scoped by the containers' keys (st-key-*): projector-size type (at 1280x720 the body is
# 28 px, the statement being answered 36 px, its source line 22 px); the panel's text does not fade while its
# two-second refresh runs (the room would see it flicker).


def _panel_style() -> None:
    """The panel's static style: projector-size type; its text does not fade on the two-second refresh."""
    st.html(
        """<style>
    .st-key-statement-panel [data-testid="stMarkdownContainer"] p,
    .st-key-statement-panel [data-testid="stMarkdownContainer"] li { font-size: 1.75rem !important; line-height: 1.25; }
    .st-key-statement-panel h3 { font-size: 2rem !important; padding: 0.2rem 0 0.3rem 0 !important; }
    .st-key-statement-panel [data-testid="stElementToolbar"] { display: none !important; }
    .st-key-statement-panel [data-testid="stVerticalBlock"] { gap: 0.4rem; }
    .st-key-statement-panel [data-stale="true"] { opacity: 1 !important; transition: none !important; }
    .st-key-statement-now [data-testid="stMarkdownContainer"] p { font-size: 1.75rem !important; line-height: 1.25; margin: 0; }
    .st-key-statement-now .st-key-statement-now-text [data-testid="stMarkdownContainer"] p {
        font-size: 2.25rem !important; font-weight: 600; line-height: 1.22; }
    .st-key-statement-now .st-key-statement-now-from [data-testid="stMarkdownContainer"] p {
        font-size: 1.4rem !important; color: #555; }
    .st-key-statement-now [data-testid="stVerticalBlock"] { gap: 0.7rem; }
    .st-key-statement-now [data-stale="true"] { opacity: 1 !important; transition: none !important; }
    </style>"""
    )


def statement_screen(ds: Dataset, room: Room) -> None:
    """The room's screen (projector) while a statement round is active: the join code and how many have
    answered; once the presenter reveals the results, the live panel in the view they chose."""
    if room.round is None:
        return
    _panel_style()
    st.title(_("Agree or disagree?"))
    link = join_link(room.code)
    if room.revealed:  # late arrivals can still join: the code stays on the screen, in a line
        st.markdown(
            esc(_("Join at {host} with the code {code}").format(host=join_host(link), code=room.code))
        )
        _screen(ds, room.code, room.round, True, None)
        return
    left, right = st.columns([3, 2], gap="large", vertical_alignment="top")
    with left:
        poll_style()
        join_line(join_host(link), room.code)
        _screen(ds, room.code, room.round, False, None)
    with right:
        st.image(qr_png(link), width=QR_PX, caption=_("Scan to answer"))


def statement_panel(ds: Dataset | None, code: str, view: str | None = None) -> None:
    """The live results panel of a round (``view``: agreement, groups or movement; None: the round's own
    choice), redrawn every second."""
    _panel_style()
    _screen(ds, None, code, True, view)


@st.fragment(run_every="1s")
def _screen(ds: Dataset | None, room_code: str | None, code: str, revealed: bool, view: str | None) -> None:
    """Participation, then (revealed) the chosen view; the whole page is redrawn when the room moves on."""
    resume_language()
    store = statement_store()
    try:
        if room_code is not None:
            room = room_store().get(room_code)
            if (room.kind, room.round, room.revealed) != (KIND, code, revealed):
                st.rerun(scope="app")
        rnd = store.get(code)
        votes = store.votes(code)
        shown = view or rnd.shown
        shifts = store.movement(code) if rnd.before and shown == "movement" else ()
    except PollError as err:  # LiveUnavailable's message says the live part is unavailable
        st.warning(esc(str(err)), icon=":material/cloud_off:")
        return
    if not revealed:  # no analysis while phones answer: who has answered, and where most phones are
        with st.container(key="statement-panel"):
            people, answers = int(votes.answered.any(axis=1).sum()), int(votes.answered.sum())
            said = (
                ngettext("**{n}** person has answered", "**{n}** people have answered", people).format(
                    n=people
                ),
                ngettext("**{n}** answer", "**{n}** answers", answers).format(n=answers),
                pgettext("round", "open") if rnd.is_open else pgettext("round", "closed"),
            )
            st.markdown(" · ".join(said))
            _now_answering(ds, rnd, current_statement(votes))
        return
    slot = f"statements-k-{rnd.code}"
    result = analyse(votes, previous_k=st.session_state.get(slot))
    st.session_state[slot] = result.k
    numbers = {s.id: i + 1 for i, s in enumerate(rnd.statements)}
    with st.container(key="statement-panel"):
        people, count = result.participants, len(rnd.statements)
        parts = [
            ngettext("**{n}** person has answered", "**{n}** people have answered", people).format(n=people),
            ngettext("**{n}** answer", "**{n}** answers", result.answers).format(n=result.answers),
            ngettext("{n} statement", "{n} statements", count).format(n=count),
            *([_("after round")] if rnd.before else []),
            pgettext("round", "open") if rnd.is_open else pgettext("round", "closed"),
        ]
        st.markdown(" · ".join(parts))
        if shown == "groups":
            _groups_view(rnd, result, numbers)
        elif shown == "movement":
            _movement_view(rnd, shifts, numbers)
        else:
            _agreement_view(rnd, result, numbers)


def _now_answering(ds: Dataset | None, rnd: StatementRound, index: int) -> None:
    """The statement most phones are on: its number, its words in the largest type, who holds or reports it."""
    statement = rnd.statements[index]
    with st.container(key="statement-now"):
        here = _("Statement {number} of {total} — most phones are here")
        st.markdown(esc(here.format(number=index + 1, total=len(rnd.statements))))
        with st.container(key="statement-now-text"):
            st.markdown(esc(statement.text))
        source = attribution(ds, statement) if ds is not None else ""
        if source:
            with st.container(key="statement-now-from"):
                st.markdown(esc(_("from: {source}").format(source=source)))
