"""Bytes for downloads: CSV safe to open in a spreadsheet, and JSON."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from policy.dataset import Dataset

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


def records_json(frame: pd.DataFrame) -> bytes:
    """The table as a JSON array of records."""
    records = json.loads(frame.to_json(orient="records", force_ascii=False))
    return json.dumps(records, ensure_ascii=False, indent=2).encode("utf-8")


def dataset_json(dataset: Dataset) -> str:
    """The whole validated dataset as JSON."""
    return json.dumps(dataset.model_dump(mode="json"), ensure_ascii=False, indent=2)


def quotes_json(dataset: Dataset) -> str:
    """Every verbatim quote as the JSON array verify_quotes.py reads."""
    items = [{"id": q.id, "source": q.source, "quote": q.text} for q in dataset.quotes]
    return json.dumps(items, ensure_ascii=False, indent=2)
