"""A page's filters as rows of links (drawn by ui.prose inside an element keyed ``FILTERS_KEY``): each value of a
row is a link to the page with that value added to the row's choice or, when chosen (ticked), taken out; "Any"
clears the row. A choice is then in the page's link like any other, the reader keeps their place (ui.navigation),
and a row wraps on a phone. Each link keeps the other rows' choices.

Why not Streamlit's multiselects and select boxes: they cost a page a sixth to a fifth of an empty page's load
with a warm cache, and a row of links costs next to nothing (docs/performance.md, round 11)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from policy.i18n import N_, _
from policy.params import encode
from ui.blocks import esc
from ui.links import link_md, page_url

FILTERS_KEY = "pills-filters"  # the element holding the rows (ui.styles draws them as pills; ui.navigation)
CHOSEN_HOVER = N_("Chosen: select to leave it out")  # shown translated: _(CHOSEN_HOVER)


@dataclass(frozen=True)
class Row:
    """One filter: its link parameter, its heading (in the reader's language), its values in order with their
    labels, and what is chosen. ``many`` lets several values be chosen at once; otherwise choosing one
    replaces the other. ``minimum`` and ``maximum`` bound how many are chosen: a value whose link would cross a
    bound is drawn without it."""

    param: str
    heading: str
    labels: Mapping[str, str]  # value -> label, in the order shown
    chosen: tuple[str, ...]
    many: bool = True
    every: bool = True  # an "Any" link first, clearing the row
    minimum: int = 0  # at this many chosen, a chosen value is not a link (nothing to leave out)
    maximum: int | None = None  # at this many chosen, another value is not a link (drawn dimmed)


def filter_links(url_path: str, rows: Sequence[Row], keep: Mapping[str, str] | None = None) -> str:
    """The rows as Markdown: a heading and a list of links each (see the module's docstring). ``keep``: the page's
    other link parameters each link carries as they are (a search typed, a choice made in a widget)."""
    now = {row.param: row.chosen for row in rows}
    order = {row.param: list(row.labels) for row in rows}
    kept = {n: v for n, v in (keep or {}).items() if v}

    def href(param: str, values: Sequence[str]) -> str:
        query = {n: encode(v for v in order[n] if v in vs) for n, vs in {**now, param: values}.items()}
        return page_url(url_path, **kept, **{n: v for n, v in query.items() if v})

    out = []
    hover, every = _(CHOSEN_HOVER), _("Any")
    for row in rows:
        cells = []
        if row.every:
            cells.append(f"**{every}**" if not row.chosen else link_md(every, href(row.param, ())))
        full = row.many and row.maximum is not None and len(row.chosen) >= row.maximum
        for value, label in row.labels.items():
            if value in row.chosen and len(row.chosen) <= row.minimum:
                cells.append(f"**✓ {esc(label)}**")
            elif value in row.chosen:
                left = [v for v in row.chosen if v != value]
                cells.append(f'**[✓ {esc(label)}]({href(row.param, left)} "{hover}")**')
            elif full:
                cells.append(f"*{esc(label)}*")
            else:
                cells.append(link_md(label, href(row.param, [*row.chosen, value] if row.many else [value])))
        out.append(f"{esc(row.heading)}\n\n" + "\n".join(f"- {c}" for c in cells))
    return "\n\n".join(out)
