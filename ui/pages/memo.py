"""Memo builder: choose options, arguments and evidence, write your own sections, preview, download."""

import datetime as dt
from functools import partial

import streamlit as st

from policy.citations import NOTE_STYLES, STYLE_NAMES, STYLES, human_date
from policy.memo import HEADER_LIMIT, TEXT_LIMIT, MemoInputError, MemoSpec, default_spec
from policy.style import position_label
from policy.text import demote_headings, md_inert_document
from ui.blocks import esc, option
from ui.context import view
from ui.memo_parts import check_spec, memo_file, memo_pages, option_panel
from ui.urlstate import Choice, Choices, Param, UrlState, seed

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

ctx = view()
ds = ctx.dataset
state = UrlState(
    Param("positions", "memo_positions", Choices(ds.position_ids, minimum=1), ds.position_ids),
    Param("style", "memo_style", Choice(STYLES), STYLES[0]),
).start()

st.title("Memo builder")
st.caption(
    "Pick the options and the arguments to brief, write your own sections, and download a memo: bottom line "
    "first, every statement cited in the style you choose. The recommendation is yours: the dashboard never "
    "writes one."
)
# Pills, not a multiselect, on a row of their own: every option's name shows whole, chosen or not.
selected = (
    st.pills(
        "Options to cover",
        ds.position_ids,
        selection_mode="multi",
        format_func=lambda p: option(position_label(ds, p)),
        key="memo_positions",
    )
    or []
)
c2, f1 = st.columns(2)
style = c2.segmented_control(
    "Citation style", STYLES, format_func=lambda s: STYLE_NAMES[s], key="memo_style", required=True
)
state.sync()
length = f1.segmented_control(
    "Length",
    ["full", "brief"],
    format_func=lambda x: {"full": "Full memo", "brief": "One-page brief"}[x],
    key="memo_length",
    required=True,
    default="full",
)
f2, f3 = st.columns(2, vertical_alignment="bottom")
paper = f2.segmented_control(
    "PDF paper",
    ["letter", "a4"],
    format_func=lambda x: {"letter": "US Letter", "a4": "A4"}[x],
    key="memo_paper",
    required=True,
    default="letter",
)
quotes = f3.toggle("Verbatim quotes", value=True, key="memo_quotes", help="Each quote once, in the full memo")
ordered = [p for p in ds.position_ids if p in selected]
defaults = {c.position: c for c in default_spec(ds, ordered).options}

st.header("Header")
h = [*st.columns(2), *st.columns(2)]  # two a row: a staffer's To and From lines are long
seed("memo_date", human_date(dt.date.today().isoformat()))
seed("memo_subject", ds.debate.title)


def tall(key: str, least: int = 110) -> int:
    """A text box tall enough for what it holds (about 90 characters a line), up to a limit."""
    text = str(st.session_state.get(key, ""))
    lines = sum(1 + len(line) // 90 for line in text.split("\n"))
    return max(least, min(420, 26 * lines + 40))


header = {
    "to": h[0].text_input("To", key="memo_to", max_chars=HEADER_LIMIT),
    "from": h[1].text_input("From", key="memo_from", max_chars=HEADER_LIMIT),
    "date": h[2].text_input("Date", key="memo_date", max_chars=HEADER_LIMIT),
    "subject": h[3].text_input("Subject", key="memo_subject", max_chars=HEADER_LIMIT),
}
# The reader's own sections: (field, label, smallest height, placeholder).
SECTIONS = [
    ("purpose", "Purpose", 90, "Why this memo, for whom. Left empty, the memo opens with its summary."),
    ("background", "Background (full memo)", 110,
     "Your own background. The memo adds the key figure each chosen option starts from."),
    ("recommendation", "Recommendation (yours)", 110,
     "Your own recommendation, shown after the summary. Left empty, the memo has none."),
]  # fmt: skip
for field, label, least, placeholder in SECTIONS:
    key = f"memo_{field}"
    header[field] = st.text_area(
        label, key=key, height=tall(key, least), max_chars=TEXT_LIMIT, placeholder=placeholder
    )

st.header("What each option brings")
st.caption(
    "Each option starts with its strongest arguments and evidence. Open an option to change them; "
    "your choices are kept when you close it."
)
choices = [option_panel(ds, pid, defaults[pid]) for pid in ordered]
if not ordered:
    st.info("Choose at least one option to build a memo.", icon=":material/info:")
    st.stop()

try:
    chosen = {"style": style, "length": length, "paper": paper, "quotes": quotes}
    spec = MemoSpec.model_validate({**header, "options": [c.model_dump() for c in choices], **chosen})
    spec_json = spec.model_dump_json(by_alias=True)
    ctx.cached(check_spec, spec_json)  # no rendering here: files are built when asked for
except MemoInputError as err:
    st.error("The memo cannot be built as it stands:", icon=":material/error:")
    st.markdown("\n".join(f"- {esc(problem)}" for problem in err.problems))
    st.stop()

# A file per style and length: saved copies do not collide.
stem = f"memo-{dt.date.today().isoformat()}-{spec.style}{'-brief' if spec.length == 'brief' else ''}"
st.header("Download")
paper_name = "US Letter" if paper == "letter" else "A4"
# The page count follows every choice: it is filled in at the end of the run (typesetting takes about a
# second), so the rest of the page is drawn first; each set of choices is typeset once, then cached.
count_slot = st.empty()
count_slot.caption(f"Counting the pages of the PDF ({paper_name})…")
DOCUMENTS = [
    ("Word (.docx)", "docx", DOCX),
    ("PDF", "pdf", "application/pdf"),
    ("Markdown (.md)", "md", "text/markdown"),
]
REFERENCES = [
    ("RIS (.ris)", "ris", "application/x-research-info-systems"),
    ("BibTeX (.bib)", "bib", "application/x-bibtex"),
    ("CSL-JSON (.json)", "json", "application/vnd.citationstyles.csl+json"),
]
for caption, files, suffix in (
    ("The memo", DOCUMENTS, ""),
    ("The sources it cites, for Zotero, EndNote or a BibTeX file", REFERENCES, "-sources"),
):
    st.caption(caption)
    for col, (label, ext, mime) in zip(st.columns(len(files)), files, strict=True):
        col.download_button(
            label,
            partial(ctx.cached, memo_file, spec_json, ext),  # built when pressed, then cached
            f"{stem}{suffix}.{ext}",
            mime,
            key=f"memo_{ext}",
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
        )

# The preview is drawn on request: a full memo is long, and drawing it would slow every visit to this page.
preview = st.expander("Preview the memo", icon=":material/visibility:", key="memo_preview", on_change="rerun")
if preview.open:
    markdown = str(ctx.cached(memo_file, spec_json, "md"))
    with preview, st.container(height=560, border=True):
        # The .md download keeps its links; shown here, the memo's text is data like all text (policy.text).
        st.markdown(md_inert_document(demote_headings(markdown, 2)))

try:
    pages = ctx.cached(memo_pages, spec_json)
except (RuntimeError, OSError) as err:  # pandoc or typst failed: the downloads say why when pressed
    count_slot.caption(esc(f"The page count could not be worked out: {err}"))
else:
    notes = (
        "The Word file has the same text, its notes as Word footnotes."
        if spec.style in NOTE_STYLES
        else f"The Word file has the same text, with {STYLE_NAMES[spec.style]} author-date citations."
    )
    count_slot.caption(f"The PDF is **{pages} page{'s' if pages != 1 else ''}** ({paper_name}). {notes}")
