"""The policy memo: one spec, resolved once, exported as Markdown, Word and PDF."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from policy import Dataset, load_dataset
from policy.citations import human_date
from policy.cli import main
from policy.memo import (
    Memo,
    MemoInputError,
    MemoSpec,
    OptionChoice,
    build_memo,
    default_spec,
    page_count,
    to_docx,
    to_markdown,
    to_pdf,
)
from policy.memo.build import DISPUTES_SHOWN
from tests.conftest import MINI, Edit

HOSTILE = (
    "<script>alert(1)</script>",
    "**bold**",
    "[link](javascript:alert(1))",
    '=HYPERLINK("x")',
    "# heading",
)
HEADER_FIELDS = ("to", "from", "date", "subject")
TEXT_FIELDS = ("purpose", "background", "recommendation")


def hostile_spec(dataset: Dataset) -> MemoSpec:
    """The default spec with every hostile string in every header and free-text field."""
    data = default_spec(dataset).model_dump(by_alias=True)
    data.update({f: " ".join(HOSTILE) for f in HEADER_FIELDS})
    data.update({f: "\n".join(HOSTILE) for f in TEXT_FIELDS})
    return MemoSpec(**data)


def bigger(mini: Dataset) -> Dataset:
    """The test debate with six proponents, six critics and eight evidence items on 'four-day'."""
    data = mini.model_dump()
    data["actors"] += [{"id": f"a{i}", "name": f"Actor {i}", "kind": "analyst"} for i in range(5)]
    data["quotes"] += [
        {
            "id": f"q{i}",
            "text": f"Actor {i} says something quotable.",
            "source": "town-gazette-2024",
            "speaker": f"a{i}",
        }
        for i in range(5)
    ]
    four_day = data["positions"][0]
    four_day["proponents"] += [
        {"actor": f"a{i}", "argument": f"For {i}.", "quotes": [f"q{i}"]} for i in range(5)
    ]
    four_day["critics"] += [{"actor": f"a{i}", "argument": f"Against {i}."} for i in range(5)]
    for bearing in ("supports", "undercuts"):
        data["evidence"] += [
            {"id": f"{bearing}-{w}", "claim": f"A {bearing} item of weight {w}.", "kind": "finding"}
            | {"quotes": ["q0"], "bearing": {"four-day": bearing}, "weight": w}
            for w in (1, 2, 3)
        ]
    return Dataset.model_validate(data)


def mini_memo(mini: Dataset, **changes: object) -> Memo:
    return build_memo(mini, MemoSpec(**{**default_spec(mini).model_dump(by_alias=True), **changes}))


def pdf_text(data: bytes) -> str:
    """The PDF's text with whitespace runs (line wraps included) made single spaces."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph of a .docx."""
    return [(p.style.name if p.style else "", p.text) for p in Document(io.BytesIO(data)).paragraphs]


# ---------------------------------------------------------------- the spec


def test_default_spec_takes_the_strongest_two_per_side_and_two_evidence_items_each_way(
    mini: Dataset,
) -> None:
    spec = default_spec(bigger(mini), ["four-day"])
    (choice,) = spec.options
    assert choice.arguments_for == ["park", "a0"]
    assert choice.arguments_against == ["ortiz", "a0"]
    assert choice.evidence == ["savings", "supports-3", "undercuts-3", "childcare"]  # ties: content order


def test_default_spec_covers_every_position_with_both_bearings(mini: Dataset) -> None:
    spec = default_spec(mini)
    assert [c.position for c in spec.options] == ["four-day", "five-day"]
    for choice in spec.options:
        assert 1 <= len(choice.arguments_for) <= 3 and 1 <= len(choice.arguments_against) <= 3
        bearings = {mini.evidence_item(e).bearing[choice.position] for e in choice.evidence}
        assert bearings == {"supports", "undercuts"}
    assert spec.subject == "School Week Options" and spec.date == human_date(dt.date.today().isoformat())
    assert spec.purpose == spec.background == ""  # nothing of the dashboard's own framing
    assert spec.recommendation == "" and spec.style == "chicago"
    assert [c.position for c in default_spec(mini, ["five-day"], "apa").options] == ["five-day"]


