"""The memo resolved once from dataset and spec: plain frozen data that every renderer reads."""

from __future__ import annotations

from dataclasses import dataclass

from policy.citations import Style


@dataclass(frozen=True)
class CitedQuote:
    """A quote's words and the number of the note that cites it."""

    text: str
    number: int


@dataclass(frozen=True)
class Run:
    """Words of our prose, then the numbers of the notes citing them (its markers turned into notes)."""

    text: str
    notes: tuple[int, ...] = ()


Prose = tuple[Run, ...]


def plain_prose(prose: Prose) -> str:
    """The words alone."""
    return "".join(run.text for run in prose)


@dataclass(frozen=True)
class Argument:
    """One actor's argument, with their quotes."""

    actor: str
    role: str
    argument: Prose
    quotes: tuple[CitedQuote, ...]


@dataclass(frozen=True)
class EvidenceEntry:
    """One evidence item: the claim, its figure (or ''), its quotes."""

    claim: str
    figure: str
    quotes: tuple[CitedQuote, ...]


@dataclass(frozen=True)
class EvidenceGroup:
    """Evidence items with one bearing on an option, under a label such as 'Evidence for'."""

    label: str
    items: tuple[EvidenceEntry, ...]


@dataclass(frozen=True)
class Option:
    """One option as the memo presents it."""

    id: str
    title: str
    one_line: Prose
    summary: Prose
    arguments_for: tuple[Argument, ...]
    arguments_against: tuple[Argument, ...]
    evidence: tuple[EvidenceGroup, ...]

    @property
    def argument_sides(self) -> tuple[tuple[str, tuple[Argument, ...]], ...]:
        """The sides that have arguments, each under its heading: for, then against."""
        sides = (("Arguments for", self.arguments_for), ("Arguments against", self.arguments_against))
        return tuple((heading, args) for heading, args in sides if args)


@dataclass(frozen=True)
class Section:
    """A headed block of the reader's own text, in paragraphs."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Memo:
    """A render-ready memo; notes[n - 1] is the text of citation n."""

    title: str
    subject: str
    author: str
    header: tuple[tuple[str, str], ...]
    intro: tuple[Section, ...]
    options: tuple[Option, ...]
    closing: tuple[Section, ...]
    notes: tuple[str, ...]
    sources: tuple[str, ...]
    style: Style
    coverage: str = ""
