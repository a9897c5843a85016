"""Slides for the back of a room: nothing cut short, every side labelled, a real side-by-side slide, type that
fills the slide, and charts sized for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy import Dataset, load_dataset
from policy.charts import movement_chart, poll_chart
from policy.prose import strip_markers
from policy.slides import (
    BODY_SIZES,
    HEIGHT,
    SPARE,
    Point,
    Slide,
    build_slides,
    fit,
    height,
    slide_text,
    slide_texts,
)
from policy.style import position_label
from tests.conftest import Edit
from tests.test_editorial import problems


def every_text(ds: Dataset) -> list[tuple[str, str]]:
    return [(s.kind, t) for s in build_slides(ds) for t in slide_texts(s)]


def points(slide: Slide) -> list[Point]:
    return [*slide.left, *slide.right, *(p for _, ps in slide.columns for p in ps)]


@pytest.mark.parametrize("which", ["dataset", "mini"])
def test_no_text_on_any_slide_is_cut_short(which: str, request: pytest.FixtureRequest) -> None:
    ds: Dataset = request.getfixturevalue(which)
    texts = every_text(ds)
    assert texts
    cut = [(kind, t) for kind, t in texts if "…" in t or t.rstrip().endswith("...")]
    assert not cut, cut
    assert not [t for _, t in texts if "[q-" in t], "citation markers on a slide"


def test_each_point_is_a_slide_form_or_a_whole_sentence(dataset: Dataset) -> None:
    for slide in build_slides(dataset):
        if slide.kind not in {"position", "dispute"}:
            continue
        for p in points(slide):
            assert p.text[-1] in '.?!"”', f"{slide.title}: {p.text!r} does not end a sentence"
    # A stance with no slide form and a long first sentence is left off, never shortened.
    assert slide_text("", "A " + "very " * 60 + "long sentence [q-x]. Short one [q-y].") == ""
    assert slide_text("", "Short [q-x]. Then more [q-y].") == "Short."
    assert slide_text("Made for slides [q-x].", "Anything [q-y].") == "Made for slides."


def test_the_slide_forms_in_the_content_are_used(dataset: Dataset) -> None:
    position = dataset.position(dataset.position_ids[0])
    form = next(s.slide for s in position.proponents if s.slide)
    slide = next(s for s in build_slides(dataset) if s.title == position.title)
    assert strip_markers(form) in [p.text for p in slide.left]


def test_a_slide_form_must_be_cited(edit: Edit, mini_copy: Path) -> None:
    edit(
        "positions.yaml",
        "      argument: The mayor says it saves money [q-park-saves].",
        "      argument: The mayor says it saves money [q-park-saves].\n      slide: The mayor likes it.",
    )
    assert any("slide" in p and "without a citation marker" in p for p in problems(mini_copy))


def test_a_cited_slide_form_shows_on_the_slide(edit: Edit, mini_copy: Path) -> None:
    edit(
        "positions.yaml",
        "      argument: The mayor says it saves money [q-park-saves].",
        "      argument: The mayor says it saves money [q-park-saves].\n"
        "      slide: Park says it saves money [q-park-saves].",
    )
    slide = build_slides(load_dataset(mini_copy))[1]
    assert [(p.who, p.text, p.opening) for p in slide.left] == [
        ("Ada Park", "Park says it saves money.", "Park")
    ]


@pytest.mark.parametrize("which", ["dataset", "mini"])
def test_every_dispute_column_is_headed_by_its_answer(which: str, request: pytest.FixtureRequest) -> None:
    ds: Dataset = request.getfixturevalue(which)
    dispute = next(s for s in build_slides(ds) if s.kind == "dispute")
    assert [label for label, _ in dispute.columns] == [s.label for s in ds.disputes[0].sides[:4]]
    for label, claims in dispute.columns:
        assert label.strip() and claims, f"column {label!r} is empty or unlabelled"
    # Every side shows as many claims as the others, where it has them.
    assert len({len(claims) for _, claims in dispute.columns}) == 1


@pytest.mark.parametrize("which", ["dataset", "mini"])
def test_side_by_side_has_a_column_per_option(which: str, request: pytest.FixtureRequest) -> None:
    ds: Dataset = request.getfixturevalue(which)
    compare = next(s for s in build_slides(ds) if s.kind == "compare")
    assert [label for label, _ in compare.columns] == [position_label(ds, p) for p in ds.position_ids]
    for (_, rows), position in zip(compare.columns, ds.positions, strict=True):
        assert [p.who.split(" (")[0] for p in rows] == ["For", "Against", "Findings"]
        backer = ds.actor(position.proponents[0].actor).name if position.proponents else "none"
        assert backer in rows[0].text
        assert rows[0].who == f"For ({len(position.proponents)})"
        assert rows[1].who == f"Against ({len(position.critics)})"


def test_a_position_slide_shows_as_many_points_each_way(dataset: Dataset) -> None:
    for slide in build_slides(dataset):
        if slide.kind == "position" and len(slide.left) > 1 and len(slide.right) > 1:
            assert len(slide.left) == len(slide.right), slide.title


def test_fit_keeps_sides_level_and_within_room() -> None:
    short = [Point("A", "x" * 40)] * 3
    long = [Point("B", "y" * 200)] * 3
    assert [len(side) for side in fit([short, short])] == [3, 3]
    assert [len(side) for side in fit([short, long])] == [2, 2]  # three long points do not fit a column
    assert [len(side) for side in fit([short, short[:1]])] == [1, 1]
    assert [len(side) for side in fit([short, []])] == [3, 0]


def test_type_is_as_large_as_each_slide_allows(dataset: Dataset) -> None:
    slides = build_slides(dataset)
    for slide in slides:
        assert slide.body in BODY_SIZES and slide.body >= 28
        if (
            slide.body > BODY_SIZES[-1]
        ):  # a larger size only where the slide fits at it (the browser test measures)
            assert height(slide, slide.body) <= HEIGHT - SPARE, slide.title
        bigger = [b for b in BODY_SIZES if b > slide.body]
        assert all(height(slide, b) > HEIGHT - SPARE for b in bigger), f"{slide.title} could take bigger type"
    # A thin slide takes bigger type than a full one.
    assert max(s.body for s in slides) > min(s.body for s in slides)


def test_opening_words_naming_who_are_found() -> None:
    from policy.slides import _opening

    assert (
        _opening("Andrés Manuel López Obrador", "López Obrador, the Post reports, says so.")
        == "López Obrador"
    )
    assert _opening("Luis Cresencio Sandoval", "Sandoval's report said so.") == "Sandoval's"
    assert _opening("Chinese embassy in Mexico", "The Chinese embassy in Mexico denies it.") == (
        "The Chinese embassy in Mexico"
    )
    assert _opening("Unnamed senior U.S. official", '"They know it," an official said.') == ""
    assert _opening("Todd Robinson", "Todd was there.") == ""  # the name's last word is not reached


def _config(chart: object) -> dict:  # type: ignore[type-arg]
    return json.loads(json.dumps(chart.to_dict()))["config"]  # type: ignore[attr-defined,no-any-return]


def test_charts_on_a_slide_have_large_whole_labels() -> None:
    labels = {"a": "◆ A rather long option label for a slide", "b": "▲ B"}
    poll = poll_chart({"a": 12, "b": 0}, labels, big=True)
    moved = movement_chart([("a", 1, 2), ("b", 4, 0)], labels, big=True)
    for chart in (poll, moved):
        config = _config(chart)
        assert config["axis"]["labelFontSize"] >= 20 and config["axis"]["titleFontSize"] >= 20
        spec = json.dumps(chart.to_dict())
        assert '"labelLimit": 0' in spec, "an option label could be cut"
    assert _config(moved)["legend"]["labelFontSize"] >= 20
    # The count past the longest bar has room on the axis.
    layer = poll.to_dict()["layer"][0]
    assert layer["encoding"]["x"]["scale"]["domain"][1] > 12
    # The phone's chart keeps its own sizes.
    assert _config(poll_chart({"a": 1}, labels))["axis"]["labelFontSize"] == 22


def test_an_opening_names_who_in_spanish_too_and_a_wrapping_heading_takes_room() -> None:
    from policy.slides import COLUMN_ROOM, Point, _opening, fit

    assert (
        _opening("Luis Cresencio Sandoval", "El informe de Sandoval reconoció algo.")
        == "El informe de Sandoval"
    )
    assert _opening("Todd Robinson", "Según Robinson, sí.") == "Según Robinson"
    assert _opening("Luis Cresencio Sandoval", "US officials said Sandoval knew.") == "", (
        "a lead that is not 'of'"
    )
    assert _opening("Ben Ortiz", "Ben Ortiz's plan works.") == "Ben Ortiz's"
    half = Point("", "x" * (COLUMN_ROOM[3] // 2 - 5))
    sides = [[half, half]] * 3
    assert [len(s) for s in fit(sides, most=2)] == [2, 2, 2]
    long_heading = "A heading long enough to wrap onto three lines"
    assert [len(s) for s in fit(sides, most=2, headings=["Yes", long_heading, "No"])] == [1, 1, 1]
