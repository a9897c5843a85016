"""Slides for presenter mode, built from the content alone: a new position means a new slide."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from policy.dataset import Dataset
from policy.models import Stance
from policy.prose import lead, sentences, strip_markers
from policy.queries import claimant_name, counts, coverage_note, format_figure, key_figure, source_label
from policy.style import position_label
from policy.text import one_line

SlideKind = Literal["title", "position", "dispute", "compare", "poll", "sources"]


@dataclass(frozen=True)
class Point:
    """One line on a slide: who (may be empty) and what."""

    who: str
    text: str


@dataclass(frozen=True)
class Slide:
    """What one slide shows, and the presenter's notes for it."""

    kind: SlideKind
    title: str
    subtitle: str = ""
    badge: str = ""
    left_heading: str = ""
    left: tuple[Point, ...] = ()
    right_heading: str = ""
    right: tuple[Point, ...] = ()
    figure: str = ""
    figure_caption: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    footer: str = ""  # what the content covers, shown at the foot of every slide
    columns: tuple[tuple[str, tuple[Point, ...]], ...] = ()  # a dispute's answers: (label, claims) each


def _title(ds: Dataset) -> Slide:
    question = strip_markers(ds.debate.question)
    return Slide(
        "title",
        ds.debate.title,
        # The question itself (its last sentence) on the screen; its premise goes to the speaker notes.
        subtitle=one_line(sentences(question)[-1], 260),
        left=tuple(
            Point("", position_label(ds, p.id) + " — " + strip_markers(p.one_line)) for p in ds.positions
        ),
        notes=(question, ds.debate.intro),
    )


def _position(ds: Dataset, pid: str) -> Slide:
    p = ds.position(pid)

    def points(stances: list[Stance]) -> tuple[Point, ...]:
        return tuple(
            Point(ds.actor(s.actor).name, one_line(_words(s.argument, 125), 125)) for s in stances[:3]
        )

    figure = key_figure(ds, p)
    notes = [strip_markers(p.summary), *(f"Open question: {strip_markers(q)}" for q in p.open_questions)]
    if p.coverage_note:
        notes.insert(0, p.coverage_note)
    return Slide(
        "position",
        p.title,
        subtitle=strip_markers(p.one_line),
        badge=position_label(ds, pid),
        left_heading="For",
        left=points(p.proponents),
        right_heading="Against",
        right=points(p.critics),
        figure=format_figure(figure) if figure else "",
        figure_caption=one_line(figure.claim, 170) if figure else "",
        notes=tuple(notes),
    )


def _dispute(ds: Dataset) -> Slide | None:
    if not ds.disputes:
        return None
    d = ds.disputes[0]

    def side(side_id: str) -> tuple[Point, ...]:
        return tuple(
            Point(claimant_name(ds, c), one_line(_words(c.claim, 150), 150)) for c in d.claims_for(side_id)
        )[:3]

    # Every answer is a labelled column (up to four), so no side of the question is left off the screen;
    # the more answers, the fewer claims each shows.
    shown = d.sides[:4]
    per_side = 3 if len(shown) <= 2 else 2
    columns = tuple((s.label, side(s.id)[:per_side]) for s in shown)
    others = [f"Also answered “{s.label}”." for s in d.sides[4:]]
    return Slide(
        "dispute",
        "Contested: " + d.question,
        columns=columns,
        notes=tuple([*others, *([strip_markers(d.note)] if d.note else [])]),
    )


def _compare(ds: Dataset) -> Slide:
    rows = []
    for p in ds.positions:
        c = counts(ds, p)
        rows.append(
            Point(
                position_label(ds, p.id),
                f"{c.proponents} proponents · {c.critics} critics · {c.supports} items for, {c.undercuts} against",
            )
        )
    return Slide(
        "compare", "Side by side", subtitle="How much the sources hold on each option", left=tuple(rows)
    )


def _sources(ds: Dataset) -> Slide:
    items = tuple(Point(source_label(ds, s.id), s.title) for s in ds.sources)
    return Slide("sources", "Sources", left=items, notes=(ds.debate.cite_as,))


def _words(text: str, limit: int) -> str:
    """Prose for a slide: whole sentences that fit, without the citation markers."""
    return strip_markers(lead(text, limit))


def build_slides(ds: Dataset) -> list[Slide]:
    """Title, one slide per position, a contested claim, side by side, the poll, then the sources."""
    slides = [_title(ds), *(_position(ds, pid) for pid in ds.position_ids)]
    dispute = _dispute(ds)
    if dispute:
        slides.append(dispute)
    slides += [
        _compare(ds),
        Slide("poll", ds.debate.poll_question, subtitle="Vote on your phone"),
        _sources(ds),
    ]
    footer = coverage_note(ds)
    return [replace(slide, footer=footer) for slide in slides]
