"""Memo builder: choose options, arguments and evidence, write your own sections, preview, download."""

import datetime as dt
from functools import partial

import streamlit as st

from policy.citations import NOTE_STYLES, STYLE_NAMES, STYLES, human_date
from policy.i18n import N_, _, ngettext, pgettext
from policy.memo import HEADER_LIMIT, TEXT_LIMIT, MemoInputError, MemoSpec, default_spec
from policy.style import position_label
from policy.text import demote_headings, md_inert_document
from ui.blocks import esc, option
from ui.context import view
from ui.memo_parts import LENGTHS, PAPERS, check_spec, memo_file, memo_pages, option_panel, seed_text, setting
from ui.urlstate import Choice, Choices, Param, UrlState

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

ctx = view()
ds, lang = ctx.dataset, ctx.language
state = UrlState(
    Param("positions", "memo_positions", Choices(ds.position_ids, minimum=1), ds.position_ids),
    Param("style", "memo_style", Choice(STYLES), STYLES[0]),
    Param("length", "memo_length", Choice(tuple(LENGTHS)), "full"),
    Param("paper", "memo_paper", Choice(tuple(PAPERS)), "letter"),
).start()

st.title(_("Memo builder"))
st.caption(
    _(
        "Pick the options and the arguments to brief, write your own sections, and download a memo: bottom line "
        "first, every statement cited in the style you choose. The recommendation is yours: the dashboard never "
        "writes one."
    )
)
# Pills, not a multiselect, on a row of their own: every option's name shows whole, chosen or not.
selected = (
    st.pills(
        _("Options to cover"),
        ds.position_ids,
        selection_mode="multi",
        format_func=lambda p: option(position_label(ds, p)),
        key="memo_positions",
    )
    or []
)
# The four settings in one row that wraps on a narrow screen (one element, where columns were ten).
settings = st.container(horizontal=True, vertical_alignment="bottom")
style = setting(settings, _("Citation style"), STYLE_NAMES, "memo_style")
length = setting(settings, _("Length"), {k: _(v) for k, v in LENGTHS.items()}, "memo_length")
paper = setting(settings, _("PDF paper"), {k: _(v) for k, v in PAPERS.items()}, "memo_paper")
state.sync()
quotes = settings.toggle(
    _("Verbatim quotes"),
    value=True,
    key="memo_quotes",
    help=_("Each quote once, in the full memo"),
    width="content",
)
ordered = [p for p in ds.position_ids if p in selected]
defaults = {c.position: c for c in default_spec(ds, ordered).options}

st.header(_("Header"))
# Two a row (a staffer's To and From lines are long), each row one element that wraps on a phone.
top, bottom = (st.container(horizontal=True, key=f"memo-header-{row}") for row in (1, 2))
h = [top, top, bottom, bottom]
seed_text("memo_date", human_date(dt.date.today().isoformat()))
seed_text("memo_subject", ds.debate.title)


