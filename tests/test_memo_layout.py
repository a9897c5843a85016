"""What a reader of the memo's files notices: Word and the PDF know the document's language, and the full memo's
table reads in lines of words, not a word a line, with no row split across two pages."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from io import BytesIO

import pytest
from pypdf import PdfReader

from policy import Dataset, i18n
from policy.memo import build_memo, default_spec, to_docx, to_pdf
from policy.memo_cli import load_in
from tests.conftest import need


@pytest.mark.parametrize(("language", "code"), [("en", "en-US"), ("es", "es-MX")])
def test_the_docx_is_marked_in_its_language(mini: Dataset, language: str, code: str) -> None:
    with i18n.use(language):
        docx = to_docx(build_memo(mini, default_spec(mini)))
    with zipfile.ZipFile(BytesIO(docx)) as z:
        assert f'w:val="{code}"' in z.read("word/styles.xml").decode("utf-8")  # what Word spell-checks in
        assert f"<dc:language>{code}</dc:language>" in z.read("docProps/core.xml").decode("utf-8")


_HEADINGS = {
    "en": ("The options at a glance", "Background"),
    "es": ("Las opciones de un vistazo", "Antecedentes"),
}
_TOGETHER = {
    "en": ("Andrés Manuel", "López Obrador", "US military strikes", "Reduce demand for"),
    "es": ("Andrés Manuel", "López Obrador", "Profundizar la", "Reducir la"),
}


@pytest.fixture(scope="module", params=["en", "es"])
def full_pdf(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    language = str(request.param)
    with i18n.use(language):
        dataset = load_in(None, language)
        return language, to_pdf(build_memo(dataset, default_spec(dataset)))


def _layout(pdf: bytes) -> str:
    need(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_the_full_memo_table_is_not_a_word_a_line(full_pdf: tuple[str, bytes]) -> None:
    language, pdf = full_pdf
    text = _layout(pdf)
    start, end = _HEADINGS[language]
    table = text[text.index(start) : text.index(f"{end}\n", text.index(start))]
    lines = table.splitlines()[1:]
    for words in _TOGETHER[language]:  # a name or an option's title keeps its words together on a line
        assert any(words in line for line in lines), words
    # Each line of a cell (the layout's columns are two spaces or more apart): few hold a single word.
    cells = [c for line in lines for c in re.split(r"\s{2,}", line.strip()) if c and not c[0].isdigit()]
    single = [c for c in cells if len(c.split()) == 1]
    assert len(single) < 0.15 * len(cells), single


def test_the_full_memo_notes_run_in_order_page_after_page(full_pdf: tuple[str, bytes]) -> None:
    # A row split over two pages put its later note on the first page and its earlier one on the next.
    __, pdf = full_pdf
    notes = [
        int(m) for page in _layout(pdf).split("\f") for m in re.findall(r"^\s{0,4}(\d+)[A-Z“‘\"]", page, re.M)
    ]
    assert notes and notes == sorted(notes) and notes[0] == 1
    assert len(PdfReader(BytesIO(pdf)).pages) > 1
