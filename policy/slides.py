"""Slides for presenter mode, built from the content alone: a new position means a new slide.

Slides are read from the back of a room, so nothing on them is cut short: a point is a stance's or a claim's
`slide` form (a short cited sentence written for slides), else its first sentence when that is short enough,
else it is left off the slide. How many points a slide shows follows from how much room its columns have, and
every side of a slide shows the same number where it has them. The full texts go to the speaker notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from policy.dataset import Dataset
from policy.i18n import _, ngettext
from policy.models import Claim, Position, Stance
from policy.prose import sentences, strip_markers
from policy.queries import (
    claimant_name,
    counts,
    coverage_note,
    evidence_sources,
    format_figure,
    key_figure,
    source_label,
)
from policy.style import position_label

SlideKind = Literal["title", "position", "dispute", "compare", "poll", "statements", "sources"]

# The longest first sentence a slide takes as a point when the content gives no slide form (characters).
POINT_LIMIT = 140
# Characters of points one column holds at the smallest slide type, by the number of columns side by side.
COLUMN_ROOM = {1: 900, 2: 420, 3: 300, 4: 220}
# Body text sizes a slide may take (CSS px at 1280x720), largest first: the smallest is for the back of a room.
BODY_SIZES = (40, 38, 36, 34, 32, 30, 28)
# The slide's frame at 1280x720 (px): content width, height, and the gap between columns.
WIDTH, HEIGHT, GAP = 1200, 720, 64
# A column's heading wraps after about this many characters (three columns); each extra line takes the room of
# this many characters of points.
HEADING_LINE, HEADING_LINE_COST = 22, 35


@dataclass(frozen=True)
class Point:
    """One line on a slide: who (may be empty) and what; `opening` is the text's own opening words when they
    name who ("Park says"), so the line is drawn with those words in bold and no separate name."""

    who: str
    text: str
    opening: str = ""

    @property
    def size(self) -> int:
        """Characters on the slide: the text, and the name when it is drawn before it."""
        return len(self.text) + (0 if self.opening or not self.who else len(self.who) + 2)


Column = tuple[str, tuple[Point, ...]]


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
    columns: tuple[Column, ...] = ()  # labelled columns side by side: (label, points) each
    remark: str = ""  # one short line under the columns (where the sources are thin)
    body: int = BODY_SIZES[-1]  # body text size in CSS px: the largest of BODY_SIZES the slide fits at


def slide_text(form: str, prose: str) -> str:
    """A point's words for a slide, without markers: the slide form, else the prose's first sentence if it is
    short enough, else '' (the point is left off rather than cut)."""
    if form.strip():
        return " ".join(strip_markers(form).split())
    first = sentences(" ".join(prose.split()))
    text = strip_markers(first[0]) if first else ""
    return text if len(text) <= POINT_LIMIT else ""


_WORD = re.compile(r"[\w.\-]+", re.UNICODE)


# Words that may lead to a name in an opening that names who: "El informe de Sandoval", "Según Robinson".
_LEADS = frozenset({"de", "del", "según", "of"})


def _opening(who: str, text: str) -> str:
    """The text's opening words when they name who ("Ortiz", "Ben Ortiz's", "The town council" for "Town
    council", "El informe de Sandoval", "Según Robinson"), ending on the name's last word; else ''."""
    names = [w.lower().strip(".") for w in _WORD.findall(who)]
    if not names:
        return ""
    words = [
        (re.sub(r"(['’]s)?[,:;]*$", "", m.group()).lower().strip("."), m.end())
        for m in re.finditer(r"\S+", text)
    ]
    first = next((i for i, (word, _end) in enumerate(words[:5]) if word in names), None)
    if first is None:
        return ""
    lead = [word for word, _end in words[:first]]
    if lead and not (lead[0] in {"the", "a", "an"} and len(lead) == 1) and lead[-1] not in _LEADS:
        return ""
    end = 0
    for word, stop in words[first:]:
        if word not in names:
            break
        if word == names[-1]:
            end = stop
    return text[:end].rstrip(",:;") if end else ""


def _point(who: str, text: str) -> Point:
    return Point(who, text, _opening(who, text))


def stance_point(ds: Dataset, stance: Stance) -> Point | None:
    text = slide_text(stance.slide, stance.argument)
    return _point(ds.actor(stance.actor).name, text) if text else None


def claim_point(ds: Dataset, claim: Claim) -> Point | None:
    text = slide_text(claim.slide, claim.claim)
    return _point(claimant_name(ds, claim), text) if text else None