def test_default_spec_names_unknown_positions_and_the_valid_ones(mini: Dataset) -> None:
    with pytest.raises(
        MemoInputError, match=r"unknown position ids 'nope', 'gone'; the valid ids are four-day, five-day"
    ):
        default_spec(mini, ["four-day", "nope", "gone"])


@pytest.mark.parametrize(
    ("field", "limit"), [(f, 200) for f in HEADER_FIELDS] + [(f, 5_000) for f in TEXT_FIELDS]
)
def test_too_long_input_is_refused_naming_the_field(field: str, limit: int) -> None:
    MemoSpec(**{field: "x" * limit})  # at the limit is fine
    with pytest.raises(MemoInputError) as err:
        MemoSpec(**{field: "x" * (limit + 321)})
    assert str(err.value) == f"{field}: is {limit + 321:,} characters; the limit is {limit:,}"


def test_every_refusal_is_listed_and_nothing_is_truncated() -> None:
    with pytest.raises(MemoInputError) as err:
        MemoSpec.model_validate(
            {
                "purpose": "p" * 5321,
                "from": "f" * 201,
                "style": "vancouver",
                "extra": 1,
                "options": [{"position": "x" * 201}],
            }
        )
    assert err.value.problems == [
        "from: is 201 characters; the limit is 200",
        "purpose: is 5,321 characters; the limit is 5,000",
        "options › option 1 › position: is 201 characters; the limit is 200",
        "style: Input should be 'chicago', 'apa', 'mla' or 'harvard'",
        "extra: Extra inputs are not permitted",
    ]
    assert isinstance(err.value, ValueError)


def test_control_characters_are_stripped_but_newlines_and_tabs_kept() -> None:
    spec = MemoSpec(to=" Council\x00\x1b[31m\r\nmembers ", purpose="One\r\n\tTwo\x07\x7f\u2028Three")
    assert spec.to == "Council[31m members"
    assert spec.purpose == "One\n\tTwo\nThree"
    assert MemoSpec(**{"from": "Staff"}).from_ == MemoSpec(from_="Staff").from_ == "Staff"


@pytest.mark.parametrize(
    ("choice", "problem"),
    [
        ({"position": "nope"}, "unknown position id 'nope'; the valid ids are four-day, five-day"),
        ({"position": "four-day", "arguments_for": ["ghost"]}, "unknown actor id 'ghost'"),
        (
            {"position": "four-day", "arguments_for": ["ortiz"]},
            "actor 'ortiz' is not a proponent of position 'four-day'",
        ),
        (
            {"position": "four-day", "arguments_against": ["park"]},
            "actor 'park' is not a critic of position 'four-day'",
        ),
        ({"position": "four-day", "evidence": ["ghost"]}, "unknown evidence id 'ghost'"),
        (
            {"position": "five-day", "evidence": ["supports-3"]},
            "evidence 'supports-3' does not bear on position 'five-day'",
        ),
        ({"position": "four-day", "evidence": ["savings", "savings"]}, "'savings' is chosen twice"),
    ],
)
def test_unknown_or_misplaced_ids_are_refused_by_name(
    mini: Dataset, choice: dict[str, object], problem: str
) -> None:
    with pytest.raises(MemoInputError, match=re.escape(problem)):
        build_memo(bigger(mini), MemoSpec(options=[choice]))


def test_a_position_chosen_twice_is_refused(mini: Dataset) -> None:
    twice = [OptionChoice(position="four-day"), OptionChoice(position="four-day")]
    with pytest.raises(MemoInputError, match="position 'four-day' is chosen twice"):
        build_memo(mini, MemoSpec(options=twice))


# ---------------------------------------------------------------- the resolved memo

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def footnotes(docx: bytes) -> tuple[list[str], list[str]]:
    """(the ids of the footnote references in the body, in reading order; the text of each real footnote)."""
    from xml.etree import ElementTree as ET

    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        body = ET.fromstring(z.read("word/document.xml"))
        notes = ET.fromstring(z.read("word/footnotes.xml"))
    refs = [r.get(f"{W}id", "") for r in body.iter(f"{W}footnoteReference")]
    texts = {
        n.get(f"{W}id"): "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
        for n in notes.iter(f"{W}footnote")
        if n.get(f"{W}type") is None  # not the separators
    }
    return refs, [texts[r] for r in refs]


