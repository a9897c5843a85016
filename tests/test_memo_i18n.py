"""The memo and the citations in Spanish: `python -m policy memo --lang es` and `cite --lang es`."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from docx import Document
from pypdf import PdfReader

from policy import Dataset, i18n
from policy.citations import _styled, human_date
from policy.cli import main
from policy.memo import build_memo, default_spec, to_markdown
from policy.translations import english_fields, fingerprint

# The interface words these tests read, as the Spanish catalog gives them (policy/locale/es). Until that
# catalog is committed, a catalog of just these stands in for it.
SPANISH = {
    "Memorandum": "Memorándum",
    ("memo header", "To"): "Para",
    ("memo header", "Date"): "Fecha",
    "Summary": "Resumen",
    "The options at a glance": "Las opciones de un vistazo",
    "Bibliography": "Bibliografía",
    "quoted in": "citado en",
    "{page} of {pages}": "{page} de {pages}",
    "wrote {output} ({size} bytes)": "se escribió {output} ({size} bytes)",
    "unknown source id {ids}; the valid ids are {valid}": "id de fuente desconocido {ids}; los ids válidos son {valid}",
}
TITLE_ES = "Una semana de cuatro días"  # the test debate's 'four-day' option, in its translation file


@pytest.fixture
def spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The Spanish catalog: the committed one, or one holding just the words these tests read."""
    if not i18n.has_catalog("es"):
        catalog = Catalog(locale="es_MX")
        for key, text in SPANISH.items():
            context, message = key if isinstance(key, tuple) else (None, key)
            catalog.add(message, text, context=context)
        po = tmp_path / "locale" / "es" / "LC_MESSAGES" / "messages.po"
        po.parent.mkdir(parents=True)
        with po.open("wb") as f:
            write_po(f, catalog)
        monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    i18n.catalog.cache_clear()
    _styled.cache_clear()
    yield
    i18n.catalog.cache_clear()
    _styled.cache_clear()


@pytest.fixture
def mini_es(mini: Dataset, mini_copy: Path) -> Path:
    """The test debate with a Spanish translation of one option's title."""
    key = "positions/four-day/title"
    entry = {key: {"from": fingerprint(english_fields(mini)[key].text), "text": TITLE_ES}}
    folder = mini_copy / "translations" / "es"
    folder.mkdir(parents=True)
    (folder / "positions.yaml").write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    return mini_copy


def _memo(data: Path, out: Path, *flags: str) -> None:
    assert main(["memo", "--data", str(data), "-o", str(out), "--to", "Concejo", *flags]) == 0


@pytest.mark.usefixtures("spanish")
def test_the_memo_in_spanish_has_spanish_headings_dates_and_content(
    mini_es: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    md_file, docx_file, pdf_file = (tmp_path / f"memo.{x}" for x in ("md", "docx", "pdf"))
    _memo(mini_es, md_file, "--lang", "es")
    assert capsys.readouterr().out.startswith(f"se escribió {md_file} (")
    md = md_file.read_text(encoding="utf-8")
    today = dt.date.today()
    with i18n.use("es"):
        fecha = human_date(today.isoformat())
    assert str(today.year) in fecha and fecha.split()[1] == "de"  # "2 de diciembre de 2026"
    assert md.startswith("# Memorándum\n") and f"**Para:** Concejo\\\n**Fecha:** {fecha}" in md
    for heading in ("## Resumen", "## Las opciones de un vistazo", "## Bibliografía", f"## {TITLE_ES}"):
        assert heading in md
    # The citations in the es-MX locale: Spanish months (the date without the locale's "el"), and the style's
    # "quoted in" in Spanish (as the catalog words it).
    with i18n.use("es"):
        quoted_in = i18n._("quoted in")
    assert "*Town Gazette*, 5 de marzo de 2024." in md and f"Ada Park, {quoted_in} Reporter" in md
    assert "March" not in md and "quoted in" not in md and "el 5 de marzo" not in md

    _memo(mini_es, docx_file, "--lang", "es")
    doc = Document(str(docx_file))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Title", "Heading"))]
    assert headings[:3] == ["Memorándum", "Resumen", "Las opciones de un vistazo"] and TITLE_ES in headings
    with zipfile.ZipFile(docx_file) as z:
        notes = z.read("word/footnotes.xml").decode("utf-8")
        assert "5 de marzo de 2024" in notes and 'w:val="es-MX"' in z.read("word/styles.xml").decode()

    _memo(mini_es, pdf_file, "--lang", "es")
    reader = PdfReader(pdf_file)
    pages = len(reader.pages)
    assert (
        f"1 de {pages}" in reader.pages[0].extract_text() and "Memorándum" in reader.pages[0].extract_text()
    )


def test_english_stays_the_default_and_is_unchanged_by_a_spanish_run(mini_es: Path, tmp_path: Path) -> None:
    out = tmp_path / "memo.md"
    _memo(mini_es, out)
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Memorandum\n") and "## Summary" in md and "## A four-day week" in md
    assert "March 5, 2024" in md and "Ada Park, quoted in Reporter" in md and TITLE_ES not in md


@pytest.mark.usefixtures("spanish")
def test_a_memo_built_for_a_spanish_reader_speaks_spanish_only_inside_the_block(mini: Dataset) -> None:
    with i18n.use("es"):
        spanish = to_markdown(build_memo(mini, default_spec(mini)))
    english = to_markdown(build_memo(mini, default_spec(mini)))
    assert "## Resumen" in spanish and "## Summary" in english and "5 de marzo de 2024" in spanish


@pytest.mark.usefixtures("spanish")
def test_cite_takes_the_language(capsys: pytest.CaptureFixture[str], mini_es: Path) -> None:
    assert main(["cite", "--data", str(mini_es), "--lang", "es", "--format", "ris"]) == 0
    assert (
        "TI  - Town council splits over a four-day school week" in capsys.readouterr().out
    )  # titles as written
    assert main(["cite", "--data", str(mini_es), "--lang", "es", "--sources", "nope"]) == 1
    assert (
        "cite: id de fuente desconocido 'nope'; los ids válidos son town-gazette-2024"
        in capsys.readouterr().err
    )


def test_the_docx_of_an_english_memo_names_no_language(mini_es: Path, tmp_path: Path) -> None:
    out = tmp_path / "memo.docx"
    _memo(mini_es, out)
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as z:
        assert "es-MX" not in z.read("word/styles.xml").decode()
