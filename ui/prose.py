"""Long passages of Markdown drawn as HTML: the pages' lists of events, findings, quotes and entries.

Why: Streamlit parses an st.markdown element's Markdown in the reader's browser, at about 6 ms of script per
kilobyte on this machine, and a page's lists hold 10-25 KB of it, the largest part of what a page costs a reader
beyond an empty one (docs/performance.md, round 9). The same Markdown turned into HTML here, by markdown-it-py
(CommonMark, with tables), costs the browser about a tenth of that, and the server well under a millisecond per
kilobyte (each passage's HTML is kept, keyed by its own text, so a rerun makes none anew).

What is the same as st.markdown: the text is the Markdown the pages already build (content escaped by
ui.blocks.esc, so content text is data, never markup: raw HTML in it is written out as text, not read as tags,
and markdown-it refuses javascript: and data: links); links to the app's own pages (./...) open in the same tab
(ui.navigation), links out of it in a new one; the look is Streamlit's own for Markdown (the passages' style,
in the reader's theme, is in ui.chrome). Of Streamlit's own Markdown directives, the pages' option badges (ui.blocks.position_badge_md) are
read here as Streamlit reads them; a block with another (coloured text, icons) stays st.markdown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import streamlit as st
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline

from policy import i18n
from policy.i18n import _
from policy.style import BADGE_COLORS

CLASS = "prose"  # on the div around each passage (ui.chrome's style, ui.navigation's same-tab link handler)


def _link_open(renderer: RendererHTML, tokens: Any, idx: int, options: Any, env: Any) -> str:
    """A link out of the app opens in a new tab, as st.markdown's do; the app's own (./page) stay in this one."""
    token = tokens[idx]
    href = str(token.attrGet("href") or "")
    if not href.startswith(("./", "#")):
        token.attrSet("target", "_blank")
        token.attrSet("rel", "noopener noreferrer")
    return renderer.renderToken(tokens, idx, options, env)


# ":blue-badge[label]", the label escaped by ui.blocks.esc (so a "]" in it is "\]").
_BADGE = re.compile(r":(" + "|".join(sorted(set(BADGE_COLORS))) + r")-badge\[((?:[^\]\\]|\\.)*)\]")
_ESCAPED = re.compile(r"\\(.)")


def _badge(state: StateInline, silent: bool) -> bool:
    found = _BADGE.match(state.src, state.pos)
    if not found:
        return False
    if not silent:
        token = state.push("badge", "span", 0)
        token.meta = {"color": found[1]}
        # The label's text: its backslash escapes and entities read (ui.blocks.esc writes & < > as entities).
        token.content = html.unescape(_ESCAPED.sub(r"\1", found[2]))
    state.pos = found.end()
    return True


def _badge_html(renderer: RendererHTML, tokens: Any, idx: int, options: Any, env: Any) -> str:
    """An option's badge as Streamlit draws one: its label in a pill of its colour (ui.chrome's style)."""
    token = tokens[idx]
    return f'<span class="prose-badge prose-badge-{token.meta["color"]}">{html.escape(token.content)}</span>'


COPY = "copy"  # a fenced block's info string for a block to copy (copy_block)


def _fence(renderer: RendererHTML, tokens: Any, idx: int, options: Any, env: Any) -> str:
    """A block to copy: its text as Streamlit's st.code shows it, and a Copy button (ui.chrome's handler copies
    the text and says so, in the reader's language); any other fenced block as markdown-it writes it."""
    token = tokens[idx]
    if token.info.strip() != COPY:
        return RendererHTML.fence(renderer, tokens, idx, options, env)
    text = html.escape(token.content.removesuffix("\n"))
    label = html.escape(_("Copy"))
    button = f'<button type="button">{label}</button>'
    return f'<div class="copyable"><pre><code>{text}</code></pre>{button}<span role="status"></span></div>'


def copy_block(text: str) -> str:
    """Markdown for a block of text to copy as it is (a citation): no Markdown in it is read, nothing in it is
    markup; drawn with a Copy button. About a tenth of what st.code costs the browser (a syntax highlighter)."""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", text)), default=0))
    return f"{fence}{COPY}\n{text}\n{fence}"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    parser.inline.ruler.before("emphasis", "badge", _badge)
    parser.add_render_rule("link_open", _link_open)
    parser.add_render_rule("badge", _badge_html)
    parser.add_render_rule("fence", _fence)
    return parser


@lru_cache(maxsize=512)  # a page's passages repeat from run to run: about 0.3 ms per kilobyte to render anew
def _rendered(markdown: str, language: str) -> str:
    with i18n.use(language):
        return str(_parser().render(markdown))


def to_html(markdown: str) -> str:
    """The passage as HTML in its own div (see the module's docstring), its Copy buttons in the reader's
    language."""
    return f'<div class="{CLASS}">{_rendered(markdown, i18n.current())}</div>'


def cards(
    markdowns: Sequence[str], columns: int, kind: str = "", more: Sequence[tuple[str, str] | None] = ()
) -> None:
    """Passages as bordered cards, `columns` to a row (2, 3 or 4; one to a row on a phone, in the same order), all
    in one element: as Streamlit columns of bordered containers each card is about ten elements, and each element
    costs a reader's browser (docs/performance.md, round 13). `kind` is a class for the cards' own look
    (ui.styles). `more`, per card: a label and a passage the reader opens under the card's own (a <details>, drawn
    closed; the browser opens it with no rerun, and finding a word on the page opens it too)."""
    language = i18n.current()

    def card(markdown: str, extra: tuple[str, str] | None) -> str:
        opens = ""
        if extra:
            opens = f"<details><summary>{html.escape(extra[0])}</summary>{_rendered(extra[1], language)}</details>"
        return f'<div class="card">{_rendered(markdown, language)}{opens}</div>'

    extras = [*more, *[None] * (len(markdowns) - len(more))]
    inner = "".join(card(m, x) for m, x in zip(markdowns, extras, strict=True))
    st.html(f'<div class="{CLASS}"><div class="cards cards-{columns} {kind}">{inner}</div></div>')


def prose(markdown: str, where: Any = None) -> None:
    """Draw a passage of Markdown (as the pages build it) as HTML, in `where` (a container) or the page."""
    (where or st).html(to_html(markdown))
