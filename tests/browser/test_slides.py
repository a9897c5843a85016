"""Slides for the back of a room, measured in Chromium at 1280x720: type size, nothing cut, nothing off screen.

Only the slide is measured (what ui/slides.py draws and the coverage line at its foot), not the page's own
controls, so the checks hold whether or not the projector view shows any.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from policy import Dataset, i18n
from policy.paths import BUNDLED_DATA
from policy.queries import coverage_note
from policy.slides import Slide, build_slides
from policy.translations import translate
from tests.browser.conftest import Watched, wait_ready

pytestmark = pytest.mark.browser

# Every text element of the slide with its computed size and where it ends; controls (buttons, toggles,
# expanders, the page's own notices, the small "what this is / back to the Overview" box) are not the slide.
MEASURE = """(footer) => {
    const main = document.querySelector('[data-testid="stMain"]');
    const controls = '[data-testid="stButton"], [data-testid="stCheckbox"], [data-testid="stToggle"],'
        + ' [data-testid="stExpander"], [data-testid="stAlert"], [data-testid="stToast"],'
        + ' [data-testid="stHorizontalBlock"]:has([data-testid="stButton"]), .st-key-present-intro';
    const texts = [...main.querySelectorAll('p, li, td')]
        .filter(el => el.innerText.trim() && !el.closest(controls) && el.getClientRects().length)
        .map(el => ({
            text: el.innerText.trim(),
            size: parseFloat(getComputedStyle(el).fontSize),
            bottom: el.getBoundingClientRect().bottom,
            footer: el.innerText.trim() === footer,
        }));
    const headings = [...main.querySelectorAll('h1, h2, h3')].filter(el => el.innerText.trim())
        .map(el => parseFloat(getComputedStyle(el).fontSize));
    return {texts, headings, visible: main.innerText, width: document.scrollingElement.scrollWidth};
}"""


def shown(
    w: Watched, server: str, number: int, title: str, footer: str, language: str = "en"
) -> dict[str, Any]:
    """Open slide n (in the language) and measure it."""
    page = w.page
    page.goto(f"{server}/present?slide={number}&lang={language}")  # type: ignore[attr-defined]
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text(title)  # type: ignore[attr-defined]
    return page.evaluate(MEASURE, footer)  # type: ignore[attr-defined,no-any-return]


def slides_in(dataset: Dataset, language: str) -> tuple[list[Slide], str]:
    """The slides and the coverage line as a presenter running the session in this language sees them."""
    if language != "en":
        dataset = translate(dataset, BUNDLED_DATA / "translations" / language, language).dataset
    with i18n.use(language):
        return list(build_slides(dataset)), coverage_note(dataset)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_slide_is_readable_from_the_back_of_the_room(
    watched: Watched, server: str, dataset: Dataset, language: str
) -> None:
    slides, footer_text = slides_in(dataset, language)
    for number, slide in enumerate(slides, start=1):
        seen = shown(watched, server, number, slide.title, footer_text, language)
        where = f"slide {number} ({slide.kind}, {language})"
        texts = seen["texts"]
        footer = [t for t in texts if t["footer"]]
        assert len(footer) == 1, f"{where}: the coverage line is not shown once"
        assert footer[0]["size"] >= 20, f"{where}: the coverage line is {footer[0]['size']} px"
        # The whole slide, its coverage line included, is on the screen: nothing below 720 px or off the side.
        assert max(t["bottom"] for t in texts) <= 720, f"{where} runs below the screen"
        assert footer[0]["bottom"] <= 720, f"{where}: the coverage line is below the screen"
        assert seen["width"] <= 1280, f"{where} is wider than the screen"
        assert "…" not in seen["visible"], f"{where} cuts a text short"
        if slide.kind in ("poll", "statements"):  # their bodies are the live rounds' own (ui/live.py)
            continue
        small = [(t["text"][:40], t["size"]) for t in texts if not t["footer"] and t["size"] < 28]
        assert not small, f"{where}: text under 28 px: {small}"
        body = min(t["size"] for t in texts if not t["footer"])
        assert all(h > body for h in seen["headings"]), f"{where}: a heading is not bigger than the text"
    assert not watched.errors


def test_slides_move_by_arrow_keys_and_each_fits(watched: Watched, server: str, dataset: Dataset) -> None:
    """The same checks reached the way a presenter does it, by key presses from the first slide."""
    slides = build_slides(dataset)
    page = watched.page
    page.goto(f"{server}/present")  # type: ignore[attr-defined]
    wait_ready(page)
    heading = page.locator("h1").first  # type: ignore[attr-defined]
    for slide in slides[1:]:
        for attempt in range(2):  # a key pressed mid-rerun on a loaded machine can be lost: once more
            page.keyboard.press("ArrowRight")  # type: ignore[attr-defined]
            try:
                expect(heading).to_have_text(slide.title, timeout=15_000)
                break
            except AssertionError:
                if attempt:
                    raise
                wait_ready(page)
        wait_ready(page)
        bottom = page.evaluate(  # type: ignore[attr-defined]
            """(footer) => Math.max(...[...document.querySelectorAll('[data-testid="stMain"] p')]
                .filter(el => el.innerText.trim() === footer).map(el => el.getBoundingClientRect().bottom))""",
            coverage_note(dataset),
        )
        assert bottom <= 720, f"{slide.kind} slide's coverage line ends at {bottom}px"


def test_the_slides_without_a_session_say_what_they_are_and_lead_back_to_the_overview(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    page = watched.page
    page.goto(f"{server}/present")  # type: ignore[attr-defined]
    wait_ready(page)
    intro = page.locator(".st-key-present-intro")  # type: ignore[attr-defined]
    expect(intro).to_contain_text("Slides for a room")
    box = intro.bounding_box()
    assert box and box["y"] + box["height"] <= 720 and box["x"] + box["width"] <= 1280
    title = page.evaluate(  # type: ignore[attr-defined]
        """() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('h1'));
                  const b = r.getBoundingClientRect(); return {x: b.x, y: b.y, width: b.width, height: b.height}; }"""
    )
    assert title and (title["x"] + title["width"] <= box["x"] or title["y"] >= box["y"] + box["height"]), (
        "the box covers the title"
    )
    intro.get_by_role("link", name="Back to the Overview").click()
    expect(page).not_to_have_url(re.compile("present"))  # type: ignore[arg-type]
    expect(page.get_by_test_id("stSidebar")).to_be_visible()  # type: ignore[attr-defined]  # the site again
    expect(page.locator(".st-key-present-intro")).to_have_count(0)  # type: ignore[attr-defined]
