"""What a reader's words match, the same way everywhere: SQLite's full-text engine (FTS5) with one tokenizer.

The tokenizer folds case and removes diacritics ("Lopez" finds "López") and reduces English words to their
stems ("strikes" finds "strike"). ``match_expression`` turns any input into a safe FTS5 query in which every
word must appear, as a word or the start of one; an abbreviation is found however it is written ("US",
"U.S." and "u.s." find each other). ``WordMatcher`` answers which of a set of texts hold every word (the
Evidence page's own search box), with the same rules as the site's search (``policy.search``).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable

TOKENIZER = "porter unicode61 remove_diacritics 2"
MAX_QUERY_WORDS = 12
# An abbreviation with full stops (U.S., U.N.), or a word.
_TERM = re.compile(r"(?:\b\w\.){2,}|\w+", re.UNICODE)
_SHORT_CAPS = re.compile(r"[A-Z]{2,4}")  # US, DEA, UN: also found when written with full stops


def _term(word: str) -> str:
    if "." in word:  # U.S. -> the letters in a row, as written with or without the stops
        letters = word.replace(".", "")
        return f'("{letters}" OR "{" ".join(letters)}")'
    if _SHORT_CAPS.fullmatch(word):  # US -> itself, or U.S.; no prefix, or "US" would find "use"
        return f'("{word}" OR "{" ".join(word)}")'
    return f'"{word}"*'


def match_expression(text: str) -> str:
    """The reader's words as an FTS5 query: every word must appear (as a word or the start of one); no word
    is read as an operator, column name or quote, so any input is a valid query. Empty when nothing to find."""
    words = _TERM.findall(text)[:MAX_QUERY_WORDS]
    return " AND ".join(_term(w) for w in words)


class WordMatcher:
    """Texts by id in an in-memory FTS5 table: which of them hold every word of a search."""

    def __init__(self, texts: Iterable[tuple[str, str]]) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._lock = threading.Lock()
        self._db.execute(f"CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = '{TOKENIZER}')")
        self._ids: list[str] = []
        rows = []
        for rowid, (item_id, text) in enumerate(texts, start=1):
            self._ids.append(item_id)
            rows.append((rowid, text))
        self._db.executemany("INSERT INTO docs (rowid, body) VALUES (?, ?)", rows)
        self._db.commit()

    def matching(self, text: str) -> set[str] | None:
        """The ids of the texts holding every word; None when the search has no word (nothing to narrow)."""
        query = match_expression(text)
        if not query:
            return None
        with self._lock:
            rows = self._db.execute("SELECT rowid FROM docs WHERE docs MATCH ?", (query,)).fetchall()
        return {self._ids[rowid - 1] for (rowid,) in rows}
