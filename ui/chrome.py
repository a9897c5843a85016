"""What every page has around it: the search box, a Copy link button, and a clean printed page."""

from __future__ import annotations

import streamlit as st

# The sidebar's tools, drawn into the page itself as one st.html element (no widget, no iframe): a literal, static
# and the same for every reader, in the reader's light or dark theme through currentColor.
# - A search box: a plain form. Enter opens the search page with the words (?q=) in this tab, through the
#   browser's history as the app's own links do (ui.navigation): the same session, as st.switch_page kept it
#   for the widget this replaces; without JavaScript the form still opens the results, as a new visit.
# - A Copy link button: copies the address the browser shows now (the page and its link parameters, as the
#   pages keep them), falling back to selecting the text where the clipboard is not available (plain http).
_SEARCH_FORM = """<form class="sidebar-search" action="search" method="get" role="search">\
<label for="sidebar-search-words">Search everything</label>\
<input id="sidebar-search-words" name="q" type="text" maxlength="200" autocomplete="off" \
placeholder="People, places, words…" aria-describedby="sidebar-search-what" \
title="Options, arguments, evidence, quotes, people, contested claims, events, the glossary and the source articles">\
<span id="sidebar-search-what" class="sidebar-hidden">Searches options, arguments, evidence, quotes, people, \
contested claims, events, the glossary and the source articles; Enter opens the results.</span></form>
"""
_COPY_BUTTON = """<div class="copy-link"><button type="button" aria-describedby="copy-link-said">Copy link to this view\
</button><span id="copy-link-said" role="status"></span></div>
"""
_STYLE_AND_SCRIPT = """<style>
.sidebar-search { margin: 0 0 1rem; }
.sidebar-search label { display: block; font-size: 0.875rem; margin-bottom: 0.25rem; }
.sidebar-search input { box-sizing: border-box; width: 100%; font: inherit; color: inherit; min-height: 2.5rem;
  background: color-mix(in srgb, currentColor 4%, transparent); padding: 0.5rem 0.75rem;
  border: 1px solid currentColor; border-color: color-mix(in srgb, currentColor 60%, transparent);
  border-radius: 0.5rem; }
.sidebar-search input::placeholder { color: inherit; opacity: 0.7; }
.sidebar-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }
.copy-link button { font: inherit; font-size: 0.875rem; color: inherit; background: transparent; cursor: pointer;
  border: 1px solid currentColor; border-color: color-mix(in srgb, currentColor 60%, transparent);
  border-radius: 0.5rem; padding: 0.25rem 0.75rem; min-height: 2.25rem; }
.copy-link button:hover, .sidebar-search input:hover { border-color: currentColor; }
.copy-link button:focus-visible, .sidebar-search input:focus-visible {
  outline: 2px solid currentColor; outline-offset: 2px; }
.copy-link span { margin-left: 0.5rem; font-size: 0.875rem; }
[data-testid="stMarkdownContainer"] a[href^="./sources?quote="], .prose a[href^="./sources?quote="] {
  text-decoration: none; font-weight: 600; padding: 0.3em 0.15em; margin: 0 -0.1em; }
@media (pointer: coarse) {
  [data-testid="stMarkdownContainer"] a[href^="./sources?quote="], .prose a[href^="./sources?quote="] {
    padding: 0.55em 0.5em; margin: 0 -0.3em; }
}
.st-key-filters [data-testid="stMultiSelect"] div[role="group"] { height: auto !important; max-height: none !important; }
.st-key-filters [data-testid="stMultiSelectTagsContainer"], .st-key-filters [data-testid="stMultiSelectTagsContainer"] > span {
  flex-wrap: wrap; overflow: visible; height: auto !important; max-height: none !important; }
.st-key-filters [data-tag] { max-width: 100%; }
.st-key-filters [data-testid="stMultiSelectTagsContainer"] { min-width: 0 !important; flex: 1 1 0% !important; }
.st-key-filters [data-testid="stMultiSelectTagsContainer"] input { min-width: 0 !important; }
@media (max-width: 640px) {
  .st-key-filters [data-testid="stHorizontalBlock"] { flex-flow: row wrap !important; gap: 0.25rem 0.75rem !important; }
  .st-key-filters [data-testid="stColumn"] { flex: 1 1 calc(50% - 0.4rem) !important; width: calc(50% - 0.4rem) !important;
    min-width: calc(50% - 0.4rem) !important; }
  .st-key-filters [data-testid="stColumn"]:has([data-tag]) { flex-basis: 100% !important; min-width: 100% !important; }
}
</style>
<script>
(() => {
  const root = document.currentScript.parentNode;
  const form = root.querySelector(".sidebar-search");
  if (form) form.addEventListener("submit", (event) => {
    const words = form.elements.q.value.trim();
    event.preventDefault();
    if (!words) return;
    const url = new URL("./search", document.location.href);
    url.search = "?q=" + encodeURIComponent(words);
    form.reset();
    history.pushState(null, "", url);
    window.dispatchEvent(new PopStateEvent("popstate", { state: null }));
  });
  const button = root.querySelector(".copy-link button"), said = root.querySelector(".copy-link span");
  async function copy(text, from) {
    try { await navigator.clipboard.writeText(text); return true; } catch (e) { /* not a secure page */ }
    const box = document.createElement("textarea");
    box.value = text; box.setAttribute("readonly", ""); box.style.position = "fixed"; box.style.opacity = "0";
    document.body.appendChild(box); box.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    box.remove(); from.focus(); return ok;
  }
  button.addEventListener("click", async () => {
    said.textContent = await copy(window.location.href, button) ? "Copied" : "Copy the address bar";
  });
  if (!window.policyCopyText) {  // a citation's Copy button (ui.prose.copy_block), wherever it is drawn
    window.policyCopyText = true;
    document.addEventListener("click", async (event) => {
      const from = event.target instanceof Element ? event.target.closest(".copyable button") : null;
      if (!from) return;
      const text = from.parentNode.querySelector("pre").textContent;
      const ok = await copy(text, from);
      from.parentNode.querySelector("[role=status]").textContent = ok ? "Copied" : "Select the text to copy it";
      if (ok) { from.textContent = "Copied"; setTimeout(() => { from.textContent = "Copy"; }, 2000); }
    });
  }
})();
</script>"""
# Style for printing (takes no space on screen): the document without the sidebar, header, toolbar or controls,
# and nothing cut by a fixed height. Static CSS, no content in it; drawn once per run, with the sidebar's tools.
_PRINT_STYLE = """<style>
        @media print {
          [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
          [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
          [data-testid="stSelectbox"], .st-key-position-options, [data-testid="stMultiSelect"], [data-testid="stTextInput"],
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
# Streamlit's look for Markdown, for the passages drawn as HTML (ui.prose; Streamlit's global styles already give
# fonts, colours and paragraphs), and the theme's link colours (config.toml's linkColor; a test holds them equal).
_PROSE_STYLE = """<style>
.prose { line-height: 1.6; overflow-wrap: break-word; }
.prose > :last-child, .prose li > :last-child { margin-bottom: 0; }
.prose hr { margin: 2em 0; padding: 0; border: none;
  border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent); }
