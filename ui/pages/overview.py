"""Overview: the question, the positions as cards, the headline figures, where to go next."""

import streamlit as st

from policy import Dataset
from policy.models import Evidence
from policy.queries import PositionCounts, counts, format_figure, key_figure, metric_parts
from ui.blocks import esc, page_link, position_badge_md
from ui.context import view


def tallies(ds: Dataset) -> dict[str, tuple[PositionCounts, Evidence | None]]:
    """Each position's counts and key figure: counting walks all the evidence, so it is cached."""
    return {p.id: (counts(ds, p), key_figure(ds, p)) for p in ds.positions}


ctx = view()
ds = ctx.dataset
st.title(esc(ds.debate.title))
st.markdown(esc(ds.debate.question))
st.markdown(esc(ds.debate.intro))

if ds.debate.headline_evidence:
    st.header("Headline figures")
    cols = st.columns(len(ds.debate.headline_evidence))
    for col, eid in zip(cols, ds.debate.headline_evidence, strict=True):
        item = ds.evidence_item(eid)
        with col:
            label, value, description = metric_parts(item)
            st.metric(esc(label), esc(value), border=True, help=esc(item.claim))
            st.caption(esc(description))

st.header("The options")
columns = st.columns(2)
counted = ctx.cached(tallies)
for i, position in enumerate(ds.positions):
    c, figure = counted[position.id]
    with columns[i % 2].container(border=True):
        card = (
            f"{position_badge_md(ds, position.id)}\n\n### {esc(position.title)}\n\n{esc(position.one_line)}"
        )
        if figure is not None:
            card += f"\n\n**{esc(format_figure(figure))}** — {esc(figure.claim)}"
        st.markdown(card)
        st.caption(
            f"{c.proponents} proponents · {c.critics} critics · {c.evidence} evidence items "
            f"({c.supports} for, {c.undercuts} against)"
        )
        page_link("position", "Read the case", ":material/arrow_forward:", {"position": position.id})

st.header("Where next")
nav = st.columns(4)
for col, (where, label, icon) in zip(
    nav,
    [
        ("compare", "Compare side by side", ":material/compare_arrows:"),
        ("evidence", "Search the evidence", ":material/fact_check:"),
        ("contested", "See what is contested", ":material/balance:"),
        ("memo", "Build a briefing memo", ":material/description:"),
    ],
    strict=True,
):
    with col:
        page_link(where, label, icon)
