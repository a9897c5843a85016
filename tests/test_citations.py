"""Citations from one CSL-JSON core: valid CSL data, and BibTeX and RIS that reference-manager parsers read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from policy import Dataset
from policy.citations import STYLES, bibliography, cite_quotes, csl_items, export
from policy.cli import main
from tests.conftest import FIXTURES, MINI

CURLY = str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''")
SCHEMA = json.loads((FIXTURES / "csl-data.schema.json").read_text())


@pytest.fixture(params=["mini", "real"])
def content(request: pytest.FixtureRequest, mini: Dataset) -> Dataset:
    return mini if request.param == "mini" else request.getfixturevalue("dataset")


def test_csl_json_validates_against_the_csl_data_schema(content: Dataset) -> None:
    items = json.loads(export(csl_items(content), "csl-json"))
    jsonschema.validate(items, SCHEMA)
    assert [i["id"] for i in items] == [s.id for s in content.sources]
    assert all("URL" not in i and "accessed" not in i for i in items if not content.source(i["id"]).url)


def _date(published: str) -> tuple[str, ...]:
    return tuple(published.split("-"))


def test_bibtex_round_trips_every_title_author_and_date(content: Dataset) -> None:
    library = bibtexparser.parse_string(export(csl_items(content), "bibtex"))
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    months = "jan feb mar apr may jun jul aug sep oct nov dec".split()
    for source in content.sources:
        entry = entries[source.id]
        # Pandoc sets straight quotes curly, a typographic change only.
        assert re.sub(r"[{}]", "", entry["title"]).translate(CURLY) == source.title
        authors = (
            [a.strip() for a in entry.fields_dict["author"].value.split(" and ")] if source.authors else []
        )
        assert [" ".join(reversed(a.split(", "))) for a in authors] == source.authors
        year, *rest = _date(source.published)
        assert entry["year"] == year
        if rest:
            assert months.index(entry["month"]) + 1 == int(rest[0])


def test_ris_round_trips_every_title_author_and_date(content: Dataset) -> None:
    records = {r["id"]: r for r in rispy.loads(export(csl_items(content), "ris"))}
    for source in content.sources:
        record = records[source.id]
        assert record["title"] == source.title
        assert [" ".join(reversed(a.split(", "))) for a in record.get("authors", [])] == source.authors
        assert record["year"] == _date(source.published)[0]
        assert record["date"].startswith(source.published.replace("-", "/"))
        assert record.get("secondary_title") == source.outlet or record.get("publisher") == source.outlet


def test_every_style_cites_a_quote_and_lists_the_source(mini: Dataset) -> None:
    quote = mini.quote("q-park-saves")
    for style in STYLES:
        (citation,) = cite_quotes(mini, [quote], style)
        assert citation.startswith("\u201cA shorter week saves") and "Ada Park" in citation
        assert len(bibliography(mini, style)) == 1
    # The Cite button's notes each stand alone: full notes, never a short form of the one before.
    notes = cite_quotes(mini, mini.quotes, "chicago")
    assert all("Town Gazette, March 5, 2024." in n for n in notes)


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("csl-json", '"id": "town-gazette-2024"'),
        ("bibtex", "@article{town-gazette-2024,"),
        ("ris", "TY  - NEWS"),
    ],
)
def test_the_cite_command_prints_each_format(
    capsys: pytest.CaptureFixture[str], fmt: str, check: str
) -> None:
    assert main(["cite", "--data", str(MINI), "--format", fmt, "--sources", "town-gazette-2024"]) == 0
    assert check in capsys.readouterr().out


def test_the_cite_command_refuses_an_unknown_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["cite", "--data", str(MINI), "--sources", "nope"]) == 1
    assert "cite: unknown source id 'nope'; the valid ids are town-gazette-2024" in capsys.readouterr().err


def test_an_author_date_citation_names_a_source_once_with_everyone_quoted_from_it() -> None:
    from policy.citations import cite_marks

    cites = [("wapo", "Marcelo Ebrard"), ("wapo", ""), ("wapo", "Falko Ernst"), ("reuters", "")]
    assert cite_marks(cites, "apa") == "[Marcelo Ebrard and Falko Ernst, as cited in @wapo; @reuters]"
    # A note style keeps each speaker's own credit.
    assert cite_marks(cites[:2], "chicago") == "[Marcelo Ebrard, quoted in @wapo; @wapo]"


def test_a_short_title_is_the_first_clause_or_four_words_without_a_dangling_small_word() -> None:
    from policy.citations import short_title

    assert short_title("As Fentanyl Crisis Grows, U.S.-Mexico Divide Deepens") == "As Fentanyl Crisis Grows"
    assert short_title("Under US Pressure over Fentanyl, Mexico Wages War") == "Under US Pressure"
    assert short_title("Town Council Splits") == "Town Council Splits"
    assert short_title("Report: What the Numbers Say About It") == "Report"
