"""Position: one option in depth, chosen by a selector or ?position=<id>."""

import streamlit as st

from policy.models import BEARINGS, Bearing, Evidence
from policy.style import BEARING_ICONS, position_label
from ui.blocks import Marks, bullet_list, esc, option, page_link, paginate, position_badge
from ui.context import view
from ui.quotes import evidence_list, stances_block
from ui.urlstate import Choice, Param, UrlState

STANCES_PER_PAGE = 10  # per side; the real content has at most 8
DISPUTES_PER_PAGE = 10
EVIDENCE_SHOWN = 3  # findings per side, strongest first; all of them are a link away, on the Evidence page
BEARING_HEADINGS = {"supports": "For", "undercuts": "Against", "context": "Context"}

ds = view().dataset
marks = Marks(ds)
state = UrlState(
    Param("position", "position_select", Choice(ds.position_ids), ds.position_ids[0], keep_default=True)
).start()
pid = st.selectbox(
    "Position", ds.position_ids, format_func=lambda p: option(position_label(ds, p)), key="position_select"
)
state.sync()
position = ds.position(pid)

position_badge(ds, pid)
st.title(esc(position.title))
st.markdown(f"**{marks.md(position.one_line)}**\n\n{marks.md(position.summary)}")
if position.coverage_note:
    st.warning(esc(position.coverage_note), icon=":material/info:")

st.header("How it is meant to work")
st.markdown(marks.md(position.mechanism))

for col, heading, side, key in zip(
    st.columns(2, gap="large"),
    ("Proponents", "Critics"),
    (position.proponents, position.critics),
    ("pro", "con"),
    strict=True,
):
    with col:
        st.header(f"{heading} ({len(side)})")
        start, end = paginate(len(side), f"position_{key}_page", size=STANCES_PER_PAGE)
        stances_block(ds, side[start:end], key=f"{key}-{start}", marks=marks)

st.header("Evidence")


def evidence_section(bearing: Bearing, items: list[Evidence]) -> None:
    """Up to a screenful of claims, and a link to all of them on the Evidence page."""
    if not items:
        st.caption("The sources give no evidence of this kind.")
        return
    evidence_list(ds, items[:EVIDENCE_SHOWN], key=f"ev-{bearing}")
    if len(items) > EVIDENCE_SHOWN:
        query = {"position": pid, "bearing": bearing}
        page_link(
            "evidence", f"All {len(items)} findings on the Evidence page", ":material/arrow_forward:", query
        )


for col, bearing in zip(st.columns(2, gap="large"), BEARINGS[:2], strict=True):
    with col:
        items = ds.findings_for(pid, bearing)
        st.subheader(f"{BEARING_ICONS[bearing]} {BEARING_HEADINGS[bearing]} ({len(items)})")
        evidence_section(bearing, items)
context = ds.findings_for(pid, "context")
if context:
    # Background rather than argument: on request, and built only then.
    label = f"{BEARING_ICONS['context']} {BEARING_HEADINGS['context']} ({len(context)})"
    box = st.expander(label, key="position_context", on_change="rerun")
    if box.open:
        with box:
            evidence_section("context", context)

cols = st.columns(2, gap="large")
with cols[0]:
    bullet_list("Risks and trade-offs", position.risks, "The sources name none.", marks)
with cols[1]:
    bullet_list("Open questions", position.open_questions, "None recorded.", marks)

disputes = ds.disputes_for(pid)
if disputes:
    st.header("Contested claims that touch it")
    start, end = paginate(len(disputes), "position_disputes_page", size=DISPUTES_PER_PAGE)
    shown = disputes[start:end]
    # The questions as one list and one link that opens them all (a link per question cost more to draw than
    # the rest of this section: docs/performance.md, round 4).
    st.markdown("\n".join(f"- {esc(d.question)}" for d in shown))
    questions = "this question" if len(shown) == 1 else f"these {len(shown)} questions"
    page_link(
        "contested",
        f"Who says what: {questions}, side by side on the Contested claims page",
        ":material/balance:",
        {"position": pid, "dispute": ",".join(d.id for d in shown)},
    )
