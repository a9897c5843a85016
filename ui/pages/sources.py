"""Sources & method: the sources, how quotes are verified, the glossary, and how to cite."""

import streamlit as st

from policy.citations import (
    EXPORT_FILES,
    EXPORT_FORMATS,
    STYLE_NAMES,
    STYLES,
    bibliography,
    human_date,
    sources_file,
)
from policy.queries import coverage_note, source_label
from ui.blocks import Marks, esc, paginate, quote_md
from ui.context import view
from ui.quotes import cite_button
from ui.urlstate import Choice, Param, UrlState

TERMS_PER_PAGE = 20  # the real content has 19

ctx = view()
ds = ctx.dataset
marks = Marks(ds)
# ?quote=<id>: where a citation mark leads — the quote, its speaker and source, ready to cite.
state = UrlState(Param("quote", "sources_quote", Choice([q.id for q in ds.quotes]))).start()
st.title("Sources and method")
quote_id = state.linked["quote"]
if quote_id:
    quote = ds.quote(quote_id)
    with st.container(border=True):
        st.markdown(
            f"**The quote behind the citation mark you followed** — from *{esc(ds.source(quote.source).title)}*"
        )
        st.markdown(quote_md(ds, quote))
        cite_button(ds, [quote], key="sources-quote")
state.sync()
if ctx.disk_problems:
    # For editors only, on the page about the content: readers elsewhere keep the last good version unbothered.
    st.warning(
        f"**Content status.** The content files on disk have {len(ctx.disk_problems)} problem(s), so this is the "
        "last version that validated. `python -m policy validate` checks a correction.\n\n"
        + "\n".join(f"- {esc(p)}" for p in ctx.disk_problems[:10]),
        icon=":material/warning:",
    )

st.header("The sources")
for source in ds.sources:
    authors = ", ".join(source.authors) or "No author named"
    quotes = sum(1 for q in ds.quotes if q.source == source.id)
    parts = [
        f"**{esc(source.title)}**",
        esc(f"{source.outlet} · {human_date(source.published)} · {authors} · {source.kind}"),
    ]
    if source.notes:
        parts.append(f"*{esc(source.notes)}*")
    parts.append(f"*{quotes} quotes used*")
    st.container(border=True).markdown("\n\n".join(parts))

st.header("Method")
st.markdown(
    "Everything shown is drawn from the sources above and nothing else. Every quotation is verbatim and "
    "checked word for word against the archived text of its source by `python -m policy verify`, which "
    "forgives only typography, case, an ellipsis (…) for an omission and [brackets] for an inserted word. "
    "Claims, summaries and arguments are our neutral words and name who holds each position; every sentence "
    "of them carries small numbers that show, on hover or tap, the quote it rests on. Where sources disagree, "
    "the Contested claims page shows each answer as a column, with who gives it. Items that report one "
    "finding are grouped and counted once, so one story told in several numbers does not tip the balance. "
    "Where a source is silent, the field stays empty, and where the sources are thin on an option, its page "
    "says so rather than filling a side.\n\n"
    f'{coverage_note(ds)} Roles read as of the source that gives them ("GOP presidential candidate, April '
    '2023"): a role may have changed since.'
)

st.header("How to cite")
st.markdown("**This dashboard**")
st.code(ds.debate.cite_as, language=None, wrap_lines=True)
st.markdown(
    "**A quote** — every quote has a *Cite* button with ready-to-copy citations and its source as a file. "
    "**The sources**, in the style you choose, or as a file for Zotero, EndNote, Mendeley or BibTeX:"
)
cite_style = st.segmented_control(
    "Citation style",
    STYLES,
    format_func=lambda s: STYLE_NAMES[s],
    key="sources_cite_style",
    default="chicago",
    required=True,
)
st.markdown("\n".join(f"- {esc(entry)}" for entry in ctx.cached(bibliography, cite_style)))
files = st.columns(len(EXPORT_FORMATS) + 2)
for col, fmt in zip(files, EXPORT_FORMATS, strict=False):
    ext, mime = EXPORT_FILES[fmt]
    col.download_button(
        {"csl-json": "CSL-JSON", "bibtex": "BibTeX", "ris": "RIS"}[fmt],
        ctx.cached(sources_file, fmt),
        f"sources.{ext}",
        mime,
        key=f"sources_cite_{fmt}",
        icon=":material/download:",
        on_click="ignore",
    )

st.header("Glossary")
start, end = paginate(len(ds.glossary), "glossary_page", size=TERMS_PER_PAGE)
terms = sorted(ds.glossary, key=lambda t: t.term.casefold())[start:end]
st.markdown(
    "\n\n".join(
        f"**{esc(term.term)}** — {marks.md(term.definition)}"
        + (f" *({esc(f'Source: {source_label(ds, term.source)}')})*" if term.source else "")
        for term in terms
    )
)
