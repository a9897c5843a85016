"""One search over the whole debate, with SQLite's full-text engine (FTS5) in memory.

Positions, arguments, evidence, quotes, people, disputes, timeline events and glossary terms are each a
document with a title and a body; citation markers are removed first. The tokenizer folds case and removes
diacritics (``unicode61 remove_diacritics 2``), so "Lopez" finds "López", and reduces English words to their
stems (``porter``), so "strikes" finds "strike" and "designated" finds "designation"; "US" and "U.S." find
each other (``policy.fulltext``, shared with the Evidence page's own search box); hits are ranked by BM25 with the
title weighing more than the body. Matching words come back between HIT_OPEN and HIT_CLOSE, two private-use
characters no content holds, so a page escapes the text first and then marks them.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from policy.citations import human_date
from policy.dataset import Dataset
from policy.fulltext import TOKENIZER, match_expression
from policy.i18n import N_, _, use
from policy.prose import strip_markers
from policy.queries import actor_role, format_figure, source_label
from policy.style import actor_kind_label, source_kind_label
from policy.text import one_line

Kind = Literal["position", "argument", "evidence", "quote", "person", "dispute", "event", "term", "source"]
KINDS: tuple[Kind, ...] = (
    "position", "argument", "evidence", "quote", "person", "dispute", "event", "term", "source",
)  # fmt: skip
KIND_LABELS: dict[Kind, str] = {  # English message ids: a page shows kind_label(kind)
    "position": N_("Option"),
    "argument": N_("Argument"),
    "evidence": N_("Evidence"),
    "quote": N_("Quote"),
    "person": N_("Person"),
    "dispute": N_("Contested claim"),
    "event": N_("Timeline event"),
    "term": N_("Glossary"),
    "source": N_("Source article"),
}
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"  # around each matching word in a hit's title and snippet
TITLE_WEIGHT, BODY_WEIGHT = 8.0, 1.0  # BM25 column weights: a word in the title counts more
ALSO_WEIGHT = 0.5  # the same thing's words as written (SearchIndex): found, ranked below the page's own
SNIPPET_TOKENS = 24  # words of context in a snippet
TITLE_CHARACTERS = 110  # of an evidence claim, as its hit's title
# Things a reader looks up by name rank above passages that mention the name (BM25 scores are negative).
KIND_BOOST: dict[Kind, float] = {"person": 1.6, "term": 1.6, "source": 1.6, "position": 1.4}
_CONTROL = re.compile(f"[{HIT_OPEN}{HIT_CLOSE}]")


def kind_label(kind: Kind) -> str:
    """What a kind of hit is called, in the reader's language."""
    return _(KIND_LABELS[kind])


@dataclass(frozen=True)
class Document:
    """One thing a reader can find: what kind it is, its id, title, words and where it lives in the app."""

    kind: Kind
    id: str
    title: str
    body: str
    url: str


@dataclass(frozen=True)
class Hit:
    """A search result: the document's kind, id and url, its title and a snippet with the matches marked."""

    kind: Kind
    id: str
    title: str  # plain title, matches unmarked
    url: str
    title_marked: str
    snippet: str
    rank: float  # BM25: lower is better

    def summary(self) -> dict[str, str]:
        """What the command line prints for it."""
        return {k: v for k, v in asdict(self).items() if k in ("kind", "id", "title", "url")}


def _clean(text: str) -> str:
    return " ".join(_CONTROL.sub("", strip_markers(text)).split())


def documents(ds: Dataset) -> Iterator[Document]:
    """Every searchable thing in the dataset, with the app's URL of its place."""
    for p in ds.positions:
        yield Document(
            "position",
            p.id,
            p.title,
            f"{p.short_title}. {p.one_line} {p.summary}",
            f"./position?position={p.id}",
        )
        # "For Military strikes: Marcelo Ebrard": the side first, so a group's name needs no verb to agree with.
        arguing = ((_("For {option}: {name}"), p.proponents), (_("Critical of {option}: {name}"), p.critics))
        for side, stances in arguing:
            for s in stances:
                name = ds.actor(s.actor).name
                yield Document(
                    "argument",
                    f"{p.id}/{s.actor}",
                    side.format(option=p.short_title, name=name),
                    s.argument,
                    f"./position?position={p.id}&actor={s.actor}",
                )
    for e in ds.evidence:
        # The title is the claim's opening words (a whole claim is a paragraph); the body holds all of it.
        title = one_line(strip_markers(e.claim), TITLE_CHARACTERS)
        yield Document("evidence", e.id, title, f"{format_figure(e)} {e.claim}", f"./evidence?item={e.id}")
    for q in ds.quotes:
        where = source_label(ds, q.source)
        title = (
            f"{ds.actor(q.speaker).name}, {where}"
            if q.speaker
            else _("{source} (reporter's words)").format(source=where)
        )
        # The quote in quotation marks, then what the source says around it: a snippet never runs them together.
        body = f"“{q.text}” — {q.context}" if q.context else f"“{q.text}”"
        yield Document("quote", q.id, title, body, f"./sources?quote={q.id}")
    for a in ds.actors:
        body = " · ".join(x for x in (actor_role(a), a.affiliation, a.country, actor_kind_label(a.kind)) if x)
        yield Document("person", a.id, a.name, body, f"./people?person={a.id}")
    for d in ds.disputes:
        claims = " · ".join(
            f"{ds.actor(c.claimant).name}: {c.claim}" if c.claimant else c.claim for c in d.claims
        )
        sides = " ".join(s.label for s in d.sides)
        yield Document(
            "dispute", d.id, d.question, f"{sides}. {claims} {d.note}", f"./contested?dispute={d.id}"
        )
    for t in ds.timeline:
        yield Document(
            "event", t.id, t.title, f"{human_date(t.date)}. {t.description}", f"./timeline?event={t.id}"
        )
    for g in ds.glossary:
        yield Document("term", g.id, g.term, g.definition, f"./sources?term={g.id}")
    for src in ds.sources:
        about = ". ".join(
            x for x in (src.outlet, src.title, ", ".join(src.authors), human_date(src.published)) if x
        )
        yield Document(
            "source",
            src.id,
            f"{src.outlet}: {src.title}",
            f"{about}. {source_kind_label(src.kind)}",
            f"./sources?source={src.id}",
        )


