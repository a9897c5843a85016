"""The statement round end to end: the presenter opens it, 12 phones answer, the room's screen shows groups.

Three phones are real browser contexts (390x844) that tap through every statement; the other nine answer
through the store on the same database, as phones on other replicas would (a 2-core machine cannot run
twelve Chromium pages and the server at once in good time). The room's screen is a third browser: it shows
the proposition most phones are on, in large type, then the results. Once the results are revealed, a phone
sees its own answers beside the room's and its opinion group; the presenter downloads the results.
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
from tests.browser.conftest import download, start_server, stop_server, wait_ready

pytestmark = pytest.mark.browser

REAL_PHONES = 3
STORE_PHONES = 9
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A server of its own, and the folder of its live-session database (the test adds answers there too)."""
    folder = tmp_path_factory.mktemp("statements-db")
    proc, url = start_server({"POLICY_POLL_DB": str(folder)})
    yield url, folder
    stop_server(proc)


def leaning(voter: int, statement: int, total: int) -> str:
    """Two camps: even voters agree with the even statements and disagree with the odd ones, odd voters the
    opposite; everyone agrees with the last statement."""
    if statement == total - 1:
        return "agree"
    return "agree" if (voter % 2 == 0) == (statement % 2 == 0) else "disagree"


def answer_on_phone(page: object, voter: int, total: int) -> None:
    """Tap through every statement as this voter leans, checking the progress line each time."""
    for i in range(total):
        expect(page.get_by_text(f"Statement {i + 1} of {total}")).to_be_visible(timeout=30_000)  # type: ignore[attr-defined]
        label = "Agree" if leaning(voter, i, total) == "agree" else "Disagree"
        page.get_by_role("button", name=label, exact=True).click()  # type: ignore[attr-defined]
    expect(page.get_by_text(f"you have answered {total} of {total} statements")).to_be_visible()  # type: ignore[attr-defined]


def fetch(page: object, name: str) -> tuple[Path, str]:
    """A download from the presenter's controls, which redraw every two seconds: on a loaded machine a redraw
    can land while the file is made and cancel it; click once more (as conftest.download does for a lost
    click)."""
    from playwright.sync_api import Error

    try:
        return download(page, name)
    except Error as err:
        if "canceled" not in str(err):
            raise
        return download(page, name)


def open_page(ctx: object, url: str) -> object:
    """A new page on ``url``, waited for (generous limits: the server and Chromium share two cores)."""
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.set_default_navigation_timeout(120_000)
    page.goto(url, wait_until="domcontentloaded")
    wait_ready(page, timeout=120_000)
    return page


