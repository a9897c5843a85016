"""Vote: the audience's page, built for a phone — join with a code, vote once per phone, change your mind.

The join code names a live session: the page follows its active round by itself (a new round after "Ask
again", results when revealed, closed when closed). One vote per phone: the voter is this browser's token
(``ui.voter``), kept across reloads, tabs and server restarts. The page speaks the language the presenter
runs the session in, unless the phone chooses another (its language links, ``?lang=``).
"""

import streamlit as st

from policy import i18n
from policy.i18n import _
from policy.live import LiveUnavailable, PollError, Room, RoomNotFound
from policy.queries import coverage_note
from ui.blocks import esc
from ui.context import view
from ui.live import resume_language, unavailable
from ui.phone import chosen_language, language_links, phone_language, phone_poll, phone_round
from ui.store import poll_store, room_store
from ui.urlstate import set_url, url_params
from ui.voter import voter_id

# A phone page: no sidebar and no control that opens one (the page header holds it), nothing to navigate.
st.html(
    """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
    [data-testid="stSidebarCollapseButton"], [data-testid="stHeader"] { display: none !important; }
    [data-testid="stMainBlockContainer"] { padding-top: 1.2rem !important; }
    [data-testid="stMain"] h1 { font-size: 1.5rem !important; padding-top: 0 !important; }
    </style>"""
)
voter = voter_id()


def foot() -> None:
    """What the content covers, at the foot of every state of the page (nothing from 2023 reads as current)."""
    st.caption(esc(view().cached(coverage_note)))


@st.fragment(run_every="2s")
def fixed_poll(code: str) -> None:
    """A poll joined by its own code (an older link): that poll, not a session's rounds."""
    resume_language()
    phone_poll(code, voter)


def lookup(code: str) -> tuple[str, Room | None, str]:
    """What a code names: ("room", the room, ""), ("poll", None, ""), ("down", None, "") when the database
    failed, or ("", None, why) for a code that names neither."""
    try:
        return "room", room_store().get(code), ""
    except RoomNotFound:
        pass
    except LiveUnavailable:
        return "down", None, ""
    except PollError as err:
        return "", None, str(err)
    try:
        poll_store().get(code)
        return "poll", None, ""
    except LiveUnavailable:
        return "down", None, ""
    except PollError as err:
        return "", None, str(err)


def joined(kind: str, why: str) -> str:
    """'room' or 'poll' for a code that names one, after saying why for one that does not."""
    if kind == "down":
        unavailable()
        foot()
        st.stop()
    if why:
        st.error(esc(why), icon=":material/error:")
    return kind


code = url_params().get("join", "").strip().upper()
kind, room, why = lookup(code) if code else ("", None, "")
phone_language(room)  # the session's language, unless this phone chose another
st.title(_("Vote"))
language_links(code if kind in ("room", "poll") else "")
if not joined(kind, why):
    code = (
        st.text_input(_("Join code"), max_chars=12, key="join_code", placeholder=_("e.g. K7M2QX"))
        .strip()
        .upper()
    )
    kind, room, why = lookup(code) if code else ("", None, "")
    if not joined(kind, why):
        st.caption(_("Type the code the presenter shows, or scan their QR code."))
        foot()
        st.stop()
    spoken = i18n.current()
    phone_language(room)
    if i18n.current() != spoken:  # the session speaks another language: the page again, in it
        set_url({"join": code, **chosen_language()})
        st.rerun()
set_url({"join": code, **chosen_language()})
if kind == "room":
    phone_round(code, voter)
else:
    fixed_poll(code)
foot()
