"""The memo as pandoc Markdown with citations: the one document every format is converted from.

Every string from the content or the reader passes through `_lit`, which makes it literal text; only the
structure written here (headings, lists, the table, citations) is markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from policy.citations import NOTE_STYLES, REFERENCES_TITLE, Cite, Style, cite_marks
from policy.i18n import N_, _, ngettext
from policy.memo.model import Contested, Memo, Option, Point, Prose, Row
from policy.pandoc import md_literal

# The at-a-glance table's headers (translated where written) and relative column widths (pandoc reads them
# from the dashes): the brief's, set a size smaller on a wider page, give the evidence the most room; the full
# memo's give the option's title and the names enough width not to wrap word by word.
_COLUMNS = (N_("Option"), N_("What it is"), N_("Backed by"), N_("Opposed by"), N_("Strongest evidence"))
_WIDTHS = {"brief": (14, 26, 13, 13, 34), "full": (18, 24, 14, 14, 30)}


def to_source(memo: Memo, level: int = 1) -> str:
    """Pandoc Markdown of the memo; its sections' headings start at `level`."""
    return _Writer(memo.style, "#" * level).document(memo)


_OPENS = re.compile(r'(^|[\s(\[{\u2014\u2013/-])"')
_OPENS_SINGLE = re.compile(r"(^|[\s(\[{\u2014\u2013/\u201c-])'")


def _curly(text: str) -> str:
    """Typographic quotes for straight ones, so a memo never mixes the two."""
    text = _OPENS.sub("\\1\u201c", text).replace('"', "\u201d")
    return _OPENS_SINGLE.sub("\\1\u2018", text).replace("'", "\u2019")


def _lit(text: str) -> str:
    """Literal text, keeping one space at either end (a run of words may go on after a citation). Our own
    words go through it too: a translation is text, never markup."""
    words = md_literal(_curly(text))
    lead = " " if text[:1].isspace() else ""
    return lead + words + (" " if words and text[-1:].isspace() else "")


def _section(heading: str, paragraphs: Sequence[str]) -> list[str]:
    return [heading, *(_lit(p) for p in paragraphs)] if paragraphs else []


def _bold(words: str) -> str:
    return f"**{_lit(words)}**"


def _em(words: str) -> str:
    return f"*{_lit(words)}*"


