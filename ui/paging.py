"""Paging a long list whose page is in the link: a row of page links above the list and the same row under it,
and a notice at the top of the page when a link names a page past the end.

``Pager(key, size)`` is made before the page's title (its notice slot sits with the link's other notices);
``pager.bounds(count, linked, href)`` draws the row above the list and returns the slice (``href(n)``: the link to
page n of this view, ``UrlState.href``); ``pager.stepper()`` draws the row under the list; ``pager.restart`` is the
on_change of a widget that changes what the list holds (a search typed), so the new list starts on its first page
(links to another view leave the page out, and so start there too).

Why links, not a number box and Previous/Next buttons: each is a page link like the filters' (ui.filters), so a
page is in the link, opens in the same tab through the browser's history (Back returns to the page before), opens
at its top (ui.navigation), and the two rows are two elements where the box and buttons were seven
(docs/performance.md, round 15). A row shows the first and last pages and two either side of the current one.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import streamlit as st

from policy.i18n import _
from ui.blocks import PAGE_SIZE
from ui.prose import CLASS

NEAR = 2  # page links either side of the current one (the first and last are always shown)


def pages_of(count: int, size: int = PAGE_SIZE) -> int:
    """How many pages a list of count items fills (at least one)."""
    return max(1, -(-count // size))


def shown_pages(page: int, pages: int) -> list[int | None]:
    """The page numbers a row links, in order, None where a run of pages is left out (drawn as an ellipsis)."""
    keep = sorted({1, pages, *range(max(1, page - NEAR), min(pages, page + NEAR) + 1)})
    out: list[int | None] = []
    for n in keep:
        if out and n - (out[-1] or 0) > 1:
            out.append(None if n - (out[-1] or 0) > 2 else n - 1)  # one page left out is shown, not "…"
        out.append(n)
    return out


def row_html(page: int, pages: int, href: Callable[[int], str]) -> str:
    """The row as HTML: where the reader is, Previous, the page numbers (the current one marked), Next. Every word
    is the catalog's and every link is built by the app (escaped all the same)."""

    def link(n: int, text: str, label: str = "") -> str:
        named = f' aria-label="{html.escape(label)}"' if label else ""
        return f'<a href="{html.escape(href(n))}"{named}>{html.escape(text)}</a>'

    cells = []
    back, on = _("Previous page"), _("Next page")
    cells.append(
        link(page - 1, f"← {back}") if page > 1 else f'<span class="off">← {html.escape(back)}</span>'
    )
    for n in shown_pages(page, pages):
        if n is None:
            cells.append('<span class="gap" aria-hidden="true">…</span>')
        elif n == page:
            cells.append(f'<strong aria-current="page">{n}</strong>')
        else:
            cells.append(link(n, str(n), _("Page {page}").format(page=n)))
    cells.append(
        link(page + 1, f"{on} →") if page < pages else f'<span class="off">{html.escape(on)} →</span>'
    )
    where = html.escape(_("Page {page} of {pages}").format(page=page, pages=pages))
    named = html.escape(_("Pages"))
    items = "".join(f"<li>{c}</li>" for c in cells)
    return f'<nav class="{CLASS} pager" aria-label="{named}"><p>{where}</p><ul>{items}</ul></nav>'


class Pager:
    """One paged list on a page, its page kept in session state under ``key`` (seeded from the link)."""

    def __init__(self, key: str, size: int = PAGE_SIZE) -> None:
        self.key = key
        self.size = size
        self.pages = 1
        self.href: Callable[[int], str] = str
        self.slot = st.empty()  # where a notice about the link's page goes: with the link's other notices

    def bounds(self, count: int, linked: int | None, href: Callable[[int], str]) -> tuple[int, int]:
        """The row above the list (when there is more than one page) and the slice of the list to show; a linked
        page past the end says so and shows the last page."""
        self.pages, self.href = pages_of(count, self.size), href
        # Only a page the link asked for gets the notice (not one kept from before a new search shrank the list).
        if linked is not None and linked > self.pages and st.session_state.get(self.key) == linked:
            self.slot.info(
                _("Page {page} doesn't exist: showing page {last} of {last}.").format(
                    page=linked, last=self.pages
                ),
                icon=":material/link_off:",
            )
        # The list may have shrunk since the reader chose a page (a new filter or search): stay within it.
        page = st.session_state[self.key] = min(max(1, int(st.session_state.get(self.key) or 1)), self.pages)
        self._draw(page)
        start = (page - 1) * self.size
        return start, min(start + self.size, count)

    def restart(self) -> None:
        """Back to the first page: the on_change of a widget that changes what the list holds (a new search)."""
        st.session_state[self.key] = 1

    def page(self) -> int:
        """The page shown."""
        return int(st.session_state.get(self.key) or 1)

    def stepper(self) -> None:
        """The same row under the list: at the end of a page the reader goes on without scrolling back up, and the
        new page opens at its top."""
        self._draw(self.page())

    def _draw(self, page: int) -> None:
        if self.pages > 1:
            st.html(row_html(page, self.pages, self.href), width="stretch")