def test_the_memo_puts_the_bottom_line_first(mini: Dataset) -> None:
    memo = mini_memo(mini, recommendation="Take option A.")
    md = to_markdown(memo)
    # Bottom line first: the summary, then the reader's recommendation, then the detail.
    order = ["## Summary", "## Recommendation", "## The options at a glance", "## A four-day week"]
    order += ["## Contested facts", "## Bibliography"]
    assert [md.index(h) for h in order] == sorted(md.index(h) for h in order)
    summary = md.split("## Summary")[1].split("## Recommendation")[0]
    assert "This memo weighs two options" in summary
    # Each option in a line, and the most contested fact with the sources' answers.
    assert "- **A four-day week**: " in summary and "- **Keep five days**: " in summary
    assert "The sources\u2019 answers: Yes; No." in summary
    assert "Covers reporting published March 2024" in md.split("## Summary")[0]  # dated, near the top
    assert "(Mayor, March 2024)" in md  # roles as of their source
    assert "| **A four-day week** | Teach four longer days." in md  # one row per option
    assert "**Yes** — **Ada Park**" in md and "**No** — **Ben Ortiz**" in md  # contested, by side


def test_each_quote_is_shown_once_and_quotes_can_be_left_out(mini: Dataset) -> None:
    md = to_markdown(mini_memo(mini))
    for quote in mini.quotes:
        assert md.count(quote.text.rstrip(".")) <= 1
    without = to_markdown(mini_memo(mini, quotes=False))
    assert all(q.text.rstrip(".") not in without for q in mini.quotes)
    assert "In their words" not in without and "[^1]" in without  # still cited


def test_every_marker_in_our_prose_becomes_a_citation(mini: Dataset) -> None:
    memo = mini_memo(mini)
    (run, stop) = memo.table[0].what
    assert (run.text, run.cites, stop.text) == (
        "Teach four longer days",
        (("town-gazette-2024", "Ada Park"),),
        ".",
    )
    assert [i["id"] for i in memo.references] == ["town-gazette-2024"]


# ---------------------------------------------------------------- citations in each style


def test_chicago_notes_use_the_short_form_for_a_repeated_source(mini: Dataset) -> None:
    md = to_markdown(mini_memo(mini))
    notes = re.findall(r"^\[\^\d+\]: (.*)$", md, flags=re.M)
    assert notes[0].startswith("Jo Reporter, \u201cTown Council Splits over a Four-Day School Week,\u201d")
    assert "Town Gazette*, March 5, 2024." in notes[0]
    # The short form: the author's surname and the title cut to its first words.
    assert notes[1] == "Ada Park, quoted in Reporter, \u201cTown Council Splits.\u201d"
    assert all("March 5" not in n for n in notes[1:])


def test_apa_is_author_date_with_a_reference_list_and_no_notes(mini: Dataset) -> None:
    md = to_markdown(mini_memo(mini, style="apa"))
    assert "[^" not in md
    assert "Teach four longer days (Ada Park, as cited in Reporter, 2024)." in md
    assert md.rstrip().endswith(
        "## References\n\nReporter, J. (2024, March 5). Town council splits over a four-day school week. *Town Gazette*."
    )
    assert "## Works Cited" in to_markdown(mini_memo(mini, style="mla"))
    assert "(Ada Park, cited in Reporter, 2024)" in to_markdown(mini_memo(mini, style="harvard"))


def test_a_claim_cited_twice_in_a_row_reads_as_citations_not_a_link(dataset: Dataset) -> None:
    """A dispute claim whose own marker and quote both cite its source: one citation group, never the
    '[@a][@a]' pandoc would read as a reference link ('[Jorgic & Botts (2023)](Jorgic & Botts, 2023)')."""
    for style in ("apa", "chicago"):
        spec = default_spec(dataset, ["military-strikes", "bilateral-cooperation"])
        memo = build_memo(dataset, MemoSpec(**{**spec.model_dump(by_alias=True), "style": style}))
        md = to_markdown(memo)
        assert not re.search(r"\\\]\(", md) and "](" not in md.replace("](#", ""), style


