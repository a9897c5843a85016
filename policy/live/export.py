"""The live session's poll results as files: CSV (one row per option of each round) and JSON (rounds with
their options), from ``RoomStore.export``'s rows. The presenter downloads them from the presenter window."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import Any

from policy.i18n import _
from policy.live.rooms import ExportRow

__all__ = ["COLUMNS", "to_csv", "to_json", "turnout_note"]

COLUMNS = tuple(f.name for f in fields(ExportRow))


def to_csv(rows: Sequence[ExportRow]) -> str:
    """The rows as CSV with a header line (the ExportRow fields, in order: names programs read, in English
    whatever the reader's language)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(asdict(row))
    return out.getvalue()


def to_json(rows: Sequence[ExportRow], session: str) -> str:
    """The rows as JSON: ``{"session": code, "rounds": [{question, turnout, times, options: [...]}]}``."""
    rounds: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = rounds.setdefault(
            row.poll,
            {
                "round": row.round,
                "poll": row.poll,
                "before": row.before or None,
                "question": row.question,
                "turnout": row.turnout,
                "opened_at": row.opened_at,
                "last_vote_at": row.last_vote_at or None,
                "is_open": row.is_open,
                "options": [],
            },
        )
        entry["options"].append(
            {"id": row.option_id, "label": row.option, "votes": row.votes, "share": row.share}
        )
    return json.dumps({"session": session, "rounds": list(rounds.values())}, indent=2, ensure_ascii=False)


def turnout_note(before: int, after: int) -> str:
    """A plain warning when the two rounds of a before/after pair had different turnouts ("" when equal)."""
    if before == after:
        return ""
    return _("{before} voted before, {after} after — compare shares with care.").format(
        before=before, after=after
    )
