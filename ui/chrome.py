"""What every page has around it: the search box, a Copy link button, and a clean printed page."""

from __future__ import annotations

import streamlit as st

from ui import registry

SEARCH_KEY = "sidebar_search"
SEARCH_PAGE_KEY = "search_text"  # the search page's own box (ui/pages/search.py), given the words on the way
_GO = "_sidebar_search_go"


# A button that copies the address the browser shows now (the page and its link parameters, as the pages keep
# them), falling back to selecting the text where the clipboard is not available (a plain-http LAN address).
_COPY_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
body {{ margin: 0; font: 14px "Source Sans Pro", "Source Sans 3", sans-serif; background: transparent; }}
button {{ font: inherit; color: {fg}; background: {bg}; border: 1px solid {border}; border-radius: 8px;
  padding: 6px 12px; cursor: pointer; }}
button:focus-visible {{ outline: 2px solid {focus}; outline-offset: 2px; }}
span {{ color: {fg}; margin-left: 8px; }}
</style></head><body>
<button type="button" id="copy" aria-describedby="said">Copy link to this view</button><span id="said" role="status"></span>
<script>
const said = document.getElementById("said");
function fallback(url) {{
  const box = window.parent.document.createElement("textarea");
  box.value = url; window.parent.document.body.appendChild(box); box.select();
  const ok = window.parent.document.execCommand("copy"); box.remove(); return ok;
}}
document.getElementById("copy").addEventListener("click", async () => {{
  const url = window.parent.location.href;
  let ok = false;
  try {{ await navigator.clipboard.writeText(url); ok = true; }} catch (e) {{ ok = fallback(url); }}
  said.textContent = ok ? "Copied" : "Copy the address bar";
}});
</script></body></html>"""
_COLOURS = {
    "light": {"fg": "#0A0A0A", "bg": "#FFFFFF", "border": "#767676", "focus": "#0B5CAD"},
    "dark": {"fg": "#F2F2F2", "bg": "#0E1117", "border": "#9A9A9A", "focus": "#7FB8FF"},
}


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
    """The Copy link button, in the sidebar, in the reader's light or dark theme."""
    theme = st.context.theme.type if st.context.theme.type in _COLOURS else "light"
    with st.sidebar:
        st.iframe(_COPY_HTML.format(**_COLOURS[theme]), height=40, alt="Copy link to this view")


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
