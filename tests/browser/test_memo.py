"""The memo builder in Chromium: every file in every citation style, the live page count, the option panels."""

from __future__ import annotations

import io
import json
import re
import zipfile

import bibtexparser
import docx
import pytest
import rispy
from playwright.sync_api import expect
from pypdf import PdfReader

from policy import Dataset
from tests.browser.conftest import Watched, download, wait_ready

pytestmark = pytest.mark.browser

READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
FILES = {  # the button, and the end of the file's suggested name
    "Word (.docx)": ".docx",
    "PDF": ".pdf",
    "Markdown (.md)": ".md",
    "RIS (.ris)": "-sources.ris",
    "BibTeX (.bib)": "-sources.bib",
    "CSL-JSON (.json)": "-sources.json",
}
STYLES = {"Chicago": "chicago", "APA": "apa", "MLA": "mla", "Harvard": "harvard"}
AUTHOR_DATE = re.compile(r"\([A-Z][^()]*,? (?:19|20)\d\d[a-z]?(?:[,;][^()]*)?\)")


def settled(page: object) -> None:
    page.wait_for_selector(READY, timeout=60_000)  # type: ignore[attr-defined]


def choose(page: object, label: str) -> None:
    """Press the segmented-control segment with this label."""
    page.get_by_test_id("stButtonGroup").get_by_text(label, exact=True).click()  # type: ignore[attr-defined]


