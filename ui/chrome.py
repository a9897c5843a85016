"""What every page has around it: the search box, a Copy link button, and a clean printed page."""

from __future__ import annotations

import streamlit as st

from ui import registry

SEARCH_KEY = "sidebar_search"
SEARCH_PAGE_KEY = "search_text"  # the search page's own box (ui/pages/search.py), given the words on the way
_GO = "_sidebar_search_go"


# A button that copies the address the browser shows now (the page and its link parameters, as the pages keep
# them), falling back to selecting the text where the clipboard is not available (a plain-http LAN address).
# Drawn into the page itself (st.html), not as a second document in an iframe: a literal, static and the same for
# every reader, so the browser keeps one element where there was a whole page load per view. It takes its
# colours from the page (the reader's light or dark theme) through currentColor.
_COPY_HTML = """<div class="copy-link"><button type="button" aria-describedby="copy-link-said">Copy link to this view\
</button><span id="copy-link-said" role="status"></span></div>
<style>
.copy-link button { font: inherit; font-size: 0.875rem; color: inherit; background: transparent; cursor: pointer;
  border: 1px solid currentColor; border-color: color-mix(in srgb, currentColor 60%, transparent);
  border-radius: 0.5rem; padding: 0.25rem 0.75rem; min-height: 2.25rem; }
.copy-link button:hover { border-color: currentColor; }
.copy-link button:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
.copy-link span { margin-left: 0.5rem; font-size: 0.875rem; }
</style>
<script>
(() => {
  const root = document.currentScript.parentNode;
  const button = root.querySelector(".copy-link button"), said = root.querySelector(".copy-link span");
  function fallback(url) {
    const box = document.createElement("textarea");
    box.value = url; box.setAttribute("readonly", ""); box.style.position = "fixed"; box.style.opacity = "0";
    document.body.appendChild(box); box.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    box.remove(); button.focus(); return ok;
  }
  button.addEventListener("click", async () => {
    const url = window.location.href;
    let ok = false;
    try { await navigator.clipboard.writeText(url); ok = true; } catch (e) { ok = fallback(url); }
    said.textContent = ok ? "Copied" : "Copy the address bar";
  });
})();
</script>"""


def print_css() -> None:
    """Style for printing (drawn once per run; takes no space on screen): the document without the sidebar,
    header, toolbar or controls, and nothing cut by a fixed height. A literal: static CSS, no content in it."""
    st.html(
        """<style>
        @media print {
          [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
          [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
          [data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stTextInput"],
          [data-testid="stNumberInput"], [data-testid="stButton"], [data-testid="stDownloadButton"],
          [data-testid="stPopover"], [data-testid="stPageLink"], [data-testid="stPills"],
          [data-testid="stButtonGroup"], [data-testid="stSegmentedControl"], [data-testid="stCheckbox"],
          [data-testid="stToggle"], [data-testid="stIFrame"], iframe { display: none !important; }
          [data-testid="stAppViewContainer"], [data-testid="stMain"], [data-testid="stMainBlockContainer"] {
            position: static !important; overflow: visible !important; height: auto !important;
            max-width: none !important; padding: 0 !important; margin: 0 !important;
          }
          [data-testid="stVerticalBlockBorderWrapper"], [data-testid="stExpander"] { break-inside: avoid; }
          a { color: inherit !important; }
        }
        </style>"""
    )


def copy_link() -> None:
    """The Copy link button, in the sidebar (a literal: no content or user text reaches it)."""
    st.sidebar.html(_COPY_HTML, unsafe_allow_javascript=True)


def _remember_search() -> None:
    # In a callback, so the box can be emptied for the next search and the search page given the words.
    words = str(st.session_state.get(SEARCH_KEY) or "").strip()
    st.session_state[SEARCH_KEY] = ""
    if words:
        st.session_state[_GO] = words
        st.session_state[SEARCH_PAGE_KEY] = words


def search_box() -> None:
    """A search box in the sidebar; Enter opens the search page with the words (kept in its URL as ?q=)."""
    st.sidebar.text_input(
        "Search everything",
        key=SEARCH_KEY,
        max_chars=200,
        placeholder="People, places, words…",
        on_change=_remember_search,
        help="Options, arguments, evidence, quotes, people, contested claims, events and the glossary",
    )
    words = st.session_state.pop(_GO, None)
    if words:
        st.switch_page(registry.script("search"), query_params={"q": words})