.prose ul, .prose ol { padding-left: 1.5em; margin: 0 0 1rem; }
.prose li { margin: 0.2em 0; }
.prose table { border-collapse: separate; border-spacing: 0; margin: 0 0 1rem; display: block; max-width: 100%;
  overflow-x: auto; }
.prose th, .prose td { border: 0 solid color-mix(in srgb, currentColor 20%, transparent); border-width: 0 1px 1px 0;
  padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
.prose tr > :first-child { border-left-width: 1px; } .prose thead th { border-top-width: 1px; }
.prose-badge { display: inline-block; font-size: 0.875rem; line-height: 1.6; padding: 0 0.4rem; border-radius: 0.375rem;
  white-space: nowrap; }
.prose td > a > .prose-badge { font-weight: 600; color: #FFFFFF !important; padding: 0.1rem 0.6rem; }
.prose td > a > .prose-badge-blue { background: #0072B2 !important; }
.prose td > a > .prose-badge-orange { background: #B34A00 !important; }
.prose td > a > .prose-badge-violet { background: #AA4499 !important; }
.prose td:first-child, .prose th:first-child { position: sticky; left: 0; z-index: 1; }
.st-key-position-options ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
.st-key-position-options li { margin: 0; } .st-key-position-options p { font-size: 0.875rem; margin: 0 0 0.25rem; }
.st-key-position-options li > * { display: inline-block; padding: 0.2rem 0.75rem; border-radius: 1rem; text-decoration: none;
  border: 1px solid color-mix(in srgb, currentColor 35%, transparent); }
.st-key-position-options li > strong { border-color: currentColor; background: color-mix(in srgb, currentColor 10%, transparent); }
.st-key-position-options li > a:hover { border-color: currentColor; }
.copyable { position: relative; margin: 0 0 1.4rem; }
.copyable pre { margin: 0; padding: 0.75rem 4.5rem 0.75rem 1rem; border-radius: 0.5rem; white-space: pre-wrap;
  overflow-wrap: anywhere; background: color-mix(in srgb, currentColor 6%, transparent); }
.copyable code { font-family: "Source Code Pro", monospace; font-size: 0.85rem; background: none; padding: 0; }
.copyable button { position: absolute; top: 0.45rem; right: 0.45rem; font: inherit; font-size: 0.8rem; color: inherit;
  background: transparent; border: 1px solid color-mix(in srgb, currentColor 50%, transparent); border-radius: 0.375rem;
  padding: 0.1rem 0.55rem; cursor: pointer; }
.copyable button:hover { border-color: currentColor; }
.copyable button:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
.copyable [role="status"] { position: absolute; right: 0.5rem; top: 100%; font-size: 0.75rem; }
"""
# A table's first column stays in view as it scrolls sideways (People's grid on a phone), on the theme's
# background. The badges' colours, as Streamlit's own badges, each at AA (4.5:1 and more) on its own background.
LINK_LIGHT = """.prose a { color: #0B5CAD; } .prose td:first-child, .prose th:first-child { background: #FFFFFF; }
.prose-badge-blue { color: #0B5CAD; background: #E6F0FA; } .prose-badge-orange { color: #9A4A00; background: #FDF0E4; }
.prose-badge-green { color: #1B6B3A; background: #E6F4EA; } .prose-badge-violet { color: #6B3FA0; background: #F1EBFA; }
.prose-badge-yellow { color: #6B5B00; background: #FAF6DC; } .prose-badge-red { color: #B0232A; background: #FCE8E8; }
.prose-badge-gray { color: #4D4D4D; background: #F0F0F0; }
</style>"""
LINK_DARK = """.prose a { color: #8CC4FF; } .prose td:first-child, .prose th:first-child { background: #0E1117; }
.prose-badge-blue { color: #8CC4FF; background: #1A2A40; } .prose-badge-orange { color: #F0A030; background: #3A2A15; }
.prose-badge-green { color: #2FC39A; background: #15332A; } .prose-badge-violet { color: #C9A6FF; background: #2B2140; }
.prose-badge-yellow { color: #E8D44D; background: #35321A; } .prose-badge-red { color: #FF8F8F; background: #401A1A; }
.prose-badge-gray { color: #BDBDBD; background: #2A2A2A; }
</style>"""
_LIGHT = _PROSE_STYLE + LINK_LIGHT
_DARK = _PROSE_STYLE + LINK_DARK
# With and without the search box (the search page has its own), each in the reader's light or dark theme (the
# link colour of the passages drawn as HTML, ui.prose).
_WITH_SEARCH_LIGHT = _SEARCH_FORM + _COPY_BUTTON + _STYLE_AND_SCRIPT + _LIGHT + _PRINT_STYLE
_WITH_SEARCH_DARK = _SEARCH_FORM + _COPY_BUTTON + _STYLE_AND_SCRIPT + _DARK + _PRINT_STYLE
_WITHOUT_SEARCH_LIGHT = _COPY_BUTTON + _STYLE_AND_SCRIPT + _LIGHT + _PRINT_STYLE
_WITHOUT_SEARCH_DARK = _COPY_BUTTON + _STYLE_AND_SCRIPT + _DARK + _PRINT_STYLE


def print_css() -> None:
    """The print style alone, for the pages without the sidebar's tools (which carry it)."""
    st.html(_PRINT_STYLE)


def sidebar_tools(search: bool = True) -> None:
    """The sidebar's search box (unless the page has its own), Copy link button, the passages' style and the print
    style: one element, a literal for the reader's theme."""
    dark = st.context.theme.type == "dark"
    if search and dark:
        st.sidebar.html(_WITH_SEARCH_DARK, unsafe_allow_javascript=True)
    elif search:
        st.sidebar.html(_WITH_SEARCH_LIGHT, unsafe_allow_javascript=True)
    elif dark:
        st.sidebar.html(_WITHOUT_SEARCH_DARK, unsafe_allow_javascript=True)
    else:
        st.sidebar.html(_WITHOUT_SEARCH_LIGHT, unsafe_allow_javascript=True)
