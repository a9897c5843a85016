"""Display blocks every page shares: escaped text, badges, quotes, evidence, lists and page choosers.

Why so much is drawn as one Markdown element: every element a page holds costs the browser time to draw
(a card, a button or a link per item made the long pages the slowest; docs/performance.md, rounds 1-4). So
items of one kind share one element, divided by RULE; quotes, citations and long sections are built only
when the reader opens them (opening an expander or popover reruns the page); long lists are paged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from policy import Dataset
from policy.citations import human_date
from policy.i18n import DEFAULT, _, current
from policy.models import Evidence, Quote
from policy.prose import pieces
from policy.queries import format_figure, short_attribution
from policy.style import BADGE_COLORS, position_label
from policy.text import md_escape, one_line, plain
from ui import registry
from ui.language import PARAM as LANG_PARAM
from ui.language import url_value
from ui.prose import prose

RULE = "\n\n---\n\n"  # between items drawn as one element
PAGE_SIZE = 10  # items per page of a long list


def esc(text: str) -> str:
    """Content or user text made inert for anything Streamlit reads as Markdown: st.markdown and captions,
    notices, titles and headers, and every label, badge and help text (expanders, buttons, metrics).

    Data, never markup: no links, images, icons, maths, emoji shortcodes or colours from text, and no bidi
    control reorders what is around it (see policy.text.md_escape)."""
    return md_escape(text)


def option(text: str) -> str:
    """Content text for a plain-text surface: select box and multiselect options (format_func), which
    Streamlit shows as typed, so escaping would show backslashes; bidi controls are removed."""
    return plain(text)


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


HOVER_CHARACTERS = 110  # of a quote, in a citation mark's hover text


class Marks:
    """A page's citation marks: each quote a marker names gets a number, in order of first use on the page.

    A mark is a small raised number; hovering shows the quote and its source, and tapping or clicking opens
    the quote in its source on the Sources page (in the same tab: Back returns to the place)."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.numbers: dict[str, int] = {}

    def md(self, text: str) -> str:
        """Prose with markers as Markdown: the words escaped, each marker a numbered link."""
        return "".join(esc(p.text) if p.text else self._marks(p.cites) for p in pieces(text))

    def _marks(self, quote_ids: Sequence[str]) -> str:
        """Adjacent markers side by side ("²˒³"), each its own link: hovering shows that quote's opening words
        and who said it where, a tap or click opens it whole in its source (the Sources page, same tab)."""
        links = []
        lang = f"&{LANG_PARAM}={code}" if (code := url_value()) else ""  # the reader's language (ui.language)
        for quote_id in quote_ids:
            number = self.numbers.setdefault(quote_id, len(self.numbers) + 1)
            quote = self.ds.quote(quote_id)
            # The hover text is short: long titles on every mark cost the browser more to draw than the marks
            # themselves (docs/performance.md, round 6); a click opens the quote whole, with its source.
            hover = f"“{one_line(quote.text, HOVER_CHARACTERS)}” {self._who(quote)}"
            title = " ".join(plain(hover).split()).replace("\\", "\\\\").replace('"', '\\"')
            href = f"./{registry.QUOTE_PAGE}?quote={quote_id}{lang}"
            links.append(f'[{str(number).translate(_SUPERSCRIPT)}]({href} "{title}")')
        return "\u202f" + "˒".join(links)  # a narrow no-break space: the marks never start a line

    def _who(self, quote: Quote) -> str:
        """'— Ebrard, The Washington Post, April 2023': the speaker (none for the reporter) and the source."""
        source = self.ds.source(quote.source)
        who = f"{self.ds.actor(quote.speaker).name}, " if quote.speaker else ""
        return f"— {who}{source.outlet}, {human_date(source.published[:7])}"


def page_link(url_path: str, label: str, icon: str, query_params: Mapping[str, str] | None = None) -> None:
    """A link to one of the app's pages, by its url_path in the registry."""
    params = dict(query_params or {})
    if lang := url_value():  # the reader's language goes with every link (ui.language)
        params[LANG_PARAM] = lang
    st.page_link(registry.script(url_path), label=label, icon=icon, query_params=params)


def position_badge(ds: Dataset, position_id: str) -> None:
    """The position's icon, short title and colour (st.badge reads its label as Markdown with no way to
    escape it, so the badge is drawn from the same directive, escaped)."""
    st.markdown(position_badge_md(ds, position_id))


def position_badge_md(ds: Dataset, position_id: str) -> str:
    """The same badge as Markdown, so several share one element."""
    index = ds.position_ids.index(position_id)
    return f":{BADGE_COLORS[index % len(BADGE_COLORS)]}-badge[{esc(position_label(ds, position_id))}]"


def quote_md(ds: Dataset, quote: Quote) -> str:
    """A verbatim quote at full strength in quotation marks, the speaker, outlet and month under it (all
    escaped); the long form, with its context, is in the Cite panel. Not a Markdown blockquote: Streamlit draws
    those at 60% opacity, which made the evidence read as secondary."""
    said = short_attribution(ds, quote)
    if current() != DEFAULT:  # the sources are English: the quote is shown as written, and says so
        said = _("{attribution} · the source's text, in English").format(attribution=said)
    return f"“{esc(quote.text)}”  \n*{esc(said)}*"


def claim_head(item: Evidence) -> str:
    """An evidence item's figure in bold before its claim, or nothing if it has none."""
    figure = format_figure(item)
    return f"**{esc(figure)}** · " if figure else ""


def bullet_list(heading: str, items: Sequence[str], empty: str, marks: Marks | None = None) -> None:
    """A section of bullet points (one element), or a line saying there are none; with marks, cited prose."""
    st.header(heading)
    if items:
        prose("\n".join(f"- {marks.md(item) if marks else esc(item)}" for item in items))
    else:
        st.caption(empty)


def paginate(count: int, key: str, size: int = PAGE_SIZE, start_page: int = 1) -> tuple[int, int]:
    """Slice bounds for the current page of a long list, with a page chooser when needed."""
    pages = max(1, -(-count // size))
    if pages == 1:
        return 0, count
    if key not in st.session_state:
        st.session_state[key] = start_page
    # The list may have shrunk since the reader chose a page (a new filter): stay within it.
    st.session_state[key] = min(max(1, int(st.session_state[key] or 1)), pages)
    page = st.number_input(
        _("Page (of {pages})").format(pages=pages), min_value=1, max_value=pages, step=1, key=key, width=200
    )
    start = (int(page) - 1) * size
    return start, min(start + size, count)
