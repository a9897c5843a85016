"""The presenter window's downloads: the poll results of every round of the session, as CSV and JSON. They
sit outside the panels that redraw every second, so a click never meets a panel being redrawn, and the file
is made when clicked; a refused export says why in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from policy.live import PollError
from policy.live.export import to_csv, to_json
from ui.store import room_store

_HELP = "Every poll round: question, options, counts, shares, turnout, times"


def downloads(code: str, key: str) -> None:
    """The poll results of every round, as CSV and JSON (made when clicked)."""
    rooms = room_store()

    def export(fmt: str) -> str:
        try:
            rows = rooms.export(code, key)
        except PollError as err:
            return f"The results could not be exported: {err}\n"
        return to_csv(rows) if fmt == "csv" else to_json(rows, code)

    download_pair("Poll results", export, f"poll-results-{code}", "export", _HELP)


def download_pair(label: str, data: Callable[[str], bytes | str], stem: str, key: str, help: str) -> None:
    """CSV and JSON download buttons side by side; data(fmt) is built only when a button is pressed."""
    for col, fmt, mime in zip(st.columns(2), ("csv", "json"), ("text/csv", "application/json"), strict=True):
        col.download_button(
            f"{label} ({fmt.upper()})",
            data=partial(data, fmt),
            file_name=f"{stem}.{fmt}",
            mime=mime,
            key=f"{key}_{fmt}",
            icon=":material/download:",
            width="stretch",
            on_click="ignore",
            help=help,
        )
