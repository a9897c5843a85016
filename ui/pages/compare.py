"""Compare: two to four positions side by side, one row per section so the sections line up across the options,
every list whole or saying how much of it is shown and where the rest is, plus the evidence balance."""

from collections.abc import Callable, Sequence
from urllib.parse import urlencode

import streamlit as st

from policy import Dataset
from policy.charts import balance_chart, balance_frame
from policy.models import Bearing, Position, Stance
from policy.prose import MARKER, lead, strip_markers
from policy.style import position_label
from policy.text import one_line
from ui import registry
from ui.blocks import Marks, esc, option, position_badge_md
from ui.charts import content_chart
from ui.context import view
from ui.links import evidence_url, link_md, person_url, position_md, position_url
from ui.urlstate import Choices, Param, UrlState

NONE = "*None in the sources.*"
FINDINGS_SHOWN = 1  # the heaviest finding on each side; the Evidence page lists them all
RISKS_SHOWN = 2  # the first risks; the Position page lists them all
MECHANISM_CHARACTERS = 320  # whole sentences of "how it is meant to work"; the Position page has the rest
SHORT = 170  # whole sentences of a finding or a risk, with a link to the rest when there is more

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


def evidence_link(position: Position, bearing: str, label: str) -> str:
    registry.page("evidence")
    return link_md(label, f"./evidence?{urlencode({'position': position.id, 'bearing': bearing})}")


def short(text: str, more: str) -> str:
    """Cited prose cut to whole sentences (or, for one long sentence, to whole words with an ellipsis), with a
    link to where it is whole whenever it was cut."""
    kept = lead(text, SHORT)
    if kept != text:
        return marks.md(kept) + " " + link_md("(more)", more, "Read it whole")
    if len(strip_markers(text)) > SHORT * 1.3:
        # The sentence's citation marks stay with what is shown of it.
        cites = "".join(f" [{q}]" for q in dict.fromkeys(MARKER.findall(text)))
        return (
            marks.md(one_line(strip_markers(text), SHORT) + cites)
            + " "
            + link_md("(more)", more, "Read it whole")
        )
    return marks.md(text)


def shown_of(shown: int, total: int) -> str:
    """'(7)' when the list is whole, '(2 of 7 shown)' when it is not."""
    return f"({total})" if shown >= total else f"({shown} of {total} shown)"


def what_it_is(position: Position) -> str:
    return (
        f"{position_badge_md(ds, position.id)}\n\n**{position_md(ds, position.id)}**\n\n"
        f"{marks.md(position.one_line)}"
    )


def how_it_works(position: Position) -> str:
    text = lead(position.mechanism, MECHANISM_CHARACTERS)
    more = (
        ""
        if text == position.mechanism
        else f"\n\n{link_md('Read the rest on its page', position_url(position.id))}"
    )
    return marks.md(text) + more


def argue_md(ds: Dataset, position_id: str) -> str:
    """Every proponent and critic by name (each opening their person), counts whole. No hover text on the names:
    a title on each of some forty links costs the browser more to draw than the links (docs/performance.md)."""
    position = ds.position(position_id)

    def names(stances: Sequence[Stance]) -> str:
        return ", ".join(link_md(ds.actor(s.actor).name, person_url(s.actor)) for s in stances) or NONE

    return (
        f"**For ({len(position.proponents)}):** {names(position.proponents)}\n\n"
        f"**Against ({len(position.critics)}):** {names(position.critics)}"
    )


def who_argues(position: Position) -> str:
    return ctx.cached(argue_md, position.id)


def arguments(position: Position) -> str:
    """Each side's arguments in full, in neutral words, strongest first."""
    parts = []
    for heading, stances in (("For", position.proponents), ("Against", position.critics)):
        items = "\n".join(f"- **{esc(ds.actor(s.actor).name)}**: {marks.md(s.argument)}" for s in stances)
        parts.append(f"**{heading} ({len(stances)})**\n\n{items or NONE}")
    return "\n\n".join(parts)


def evidence(position: Position) -> str:
    parts = []
    sides: tuple[tuple[Bearing, str], ...] = (("supports", "For"), ("undercuts", "Against"))
    for bearing, heading in sides:
        found = ds.findings_for(position.id, bearing)
        shown = found[:FINDINGS_SHOWN]
        parts.append(f"**{heading} {shown_of(len(shown), len(found))}**")
        parts.append("\n".join(f"- {short(e.claim, evidence_url(e.id))}" for e in shown) or NONE)
        if len(found) > len(shown):
            parts.append(evidence_link(position, bearing, f"All {len(found)} on the Evidence page"))
    return "\n\n".join(parts)


def risks(position: Position) -> str:
    shown = position.risks[:RISKS_SHOWN]
    text = "\n".join(f"- {short(r, position_url(position.id))}" for r in shown) or NONE
    if len(position.risks) > len(shown):
        text += "\n\n" + link_md(f"All {len(position.risks)} on its page", position_url(position.id))
    count = (
        f"The first {len(shown)} of {len(position.risks)}"
        if len(shown) < len(position.risks)
        else "All of them"
    )
    return f"**{count}**\n\n{text}" if position.risks else text


def row(cell: Callable[[Position], str], positions: list[Position], badge: bool = True) -> None:
    """One section across the options, a column per option, so the section starts level in every column; each
    cell opens with its option's badge (on a phone the columns stack, and the badge says whose cell it is)."""
    for col, position in zip(st.columns(len(positions), gap="medium"), positions, strict=True):
        col.markdown((f"{position_badge_md(ds, position.id)}\n\n" if badge else "") + cell(position))


positions = [ds.position(p) for p in ordered]
st.header("Side by side")
row(what_it_is, positions, badge=False)
sections: list[tuple[str, Callable[[Position], str]]] = [
    ("How it is meant to work", how_it_works),
    ("Who argues for and against", who_argues),
    ("Strongest evidence", evidence),
    ("Risks and trade-offs", risks),
]
# Two options read well one section under another; with more, each column is narrow and the sections go in
# tabs, so the page stays a screen or two tall and each section still lines up across the options.
places = (
    st.tabs([label for label, _ in sections]) if len(positions) > 2 else [st.container() for _ in sections]
)
for place, (label, cell) in zip(places, sections, strict=True):
    with place:
        if len(positions) <= 2:
            st.markdown(f"### {label}")
        row(cell, positions)
        if cell is who_argues:
            said = st.expander("Their arguments, in full", key="compare-arguments", on_change="rerun")
            if said.open:  # built when opened
                with said:
                    row(arguments, positions)

st.header("Evidence balance")
content_chart(ctx, balance_chart, ordered)
with st.expander("The same counts as a table"):
    # A table that scrolls sideways inside its box on a narrow screen, rather than run past the column.
    st.table(ctx.cached(balance_frame, ordered))
st.caption(
    "Counts of findings reported in the sources (items that report one finding count once), not a measure of"
    " how strong each case is."
)
