"""Position: one option in depth, chosen from the options' links at the top or by ?position=<id>; &actor=<id>
marks that person's argument (the link a search hit gives) and brings it into view."""

import streamlit as st

from policy.i18n import N_, _, ngettext
from policy.models import BEARINGS, Bearing, Evidence
from policy.prose import lead, sentences
from policy.style import BEARING_ICONS, position_label
from ui.blocks import bullet_list, esc, page_link, paginate
from ui.context import view
from ui.links import Linked, dispute_url, link_md, position_url
from ui.navigation import scroll_into_view
from ui.position_stances import LINKED_KEY, stances
from ui.prose import prose
from ui.quotes import evidence_list
from ui.urlstate import Choice, Param, UrlState

STANCES_PER_PAGE = 10  # per side; the real content has at most 8
DISPUTES_PER_PAGE = 10
EVIDENCE_SHOWN = 3  # findings per side, strongest first; all of them are a link away, on the Evidence page
SUMMARY_CHARACTERS = 480  # whole sentences of the summary shown at once
NOTE_CHARACTERS = 240  # whole sentences of the coverage note shown at once
OPTIONS_KEY = "pills-options"  # the options' links (ui.styles)
BEARING_HEADINGS = {"supports": N_("For"), "undercuts": N_("Against"), "context": N_("Context")}
BEARING_COUNTS = {"supports": N_("{n} for"), "undercuts": N_("{n} against"), "context": N_("{n} context")}
SECTIONS = ("who", "evidence", "risks", "contested")  # the page's sections, as ?section= names them
SECTIONS_KEY = "sections"  # their links (ui.styles; following one keeps the reader's place, ui.navigation)

ds = view().dataset
marks = Linked(ds)  # citation marks, and glossary terms linked where they first appear
_JUMPED = "_position_jumped_to"  # the (position, actor) the page last scrolled to: a link is followed once
state = UrlState(
    Param("position", "position_select", Choice(ds.position_ids), ds.position_ids[0], keep_default=True),
    Param("actor", "position_actor", Choice([a.id for a in ds.actors])),
    Param("section", "position_section", Choice(SECTIONS), SECTIONS[0]),
).start()


def unmark() -> None:
    st.session_state.position_actor = None


# The options as links, the one shown in bold: one click to another (a select box cost this page a tenth of an
# empty page's load; docs/performance.md, round 10).
pid: str = st.session_state.position_select
options = "\n".join(
    f"- **{esc(position_label(ds, p))}**"
    if p == pid
    else f"- {link_md(position_label(ds, p), position_url(p))}"
    for p in ds.position_ids
)
prose(_("The options") + f"\n\n{options}", st.container(key=OPTIONS_KEY))
position = ds.position(pid)
linked = st.session_state.get("position_actor")
if linked and linked not in {s.actor for s in (*position.proponents, *position.critics)}:
    linked = None  # another option's argument: nothing to mark here
jump = bool(linked) and st.session_state.get(_JUMPED) != (pid, linked)
st.session_state[_JUMPED] = (pid, linked) if linked else None

st.title(esc(position.title))
# The summary's first whole sentences at once, the rest on request (counted), so the page's sections are near.
summary = lead(position.summary, SUMMARY_CHARACTERS)
prose(f"**{marks.md(position.one_line)}**\n\n{marks.md(summary)}")
if summary != position.summary:
    after = sentences(position.summary)[len(sentences(summary)) :]
    n = len(after)
    rest_of = ngettext(
        "The rest of the summary ({n} more sentence)", "The rest of the summary ({n} more sentences)", n
    )
    whole = st.expander(rest_of.format(n=n), key="position_summary", on_change="rerun")
    if whole.open:
        whole.markdown(marks.md(" ".join(after)))
if position.coverage_note:
    # What the sources cover of this option: its first sentences at once, the rest on request.
    note = lead(position.coverage_note, NOTE_CHARACTERS)
    st.warning(esc(note), icon=":material/info:")
    if note != position.coverage_note:
        rest = " ".join(sentences(position.coverage_note)[len(sentences(note)) :])
        more = st.expander(_("The rest of this note"), key="position_note", on_change="rerun")
        if more.open:
            more.markdown(esc(rest))

st.header(_("How it is meant to work"))
prose(marks.md(position.mechanism))

