"""Compare: two to four positions side by side, one row per section (and per side within a section) so the
sections line up across the options; every text whole sentences, never cut mid-sentence; every list counted,
its first items shown and the rest one click away in the same column."""

from collections.abc import Callable, Sequence
from urllib.parse import urlencode

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from policy import Dataset
from policy.charts import balance_chart, balance_frame
from policy.models import Bearing, Evidence, Position, Stance
from policy.prose import lead, sentences
from policy.style import BEARING_ICONS, position_label
from ui import registry
from ui.blocks import Marks, esc, option, position_badge_md
from ui.charts import content_chart
from ui.context import view
from ui.links import evidence_url, link_md, person_url, position_md, position_url
from ui.urlstate import Choices, Param, UrlState

NONE = "*None in the sources.*"
FINDINGS_SHOWN = (
    2  # the heaviest findings on each side; the rest open in the column, all on the Evidence page
)
RISKS_SHOWN = 3  # the first risks; the rest open in the column
MECHANISM_CHARACTERS = 320  # whole sentences of "how it is meant to work"; the rest open in the column
FINDING_CHARACTERS = 260  # whole sentences of a finding (at least one), with a link to the whole item

ctx = view()
ds = ctx.dataset
marks = Marks(ds)
maximum = min(4, len(ds.position_ids))
state = UrlState(
    Param(
        "positions",
        "compare_positions",
        Choices(ds.position_ids, minimum=2, maximum=maximum),
        ds.position_ids[:maximum],
    )
).start()

st.title("Compare the options")
selected = st.multiselect(
    f"Positions to compare (2 to {maximum})",
    ds.position_ids,
    format_func=lambda p: option(position_label(ds, p)),
    max_selections=maximum,
    key="compare_positions",
)
state.sync()
ordered = tuple(p for p in ds.position_ids if p in selected)
if len(ordered) < 2:
    st.info("Choose at least two positions to compare.", icon=":material/info:")
    st.stop()


def plural(count: int, word: str, many: str = "") -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def evidence_link(position: Position, bearing: str, label: str) -> str:
    registry.page("evidence")
    return link_md(label, f"./evidence?{urlencode({'position': position.id, 'bearing': bearing})}")


def finding(item: Evidence) -> str:
    """A finding's first whole sentences (never cut inside one), with a link to the whole item when shortened."""
    kept = lead(item.claim, FINDING_CHARACTERS)
    whole = link_md("read it whole", evidence_url(item.id), "The whole finding with its quotes")
    return f"- {marks.md(kept)}" + (f" ({whole})" if kept != item.claim else "")


def rest_of(text: str, kept: str) -> str:
    """The sentences of text after the first ones that kept holds."""
    return " ".join(sentences(text)[len(sentences(kept)) :])


class Cell:
    """One option's part of a section: Markdown shown at once, and an optional rest drawn only when the reader
    opens it (an expander under the Markdown, in the same column)."""

    def __init__(self, md: str, more: str = "", rest: Callable[[], str] | None = None) -> None:
        self.md, self.more, self.rest = md, more, rest


def row(
    key: str, cell: Callable[[Position], Cell], positions: Sequence[Position], badge: bool = True
) -> None:
    """One section (or side) across the options, a column per option, so it starts level in every column; each
    cell opens with its option's badge (on a phone the columns stack, and the badge says whose cell it is)."""
    for col, position in zip(st.columns(len(positions), gap="medium"), positions, strict=True):
        made = cell(position)
        col.markdown((f"{position_badge_md(ds, position.id)}\n\n" if badge else "") + made.md)
        if made.rest is not None:
            box = col.expander(made.more, key=f"compare-{key}-{position.id}", on_change="rerun")
            if box.open:  # built when opened
                box.markdown(made.rest())


def what_it_is(position: Position) -> Cell:
    page = link_md("Its full case, on its page", position_url(position.id))
    return Cell(
        f"{position_badge_md(ds, position.id)}\n\n**{position_md(ds, position.id)}**\n\n"
        f"{marks.md(position.one_line)}\n\n{page}"
    )


def how_it_works(position: Position) -> Cell:
    kept = lead(position.mechanism, MECHANISM_CHARACTERS)
    rest = rest_of(position.mechanism, kept)
    if not rest:
        return Cell(marks.md(kept))
    more = plural(len(sentences(rest)), "more sentence")
    return Cell(marks.md(kept), f"Read the rest ({more})", lambda: marks.md(rest))


def names(stances: Sequence[Stance]) -> str:
    return ", ".join(link_md(ds.actor(s.actor).name, person_url(s.actor)) for s in stances) or NONE


