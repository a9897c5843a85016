"""Moving within the app: its own links open in the same tab, an element can be brought into view, and an
address naming no page, or a link parameter the default page does not read, gets a notice.

Streamlit opens every Markdown link in a new tab (it sets target="_blank" on each, and st.markdown has no option
against it; only links to "#anchors" are left alone). A reader moving within the app expects the same tab, so
``same_tab_links()`` (drawn once per run by the router) adds one click handler: a plain click on a link to one of
the app's pages (ui.links builds them all starting with ./) moves this tab there through the browser's history,
the way Back and Forward do, so the session (filters, a memo being written) is kept, and shows the new page from
its top (a link among a page's sections or its filters, keyed "sections" and "pills-filters", keeps the reader's
place; a link to another page of a list, ui.paging, shows the list's top); a Ctrl-, Cmd-, Shift- or middle click still opens a new tab. Without JavaScript the links still work, in a new tab.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from urllib.parse import unquote, urlparse

import streamlit as st

from policy.i18n import LANGUAGES, _, use
from policy.text import preview
from ui.blocks import esc
from ui.urlstate import UrlState

# A literal but for the page's language code (one of the interface's, never the link's text), which goes to
# <html lang> for screen readers (Streamlit serves its page as English, with no option); then one click handler
# on the document, installed once however often it is drawn. One element: each element takes room on the page.
_SAME_TAB_JS = """<script>
document.documentElement.lang = "{code}";
(() => {{  // Streamlit's own words for screen readers and the keyboard, in the page's language
  const words = {words};
  const skip = document.querySelector('[data-testid="stSkipToContent"]');
  if (skip) skip.textContent = words.skip;
  for (const [id, label] of [["stSidebarCollapseButton", words.collapse], ["stExpandSidebarButton", words.expand]]) {{
    document.querySelectorAll(`[data-testid="${{id}}"], [data-testid="${{id}}"] button`).forEach(
      (b) => b.tagName === "BUTTON" && b.setAttribute("aria-label", label));
  }}
}})();
(() => {{
  if (window.policySameTabLinks) return;
  window.policySameTabLinks = true;
  document.addEventListener("click", (event) => {{
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href^="./"]') : null;
    if (!link || !link.closest('[data-testid="stMarkdownContainer"], .prose, .drawing')) return;
    const url = new URL(link.getAttribute("href"), document.location.href);
    if (url.origin !== document.location.origin) return;
    event.preventDefault();
    history.pushState(null, "", url);
    window.dispatchEvent(new PopStateEvent("popstate", {{ state: null }}));
    if (link.closest(".st-key-sections, .st-key-pills-filters")) return;  // this page's sections or filters
    if (link.closest(".pager")) {{  // another page of a list: the list's top, where its first row of pages is
      document.querySelector("nav.pager")?.scrollIntoView({{ block: "start" }});
      return;
    }}
    const main = document.querySelector('[data-testid="stMain"]');
    if (main) main.scrollTo({{ top: 0 }});
    window.scrollTo({{ top: 0 }});
  }}, true);
}})();
</script>"""


def same_tab_links(language: str) -> None:
    """Links to the app's own pages open in the same tab (see the module's docstring), and <html lang> says the
    page's language."""
    if language not in LANGUAGES:
        raise ValueError(f"not an interface language: {language!r}")
    with use(language):
        words = {
            "skip": _("Skip to main content"),
            "collapse": _("Collapse sidebar"),
            "expand": _("Expand sidebar"),
        }
    # Our catalog's words as a JavaScript object: JSON, with "<" escaped so no text can close the script.
    said = json.dumps(words, ensure_ascii=False).replace("<", "\\u003c")
    st.html(_SAME_TAB_JS.format(code=language, words=said), unsafe_allow_javascript=True)


# A literal but for an element's key (a Python identifier the page chose) and a counter: that element scrolled
# into view. The counter makes each scroll a new element, so its script runs again.
_SCROLL_JS = """<script>/* {count} */
document.querySelector(".st-key-{key}")?.scrollIntoView({{ block: "start" }});
</script>"""


def scroll_into_view(key: str, count: int = 0) -> None:
    """Bring the element with this key into view once it is drawn (a key is the page's own identifier)."""
    if not key.replace("-", "_").isidentifier():
        raise ValueError(f"not an element key: {key!r}")
    st.html(_SCROLL_JS.format(key=key, count=count), unsafe_allow_javascript=True)


def default_page_notices(known: Sequence[str], shown: str) -> None:
    """On the default page: a notice when the address names a page the app does not have (the default page is
    what Streamlit shows then; its own frontend also opens a "Page not found" dialog, which no public option
    turns off), and one naming any link parameter (the default page reads none)."""
    path = urlparse(st.context.url or "").path
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    asked = unquote(path.strip("/").removeprefix(base).strip("/"))
    if asked and asked not in known:
        message = _("This app has no page '{page}': showing {shown} instead. The pages are in the sidebar.")
        st.info(esc(message.format(page=preview(asked), shown=shown)), icon=":material/link_off:")
    UrlState().start().sync()  # the address keeps the reader's language (?lang=), as every page does
