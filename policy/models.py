"""Pydantic models of the debate content: one strict, frozen base for every content file."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _check_partial_date(value: str) -> str:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD naming a real date."""
    match = _PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError as err:
        raise ValueError(f"{value!r} is not a real date ({err})") from None
    return value


def _as_text(value: object) -> object:
    # YAML reads an unquoted 2023-04-01 as a date and 2023 as an int; both are dates to us.
    if isinstance(value, dt.date | int) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return value


PartialDate = Annotated[str, BeforeValidator(_as_text), AfterValidator(_check_partial_date)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
# Characters that would reorder or hide the text around them (bidi controls) or that no document can hold.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)


def _visible(value: str) -> str:
    found = _INVISIBLE.search(value)
    if found:
        raise ValueError(
            f"holds an invisible control character (U+{ord(found.group()):04X}) at position {found.start() + 1}"
        )
    return value


Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True), AfterValidator(_visible)]

Bearing = Literal["supports", "undercuts", "context"]
SourceKind = Literal["news report", "analysis", "opinion", "official document", "report"]
ActorKind = Literal[
    "official",
    "legislator",
    "candidate",
    "agency",
    "government",
    "analyst",
    "academic",
    "think tank",
    "former trafficker",
    "trafficker",
    "media",
    "organization",
]
EvidenceKind = Literal["figure", "finding", "statement", "event"]
# The enumerations as values, stated once: pages, filters and charts read these.
BEARINGS: tuple[Bearing, ...] = get_args(Bearing)
EVIDENCE_KINDS: tuple[EvidenceKind, ...] = get_args(EvidenceKind)


SLIDE_FORM = "Optional short form for slides: one cited sentence of about 100 to 140 characters."
# The most characters (markers stripped) a statement may hold: three lines at projector size, six on a phone.
STATEMENT_MAX_CHARS = 160
STATEMENT_FORM = (
    "Optional proposition for a room to agree or disagree with: one cited sentence, at most"
    f" {STATEMENT_MAX_CHARS} characters without its markers, that one side of the debate holds, citing"
    " only this item's quotes."
)


class Strict(BaseModel):
    """Base of every content model: unknown keys fail loudly and nothing mutates."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(Strict):
    """One archived article the content cites."""

    id: Id
    outlet: Text
    title: Text
    authors: list[Text] = Field(default_factory=list, description="Empty when the source names none.")
    published: Annotated[PartialDate, Field(description="YYYY, YYYY-MM or YYYY-MM-DD")]
    url: str | None = Field(default=None, description="Only where the source itself gives one.")
    kind: SourceKind
    notes: str = ""


class Actor(Strict):
    """A person or institution that holds, argues or reports a position."""

    id: Id
    name: Text
    role: str = Field(default="", description="The role as the source states it.")
    affiliation: str = ""
    country: str = ""
    kind: ActorKind
    as_of: PartialDate | None = Field(
        default=None,
        description="When the source gives the role (YYYY or YYYY-MM): roles read as of then, never as current.",
    )


class Quote(Strict):
    """A verbatim passage of a source; speaker is None for the reporter's own words."""

    id: Id
    text: Annotated[str, StringConstraints(min_length=12, max_length=600, strip_whitespace=True)]
    source: Id
    speaker: Id | None = None
    context: str = Field(default="", description="Where and when it was said, in neutral words.")


class Figure(Strict):
    """A number an evidence item reports."""

    value: float
    unit: Text
    period: str = ""


class Evidence(Strict):
    """One claim in neutral words, the quotes behind it and how it bears on each position."""

    id: Id
    claim: Text
    kind: EvidenceKind
    quotes: list[Id] = Field(min_length=1)
    figure: Figure | None = None
    bearing: dict[Id, Bearing] = Field(min_length=1, description="position id -> supports/undercuts/context")
    weight: Literal[1, 2, 3] = Field(default=2, description="3 = central to the debate, 1 = minor")
    actors: list[Id] = Field(default_factory=list, description="Who the claim is about or involves.")
    part_of: Id | None = Field(
        default=None,
        description="Evidence id of the item reporting the same underlying finding: counted once, with it.",
    )
    statement: str = Field(default="", description=STATEMENT_FORM)


class Stance(Strict):
    """An actor's argument for or against a position, with their quotes."""

    actor: Id
    argument: Text
    quotes: list[Id] = Field(default_factory=list)
    slide: str = Field(default="", description=SLIDE_FORM)
    statement: str = Field(default="", description=STATEMENT_FORM)


class Position(Strict):
    """One policy option with its case, its critics and its open questions."""

    id: Id
    title: Text
    short_title: Text
    icon: Annotated[str, StringConstraints(min_length=1, max_length=4)]
    one_line: Text
    summary: Text
    mechanism: Text
    proponents: list[Stance] = Field(description="Strongest first.")
    critics: list[Stance] = Field(description="Strongest first.")
    risks: list[Text] = Field(default_factory=list)
    open_questions: list[Text] = Field(default_factory=list)
    key_figure: Id | None = Field(default=None, description="Evidence id of the figure shown on cards.")
    coverage_note: str = Field(default="", description="Where the sources are thin, say so here.")


class Side(Strict):
    """One answer a dispute's claims give: "Yes", "No", "Partly", or one of the competing figures."""

    id: Id
    label: Annotated[str, StringConstraints(min_length=1, max_length=60, strip_whitespace=True)]


class Claim(Strict):
    """One claim in a dispute: who claims what, which answer it gives, in which source and words."""

    side: Id = Field(description="The id of the dispute's side (answer) this claim gives.")
    claimant: Id | None = None
    claim: Text
    source: Id
    quote: Id
    slide: str = Field(default="", description=SLIDE_FORM)


class Dispute(Strict):
    """A contested question and the conflicting claims about it."""

    id: Id
    question: Text
    sides: list[Side] = Field(min_length=2, description="The answers the claims give, in the order shown.")
    claims: list[Claim] = Field(min_length=2)
    positions: list[Id] = Field(default_factory=list)
    note: str = Field(default="", description="Why the claims may differ, without settling it.")

    def claims_for(self, side_id: str) -> list[Claim]:
        """The claims that give one answer, in content order."""
        return [c for c in self.claims if c.side == side_id]


class TimelineEvent(Strict):
    """A dated event."""

    id: Id
    date: PartialDate
    title: Text
    description: Text
    source: Id
    quote: Id | None = None
    positions: list[Id] = Field(default_factory=list)
    actors: list[Id] = Field(default_factory=list, description="Who took part or is named.")
    date_note: str = ""


class SeriesPoint(Strict):
    """One value of a series, with the quote that gives it."""

    label: Text
    value: float
    group: str = ""
    period: str = ""
    source: Id
    quote: Id


class Series(Strict):
    """Chart-ready figures."""

    id: Id
    title: Text
    unit: Text
    description: str = ""
    mark: Literal["bar", "line"] = "bar"
    points: list[SeriesPoint] = Field(min_length=2)
    positions: list[Id] = Field(default_factory=list)


class GlossaryTerm(Strict):
    """A term a reader may not know."""

    id: Id
    term: Text
    definition: Text
    source: Id | None = None
    quote: Id | None = None


class Debate(Strict):
    """The debate as a whole: its title, its question and what the overview leads with."""

    title: Text
    question: Text
    intro: Text
    headline_evidence: list[Id] = Field(default_factory=list)
    poll_question: Text
    cite_as: Text = Field(description="How to cite the dashboard itself.")
