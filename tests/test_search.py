"""One search over everything: accents and case do not matter, the best hit comes first, every kind is found,
and `python -m policy search` prints the hits as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from streamlit.testing.v1 import AppTest

from policy import Dataset
from policy.cli import main
from policy.search import HIT_CLOSE, HIT_OPEN, KINDS, SearchIndex, documents, match_expression
from tests.conftest import MINI
from ui import registry


@pytest.fixture(scope="module")
def index(dataset: Dataset) -> SearchIndex:
    return SearchIndex(dataset)


def found(index: SearchIndex, words: str, limit: int = 500) -> list[tuple[str, str]]:
    return [(h.kind, h.id) for h in index.search(words, limit)]


def test_accents_do_not_matter(index: SearchIndex) -> None:
    plain, accented = found(index, "Lopez Obrador"), found(index, "López Obrador")
    assert plain and plain == accented
    assert found(index, "Mérida Initiative") == found(index, "Merida initiative")


def _says(d: object, word: str) -> bool:
    import re

    from policy.prose import strip_markers

    text = strip_markers(f"{d.title} {d.body}")  # type: ignore[attr-defined]
    return bool(re.search(rf"\b{word}\b", text, re.IGNORECASE))


@pytest.mark.parametrize(("typed", "written"), [("strikes", "strike"), ("designated", "designation")])
def test_a_word_finds_its_other_forms(index: SearchIndex, dataset: Dataset, typed: str, written: str) -> None:
    """A reader typing "strikes" also wants the passages that only say "strike", and so on."""
    only = [(d.kind, d.id) for d in documents(dataset) if _says(d, written) and not _says(d, typed)]
    assert only, f"the content has no passage with {written!r} alone"
    assert set(only) <= set(found(index, typed))
    assert found(index, "cartels") == found(index, "cartel")


def test_an_abbreviation_is_found_with_or_without_its_full_stops(index: SearchIndex) -> None:
    assert set(found(index, "US military")) == set(found(index, "U.S. military"))
    assert found(index, "U.S.") == found(index, "US")
    assert found(index, "US")


def test_the_evidence_box_finds_what_the_site_search_finds(dataset: Dataset, index: SearchIndex) -> None:
    """The Evidence page's own box follows the same rules: word forms, accents, abbreviations."""
    from policy.queries import EvidenceFilter, filter_evidence

    def ids(text: str) -> set[str]:
        return {e.id for e in filter_evidence(dataset, EvidenceFilter(text=text))}

    assert ids("strikes") == ids("strike") and ids("strike")
    assert ids("Lopez Obrador") == ids("López Obrador") and ids("lopez")
    assert ids("U.S. military") == ids("US military")
    assert ids("   ") == {e.id for e in dataset.evidence}
    assert not ids("zzqxnotaword")
    evidence_hits = {h.id for h in index.search("strikes", 500) if h.kind == "evidence"}
    assert evidence_hits <= ids("strikes"), "what the site search finds in a claim, the box finds too"


def test_case_does_not_matter(index: SearchIndex) -> None:
    assert found(index, "sedena") == found(index, "SEDENA") == found(index, "Sedena")
    assert found(index, "sedena")


def test_a_name_finds_its_person_first(index: SearchIndex, dataset: Dataset) -> None:
    person = next(a for a in dataset.actors if a.name == "Andrés Manuel López Obrador")
    assert index.search("lopez obrador")[0].id == person.id
    assert index.search("Marcelo Ebrard")[0].kind == "person"


def test_a_word_in_the_title_outranks_the_same_word_in_passing(index: SearchIndex) -> None:
    hits = index.search("Operation Blue Lotus", 10)
    assert (hits[0].kind, hits[0].title) == ("term", "Operation Blue Lotus")
    assert [h.rank for h in hits] == sorted(h.rank for h in hits), "best first"


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_thing_is_found_and_links_to_its_place(
    index: SearchIndex, dataset: Dataset, kind: str
) -> None:
    expected_param = {
        "position": "position", "argument": "position", "evidence": "item", "quote": "quote",
        "person": "person", "dispute": "dispute", "event": "event", "term": "term",
        "source": "source",
    }  # fmt: skip
    doc = next(d for d in documents(dataset) if d.kind == kind)
    hits = [h for h in index.search(doc.title, 500) if (h.kind, h.id) == (kind, doc.id)]
    assert hits, f"searching the title of {kind} {doc.id} does not find it"
    url = urlparse(hits[0].url)
    registry.page(url.path.removeprefix("./"))  # a page the app has
    assert list(parse_qs(url.query)) == [expected_param[kind]] + (["actor"] if kind == "argument" else [])


def test_matching_words_are_marked_as_written(index: SearchIndex) -> None:
    hit = index.search("Lopez Obrador", 1)[0]
    assert f"{HIT_OPEN}López{HIT_CLOSE}" in hit.title_marked
    assert hit.title_marked.replace(HIT_OPEN, "").replace(HIT_CLOSE, "") == hit.title


def test_citation_markers_are_not_searched_or_shown(index: SearchIndex, dataset: Dataset) -> None:
    marker_word = dataset.quotes[0].id.split("-")[1]  # e.g. "wapo" from q-wapo-…
    for hit in index.search(marker_word, 500):
        assert "[q-" not in hit.title + hit.snippet
    assert all("[q-" not in h.snippet for h in index.search("fentanyl", 500))


@pytest.mark.parametrize(
    "words", ['"', "OR", "NEAR(a b)", "*", "a^b", "title:x", "-", "' OR 1=1 --", "x" * 900]
)
def test_any_input_is_a_valid_search(index: SearchIndex, words: str) -> None:
    index.search(words)  # no error: every word is quoted, nothing is an operator


def test_nothing_to_find_finds_nothing(index: SearchIndex) -> None:
    assert match_expression("  ?! ") == ""
    assert index.search("?!") == [] and index.search("zzqxnotaword") == []


def test_the_kinds_narrow_the_hits(index: SearchIndex) -> None:
    assert {h.kind for h in index.search("SEDENA", 100, ("quote",))} == {"quote"}


def test_cli_prints_hits_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "López Obrador", "--limit", "3"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 3 and all({"kind", "id", "title"} <= set(h) for h in hits)
    assert hits[0]["kind"] == "person" and hits[0]["title"] == "Andrés Manuel López Obrador"
    assert main(["search", "lopez obrador", "--limit", "3"]) == 0
    assert json.loads(capsys.readouterr().out) == hits


def test_cli_reads_another_content_folder_and_refuses_a_bad_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zzqxnotaword", "--data", str(MINI)]) == 0
    assert json.loads(capsys.readouterr().out) == []
    with pytest.raises(SystemExit) as stop:
        main(["search", "x", "--limit", "0"])
    assert stop.value.code == 2 and "must be 1 or more" in capsys.readouterr().err


def test_the_search_page_keeps_the_words_in_its_url(dataset: Dataset) -> None:
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=60)
    at.query_params["q"] = "Lopez Obrador"
    at = at.switch_page(registry.script("search")).run()
    assert not at.exception
    assert any("results for" in m.value for m in at.markdown)
    at.text_input(key="search_text").input("SEDENA").run()
    assert at.query_params["q"] == "SEDENA"
    at.text_input(key="search_text").input("zzqxnotaword").run()
    assert any("Nothing matches" in i.value for i in at.info)
