"""Position: one option in depth, chosen by a selector or ?position=<id>."""

import streamlit as st

from pages.common import (
    bullet_list,
    dataset,
    esc,
    evidence_list,
    paginate,
    position_badge,
    seed,
    set_url,
    show_notices,
    stances_block,
    url_params,
)
from policy.models import Evidence
from policy.params import Parsed, one_of
from policy.style import BEARING_ICONS, position_label

STANCES_PER_PAGE = 10  # per side; the real content has at most 8
DISPUTES_PER_PAGE = 10
EVIDENCE_SHOWN = 5  # per side; all of them are a link away, on the Evidence page
BEARING_HEADINGS = {"supports": "For", "undercuts": "Against", "context": "Context"}

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
st.markdown(f"**{esc(position.one_line)}**\n\n{esc(position.summary)}")
if position.coverage_note:
    st.warning(esc(position.coverage_note), icon=":material/info:")

st.header("How it is meant to work")
st.markdown(esc(position.mechanism))

left, right = st.columns(2, gap="large")
with left:
    st.header(f"Proponents ({len(position.proponents)})")
    start, end = paginate(len(position.proponents), "position_pro_page", size=STANCES_PER_PAGE)
    stances_block(ds, position.proponents[start:end], key=f"pro-{start}")
with right:
    st.header(f"Critics ({len(position.critics)})")
    start, end = paginate(len(position.critics), "position_con_page", size=STANCES_PER_PAGE)
    stances_block(ds, position.critics[start:end], key=f"con-{start}")

st.header("Evidence")


def evidence_section(bearing: str, items: list[Evidence]) -> None:
    """Up to a screenful of claims, and a link to all of them on the Evidence page."""
    if not items:
        st.caption("The sources give no evidence of this kind.")
        return
    evidence_list(ds, items[:EVIDENCE_SHOWN], key=f"ev-{bearing}")
    if len(items) > EVIDENCE_SHOWN:
        st.page_link(
            "pages/evidence.py",
            label=f"All {len(items)} on the Evidence page",
            icon=":material/arrow_forward:",
            query_params={"position": pid, "bearing": bearing},
        )


for col, bearing in zip(st.columns(2, gap="large"), ("supports", "undercuts"), strict=True):
    with col:
        items = ds.evidence_for(pid, bearing)
        st.subheader(f"{BEARING_ICONS[bearing]} {BEARING_HEADINGS[bearing]} ({len(items)})")
        evidence_section(bearing, items)
context = ds.evidence_for(pid, "context")
if context:
    # Background rather than argument: on request, and built only then.
    box = st.expander(
        f"{BEARING_ICONS['context']} {BEARING_HEADINGS['context']} ({len(context)})",
        key="position_context",
        on_change="rerun",
    )
    if box.open:
        with box:
            evidence_section("context", context)

cols = st.columns(2, gap="large")
with cols[0]:
    bullet_list("Risks and trade-offs", position.risks, "The sources name none.")
with cols[1]:
    bullet_list("Open questions", position.open_questions, "None recorded.")

disputes = ds.disputes_for(pid)
if disputes:
    st.header("Contested claims that touch it")
    start, end = paginate(len(disputes), "position_disputes_page", size=DISPUTES_PER_PAGE)
    shown = disputes[start:end]
    # The questions as one list and one link that opens them on the Contested claims page: a link per question
    # cost the browser more to draw than the rest of this section (docs/performance.md, round 4).
    st.markdown("\n".join(f"- {esc(d.question)}" for d in shown))
    questions = "this question" if len(shown) == 1 else f"these {len(shown)} questions"
    st.page_link(
        "pages/contested.py",
        label=f"Who says what: {questions}, side by side on the Contested claims page",
        icon=":material/balance:",
        query_params={"position": pid, "dispute": ",".join(d.id for d in shown)},
    )
