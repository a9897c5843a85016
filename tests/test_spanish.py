"""The dashboard in Spanish: every interface message translated, no English of ours on a page read at ?lang=es,
the language kept in links and in the session, and a link asking for an unknown language told so."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from policy import Dataset, i18n
from policy.translations import english_fields, translate
from tests.conftest import passages
from ui.registry import PAGES

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
CATALOG = ROOT / "policy" / "locale" / "es" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[sd]|%[sd]")
TAG = re.compile(r"<[^>]+>")
SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S)  # code, not text the page shows


def catalog() -> Any:
    with CATALOG.open("rb") as po:
        return read_po(po, locale="es_MX")


def test_every_interface_message_has_a_spanish_translation() -> None:
    messages = [m for m in catalog() if m.id]
    assert len(messages) > 500
    missing = [m.id for m in messages if not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    assert not missing, f"{len(missing)} messages without Spanish, e.g. {missing[:5]}"
    assert not [m.id for m in messages if m.fuzzy], (
        "a fuzzy translation is not used: check it and clear the flag"
    )
    for m in messages:  # each translation keeps the English's placeholders
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) <= wanted | set(PLACEHOLDER.findall(ids[0])), (m.id, s)


def test_no_message_is_marked_inside_an_f_string() -> None:
    """Babel's extractor cannot see _("…") inside an f-string's braces: such a message would never reach the
    catalog and would show in English on every Spanish page."""
    inside = re.compile(r"""f(["']).*\{[^}]*\b(?:_|ngettext|pgettext)\((["'])""")
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in [ROOT / "app.py", *ROOT.glob("ui/**/*.py"), *ROOT.glob("policy/**/*.py")]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if inside.search(line)
    ]
    assert not found, f"a literal message inside an f-string (not extracted): {found}"


def test_the_catalog_holds_every_message_the_code_marks(tmp_path: Path) -> None:
    """`make messages` has been run: no message in the code is missing from the catalog (it would show in
    English), and none in the catalog is left over."""
    import subprocess
    import sys

    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "--no-location", "-k", "_", "-k",
         "ngettext:1,2", "-k", "N_", "-k", "pgettext:1c,2", "-o", str(pot), "app.py", "policy", "ui"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with pot.open("rb") as f:
        template = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(f) if m.id}
    translated = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog() if m.id}
    assert not template - translated, (
        f"run `make messages`: not in the catalog {sorted(template - translated)[:5]}"
    )
    assert not translated - template, (
        f"run `make messages`: no longer used {sorted(translated - template)[:5]}"
    )


def english_phrases() -> list[str]:
    """The English of every interface message whose Spanish differs, as the runs of words a page would show
    (placeholders cut out), of three words or more: a page in Spanish shows none of them."""
    phrases = set()
    for m in catalog():
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        for english in ids:
            if english in strings:
                continue
            for piece in PLACEHOLDER.split(TAG.sub(" ", english)):
                piece = " ".join(re.sub(r"[*_`\\#>|]", " ", piece).split()).strip(" .,:;·—–-()")
                if len(piece.split()) >= 3:
                    phrases.add(piece)
    return sorted(phrases, key=len, reverse=True)


def page_text(at: AppTest) -> str:
    """Everything a page shows as text: Markdown, captions, titles, notices, labels, help, HTML."""
    parts = [p.value for p in passages(at)]
    for kind in ("title", "header", "subheader", "caption", "info", "warning", "error", "success", "text"):
        parts += [str(e.value) for e in at.get(kind)]
    for kind in ("button", "download_button", "checkbox", "toggle", "selectbox", "multiselect", "radio",
                 "text_input", "text_area", "number_input", "expander", "tabs", "popover", "segmented_control",
                 "pills", "slider", "select_slider"):  # fmt: skip
        for element in at.get(kind):
            proto = getattr(element, "proto", None)
            for name in ("label", "help", "placeholder"):
                value = getattr(proto, name, "") if proto is not None else ""
                if value:
                    parts.append(str(value))
            for option in getattr(proto, "options", []) if proto is not None else []:
                parts.append(str(option))
    for element in at.get("html"):
        parts.append(html.unescape(TAG.sub(" ", SCRIPT.sub(" ", element.proto.body))))
    return " ".join(" ".join(parts).split())


@pytest.fixture(scope="module")
def spanish(dataset: Dataset) -> Dataset:
    return translate(dataset, ROOT / "data" / "translations" / "es", "es").dataset