# ---------------------------------------------------------------- Markdown


def test_markdown_has_pandoc_footnotes_in_reading_order_and_no_html(mini: Dataset) -> None:
    md = to_markdown(mini_memo(mini, to="AT&T <b>"))
    references = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", md)]
    definitions = [int(n) for n in re.findall(r"^\[\^(\d+)\]:", md, flags=re.M)]
    assert references == definitions == list(range(1, len(references) + 1))
    assert md.startswith("# Memorandum\n")
    assert "&amp;" not in md and "&lt;" not in md and "<b>" not in md and "AT&T \\<b\\>" in md
    assert "\u201c" in md and '"' not in md.split("## Summary")[1]  # curly quotes only


def assert_markdown_is_inert(md: str) -> None:
    assert not re.search(r"(?<!\\)<script", md) and "\\<script\\>alert(1)\\</script\\>" in md
    assert "**bold**" not in md and "\\*\\*bold\\*\\*" in md
    assert not re.search(r"(?<!\\)\]\(", md), "a live [text](target) link"
    assert not re.search(r"^# heading", md, flags=re.M) and "\\# heading" in md


def test_markdown_escapes_hostile_user_text_in_every_field(mini: Dataset) -> None:
    md = to_markdown(build_memo(mini, hostile_spec(mini)))
    assert_markdown_is_inert(md)
    assert md.count("\\<script\\>") == len(HEADER_FIELDS) + len(TEXT_FIELDS)


def test_markdown_escapes_content_too(mini_copy: Path, edit: Edit) -> None:
    edit("positions.yaml", "title: A four-day week", "title: A <script>alert(1)</script> **bold** week")
    edit(
        "positions.yaml",
        "argument: The mayor says it saves money [q-park-saves].",
        "argument: '# heading [link](javascript:alert(1)) [q-park-saves]'",
    )
    dataset = load_dataset(mini_copy)
    md = to_markdown(build_memo(dataset, default_spec(dataset)))
    assert_markdown_is_inert(md)
    assert "\n## A \\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\* week\n" in md


# ---------------------------------------------------------------- Word


def test_docx_has_native_footnotes_in_reading_order_page_numbers_and_us_letter(mini: Dataset) -> None:
    memo = mini_memo(mini, to="Council", recommendation="Take option A.")
    data = to_docx(memo)
    refs, texts = footnotes(data)
    # Word numbers footnotes by where their references stand: each note is referenced once, in reading order.
    ids = [int(r) for r in refs]
    assert ids == sorted(set(ids)) and len(ids) >= 10
    assert texts[0].startswith("Jo Reporter, \u201cTown Council Splits")
    assert not any(re.match(r"\d+\. ", t) for _, t in docx_paragraphs(data))  # no typed notes
    document = Document(io.BytesIO(data))
    section = document.sections[-1]
    assert (section.page_width.inches, section.page_height.inches) == (8.5, 11)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        footer = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    assert "PAGE" in footer
    headings = [(s, t) for s, t in docx_paragraphs(data) if s.startswith("Heading") or s == "Title"]
    assert headings[:4] == [
        ("Title", "Memorandum"),
        ("Heading 1", "Summary"),
        ("Heading 1", "Recommendation"),
        ("Heading 1", "The options at a glance"),
    ]
    assert ("Heading 2", "The case for") in headings and headings[-1] == ("Heading 1", "Bibliography")
    assert any(s == "Compact" or "List" in s for s, _ in docx_paragraphs(data))
    assert document.core_properties.subject == "School Week Options"


