"""Overview: the question, the positions as cards, the headline figures, where to go next."""

import streamlit as st

from pages.common import dataset, derived, esc, position_badge_md
from policy.queries import counts, format_figure, key_figure, metric_parts

ds = dataset()
st.title(ds.debate.title)
st.markdown(esc(ds.debate.question))
st.markdown(esc(ds.debate.intro))

if ds.debate.headline_evidence:
    st.header("Headline figures")
    cols = st.columns(len(ds.debate.headline_evidence))
    for col, eid in zip(cols, ds.debate.headline_evidence, strict=True):
        item = ds.evidence_item(eid)
        with col:
            label, value, description = metric_parts(item)
            st.metric(label, value, border=True, help=item.claim)
            st.caption(esc(description))

st.header("The options")
columns = st.columns(2)
# Counting walks all the evidence: done once per content version, not on every visit.
tallies = derived("overview-counts", lambda: {p.id: (counts(ds, p), key_figure(ds, p)) for p in ds.positions})
for i, position in enumerate(ds.positions):
    c, figure = tallies[position.id]
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
        st.page_link(
            "pages/position.py",
            label="Read the case",
            icon=":material/arrow_forward:",
            query_params={"position": position.id},
        )

st.header("Where next")
nav = st.columns(4)
nav[0].page_link("pages/compare.py", label="Compare side by side", icon=":material/compare_arrows:")
nav[1].page_link("pages/evidence.py", label="Search the evidence", icon=":material/fact_check:")
nav[2].page_link("pages/contested.py", label="See what is contested", icon=":material/balance:")
nav[3].page_link("pages/memo.py", label="Build a briefing memo", icon=":material/description:")