def states(dataset: Dataset) -> Iterator[tuple[str, dict[str, str]]]:
    """The pages and the states of them the other tests visit."""
    for spec in PAGES:
        yield Path(spec.script).stem, {}
    first = dataset.position_ids[0]
    for section in ("who", "evidence", "risks", "contested"):
        yield "position", {"position": first, "section": section}
    yield "compare", {"positions": ",".join(dataset.position_ids)}
    yield "evidence", {"bearing": "undercuts"}
    yield "people", {"person": next(a.id for a in dataset.actors if dataset.stances_of(a.id))}
    yield "figures", {"series": dataset.series[-1].id}
    yield "contested", {"dispute": dataset.disputes[0].id}
    yield "sources", {"source": dataset.sources[0].id}
    yield "sources", {"term": dataset.glossary[0].id}
    yield "search", {"q": "fentanilo"}
    yield "present", {"slide": "2"}
    yield "present", {"slide": "4"}


def open_spanish(page: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in {**params, "lang": "es"}.items():
        at.query_params[key] = value
    at.switch_page(f"ui/pages/{page}.py")
    return at.run()


def strip_sources_words(text: str, dataset: Dataset) -> str:
    """The page's text without what stays English on purpose: the quotes (the sources' words, shown as written),
    names, outlets and the articles' titles."""
    kept = (
        [q.text for q in dataset.quotes]
        + [s.title for s in dataset.sources]
        + [a.name for a in dataset.actors]
    )
    for words in sorted(kept, key=len, reverse=True):
        text = text.replace(" ".join(words.split()), " ")
    return re.sub(r"“[^”]*”|\"[^\"]*\"", " ", text)  # quoted words: the sources' own


def test_no_english_of_ours_on_any_page_read_in_spanish(dataset: Dataset, spanish: Dataset) -> None:
    phrases = english_phrases()
    fields = english_fields(dataset)
    translated = english_fields(spanish)
    ours = [f.text for k, f in fields.items() if translated[k].text != f.text and len(f.text) > 24]
    found = []
    for page, params in states(dataset):
        at = open_spanish(page, params)
        assert not at.exception, (page, params, at.exception)
        text = strip_sources_words(page_text(at), dataset)
        found += [(page, params, p) for p in phrases if p in text][:3]
        found += [(page, params, f[:60]) for f in ours if " ".join(f.split())[:40] in text][:3]
    assert not found, "English on a Spanish page:\n" + "\n".join(map(str, found[:20]))


def test_the_language_is_kept_in_links_and_in_the_session_and_an_unknown_one_is_said(
    dataset: Dataset,
) -> None:
    at = open_spanish("overview", {})
    links = " ".join(p.value for p in passages(at))
    own = re.findall(r"\]\((\./[a-z]+\?[^ )]*)", links)
    assert own and all("lang=es" in href for href in own), own[:5]
    # The same session, another page without ?lang=: still Spanish.
    at.query_params.clear()
    at.switch_page("ui/pages/compare.py").run()
    assert i18n.NAMES["es"] in page_text(at) and "Comparar" in page_text(at)
    # English chosen: links carry no language (the browser's is English), and the page is English.
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.switch_page("ui/pages/overview.py").run()
    links = " ".join(p.value for p in passages(at))  # the page's own (the sidebar's switch links to ?lang=es)
    assert "](./" in links and "lang=" not in links
    # An unknown language: a notice, and the page in English.
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "xx<script>"
    at.switch_page("ui/pages/figures.py").run()
    said = [i.value for i in at.info if i.icon == ":material/translate:"]
    assert said and "xx" in said[0] and "<script" not in said[0].replace("\\<", "")
    assert not at.exception


def test_the_switch_links_this_view_in_the_other_language(dataset: Dataset) -> None:
    position = dataset.position_ids[1]
    at = open_spanish("position", {"position": position, "section": "risks"})
    sidebar = [e.proto.body for e in at.sidebar.get("html")]
    found = [
        re.search(r'<nav class="language-switch" aria-label="Idioma">(.*?)</nav>', b, re.S) for b in sidebar
    ]
    switch = [html.unescape(m[1]) for m in found if m]
    assert switch, "a language switch in the sidebar"
    switch = [re.sub(r'<a href="([^"]+)" title="([^"]+)"[^>]*>([^<]+)</a>', r'[\3](\1 "\2")', switch[0])]
    switch = [re.sub(r"<strong>(.*?)</strong>", r"**\1**", switch[0])]
    href = re.search(r"\[English\]\(([^ )]+)", switch[0])
    assert href and f"position={position}" in href[1] and "section=risks" in href[1] and "lang=en" in href[1]
    assert "**Español**" in switch[0], "the current language in bold"


def test_a_country_in_a_link_keeps_its_filter_in_either_language(dataset: Dataset) -> None:
    """People's country filter names the country as the content writes it, so a link shared from the Spanish page
    opens the same filter in English, and the other way round; the page shows it in its own language."""
    mexico = next(a for a in dataset.actors if a.country == "Mexico")
    at = open_spanish("people", {"country": "Mexico"})
    assert not at.exception and not [i for i in at.info if "country" in i.value]
    row = next(
        p.value for p in passages(at) if "](./people?country=Mexico" in p.value or "**[✓ México" in p.value
    )
    assert "México" in row and "Mexico (" not in row, row[:300]
    shown = " ".join(p.value for p in passages(at))
    assert mexico.name in shown
    others = [a for a in dataset.actors if a.country and a.country != "Mexico"]
    assert others and all(f"[{a.name}]" not in shown for a in others[:5]), "only people from Mexico"
    english = AppTest.from_file(APP, default_timeout=60)
    english.query_params["country"] = "Mexico"
    english.switch_page("ui/pages/people.py").run()
    assert not english.exception and not [i for i in english.info if "country" in i.value]


def test_names_are_in_alphabetical_order_accents_aside() -> None:
    from policy.text import sort_key

    names = ["Comisión Stanford–Lancet", "Cártel de Sinaloa", "cártel Jalisco", "Ebrard"]
    assert sorted(names, key=sort_key) == [
        "Cártel de Sinaloa",
        "cártel Jalisco",
        "Comisión Stanford–Lancet",
        "Ebrard",
    ]


def test_the_sources_records_for_a_reference_manager_are_the_same_in_either_language() -> None:
    """A source's record (RIS, BibTeX, CSL-JSON) names its outlet as the content writes it, so a reference manager
    fed from both languages keeps one record per source; the page's own citations are in the reader's language."""
    from policy.citations import sources_file
    from ui.context import build

    spanish, english = build("es"), build("en")
    for fmt in ("ris", "bibtex", "csl-json"):
        assert spanish.cached_as_written(sources_file, fmt) == english.cached(sources_file, fmt)
    assert spanish.dataset.sources[1].outlet != english.dataset.sources[1].outlet, (
        "the pages name it in Spanish"
    )


def test_an_english_word_finds_its_option_on_the_spanish_search_page(dataset: Dataset) -> None:
    """A reader of the Spanish pages who types the English word still finds the option, shown in Spanish."""
    strikes = dataset.position_ids[0]
    at = open_spanish("search", {"q": "strikes"})
    assert not at.exception
    shown = " ".join(p.value for p in passages(at))
    assert f"./position?position={strikes}" in shown, shown[:500]


def test_a_bad_link_on_a_spanish_page_says_what_the_parameter_means() -> None:
    """The address names its parameters in English; a Spanish notice says what each one is."""
    at = open_spanish("people", {"country": "Narnia"})
    said = " ".join(i.value for i in at.info).replace("\\", "")  # as shown: no Markdown escapes
    assert "«country» (país)" in said and "Narnia" in said, said


def test_a_spreadsheet_from_a_spanish_page_has_spanish_columns_and_labels() -> None:
    """The evidence CSV on a Spanish page: column names and coded values as the page says them; English keeps the
    names a script reads."""
    from policy.exports import in_reader_words
    from policy.queries import evidence_table
    from ui.content import served

    spanish = served().in_language("es")
    table = evidence_table(spanish)
    with i18n.use("es"):
        shown = in_reader_words(table, spanish)
    first = spanish.positions[0]
    assert f"relación con {first.short_title}" in shown.columns and "afirmación" in shown.columns
    assert "supports" not in set(shown[f"relación con {first.short_title}"])
    assert list(in_reader_words(table, spanish).columns) == list(table.columns)  # English: as the code writes


def test_a_spanish_search_still_finds_after_switching_to_english() -> None:
    """A reader who searched on a Spanish page and switched to English keeps finding what they looked for."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["q"] = "laboratorios inactivos"
    at.query_params["lang"] = "en"
    at.switch_page("ui/pages/search.py").run()
    assert not at.exception
    assert not [i.value for i in at.info if "Nothing matches" in i.value]
    assert "./sources?term=" in " ".join(p.value for p in passages(at)), (
        "the glossary's active and inactive labs"
    )
