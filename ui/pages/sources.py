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
from policy.i18n import _, ngettext
from policy.queries import coverage_note, source_label
from policy.style import source_kind_label
from policy.text import web_address
from ui.blocks import esc, paginate, quote_md
from ui.context import view
from ui.links import Linked, link_md, person_md, source_md
from ui.prose import cards, copy_block, prose
from ui.quotes import cite_button
from ui.urlstate import Choice, Param, UrlState

TERMS_PER_PAGE = 20  # the real content has 19
ctx = view()
ds = ctx.dataset
marks = Linked(ds)
# Where links lead: ?quote=<id> (a citation mark: the quote, its speaker and source, ready to cite),
# ?source=<id> (a source named elsewhere) and ?term=<id> (a glossary term: its definition).
state = UrlState(
    Param("quote", "sources_quote", Choice([q.id for q in ds.quotes])),
    Param("source", "sources_source", Choice([s.id for s in ds.sources])),
    Param("term", "sources_term", Choice([t.id for t in ds.glossary])),
).start()
st.title(_("Sources and method"))
quote_id, source_id, term_id = (state.linked[name] for name in ("quote", "source", "term"))
if quote_id:
    quote = ds.quote(quote_id)
    with st.container(border=True):
        said = _("**The quote behind the citation mark you followed** — said by {speaker}, from *{title}*")
        heading = (
            said
            if quote.speaker
            else _("**The quote behind the citation mark you followed**, from *{title}*")
        )
        speaker = person_md(ds, quote.speaker) if quote.speaker else ""
        st.markdown(heading.format(speaker=speaker, title=esc(ds.source(quote.source).title)))
        prose(quote_md(ds, quote))
        cite_button(ds, [quote], key="sources-quote")
if term_id:
    term = next(t for t in ds.glossary if t.id == term_id)
    marks.glossed.add(term.id)  # a definition does not link its own term
    with st.container(border=True):
        heading = _("**The glossary term you followed**")
        prose(f"{heading}\n\n**{esc(term.term)}** — {marks.md(term.definition)}")
if source_id:
    st.container(border=True).markdown(
        _(
            "**The source you followed**\n\n**{title}** — {source} (its entry is below, with the others)"
        ).format(title=esc(ds.source(source_id).title), source=esc(source_label(ds, source_id)))
    )
state.sync()
if ctx.disk_problems:
    # For editors only, on the page about the content: readers elsewhere keep the last good version unbothered.
    status = _(
        "**Content status.** The content files on disk have {n} problem(s), so this is the last version that"
        " validated; the README says how to check a correction."
    ).format(n=len(ctx.disk_problems))
    st.warning(
        status + "\n\n" + "\n".join(f"- {esc(p)}" for p in ctx.disk_problems[:10]),
        icon=":material/warning:",
    )

st.header(_("The sources"))
entries = []
for source in ds.sources:
    authors = ", ".join(source.authors) or _("No author named")
    quotes = sum(1 for q in ds.quotes if q.source == source.id)
    followed = " " + _("(the source you followed)") if source.id == source_id else ""
    kind = source_kind_label(source.kind)
    parts = [
        f"**{esc(source.title)}**{esc(followed)}",
        esc(f"{source.outlet} · {human_date(source.published)} · {authors} · {kind}"),
    ]
    if source.notes:
        parts.append(f"*{esc(source.notes)}*")
    if web_address(source.url):
        parts.append(link_md(_("The article at its source"), str(source.url)))
    elif source.url:  # not a plain web address: shown as text, never a link
        parts.append(esc(_("Its address: {address}").format(address=source.url)))
    else:  # the archive gives no address for it: the reader finds it by title, outlet and date
        parts.append(_("*No web address of it is known here: find it by its title, outlet and date.*"))
    parts.append(ngettext("*{n} quote used*", "*{n} quotes used*", quotes).format(n=quotes))
    entries.append("\n\n".join(parts))
cards(entries, 2)  # one element for them all (ui.prose.cards)

st.header(_("Method"))
method = _(
    "Everything shown is drawn from the sources above and nothing else. Every quotation is verbatim and "
    "checked word for word against the archived text of its source by an automatic check, which "
    "forgives only typography, case, an ellipsis (…) for an omission and [brackets] for an inserted word. "
    "Claims, summaries and arguments are our neutral words and name who holds each position; every sentence "
    "of them carries small numbers that show, on hover or tap, the quote it rests on. Where sources disagree, "
    "the Contested claims page shows each answer as a column, with who gives it. Items that report one "
    "finding are grouped and counted once, so one story told in several numbers does not tip the balance. "
    "Where a source is silent, the field stays empty, and where the sources are thin on an option, its page "
    "says so rather than filling a side."
)
roles = _(
    '{coverage} Roles read as of the source that gives them ("GOP presidential candidate, April 2023"): a role'
    " may have changed since."
).format(coverage=coverage_note(ds))
prose(f"{method}\n\n{roles}")

st.header(_("How to cite"))
how = _(
    "**A quote** — every quote has a *Cite* button with ready-to-copy citations and its source as a file. "
    "**The sources**, in the style you choose, or as a file for Zotero, EndNote, Mendeley or BibTeX:"
)
this = _("**This dashboard**")
prose(f"{this}\n\n{copy_block(ds.debate.cite_as)}\n\n{how}")
cite_style = st.segmented_control(
    _("Citation style"),
    STYLES,
    format_func=lambda s: STYLE_NAMES[s],
    key="sources_cite_style",
    default="chicago",
    required=True,
)
prose("\n".join(f"- {esc(entry)}" for entry in ctx.cached(bibliography, cite_style)))
files = st.container(horizontal=True)
for fmt in EXPORT_FORMATS:
    ext, mime = EXPORT_FILES[fmt]
    files.download_button(
        {"csl-json": "CSL-JSON", "bibtex": "BibTeX", "ris": "RIS"}[fmt],
        ctx.cached_as_written(sources_file, fmt),  # the records as written: the same in every language
        f"sources.{ext}",
        mime,
        key=f"sources_cite_{fmt}",
        icon=":material/download:",
        on_click="ignore",
    )

st.header(_("Glossary"))
start, end = paginate(len(ds.glossary), "glossary_page", size=TERMS_PER_PAGE)
terms = sorted(ds.glossary, key=lambda t: t.term.casefold())[start:end]
marks.glossed.update(t.id for t in ds.glossary)  # the glossary itself: terms are defined here, not linked
prose(
    "\n\n".join(
        f"**{esc(term.term)}** — {marks.md(term.definition)}"
        + (" " + _("*(Source: {source})*").format(source=source_md(ds, term.source)) if term.source else "")
        for term in terms
    )
)
