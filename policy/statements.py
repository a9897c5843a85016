"""Statements for a room to vote on: short, cited claims and arguments drawn from the content.

A statement round asks each person in the room to agree, disagree or pass on 8 to 20 statements, one at a
time on a phone. The statements are the content's own words: evidence claims that support or undercut a
position, and the arguments of its proponents and critics. Each keeps the quotes it rests on, so a phone can
link every statement to its sources. Selection is deterministic (the same content gives the same round) and
balanced: it takes turns between the positions, and within a position between the case for it and the case
against it, strongest first.

Items that carry a ``statement`` (a cited proposition written for a room to agree or disagree with, checked
by the loader) give that proposition and come first on their side: a report ("X said ...") is hard to agree
or disagree with. Other items give their own words: only whole sentences (``policy.prose``), markers
stripped for the plain text, and an item too long to read on a phone in one sentence or two is passed over
rather than cut; an argument's short form for slides (``slide``), where the content gives one, is used before
its opening sentences. ``attribution`` names who holds or reports each statement ("from: ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from policy.dataset import Dataset
from policy.models import Bearing, Evidence, Position, Stance
from policy.prose import lead, markers, strip_markers

__all__ = [
    "DEFAULT_COUNT",
    "MAX_CHARS",
    "MAX_COUNT",
    "MIN_COUNT",
    "Statement",
    "attribution",
    "select_statements",
]

MIN_COUNT = 8
MAX_COUNT = 20
# With the content of December 2026: every option, each side it has, all written for a room.
DEFAULT_COUNT = 12
# Characters of plain text a statement may hold: about nine lines in large type on a 390 px wide phone.
MAX_CHARS = 240

Side = Literal["for", "against"]
Kind = Literal["evidence", "argument"]


@dataclass(frozen=True)
class Statement:
    """One statement of a round: its plain words, the same words with citation markers, and its quotes."""

    id: str  # stable across content versions while the item exists: "ev-..." or "arg-<position>-<side>-<actor>"
    text: str  # plain: whole sentences, markers stripped
    cited: str  # the same sentences with their [q-id] markers (the item's quotes after it when it has none)
    quotes: tuple[str, ...]  # every quote the statement rests on, in order of first mention
    position: str  # the position it bears on
    side: Side  # "for": supports the position or a proponent's argument; "against": undercuts or a critic's
    kind: Kind


def _clean(text: str) -> str:
    return " ".join(strip_markers(text).split())


def _fits(text: str) -> bool:
    # An ellipsis would read as a cut, so items that hold one are passed over as well.
    return 0 < len(text) <= MAX_CHARS and "…" not in text and "..." not in text


def _proposition(ident: str, written: str, position: str, side: Side, kind: Kind) -> Statement | None:
    """The item's proposition for a room (its ``statement``), when it has a usable one."""
    cited = " ".join(written.split())
    text = _clean(cited)
    quotes = tuple(dict.fromkeys(markers(cited)))
    if not quotes or not _fits(text):
        return None
    return Statement(ident, text, cited, quotes, position, side, kind)


def _from_evidence(item: Evidence, position: str, side: Side) -> Statement | None:
    if item.statement and (found := _proposition(item.id, item.statement, position, side, "evidence")):
        return found
    claim = " ".join(item.claim.split())
    kept = lead(claim, MAX_CHARS)
    text = _clean(kept)
    if not _fits(text):
        return None
    # A claim is cited by its item's quotes (markers in it are optional): a statement keeps the markers of
    # the sentences it holds; a claim with none is used only whole, every quote of the item after its words.
    inline = markers(kept)
    if not inline and kept != claim:  # the item's quotes may rest on the sentences left out
        return None
    quotes = tuple(inline) if inline else tuple(dict.fromkeys(item.quotes))
    cited = kept if inline else kept + "".join(f" [{q}]" for q in quotes)
    return Statement(item.id, text, cited, quotes, position, side, "evidence")


