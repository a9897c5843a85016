"""Who stands where and the People directory: the queries behind the map, and the charts a student reads."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from policy import Dataset
from policy.charts import (
    GENERAL_GLYPH,
    SIDE_STYLE,
    series_chart,
    series_table,
    timeline_frame,
)
from policy.queries import (
    actor_countries,
    actor_kinds,
    people_directory,
    short_attribution,
    stance_map,
)
from policy.style import position_label
from ui.directory import SIDE_BADGE, map_grid
from ui.prose import to_html


def edited(ds: Dataset, change: Any) -> Dataset:
    """A copy of the dataset with change(data) applied to its plain data, validated again."""
    data = ds.model_dump()
    change(data)
    return Dataset.model_validate(data)


@pytest.fixture
def world(mini: Dataset) -> Dataset:
    """The mini content with countries, and one actor who both backs and criticises the first position."""

    def change(data: dict[str, Any]) -> None:
        countries = {"park": "Ruritania", "ortiz": "Freedonia"}
        for actor in data["actors"]:
            actor["country"] = countries.get(actor["id"], "")
        first = data["positions"][0]
        backer = first["proponents"][0]
        first["critics"].append({**backer, "argument": backer["argument"]})

    return edited(mini, change)


def test_the_map_has_a_cell_per_actor_and_position_they_take_a_side_on(mini: Dataset) -> None:
    cells = stance_map(mini)
    expected = {
        (s.actor, p.id, "backs" if side == "proponents" else "criticises")
        for p in mini.positions
        for side in ("proponents", "critics")
        for s in getattr(p, side)
    }
    assert {(c.actor, c.position, c.side) for c in cells} == expected
    # Actors by name, positions in content order within each actor.
    names = [mini.actor(c.actor).name.casefold() for c in cells]
    assert names == sorted(names)
    for actor in {c.actor for c in cells}:
        order = [mini.position_ids.index(c.position) for c in cells if c.actor == actor]
        assert order == sorted(order)


def test_backing_and_criticising_one_position_is_both(world: Dataset) -> None:
    first = world.positions[0]
    backer = first.proponents[0].actor
    cell = next(c for c in stance_map(world) if c.actor == backer and c.position == first.id)
    assert cell.side == "both"
    entry = next(e for e in people_directory(world) if e.id == backer)
    assert first.id in entry.backs and first.id in entry.criticises


def test_the_map_and_directory_filter_by_country_and_kind(world: Dataset) -> None:
    assert actor_countries(world) == ["Freedonia", "Ruritania"]  # by name, none for actors without one
    assert actor_kinds(world) == sorted({a.kind for a in world.actors})
    assert {c.actor for c in stance_map(world, countries=("Ruritania",))} == {"park"}
    assert [e.id for e in people_directory(world, countries=("Freedonia",))] == ["ortiz"]
    official = {a.id for a in world.actors if a.kind == "official"}
    assert {e.id for e in people_directory(world, kinds=("official",))} == official
    assert people_directory(world, countries=("Ruritania",), kinds=("analyst",)) == []
    assert stance_map(world, countries=("Nowhere",)) == []


def test_the_directory_lists_everyone_by_name_with_their_quotes(mini: Dataset) -> None:
    entries = people_directory(mini)
    assert [e.id for e in entries] == sorted(
        (a.id for a in mini.actors), key=lambda a: mini.actor(a).name.casefold()
    )
    for entry in entries:
        assert entry.quotes == len(mini.quotes_by(entry.id))


def test_the_map_grid_has_every_cell_in_colour_glyph_and_word_each_opening_its_person(mini: Dataset) -> None:
    cells = stance_map(mini)
    grid = to_html(map_grid(mini, (), ()))
    actors = list(dict.fromkeys(c.actor for c in cells))
    rows = re.findall(r"<tr>(.*?)</tr>", grid, re.S)
    assert len(rows) == 1 + len(actors)  # the options' row, then one per person or institution
    assert all(position_label(mini, p) in rows[0] for p in mini.position_ids)
    for actor_id, row in zip(actors, rows[1:], strict=True):
        assert row.count("<td") == 1 + len(mini.positions)  # blank cells too, so the grid reads as one
        said = {c.position: c.side for c in cells if c.actor == actor_id}
        pills = re.findall(
            r'<a href="([^"]*)"><span class="prose-badge prose-badge-([a-z]+)">([^<]*)</span>', row
        )
        assert len(pills) == len(said)
        for (href, colour, words), side in zip(
            pills, [said[p] for p in mini.position_ids if p in said], strict=True
        ):
            glyph, word, _ = SIDE_STYLE[side]
            assert words == f"{glyph} {word}" and colour == SIDE_BADGE[side]
            assert href == f"./people?person={actor_id}"


def test_no_number_in_a_chart_is_written_with_an_exponent(dataset: Dataset) -> None:
    for series in dataset.series:
        text = json.dumps(series_chart(dataset, series).to_dict())
        assert "~g" not in text and "e+" not in text
        rows = next(iter(series_chart(dataset, series).to_dict()["datasets"].values()))
        shown = [r["shown"] for r in rows]
        assert not [s for s in shown if re.search(r"\de[+-]?\d", s)]
        assert all(line for r in rows for line in r["line"].split("\n"))
        assert all(len(line) <= 26 or " " not in line for r in rows for line in r["line"].split("\n"))
        # The table names the unit once, in the value's heading.
        assert f"Value ({series.unit})" in series_table(dataset, series).split("\n")[0].replace("\\", "")
        # A row names its period once, however the label already gives it.
        table = series_table(dataset, series).replace("\\", "")
        for point in series.points:
            if point.period and point.period in point.label:
                assert f"{point.label} — {point.period}" not in table and point.label in table


def test_the_timeline_draws_each_event_as_its_lanes_glyph(dataset: Dataset) -> None:
    frame = timeline_frame(dataset, dataset.timeline)
    for lane, glyph in zip(frame["lane"], frame["glyph"], strict=True):
        assert lane.split(" ")[0] == glyph
    general = frame[frame["glyph"] == GENERAL_GLYPH]
    assert all(not e.positions for e in dataset.timeline if e.id in set(general["id"]))


def test_a_quote_is_attributed_in_a_few_words(mini: Dataset) -> None:
    quote = mini.quote("q-park-saves")
    source = mini.source(quote.source)
    assert short_attribution(mini, quote) == f"— Ada Park, {source.outlet}, March 2024"
    reporting = quote.model_copy(update={"speaker": None})
    assert short_attribution(mini, reporting) == f"— {source.outlet} (reporting), March 2024"


def test_an_outlets_parenthetical_is_left_out_of_the_short_attribution(mini: Dataset) -> None:
    def change(data: dict[str, Any]) -> None:
        data["sources"][0]["outlet"] = "Town Gazette (Gazeta, Springfield)"

    ds = edited(mini, change)
    quote = next(q for q in ds.quotes if q.source == ds.sources[0].id)
    assert "(Gazeta" not in short_attribution(ds, quote) and "Town Gazette" in short_attribution(ds, quote)


def test_every_kind_of_person_or_institution_has_a_label_to_translate() -> None:
    from typing import get_args

    from policy.models import ActorKind
    from ui.directory import ACTOR_KINDS, kind_label

    assert set(ACTOR_KINDS) == set(get_args(ActorKind))
    assert all(kind_label(k) == k for k in ACTOR_KINDS)  # English: the content's own word