def straight(text: str) -> str:
    """Typographic quotes made straight: pandoc sets the reader's "x" as “x”, which is no markup."""
    return text.translate(str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''"))


def test_docx_keeps_hostile_text_literally(mini: Dataset) -> None:
    data = to_docx(build_memo(mini, hostile_spec(mini)))
    body = straight("\n".join(t for _, t in docx_paragraphs(data)))
    for text in HOSTILE:
        assert body.count(text) >= len(TEXT_FIELDS)


# ---------------------------------------------------------------- PDF


def accented(mini_copy: Path, edit: Edit) -> Dataset:
    """The test debate with accented names, curly quotes and dashes."""
    edit("actors.yaml", "name: Ada Park", "name: Andrés Manuel López Obrador")
    edit("sources.yaml", "authors: [Jo Reporter]", "authors: [Cecilia Pérez Ricart]")
    return load_dataset(mini_copy)


def test_pdf_has_the_summary_before_the_first_option_and_page_numbers(mini: Dataset) -> None:
    data = to_pdf(mini_memo(mini))
    text = pdf_text(data)
    assert (
        text.index("Summary")
        < text.index("The options at a glance")
        < text.index("A four-day week The mayor")
    )
    pages = page_count(data)
    assert pages >= 2 and f"1 of {pages}" in text and f"{pages} of {pages}" in text
    assert "Jo Reporter, \u201cTown Council Splits" in text  # the footnotes


def test_pdf_keeps_every_character(mini_copy: Path, edit: Edit) -> None:
    dataset = accented(mini_copy, edit)
    memo = build_memo(
        dataset,
        MemoSpec(
            **{
                **default_spec(dataset).model_dump(by_alias=True),
                "to": "Łukasz",
                "recommendation": "Spend \u201cthe district\u201d money \u2014 on buses.",
            }
        ),
    )
    text = pdf_text(to_pdf(memo))
    assert "Andrés Manuel López Obrador" in text and "Pérez Ricart" in text and "Łukasz" in text
    assert "\u201cthe district\u201d money \u2014 on" in text


TYPST = ("#set page(width: 1cm)", "$x^2$", "@wapo", "// gone", "/* gone */", "<lbl>", '#eval("1")', "\\")


def test_pdf_keeps_hostile_text_literally(mini: Dataset) -> None:
    spec = hostile_spec(mini).model_dump(by_alias=True)
    spec["recommendation"] += "\n" + " ".join(TYPST)
    text = straight(pdf_text(to_pdf(build_memo(mini, MemoSpec(**spec)))))
    for hostile in (*HOSTILE, " ".join(TYPST)):
        assert text.count(hostile) >= 1, hostile


def test_pdf_paper_size(mini: Dataset) -> None:
    widths = [
        round(float(PdfReader(io.BytesIO(to_pdf(mini_memo(mini, paper=p)))).pages[0].mediabox.width))
        for p in ("letter", "a4")
    ]
    assert widths == [612, 595]


def test_the_brief_is_the_bottom_line_on_one_page(mini: Dataset) -> None:
    memo = mini_memo(mini, length="brief", recommendation="Take option A.")
    assert memo.options == () and memo.contested == () and len(memo.table) == 2
    assert page_count(to_pdf(memo)) == 1
    assert "## Recommendation" in to_markdown(memo) and "## A four-day week" not in to_markdown(memo)


# ---------------------------------------------------------------- the command line


@pytest.mark.parametrize(("fmt", "magic"), [("md", b"# Memorandum"), ("docx", b"PK"), ("pdf", b"%PDF")])
def test_cli_writes_each_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, magic: bytes
) -> None:
    out = tmp_path / f"memo.{fmt}"
    argv = ["memo", "--data", str(MINI), "--format", fmt, "--output", str(out), "--positions", "five-day"]
    code = main([*argv, "--to", "Council"])
    printed = capsys.readouterr().out
    assert code == 0 and out.read_bytes().startswith(magic)
    assert printed == f"wrote {out} ({out.stat().st_size} bytes)\n"