def argue_md(ds: Dataset, position_id: str, side: str) -> str:
    """Every proponent or critic by name (each opening their person), the count whole. No hover text on the
    names: a title on each of some forty links costs the browser more to draw than the links
    (docs/performance.md)."""
    position = ds.position(position_id)
    stances = position.proponents if side == "for" else position.critics
    word = "proponent" if side == "for" else "critic"
    return f"**{plural(len(stances), word)}:** {names(stances)}"


def arguments(stances: Sequence[Stance]) -> str:
    return "\n".join(f"- **{esc(ds.actor(s.actor).name)}**: {marks.md(s.argument)}" for s in stances)


def who(side: str) -> Callable[[Position], Cell]:
    def cell(position: Position) -> Cell:
        stances = position.proponents if side == "for" else position.critics
        md = ctx.cached(argue_md, position.id, side)
        if not stances:
            return Cell(md)
        return Cell(md, f"Their arguments ({len(stances)})", lambda: arguments(stances))

    return cell


def evidence(bearing: Bearing) -> Callable[[Position], Cell]:
    word = "for" if bearing == "supports" else "against"

    def cell(position: Position) -> Cell:
        found = ds.findings_for(position.id, bearing)
        if not found:
            return Cell(f"**No findings {word}** in the sources.")
        shown = found[:FINDINGS_SHOWN]
        count = f"**{plural(len(found), 'finding')} {word}**"
        if len(found) > len(shown):
            count += f", the {len(shown)} heaviest first"
        all_link = evidence_link(position, bearing, f"All {len(found)} on the Evidence page, with filters")
        md = f"{count}\n\n" + "\n".join(finding(e) for e in shown) + f"\n\n{all_link}"
        rest = found[len(shown) :]
        if not rest:
            return Cell(md)
        label = f"Show the other {plural(len(rest), 'finding')} {word}"
        return Cell(md, label, lambda: "\n".join(finding(e) for e in rest))

    return cell


def risks(position: Position) -> Cell:
    if not position.risks:
        return Cell(NONE)
    shown = position.risks[:RISKS_SHOWN]
    count = f"**{plural(len(position.risks), 'risk')}**"
    if len(position.risks) > len(shown):
        count += f", the first {len(shown)} shown"
    md = f"{count}\n\n" + "\n".join(f"- {marks.md(r)}" for r in shown)
    rest = position.risks[len(shown) :]
    if not rest:
        return Cell(md)
    label = f"Show the other {plural(len(rest), 'risk')}"
    return Cell(md, label, lambda: "\n".join(f"- {marks.md(r)}" for r in rest))


positions = [ds.position(p) for p in ordered]
st.header("Side by side")
row("what", what_it_is, positions, badge=False)
Part = tuple[str, str, Callable[[Position], Cell]]
sections: list[tuple[str, list[Part]]] = [
    ("How it is meant to work", [("how", "", how_it_works)]),
    ("Who argues for and against", [("for", "For", who("for")), ("against", "Against", who("against"))]),
    (
        "Strongest evidence",
        [
            ("ev-for", f"{BEARING_ICONS['supports']} Evidence for", evidence("supports")),
            ("ev-against", f"{BEARING_ICONS['undercuts']} Evidence against", evidence("undercuts")),
        ],
    ),
    ("Risks and trade-offs", [("risks", "", risks)]),
]
# Two options read well one section under another; with more, each column is narrow and the sections go in
# tabs (only the open one is built), so the page stays a screen or two tall and each section still lines up.
places: list[tuple[DeltaGenerator, bool]]
if len(positions) > 2:
    tabs = st.tabs([label for label, _ in sections], key="compare_section", on_change="rerun")
    places = [(tab, tab.open is not False) for tab in tabs]
else:
    places = [(st.container(), True) for _ in sections]
for (place, is_open), (label, parts) in zip(places, sections, strict=True):
    if not is_open:
        continue
    with place:
        if len(positions) <= 2:
            st.markdown(f"### {label}")
        for key, sub, cell in parts:
            if sub:
                st.markdown(f"#### {esc(sub)}")
            row(key, cell, positions)

st.header("Evidence balance")
content_chart(ctx, balance_chart, ordered)
with st.expander("The same counts as a table"):
    # A table that scrolls sideways inside its box on a narrow screen, rather than run past the column.
    st.table(ctx.cached(balance_frame, ordered))
st.caption(
    "Counts of findings reported in the sources (items that report one finding count once), not a measure of"
    " how strong each case is."
)
