"""Vote: the audience's page, built for a phone — join with a code, vote once per phone, change your mind.

The join code names a live session: the page follows its active round by itself (a new round after "Ask
again", results when revealed, closed when closed). One vote per phone: the voter is this browser's token
(``ui.voter``), kept across reloads, tabs and server restarts.
"""

import streamlit as st

from policy.live import LiveUnavailable, PollError, RoomNotFound
from policy.queries import coverage_note
from ui.blocks import esc
from ui.context import view
from ui.live import unavailable
from ui.phone import phone_poll, phone_round
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


st.title("Vote")


@st.fragment(run_every="2s")
def fixed_poll(code: str) -> None:
    """A poll joined by its own code (an older link): that poll, not a session's rounds."""
    phone_poll(code, voter)


def join(code: str) -> str | None:
    """'room' or 'poll' for a code that names one, after an error message for one that does not."""
    try:
        room_store().get(code)
        return "room"
    except RoomNotFound:
        pass
    except LiveUnavailable:
        unavailable()
        foot()
        st.stop()
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
        return None
    try:
        poll_store().get(code)
        return "poll"
    except LiveUnavailable:
        unavailable()
        foot()
        st.stop()
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
        return None


code = url_params().get("join", "").strip().upper()
kind = join(code) if code else None
if kind is None:
    code = (
        st.text_input("Join code", max_chars=12, key="join_code", placeholder="e.g. K7M2QX").strip().upper()
    )
    kind = join(code) if code else None
    if kind is None:
        st.caption("Type the code the presenter shows, or scan their QR code.")
        foot()
        st.stop()
set_url({"join": code})
if kind == "room":
    phone_round(code, voter)
else:
    fixed_poll(code)
foot()
