"""Citations in Spanish (es-MX) read as a Spanish reader expects, and English ones stay as they were: dates
without the CSL es-MX locale's "el", APA's day before its month and "y" for "&", Harvard's "21 de septiembre"."""

from __future__ import annotations

import re

import pytest

from policy import Dataset, i18n
from policy.citations import STYLES, Style, csl_items, csl_name, styled
from policy.memo_cli import load_in

REUTERS, EL_PAIS, OBSERVATORY, POST = (
    "reuters-2023-inactive-labs",
    "el-pais-2023-dhs-expansion",
    "latino-observatory-2023-trafficking-relations",
    "wapo-2023-us-mexico-divide",
)


@pytest.fixture(scope="module")
def content_es() -> Dataset:
    return load_in(None, "es")


def _cite(dataset: Dataset, style: Style, language: str) -> tuple[dict[str, str], list[str]]:
    """Each source's citation (a full note, or an in-text citation) by id, and the reference list."""
    ids = [s.id for s in dataset.sources]
    with i18n.use(language):
        notes, __ = styled(csl_items(dataset), [[(i, "")] for i in ids], style)
        __, references = styled(csl_items(dataset), [], style)  # each source once (Chicago copies cited ones)
    return dict(zip(ids, notes, strict=True)), references


def _entry(references: list[str], words: str) -> str:
    (entry,) = [r for r in references if words in r]
    return entry


@pytest.mark.parametrize("style", STYLES)
def test_no_spanish_citation_puts_el_before_a_date(content_es: Dataset, style: Style) -> None:
    notes, references = _cite(content_es, style, "es")
    for text in [*notes.values(), *references]:
        assert not re.search(r"\b[Ee]l \d", text), text


def test_chicago_in_spanish_dates_without_el(content_es: Dataset) -> None:
    notes, references = _cite(content_es, "chicago", "es")
    assert notes[REUTERS].startswith("Drazen Jorgic y Jackie Botts, ")
    assert notes[REUTERS].endswith(", Reuters, 21 de diciembre de 2023.")
    assert notes[EL_PAIS].endswith("), 21 de septiembre de 2023.")
    assert notes[POST].endswith("The Washington Post, abril de 2023.")
    # The bibliography: the date after a period, with no lower-case "el" starting a sentence.
    assert _entry(references, "aggressively").endswith("in Mexico”. 21 de septiembre de 2023.")
    assert _entry(references, "Jorgic").startswith("Jorgic, Drazen y Jackie Botts. ")
    assert "Lacerda y Marcos Cordeiro Pires." in _entry(references, "Moraes")


def test_apa_in_spanish_puts_the_day_first_and_joins_authors_with_y(content_es: Dataset) -> None:
    notes, references = _cite(content_es, "apa", "es")
    assert notes[REUTERS] == "(Jorgic y Botts, 2023)"
    assert _entry(references, "Jorgic").startswith("Jorgic, D. y Botts, J. (2023, 21 de diciembre). ")
    assert _entry(references, "Moraes").startswith(
        "de Moraes, B. Z., Lacerda, T. C. A. y Pires, M. C. (2023, 27 de agosto). "
    )
    assert "(2023, 21 de septiembre)." in _entry(references, "aggressively")
    assert _entry(references, "Sheridan").startswith("Sheridan, M. B. (2023, abril). ")
    assert not any("&" in text for text in [*notes.values(), *references])


def test_mla_in_spanish(content_es: Dataset) -> None:
    notes, references = _cite(content_es, "mla", "es")
    assert notes[REUTERS] == "(Jorgic y Botts)"
    assert _entry(references, "Jorgic").startswith("Jorgic, Drazen y Jackie Botts. ")
    assert _entry(references, "Jorgic").endswith("Reuters, 21 de diciembre de 2023.")
    assert _entry(references, "Moraes").endswith("27 de agosto de 2023.")


def test_harvard_in_spanish_writes_de_between_day_and_month(content_es: Dataset) -> None:
    notes, references = _cite(content_es, "harvard", "es")
    assert notes[REUTERS] == "(Jorgic y Botts, 2023)"
    assert _entry(references, "Jorgic").endswith("Reuters, 21 de diciembre.")
    assert _entry(references, "aggressively").endswith("”, 21 de septiembre.")
    assert _entry(references, "Moraes").endswith("27 de agosto.")
    assert _entry(references, "Sheridan").endswith("The Washington Post, abril.")


def test_english_citations_are_unchanged(dataset: Dataset) -> None:
    notes, references = _cite(dataset, "chicago", "en")
    assert notes[REUTERS].startswith("Drazen Jorgic and Jackie Botts, ")
    assert notes[REUTERS].endswith(",” Reuters, December 21, 2023.")
    assert _entry(references, "Jorgic").startswith("Jorgic, Drazen, and Jackie Botts. ")
    assert _entry(references, "Moraes").startswith(
        "Moraes, Beatriz Zanin de, Thais Caroline A. Lacerda, and "
    )

    notes, references = _cite(dataset, "apa", "en")
    assert notes[REUTERS] == "(Jorgic & Botts, 2023)"
    assert _entry(references, "Jorgic").startswith("Jorgic, D., & Botts, J. (2023, December 21). ")
    assert _entry(references, "Sheridan").startswith("Sheridan, M. B. (2023, April). ")

    notes, references = _cite(dataset, "mla", "en")
    assert notes[REUTERS] == "(Jorgic and Botts)"
    assert _entry(references, "Jorgic").endswith("Reuters, 21 Dec. 2023.")

    notes, references = _cite(dataset, "harvard", "en")
    assert notes[REUTERS] == "(Jorgic and Botts, 2023)"
    assert _entry(references, "Jorgic").startswith("Jorgic, D. and Botts, J. (2023) ")
    assert _entry(references, "Jorgic").endswith("Reuters, 21 December.")


def test_a_name_particle_is_kept_as_a_non_dropping_particle() -> None:
    # One split for every style: each style then places "de" its own way (Chicago files a Portuguese name
    # under the last element, "Moraes, Beatriz Zanin de"; APA, MLA and Harvard under "de Moraes").
    assert csl_name("Beatriz Zanin de Moraes") == {
        "family": "Moraes",
        "given": "Beatriz Zanin",
        "non-dropping-particle": "de",
    }
