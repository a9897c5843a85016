"""The loader: good content loads; each kind of bad content is reported with file, place and problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy import ContentError, load_dataset
from policy.verify import find_quote, verify_dataset
from tests.conftest import MINI_ARCHIVE, Edit


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_dataset(folder)
    return [str(p) for p in caught.value.problems]


def test_the_small_debate_loads(mini_copy: Path) -> None:
    ds = load_dataset(mini_copy)
    assert ds.position_ids == ["four-day", "five-day"]
    assert ds.actor("park").name == "Ada Park"
    assert [e.id for e in ds.evidence_for("four-day", "supports")] == ["savings"]


def test_data_dir_comes_from_the_environment(mini_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_DATA_DIR", str(mini_copy))
    assert load_dataset().debate.title == "School Week Options"


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("actors.yaml", "  kind: official\n", "", ["actors.yaml:1", "item 1 (id 'park')", "field 'kind'", "missing"]),
        ("quotes.yaml", "speaker: park", "speaker: nobody", ["quotes.yaml:4", "field 'speaker'", "unknown actor id 'nobody'"]),
        ("actors.yaml", "id: ortiz", "id: park", ["actors.yaml:6", "item 2 (id 'park')", "duplicate id 'park'"]),
        ("sources.yaml", '"2024-03-05"', '"2024-02-30"', ["sources.yaml:5", "field 'published'", "not a real date"]),
        ("sources.yaml", '"2024-03-05"', "March 2024", ["sources.yaml:5", "field 'published'", "YYYY, YYYY-MM or YYYY-MM-DD"]),
        ("actors.yaml", "  role: Mayor\n", "  role: Mayor\n  rank: 1\n", ["actors.yaml:4", "field 'rank'", "unknown field"]),
        ("timeline.yaml", "title: Council votes", "title: [Council votes", ["timeline.yaml:4", "is not valid YAML"]),
        ("quotes.yaml", "source: town-gazette-2024\n  speaker: ortiz", "source: gazette-1999\n  speaker: ortiz",
         ["quotes.yaml:7", "item 2 (id 'q-ortiz-childcare')", "field 'source'", "unknown source id 'gazette-1999'"]),
        ("evidence.yaml", "five-day: undercuts", "six-day: undercuts", ["evidence.yaml", "field 'bearing'", "unknown position id 'six-day'"]),
        ("evidence.yaml", "kind: figure", "kind: rumour", ["evidence.yaml:3", "field 'kind'", "'figure'"]),
        ("evidence.yaml", "quotes: [q-savings]", "quotes: []", ["evidence.yaml:4", "field 'quotes'", "at least 1"]),
        ("positions.yaml", "critics:\n    - actor: ortiz\n      argument: A teacher says it burdens parents [q-ortiz-childcare].\n      quotes: [q-ortiz-childcare]\n",
         "critics: []\n", ["positions.yaml", "item 1 (id 'four-day')", "field 'critics'", "needs both sides, or a coverage_note"]),
        ("positions.yaml", "quotes: [q-park-saves]", "quotes: [q-ortiz-childcare]",
         ["positions.yaml:11", "field 'proponents'", "spoken by 'ortiz', not by 'park'"]),
        ("disputes.yaml", "quote: q-park-saves", "quote: q-missing", ["disputes.yaml", "field 'claims'", "unknown quote id 'q-missing'"]),
        ("series.yaml", "value: 0,", "value: none,", ["series.yaml:6", "field 'value'", "number"]),
        ("debate.yaml", "headline_evidence: [savings]", "headline_evidence: [savings, costs]",
         ["debate.yaml:4", "unknown evidence id 'costs'"]),
        ("glossary.yaml", "id: four-day-week", "id: Four Day", ["glossary.yaml:1", "field 'id'", "not a valid id"]),
    ],
)  # fmt: skip
def test_bad_content_is_reported_with_file_place_and_problem(
    mini_copy: Path, edit: Edit, file: str, old: str, new: str, expected: list[str]
) -> None:
    edit(file, old, new)
    problems = problems_of(mini_copy)
    assert any(all(part in p for part in expected) for p in problems), problems


def test_every_problem_is_reported_at_once(mini_copy: Path, edit: Edit) -> None:
    edit("actors.yaml", "kind: official", "kind: wizard")
    edit("sources.yaml", '"2024-03-05"', '"2024-13-01"')
    (mini_copy / "glossary.yaml").unlink()
    problems = problems_of(mini_copy)
    assert len(problems) == 3
    assert {p.split(":")[0] for p in problems} == {
        "mini/actors.yaml",
        "mini/sources.yaml",
        "mini/glossary.yaml",
    }


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nowhere") == ["nowhere: content folder not found"]


def test_a_stray_content_file_is_reported(mini_copy: Path) -> None:
    (mini_copy / "positons.yaml").write_text("[]")
    assert problems_of(mini_copy) == ["mini/positons.yaml: unexpected content file (not read)"]


def test_the_error_message_lists_every_problem(mini_copy: Path, edit: Edit) -> None:
    edit("actors.yaml", "name: Ada Park", "nam: Ada Park")
    with pytest.raises(ContentError) as caught:
        load_dataset(mini_copy)
    text = str(caught.value)
    assert "field 'nam'" in text and "field 'name'" in text and "Traceback" not in text


def test_yaml_dates_and_years_are_read_as_dates(mini_copy: Path, edit: Edit) -> None:
    edit("sources.yaml", '"2024-03-05"', "2024-03-05")
    edit("timeline.yaml", 'date: "2024-03"', "date: 2024")
    ds = load_dataset(mini_copy)
    assert ds.sources[0].published == "2024-03-05" and ds.timeline[0].date == "2024"


def test_models_are_frozen(mini_copy: Path) -> None:
    ds = load_dataset(mini_copy)
    with pytest.raises(Exception, match="frozen"):
        ds.actors[0].name = "Someone else"  # type: ignore[misc]


def test_a_quote_not_in_its_source_is_named(mini_copy: Path, edit: Edit) -> None:
    edit("quotes.yaml", "on buses and heating", "on buses, heating and lunches")
    failures = verify_dataset(load_dataset(mini_copy), MINI_ARCHIVE)
    assert [f.quote_id for f in failures] == ["q-park-saves"]
    assert "not in the source" in failures[0].reason


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("\u201cA shorter week saves the district money\u201d", True),  # curly quotes
        ("a SHORTER   week saves\nthe district", True),  # case and whitespace
        ("A shorter week ... on buses and heating", True),  # omission
        ("[The] shorter week saves the district money", True),  # insertion
        ("A shorter week saves the town money", False),
        ("said Mayor Park", False),  # fewer than four words in a row
        ("on buses and heating ... A shorter week saves", False),  # parts out of order
    ],
)
def test_quote_matching_forgives_only_quoting_conventions(quote: str, found: bool) -> None:
    text = (MINI_ARCHIVE / "town-gazette-2024.txt").read_text()
    assert (find_quote(quote, text) is None) is found


def test_a_file_of_the_wrong_shape_is_named(mini_copy: Path) -> None:
    (mini_copy / "sources.yaml").write_text("id: town-gazette-2024\n")
    (mini_copy / "debate.yaml").write_text("- title: x\n")
    problems = problems_of(mini_copy)
    assert "mini/sources.yaml:1: should be a YAML list of items (each starting with '- ')" in problems
    assert "mini/debate.yaml:1: should be a YAML mapping of fields" in problems
