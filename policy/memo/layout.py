"""The memo's running order as a document, shared by the Word and PDF renderers so they cannot drift apart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from policy.memo.model import CitedQuote, Memo, Option, Prose, Section

# (text, bold, note numbers after it)
Segment = tuple[str, bool, tuple[int, ...]]


class Page(Protocol):
    """A document written top to bottom; heading level 0 is the title, 1 a section, 2 and 3 below it."""

    def heading(self, text: str, level: int) -> None:
        """A heading at the given level."""

    def header(self, fields: tuple[tuple[str, str], ...]) -> None:
        """The To/From/Date/Subject lines, if any."""

    def paragraph(self, text: str, italic: bool = False) -> None:
        """A paragraph of running text."""

    def prose(self, segments: Sequence[Segment], italic: bool = False) -> None:
        """A paragraph of our words, each run followed by its raised note numbers."""

    def bullet(self, runs: Sequence[Segment], quotes: tuple[CitedQuote, ...]) -> None:
        """A bulleted item of (text, bold, notes) runs, then the quotes with their note numbers."""

    def entry(self, text: str) -> None:
        """One line of the notes or sources."""


def lay_out(memo: Memo, page: Page) -> None:
    """Write the memo onto the page: title, header, sections and options in order, then notes and sources."""
    page.heading(memo.title, 0)
    page.header(memo.header)
    if memo.coverage:
        page.paragraph(memo.coverage, italic=True)
    for section in memo.intro:
        _section(page, section)
    for option in memo.options:
        _option(page, option)
    for section in memo.closing:
        _section(page, section)
    _entries(page, "Notes", [f"{n}. {text}" for n, text in enumerate(memo.notes, 1)])
    _entries(page, "Sources", memo.sources)


def _section(page: Page, section: Section) -> None:
    page.heading(section.heading, 1)
    for paragraph in section.paragraphs:
        page.paragraph(paragraph)


def _option(page: Page, option: Option) -> None:
    page.heading(option.title, 1)
    page.prose(segments(option.one_line), italic=True)
    page.prose(segments(option.summary))
    for heading, args in option.argument_sides:
        page.heading(heading, 2)
        for arg in args:
            head = (f", {arg.role}" if arg.role else "") + ": "
            page.bullet([(arg.actor, True, ()), (head, False, ()), *segments(arg.argument)], arg.quotes)
    if option.evidence:
        page.heading("Evidence", 2)
    for group in option.evidence:
        page.heading(group.label, 3)
        for entry in group.items:
            text = entry.claim + (f" ({entry.figure})" if entry.figure else "")
            page.bullet([(text, False, ())], entry.quotes)


def segments(prose: Prose) -> list[Segment]:
    """Prose as plain (not bold) segments."""
    return [(run.text, False, run.notes) for run in prose]


def _entries(page: Page, heading: str, entries: Sequence[str]) -> None:
    if entries:
        page.heading(heading, 1)
        for entry in entries:
            page.entry(entry)
