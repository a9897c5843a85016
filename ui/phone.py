"""The phone's side of a live session: the room's active round, the poll's options as buttons, the results
once the presenter reveals them, and the language: the session's, unless the phone chose another.

Phones follow the room: ``phone_round`` redraws every two seconds from the database, so a new round, a
reveal or a close reaches them without a reload. The revealed results are text and plain bars, not a chart:
a phone redraws often and many phones share the server, so each redraw is kept light.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from policy import i18n
from policy.i18n import _, ngettext
from policy.live import LiveUnavailable, PollError, Room
from policy.style import position_label
from ui import content
from ui.blocks import esc
from ui.language import PARAM as LANG_PARAM
from ui.language import links_md
from ui.live import read_room, resume_language, speak, unavailable
from ui.prose import prose
from ui.store import poll_store

_VOTE_PROBLEM = "vote_problem"
_CHOSE = "phone_language"  # session state: the language this phone chose by a link (?lang=), if it did


def chosen_language() -> dict[str, str]:
    """The ?lang= this phone chose, for its address: kept even where it is the browser's own language, since
    without it the phone would follow the session's."""
    chose = st.session_state.get(_CHOSE)
    return {LANG_PARAM: chose} if chose else {}


def phone_language(room: Room | None) -> None:
    """Speak the session's language (the presenter's), unless this phone chose one by a link (?lang=)."""
    if asked := i18n.supported(st.query_params.get(LANG_PARAM)):
        st.session_state[_CHOSE] = asked
    speak(st.session_state.get(_CHOSE) or (room.language if room is not None else i18n.current()))


def language_links(code: str) -> None:
    """This page in each offered language, the one shown in bold (the switch other pages have in their
    sidebar; a phone page has none)."""
    links = links_md("vote", {"join": code} if code else {})
    if links:
        prose(links)


@st.fragment(run_every="2s")
def phone_round(code: str, voter: str) -> None:
    """The phone's view of the room: the active round, redrawn every two seconds."""
    resume_language()
    room = read_room(code)
    if room is None:
        return
    if room.ended:
        st.info(
            _("The presenter has ended this session, so it takes no more votes. Thank you for taking part."),
            icon=":material/event_available:",
        )
    elif room.kind == "poll" and room.round is not None:
        phone_poll(room.round, voter, room.revealed)
    elif room.kind == "statements" and room.round is not None:
        from ui.statements import phone_statements  # here: ui.statements draws on the live modules

        phone_statements(room.round, voter)
    else:
        st.info(
            esc(
                _(
                    "You have joined session {code}. Waiting for the presenter to open the poll; this page"
                    " updates by itself."
                ).format(code=room.code)
            ),
            icon=":material/hourglass_empty:",
        )


def cast(code: str, voter: str, option: str) -> None:
    """Record the vote before the page is drawn again; a refusal is shown above the options."""
    resume_language()  # a callback runs before the page: its message in the page's language
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
    question, labels = in_my_language(poll.question, poll.option_ids, poll.labels)
    st.header(esc(question))
    if poll.before:  # "Ask again": the same question a second time; the first vote is kept, not lost
        st.info(
            _(
                "The question again, after the discussion: vote once more. Your first vote is kept for the before"
                " and after comparison."
            ),
            icon=":material/replay:",
        )
    if not poll.is_open:
        st.warning(_("This poll is closed: votes are no longer taken."), icon=":material/lock:")
    if problem := st.session_state.pop(_VOTE_PROBLEM, None):
        st.error(esc(problem), icon=":material/error:")
    for option in poll.option_ids:
        chosen = option == mine
        st.button(
            esc(labels.get(option, option)) + ("  ✓" if chosen else ""),
            key=f"vote-{option}",
            type="primary" if chosen else "secondary",
            width="stretch",
            disabled=not poll.is_open,
            on_click=cast,
            args=(poll.code, voter, option),
        )
    if mine:
        said = (
            _("Your vote: {option}. Tap another option to change it.")
            if poll.is_open
            else _("Your vote: {option}.")
        )
        st.success(esc(said.format(option=labels.get(mine, mine))))
    if tally is not None:
        phone_results(tally, labels)


def in_my_language(
    question: str, options: Sequence[str], labels: Mapping[str, str]
) -> tuple[str, Mapping[str, str]]:
    """A poll's question and option labels in this phone's language where they are the content's own (the
    debate's poll question, asked in any language, over its options), so a phone that chose another language than
    the session's reads the whole poll in it; anything else as the room stored it."""
    served = content.served()
    if not any(served.in_language(code).debate.poll_question == question for code in i18n.LANGUAGES):
        return question, labels
    ds = served.in_language(i18n.current())
    mine = {o: position_label(ds, o) for o in options if o in ds.position_ids}
    return ds.debate.poll_question, {**labels, **mine}


def _votes(n: int) -> str:
    return ngettext("{n} vote", "{n} votes", n).format(n=n)


def phone_results(tally: Mapping[str, int], labels: Mapping[str, str]) -> None:
    """The revealed results in the projector's order: per option, its label, share and count in words above
    a bar of its share, then the total."""
    total = sum(tally.values())
    st.subheader(_("Results"))
    with st.container(key="phone-results"):
        for option, n in tally.items():
            share = n / total if total else 0.0
            label = esc(labels.get(option, option))
            st.progress(share, text=f"**{label}** · {share:.0%} · {_votes(n)}")
        st.caption(
            ngettext("{n} vote in all", "{n} votes in all", total).format(n=total)
            if total
            else _("No votes yet.")
        )
