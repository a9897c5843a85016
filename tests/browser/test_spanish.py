"""The dashboard in Spanish, in Chromium: every page at ?lang=es draws with no error, says it is Spanish to screen
readers and is axe-clean; the switch changes the language and the session keeps it; a Spanish memo downloads."""

from __future__ import annotations

import io
import json

import docx
import pytest
from pypdf import PdfReader

from policy import Dataset
from tests.browser.conftest import Watched, download, wait_ready
from tests.browser.test_a11y import axe_source, violations  # noqa: F401  (axe_source is a fixture)
from ui.registry import PAGES

pytestmark = pytest.mark.browser


def open_view(w: Watched, server: str, path: str) -> None:
    w.page.goto(f"{server}/{path}")  # type: ignore[attr-defined]
    wait_ready(w.page)


@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES])
def test_every_page_in_spanish_draws_says_es_and_is_axe_clean(
    watched: Watched,
    server: str,
    axe_source: str,  # noqa: F811
    url_path: str,
) -> None:
    open_view(watched, server, f"{url_path}?lang=es")
    page = watched.page
    assert page.evaluate("document.documentElement.lang") == "es"  # type: ignore[attr-defined]
    assert not page.get_by_test_id("stException").count(), url_path  # type: ignore[attr-defined]
    # Streamlit's own skip link, the first thing a keyboard reaches, in the page's language.
    skip = page.get_by_test_id("stSkipToContent")  # type: ignore[attr-defined]
    assert not skip.count() or skip.text_content() == "Saltar al contenido principal", url_path
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    found = violations(page, axe_source)
    assert not found, f"/{url_path}?lang=es: " + json.dumps(found, indent=1)
    assert not watched.errors, watched.errors


def test_the_switch_changes_the_language_and_the_session_keeps_it(watched: Watched, server: str) -> None:
    page = watched.page
    open_view(watched, server, "compare?lang=es")
    assert page.get_by_role("heading", name="Comparar las opciones").count()  # type: ignore[attr-defined]
    page.get_by_role("link", name="English").click()  # type: ignore[attr-defined]
    page.wait_for_function("document.documentElement.lang === 'en'")  # type: ignore[attr-defined]
    wait_ready(page)
    assert "lang=es" not in page.url  # type: ignore[attr-defined]  # English to an English browser: no parameter
    assert page.get_by_role("heading", name="Compare the options").count()  # type: ignore[attr-defined]
    # The sidebar's page links carry no parameters: the session remembers the choice.
    page.get_by_role("link", name="Evidence").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/evidence**")  # type: ignore[attr-defined]
    wait_ready(page)
    assert page.evaluate("document.documentElement.lang") == "en"  # type: ignore[attr-defined]
    page.get_by_role("link", name="Español").click()  # type: ignore[attr-defined]
    page.wait_for_function("document.documentElement.lang === 'es'")  # type: ignore[attr-defined]
    wait_ready(page)
    page.get_by_role("link", name="Cifras").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/figures**")  # type: ignore[attr-defined]
    wait_ready(page)
    assert page.get_by_role("heading", name="Cifras", exact=True).count()  # type: ignore[attr-defined]
    assert not watched.errors, watched.errors


def test_the_switch_keeps_what_the_reader_did_since_the_page_was_drawn(watched: Watched, server: str) -> None:
    """A search typed on the page (the address gains ?q=) is kept when the reader switches language."""
    page = watched.page
    open_view(watched, server, "evidence?lang=es")
    box = page.get_by_label("Buscar en afirmaciones, citas y nombres de quienes hablan")  # type: ignore[attr-defined]
    box.fill("Ebrard")
    box.press("Enter")
    page.wait_for_url("**q=Ebrard**")  # type: ignore[attr-defined]
    wait_ready(page)
    page.get_by_role("link", name="English").click()  # type: ignore[attr-defined]
    page.wait_for_function("document.documentElement.lang === 'en'")  # type: ignore[attr-defined]
    wait_ready(page)
    assert "q=Ebrard" in page.url  # type: ignore[attr-defined]
    assert page.get_by_label("Search claims, quotes and speakers").input_value() == "Ebrard"  # type: ignore[attr-defined]
    assert not watched.errors, watched.errors


def test_a_spanish_memo_downloads_in_each_format_with_spanish_headings(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    open_view(watched, server, "memo?lang=es")
    md_path, md_name = download(watched.page, "Markdown (.md)")
    text = md_path.read_text(encoding="utf-8")
    assert md_name.startswith("memorando-") and md_name.endswith(".md"), md_name  # a Spanish file name
    assert "Resumen" in text and "Memorándum" in text
    assert "## Summary" not in text and "Bibliography" not in text
    docx_path, _name = download(watched.page, "Word (.docx)")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(docx_path.read_bytes())).paragraphs]
    assert "Resumen" in paragraphs and "Summary" not in paragraphs
    pdf_path, _name = download(watched.page, "PDF")
    pdf = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf_path.read_bytes())).pages)
    assert "Resumen" in pdf and " de " in pdf
    # The sources' records for a reference manager: the outlets as written, as the English page gives them.
    ris_path, ris_name = download(watched.page, "RIS (.ris)")
    assert ris_name.endswith("-fuentes.ris"), ris_name
    outlets = {
        line[6:] for line in ris_path.read_text(encoding="utf-8").splitlines() if line.startswith("T2  - ")
    }
    assert outlets and outlets <= {s.outlet for s in dataset.sources}, outlets
    assert not watched.errors, watched.errors