class SearchIndex:
    """The dataset's documents in an in-memory FTS5 table; safe to share between threads (one lock).

    Documents are stored kind by kind, so a kind is a range of row ids: ranking, the kind filter and the counts
    never read a row, only the full-text index (what keeps a search quick at 100x the content). Highlights
    and snippets are made for the page of hits shown, not for every match."""

    def __init__(self, ds: Dataset, also: Sequence[tuple[str, Dataset]] = ()) -> None:
        """`also`: the same content in other languages, (language, dataset) each, whose words find each thing too
        (a reader who searched on a Spanish page and switched to English, or typed an English word on a Spanish
        page), weighed less and never shown."""
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._lock = threading.Lock()
        self._db.execute(f"CREATE VIRTUAL TABLE docs USING fts5(title, body, also, tokenize = '{TOKENIZER}')")
        ordered = sorted(documents(ds), key=lambda d: KINDS.index(d.kind))  # stable: content order in a kind
        other: dict[tuple[str, str], str] = {}
        for language, dataset in also:
            with use(language):  # its labels and dates in its own language too
                for d in documents(dataset):
                    other[(d.kind, d.id)] = f"{other.get((d.kind, d.id), '')} {d.title}. {d.body}"
        self._docs = ordered
        self._ranges: dict[str, tuple[int, int]] = {}
        for rowid, d in enumerate(ordered, start=1):
            lo, _ = self._ranges.get(d.kind, (rowid, rowid))
            self._ranges[d.kind] = (lo, rowid)
        self._db.executemany(
            "INSERT INTO docs (rowid, title, body, also) VALUES (?, ?, ?, ?)",
            (
                (i, _clean(d.title), _clean(d.body), _clean(other.get((d.kind, d.id), "")))
                for i, d in enumerate(ordered, start=1)
            ),
        )
        self._db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
        self._db.commit()
        self.size = len(ordered)

    def _in(self, kinds: tuple[str, ...]) -> str:
        """An SQL condition on rowid: the row is of one of the kinds (its range of ids)."""
        spans = [self._ranges[k] for k in kinds if k in self._ranges]
        return " OR ".join(f"rowid BETWEEN {lo} AND {hi}" for lo, hi in spans) or "0"

    def search(self, text: str, limit: int = 20, kinds: tuple[str, ...] = (), offset: int = 0) -> list[Hit]:
        """The best hits for the words, best first (ties in content order): limit of them, after offset."""
        query = match_expression(text)
        if not query or limit < 1:
            return []
        where = f" AND ({self._in(kinds)})" if kinds else ""
        boost = " ".join(f"WHEN {self._in((k,))} THEN {b}" for k, b in KIND_BOOST.items())
        ranked = (
            f"SELECT rowid, bm25(docs, ?, ?, ?) * (CASE {boost} ELSE 1 END) AS score FROM docs"
            f" WHERE docs MATCH ?{where} ORDER BY score, rowid LIMIT ? OFFSET ?"
        )
        with self._lock:
            top = self._db.execute(
                ranked, (TITLE_WEIGHT, BODY_WEIGHT, ALSO_WEIGHT, query, limit, max(0, offset))
            ).fetchall()
            if not top:
                return []
            ids = ",".join(str(int(rowid)) for rowid, _ in top)
            marked = self._db.execute(
                f"SELECT rowid, highlight(docs, 0, ?, ?), snippet(docs, 1, ?, ?, '…', {SNIPPET_TOKENS})"
                f" FROM docs WHERE docs MATCH ? AND rowid IN ({ids})",
                (HIT_OPEN, HIT_CLOSE, HIT_OPEN, HIT_CLOSE, query),
            ).fetchall()
        shown = {rowid: (title, snippet) for rowid, title, snippet in marked}
        hits = []
        for rowid, score in top:
            d = self._docs[rowid - 1]
            title, snippet = shown[rowid]
            hits.append(Hit(d.kind, d.id, _clean(d.title), d.url, title, snippet, float(score)))
        return hits

    def count(self, text: str) -> dict[str, int]:
        """How many documents of each kind match the words (kinds with none left out)."""
        query = match_expression(text)
        if not query:
            return {}
        kinds = list(self._ranges)
        sums = ", ".join(f"SUM({self._in((k,))})" for k in kinds)
        with self._lock:
            row = self._db.execute(f"SELECT {sums} FROM docs WHERE docs MATCH ?", (query,)).fetchone()
        return {k: int(n) for k, n in zip(kinds, row, strict=True) if n}


def search(ds: Dataset, text: str, limit: int = 20) -> list[Hit]:
    """Build an index of the dataset and search it once (the app keeps its index; this is for one-off use)."""
    return SearchIndex(ds).search(text, limit)
