"""The presenter window's downloads: the poll results of every round of the session, as CSV and JSON. They
sit outside the panels that redraw every second, so a click never meets a panel being redrawn, and the file
is made when clicked; a refused export says why in the file.
"""

from __future__ import annotations

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

    csv, json = st.columns(2)
    csv.download_button(
        "Poll results (CSV)",
        data=lambda: export("csv"),
        file_name=f"poll-results-{code}.csv",
        mime="text/csv",
        key="export_csv",
        icon=":material/download:",
        width="stretch",
        on_click="ignore",
        help=_HELP,
    )
    json.download_button(
        "Poll results (JSON)",
        data=lambda: export("json"),
        file_name=f"poll-results-{code}.json",
        mime="application/json",
        key="export_json",
        icon=":material/download:",
        width="stretch",
        on_click="ignore",
        help=_HELP,
    )
