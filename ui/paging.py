"""Paging a long list: the page chooser above it, Previous and Next under it, and a notice at the top of the page
when a link names a page past the end.

``Pager(key, size)`` is made before the page's title (its notice slot sits with the link's other notices);
``pager.bounds(count, linked)`` draws the chooser and returns the slice; ``pager.stepper()`` draws Previous and
Next under the list (last: after the list). A step taken at the bottom brings the new page's top into view (Streamlit keeps the scroll
position across a rerun, which would leave the reader at the end of a page they have not read).
"""

from __future__ import annotations

import streamlit as st

from policy.i18n import _
from ui.blocks import PAGE_SIZE, paginate
from ui.navigation import scroll_into_view

_SCROLL = "_paging_scroll_"  # + the chooser's key: a step was taken at the bottom, counted


def pages_of(count: int, size: int = PAGE_SIZE) -> int:
    """How many pages a list of count items fills (at least one)."""
    return max(1, -(-count // size))


class Pager:
    """One paged list on a page."""

    def __init__(self, key: str, size: int = PAGE_SIZE) -> None:
        self.key = key
        self.size = size
        self.pages = 1
        self.slot = st.empty()  # where a notice about the link's page goes: with the link's other notices

    def bounds(self, count: int, linked: int | None = None) -> tuple[int, int]:
        """The chooser (when there is more than one page) and the slice of the list to show; a linked page past
        the end says so and shows the last page."""
        self.pages = pages_of(count, self.size)
        if linked is not None and linked > self.pages:
            self.slot.info(
                _("Page {page} doesn't exist: showing page {last} of {last}.").format(
                    page=linked, last=self.pages
                ),
                icon=":material/link_off:",
            )
        return paginate(count, self.key, size=self.size)

    def page(self) -> int:
        """The page shown."""
        return int(st.session_state.get(self.key) or 1)

    def _step(self, by: int) -> None:
        st.session_state[self.key] = int(st.session_state[self.key]) + by
        # Counted (the count outlives the flag), so each step draws a new scroll whose script runs again.
        steps = int(st.session_state.get(_SCROLL + self.key + "_count", 0)) + 1
        st.session_state[_SCROLL + self.key] = st.session_state[_SCROLL + self.key + "_count"] = steps

    def stepper(self) -> None:
        """Previous and Next under the list, and where the reader is: at the end of a page they go on without
        scrolling back up, and the new page opens at its top."""
        if self.pages < 2:
            return
        now = self.page()
        back, where, on = st.columns([1, 1, 1], vertical_alignment="center")
        back.button(
            _("Previous page"),
            key=f"{self.key}_back",
            icon=":material/arrow_back:",
            disabled=now <= 1,
            on_click=self._step,
            args=(-1,),
            width="stretch",
        )
        where.markdown(
            _("Page {page} of {pages}").format(page=now, pages=self.pages), text_alignment="center"
        )
        on.button(
            _("Next page"),
            key=f"{self.key}_next",
            icon=":material/arrow_forward:",
            disabled=now >= self.pages,
            on_click=self._step,
            args=(1,),
            width="stretch",
        )
        # Drawn last, once the new page is drawn above it (else the browser keeps the buttons in view).
        steps = st.session_state.pop(_SCROLL + self.key, 0)
        if steps:
            scroll_into_view(self.key, steps)
