"""The validated content of one debate, with lookups by id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import PrivateAttr

from policy.models import (
    Actor,
    Bearing,
    Debate,
    Dispute,
    Evidence,
    GlossaryTerm,
    Position,
    Quote,
    Series,
    Source,
    Stance,
    Strict,
    TimelineEvent,
)

T = TypeVar("T")


class Dataset(Strict):
    """Everything in a data/ folder, validated and cross-checked by the loader."""

    debate: Debate
    sources: list[Source]
    actors: list[Actor]
    quotes: list[Quote]
    evidence: list[Evidence]
    positions: list[Position]
    disputes: list[Dispute]
    timeline: list[TimelineEvent]
    series: list[Series]
    glossary: list[GlossaryTerm]

    _by_id: dict[str, dict[str, Any]] = PrivateAttr(default_factory=dict)
    _derived: dict[str, Any] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        for name in ("sources", "actors", "quotes", "evidence", "positions", "disputes", "series"):
            self._by_id[name] = {item.id: item for item in getattr(self, name)}

    def source(self, source_id: str) -> Source:
        """The source with this id (KeyError if none)."""
        return self._by_id["sources"][source_id]  # type: ignore[no-any-return]

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (KeyError if none)."""
        return self._by_id["actors"][actor_id]  # type: ignore[no-any-return]

    def quote(self, quote_id: str) -> Quote:
        """The quote with this id (KeyError if none)."""
        return self._by_id["quotes"][quote_id]  # type: ignore[no-any-return]

    def evidence_item(self, evidence_id: str) -> Evidence:
        """The evidence item with this id (KeyError if none)."""
        return self._by_id["evidence"][evidence_id]  # type: ignore[no-any-return]

    def position(self, position_id: str) -> Position:
        """The position with this id (KeyError if none)."""
        return self._by_id["positions"][position_id]  # type: ignore[no-any-return]

    def series_item(self, series_id: str) -> Series:
        """The series with this id (KeyError if none)."""
        return self._by_id["series"][series_id]  # type: ignore[no-any-return]

    def derived(self, name: str, build: Callable[[Dataset], T]) -> T:
        """Something worked out from the whole dataset (an index), built on first use and kept with it."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]  # type: ignore[no-any-return]

    def has(self, collection: str, item_id: str) -> bool:
        """Whether the collection holds an item with this id."""
        return item_id in self._by_id.get(collection, {})

    @property
    def position_ids(self) -> list[str]:
        """Position ids in content order."""
        return [p.id for p in self.positions]

    def evidence_for(self, position_id: str, bearing: Bearing | None = None) -> list[Evidence]:
        """Evidence bearing on a position (optionally only one bearing), heaviest first."""
        items = [
            e
            for e in self.evidence
            if position_id in e.bearing and (bearing is None or e.bearing[position_id] == bearing)
        ]
        return sorted(items, key=lambda e: -e.weight)

    def findings_for(self, position_id: str, bearing: Bearing | None = None) -> list[Evidence]:
        """The findings bearing on a position: lead items only (a part reports its lead's finding), heaviest
        first. Counts, the balance chart and "strongest evidence" count these, not items."""
        return [e for e in self.evidence_for(position_id, bearing) if e.part_of is None]

    @property
    def finding_count(self) -> int:
        """How many findings the evidence reports (items that are parts of another's finding not counted)."""
        return sum(1 for e in self.evidence if e.part_of is None)

    def parts_of(self, evidence_id: str) -> list[Evidence]:
        """The other items reporting the same finding as this lead item, in content order."""
        return [e for e in self.evidence if e.part_of == evidence_id]

    def finding_of(self, item: Evidence) -> Evidence:
        """The lead item of the finding an item reports (the item itself when it leads or stands alone)."""
        return self.evidence_item(item.part_of) if item.part_of else item

    @property
    def coverage(self) -> tuple[str, str]:
        """The publication dates of the earliest and latest source (YYYY[-MM[-DD]]): what the content covers."""
        dates = sorted(s.published for s in self.sources)
        return dates[0], dates[-1]

    def disputes_for(self, position_id: str) -> list[Dispute]:
        """Disputes that touch a position."""
        return [d for d in self.disputes if position_id in d.positions]

    def stances_of(self, actor_id: str) -> list[tuple[Position, str, Stance]]:
        """(position, "proponent" | "critic", stance) for every stance the actor takes."""
        out: list[tuple[Position, str, Stance]] = []
        for position in self.positions:
            out += [(position, "proponent", s) for s in position.proponents if s.actor == actor_id]
            out += [(position, "critic", s) for s in position.critics if s.actor == actor_id]
        return out

    def involving(self, actor_id: str) -> tuple[list[Evidence], list[TimelineEvent]]:
        """Evidence items and events that name the actor as involved."""
        return (
            [e for e in self.evidence if actor_id in e.actors],
            [t for t in self.timeline if actor_id in t.actors],
        )

    def quotes_by(self, actor_id: str) -> list[Quote]:
        """Every quote the actor speaks."""
        return [q for q in self.quotes if q.speaker == actor_id]
