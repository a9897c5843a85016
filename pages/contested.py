"""Contested claims: each dispute with its conflicting claims side by side, who makes each, and the source."""

import streamlit as st

from pages.common import (
    dataset,
    esc,
    paginate,
    position_badge,
    quote_block,
    seed,
    set_url,
    show_notices,
    url_params,
)
from policy.params import Parsed, one_of
from policy.style import position_label

DISPUTES_PER_PAGE = 10  # the real content has 8

ds = dataset()
parsed = Parsed()
params = url_params()
dispute_ids = [d.id for d in ds.disputes]
chosen = one_of(params, "dispute", dispute_ids, parsed)
position_filter = one_of(params, "position", ds.position_ids, parsed)
show_notices(parsed)

st.title("Contested claims")
st.caption(
    "Where the sources or the people in them contradict each other. We show each side; we do not settle it."
)
seed("contested_position", position_filter)
pid = st.selectbox(
    "Touching the position",
    ds.position_ids,
    index=None,
    placeholder="Any position",
    format_func=lambda p: position_label(ds, p),
    key="contested_position",
)
set_url({"position": pid, "dispute": chosen})
disputes = ds.disputes_for(pid) if pid else ds.disputes
if chosen:
    disputes = sorted(disputes, key=lambda d: d.id != chosen)

start, end = paginate(len(disputes), "contested_page", size=DISPUTES_PER_PAGE)
for dispute in disputes[start:end]:
    with st.expander(dispute.question, expanded=dispute.id == chosen or len(disputes) <= 3 or chosen is None):
        badges = st.columns(max(1, len(dispute.positions)) + 3)
        for col, p in zip(badges, dispute.positions, strict=False):
            with col:
                position_badge(ds, p)
        cols = st.columns(min(len(dispute.claims), 3), gap="medium")
        for i, claim in enumerate(dispute.claims):
            with cols[i % len(cols)].container(border=True):
                who = ds.actor(claim.claimant).name if claim.claimant else ds.source(claim.source).outlet
                st.markdown(f"**{esc(who)}**")
                st.markdown(esc(claim.claim))
                quote_block(ds, ds.quote(claim.quote), key=f"dq-{dispute.id}-{i}")
        if dispute.note:
            st.info(esc(dispute.note), icon=":material/lightbulb:")
