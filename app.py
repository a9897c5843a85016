"""The router: build this run's view context, then hand over to the page the URL names."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from policy import ContentError
from policy.i18n import _
from policy.queries import coverage_note
from policy.text import plain
from ui import chrome, registry
from ui.blocks import esc
from ui.context import begin_run
from ui.language import begin, language_notice, reader_language, switch_html
from ui.navigation import default_page_notices, same_tab_links

# A local file: an icon name would make browsers fetch it from a font CDN.
FAVICON = str(Path(__file__).parent / ".streamlit" / "favicon.png")

language = reader_language()
try:
    ctx = begin_run(language)
except ContentError as err:
    begin(language)  # no content to show, but the page speaks the reader's language
    st.set_page_config(page_title=_("Content problem"), page_icon=FAVICON, layout="wide")
    st.title(_("The content could not be loaded"))
    st.error(
        _(
            "{n} problem(s) were found in the content files. Nothing is shown until they are fixed; run"
            " `python -m policy validate` to check a correction."
        ).format(n=len(err.problems)),
        icon=":material/error:",
    )
    for problem in err.problems:
        st.code(str(problem), language=None, wrap_lines=True)
    st.stop()

st.set_page_config(page_title=plain(ctx.dataset.debate.title), page_icon=FAVICON, layout="wide")
DEFAULT_RESERVED = "home"  # a name no link uses
# A flat list: Streamlit's sectioned sidebar puts list items outside any list, which screen readers trip on.
pages = [
    st.Page(
        spec.script,
        title=_(spec.title),
        icon=spec.icon,
        # The default page is served at /; its own name goes to the redirect below (Streamlit reserves the
        # default page's name, and reports "Page not found" for it).
        url_path=DEFAULT_RESERVED if spec.url_path == registry.DEFAULT else spec.url_path,
        default=spec.url_path == registry.DEFAULT,
    )
    for spec in registry.PAGES
]


def to_default() -> None:
    """/overview: the default page is served at /, so its own name leads there rather than to "not found"."""
    st.switch_page(registry.script(registry.DEFAULT), query_params=st.query_params.to_dict())


pages.append(st.Page(to_default, title=_("Overview"), url_path=registry.DEFAULT, visibility="hidden"))
page = st.navigation(pages, expanded=True)  # every page listed: no "View 3 more"
same_tab_links(ctx.language)  # the app's own links open in this tab; <html lang> (ui.navigation)
language_notice()  # an unknown ?lang= is said, and the page shown in the reader's language
if page.url_path in ("present", "vote"):  # the slides and the phone poll page have no sidebar
    chrome.print_css()
else:  # the search page has its own box; the print style comes with the tools
    # With the page in each language (one element: each element costs a reader's browser).
    chrome.sidebar_tools(search=page.url_path != "search", after=switch_html(page.url_path))
if page.url_path not in ("present", "vote"):  # the slides carry it on the title and sources slides
    # Every page says what the content covers, so nothing from 2023 reads as current.
    st.caption(esc(ctx.cached(coverage_note)))  # built once per content version
if page.url_path in ("", DEFAULT_RESERVED):  # the default page, also shown for an address naming no page
    default_page_notices([spec.url_path for spec in registry.PAGES] + [DEFAULT_RESERVED], _("the overview"))
page.run()  # the vote page gives what the content covers at its foot (a phone's first screen is the question)
