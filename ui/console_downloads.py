"""The presenter window's downloads: the poll results of every round of the session, and the statement round's
results (each statement, who holds it, its sources and counts), as CSV and JSON. They sit outside the panels that redraw every second, so a click never meets a panel being redrawn, and the file
is made when clicked (by Streamlit, outside the page's run: in the language the page was drawn in); a refused
export says why in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from policy import Dataset, i18n
from policy.i18n import _, pgettext
from policy.live import PollError
from policy.live.export import to_csv, to_json
from policy.live.statement_export import results_csv, results_json, round_results
from policy.live.statements import KIND
from ui.blocks import esc
from ui.context import view
from ui.statements import statement_store
from ui.store import room_store


def downloads(code: str, key: str) -> None:
    """The poll results of every round, as CSV and JSON (made when clicked)."""
    rooms = room_store()

    def export(fmt: str) -> bytes | str:
        try:
            rows = rooms.export(code, key)
        except PollError as err:
            return _("The results could not be exported: {error}").format(error=err) + "\n"
        # The CSV with a byte-order mark, as the evidence's: Excel then reads its accents as UTF-8.
        return to_csv(rows).encode("utf-8-sig") if fmt == "csv" else to_json(rows, code)

    help = _("Every poll round: question, options, counts, shares, turnout, times")
    name = pgettext("file name", "poll-results")
    download_pair(_("Poll results"), export, f"{name}-{code}", "export", help)


def download_pair(label: str, data: Callable[[str], bytes | str], stem: str, key: str, help: str) -> None:
    """CSV and JSON download buttons side by side; data(fmt) is built only when a button is pressed (``label``
    already in the page's language)."""
    language = i18n.current()

    def made(fmt: str) -> bytes | str:
        with i18n.use(language):  # Streamlit calls it from a thread of its own, which knows no language
            return data(fmt)

    for col, fmt, mime in zip(st.columns(2), ("csv", "json"), ("text/csv", "application/json"), strict=True):
        col.download_button(
            _("{label} ({format})").format(label=label, format=fmt.upper()),
            data=partial(made, fmt),
            file_name=f"{stem}.{fmt}",
            mime=mime,
            key=f"{key}_{fmt}",
            icon=":material/download:",
            width="stretch",
            on_click="ignore",
            help=help,
        )


def export_buttons(code: str, key: str) -> None:
    """Downloads of the room's statement round results (CSV and JSON: each statement, who holds it, its
    sources, agree / disagree / pass counts, and each opinion group's share once groups are claimed), for the
    presenter's window; ``code`` is the room's code, ``key`` its presenter key. Nothing without a round."""
    try:
        room = room_store().get(code)
    except PollError as err:
        st.warning(esc(str(err)), icon=":material/cloud_off:")
        return
    if room.kind == KIND and room.round is not None:
        help = _(
            "Each statement, who holds it, its sources, agree / disagree / pass counts and, once opinion groups are"
            " claimed, each group's share agreeing"
        )
        results = partial(_statement_results, room.round, key, view().dataset)
        download_pair(
            _("Statement results"), results, f"statement-round-{room.round}", "statements_export", help
        )


def _statement_results(round_code: str, key: str, ds: Dataset, kind: str) -> bytes:
    """The file, made when the presenter clicks (the key is checked in policy/); words if it cannot be made.
    ``ds``: the content the page was drawn from (Streamlit makes the file outside the page's run)."""
    store = statement_store()
    try:
        store.check_key(round_code, key)
        rnd, result = round_results(store, round_code)
    except PollError as err:
        why = _("The statement round's results could not be exported: {error}").format(error=err)
        return f"{why}\n".encode()
    return results_csv(rnd, result, ds) if kind == "csv" else results_json(rnd, result, ds)