def _from_stance(position: Position, stance: Stance, side: Side) -> Statement | None:
    ident = f"arg-{position.id}-{side}-{stance.actor}"
    if stance.statement and (found := _proposition(ident, stance.statement, position.id, side, "argument")):
        return found
    argument = " ".join(stance.argument.split())
    # The stance's short form written for slides, when the content gives one with its markers, else the
    # argument's opening sentences.
    short = " ".join(str(getattr(stance, "slide", "") or "").split())
    kept = short if short and markers(short) and _fits(_clean(short)) else lead(argument, MAX_CHARS)
    text = _clean(kept)
    if not _fits(text):
        return None
    quotes = tuple(markers(kept))
    if not quotes:  # every sentence of an argument is cited (the loader checks); a bare one is not used
        return None
    return Statement(ident, text, kept, quotes, position.id, side, "argument")


def _alternate(args: list[Statement], evidence: list[Statement]) -> Iterator[Statement]:
    for i in range(max(len(args), len(evidence))):
        if i < len(args):
            yield args[i]
        if i < len(evidence):
            yield evidence[i]


def _candidates(ds: Dataset, position: Position, side: Side, written: bool) -> list[Statement]:
    """The position's statements on one side, either the written propositions or the items' own words;
    strongest first, arguments and findings taking turns."""
    stances = position.proponents if side == "for" else position.critics
    bearing: Bearing = "supports" if side == "for" else "undercuts"
    findings = ds.findings_for(position.id, bearing)
    args = [s for st in stances if bool(st.statement) is written and (s := _from_stance(position, st, side))]
    evidence = [
        s for e in findings if bool(e.statement) is written and (s := _from_evidence(e, position.id, side))
    ]
    return list(_alternate(args, evidence))


def statements_by_id(ds: Dataset) -> dict[str, Statement]:
    """Every statement the content offers a round, by id: a round opened in one language, read in another (the
    ids are the same in every language; a statement too long for a phone in this language is left out)."""
    found: dict[str, Statement] = {}
    for written in (True, False):
        for position in ds.positions:
            for side in ("for", "against"):
                for statement in _candidates(ds, position, side, written):
                    found.setdefault(statement.id, statement)
    return found


def attribution(ds: Dataset, statement: Statement) -> str:
    """Who holds or reports the statement, for a "from: ..." line: the arguing actor or the quotes' speakers,
    then the outlets of its quotes ("Lindsey Graham · The Washington Post"). Empty if no quote is known."""
    names: list[str] = []
    prefix = f"arg-{statement.position}-{statement.side}-"
    if statement.kind == "argument" and statement.id.startswith(prefix):
        actor = statement.id.removeprefix(prefix)
        if ds.has("actors", actor):
            names.append(ds.actor(actor).name)
    outlets: list[str] = []
    for q in statement.quotes:
        if not ds.has("quotes", q):
            continue
        quote = ds.quote(q)
        if statement.kind == "evidence" and quote.speaker and ds.has("actors", quote.speaker):
            names.append(ds.actor(quote.speaker).name)
        outlets.append(ds.source(quote.source).outlet.split(" (")[0])
    return " · ".join(dict.fromkeys([*names, *outlets]))


def select_statements(ds: Dataset, count: int = DEFAULT_COUNT) -> list[Statement]:
    """``count`` statements (clamped to 8..20), taking turns between positions and sides, strongest first;
    the written propositions first, then (for a longer round) the items' own words.

    Fewer come back only when the content holds fewer short, cited statements than asked for. An evidence
    item bearing on several positions is used once, for the first position that takes it.
    """
    count = min(max(count, MIN_COUNT), MAX_COUNT)
    chosen: list[Statement] = []
    used_ids: set[str] = set()
    used_texts: set[str] = set()
    # Every written proposition before any item's own words: a report is the last resort of a round.
    for written in (True, False):
        queues = [
            _candidates(ds, position, side, written)
            for position in ds.positions
            for side in ("for", "against")
        ]
        while len(chosen) < count and any(queues):
            for queue in queues:
                while queue:
                    statement = queue.pop(0)
                    key = statement.text.casefold()
                    if statement.id in used_ids or key in used_texts:
                        continue
                    chosen.append(statement)
                    used_ids.add(statement.id)
                    used_texts.add(key)
                    break
                if len(chosen) == count:
                    break
    return chosen