def fit(
    sides: Sequence[Sequence[Point]], most: int = 3, headings: Sequence[str] = ()
) -> tuple[tuple[Point, ...], ...]:
    """The first points of each side, the same number on every side that has them: as many as the columns'
    room takes (at least one). A column's heading that wraps takes the room of its extra lines."""
    room = COLUMN_ROOM.get(len(sides), COLUMN_ROOM[4])
    most = min([most, *(len(side) for side in sides if side)])
    rooms = [room - HEADING_LINE_COST * (-(-len(h) // HEADING_LINE) - 1) for h in headings] or [room] * len(
        sides
    )
    shown = 1
    for k in range(2, most + 1):
        if all(sum(p.size for p in side[:k]) <= r for side, r in zip(sides, rooms, strict=False)):
            shown = k
    return tuple(tuple(side[:shown]) for side in sides)


def _title(ds: Dataset) -> Slide:
    question = strip_markers(ds.debate.question)
    return Slide(
        "title",
        ds.debate.title,
        # The question itself (its last sentence) on the screen; its premise goes to the speaker notes.
        subtitle=sentences(question)[-1],
        left=tuple(Point(position_label(ds, p.id), p.title) for p in ds.positions),
        notes=(question, strip_markers(ds.debate.intro)),
    )


def _points(ds: Dataset, stances: list[Stance]) -> list[Point]:
    return [p for p in (stance_point(ds, s) for s in stances) if p]


def _position(ds: Dataset, pid: str) -> Slide:
    p = ds.position(pid)
    backers, critics = fit([_points(ds, p.proponents), _points(ds, p.critics)])
    figure = key_figure(ds, p)
    notes = [
        strip_markers(p.one_line),
        strip_markers(p.summary),
        *(_("Open question: {question}").format(question=strip_markers(q)) for q in p.open_questions),
    ]
    if p.coverage_note:
        notes.insert(0, p.coverage_note)
    thin = sentences(p.coverage_note)[0] if p.coverage_note else ""
    return Slide(
        "position",
        p.title,
        badge=position_label(ds, pid),
        left_heading=_("For"),
        left=backers or (Point("", _("No proponent in the sources.")),),
        right_heading=_("Against"),
        right=critics or (Point("", _("No critic in the sources.")),),
        figure=format_figure(figure) if figure else "",
        figure_caption="; ".join(evidence_sources(ds, figure)) if figure else "",
        notes=tuple(notes),
        remark=thin if len(thin) <= POINT_LIMIT else "",
    )


def _dispute(ds: Dataset) -> Slide | None:
    if not ds.disputes:
        return None
    d = ds.disputes[0]
    # Every answer is a labelled column (up to four), so no side of the question is left off the screen;
    # the more answers, the fewer claims each shows.
    shown = d.sides[:4]
    sides = [[p for p in (claim_point(ds, c) for c in d.claims_for(s.id)) if p] for s in shown]
    labels = [s.label for s in shown]
    columns = tuple(zip(labels, fit(sides, most=2, headings=labels), strict=True))
    others = [_("Also answered “{answer}”.").format(answer=s.label) for s in d.sides[4:]]
    full = [f"{s.label}: " + " ".join(strip_markers(c.claim) for c in d.claims_for(s.id)) for s in d.sides]
    return Slide(
        "dispute",
        _("Contested: {question}").format(question=d.question),
        columns=columns,
        notes=tuple([*others, *([strip_markers(d.note)] if d.note else []), *full]),
    )


def _names(ds: Dataset, stances: list[Stance], none: str) -> str:
    """'Ada Park and 4 more': the strongest by name, the rest counted."""
    if not stances:
        return none
    first = ds.actor(stances[0].actor).name
    more = len(stances) - 1
    return (
        first
        if not more
        else ngettext("{name} and {n} more", "{name} and {n} more", more).format(name=first, n=more)
    )


def _compare_column(ds: Dataset, p: Position) -> Column:
    c = counts(ds, p)
    return (
        position_label(ds, p.id),
        (
            Point(_("For ({n})").format(n=c.proponents), _names(ds, p.proponents, _("none in the sources"))),
            Point(_("Against ({n})").format(n=c.critics), _names(ds, p.critics, _("none in the sources"))),
            Point(
                _("Findings"),
                _("{supports} for, {undercuts} against").format(supports=c.supports, undercuts=c.undercuts),
            ),
        ),
    )


def _compare(ds: Dataset) -> Slide:
    notes = tuple(
        _("{option}: for, {backers}; against, {critics}.").format(
            option=position_label(ds, p.id),
            backers=", ".join(ds.actor(s.actor).name for s in p.proponents),
            critics=", ".join(ds.actor(s.actor).name for s in p.critics) or _("none"),
        )
        for p in ds.positions
    )
    return Slide(
        "compare",
        _("Side by side"),
        subtitle=_("Who backs each option, who opposes it, and the findings each way in the sources"),
        columns=tuple(_compare_column(ds, p) for p in ds.positions),
        notes=notes,
    )


def _sources(ds: Dataset) -> Slide:
    items = tuple(Point(source_label(ds, s.id), s.title) for s in ds.sources)
    return Slide("sources", _("Sources"), left=items, notes=(ds.debate.cite_as,))


def _em(word: str) -> float:
    """A word's width in em, roughly as Source Sans draws it (narrow i, l and punctuation; wide m, w and
    capitals)."""
    width = 0.0
    for c in word:
        if c in "ijl.,:;'!|":
            width += 0.25
        elif c in "rtf":
            width += 0.34
        elif c in "mwMW":
            width += 0.8
        else:
            width += 0.6 if c.isupper() else 0.5
    return width


def _lines(text: str, px: float, width: float, bold: bool = False) -> int:
    """Lines a text wraps to at a font size in a width, word by word."""
    scale = px * (1.07 if bold else 0.97)  # bold errs wide: a slide too full is worse than one too empty
    lines, used = 1, 0.0
    for word in text.split():
        w = _em(word) * scale
        if used and used + 0.22 * scale + w > width:
            lines, used = lines + 1, w
        else:
            used += w + (0.22 * scale if used else 0)
    return lines


def height(slide: Slide, body: int) -> float:
    """Estimated height of a drawn slide (px) at a body size: the sizes, paddings and gaps of ui/slides.py."""
    line = 1.3 * body
    h = 44.0  # paddings, the coverage line (two lines of 21 px) and its gap, measured in Chromium
    if slide.badge:
        h += line + 16
    h += _lines(slide.title, 1.77 * body, WIDTH, bold=True) * 1.1 * 1.77 * body + 5 + 16
    if slide.subtitle:
        h += _lines(slide.subtitle, body, WIDTH, bold=True) * line + 16  # bold text
    groups = list(slide.columns) or [(slide.left_heading, slide.left), (slide.right_heading, slide.right)]
    groups = [g for g in groups if g[0] or g[1]]
    if groups:
        width = (WIDTH - (len(groups) - 1) * GAP) / len(groups) - (0 if slide.kind == "compare" else 41)
        tallest = 0.0
        for heading, items in groups:
            col = _lines(heading, 1.29 * body, width, bold=True) * 1.15 * 1.29 * body + 5 if heading else 0
            for p in items:
                if slide.kind == "compare":  # name and text on lines of their own
                    col += (_lines(p.who, body, width) + _lines(p.text, body, width)) * line + 16
                else:
                    col += _lines(p.text if p.opening else f"{p.who}: {p.text}", body, width) * line + 9
            tallest = max(tallest, col)
        h += tallest + 16
    figure = _("Key figure: {figure}").format(figure=slide.figure) + f" — {slide.figure_caption}"
    for extra in (slide.remark, slide.figure and figure):
        if extra:
            h += _lines(extra, body, WIDTH) * line + 16
    return h


SPARE = 40  # px below a slide's estimated height: the estimate is within a few px, and the page keeps padding


def sized(slide: Slide) -> Slide:
    """The slide at the largest body size at which it fits the screen, with room to spare."""
    body = next((b for b in BODY_SIZES if height(slide, b) <= HEIGHT - SPARE), BODY_SIZES[-1])
    return replace(slide, body=body)


def slide_texts(slide: Slide) -> list[str]:
    """Every text a slide shows (not its notes): for checks that nothing on a slide is cut."""
    points = [*slide.left, *slide.right, *(p for _label, ps in slide.columns for p in ps)]
    return [
        t
        for t in (
            slide.title,
            slide.subtitle,
            slide.badge,
            slide.left_heading,
            slide.right_heading,
            slide.figure,
            slide.figure_caption,
            slide.remark,
            slide.footer,
            *(label for label, _points in slide.columns),
            *(p.who for p in points),
            *(p.text for p in points),
        )
        if t
    ]


def build_slides(ds: Dataset) -> list[Slide]:
    """Title, one slide per position, a contested claim, side by side, the poll, the statement round (its
    screen is drawn live), then the sources."""
    slides = [_title(ds), *(_position(ds, pid) for pid in ds.position_ids)]
    dispute = _dispute(ds)
    if dispute:
        slides.append(dispute)
    slides += [
        _compare(ds),
        Slide(
            "poll",
            ds.debate.poll_question,
            subtitle=_("Vote on your phone"),
            notes=(_("The room votes on its phones: open the poll from the controls, reveal when ready."),),
        ),
        Slide(
            "statements",
            _("Agree or disagree?"),
            subtitle=_("Answer on your phone"),
            notes=(
                _(
                    "The statement round: phones answer agree, disagree or pass to statements from the content, "
                    "one at a time. Open it from the controls; reveal to show what the room agrees on and what "
                    "divides it."
                ),
            ),
        ),
        _sources(ds),
    ]
    footer = coverage_note(ds)
    return [sized(replace(slide, footer=footer)) for slide in slides]
