"""The presenter window's downloads: the poll results of every round of the session, as CSV and JSON. They
sit outside the panels that redraw every second, so a click never meets a panel being redrawn, and the file
is made when clicked; a refused export says why in the file.
"""

from __future__ import annotations

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

    for col, fmt, mime in zip(st.columns(2), ("csv", "json"), ("text/csv", "application/json"), strict=True):
        col.download_button(
            f"Poll results ({fmt.upper()})",
            data=partial(export, fmt),
            file_name=f"poll-results-{code}.{fmt}",
            mime=mime,
            key=f"export_{fmt}",
            icon=":material/download:",
            width="stretch",
            on_click="ignore",
            help=_HELP,
        )
