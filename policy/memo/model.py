"""The memo resolved once from dataset and spec: plain frozen data that every renderer reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from policy.citations import Cite, Style


@dataclass(frozen=True)
class Run:
    """Words, then the citations that back them (our prose's markers, or an item's quotes)."""

    text: str
    cites: tuple[Cite, ...] = ()


Prose = tuple[Run, ...]


@dataclass(frozen=True)
class Quoted:
    """A verbatim quote, shown once in the whole memo, and its citation."""

    text: str
    cite: Cite


@dataclass(frozen=True)
class Point:
    """A bulleted point: who (bold, with their dated role) or nobody, our words, and at most one quote."""

    who: str
    role: str
    text: Prose
    quote: Quoted | None = None


@dataclass(frozen=True)
class Row:
    """One option in the at-a-glance table."""

    title: str
    what: Prose
    backers: str
    opponents: str
    best_for: Prose
    best_against: Prose


@dataclass(frozen=True)
class Option:
    """One option in depth."""

    id: str
    title: str
    summary: Prose
    mechanism: Prose
    case_for: tuple[Point, ...]
    case_against: tuple[Point, ...]
    evidence_for: tuple[Point, ...]
    evidence_against: tuple[Point, ...]
    risks: tuple[Prose, ...]
    more_risks: int = 0  # risks the sources raise beyond those listed


@dataclass(frozen=True)
class Side:
    """One answer to a contested question and the claims that give it."""

    label: str
    claims: tuple[Point, ...]
    more: int = 0  # claims on this side that the memo leaves to the dashboard


@dataclass(frozen=True)
class Contested:
    """A contested fact: the question, each side's claims, and why they may differ."""

    question: str
    sides: tuple[Side, ...]
    note: Prose


@dataclass(frozen=True)
class Memo:
    """A render-ready memo: bottom line first (summary, the reader's recommendation, the options at a glance),
    then the options in depth and the contested facts; `references` are the CSL-JSON items of every source it cites."""

    subject: str
    author: str
    header: tuple[tuple[str, str], ...]
    coverage: str
    purpose: tuple[str, ...]
    summary: tuple[Prose, ...]
    summary_points: tuple[Point, ...]  # the chosen options, a line each (full memo)
    table: tuple[Row, ...]
    background: tuple[str, ...]
    facts: tuple[Point, ...]
    options: tuple[Option, ...]
    contested: tuple[Contested, ...]
    also_contested: tuple[str, ...]  # further contested questions, named but not set out
    recommendation: tuple[str, ...]
    references: tuple[dict[str, Any], ...]
    style: Style
    length: Literal["brief", "full"] = "full"
    paper: Literal["letter", "a4"] = "letter"
    title: str = "Memorandum"

    @property
    def brief(self) -> bool:
        """True for the one-page brief."""
        return self.length == "brief"
