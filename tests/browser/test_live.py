"""Presenter keyboard navigation, the 1280x720 fit, and a live vote seen by the presenter."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from policy import Dataset
from policy.slides import build_slides
from tests.browser.conftest import Watched, wait_ready

pytestmark = pytest.mark.browser


def go(w: Watched, url: str) -> None:
    w.page.goto(url)  # type: ignore[attr-defined]
    wait_ready(w.page)


def settled(w: Watched) -> None:
    w.page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')  # type: ignore[attr-defined]


def title(w: Watched) -> str:
    return str(w.page.locator("h1").first.inner_text())  # type: ignore[attr-defined]


def press_until(page: object, key: str, wanted: str) -> None:
    """Press a key and wait for the slide; a key pressed mid-rerun on a loaded machine can be lost: once more."""
    heading = page.locator("h1").first  # type: ignore[attr-defined]
    for attempt in range(2):
        page.keyboard.press(key)  # type: ignore[attr-defined]
        try:
            expect(heading).to_have_text(wanted, timeout=15_000)
            return
        except AssertionError:
            if attempt:
                raise
            page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')  # type: ignore[attr-defined]


def test_slides_move_by_keyboard_and_the_url_keeps_the_place(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    slides = build_slides(dataset)
    go(watched, f"{server}/present")
    page = watched.page
    expect(page.get_by_role("button", name="Next")).to_be_enabled()  # type: ignore[attr-defined]
    for key, expected in (
        ("ArrowRight", 1),
        ("PageDown", 2),
        ("ArrowLeft", 1),
        ("PageUp", 0),
        ("ArrowRight", 1),
    ):
        press_until(page, key, slides[expected].title)
    expect(page).to_have_url(f"{server}/present?slide=2")  # type: ignore[arg-type]
    page.reload()  # type: ignore[attr-defined]
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text(slides[1].title)  # type: ignore[attr-defined]


def test_every_slide_fits_1280x720_without_scrolling(watched: Watched, server: str, dataset: Dataset) -> None:
    page = watched.page
    for number, slide in enumerate(build_slides(dataset), start=1):
        go(watched, f"{server}/present?slide={number}")
        expect(page.locator("h1").first).to_have_text(slide.title)  # type: ignore[attr-defined]
        overflow = page.evaluate(  # type: ignore[attr-defined]
            """() => {
                const main = document.querySelector('[data-testid="stMain"]');
                return Math.max(document.documentElement.scrollHeight, main.scrollHeight) - window.innerHeight;
            }"""
        )
        assert overflow <= 0, f"slide {number} ({slide.kind}) overflows 720px by {overflow}px"
        expect(page.get_by_test_id("stSidebar")).to_be_hidden()  # type: ignore[attr-defined]


def test_audience_vote_updates_the_presenters_chart(browser: object, server: str, dataset: Dataset) -> None:
    presenter_ctx = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
    phone_ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)  # type: ignore[attr-defined]
    try:
        presenter = presenter_ctx.new_page()
        slide = [s.kind for s in build_slides(dataset)].index("poll") + 1
        presenter.goto(f"{server}/present?slide={slide}")
        wait_ready(presenter)
        presenter.get_by_role("button", name="Open the poll").click()
        expect(presenter).to_have_url(re.compile(r"poll=[A-Z0-9]{6}"))
        code = presenter.url.split("poll=")[1].split("&")[0]
        presenter.get_by_role("button", name="Reveal").click()
        expect(presenter.get_by_text("0 votes")).to_be_visible()

        phone = phone_ctx.new_page()
        phone.goto(f"{server}/vote?join={code}")
        wait_ready(phone)
        label = dataset.position(dataset.position_ids[0]).short_title
        phone.get_by_role("button", name=label).click()
        expect(phone.get_by_text("Your vote")).to_be_visible()

        # No reload on the presenter's side: the results fragment refreshes by itself.
        expect(presenter.get_by_text("1 vote ·")).to_be_visible(timeout=15_000)
        expect(presenter.get_by_test_id("stVegaLiteChart")).to_be_visible()
    finally:
        presenter_ctx.close()
        phone_ctx.close()
