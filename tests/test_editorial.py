"""Editorial rigour made visible to a machine: every sentence of our words cited, disputes by side, balance
that counts findings, and the coverage period on every page and in every export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from policy import ContentError, Dataset, load_dataset
from policy.exports import dataset_json, records_json, safe_csv
from policy.memo import build_memo, default_spec, to_docx, to_markdown
from policy.prose import lead, markers, pieces, sentences, strip_markers
from policy.queries import actor_role, balance_table, counts, coverage_note, evidence_table
from policy.slides import build_slides
from policy.text import md_escape
from tests.conftest import Edit, passages
from ui.blocks import Marks
from ui.registry import PAGES

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_dataset(folder)
    return [str(p) for p in caught.value.problems]


# ---------------------------------------------------------------- sentences and markers


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Sen. Lindsey O. Graham pledged it [q-a]. The U.S. agreed [q-b].", 2),
        ("Mark T. Esper says so [q-a]; No. 1 cause [q-b].", 1),
        ('He said "it is." Then he left [q-a].', 2),
        ("Is it made in Mexico [q-a]? Yes, says Robinson [q-b].", 2),
        ("About 1,000 labs, or 2.5 times as many [q-a].", 1),
    ],
)
def test_sentences_split_where_a_reader_would(text: str, count: int) -> None:
    assert len(sentences(text)) == count


def test_markers_pieces_and_stripping() -> None:
    text = "Graham pledged it [q-a][q-b], Ebrard objected [q-c]."
    assert markers(text) == ["q-a", "q-b", "q-c"]
    assert strip_markers(text) == "Graham pledged it, Ebrard objected."
    assert [(p.text, p.cites) for p in pieces(text)] == [
        ("Graham pledged it", ()),
        ("", ("q-a", "q-b")),
        (", Ebrard objected", ()),
        ("", ("q-c",)),
        (".", ()),
    ]


def test_lead_keeps_whole_sentences_and_their_markers() -> None:
    text = "First point here [q-a]. Second point, a little longer [q-b]. Third [q-c]."
    assert lead(text, 20) == "First point here [q-a]."
    assert lead(text, 50) == "First point here [q-a]. Second point, a little longer [q-b]."
    assert lead("One very long sentence that is over the limit [q-a].", 5).endswith("[q-a].")


# ---------------------------------------------------------------- the loader enforces the rule


def test_a_sentence_without_a_marker_is_refused_with_file_line_and_field(mini_copy: Path, edit: Edit) -> None:
    edit("positions.yaml", "summary: The mayor backs a four-day week [q-park-saves].",
         "summary: The mayor backs a four-day week [q-park-saves]. Buses would run less.")  # fmt: skip
    found = problems(mini_copy)
    assert any(
        p.startswith("mini/positions.yaml:6:")
        and "item 1 (id 'four-day') › field 'summary'" in p
        and "sentence without a citation marker: 'Buses would run less.'" in p
        for p in found
    ), found


def test_an_unknown_or_malformed_marker_is_refused(mini_copy: Path, edit: Edit) -> None:
    edit("glossary.yaml", "[q-park-saves]", "[q-nobody-said-this]")
    edit("timeline.yaml", "[q-savings]", "[q_savings]")
    found = problems(mini_copy)
    assert any(
        p.startswith("mini/glossary.yaml:3:") and "field 'definition'" in p
        and "citation marker [q-nobody-said-this] names an unknown quote id" in p
        for p in found
    ), found  # fmt: skip
    assert any("timeline.yaml:4" in p and "'[q_savings]' is not a citation marker" in p for p in found), found


def test_every_cited_field_is_checked(mini_copy: Path, edit: Edit) -> None:
    edit("positions.yaml", "argument: A teacher says it burdens parents [q-ortiz-childcare].",
         "argument: A teacher says it burdens parents.")  # fmt: skip
    edit("positions.yaml", "  key_figure: savings", "  risks: [Costs may rise.]\n  key_figure: savings")
    edit("debate.yaml", " [q-savings]?", "?")
    found = problems(mini_copy)
    assert any("field 'critics' › item 1 › field 'argument'" in p for p in found), found
    assert any("field 'risks' › item 1" in p and "'Costs may rise.'" in p for p in found), found
    assert any(p.startswith("mini/debate.yaml:2:") and "field 'question'" in p for p in found), found


def test_markers_in_evidence_claims_are_optional_but_must_be_known(mini_copy: Path, edit: Edit) -> None:
    edit("evidence.yaml", "on transport.", "on transport [q-ghost].")
    found = problems(mini_copy)
    assert found == [
        "mini/evidence.yaml:2: item 1 (id 'savings') › field 'claim': "
        "citation marker [q-ghost] names an unknown quote id"
    ]


def test_a_dispute_claim_needs_a_side_the_dispute_names(mini_copy: Path, edit: Edit) -> None:
    edit("disputes.yaml", '    - side: "no"\n      claimant', "    - claimant")
    found = problems(mini_copy)
    assert any(
        p.startswith("mini/disputes.yaml:")
        and "field 'claims' › item 2 › field 'side': required field is missing" in p
        for p in found
    ), found


def test_an_unknown_side_and_a_side_without_claims_are_refused(mini_copy: Path, edit: Edit) -> None:
    edit("disputes.yaml", '    - side: "no"\n', '    - side: "maybe"\n')
    found = problems(mini_copy)
    assert any(
        "field 'side'" in p and "unknown side 'maybe' (this dispute's sides: yes, no)" in p for p in found
    )
    assert any("field 'sides' › item 2" in p and "side 'no' has no claim" in p for p in found), found


def test_yes_and_no_unquoted_get_a_message_about_yaml(mini_copy: Path, edit: Edit) -> None:
    edit("disputes.yaml", '{id: "yes", label', "{id: yes, label")
    found = problems(mini_copy)
    assert any("disputes.yaml:4" in p and "put the value in quotes" in p for p in found), found


def test_a_part_of_a_finding_must_bear_as_its_lead_does(mini_copy: Path, edit: Edit) -> None:
    edit("evidence.yaml", "  bearing: {four-day: undercuts, five-day: supports}",
         "  bearing: {four-day: undercuts, five-day: supports}\n  part_of: savings")  # fmt: skip
    found = problems(mini_copy)
    assert any(
        "item 2 (id 'childcare') › field 'bearing'" in p and "as its lead item 'savings' does" in p
        for p in found
    ), found


def test_a_role_needs_the_date_it_was_given(mini_copy: Path, edit: Edit) -> None:
    edit("actors.yaml", "  as_of: 2024-03\n", "")
    found = problems(mini_copy)
    assert any(p.startswith("mini/actors.yaml:") and "field 'as_of'" in p for p in found), found


# ---------------------------------------------------------------- findings, not items


def grouped(mini_copy: Path, edit: Edit) -> Dataset:
    """The mini debate with a second report of the savings finding."""
    path = mini_copy / "evidence.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "- id: savings-again\n  claim: The mayor repeats the saving.\n  kind: statement\n"
        "  quotes: [q-park-saves]\n  bearing: {four-day: supports, five-day: undercuts}\n  part_of: savings\n",
        encoding="utf-8",
    )
    return load_dataset(mini_copy)


def test_counts_and_the_balance_chart_count_findings(mini_copy: Path, edit: Edit) -> None:
    ds = grouped(mini_copy, edit)
    c = counts(ds, ds.position("four-day"))
    assert (c.evidence, c.supports, c.undercuts) == (2, 1, 1)  # three items, two findings
    table = balance_table(ds)
    assert table.query("position == 'four-day' and bearing == 'supports'")["items"].item() == 1
    assert [e.id for e in ds.findings_for("four-day", "supports")] == ["savings"]
    assert [e.id for e in ds.parts_of("savings")] == ["savings-again"]
    assert evidence_table(ds).set_index("id").loc["savings-again", "finding"] == "savings"


# ---------------------------------------------------------------- dated content in every export


def test_coverage_comes_from_the_sources(mini: Dataset, dataset: Dataset) -> None:
    assert coverage_note(mini).startswith("Covers reporting published March 2024 (one source)")
    assert coverage_note(dataset).startswith("Covers reporting published April–December 2023 (4 sources)")
    assert "nothing after December 2023 is covered" in coverage_note(dataset)


def test_roles_read_as_of_their_source(mini: Dataset) -> None:
    assert actor_role(mini.actor("park")) == "Mayor, March 2024"
    assert actor_role(mini.actor("district")) == ""


def test_the_memo_states_the_coverage_and_turns_markers_into_notes(mini: Dataset) -> None:
    memo = build_memo(mini, default_spec(mini))
    md = to_markdown(memo)
    assert "*Covers reporting published March 2024" in md
    assert re.search(r"Teach four longer days\.\[\^\d+\]", md) and "[q-" not in md
    assert "Mayor, March 2024" in md
    assert "Covers reporting published March 2024" in docx_text(to_docx(memo))


def docx_text(data: bytes) -> str:
    import io

    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_data_exports_carry_the_coverage(mini: Dataset) -> None:
    table = evidence_table(mini)
    document = json.loads(records_json(table, mini))
    assert document["metadata"]["coverage"] == {
        "from": "2024-03-05",
        "to": "2024-03-05",
        "note": coverage_note(mini),
    }
    assert document["records"][0]["id"] == "savings"
    assert "coverage" in safe_csv(table).decode("utf-8-sig").splitlines()[0].split(",")
    assert json.loads(dataset_json(mini))["metadata"]["coverage"]["note"] == coverage_note(mini)


def test_slides_carry_the_coverage_and_show_a_dispute_by_side(mini: Dataset) -> None:
    slides = build_slides(mini)
    assert all(s.footer == coverage_note(mini) for s in slides)
    dispute = next(s for s in slides if s.kind == "dispute")
    assert [(label, [p.who for p in points]) for label, points in dispute.columns] == [
        ("Yes", ["Ada Park"]),
        ("No", ["Ben Ortiz"]),
    ]
    texts = [p.text for s in slides for p in (*s.left, *s.right, *(p for _, ps in s.columns for p in ps))]
    assert not any("[q-" in t for t in texts) and "[q-" not in slides[0].subtitle


# ---------------------------------------------------------------- what a reader sees


def test_marks_are_numbered_links_that_show_the_quote(mini: Dataset) -> None:
    marks = Marks(mini)
    first = marks.md(
        "The mayor backs it [q-park-saves]. A teacher objects [q-ortiz-childcare][q-park-saves]."
    )
    # Adjacent markers stand side by side, each its own link to its quote (the same quote keeps its number).
    assert '[²](./sources?quote=q-ortiz-childcare "“Parents who work' in first
    assert ')˒[¹](./sources?quote=q-park-saves "“A shorter week saves' in first
    assert (
        '[¹](./sources?quote=q-park-saves "“A shorter week saves the district money on buses and heating”'
        in first
    )
    assert "[q-" not in first


def test_a_quote_with_double_quotes_stays_inside_its_hover_text(mini_copy: Path, edit: Edit) -> None:
    edit("quotes.yaml", "saves the district money", 'saves "the district" money')
    text = Marks(load_dataset(mini_copy)).md("It saves [q-park-saves].")
    title = re.search(r'\(\./sources\?quote=q-park-saves "(.*)"\)', text)
    assert title and '\\"the district\\"' in title.group(1)


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"ui/pages/{page}.py")
    return at.run()


def test_every_page_says_what_the_content_covers(dataset: Dataset) -> None:
    note = coverage_note(dataset)
    for spec in PAGES:
        at = open_page(Path(spec.script).stem)
        assert not at.exception, (spec.script, at.exception)
        shown = [c.value.replace("\\", "") for c in at.caption] + [m.value for m in passages(at)]
        assert any(note in text for text in shown), f"{spec.script} does not say what the content covers"


def test_contested_claims_show_each_question_s_answers_as_labelled_columns(dataset: Dataset) -> None:
    at = open_page("contested")
    first = dataset.disputes[0]
    labels = [m.value.split("**")[1] for m in passages(at) if m.value.startswith("**Answer: ")]
    assert labels[: len(first.sides)] == [f"Answer: {md_escape(s.label)}" for s in first.sides]
    assert len(dataset.disputes) >= 8 and all(len(d.sides) >= 2 for d in dataset.disputes)


def test_the_position_page_cites_its_prose_with_numbered_marks(dataset: Dataset) -> None:
    position = dataset.positions[0]
    at = open_page("position", position=position.id)
    text = "\n".join(m.value for m in passages(at))
    assert "[¹](./sources?quote=" in text and "[q-" not in text


def test_a_citation_mark_opens_its_quote_on_the_sources_page(dataset: Dataset) -> None:
    quote = dataset.quote(markers(dataset.positions[0].summary)[0])
    at = open_page("sources", quote=quote.id)
    text = "\n".join(m.value for m in passages(at))
    assert "The quote behind the citation mark you followed" in text
    assert strip_markers(quote.text)[:40].replace("-", "\\-")[:20] in text