def test_cli_takes_the_format_from_the_suffix_and_the_header_from_flags(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "memo.md"
    argv = [
        "memo",
        "--data",
        str(MINI),
        "-o",
        str(out),
        "--style",
        "apa",
        "--from",
        "Staff",
        "--subject",
        "Buses",
    ]
    assert main([*argv, "--date", "May 2025"]) == 0
    md = out.read_text()
    assert "**From:** Staff\\\n**Date:** May 2025\\\n**Subject:** Buses\n" in md
    assert "(Ada Park, as cited in Reporter, 2024)" in md
    assert "## A four-day week" in md and "## Keep five days" in md


def test_cli_writes_a_brief_on_a4(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    assert main(["memo", "--data", str(MINI), "-o", str(out), "--length", "brief", "--paper", "A4"]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 1 and round(float(reader.pages[0].mediabox.width)) == 595


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--positions", "four-day,nope"],
            "memo: unknown position id 'nope'; the valid ids are four-day, five-day\n",
        ),
        (["--subject", "s" * 201], "memo: subject: is 201 characters; the limit is 200\n"),
    ],
)
def test_cli_refuses_bad_input_with_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "memo.md"
    code = main(["memo", "--data", str(MINI), "-o", str(out), *args])
    captured = capsys.readouterr()
    assert code == 1 and captured.err == message and captured.out == "" and not out.exists()


def test_cli_refuses_an_unknown_suffix_and_an_unwritable_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["memo", "--data", str(MINI), "-o", str(tmp_path / "memo.txt")]) == 1
    assert "give --format docx|md|pdf" in capsys.readouterr().err
    assert main(["memo", "--data", str(MINI), "-o", str(tmp_path / "no" / "memo.md")]) == 1
    assert "memo: cannot write" in capsys.readouterr().err


def test_python_dash_m_policy_memo_has_no_traceback(tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "policy", "memo", "--data", str(MINI), "-o", str(tmp_path / "m.md")]
    done = subprocess.run([*argv, "--positions", "x"], capture_output=True, text=True)
    assert (
        done.returncode == 1 and "unknown position id 'x'" in done.stderr and "Traceback" not in done.stderr
    )


# ---------------------------------------------------------------- the real content


def test_the_full_memo_of_the_real_content_in_every_format(dataset: Dataset) -> None:
    memo = build_memo(dataset, default_spec(dataset))
    titles = [p.title for p in dataset.positions]
    assert len(memo.options) == len(dataset.positions) >= 4 and memo.references
    md = to_markdown(memo)
    references = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", md)]
    assert references == list(range(1, len(references) + 1))
    headings = [text for style, text in docx_paragraphs(to_docx(memo)) if style == "Heading 1"]
    assert [h for h in headings if h in titles] == titles
    text = pdf_text(to_pdf(memo))
    assert all(" ".join(t.split()) in text for t in titles)


def test_the_brief_of_two_real_options_is_one_page_in_every_style(dataset: Dataset) -> None:
    for style in ("chicago", "apa", "mla", "harvard"):
        spec = default_spec(dataset, dataset.position_ids[:2], style)  # type: ignore[arg-type]
        memo = build_memo(dataset, MemoSpec(**{**spec.model_dump(by_alias=True), "length": "brief"}))
        assert page_count(to_pdf(memo)) == 1, style


def test_a_full_memo_of_two_real_options_sets_out_the_most_relevant_contested_facts_and_names_the_rest(
    dataset: Dataset,
) -> None:
    chosen = [dataset.position_ids[0], dataset.position_ids[-1]]
    memo = build_memo(dataset, default_spec(dataset, chosen))
    bearing = [d for d in dataset.disputes if set(d.positions) & set(chosen)]
    assert len(memo.contested) == min(DISPUTES_SHOWN, len(bearing))
    assert len(memo.contested) + len(memo.also_contested) == len(bearing)  # none silently dropped
    md = to_markdown(memo)
    for question in memo.also_contested:
        assert question.replace("'", "\u2019") in md
    # Each answer gives one claim and says honestly how many more the sources hold.
    assert all(len(side.claims) == 1 for c in memo.contested for side in c.sides)
    more = [side.more for c in memo.contested for side in c.sides if side.more]
    assert more and f"(The sources hold {more[0]} more claim" in md


def test_the_memo_uses_typographic_quotes_only(dataset: Dataset) -> None:
    md = to_markdown(build_memo(dataset, default_spec(dataset)))
    body = md.split("[^1]:")[0]
    assert '"' not in body and "\u201c" in body  # the content's straight quotes are made curly
