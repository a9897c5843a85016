"""Compare: two to four positions side by side, row by row, plus the evidence balance."""

import streamlit as st

from policy.charts import balance_chart, balance_markdown
from policy.models import Position
from policy.prose import lead
from policy.queries import strongest
from policy.style import position_label
from ui.blocks import Marks, esc, option, position_badge_md
from ui.charts import content_chart
from ui.context import view
from ui.urlstate import Choices, Param, UrlState

NONE = "*None in the sources.*"
STANCES_SHOWN = 3  # the strongest on each side; the Position page has them all

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


def stances_md(position: Position, side: str) -> str:
    stances = strongest(getattr(position, side), STANCES_SHOWN)
    return (
        "\n\n".join(f"**{esc(ds.actor(s.actor).name)}**: {marks.md(lead(s.argument, 180))}" for s in stances)
        or NONE
    )


def bullets_md(texts: list[str]) -> str:
    """Cited prose, whole sentences up to about 200 characters each."""
    return "\n".join(f"- {marks.md(lead(text, 200))}" for text in texts) or NONE


def what_it_is(position: Position) -> str:
    return (
        f"{position_badge_md(ds, position.id)}\n\n**{esc(position.title)}**\n\n{marks.md(position.one_line)}\n\n"
        f"**How it is meant to work.** {marks.md(lead(position.mechanism, 250))}"
    )


def who_argues(position: Position) -> str:
    return f"**Proponents**\n\n{stances_md(position, 'proponents')}\n\n**Critics**\n\n{stances_md(position, 'critics')}"


def evidence_and_risks(position: Position) -> str:
    return "\n\n".join([
        "**Strongest evidence for**", bullets_md([e.claim for e in ds.findings_for(position.id, "supports")[:2]]),
        "**Strongest evidence against**", bullets_md([e.claim for e in ds.findings_for(position.id, "undercuts")[:2]]),
        "**Risks and trade-offs**", bullets_md(position.risks[:2]),
    ])  # fmt: skip


# Three rows, each one Markdown block per position: the rows line up across the columns (see ui.blocks).
positions = [ds.position(p) for p in ordered]
st.header("Side by side")
for label, cell in (
    (None, what_it_is),
    ("Who argues for and against", who_argues),
    ("Evidence and risks", evidence_and_risks),
):
    if label:
        st.markdown(f"### {label}")
    for col, position in zip(st.columns(len(positions), gap="medium"), positions, strict=True):
        col.markdown(cell(position))

st.header("Evidence balance")
content_chart(ctx, balance_chart, ordered)
with st.expander("The same counts as a table"):
    st.markdown(ctx.cached(balance_markdown, ordered))
st.caption(
    "Counts of findings reported in the sources (items that report one finding count once), not a measure of"
    " how strong each case is."
)
