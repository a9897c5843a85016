"""The live session in Chromium: keys on the projector, no control for the audience, one vote per phone,
phones that follow "Ask again", and a projector that follows the presenter's window."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from policy import Dataset
from policy.live import PollStore, RoomStore
from policy.slides import build_slides
from tests.browser.conftest import READY, Watched, start_server, stop_server, wait_ready

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
        # The projector shows the slide only: no button, no "Slide n of 9".
        expect(page.get_by_role("button")).to_have_count(0)  # type: ignore[attr-defined]
        expect(page.get_by_text(re.compile(r"Slide \d+ of"))).to_have_count(0)  # type: ignore[attr-defined]


# -- a live session ----------------------------------------------------------------------------------

CONTROL_NAMES = re.compile(
    r"^(Open the poll|Reveal|Hide|Close|Reopen|Reset…|Ask again|Next|Previous|Delete the votes)", re.I
)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, RoomStore]]:
    """A server on its own poll database, and the rooms on that database (to read what the server stored)."""
    folder = tmp_path_factory.mktemp("live-polls")
    proc, url = start_server({"POLICY_POLL_DB": str(folder)})
    rooms = RoomStore(PollStore(f"sqlite:///{Path(folder) / 'polls.sqlite3'}"), password=None)
    yield url, rooms
    rooms.polls.dispose()
    stop_server(proc)


def start_session(page: object, url: str) -> tuple[str, str]:
    """Start a live session from the presenter's window, as a presenter does; (room code, key)."""
    page.goto(f"{url}/present?view=presenter")  # type: ignore[attr-defined]
    wait_ready(page)
    page.get_by_role("button", name="Start the live session").click()  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(r"room=[A-Z0-9]{6}&key="), timeout=30_000)  # type: ignore[arg-type]
    found = re.search(r"room=([A-Z0-9]{6})&key=([\w-]+)", page.url)  # type: ignore[attr-defined]
    assert found
    expect(page.get_by_text(re.compile(r"^Slide \d+ of"))).to_be_visible()  # type: ignore[attr-defined]
    return found.group(1), found.group(2)


def click(page: object, name: str) -> None:
    """Click a button by its name once the page has settled (a click mid-rerun can be lost)."""
    try:  # the presenter's window redraws every 2 s, so "not running" can be brief on a loaded machine
        page.wait_for_selector(READY, timeout=10_000)  # type: ignore[attr-defined]
    except PlaywrightTimeout:
        pass
    # A button's name may end with its shortcut's key ("Next →").
    page.get_by_role("button", name=re.compile(f"^{re.escape(name)}")).click()  # type: ignore[attr-defined]


def phone_context(browser: object) -> object:
    return browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)  # type: ignore[attr-defined]


def test_someone_with_the_join_code_gets_no_control(
    browser: object, live: tuple[str, RoomStore], dataset: Dataset
) -> None:
    url, rooms = live
    poll_no = [s.kind for s in build_slides(dataset)].index("poll") + 1
    mine = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
    theirs = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
    try:
        presenter = mine.new_page()
        code, key = start_session(presenter, url)
        click(presenter, "Open the poll")
        expect(presenter.get_by_role("button", name="Reveal")).to_be_visible()
        rooms.go_to(code, key, poll_no)
        other = theirs.new_page()
        for path in (
            f"/present?room={code}",
            f"/present?room={code}&slide=2",
            f"/present?room={code}&view=presenter",
            f"/present?room={code}&view=presenter&key=forged-forged-forged-forged-1234",
            f"/present?room={code}&key=forged-forged-forged-forged-1234",
            f"/vote?join={code}",
        ):
            other.goto(url + path)
            wait_ready(other)
            expect(other.get_by_role("heading").first).to_be_visible()
            names = [b.inner_text() for b in other.get_by_role("button").all() if b.is_visible()]
            assert not [n for n in names if CONTROL_NAMES.match(n.strip())], (path, names)
            assert key not in other.content() and key not in other.url
            other.keyboard.press("ArrowRight")  # keys move nothing without the presenter key
            other.keyboard.press("PageDown")
            wait_ready(other)
        room = rooms.get(code)
        assert room.slide == poll_no and not room.revealed and room.round is not None
        assert rooms.polls.get(room.round).is_open
        # On the projector window the room sees the code and QR, never the presenter's key.
        projector = mine.new_page()
        projector.goto(f"{url}/present?room={code}")
        wait_ready(projector)
        expect(projector.locator(".st-key-join-code")).to_have_text(code)
        assert key not in projector.url and key not in projector.locator("body").inner_text()
    finally:
        mine.close()
        theirs.close()


