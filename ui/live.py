"""The live session's shared parts: the database failing in words, the join link and its host, the join
line and the projector's style for it, and the language its windows speak when a part runs alone.

The projector's poll slide is ``ui.projector_poll``, the phone's view of a round ``ui.phone``, the presenter's
window ``ui.console``. A failing database shows ``UNAVAILABLE`` in words and leaves the rest of the page
working.

A live window redraws its parts on their own (fragments), and Streamlit runs each such rerun, and a control's
callback, in a new thread without the router: the page says which language it speaks (``speak``) and each of
those runs speaks it again (``resume_language``) before it draws or says anything.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st

from policy.i18n import _
from policy.live import UNAVAILABLE, LiveUnavailable, PollError, Room
from policy.share import base_url
from ui.blocks import esc
from ui.context import begin_run
from ui.language import reader_language
from ui.store import PUBLIC_URL, room_store, setting

QR_PX = 340
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}  # noqa: S104 - names compared, nothing bound
_SPOKEN = "live_language"  # session state: the language this browser's live page was last drawn in


def speak(language: str) -> None:
    """Make ``language`` this run's (a phone speaks its session's), and the one its parts speak on their own."""
    st.session_state[_SPOKEN] = language
    begin_run(language)


def resume_language() -> None:
    """Speak the page's language again in a fragment's own rerun or a control's callback (a new thread)."""
    begin_run(st.session_state.get(_SPOKEN) or reader_language())


def poll_style() -> None:
    """The live slides' static style: the join code is the largest thing on the slide (the slides' rule for
    paragraphs must not shrink it), and charts on the projector have no toolbar."""
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


def unavailable() -> None:
    """The words for a live part whose database failed; everything else on the page keeps working."""
    st.warning(_(UNAVAILABLE), icon=":material/cloud_off:")


def read_room(code: str) -> Room | None:
    """The room, or None after saying why it cannot be read (a failing database, an unknown code)."""
    try:
        return room_store().get(code)
    except LiveUnavailable:
        unavailable()
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
    return None


def join_link(code: str) -> str:
    """The audience's link: the configured public address (POLICY_PUBLIC_URL), else the page's own host."""
    base = (setting(PUBLIC_URL) or "").rstrip("/") or base_url(st.context.url or "")
    return f"{base}/vote?{urlencode({'join': code})}"


def join_host(link: str) -> str:
    """Where to join, as the slide writes it: the join link's host and path, without scheme or code."""
    parts = urlsplit(link)
    return parts.netloc + parts.path


def is_local(link: str) -> bool:
    """Whether the link points at this machine only (no phone can open it)."""
    host = (urlsplit(link).hostname or "").lower()
    return not host or host in LOCAL_HOSTS or host.endswith(".localhost")


def join_line(host: str, code: str) -> None:
    """Where to join, then the code in the largest type on the slide (the style keys on these containers)."""
    with st.container(key="join-how"):
        st.markdown(esc(_("Join at {host} with the code").format(host=host)))
    with st.container(key="join-code"):
        st.markdown(esc(code))
