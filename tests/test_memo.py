"""The policy memo: one spec, resolved once, exported as Markdown, Word and PDF."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from policy import Dataset, load_dataset
from policy.cli import main
from policy.memo import (
    Memo,
    MemoInputError,
    MemoSpec,
    OptionChoice,
    build_memo,
    default_spec,
    find_unicode_font,
    to_docx,
    to_latin1,
    to_markdown,
    to_pdf,
)
from policy.text import md_escape_document
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


def test_default_spec_takes_the_strongest_three_per_side_and_two_evidence_items_each_way(
    mini: Dataset,
) -> None:
    spec = default_spec(bigger(mini), ["four-day"])
    (choice,) = spec.options
    assert choice.arguments_for == ["park", "a0", "a1"]
    assert choice.arguments_against == ["ortiz", "a0", "a1"]
    assert choice.evidence == ["savings", "supports-3", "undercuts-3", "childcare"]  # ties: content order


def test_default_spec_covers_every_position_with_both_bearings(mini: Dataset) -> None:
    spec = default_spec(mini)
    assert [c.position for c in spec.options] == ["four-day", "five-day"]
    for choice in spec.options:
        assert 1 <= len(choice.arguments_for) <= 3 and 1 <= len(choice.arguments_against) <= 3
        bearings = {mini.evidence_item(e).bearing[choice.position] for e in choice.evidence}
        assert bearings == {"supports", "undercuts"}
    assert spec.subject == "School Week Options" and spec.date == dt.date.today().isoformat()
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
                "style": "mla",
                "extra": 1,
                "options": [{"position": "x" * 201}],
            }
        )
    assert err.value.problems == [
        "from: is 201 characters; the limit is 200",
        "purpose: is 5,321 characters; the limit is 5,000",
        "options › option 1 › position: is 201 characters; the limit is 200",
        "style: Input should be 'chicago' or 'apa'",
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


def test_citations_are_numbered_in_order_of_first_use_one_per_quote(mini: Dataset) -> None:
    memo = mini_memo(mini)
    four_day = memo.options[0]
    # Our words' citation markers become notes: the one-line summary cites the mayor first.
    assert [(r.text, r.notes) for r in four_day.one_line] == [("Teach four longer days", (1,)), (".", ())]
    assert [r.notes for r in four_day.arguments_for[0].argument if r.notes] == [(1,)]
    assert [r.notes for r in four_day.arguments_against[0].argument if r.notes] == [(2,)]
    # The verbatim quotes still follow the argument, under the same numbers.
    assert [q.number for q in four_day.arguments_for[0].quotes] == [1]
    assert [q.number for q in four_day.arguments_against[0].quotes] == [2]
    assert [g.label for g in four_day.evidence] == ["Evidence for", "Evidence against"]
    # the childcare quote is cited again as evidence and keeps its number
    assert [[q.number for q in e.quotes] for g in four_day.evidence for e in g.items] == [[3], [2]]
    where = "Jo Reporter, \u201cTown council splits over a four-day school week,\u201d Town Gazette, March 5, 2024."
    assert memo.notes == (f"Ada Park, quoted in {where}", f"Ben Ortiz, quoted in {where}", where)
    assert memo.sources == (
        "Reporter, Jo. \u201cTown council splits over a four-day school week.\u201d Town Gazette, March 5, 2024.",
    )


def test_apa_style_reaches_notes_and_sources(mini: Dataset) -> None:
    memo = mini_memo(mini, style="apa")
    assert (
        memo.notes[0]
        == "Ada Park, quoted in Reporter, J. (2024, March 5). Town council splits over a four-day school week. Town Gazette."
    )
    assert memo.sources[0].startswith("Reporter, J. (2024, March 5).")


def test_empty_sections_and_header_lines_are_left_out(mini: Dataset) -> None:
    memo = mini_memo(mini, to="Council", purpose="", background="One.\n\n\nTwo.", recommendation="")
    assert memo.header == (
        ("To", "Council"),
        ("Date", dt.date.today().isoformat()),
        ("Subject", "School Week Options"),
    )
    assert [(s.heading, s.paragraphs) for s in memo.intro] == [("Background", ("One.", "Two."))]
    assert memo.closing == ()
    assert "## Recommendation" not in to_markdown(memo)
    closing = mini_memo(mini, recommendation="Take option A.").closing
    assert [(s.heading, s.paragraphs) for s in closing] == [("Recommendation", ("Take option A.",))]


# ---------------------------------------------------------------- Markdown


def test_markdown_footnotes_resolve_both_ways(mini: Dataset) -> None:
    md = to_markdown(mini_memo(mini))
    references = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    definitions = re.findall(r"^\[\^(\d+)\]:", md, flags=re.M)
    assert references == set(definitions) == {"1", "2", "3"} and len(definitions) == 3
    assert md.startswith("# Memorandum\n")
    for title in ("A four-day week", "Keep five days"):
        assert f"\n## {title}\n" in md
    assert md.count("### Arguments for") == md.count("### Arguments against") == 2
    sources = md.split("\n## Sources\n", 1)[1]
    assert "[^1]: Ada Park, quoted in Jo Reporter" in sources
    assert "- Reporter, Jo. \u201cTown council splits over a four-day school week.\u201d" in sources


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("**bold** and _it_", "\\*\\*bold\\*\\* and \\_it\\_"),
        ("[link](javascript:alert(1))", "\\[link\\](javascript:alert(1))"),
        ("# heading", "\\# heading"),
        ("- item\n+ item\n1. item\n2) item\n===", "\\- item\n\\+ item\n1\\. item\n2\\) item\n\\==="),
        ("    code\n> quote", "code\n&gt; quote"),
        ("a | b ~~c~~ `d` \\e", "a \\| b \\~\\~c\\~\\~ \\`d\\` \\\\e"),
        ("&lt; AT&T", "&amp;lt; AT&amp;T"),
        ("from $5 to $10", "from \\$5 to \\$10"),
        ("see https://example.org/a_b?x=1&y=2.", "see <https://example.org/a_b?x=1&y=2>."),
        ("[x](https://evil.example)", "\\[x\\](<https://evil.example>)"),
    ],
)
def test_document_escaping(text: str, escaped: str) -> None:
    assert md_escape_document(text) == escaped


def assert_markdown_is_inert(md: str) -> None:
    assert "<script" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "**bold**" not in md and "\\*\\*bold\\*\\*" in md
    assert not re.search(r"(?<!\\)\]\(", md), "a live [text](target) link"
    assert "\\[link\\](javascript:alert(1))" in md
    assert not re.search(r"^# heading", md, flags=re.M) and "\\# heading" in md


def test_markdown_escapes_hostile_user_text_in_every_field(mini: Dataset) -> None:
    md = to_markdown(build_memo(mini, hostile_spec(mini)))
    assert_markdown_is_inert(md)
    assert '\n\\=HYPERLINK("x")\n' in md  # a line of free text
    assert md.count("&lt;script&gt;") == len(HEADER_FIELDS) + len(TEXT_FIELDS)


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
    assert "\n## A &lt;script&gt;alert(1)&lt;/script&gt; \\*\\*bold\\*\\* week\n" in md


# ---------------------------------------------------------------- Word


def test_docx_has_real_headings_numbered_citations_and_sources(mini: Dataset) -> None:
    memo = mini_memo(mini, to="Council", recommendation="Take option A.")
    data = to_docx(memo)
    paragraphs = docx_paragraphs(data)
    headings = [
        (style, text) for style, text in paragraphs if style.startswith("Heading") or style == "Title"
    ]
    assert headings == [
        ("Title", "Memorandum"),
        ("Heading 1", "Purpose"),
        ("Heading 1", "Background"),
        ("Heading 1", "A four-day week"),
        ("Heading 2", "Arguments for"),
        ("Heading 2", "Arguments against"),
        ("Heading 2", "Evidence"),
        ("Heading 3", "Evidence for"),
        ("Heading 3", "Evidence against"),
        ("Heading 1", "Keep five days"),
        ("Heading 2", "Arguments for"),
        ("Heading 2", "Arguments against"),
        ("Heading 2", "Evidence"),
        ("Heading 3", "Evidence for"),
        ("Heading 3", "Evidence against"),
        ("Heading 1", "Recommendation"),
        ("Heading 1", "Notes"),
        ("Heading 1", "Sources"),
    ]
    texts = [text for _, text in paragraphs]
    notes = texts[texts.index("Notes") + 1 : texts.index("Sources")]
    assert notes == [f"{n}. {note}" for n, note in enumerate(memo.notes, 1)]
    assert texts[texts.index("Sources") + 1 :] == list(memo.sources)
    document = Document(io.BytesIO(data))
    superscripts = [r.text for p in document.paragraphs for r in p.runs if r.font.superscript]
    # Note numbers follow our words (their citation markers) and each verbatim quote; every note is used.
    assert superscripts[:3] == ["1", "1", "1"]
    assert sorted(set(superscripts)) == [str(n) for n in range(1, len(memo.notes) + 1)]
    assert document.core_properties.title == document.core_properties.subject == "School Week Options"
    assert [[c.text for c in row.cells] for row in document.tables[0].rows][0] == ["To:", "Council"]


def test_docx_keeps_hostile_text_literally(mini: Dataset) -> None:
    document = Document(io.BytesIO(to_docx(build_memo(mini, hostile_spec(mini)))))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    for text in HOSTILE:
        assert body.count(text) == len(TEXT_FIELDS)
        assert all(text in cells[i] for i in (1, 3, 5, 7))
    assert document.core_properties.title == " ".join(HOSTILE)


# ---------------------------------------------------------------- PDF


def accented(mini_copy: Path, edit: Edit) -> Dataset:
    """The test debate with accented names, curly quotes and dashes."""
    edit("actors.yaml", "name: Ada Park", "name: Andrés Manuel López Obrador")
    edit("sources.yaml", "authors: [Jo Reporter]", "authors: [Cecilia Pérez Ricart]")
    edit("quotes.yaml", "saves the district money", "saves \u201cthe district\u201d money \u2014 on")
    return load_dataset(mini_copy)


def test_pdf_has_the_option_titles_notes_and_sources(mini: Dataset) -> None:
    text = pdf_text(to_pdf(mini_memo(mini)))
    for expected in ("Memorandum", "A four-day week", "Keep five days", "Arguments for", "Notes", "Sources"):
        assert expected in text
    assert "Ada Park, quoted in Jo Reporter" in text and "Reporter, Jo." in text


def test_pdf_with_dejavu_keeps_every_character(mini_copy: Path, edit: Edit) -> None:
    if find_unicode_font() is None:
        pytest.skip("DejaVu Sans is not installed; the fallback test covers this machine")
    dataset = accented(mini_copy, edit)
    text = pdf_text(to_pdf(build_memo(dataset, default_spec(dataset))))
    assert "Andrés Manuel López Obrador" in text and "Pérez Ricart" in text
    assert "\u201cthe district\u201d money \u2014 on" in text


def test_pdf_falls_back_to_a_core_font_without_crashing(
    mini_copy: Path, edit: Edit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("policy.memo.pdf.find_unicode_font", lambda: None)  # where to_pdf looks it up
    dataset = accented(mini_copy, edit)
    memo = build_memo(
        dataset, MemoSpec(**{**default_spec(dataset).model_dump(by_alias=True), "to": "Łukasz 北京 🙂"})
    )
    for data in (to_pdf(memo), to_pdf(memo, unicode_font=False)):
        text = pdf_text(data)
        assert "/Helvetica" in data.decode("latin-1") and "DejaVu" not in data.decode("latin-1")
        assert "A four-day week" in text and "Andrés Manuel López Obrador" in text and "Pérez Ricart" in text
        assert '"the district" money - on' in text and "To: Lukasz ?? ?" in text


def test_pdf_keeps_hostile_text_literally(mini: Dataset) -> None:
    memo = build_memo(mini, hostile_spec(mini))
    for data in (to_pdf(memo), to_pdf(memo, unicode_font=False)):
        text = pdf_text(data)
        for hostile in HOSTILE:
            assert text.count(hostile) >= len(HEADER_FIELDS) + len(TEXT_FIELDS)


def test_pdf_paper_size(mini: Dataset) -> None:
    memo = mini_memo(mini)
    widths = [
        round(float(PdfReader(io.BytesIO(to_pdf(memo, paper=p))).pages[0].mediabox.width))
        for p in ("A4", "Letter")
    ]
    assert widths == [595, 612]


def test_to_latin1() -> None:
    text = "\u201cL\u00f3pez\u201d \u2018P\u00e9rez\u2019 \u2013 \u2014 \u2026 \u0141\u00f3d\u017a \u0153 \u2022 \u20ac5 \u6771"
    assert to_latin1(text) == "\"L\u00f3pez\" 'P\u00e9rez' - - ... L\u00f3dz oe - EUR5 ?"


# ---------------------------------------------------------------- the command line


@pytest.mark.parametrize(("fmt", "magic"), [("md", b"# Memorandum"), ("docx", b"PK"), ("pdf", b"%PDF")])
def test_cli_writes_each_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, magic: bytes
) -> None:
    out = tmp_path / f"memo.{fmt}"
    code = main(
        [
            "memo",
            "--data",
            str(MINI),
            "--format",
            fmt,
            "--output",
            str(out),
            "--positions",
            "five-day",
            "--to",
            "Council",
        ]
    )
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
    assert "**From:** Staff \\\n**Date:** May 2025 \\\n**Subject:** Buses\n" in md
    assert "[^1]: Ada Park, quoted in Reporter, J. (2024, March 5)." in md
    assert "## A four-day week" in md and "## Keep five days" in md


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
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "policy",
            "memo",
            "--data",
            str(MINI),
            "-o",
            str(tmp_path / "m.md"),
            "--positions",
            "x",
        ],
        capture_output=True,
        text=True,
    )
    assert (
        done.returncode == 1 and "unknown position id 'x'" in done.stderr and "Traceback" not in done.stderr
    )


# ---------------------------------------------------------------- the real content


def test_the_full_memo_of_the_real_content_in_every_format(dataset: Dataset) -> None:
    memo = build_memo(dataset, default_spec(dataset))
    titles = [p.title for p in dataset.positions]
    assert len(memo.options) == len(dataset.positions) >= 4 and memo.notes and memo.sources
    md = to_markdown(memo)
    assert set(re.findall(r"\[\^(\d+)\](?!:)", md)) == set(re.findall(r"^\[\^(\d+)\]:", md, flags=re.M))
    assert all(f"\n## {md_escape_document(t)}\n" in md for t in titles)
    headings = [text for style, text in docx_paragraphs(to_docx(memo)) if style == "Heading 1"]
    assert [h for h in headings if h in titles] == titles
    for data in (to_pdf(memo), to_pdf(memo, unicode_font=False)):
        text = pdf_text(data)
        assert all(" ".join((t if b"DejaVu" in data else to_latin1(t)).split()) in text for t in titles)


# ---------------------------------------------------------------- the package


def test_the_package_exports_every_name_the_single_module_had() -> None:
    import policy.memo

    names = """
        ARGUMENTS_PER_SIDE EVIDENCE_PER_SIDE FONT_DIRS HEADER_LIMIT QUOTES_PER_ITEM TEXT_LIMIT
        Argument CitedQuote EvidenceEntry EvidenceGroup Memo Option Section
        FreeText HeaderText MemoInputError MemoSpec OptionChoice
        build_memo check_spec default_spec find_unicode_font to_docx to_latin1 to_markdown to_pdf
    """.split()
    assert sorted(policy.memo.__all__) == sorted(names) and all(hasattr(policy.memo, n) for n in names)
