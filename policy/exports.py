"""Bytes for downloads: CSV safe to open in a spreadsheet, and JSON."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from policy.dataset import Dataset
from policy.queries import coverage_note

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """Prefix text a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes (UTF-8 with BOM for Excel) in which no text cell can start a formula."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_cell)
    safe.columns = [neutralise_cell(str(c)) for c in safe.columns]
    text: str = safe.to_csv(index=False)
    return text.encode("utf-8-sig")


def metadata(dataset: Dataset) -> dict[str, Any]:
    """What every data export says about itself: which debate, which sources, which period it covers."""
    first, last = dataset.coverage
    return {
        "title": dataset.debate.title,
        "coverage": {"from": first, "to": last, "note": coverage_note(dataset)},
        "sources": [s.id for s in dataset.sources],
        "cite_as": dataset.debate.cite_as,
    }


def records_json(frame: pd.DataFrame, dataset: Dataset) -> bytes:
    """The table as JSON: the export's metadata (coverage period, sources) and the rows as records."""
    records = json.loads(frame.to_json(orient="records", force_ascii=False))
    document = {"metadata": metadata(dataset), "records": records}
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def dataset_json(dataset: Dataset) -> str:
    """The whole validated dataset as JSON, after its metadata (coverage period, sources)."""
    document = {"metadata": metadata(dataset), **dataset.model_dump(mode="json")}
    return json.dumps(document, ensure_ascii=False, indent=2)


def quotes_json(dataset: Dataset) -> str:
    """Every verbatim quote as the JSON array verify_quotes.py reads."""
    items = [{"id": q.id, "source": q.source, "quote": q.text} for q in dataset.quotes]
    return json.dumps(items, ensure_ascii=False, indent=2)
