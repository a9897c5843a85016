"""The statement round end to end: the presenter opens it, 12 phones answer, the room's screen shows groups.

Four phones are real browser contexts (390x844) that tap through every statement; the other eight answer
through the store on the same database, as phones on other replicas would (a 2-core machine cannot run
twelve Chromium pages and the server at once in good time). The room's screen is a third browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy.engine import URL

from policy import Dataset
from policy.live import NotPresenter, PollStore, RoomStore
from policy.live.statements import StatementStore
from policy.slides import build_slides
from policy.statements import select_statements
from tests.browser.conftest import start_server, stop_server, wait_ready

pytestmark = pytest.mark.browser

REAL_PHONES = 4
STORE_PHONES = 8
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A server of its own, and the folder of its live-session database (the test adds answers there too)."""
    folder = tmp_path_factory.mktemp("statements-db")
    proc, url = start_server({"POLICY_POLL_DB": str(folder)})
    yield url, folder
    stop_server(proc)


def leaning(voter: int, statement: int) -> str:
    """Two camps: even voters agree with the even statements and disagree with the odd ones, odd voters the
    opposite; everyone agrees with the last statement."""
    if statement == 11:
        return "agree"
    return "agree" if (voter % 2 == 0) == (statement % 2 == 0) else "disagree"


def answer_on_phone(page: object, voter: int, total: int) -> None:
    """Tap through every statement as this voter leans, checking the progress line each time."""
    for i in range(total):
        expect(page.get_by_text(f"Statement {i + 1} of {total}")).to_be_visible(timeout=30_000)  # type: ignore[attr-defined]
        label = "Agree" if leaning(voter, i) == "agree" else "Disagree"
        page.get_by_role("button", name=label, exact=True).click()  # type: ignore[attr-defined]
    expect(page.get_by_text(f"you have answered {total} of {total} statements")).to_be_visible()  # type: ignore[attr-defined]


def open_page(ctx: object, url: str) -> object:
    """A new page on ``url``, waited for (generous limits: the server and Chromium share two cores)."""
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.set_default_navigation_timeout(120_000)
    page.goto(url, wait_until="domcontentloaded")
    wait_ready(page, timeout=120_000)
    return page


def test_twelve_phones_answer_and_the_room_sees_its_opinion_groups(
    browser: object, live: tuple[str, Path], dataset: Dataset
) -> None:
    server, folder = live
    total = len(select_statements(dataset))
    database = URL.create("sqlite", database=str(folder / "polls.sqlite3")).render_as_string()
    rooms = RoomStore(PollStore(database), password=None)
    store = StatementStore(database=rooms.polls.database)
    contexts: list[object] = []
    try:
        presenter_ctx = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
        contexts.append(presenter_ctx)
        presenter = open_page(presenter_ctx, f"{server}/present?view=presenter")
        presenter.get_by_role("button", name="Start the live session").click()  # type: ignore[attr-defined]
        expect(presenter).to_have_url(re.compile(r"room=[A-Z0-9]{6}.*key="))  # type: ignore[arg-type]
        console = presenter.url  # type: ignore[attr-defined]
        room_code = console.split("room=")[1].split("&")[0]
        key = console.split("key=")[1].split("&")[0]
        presenter.get_by_role("button", name=re.compile(r"^Open the statement round")).click()  # type: ignore[attr-defined]
        expect(presenter.get_by_text(re.compile(r"statement round open"))).to_be_visible()  # type: ignore[attr-defined]
        round_code = rooms.get(room_code).round
        assert rooms.get(room_code).kind == "statements" and round_code is not None
        presenter.goto("about:blank")  # type: ignore[attr-defined]  # its live console would share the cores

        # Four real phones join with the room's code and tap through every statement, one after another.
        for voter in range(REAL_PHONES):
            ctx = browser.new_context(**PHONE)  # type: ignore[attr-defined]
            contexts.append(ctx)
            phone = open_page(ctx, f"{server}/vote?join={room_code}")
            answer_on_phone(phone, voter, total)
            if voter == 0:
                # A phone that reloads is the same voter: told it has answered everything, not asked again.
                phone.reload()  # type: ignore[attr-defined]
                wait_ready(phone, timeout=120_000)
                expect(phone.get_by_text(f"you have answered {total} of {total} statements")).to_be_visible()  # type: ignore[attr-defined]
            ctx.close()  # type: ignore[attr-defined]
        assert int(store.votes(round_code).answered.any(axis=1).sum()) == REAL_PHONES

        # Eight more phones answer through the store (as on another replica of the app).
        for voter in range(REAL_PHONES, REAL_PHONES + STORE_PHONES):
            for i, s in enumerate(store.get(round_code).statements):
                store.answer(round_code, f"store-phone-{voter}", s.id, leaning(voter, i))
        assert int(store.votes(round_code).answered.any(axis=1).sum()) == 12

        # The room's screen follows the live session: the statement round shows on the poll slide.
        rooms.go_to(room_code, key, [s.kind for s in build_slides(dataset)].index("poll") + 1)
        screen_ctx = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
        contexts.append(screen_ctx)
        screen = open_page(screen_ctx, f"{server}/present?room={room_code}")
        expect(screen.get_by_text("Agree or disagree?")).to_be_visible()  # type: ignore[attr-defined]
        expect(screen.get_by_text(room_code, exact=True)).to_be_visible()  # type: ignore[attr-defined]
        expect(screen.get_by_text(re.compile(r"12 people have answered"))).to_be_visible()  # type: ignore[attr-defined]
        expect(screen.get_by_text("2 opinion groups")).to_have_count(0)  # type: ignore[attr-defined]  # not before Reveal

        # The presenter reveals the results and shows the groups; the screen follows without a reload.
        presenter = open_page(presenter_ctx, console)
        presenter.get_by_role("button", name="Reveal").click()  # type: ignore[attr-defined]
        expect(screen.get_by_text(f"Statement {total} · 100% agree")).to_be_visible(timeout=30_000)  # type: ignore[attr-defined]
        presenter.get_by_role("radio", name="Groups", exact=True).click()  # type: ignore[attr-defined]
        expect(screen.get_by_text("2 opinion groups")).to_be_visible(timeout=30_000)  # type: ignore[attr-defined]
        expect(screen.get_by_text(re.compile(r"Group A · 6 people"))).to_be_visible()  # type: ignore[attr-defined]
        expect(screen.get_by_text(re.compile(r"Group B · 6 people"))).to_be_visible()  # type: ignore[attr-defined]
        expect(screen.get_by_test_id("stVegaLiteChart")).to_be_visible()  # type: ignore[attr-defined]
        screen.screenshot(path=str(folder / "groups-1280x720.png"))  # type: ignore[attr-defined]
        # Without the presenter key, what the screen shows cannot be changed.
        with pytest.raises(NotPresenter):
            store.show(round_code, "not-the-key-0123456789", "agreement")
    finally:
        for ctx in contexts:
            ctx.close()  # type: ignore[attr-defined]
        rooms.polls.dispose()
