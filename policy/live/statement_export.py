"""A statement round's results for download: per statement, its words, who holds or reports it, its sources,
how many agreed, disagreed and passed, and (once opinion groups are claimed) each group's share agreeing.

``results_rows`` gives the rows; ``results_csv`` (safe to open in a spreadsheet, its header in the reader's
language) and ``results_json`` (its keys in English, for programs) the bytes. The round keeps the words it was opened with; the content (``ds``) adds who holds each statement and
its outlets where its quotes are still in the content.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from policy.dataset import Dataset
from policy.exports import safe_csv
from policy.i18n import pgettext
from policy.live.groups import Analysis, analyse
from policy.live.statements import StatementRound, StatementStore
from policy.statements import attribution

__all__ = ["results_csv", "results_json", "results_rows", "round_results"]


def _outlets(ds: Dataset | None, quotes: tuple[str, ...]) -> str:
    if ds is None:
        return ""
    found = [ds.source(ds.quote(q).source).outlet for q in quotes if ds.has("quotes", q)]
    return "; ".join(dict.fromkeys(found))


_GROUP = (
    "group {name} agree %"  # a claimed group's column (its key; the CSV says it in the reader's language)
)


def _headers() -> dict[str, str]:
    """The CSV header's words: the rows' keys (the JSON's), as the reader's language says them."""
    return {
        "number": pgettext("statement results column", "number"),
        "statement": pgettext("statement results column", "statement"),
        "from": pgettext("statement results column", "from"),
        "sources": pgettext("statement results column", "sources"),
        "quotes": pgettext("statement results column", "quotes"),
        "position": pgettext("statement results column", "position"),
        "side": pgettext("statement results column", "side"),
        "agree": pgettext("statement results column", "agree"),
        "disagree": pgettext("statement results column", "disagree"),
        "pass": pgettext("statement results column", "pass"),
        "answered": pgettext("statement results column", "answered"),
        "agree %": pgettext("statement results column", "agree %"),
        "disagree %": pgettext("statement results column", "disagree %"),
    }


def results_rows(rnd: StatementRound, result: Analysis, ds: Dataset | None = None) -> list[dict[str, Any]]:
    """One row per statement, in the round's order; a "group X agree %" column per claimed group."""
    tallies = {t.statement_id: t for t in result.statements}
    rows: list[dict[str, Any]] = []
    for index, statement in enumerate(rnd.statements):
        tally = tallies.get(statement.id)
        agree, disagree, passed = (tally.agree, tally.disagree, tally.passed) if tally else (0, 0, 0)
        answered = agree + disagree + passed
        row: dict[str, Any] = {
            "number": index + 1,
            "statement": statement.text,
            "from": attribution(ds, statement) if ds is not None else "",
            "sources": _outlets(ds, statement.quotes),
            "quotes": " ".join(statement.quotes),
            "position": statement.position,
            "side": statement.side,
            "agree": agree,
            "disagree": disagree,
            "pass": passed,
            "answered": answered,
            "agree %": round(100 * agree / answered) if answered else None,
            "disagree %": round(100 * disagree / answered) if answered else None,
        }
        for group in result.groups:
            share = group.agree_shares[index] if index < len(group.agree_shares) else None
            row[_GROUP.format(name=group.name)] = round(100 * share) if share is not None else None
        rows.append(row)
    return rows


def round_results(
    store: StatementStore, code: str, previous_k: int | None = None
) -> tuple[StatementRound, Analysis]:
    """The round and the analysis of its answers (PollError / LiveUnavailable as the store raises them)."""
    rnd = store.get(code)
    return rnd, analyse(store.votes(rnd.code), previous_k=previous_k)


def results_csv(rnd: StatementRound, result: Analysis, ds: Dataset | None = None) -> bytes:
    """The rows as CSV (UTF-8 with BOM; no cell can start a spreadsheet formula), its header in the reader's
    language."""
    headers = _headers()
    for g in result.groups:
        headers[_GROUP.format(name=g.name)] = pgettext(
            "statement results column", "group {name} agree %"
        ).format(name=g.name)
    frame = pd.DataFrame(results_rows(rnd, result, ds))
    return safe_csv(frame.rename(columns=headers))


def results_json(rnd: StatementRound, result: Analysis, ds: Dataset | None = None) -> bytes:
    """The round, its participation, its groups (when claimed, with what sets each apart) and the rows."""
    numbers = {s.id: i + 1 for i, s in enumerate(rnd.statements)}
    document = {
        "round": rnd.code,
        "after_round_of": rnd.before,
        "open": rnd.is_open,
        "participants": result.participants,
        "answers": result.answers,
        "groups": [
            {
                "name": g.name,
                "size": g.size,
                "sets_apart": [
                    {
                        "statement": numbers[r.statement_id],
                        "direction": r.direction,
                        "group %": round(100 * r.share),
                        "others %": round(100 * r.rest_share),
                    }
                    for r in g.representative
                    if r.statement_id in numbers
                ],
            }
            for g in result.groups
        ],
        "groups_note": result.note,
        "statements": results_rows(rnd, result, ds),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