def tall(key: str, least: int = 110) -> int:
    """A text box tall enough for what it holds (about 90 characters a line), up to a limit."""
    text = str(st.session_state.get(key, ""))
    lines = sum(1 + len(line) // 90 for line in text.split("\n"))
    return max(least, min(420, 26 * lines + 40))


header = {
    "to": h[0].text_input(pgettext("memo header", "To"), key="memo_to", max_chars=HEADER_LIMIT),
    "from": h[1].text_input(pgettext("memo header", "From"), key="memo_from", max_chars=HEADER_LIMIT),
    "date": h[2].text_input(pgettext("memo header", "Date"), key="memo_date", max_chars=HEADER_LIMIT),
    "subject": h[3].text_input(
        pgettext("memo header", "Subject"), key="memo_subject", max_chars=HEADER_LIMIT
    ),
}
# The reader's own sections: (field, label, smallest height, placeholder).
SECTIONS = [
    ("purpose", N_("Purpose"), 90, N_("Why this memo, for whom. Left empty, the memo opens with its summary.")),
    ("background", N_("Background (full memo)"), 110,
     N_("Your own background. The memo adds the key figure each chosen option starts from.")),
    ("recommendation", N_("Recommendation (yours)"), 110,
     N_("Your own recommendation, shown after the summary. Left empty, the memo has none.")),
]  # fmt: skip
for field, label, least, placeholder in SECTIONS:
    key = f"memo_{field}"
    header[field] = st.text_area(
        _(label), key=key, height=tall(key, least), max_chars=TEXT_LIMIT, placeholder=_(placeholder)
    )

st.header(_("What each option brings"))
st.caption(
    _(
        "Each option starts with its strongest arguments and evidence. Open an option to change them; "
        "your choices are kept when you close it."
    )
)
choices = [option_panel(ds, pid, defaults[pid]) for pid in ordered]
if not ordered:
    st.info(_("Choose at least one option to build a memo."), icon=":material/info:")
    st.stop()

try:
    chosen = {"style": style, "length": length, "paper": paper, "quotes": quotes}
    spec = MemoSpec.model_validate({**header, "options": [c.model_dump() for c in choices], **chosen})
    spec_json = spec.model_dump_json(by_alias=True)
    ctx.cached(check_spec, spec_json, lang)  # no rendering here: files are built when asked for
except MemoInputError as err:
    st.error(_("The memo cannot be built as it stands:"), icon=":material/error:")
    st.markdown("\n".join(f"- {esc(problem)}" for problem in err.problems))
    st.stop()

# A file per style and length: saved copies do not collide.
brief = "-" + pgettext("file name", "brief") if spec.length == "brief" else ""
memo_name = pgettext("file name", "memo")
stem = f"{memo_name}-{dt.date.today().isoformat()}-{spec.style}{brief}"
st.header(_("Download"))
paper_name = _(PAPERS[paper])
# The page count follows every choice: it is filled in at the end of the run (typesetting takes about a
# second), so the rest of the page is drawn first; each set of choices is typeset once, then cached.
count_slot = st.empty()
count_slot.caption(_("Counting the pages of the PDF ({paper})…").format(paper=paper_name))
DOCUMENTS = [
    (_("Word (.docx)"), "docx", DOCX),
    ("PDF", "pdf", "application/pdf"),
    ("Markdown (.md)", "md", "text/markdown"),
]
REFERENCES = [
    ("RIS (.ris)", "ris", "application/x-research-info-systems"),
    ("BibTeX (.bib)", "bib", "application/x-bibtex"),
    ("CSL-JSON (.json)", "json", "application/vnd.citationstyles.csl+json"),
]
for caption, files, suffix in (
    (_("The memo"), DOCUMENTS, ""),
    (
        _("The sources it cites, for Zotero, EndNote or a BibTeX file"),
        REFERENCES,
        "-" + pgettext("file name", "sources"),
    ),
):
    st.caption(caption)
    buttons = st.container(horizontal=True)
    for label, ext, mime in files:
        buttons.download_button(
            label,
            # Built when pressed, then cached; the sources' records as written, the same in every language.
            partial(
                ctx.cached_as_written if files is REFERENCES else ctx.cached, memo_file, spec_json, ext, lang
            ),
            f"{stem}{suffix}.{ext}",
            mime,
            key=f"memo_{ext}",
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
        )

# The preview is drawn on request: a full memo is long, and drawing it would slow every visit to this page.
preview = st.expander(
    _("Preview the memo"), icon=":material/visibility:", key="memo_preview", on_change="rerun"
)
if preview.open:
    markdown = str(ctx.cached(memo_file, spec_json, "md", lang))
    with preview, st.container(height=560, border=True):
        # The .md download keeps its links; shown here, the memo's text is data like all text (policy.text).
        st.markdown(md_inert_document(demote_headings(markdown, 2)))

try:
    pages = ctx.cached(memo_pages, spec_json, lang)
except (RuntimeError, OSError) as err:  # pandoc or typst failed: the downloads say why when pressed
    count_slot.caption(esc(_("The page count could not be worked out: {error}").format(error=err)))
else:
    notes = (
        _("The Word file has the same text, its notes as Word footnotes.")
        if spec.style in NOTE_STYLES
        else _("The Word file has the same text, with {style} author-date citations.").format(
            style=STYLE_NAMES[spec.style]
        )
    )
    count = ngettext("The PDF is **{n} page** ({paper}).", "The PDF is **{n} pages** ({paper}).", pages)
    count_slot.caption(count.format(n=pages, paper=paper_name) + f" {notes}")
