"""The live-session stores (one per server process, shared by every session) and the deployment's settings.

Settings come from Streamlit secrets (``.streamlit/secrets.toml``) or, failing that, the environment:
``POLICY_PRESENTER_PASSWORD`` (a password needed to open a live session) and ``POLICY_PUBLIC_URL`` (the
address phones use, e.g. ``https://polls.example.org``; the join link and QR code are built from it).
"""

from __future__ import annotations

import os

import streamlit as st

from policy.live import PollStore, RoomStore

PASSWORD = "POLICY_PRESENTER_PASSWORD"
PUBLIC_URL = "POLICY_PUBLIC_URL"


def setting(name: str) -> str | None:
    """A deployment setting from Streamlit secrets, else the environment; None when unset or blank."""
    value: object = None
    try:
        value = st.secrets.get(name)
    except Exception:  # noqa: BLE001 - no secrets file, or an unreadable one: fall back to the environment
        value = None
    if not isinstance(value, str) or not value.strip():
        value = os.environ.get(name, "")
    return value.strip() or None if isinstance(value, str) else None


@st.cache_resource(show_spinner=False)
def poll_store() -> PollStore:
    """The poll store ($POLICY_POLL_DB: a folder for SQLite, or a PostgreSQL URL)."""
    return PollStore()


@st.cache_resource(show_spinner=False)
def room_store() -> RoomStore:
    """Live sessions on the poll store's database; a password is required when the deployment sets one."""
    return RoomStore(poll_store(), password=setting(PASSWORD))
