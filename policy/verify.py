"""Check quotes word for word against archived source texts, forgiving only quoting conventions.

Forgiven: typography (curly/straight quotes, dash styles, whitespace), case, an ellipsis marking an
omission and a [bracketed insertion]; the parts around them must appear in order. Every quote needs
an unbroken run of four or more words. The rules match ../shared/tools/verify_quotes.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from policy.dataset import Dataset

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2011": "-", "\u2010": "-", "\u2212": "-",
        "\u00a0": " ",
    }
)  # fmt: skip
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SPLIT = re.compile(r"\.\.\.|\[[^\]]*\]")
_EDGE = " \t\n\"'.,;:!?()-"


def normalize(text: str) -> str:
    """Fold typography, whitespace and case so only the words are compared."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).replace("\u2026", "...")
    text = _LINK.sub(r"\1", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def _fragments(quote: str) -> list[str]:
    parts = [p.strip(_EDGE) for p in _SPLIT.split(normalize(quote))]
    return [p for p in parts if p]


def find_quote(quote: str, source_text: str) -> str | None:
    """None when the quote is in the source text; otherwise the reason it is not."""
    parts = _fragments(quote)
    if not parts:
        return "the quote is empty"
    if max(len(p.split()) for p in parts) < 4:
        return "no unbroken run of four or more words"
    text = normalize(source_text)
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return f"not in the source: {part!r}"
        at = found + len(part)
    return None


@dataclass(frozen=True)
class Failure:
    """A quote that was not found, and why."""

    quote_id: str
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.quote_id} [{self.source}]: {self.reason}"


def verify_dataset(dataset: Dataset, archive: Path) -> list[Failure]:
    """Every quote of the dataset checked against archive/<source id>.txt."""
    texts: dict[str, str | None] = {}
    failures: list[Failure] = []
    for q in dataset.quotes:
        if q.source not in texts:
            path = archive / f"{q.source}.txt"
            texts[q.source] = path.read_text(encoding="utf-8") if path.is_file() else None
        text = texts[q.source]
        reason = f"no archived text {q.source}.txt in {archive}" if text is None else find_quote(q.text, text)
        if reason:
            failures.append(Failure(q.id, q.source, reason))
    return failures