def test_a_phone_that_votes_reloads_and_votes_again_is_counted_once(
    browser: object, live: tuple[str, RoomStore], dataset: Dataset
) -> None:
    url, rooms = live
    desk = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
    phone_ctx = phone_context(browser)
    try:
        presenter = desk.new_page()
        code, key = start_session(presenter, url)
        click(presenter, "Open the poll")
        click(presenter, "Reveal")
        poll = rooms.get(code).round
        assert poll
        labels = [dataset.position(p).short_title for p in dataset.position_ids]
        phone = phone_ctx.new_page()
        phone.goto(f"{url}/vote?join={code}")
        wait_ready(phone)
        for label in labels[:3]:
            phone.get_by_role("button", name=label).click()
            expect(phone.get_by_text("Your vote")).to_contain_text(label)
            phone.reload()  # a reload, then a new tab: the same phone
            wait_ready(phone)
        phone = phone_ctx.new_page()
        phone.goto(f"{url}/vote?join={code}")
        wait_ready(phone)
        expect(phone.get_by_text("Your vote")).to_contain_text(labels[2])
        phone.get_by_role("button", name=labels[3]).click()
        expect(phone.get_by_text("Your vote")).to_contain_text(labels[3])
        assert rooms.polls.total_votes(poll) == 1
        assert rooms.polls.results(poll)[dataset.position_ids[3]] == 1
        # The presenter's window counts it without a reload; the projector shows the chart.
        expect(presenter.get_by_text("1 vote · poll open")).to_be_visible()
        projector = desk.new_page()
        rooms.go_to(code, key, [s.kind for s in build_slides(dataset)].index("poll") + 1)
        projector.goto(f"{url}/present?room={code}")
        wait_ready(projector)
        expect(projector.get_by_test_id("stVegaLiteChart")).to_be_visible()
        expect(projector.get_by_text("1 vote · poll open")).to_be_visible()
    finally:
        desk.close()
        phone_ctx.close()


def test_after_ask_again_the_phone_is_on_the_new_round(
    browser: object, live: tuple[str, RoomStore], dataset: Dataset
) -> None:
    url, rooms = live
    desk = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
    phone_ctx = phone_context(browser)
    try:
        presenter = desk.new_page()
        code, _ = start_session(presenter, url)
        phone = phone_ctx.new_page()
        phone.goto(f"{url}/vote?join={code}")  # before the poll opens: the phone waits
        wait_ready(phone)
        expect(phone.get_by_text("Waiting for the presenter")).to_be_visible()
        click(presenter, "Open the poll")
        first = dataset.position(dataset.position_ids[0]).short_title
        phone.get_by_role("button", name=first).click()  # no reload: the page followed the room
        expect(phone.get_by_text("Your vote")).to_contain_text(first)
        before = rooms.get(code).round
        click(presenter, "Close")
        expect(phone.get_by_text("This poll is closed")).to_be_visible()
        expect(phone.get_by_text("Tap another option")).to_have_count(0)
        click(presenter, "Ask again")
        expect(presenter.get_by_text("after round open")).to_be_visible()
        after = rooms.get(code).round
        assert after and after != before
        # The same phone, no rescan and no reload: the new round, open, with no vote yet.
        expect(phone.get_by_text("Your vote")).to_have_count(0, timeout=20_000)
        expect(phone.get_by_role("button", name=first)).to_be_enabled()
        phone.get_by_role("button", name=first).click()
        expect(phone.get_by_text("Your vote")).to_contain_text(first)
        assert rooms.polls.total_votes(after) == 1 and rooms.polls.total_votes(before) == 1
    finally:
        desk.close()
        phone_ctx.close()


def test_the_projector_follows_the_presenters_window(
    browser: object, live: tuple[str, RoomStore], dataset: Dataset
) -> None:
    url, rooms = live
    slides = build_slides(dataset)
    desk = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
    try:
        presenter = desk.new_page()
        code, _ = start_session(presenter, url)
        with desk.expect_page() as opened:
            presenter.get_by_role("link", name="Open the projector window").click()
        projector = opened.value
        wait_ready(projector)
        assert "key=" not in projector.url
        expect(projector.locator("h1").first).to_have_text(slides[0].title)
        click(presenter, "Next")
        expect(projector.locator("h1").first).to_have_text(slides[1].title, timeout=20_000)
        # Keys on the projector window (same browser: it holds the presenter key) move the presenter's too.
        projector.keyboard.press("ArrowRight")
        expect(projector.locator("h1").first).to_have_text(slides[2].title)
        expect(presenter.get_by_text(f"Slide 3 of {len(slides)}")).to_be_visible(timeout=20_000)
        assert rooms.get(code).slide == 3
        expect(projector.get_by_role("button")).to_have_count(0)
    finally:
        desk.close()
