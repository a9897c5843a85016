"""People's parts: the map of who stands where (chart and table) and the directory of everyone, as Markdown."""

from __future__ import annotations

import altair as alt

from policy import Dataset
from policy.charts import SIDE_STYLE, stance_map_chart
from policy.queries import PersonEntry, people_directory, stance_map
from policy.text import md_table, one_line
from ui.blocks import esc
from ui.links import link_md, person_url

ROLE_CHARACTERS = 110  # of a role, in the directory (the person's own view gives it whole)


def map_chart(ds: Dataset, countries: tuple[str, ...], kinds: tuple[str, ...]) -> alt.Chart:
    return stance_map_chart(ds, stance_map(ds, countries, kinds), person_url)


def map_table(ds: Dataset, countries: tuple[str, ...], kinds: tuple[str, ...]) -> str:
    """The map as a table: each person or institution with the positions they back and criticise."""
    rows = []
    for entry in people_directory(ds, countries, kinds):
        if entry.backs or entry.criticises:
            rows.append(
                (
                    entry.name,
                    ", ".join(ds.position(p).short_title for p in entry.backs) or "—",
                    ", ".join(ds.position(p).short_title for p in entry.criticises) or "—",
                )
            )
    return md_table(("Person or institution", "Backs", "Criticises"), rows)


def entry_md(ds: Dataset, entry: PersonEntry) -> str:
    """One directory entry: the name (opening the person), kind and country, role, where they stand, quotes.
    The name has no hover text: its role is on the next line, and a title on each of 57 links costs the browser
    more to draw than the links (docs/performance.md, round 6)."""
    head = " · ".join(
        [
            f"**{link_md(entry.name, person_url(entry.id))}**",
            *(esc(p) for p in (entry.kind, entry.country) if p),
        ]
    )
    stands = [
        f"{SIDE_STYLE[side][0]} **{word}:** " + esc(", ".join(ds.position(p).short_title for p in ids))
        for side, word, ids in (
            ("backs", "Backs", entry.backs),
            ("criticises", "Criticises", entry.criticises),
        )
        if ids
    ]
    if entry.quotes:
        stands.append(esc(f"{entry.quotes} quote{'s' if entry.quotes != 1 else ''}"))
    lines = [head, esc(one_line(entry.role, ROLE_CHARACTERS)) if entry.role else "", " · ".join(stands)]
    return "  \n".join(line for line in lines if line)


def directory(ds: Dataset, countries: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[str, str]:
    """The directory as two Markdown columns (one element each), split at the middle."""
    entries = [entry_md(ds, e) for e in people_directory(ds, countries, kinds)]
    half = -(-len(entries) // 2)
    return "\n\n".join(entries[:half]), "\n\n".join(entries[half:])
