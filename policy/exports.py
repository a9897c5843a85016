"""Bytes for downloads: CSV safe to open in a spreadsheet, and JSON."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from policy.dataset import Dataset
from policy.i18n import DEFAULT, current, pgettext
from policy.queries import coverage_note
from policy.style import bearing_label, evidence_kind_label

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


def _column(name: str, dataset: Dataset | None = None) -> str:
    """A table column's name in the reader's language (English keeps the name a script reads)."""
    names = {
        "id": pgettext("table column", "id"),
        "finding": pgettext("table column", "finding"),
        "claim": pgettext("table column", "claim"),
        "kind": pgettext("table column", "kind"),
        "weight": pgettext("table column", "weight"),
        "value": pgettext("table column", "value"),
        "unit": pgettext("table column", "unit"),
        "period": pgettext("table column", "period"),
        "quotes": pgettext("table column", "quotes"),
        "quote": pgettext("table column", "quote"),
        "speakers": pgettext("table column", "speakers"),
        "sources": pgettext("table column", "sources"),
        "source": pgettext("table column", "source"),
        "coverage": pgettext("table column", "coverage"),
        "label": pgettext("table column", "label"),
        "group": pgettext("table column", "group"),
    }
    if name.startswith("bearing_"):
        option = name.removeprefix("bearing_")
        if dataset is not None and dataset.has("positions", option):
            option = dataset.position(option).short_title
        return pgettext("table column", "bearing on {option}").format(option=option)
    return names.get(name, name)


def in_reader_words(frame: pd.DataFrame, dataset: Dataset | None = None) -> pd.DataFrame:
    """The table for a reader's spreadsheet in the interface's language: column names, and the coded values of the
    kind and bearing columns, as the pages say them. In English the table is as the code writes it (the codes are
    English words already), so scripts that read the English files keep working. With the dataset, a bearing's
    column names its option by the option's short title."""
    if current() == DEFAULT:
        return frame
    shown = frame.copy()
    for column in shown.columns:
        if column == "kind":
            shown[column] = shown[column].map(lambda v: evidence_kind_label(v) if v else v)
        elif str(column).startswith("bearing_"):
            shown[column] = shown[column].map(lambda v: bearing_label(v) if v else v)
    shown.columns = [_column(str(c), dataset) for c in shown.columns]
    return shown


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
