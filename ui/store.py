"""The live-session store: one per server process, shared by every session."""

from __future__ import annotations

import streamlit as st

from policy.live import PollStore


@st.cache_resource(show_spinner=False)
def poll_store() -> PollStore:
    """The poll store ($POLICY_POLL_DB: a folder for SQLite, or a PostgreSQL URL)."""
    return PollStore()
