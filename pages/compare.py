"""Compare: two to four positions side by side, row by row, plus the evidence balance."""

import streamlit as st

from pages.common import (
    content_chart,
    dataset,
    derived,
    esc,
    position_badge_md,
    seed,
    set_url,
    show_notices,
    url_params,
)
from policy.charts import balance_chart, balance_markdown
from policy.params import Parsed, encode, many_of
from policy.queries import strongest
from policy.style import position_label
from policy.text import one_line

ds = dataset()
parsed = Parsed()
maximum = min(4, len(ds.position_ids))
chosen = many_of(url_params(), "positions", ds.position_ids, parsed, minimum=2, maximum=maximum)
show_notices(parsed)

st.title("Compare the options")
seed("compare_positions", chosen or ds.position_ids[:maximum])
selected = st.multiselect(
    f"Positions to compare (2 to {maximum})",
    ds.position_ids,
    format_func=lambda p: position_label(ds, p),
    max_selections=maximum,
    key="compare_positions",
)
ordered = [p for p in ds.position_ids if p in selected]
if len(ordered) < 2:
    st.info("Choose at least two positions to compare.", icon=":material/info:")
    set_url({"positions": encode(ordered)})
    st.stop()
set_url({"positions": encode(ordered) if ordered != ds.position_ids[:maximum] else None})

positions = [ds.position(p) for p in ordered]


def row(label: str) -> list:
    st.markdown(f"### {label}")
    return st.columns(len(positions), gap="medium")


st.header("Side by side")
cols = st.columns(len(positions), gap="medium")
for col, position in zip(cols, positions, strict=True):
    col.markdown(
        f"{position_badge_md(ds, position.id)}\n\n**{esc(position.title)}**\n\n{esc(position.one_line)}"
    )

for col, position in zip(row("How it is meant to work"), positions, strict=True):
    col.markdown(esc(one_line(position.mechanism, 400)))

for side, label in (("proponents", "Proponents"), ("critics", "Critics")):
    for col, position in zip(row(label), positions, strict=True):
        col.markdown(
            "\n\n".join(
                f"**{esc(ds.actor(stance.actor).name)}**: {esc(one_line(stance.argument, 180))}"
                for stance in strongest(getattr(position, side), 3)
            )
            or "*None in the sources.*"
        )

for bearing, label in (("supports", "Strongest evidence for"), ("undercuts", "Strongest evidence against")):
    for col, position in zip(row(label), positions, strict=True):
        items = ds.evidence_for(position.id, bearing)[:2]
        col.markdown(
            "\n".join(f"- {esc(one_line(item.claim, 200))}" for item in items) or "*None in the sources.*"
        )

for col, position in zip(row("Risks and trade-offs"), positions, strict=True):
    col.markdown(
        "\n".join(f"- {esc(one_line(risk, 200))}" for risk in position.risks[:3]) or "*None in the sources.*"
    )

st.header("Evidence balance")
content_chart("balance:" + ",".join(ordered), lambda: balance_chart(ds, ordered))
with st.expander("The same counts as a table"):
    st.markdown(derived("balance-table:" + ",".join(ordered), lambda: balance_markdown(ds, ordered)))
st.caption("Counts of evidence items captured from the sources, not a measure of how strong each case is.")
