"""Search: one box over everything — options, arguments, evidence, quotes, people, disputes, events, glossary, sources."""

import streamlit as st

from policy import Dataset
from policy.i18n import LANGUAGES, _, ngettext
from policy.search import KINDS, SearchIndex, kind_label
from ui import content
from ui.blocks import esc
from ui.context import view
from ui.links import marked_md
from ui.paging import Pager
from ui.urlstate import Choices, Number, Param, Search, UrlState


def index_of(ds: Dataset, language: str) -> SearchIndex:
    """The search index of the page's content, with the same content in the other languages beside it."""
    served = content.served()
    return SearchIndex(ds, also=[(code, served.in_language(code)) for code in LANGUAGES if code != language])


HITS_PER_PAGE = 20
HITS_KEY = "search-hits"
# The matching words' highlight, tight to the letters and strong enough to see: Streamlit pads a coloured
# background sideways (which set "Obrador" apart from the comma after it, "Obrador ,") and draws it at a tenth
# of its strength. A literal but for two colours of ours, chosen for the reader's theme (AA with text and links).
HIT_COLOURS = {"light": "#FFEDA8", "dark": "#3D3100"}
HIT_STYLE = """<style>
.st-key-{key} span.stMarkdownColoredBackground {{
  padding: 0 !important; border-radius: 2px; background-color: {colour} !important;
}}
</style>"""

ctx = view()
ds = ctx.dataset
state = UrlState(
    Param("q", "search_text", Search(), ""),
    Param("kind", "search_kinds", Choices(KINDS), []),
    Param("page", "search_page", Number(1, 10_000, say_range=False), 1),
).start()
pager = Pager("search_page", HITS_PER_PAGE)

st.title(_("Search"))
st.text_input(
    _("Search everything"),
    key="search_text",
    max_chars=200,
    placeholder=_("A name, a place, a word…"),
    help=_(
        "Finds options, arguments, evidence, quotes, people, contested claims, timeline events, the glossary and"
        " the source articles' text terms. Accents and capitals do not matter; every word must appear."
    ),
    on_change=pager.restart,  # new words start on their first page
)
st.pills(
    _("Only these kinds"),
    KINDS,
    selection_mode="multi",
    format_func=kind_label,
    key="search_kinds",
    on_change=pager.restart,
)
text = str(st.session_state.search_text or "").strip()
kinds = tuple(st.session_state.search_kinds or ())
# Built once per content version and language; the content's words in the other languages are searched too, so a
# word typed in English finds its option on a Spanish page, and a Spanish search still finds after a switch.
index = ctx.cached(index_of, ctx.language)

if not text:
    state.sync()
    st.caption(
        _(
            "{n} things to find. Type a word above and press Enter; the search box in the sidebar reaches this"
            " page from every other."
        ).format(n=index.size)
    )
    st.stop()

counts = index.count(text)
total = sum(counts.get(k, 0) for k in (kinds or KINDS))
shown_kinds = [k for k in KINDS if counts.get(k) and (not kinds or k in kinds)]
by_kind = " · ".join(f"{kind_label(k)} {counts[k]}" for k in shown_kinds)
if not total:
    state.sync()
    nothing = (
        _(
            "Nothing matches “{words}” in the kinds chosen. Check the spelling, use fewer words, or clear the kinds."
        )
        if kinds and counts
        else _("Nothing matches “{words}”. Check the spelling, use fewer words, or clear the kinds.")
    )
    st.info(nothing.format(words=esc(text)), icon=":material/search_off:")
    st.stop()

found = ngettext(
    "**{n}** result for “{words}”, best first", "**{n}** results for “{words}”, best first", total
)
st.markdown(found.format(n=total, words=esc(text)))
if by_kind:
    elsewhere = sum(counts.get(k, 0) for k in KINDS) - total
    if kinds and elsewhere:
        by_kind = _("{counts} (and {n} in kinds not chosen)").format(counts=by_kind, n=elsewhere)
    st.caption(esc(by_kind))
start, end = pager.bounds(total, state.linked["page"], lambda n: state.href("search", page=n))
state.sync()
# Only the page shown is ranked out, highlighted and drawn (a search at 100x the content stays quick).
hits = index.search(text, end - start, kinds, offset=start)
# Every hit in one element (see ui.blocks on why): its kind, its title linking to its place, the words around
# the match; matching words are marked after the text is escaped.
theme = st.context.theme.type if st.context.theme.type in HIT_COLOURS else "light"
st.html(HIT_STYLE.format(key=HITS_KEY, colour=HIT_COLOURS[theme]))
with st.container(key=HITS_KEY):
    st.markdown(
        "\n\n".join(
            f"{esc(kind_label(h.kind))} · **[{marked_md(h.title_marked)}]({h.url})**"
            + (f"  \n{marked_md(h.snippet)}" if h.snippet else "")
            for h in hits
        )
    )
pager.stepper()
