"""Citations in one consistent style: Chicago notes-bibliography (default) or APA."""

from __future__ import annotations

import calendar
from typing import Literal, get_args

from policy.dataset import Dataset
from policy.models import Quote, Source

Style = Literal["chicago", "apa"]
STYLES: tuple[Style, ...] = get_args(Style)
STYLE_NAMES: dict[Style, str] = {"chicago": "Chicago", "apa": "APA"}


def _date_parts(published: str) -> tuple[str, str | None, str | None]:
    year, *rest = published.split("-")
    month = calendar.month_name[int(rest[0])] if rest else None
    day = str(int(rest[1])) if len(rest) > 1 else None
    return year, month, day


def human_date(published: str) -> str:
    """2023-09-21 -> September 21, 2023; 2023-04 -> April 2023; 2023 -> 2023."""
    year, month, day = _date_parts(published)
    if month and day:
        return f"{month} {day}, {year}"
    return f"{month} {year}" if month else year


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _invert(name: str) -> str:
    first, _, last = name.rpartition(" ")
    return f"{last}, {first}" if first else last


def _initials(name: str) -> str:
    first, _, last = name.rpartition(" ")
    initials = " ".join(f"{part[0]}." for part in first.split() if part[0].isupper())
    return f"{last}, {initials}" if initials else last


def _url(source: Source) -> str:
    return f" {source.url}" if source.url else ""


def note(source: Source, style: Style = "chicago") -> str:
    """A full note (footnote) citing the source."""
    if style == "apa":
        return bibliography(source, "apa")
    title = f"\u201c{source.title},\u201d"
    lead = f"{_join(source.authors)}, {title}" if source.authors else title
    return f"{lead} {source.outlet}, {human_date(source.published)}{_url(source).rstrip()}."


def bibliography(source: Source, style: Style = "chicago") -> str:
    """The source-list entry for the source."""
    if style == "apa":
        year, month, day = _date_parts(source.published)
        when = ", ".join(x for x in (year, f"{month} {day}" if day else month) if x)
        names = [_initials(a) for a in source.authors]
        who = (", ".join(names[:-1]) + ", & " + names[-1]) if len(names) > 1 else "".join(names)
        if who:
            return f"{who} ({when}). {source.title}. {source.outlet}.{_url(source)}"
        return f"{source.title}. ({when}). {source.outlet}.{_url(source)}"
    if source.authors:
        names = [_invert(source.authors[0]), *source.authors[1:]]
        who = names[0] if len(names) == 1 else (", ".join(names[:-1]) + ", and " + names[-1])
        return f"{who}. \u201c{source.title}.\u201d {source.outlet}, {human_date(source.published)}.{_url(source)}"
    return f"{source.outlet}. \u201c{source.title}.\u201d {human_date(source.published)}.{_url(source)}"


def cite_quote(dataset: Dataset, quote: Quote, style: Style = "chicago") -> str:
    """A ready-to-copy citation of a quote: the words, who said them and where."""
    source = dataset.source(quote.source)
    words = f"\u201c{quote.text}\u201d"
    if quote.speaker is None:
        return f"{words} {note(source, style)}"
    name = dataset.actor(quote.speaker).name
    return f"{words} {name}, quoted in {note(source, style)}"