# The case in sections a reader opens one at a time, each named with its counts (so nothing is hidden silently),
# as a row of links: a section is in the page's link, and only the open one is built. (Tabs cost this page a
# seventh of an empty page's load and kept the section out of the link: docs/performance.md, round 11.) The
# quotes stay under the people who said them.
findings = {bearing: ds.findings_for(pid, bearing) for bearing in BEARINGS}
disputes = ds.disputes_for(pid)
counted = " · ".join(
    _(BEARING_COUNTS[b]).format(n=len(findings[b])) for b in BEARINGS if findings[b] or b != "context"
)
pros, cons = len(position.proponents), len(position.critics)
sections = {
    "who": _("Who argues ({pros} for, {cons} against)").format(pros=pros, cons=cons),
    "evidence": _("Evidence ({counts})").format(counts=counted),
    "risks": _("Risks ({risks}) and open questions ({questions})").format(
        risks=len(position.risks), questions=len(position.open_questions)
    ),
}
if disputes:
    sections["contested"] = _("Contested claims ({n})").format(n=len(disputes))
if jump or st.session_state.position_section not in sections:  # a link to an argument opens its section
    st.session_state.position_section = SECTIONS[0]
shown_section: str = st.session_state.position_section
state.sync()
prose(
    "\n".join(
        f"- **{esc(label)}**" if key == shown_section else f"- {link_md(label, position_url(pid, key))}"
        for key, label in sections.items()
    ),
    st.container(key=SECTIONS_KEY),
)


if shown_section == "who":
    for col, heading, side, key in zip(
        st.columns(2, gap="large"),
        (_("Proponents"), _("Critics")),
        (position.proponents, position.critics),
        ("pro", "con"),
        strict=True,
    ):
        with col:
            st.header(f"{heading} ({len(side)})")
            start, end = paginate(len(side), f"position_{key}_page", size=STANCES_PER_PAGE)
            stances(ds, marks, side[start:end], f"{key}-{start}", linked, unmark)
    if jump:  # drawn once both sides are in place
        scroll_into_view(LINKED_KEY, [a.id for a in ds.actors].index(str(linked)))  # each its own element


def evidence_section(bearing: Bearing, items: list[Evidence]) -> None:
    """The strongest findings, the rest on request (built only then), and all of them on the Evidence page."""
    if not items:
        st.caption(_("The sources give no evidence of this kind."))
        return
    evidence_list(ds, items[:EVIDENCE_SHOWN], key=f"ev-{bearing}")
    rest = items[EVIDENCE_SHOWN:]
    if not rest:
        return
    label = ngettext(
        "The other {n} finding ({total} in all)", "The other {n} findings ({total} in all)", len(rest)
    )
    more = st.expander(
        label.format(n=len(rest), total=len(items)), key=f"position_more_{bearing}", on_change="rerun"
    )
    if more.open:
        with more:
            evidence_list(ds, rest, key=f"ev-{bearing}-rest")
    query = {"position": pid, "bearing": bearing}
    all_of = _("All {n} on the Evidence page, with filters").format(n=len(items))
    page_link("evidence", all_of, ":material/arrow_forward:", query)


if shown_section == "evidence":
    for col, bearing in zip(st.columns(2, gap="large"), BEARINGS[:2], strict=True):
        with col:
            items = findings[bearing]
            st.subheader(f"{BEARING_ICONS[bearing]} {_(BEARING_HEADINGS[bearing])} ({len(items)})")
            evidence_section(bearing, items)
    context = findings["context"]
    if context:
        # Background rather than argument: on request, and built only then.
        label = f"{BEARING_ICONS['context']} {_(BEARING_HEADINGS['context'])} ({len(context)})"
        box = st.expander(label, key="position_context", on_change="rerun")
        if box.open:
            with box:
                evidence_section("context", context)

if shown_section == "risks":
    cols = st.columns(2, gap="large")
    with cols[0]:
        risks = _("Risks and trade-offs ({n})").format(n=len(position.risks))
        bullet_list(risks, position.risks, _("The sources name none."), marks)
    with cols[1]:
        questions = _("Open questions ({n})").format(n=len(position.open_questions))
        bullet_list(questions, position.open_questions, _("None recorded."), marks)

if shown_section == "contested":
    st.header(_("Contested claims that touch it"))
    start, end = paginate(len(disputes), "position_disputes_page", size=DISPUTES_PER_PAGE)
    shown = disputes[start:end]
    # The questions as one list and one link that opens them all (a link per question cost more to draw than
    # the rest of this section: docs/performance.md, round 4).
    st.markdown("\n".join(f"- {link_md(d.question, dispute_url(d.id))}" for d in shown))
    says = ngettext(
        "Who says what: this question, side by side on the Contested claims page",
        "Who says what: these {n} questions, side by side on the Contested claims page",
        len(shown),
    )
    page_link(
        "contested",
        says.format(n=len(shown)),
        ":material/balance:",
        {"position": pid, "dispute": ",".join(d.id for d in shown)},
    )