class _Writer:
    """Writes the memo's parts; each quoted speaker is credited the way the style does ('as cited in')."""

    def __init__(self, style: Style, h: str) -> None:
        self.style, self.h = style, h

    def heading(self, words: str, sub: bool = False) -> str:
        """A section's heading (an option's or a dispute's part one level down)."""
        return f"{self.h}{'#' if sub else ''} {_lit(words)}"

    def document(self, memo: Memo) -> str:
        """The whole memo, bottom line first."""
        out: list[str] = []
        if memo.header:
            out.append(" \\\n".join(f"**{_lit(k)}:** {_lit(v)}" for k, v in memo.header))
        if memo.coverage:
            out.append(f"*{_lit(memo.coverage)}*")
        out += _section(self.heading(_("Purpose")), memo.purpose)
        if memo.summary:
            out += [self.heading(_("Summary")), self.prose(memo.summary[0])]
            if memo.summary_points:
                out.append(self.points(memo.summary_points))
            out += [self.prose(p) for p in memo.summary[1:]]
        # The reader's recommendation is the memo's bottom line: right after the summary, before the detail.
        out += _section(self.heading(_("Recommendation")), memo.recommendation)
        if memo.table:
            out += [self.heading(_("The options at a glance")), self.table(memo.table, _WIDTHS[memo.length])]
        if memo.background or memo.facts:
            background = self.heading(_("Background"))
            out += _section(background, memo.background) or [background]
            if memo.facts:
                out += [_lit(_("The figures these options start from:")), self.points(memo.facts)]
        for option in memo.options:
            out += self.option(option)
        if memo.contested:
            out.append(self.heading(_("Contested facts")))
            out += [line for c in memo.contested for line in self.contested(c)]
            if memo.also_contested:
                out += [
                    _em(_("Also contested in the sources:")),
                    "\n".join(f"- {_lit(q)}" for q in memo.also_contested),
                ]
        if memo.references and not (memo.brief and memo.style in NOTE_STYLES):
            out += [self.heading(_(REFERENCES_TITLE[memo.style])), "::: {#refs}\n:::"]
        return "\n\n".join(x for x in out if x) + "\n"

    def marks(self, cites: Iterable[Cite]) -> str:
        return cite_marks(cites, self.style)

    def prose(self, prose: Prose) -> str:
        # A run with no words adds its citations to the run before: two bracketed citations side by side
        # ("[@a][@b]") would read to pandoc as a reference link, not as two citations.
        merged: list[tuple[str, list[Cite]]] = []
        for run in prose:
            if merged and not run.text.strip():
                merged[-1][1].extend(run.cites)
                if run.text:
                    merged.append((run.text, []))
            else:
                merged.append((run.text, list(run.cites)))
        parts = []
        for text, cites in merged:
            marks = self.marks(cites)
            parts.append(_lit(text) + (" " + marks if marks and text.strip() else marks))
        return "".join(parts).strip()

    def point(self, point: Point) -> str:
        who = ""
        if point.who:
            who = f"**{_lit(point.who)}**" + (f" ({_lit(point.role)})" if point.role else "") + ": "
        text = who + self.prose(point.text)
        if point.quote:
            stop = "" if point.quote.text.rstrip()[-1:] in ".?!" else "."
            quoted = f"\u201c{_lit(point.quote.text)}\u201d {self.marks([point.quote.cite])}{stop}"
            said = _lit(_("In their words:")) if point.who else _lit(_("As reported:"))
            text = f"{text} {said} {quoted}"
        return text

    def points(self, points: Iterable[Point]) -> str:
        return "\n".join(f"- {self.point(p)}" for p in points)

    def table(self, rows: Sequence[Row], widths: Sequence[int] = _WIDTHS["full"]) -> str:
        def cells(row: Row) -> list[str]:
            best = " ".join(
                (
                    # Translators: the strongest evidence for and against an option, in one cell of the table.
                    _bold(_("For:")),
                    self.prose(row.best_for),
                    _bold(_("Against:")),
                    self.prose(row.best_against),
                )
            )
            return [
                f"**{_lit(row.title)}**",
                self.prose(row.what),
                _lit(row.backers),
                _lit(row.opponents),
                best,
            ]

        lines = ["| " + " | ".join(_lit(_(name)) for name in _COLUMNS) + " |"]
        lines.append("|" + "|".join(":" + "-" * width for width in widths) + "|")
        lines += ["| " + " | ".join(cells(row)) + " |" for row in rows]
        return "\n".join(lines)

    def option(self, option: Option) -> list[str]:
        out = [f"{self.h} {_lit(option.title)}", self.prose(option.summary)]
        if option.mechanism:
            out.append(_bold(_("How it would work.")) + " " + self.prose(option.mechanism))
        for heading, points in (
            (_("The case for"), option.case_for),
            (_("The case against"), option.case_against),
            (_("Evidence for"), option.evidence_for),
            (_("Evidence against"), option.evidence_against),
        ):
            if points:
                out += [self.heading(heading, sub=True), self.points(points)]
        if option.risks:
            risks = "\n".join(f"- {self.prose(r)}" for r in option.risks)
            out += [self.heading(_("Risks"), sub=True), risks]
            if option.more_risks:
                n = option.more_risks
                more = ngettext(
                    "The sources raise {n} further risk, not listed here.",
                    "The sources raise {n} further risks, not listed here.",
                    n,
                )
                out.append(_lit(more.format(n=n)))
        return out

    def contested(self, contested: Contested) -> list[str]:
        out = [f"{self.h}# {_lit(contested.question)}"]
        lines = []
        for side in contested.sides:
            for claim in side.claims:
                more = ""
                if side.more:
                    held = ngettext(
                        "(The sources hold {n} more claim on this side.)",
                        "(The sources hold {n} more claims on this side.)",
                        side.more,
                    )
                    more = " " + _lit(held.format(n=side.more))
                lines.append(f"- **{_lit(side.label)}** — {self.point(claim)}{more}")
        out.append("\n".join(lines))
        if contested.note:
            out.append(_em(_("Why they may differ:")) + " " + self.prose(contested.note))
        return out
