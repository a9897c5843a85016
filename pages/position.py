"""Position: one option in depth, chosen by a selector or ?position=<id>."""

import streamlit as st

from pages.common import (
    bullet_list,
    dataset,
    esc,
    evidence_block,
    paginate,
    position_badge,
    seed,
    set_url,
    show_notices,
    stance_block,
    url_params,
)
from policy.params import Parsed, one_of
from policy.style import position_label

STANCES_PER_PAGE = 10  # per side; the real content has at most 8
EVIDENCE_PER_PAGE = 10  # per tab

ds = dataset()
parsed = Parsed()
chosen = one_of(url_params(), "position", ds.position_ids, parsed)
show_notices(parsed)

seed("position_select", chosen or ds.position_ids[0])
pid = st.selectbox(
    "Position", ds.position_ids, format_func=lambda p: position_label(ds, p), key="position_select"
)
set_url({"position": pid})
position = ds.position(pid)

position_badge(ds, pid)
st.title(position.title)
st.markdown(f"**{esc(position.one_line)}**")
st.markdown(esc(position.summary))
if position.coverage_note:
    st.warning(esc(position.coverage_note), icon=":material/info:")

st.header("How it is meant to work")
st.markdown(esc(position.mechanism))

left, right = st.columns(2, gap="large")
with left:
    st.header(f"Proponents ({len(position.proponents)})")
    start, end = paginate(len(position.proponents), "position_pro_page", size=STANCES_PER_PAGE)
    for i, stance in enumerate(position.proponents[start:end], start=start):
        with st.container(border=True):
            stance_block(ds, stance, key=f"pro-{i}")
with right:
    st.header(f"Critics ({len(position.critics)})")
    start, end = paginate(len(position.critics), "position_con_page", size=STANCES_PER_PAGE)
    for i, stance in enumerate(position.critics[start:end], start=start):
        with st.container(border=True):
            stance_block(ds, stance, key=f"con-{i}")

st.header("Evidence")
# Only the open tab's evidence is built (a tab switch reruns the page), a page of it at a time.
tabs = st.tabs(["✚ For", "✖ Against", "○ Context"], key="position_tabs", on_change="rerun")
for tab, bearing in zip(tabs, ("supports", "undercuts", "context"), strict=True):
    if not tab.open:
        continue
    with tab:
        items = ds.evidence_for(pid, bearing)
        if not items:
            st.caption("The sources give no evidence of this kind.")
        start, end = paginate(len(items), f"position_{bearing}_page", size=EVIDENCE_PER_PAGE)
        for item in items[start:end]:
            evidence_block(ds, item, key=f"ev-{bearing}-{item.id}", show_bearings=False)

cols = st.columns(2, gap="large")
with cols[0]:
    bullet_list("Risks and trade-offs", position.risks, "The sources name none.")
with cols[1]:
    bullet_list("Open questions", position.open_questions, "None recorded.")

disputes = ds.disputes_for(pid)
if disputes:
    st.header("Contested claims that touch it")
    start, end = paginate(len(disputes), "position_disputes_page", size=EVIDENCE_PER_PAGE)
    for dispute in disputes[start:end]:
        st.page_link(
            "pages/contested.py",
            label=dispute.question,
            icon=":material/balance:",
            query_params={"dispute": dispute.id},
        )