@pytest.mark.timeout(900)  # a guard, not a speed test: 12 phones, a presenter and a screen on two cores
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
        presenter.get_by_role("button", name=re.compile(r"^(Open the )?[Ss]tatement round")).click()  # type: ignore[attr-defined]
        expect(presenter.get_by_text(re.compile(r"statement round open"))).to_be_visible()  # type: ignore[attr-defined]
        round_code = rooms.get(room_code).round
        assert rooms.get(room_code).kind == "statements" and round_code is not None
        presenter.goto("about:blank")  # type: ignore[attr-defined]  # its live console would share the cores
        statements = store.get(round_code).statements
        rooms.go_to(room_code, key, [s.kind for s in build_slides(dataset)].index("statements") + 1)

        # The room's screen shows the proposition being answered (the first, before anyone answers) in large
        # type, with who holds it; not a report, and not a number alone.
        screen_ctx = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
        contexts.append(screen_ctx)
        screen = open_page(screen_ctx, f"{server}/present?room={room_code}")
        now = screen.locator(".st-key-statement-now-text")  # type: ignore[attr-defined]
        expect(now).to_have_text(statements[0].text)
        expect(screen.get_by_text(f"Statement 1 of {total}", exact=False)).to_be_visible()  # type: ignore[attr-defined]
        expect(screen.get_by_text(re.compile(r"^from: "))).to_be_visible()  # type: ignore[attr-defined]
        size = now.locator("p").evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
        assert size >= 28, size
        screen.goto("about:blank")  # type: ignore[attr-defined]

        # Four real phones join with the room's code and tap through every statement, one after another.
        for voter in range(REAL_PHONES):
            ctx = browser.new_context(**PHONE)  # type: ignore[attr-defined]
            contexts.append(ctx)
            phone = open_page(ctx, f"{server}/vote?join={room_code}")
            expect(phone.get_by_text(re.compile(r"^from: .+Tap a number"))).to_be_visible()  # type: ignore[attr-defined]
            answer_on_phone(phone, voter, total)
            if voter == 0:
                # A phone that reloads is the same voter: told it has answered everything, not asked again.
                phone.reload()  # type: ignore[attr-defined]
                wait_ready(phone, timeout=120_000)
                expect(phone.get_by_text(f"you have answered {total} of {total} statements")).to_be_visible()  # type: ignore[attr-defined]
                phone.goto("about:blank")  # type: ignore[attr-defined]  # kept (its voter) for the results
                first_phone = (ctx, phone)
                continue
            ctx.close()  # type: ignore[attr-defined]
        assert int(store.votes(round_code).answered.any(axis=1).sum()) == REAL_PHONES

        # Eight more phones answer through the store (as on another replica of the app).
        for voter in range(REAL_PHONES, REAL_PHONES + STORE_PHONES):
            for i, s in enumerate(store.get(round_code).statements):
                store.answer(round_code, f"store-phone-{voter}", s.id, leaning(voter, i, total))
        assert int(store.votes(round_code).answered.any(axis=1).sum()) == 12

        # The room's screen follows the live session; everyone has answered everything, so it shows the last.
        screen.goto(f"{server}/present?room={room_code}")  # type: ignore[attr-defined]
        wait_ready(screen, timeout=120_000)
        expect(screen.get_by_text("Agree or disagree?")).to_be_visible()  # type: ignore[attr-defined]
        expect(now).to_have_text(statements[-1].text)
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
        screen.goto("about:blank")  # type: ignore[attr-defined]

        # The presenter downloads the results: each statement with its sources, counts and groups.
        path, name = fetch(presenter, "Statement results (CSV)")
        assert name == f"statement-round-{round_code}.csv"
        text = path.read_text(encoding="utf-8-sig")
        assert text.splitlines()[0].startswith("number,statement,from,sources,quotes")
        assert "group A agree %" in text.splitlines()[0] and "group B agree %" in text.splitlines()[0]
        assert statements[0].text.split(",")[0] in text
        # Without the presenter key, what the screen shows cannot be changed.
        with pytest.raises(NotPresenter):
            store.show(round_code, "not-the-key-0123456789", "agreement")
        presenter.goto("about:blank")  # type: ignore[attr-defined]

        # The first phone sees its own answers beside the room's, and its opinion group.
        _, phone = first_phone
        phone.goto(f"{server}/vote?join={room_code}")  # type: ignore[attr-defined]
        wait_ready(phone, timeout=120_000)
        expect(phone.get_by_text("Your answers and the room's")).to_be_visible(timeout=30_000)  # type: ignore[attr-defined]
        expect(phone.get_by_text(re.compile(r"You are in opinion group [AB], with 5 others"))).to_be_visible()  # type: ignore[attr-defined]
        # Voter 0 agrees with the even statements and the last: the room split 6-6 on the first.
        expect(
            phone.get_by_text(re.compile(r"^You agreed · room: 50% agree, 50% disagree, 0% pass \(12\)"))
        ).to_have_count(  # type: ignore[attr-defined]
            len(range(0, total - 1, 2))
        )
        expect(phone.get_by_text(re.compile(r"^You agreed · room: 100% agree"))).to_be_visible()  # type: ignore[attr-defined]
        expect(phone.get_by_text(re.compile(r"^You disagreed · room: 50% agree"))).to_have_count(
            (total - 1) // 2
        )  # type: ignore[attr-defined]
        phone.screenshot(path=str(folder / "phone-results-390x844.png"))  # type: ignore[attr-defined]

    finally:
        for ctx in contexts:
            ctx.close()  # type: ignore[attr-defined]
        rooms.polls.dispose()
