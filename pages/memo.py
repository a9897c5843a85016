"""Memo builder: choose options, arguments and evidence, write your own sections, preview, download."""

import datetime as dt

import streamlit as st

from pages.common import dataset, esc, seed, set_url, show_notices, url_params
from policy.memo import (
    MemoInputError,
    MemoSpec,
    OptionChoice,
    build_memo,
    default_spec,
    to_docx,
    to_markdown,
    to_pdf,
)
from policy.params import Parsed, encode, many_of, one_of
from policy.style import position_label
from policy.text import demote_headings

ds = dataset()
parsed = Parsed()
params = url_params()
chosen = many_of(params, "positions", ds.position_ids, parsed, minimum=1)
style = one_of(params, "style", ["chicago", "apa"], parsed)
show_notices(parsed)

st.title("Memo builder")
st.caption(
    "Pick the options and the arguments to brief, write your own sections, and download a memo with numbered "
    "citations and a source list. The recommendation is yours: the dashboard never writes one."
)

seed("memo_positions", chosen or ds.position_ids)
seed("memo_style", style or "chicago")
c1, c2 = st.columns([3, 1])
selected = c1.multiselect(
    "Options to cover", ds.position_ids, format_func=lambda p: position_label(ds, p), key="memo_positions"
)
style_choice = c2.segmented_control(
    "Citation style",
    ["chicago", "apa"],
    format_func=lambda s: {"chicago": "Chicago", "apa": "APA"}[s],
    key="memo_style",
    required=True,
)
ordered = [p for p in ds.position_ids if p in selected]
set_url({
    "positions": encode(ordered) if ordered != ds.position_ids else None,
    "style": style_choice if style_choice != "chicago" else None,
})  # fmt: skip
defaults = {c.position: c for c in default_spec(ds, ordered).options}

st.header("Header")
h = st.columns(4)
to = h[0].text_input("To", key="memo_to")
sender = h[1].text_input("From", key="memo_from")
seed("memo_date", dt.date.today().isoformat())
date = h[2].text_input("Date", key="memo_date")
seed("memo_subject", ds.debate.title)
subject = h[3].text_input("Subject", key="memo_subject")

seed("memo_purpose", ds.debate.question)
purpose = st.text_area("Purpose", key="memo_purpose", height=90)
seed("memo_background", ds.debate.intro)
background = st.text_area("Background", key="memo_background", height=110)
recommendation = st.text_area(
    "Recommendation (yours)",
    key="memo_recommendation",
    height=110,
    placeholder="Your own recommendation. Left empty, the memo has no recommendation section.",
)

st.header("What each option brings")
st.caption(
    "Each option starts with its strongest arguments and evidence. Open an option to change them; "
    "your choices are kept when you close it."
)
choices = []
for pid in ordered:
    position = ds.position(pid)
    # The choices live under a key of their own: the panel's widgets exist only while it is open,
    # and a widget's state goes when the widget does.
    kept: OptionChoice = st.session_state.setdefault(f"memo_choice_{pid}", defaults[pid])
    panel = st.expander(
        position_label(ds, pid) + " — " + position.title, key=f"memo_open_{pid}", on_change="rerun"
    )
    if panel.open:
        with panel:
            pro = [s.actor for s in position.proponents]
            con = [s.actor for s in position.critics]
            evidence = [e.id for e in ds.evidence_for(pid) if e.bearing[pid] != "context"]
            # Kept choices the content no longer offers (it was edited meanwhile) are dropped, not an error.
            seed(f"memo_for_{pid}", [a for a in kept.arguments_for if a in pro])
            seed(f"memo_against_{pid}", [a for a in kept.arguments_against if a in con])
            seed(f"memo_evidence_{pid}", [e for e in kept.evidence if e in evidence])
            a, b = st.columns(2)
            arguments_for = a.multiselect(
                "Arguments for", pro, format_func=lambda x: ds.actor(x).name, key=f"memo_for_{pid}"
            )
            arguments_against = b.multiselect(
                "Arguments against", con, format_func=lambda x: ds.actor(x).name, key=f"memo_against_{pid}"
            )
            chosen_evidence = st.multiselect(
                "Evidence",
                evidence,
                format_func=lambda e, pid=pid: (
                    ("✚ " if ds.evidence_item(e).bearing[pid] == "supports" else "✖ ")
                    + ds.evidence_item(e).claim[:110]
                ),
                key=f"memo_evidence_{pid}",
            )
        kept = OptionChoice(
            position=pid,
            arguments_for=arguments_for,
            arguments_against=arguments_against,
            evidence=chosen_evidence,
        )
        st.session_state[f"memo_choice_{pid}"] = kept
    choices.append(kept)

if not ordered:
    st.info("Choose at least one option to build a memo.", icon=":material/info:")
    st.stop()


@st.cache_data(show_spinner=False, max_entries=64)
def markdown_text(spec_json: str) -> str:
    return to_markdown(build_memo(ds, MemoSpec.model_validate_json(spec_json)))


try:
    spec = MemoSpec.model_validate(
        {
            "to": to, "from": sender, "date": date, "subject": subject, "purpose": purpose,
            "background": background, "recommendation": recommendation,
            "options": [c.model_dump() for c in choices], "style": style_choice,
        }
    )  # fmt: skip
    spec_json = spec.model_dump_json(by_alias=True)
    markdown = markdown_text(spec_json)
except MemoInputError as err:
    st.error("The memo cannot be built as it stands:", icon=":material/error:")
    for problem in err.problems:
        st.markdown(f"- {esc(problem)}")
    st.stop()


@st.cache_data(show_spinner=False, max_entries=16)
def docx_bytes(spec_json: str) -> bytes:
    return to_docx(build_memo(ds, MemoSpec.model_validate_json(spec_json)))


@st.cache_data(show_spinner=False, max_entries=16)
def pdf_bytes(spec_json: str) -> bytes:
    return to_pdf(build_memo(ds, MemoSpec.model_validate_json(spec_json)))


stem = f"memo-{dt.date.today().isoformat()}"
st.header("Download")
d = st.columns([1, 1, 1, 3])
d[0].download_button(
    "Word (.docx)", lambda: docx_bytes(spec_json), f"{stem}.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", key="memo_docx",
    icon=":material/download:", on_click="ignore",
)  # fmt: skip
d[1].download_button(
    "PDF",
    lambda: pdf_bytes(spec_json),
    f"{stem}.pdf",
    "application/pdf",
    key="memo_pdf",
    icon=":material/download:",
    on_click="ignore",
)
d[2].download_button(
    "Markdown",
    markdown,
    f"{stem}.md",
    "text/markdown",
    key="memo_md",
    icon=":material/download:",
    on_click="ignore",
)

# The preview is drawn on request: a full memo is long, and drawing it would slow every visit to this page.
preview = st.expander("Preview the memo", icon=":material/visibility:", key="memo_preview", on_change="rerun")
if preview.open:
    with preview, st.container(height=560, border=True):
        st.markdown(demote_headings(markdown, 2))
