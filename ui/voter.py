"""Who is voting: one voter token per browser, kept in a first-party cookie.

``voter_id()`` returns this browser's voter token. The token lives in the ``policy_voter`` cookie (a year,
``SameSite=Lax``, path ``/``), which Streamlit reads through ``st.context.cookies`` when a session starts, so
a reload, a new tab, a phone reviving a background tab or a server restart finds the same voter. A browser
without the cookie gets a new random token, kept in the session and written to the cookie by a small script
(an ``st.iframe`` of one pixel, same origin as the page). Only clearing the browser's data (or a
private window) makes a new voter. Any round kind may use it: ``from ui.voter import voter_id``.

``set_cookie``/``cookie`` are the same mechanism for other first-party values (the presenter key).
"""

from __future__ import annotations

import json
import re
import secrets

import streamlit as st

__all__ = ["COOKIE", "cookie", "set_cookie", "voter_id"]

COOKIE = "policy_voter"
YEAR = 365 * 24 * 3600
_TOKEN = re.compile(r"[A-Za-z0-9_\-.:]{16,100}")
_STATE = "voter_id"


def cookie(name: str) -> str | None:
    """The cookie's value as the browser sent it when this session started, if it looks like a token."""
    try:
        value = st.context.cookies.get(name)
    except (AttributeError, RuntimeError):  # no browser (bare mode, tests)
        return None
    return value if isinstance(value, str) and _TOKEN.fullmatch(value) else None


def set_cookie(name: str, value: str, max_age: int = YEAR) -> None:
    """Write a first-party cookie from the page (token characters only; nothing is shown)."""
    if not re.fullmatch(r"[a-z_]{1,40}", name) or not _TOKEN.fullmatch(value):
        raise ValueError("cookie names and values are token characters only")
    text = json.dumps(f"{name}={value}; path=/; max-age={int(max_age)}; SameSite=Lax")
    # A frame with no height, same origin as the page (st.iframe of an HTML string): the cookie is the app's own.
    st.iframe(f"<script>window.parent.document.cookie = {text};</script>", height=1)


def voter_id() -> str:
    """This browser's voter token: from the cookie, or new (and then written to the cookie)."""
    token = st.session_state.get(_STATE)
    if not isinstance(token, str):
        token = cookie(COOKIE)
        st.session_state[_STATE + "_new"] = token is None
        if token is None:
            token = secrets.token_urlsafe(18)
        st.session_state[_STATE] = token
    if st.session_state.get(_STATE + "_new"):
        # Every run of a session that started without the cookie writes it again, so a run cut short
        # before the browser drew the script cannot lose it.
        set_cookie(COOKIE, token)
    return token
