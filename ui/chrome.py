"""What every page has around it: the search box, a Copy link button, and a clean printed page."""

from __future__ import annotations

import html
from functools import cache

import streamlit as st

from policy import i18n
from policy.i18n import _
from ui.styles import LINK_DARK, LINK_LIGHT, PRINT_STYLE, PROSE_STYLE

# The sidebar's tools, drawn into the page itself as one st.html element (no widget, no iframe): static markup
# but for its words, in the reader's language (escaped), and in the reader's light or dark theme through
# currentColor; the script reads the words it says from the markup's data- attributes.
# - A search box: a plain form. Enter opens the search page with the words (?q=) in this tab, through the
#   browser's history as the app's own links do (ui.navigation): the same session, as st.switch_page kept it
#   for the widget this replaces; without JavaScript the form still opens the results, as a new visit.
# - A Copy link button: copies the address the browser shows now (the page and its link parameters, as the
#   pages keep them), falling back to selecting the text where the clipboard is not available (plain http).
_SEARCH_FORM = """<form class="sidebar-search" action="search" method="get" role="search">\
<label for="sidebar-search-words">{label}</label>\
<input id="sidebar-search-words" name="q" type="text" maxlength="200" autocomplete="off" \
placeholder="{placeholder}" aria-describedby="sidebar-search-what" \
title="{title}">\
<span id="sidebar-search-what" class="sidebar-hidden">{what}</span></form>
"""
_COPY_BUTTON = """<div class="copy-link" data-copied="{copied}" data-failed="{failed}" data-select="{select}">\
<button type="button" aria-describedby="copy-link-said">{label}\
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
.language-switch { margin-top: 1rem; }
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
  // The language switch's links keep the view as it is now (a search typed, a filter chosen since the page
  // was drawn): the address's own parameters, with the language the link names. Set as the reader points,
  // taps or tabs to it, before any click handler reads the link.
  const keep = (event) => {
    const link = event.target instanceof Element ? event.target.closest(".language-switch a") : null;
    if (!link) return;
    const [path, query] = link.getAttribute("href").split("?");
    const lang = new URLSearchParams(query).get("lang"), kept = new URLSearchParams();
    for (const [k, v] of new URLSearchParams(document.location.search)) {
      if (/^[a-z]+$/.test(k) && k !== "lang" && v) kept.append(k, v);
    }
    kept.set("lang", lang);
    link.setAttribute("href", path + "?" + kept.toString());
  };
  root.addEventListener("pointerdown", keep);
  root.addEventListener("focusin", keep);
  const tool = root.querySelector(".copy-link"), button = tool.querySelector("button"), said = tool.querySelector("span");
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
    said.textContent = await copy(window.location.href, button) ? tool.dataset.copied : tool.dataset.failed;
  });
  if (!window.policyCopyText) {  // a citation's Copy button (ui.prose.copy_block), wherever it is drawn
    window.policyCopyText = true;
    document.addEventListener("click", async (event) => {
      const from = event.target instanceof Element ? event.target.closest(".copyable button") : null;
      if (!from) return;
      const text = from.parentNode.querySelector("pre").textContent;
      const words = document.querySelector(".copy-link")?.dataset;  // in the page's language, as drawn now
      const copied = words?.copied ?? "Copied", select = words?.select ?? "Select the text to copy it";
      const label = from.dataset.label ?? (from.dataset.label = from.textContent);
      const ok = await copy(text, from);
      from.parentNode.querySelector("[role=status]").textContent = ok ? copied : select;
      if (ok) { from.textContent = copied; setTimeout(() => { from.textContent = label; }, 2000); }
    });
  }
})();
</script>"""
# The style and script in the reader's light or dark theme (the link colour of the passages drawn as HTML,
# ui.prose), and the print style.
_LIGHT = _STYLE_AND_SCRIPT + PROSE_STYLE + LINK_LIGHT + PRINT_STYLE
_DARK = _STYLE_AND_SCRIPT + PROSE_STYLE + LINK_DARK + PRINT_STYLE


@cache  # a few languages, with and without the search box
def _tools(language: str, search: bool) -> str:
    """The search box (unless the page has its own) and the Copy link button, their words in `language`,
    escaped."""
    with i18n.use(language):
        form = _SEARCH_FORM.format(
            label=html.escape(_("Search everything")),
            placeholder=html.escape(_("People, places, words…")),
            title=html.escape(
                _(
                    "Options, arguments, evidence, quotes, people, contested claims, events, the glossary and"
                    " the source articles' text"
                )
            ),
            what=html.escape(
                _(
                    "Searches options, arguments, evidence, quotes, people, contested claims, events, the"
                    " glossary and the source articles' text; Enter opens the results."
                )
            ),
        )
        button = _COPY_BUTTON.format(
            copied=html.escape(_("Copied")),
            failed=html.escape(_("Copy the address bar")),
            select=html.escape(_("Select the text to copy it")),
            label=html.escape(_("Copy link to this view")),
        )
    return (form if search else "") + button


def print_css() -> None:
    """The print style alone, for the pages without the sidebar's tools (which carry it)."""
    st.html(PRINT_STYLE)


def sidebar_tools(search: bool = True, after: str = "") -> None:
    """The sidebar's search box (unless the page has its own), Copy link button, then `after` (HTML: the language
    switch), the passages' style and the print style: one element, in the reader's language and theme."""
    theme = _DARK if st.context.theme.type == "dark" else _LIGHT
    st.sidebar.html(f"{_tools(i18n.current(), search)}{after}{theme}", unsafe_allow_javascript=True)