def footnotes(data: bytes) -> list[str]:
    """The ids of the real footnotes in a .docx (Word's own separators have ids -1 and 0)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if "word/footnotes.xml" not in z.namelist():
            return []
        xml = z.read("word/footnotes.xml").decode()
    return [i for i in re.findall(r'<w:footnote [^>]*w:id="(-?\d+)"', xml) if int(i) > 0]


def check_file(suffix: str, style: str, data: bytes, titles: list[str]) -> None:
    notes = style == "chicago"
    if suffix == ".docx":
        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
        headings = [p.text for p in paragraphs if p.style is not None and p.style.name == "Heading 1"]
        assert all(t in headings for t in titles), style
        assert bool(footnotes(data)) == notes, style  # Word footnotes for a note style, none for author-date
    elif suffix == ".pdf":
        reader = PdfReader(io.BytesIO(data))
        text = " ".join(" ".join(pg.extract_text().split()) for pg in reader.pages)
        first = " ".join(titles[0].split()[:3])
        assert text.index("Summary") < text.rindex(first), style  # bottom line first
        assert re.search(r"\b1 of \d+\b", text), style  # page numbers
        width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
        assert (round(width), round(height)) == (612, 792), style  # US Letter
    elif suffix == ".md":
        text = data.decode("utf-8")
        assert all(t in text for t in titles), style
        assert "&amp;" not in text and "&quot;" not in text
        assert ("[^1]:" in text) == notes, style
        if not notes:
            assert AUTHOR_DATE.search(text), style
    elif suffix.endswith(".bib"):
        library = bibtexparser.parse_string(data.decode("utf-8"))
        assert library.entries and all(e.fields_dict.get("title") for e in library.entries)
    elif suffix.endswith(".ris"):
        entries = rispy.loads(data.decode("utf-8"))
        assert entries and all(e.get("title") or e.get("primary_title") for e in entries)
    else:
        items = json.loads(data)
        assert items and all(i.get("title") and i.get("type") for i in items)


def test_the_memo_downloads_every_file_in_every_citation_style(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    chosen = [dataset.position_ids[0], dataset.position_ids[-1]]
    titles = [dataset.position(p).title for p in chosen]
    page = watched.page
    page.goto(f"{server}/memo?positions={','.join(chosen)}")  # type: ignore[attr-defined]
    wait_ready(page)
    for label, style in STYLES.items():
        choose(page, label)
        expect(page).to_have_url(re.compile(f"style={style}" if style != "chicago" else "memo"))  # type: ignore[arg-type]
        settled(page)
        for button, suffix in FILES.items():
            path, name = download(page, button, timeout=90_000)
            assert name.endswith(f"-{style}{suffix}"), (style, name)  # a file per style
            check_file(suffix, style, path.read_bytes(), titles)
    assert not watched.errors and not watched.failed


def test_the_page_count_follows_the_length_and_paper(watched: Watched, server: str, dataset: Dataset) -> None:
    page = watched.page
    two = ",".join(dataset.position_ids[:2])
    page.goto(f"{server}/memo?positions={two}")  # type: ignore[attr-defined]
    wait_ready(page)
    count = page.get_by_text(re.compile(r"^The PDF is \d+ pages? \("))  # type: ignore[attr-defined]
    expect(count).to_contain_text("(US Letter)", timeout=60_000)
    choose(page, "One-page brief")
    expect(count).to_contain_text("The PDF is 1 page (US Letter)", timeout=60_000)
    choose(page, "A4")
    expect(count).to_contain_text("The PDF is 1 page (A4)", timeout=60_000)
    settled(page)
    path, _ = download(page, "PDF", timeout=90_000)
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) == 1
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4
    assert not watched.errors and not watched.failed


def test_an_option_panel_offers_arguments_by_their_text_and_keeps_them_when_closed(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    page = watched.page
    page.goto(f"{server}/memo")  # type: ignore[attr-defined]
    wait_ready(page)
    position = dataset.positions[0]
    panel = page.get_by_test_id("stExpander").filter(has_text=position.title)  # type: ignore[attr-defined]
    ticked = panel.get_by_role("checkbox", checked=True)
    settled(page)
    expect(panel).to_be_visible(timeout=30_000)
    expect(ticked).to_have_count(0)  # built only when opened
    panel.locator("summary").click()
    expect(ticked.first).to_be_visible(timeout=30_000)
    settled(page)
    before = ticked.count()
    assert before >= 2
    # Each argument shows who makes it and what it says, unclipped (and its accessible name is plain words).
    first = panel.get_by_test_id("stCheckbox").first
    name = dataset.actor(position.proponents[0].actor).name
    expect(first).to_contain_text(name)
    assert len(first.inner_text()) > 60
    assert "*" not in str(first.get_by_role("checkbox").get_attribute("aria-label"))
    box = first.bounding_box()
    assert box is not None and box["height"] > 30  # wrapped onto lines, not cut to one
    panel.get_by_test_id("stCheckbox").filter(has=page.locator("input:checked")).first.click()  # untick one
    expect(ticked).to_have_count(before - 1)
    settled(page)
    panel.locator("summary").click()  # close, then open again
    expect(ticked).to_have_count(0)
    settled(page)
    panel.locator("summary").click()
    expect(ticked).to_have_count(before - 1, timeout=30_000)
    assert not watched.errors and not watched.failed


def test_every_option_name_shows_whole(watched: Watched, server: str, dataset: Dataset) -> None:
    page = watched.page
    page.goto(f"{server}/memo")  # type: ignore[attr-defined]
    wait_ready(page)
    group = page.get_by_test_id("stButtonGroup").first  # type: ignore[attr-defined]
    for position in dataset.positions:
        chip = group.get_by_role("button").filter(has_text=position.short_title)
        expect(chip).to_be_visible()
        clipped = chip.evaluate("b => b.scrollWidth > b.clientWidth + 1")
        assert not clipped, position.short_title
        # and inside the visible row, not scrolled out of sight
        inside = chip.evaluate(
            """b => { const r = b.getBoundingClientRect();
                      const m = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
                      return r.left >= m.left - 1 && r.right <= m.right + 1; }"""
        )
        assert inside, position.short_title
    # The preview draws the options at a glance as a table, not as pipes.
    page.get_by_text("Preview the memo").click()
    expect(page.get_by_test_id("stExpander").last.locator("table").first).to_be_visible(timeout=60_000)


def test_the_header_lines_sit_two_a_row_and_one_a_row_on_a_phone(watched: Watched, server: str) -> None:
    # A staffer's To and From lines are long: beside each other on a wide screen, one under the other on a phone.
    page = watched.page
    for width, side_by_side in ((1280, True), (390, False)):
        page.set_viewport_size({"width": width, "height": 844})  # type: ignore[attr-defined]
        page.goto(f"{server}/memo")  # type: ignore[attr-defined]
        wait_ready(page)
        to, sender = (page.locator(f".st-key-memo_{k} input").bounding_box() for k in ("to", "from"))  # type: ignore[attr-defined]
        assert to and sender
        assert (abs(to["y"] - sender["y"]) < 2) == side_by_side, width
        assert to["width"] >= (300 if width > 1000 else 330), width  # wide enough to read a name and a role
