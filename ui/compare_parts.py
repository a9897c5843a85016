"""Compare's sections, side by side: one row per section (and per side within a section), a column per option,
so the sections line up across the options (the cells are ui.compare_cells). The page (ui/pages/compare.py)
chooses the options; ``side_by_side`` draws them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from policy import Dataset
from policy.models import Position
from ui.blocks import esc, position_badge_md
from ui.compare_cells import CellOf, Row, Sections
from ui.context import ViewContext
from ui.links import link_md
from ui.navigation import scroll_into_view
from ui.prose import cards, prose

SECTIONS_KEY = "sections"  # the row of section links (ui.styles, ui.navigation)
_SHOWN = "_compare_section_shown"  # the section shown last, with three or four options

__all__ = ["row", "section_rows", "side_by_side"]


def row(ds: Dataset, key: str, cell: CellOf, positions: Sequence[Position], badge: bool = True) -> None:
    """One section (or side) across the options, a column per option, so it starts level in every column;
    each cell opens with its option's badge (on a phone the columns stack, and the badge says whose cell it
    is). One element (ui.prose.cards): as Streamlit columns, a row of four cells was about twenty. A cell's rest
    opens under it; `key` names the row (a class on it)."""
    made = [cell(position) for position in positions]
    cards(
        [
            (f"{position_badge_md(ds, p.id)}\n\n" if badge else "") + m.md
            for p, m in zip(positions, made, strict=True)
        ],
        len(positions),
        f"compare-cells compare-{key}",
        [(m.more, m.rest()) if m.rest is not None else None for m in made],
    )


def section_rows(ds: Dataset, rows: Sequence[Row], positions: Sequence[Position]) -> None:
    """A section's rows, each under its side heading if it has one."""
    for key, sub, cell in rows:
        if sub:
            st.markdown(f"#### {esc(sub)}")
        row(ds, key, cell, positions)


def side_by_side(
    ctx: ViewContext, positions: Sequence[Position], section: str, href: Callable[[str], str]
) -> None:
    """What each option is, then every section across the options. Two options read well one section under
    another; with more, each column is narrow and the sections are a row of links (``href(name)``: this view
    with that section open; keyed "sections" as Position's are, so following one keeps the reader's place),
    only the open one built: the page stays a screen or two tall, each section still lines up, the section is
    in the link, and on a phone the row wraps where tabs scrolled sideways."""
    parts = Sections(ctx)
    row(ctx.dataset, "what", parts.what_it_is, positions, badge=False)
    sections = parts.sections()
    if len(positions) > 2:
        links = [
            f"- **{esc(label)}**" if key == section else f"- {link_md(label, href(key))}"
            for key, label, _ in sections
        ]
        prose("\n".join(links), st.container(key=SECTIONS_KEY))
        section_rows(ctx.dataset, next(rows for key, _, rows in sections if key == section), positions)
        # A section other than the one shown before (a link naming one, opened anew) is brought into view.
        if section != st.session_state.get(_SHOWN, sections[0][0]):
            st.session_state[_SHOWN + "_count"] = count = st.session_state.get(_SHOWN + "_count", 0) + 1
            scroll_into_view(SECTIONS_KEY, count)
        st.session_state[_SHOWN] = section
        return
    for _key, label, rows in sections:
        with st.container():
            st.markdown(f"### {label}")
            section_rows(ctx.dataset, rows, positions)
