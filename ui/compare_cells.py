"""Compare's cells: what each option says in each section (what it is, how it is meant to work, who argues for
and against, the strongest evidence each way, its risks). Every text whole sentences, never cut mid-sentence;
every list counted, its first items shown and the rest one click away (``Cell.rest``, drawn closed under them).
ui.compare_parts lays the cells out side by side."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from policy import Dataset
from policy.i18n import N_, _, ngettext
from policy.models import Bearing, Evidence, Position, Stance
from policy.prose import lead, sentences
from policy.style import BEARING_ICONS
from ui.blocks import Marks, esc, position_badge_md
from ui.context import ViewContext
from ui.links import evidence_url, link_md, page_url, person_url, position_md, position_url

__all__ = ["SECTIONS", "Cell", "CellOf", "Row", "Sections", "argue_md"]

SECTIONS = ("how", "who", "evidence", "risks")  # the sections, as Compare's ?section= names them
NONE = N_("None in the sources.")  # in italics
FINDINGS_SHOWN = 2  # the heaviest findings each side; the rest open in the column, all on Evidence
RISKS_SHOWN = 3  # the first risks; the rest open in the column
MECHANISM_CHARACTERS = 320  # whole sentences of "how it is meant to work"; the rest open in the column
FINDING_CHARACTERS = 260  # whole sentences of a finding (at least one), with a link to the whole item


def rest_of(text: str, kept: str) -> str:
    """The sentences of text after the first ones that kept holds."""
    return " ".join(sentences(text)[len(sentences(kept)) :])


def evidence_link(position: Position, bearing: str, label: str) -> str:
    return link_md(
        label, page_url("evidence", position=position.id, bearing=bearing)
    )  # in the reader's language


def names(ds: Dataset, stances: Sequence[Stance]) -> str:
    return ", ".join(link_md(ds.actor(s.actor).name, person_url(s.actor)) for s in stances) or f"*{_(NONE)}*"


def argue_md(ds: Dataset, position_id: str, side: str) -> str:
    """Every proponent or critic by name (each opening their person), the count whole. No hover text on the
    names: a title on each of some forty links costs the browser more to draw than the links
    (docs/performance.md)."""
    position = ds.position(position_id)
    stances = position.proponents if side == "for" else position.critics
    n = len(stances)
    who = (
        ngettext("{n} proponent", "{n} proponents", n)
        if side == "for"
        else ngettext("{n} critic", "{n} critics", n)
    )
    return f"**{who.format(n=n)}:** {names(ds, stances)}"


class Cell:
    """One option's part of a section: Markdown shown at once, and an optional rest the reader opens (drawn
    closed under the Markdown, in the same column: ui.compare_parts.row)."""

    def __init__(self, md: str, more: str = "", rest: Callable[[], str] | None = None) -> None:
        self.md, self.more, self.rest = md, more, rest


CellOf = Callable[[Position], Cell]  # an option's cell in one row
Row = tuple[str, str, CellOf]  # the row's expander key, its side heading (or ""), and its cells


class Sections:
    """The cells of each section for one page run: its context, and the page's citation marks (numbered in
    order of first use on the page)."""

    def __init__(self, ctx: ViewContext) -> None:
        self.ctx, self.ds, self.marks = ctx, ctx.dataset, Marks(ctx.dataset)

    def finding(self, item: Evidence) -> str:
        """A finding's first whole sentences (never cut inside one), with a link to the whole item if shortened."""
        kept = lead(item.claim, FINDING_CHARACTERS)
        whole = link_md(_("read it whole"), evidence_url(item.id), _("The whole finding with its quotes"))
        return f"- {self.marks.md(kept)}" + (f" ({whole})" if kept != item.claim else "")

    def what_it_is(self, position: Position) -> Cell:
        page = link_md(_("Its full case, on its page"), position_url(position.id))
        return Cell(
            f"{position_badge_md(self.ds, position.id)}\n\n**{position_md(self.ds, position.id)}**\n\n"
            f"{self.marks.md(position.one_line)}\n\n{page}"
        )

    def how_it_works(self, position: Position) -> Cell:
        kept = lead(position.mechanism, MECHANISM_CHARACTERS)
        rest = rest_of(position.mechanism, kept)
        if not rest:
            return Cell(self.marks.md(kept))
        n = len(sentences(rest))
        more = ngettext("Read the rest ({n} more sentence)", "Read the rest ({n} more sentences)", n).format(
            n=n
        )
        return Cell(self.marks.md(kept), more, lambda: self.marks.md(rest))

    def arguments(self, stances: Sequence[Stance]) -> str:
        return "\n".join(
            f"- **{esc(self.ds.actor(s.actor).name)}**: {self.marks.md(s.argument)}" for s in stances
        )

    def who(self, side: str) -> CellOf:
        def cell(position: Position) -> Cell:
            stances = position.proponents if side == "for" else position.critics
            md = self.ctx.cached(argue_md, position.id, side)
            if not stances:
                return Cell(md)
            more = _("Their arguments ({n})").format(n=len(stances))
            return Cell(md, more, lambda: self.arguments(stances))

        return cell

    def evidence(self, bearing: Bearing) -> CellOf:
        supports = bearing == "supports"

        def cell(position: Position) -> Cell:
            found = self.ds.findings_for(position.id, bearing)
            if not found:
                return Cell(
                    _("**No findings for** in the sources.")
                    if supports
                    else _("**No findings against** in the sources.")
                )
            shown, n = found[:FINDINGS_SHOWN], len(found)
            words = (
                ngettext("{n} finding for", "{n} findings for", n)
                if supports
                else ngettext("{n} finding against", "{n} findings against", n)
            )
            count = f"**{words.format(n=n)}**"
            if n > len(shown):
                count = _("{count}, the {n} heaviest first").format(count=count, n=len(shown))
            all_link = evidence_link(
                position, bearing, _("All {n} on the Evidence page, with filters").format(n=n)
            )
            md = f"{count}\n\n" + "\n".join(self.finding(e) for e in shown) + f"\n\n{all_link}"
            rest = found[len(shown) :]
            if not rest:
                return Cell(md)
            if supports:
                label = ngettext("Show {n} more finding for it", "Show {n} more findings for it", len(rest))
            else:
                label = ngettext(
                    "Show {n} more finding against it", "Show {n} more findings against it", len(rest)
                )
            return Cell(md, label.format(n=len(rest)), lambda: "\n".join(self.finding(e) for e in rest))

        return cell

    def risks(self, position: Position) -> Cell:
        if not position.risks:
            return Cell(f"*{_(NONE)}*")
        shown, n = position.risks[:RISKS_SHOWN], len(position.risks)
        count = "**" + ngettext("{n} risk", "{n} risks", n).format(n=n) + "**"
        if n > len(shown):
            count = _("{count}, the first {n} shown").format(count=count, n=len(shown))
        md = f"{count}\n\n" + "\n".join(f"- {self.marks.md(r)}" for r in shown)
        rest = position.risks[len(shown) :]
        if not rest:
            return Cell(md)
        label = ngettext("Show {n} more risk", "Show {n} more risks", len(rest)).format(n=len(rest))
        return Cell(md, label, lambda: "\n".join(f"- {self.marks.md(r)}" for r in rest))

    def sections(self) -> list[tuple[str, str, list[Row]]]:
        """Each section's name (SECTIONS), title and rows."""
        evidence_for = f"{BEARING_ICONS['supports']} " + _("Evidence for")
        against = f"{BEARING_ICONS['undercuts']} " + _("Evidence against")
        return [
            ("how", _("How it is meant to work"), [("how", "", self.how_it_works)]),
            (
                "who",
                _("Who argues for and against"),
                [("for", _("For"), self.who("for")), ("against", _("Against"), self.who("against"))],
            ),
            (
                "evidence",
                _("Strongest evidence"),
                [
                    ("ev-for", evidence_for, self.evidence("supports")),
                    ("ev-against", against, self.evidence("undercuts")),
                ],
            ),
            ("risks", _("Risks and trade-offs"), [("risks", "", self.risks)]),
        ]
