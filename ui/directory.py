"""People's parts: the map of who stands where (a grid, and a table by person) and the directory of everyone, as
Markdown (drawn as HTML by ui.prose)."""

from __future__ import annotations

from collections import Counter

from policy import Dataset
from policy.charts import SIDE_STYLE
from policy.i18n import _, ngettext
from policy.queries import PersonEntry, actor_kinds, people_directory, stance_map
from policy.style import ACTOR_KINDS as STYLE_ACTOR_KINDS
from policy.style import actor_kind_label, position_label
from policy.text import md_table, one_line, sort_key
from ui.blocks import esc
from ui.filters import Row, filter_links
from ui.links import link_md, person_url

ROLE_CHARACTERS = 110  # of a role, in the directory (the person's own view gives it whole)


ACTOR_KINDS = STYLE_ACTOR_KINDS  # the kinds' labels (policy.style)
kind_label = actor_kind_label


# Each side's badge colour: the map's own colours (policy.charts.SIDE_STYLE: blue, orange, purple).
SIDE_BADGE = {"backs": "blue", "criticises": "orange", "both": "violet"}


def map_grid(ds: Dataset, countries: tuple[str, ...], kinds: tuple[str, ...]) -> str:
    """Who stands where, as a grid: a row per person or institution with a recorded stance (their name opening
    them), a column per option; a cell says the side in a glyph, a word and a colour, and opens that person (their
    stance and the words behind it). A table, so a screen reader reads each cell with its row and column."""
    cells = stance_map(ds, countries, kinds)
    side = {(c.actor, c.position): c.side for c in cells}
    lines = [
        "| "
        + _("Person or institution")
        + " | "
        + " | ".join(esc(position_label(ds, p)) for p in ds.position_ids)
        + " |",
        "| --- |" + " :-: |" * len(ds.position_ids),
    ]
    for actor_id in dict.fromkeys(c.actor for c in cells):
        url = person_url(actor_id)
        row = [f"**{link_md(ds.actor(actor_id).name, url)}**"]
        for pid in ds.position_ids:
            found = side.get((actor_id, pid))
            glyph, word = SIDE_STYLE[found][:2] if found else ("", "")
            row.append(f"[:{SIDE_BADGE[found]}-badge[{glyph} {_(word)}]]({url})" if found else "")
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def map_table(ds: Dataset, countries: tuple[str, ...], kinds: tuple[str, ...]) -> str:
    """The map as a list by person: each person or institution with the positions they back and criticise."""
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
    return md_table((_("Person or institution"), _("Backs"), _("Criticises")), rows)


def entry_md(ds: Dataset, entry: PersonEntry) -> str:
    """One directory entry: the name (opening the person), kind and country, role, where they stand, quotes.
    The name has no hover text: its role is on the next line, and a title on each of 57 links costs the browser
    more to draw than the links (docs/performance.md, round 6)."""
    head = " · ".join(
        [
            f"**{link_md(entry.name, person_url(entry.id))}**",
            *(esc(p) for p in (kind_label(entry.kind), entry.country) if p),
        ]
    )
    stands = [
        f"{SIDE_STYLE[side][0]} **{word}:** " + esc(", ".join(ds.position(p).short_title for p in ids))
        for side, word, ids in (
            ("backs", _("Backs"), entry.backs),
            ("criticises", _("Criticises"), entry.criticises),
        )
        if ids
    ]
    if entry.quotes:
        stands.append(esc(ngettext("{n} quote", "{n} quotes", entry.quotes).format(n=entry.quotes)))
    lines = [head, esc(one_line(entry.role, ROLE_CHARACTERS)) if entry.role else "", " · ".join(stands)]
    return "  \n".join(line for line in lines if line)


def directory(ds: Dataset, countries: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[str, str]:
    """The directory as two Markdown columns (one element each), split at the middle."""
    entries = [entry_md(ds, e) for e in people_directory(ds, countries, kinds)]
    half = -(-len(entries) // 2)
    return "\n\n".join(entries[:half]), "\n\n".join(entries[half:])


def people_filters(
    ds: Dataset, countries: tuple[str, ...], kinds: tuple[str, ...], codes: tuple[tuple[str, str], ...]
) -> str:
    """People's filters as rows of links (ui.filters), each value with how many people it holds; a country's
    link names it as the content writes it (`codes`: (as written, as shown) pairs; `countries`: as written)."""
    by_country = Counter(a.country for a in ds.actors)
    by_kind: Counter[str] = Counter(a.kind for a in ds.actors)
    return filter_links(
        "people",
        [
            Row(
                "country",
                _("From the countries"),
                {code: f"{name} ({by_country[name]})" for code, name in codes},
                countries,
            ),
            Row(
                "kind",
                _("Of the kinds"),
                {
                    k: f"{kind_label(k).capitalize()} ({by_kind[k]})"
                    for k in sorted(actor_kinds(ds), key=lambda k: sort_key(kind_label(k)))
                },
                kinds,
            ),
        ],
    )
