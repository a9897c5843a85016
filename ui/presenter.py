"""The presenter's side of a live session: the key, starting a session, and the presenter's own window.

The presenter key is checked by ``policy.live`` on every control; here it is found (``presenter_key``) in
the presenter's link (``?key=``), this session, or the ``policy_presenter`` cookie that the presenter's
browser keeps, so a projector window opened in the same browser (``/present?room=CODE``, no key in sight)
answers the presenter's keys. Another browser has none of them and gets no control.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import streamlit as st

from policy.i18n import _
from policy.live import LiveUnavailable, NotPresenter, PollError
from policy.share import base_url
from ui.blocks import esc
from ui.context import view
from ui.language import PARAM as LANG_PARAM
from ui.language import url_value
from ui.live import is_local, join_link, resume_language, unavailable
from ui.store import room_store
from ui.voter import cookie, set_cookie, voter_id

KEY_COOKIE = "policy_presenter"
_KEYS = "presenter_keys"
NOTICE = "presenter_notice"


def presenter_key(code: str, linked: str | None) -> str | None:
    """The room's presenter key if this browser holds it (link, session or cookie), checked; else None."""
    keys: dict[str, str] = st.session_state.setdefault(_KEYS, {})
    held = cookie(KEY_COOKIE) or ""
    from_cookie = held.split(":", 1)[1] if held.startswith(f"{code}:") else None
    for candidate in dict.fromkeys(k for k in (linked, keys.get(code), from_cookie) if k):
        if candidate != keys.get(code):
            try:
                room_store().check_key(code, candidate, ended_ok=True)
            except NotPresenter:
                continue
            except PollError:  # LiveUnavailable, RoomNotFound: no control now; the page says why
                return None
        keys[code] = candidate
        if held != f"{code}:{candidate}":
            set_cookie(KEY_COOKIE, f"{code}:{candidate}", max_age=24 * 3600)
        return candidate
    return None


def act(fn: Callable[..., Any], *args: Any) -> None:
    """Run a control; a refusal or a failing database is reported on the next draw, never swallowed."""
    resume_language()  # a callback runs before the page: its messages in the page's language
    try:
        fn(*args)
    except LiveUnavailable as err:
        st.session_state[NOTICE] = _(
            "{error} That control was not applied; try it again in a moment."
        ).format(error=err)
    except PollError as err:
        st.session_state[NOTICE] = str(err)


def start_session(slide_no: int) -> str | None:
    """The form that opens a live session; returns the new room's code (the key is kept in the session)."""
    rooms = room_store()
    st.markdown(_("Start a live session to run the poll: phones join with its code and follow your slides."))
    with st.form("start_session", border=False):
        password = None
        if rooms.needs_password:
            password = st.text_input(_("Presenter password"), type="password", key="presenter_password")
        started = st.form_submit_button(
            _("Start the live session"), type="primary", icon=":material/podcasts:"
        )
    if not started:
        return None
    try:  # phones follow the language the presenter runs the session in
        code, key = rooms.open_room(password=password, client=voter_id(), language=view().language)
        rooms.go_to(code, key, slide_no)
    except LiveUnavailable:
        unavailable()
        return None
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
        return None
    st.session_state.setdefault(_KEYS, {})[code] = key
    return code


_TIMER = "presenter_timer"


def _timer(code: str, since: datetime) -> dict[str, Any]:
    """This window's timer for the session: when it started (the session's start, or its last restart), the
    seconds spent paused, and since when it is paused (None while it runs)."""
    timers: dict[str, dict[str, Any]] = st.session_state.setdefault(_TIMER, {})
    return timers.setdefault(code, {"start": since, "paused": 0.0, "since": None})


def timer_seconds(code: str, since: datetime, now: datetime | None = None) -> tuple[int, bool]:
    """Seconds on the timer, and whether it is paused."""
    t = _timer(code, since)
    until = t["since"] or now or datetime.now(UTC)
    return max(0, int((until - t["start"]).total_seconds() - t["paused"])), t["since"] is not None


def pause_timer(code: str, since: datetime) -> None:
    """Pause the timer, or let a paused one run on from where it stopped."""
    t, now = _timer(code, since), datetime.now(UTC)
    if t["since"] is None:
        t["since"] = now
    else:
        t["paused"] += (now - t["since"]).total_seconds()
        t["since"] = None


def restart_timer(code: str, since: datetime) -> None:
    """Back to 0:00, running."""
    _timer(code, since).update(start=datetime.now(UTC), paused=0.0, since=None)


def clock(seconds: int) -> str:
    """Seconds as the timer shows them: 4:05, or 1:02:03 past the hour."""
    return (
        f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        if seconds >= 3600
        else f"{seconds // 60}:{seconds % 60:02d}"
    )


def links(code: str) -> None:
    """The projector window's link (no key in it, the presenter's language), the join link (no language: phones
    follow the session's), and a warning when phones cannot reach it."""
    link = join_link(code)
    here = base_url(st.context.url or "")
    projector = f"{here}/present?room={code}" + (f"&{LANG_PARAM}={lang}" if (lang := url_value()) else "")
    st.link_button(_("Open the projector window"), projector, icon=":material/open_in_new:")
    st.caption(
        esc(
            _("Join code {code} · the audience's link (the QR code on the poll slide holds it):").format(
                code=code
            )
        )
    )
    st.code(link, language=None)
    if is_local(link):
        st.warning(
            _(
                "The join link points at this computer (localhost), so no phone can open it. Serve on the network "
                "(make run ADDRESS=0.0.0.0) and open this page by the machine's network address, or set "
                "POLICY_PUBLIC_URL to the address phones use."
            ),
            icon=":material/wifi_off:",
        )
