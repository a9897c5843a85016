"""The load test's light phone speaks to the server as the vote page does, and the load script completes.

bench/wsphone.py sends Streamlit's own websocket messages instead of drawing the page. These tests hold it to
a real browser: a light phone carrying a browser's voter cookie is that browser's voter (it sees the browser's
vote, its own vote replaces it, the browser then shows the new choice), and a light phone with its own cookie
is one more voter. Then bench/load.py runs end to end with three phones (one Chromium page, two light phones)
and reports every row the performance notes quote. Nothing here is timed: the figures are bench/load.py's.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from policy import load_dataset
from policy.live import PollStore, RoomStore
from tests.conftest import need

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from harness import APP, Server  # noqa: E402
from wsphone import Phone  # noqa: E402

pytestmark = pytest.mark.browser


def _chromium() -> None:
    need(Path(CHROMIUM).exists(), f"Chromium is not installed at {CHROMIUM}")
    try:
        import playwright  # noqa: F401
    except ImportError:
        need(False, "playwright is not installed")


@pytest.fixture
def live_db(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A scratch live-session database, for the server started here and for the stores read here."""
    with tempfile.TemporaryDirectory(prefix="load-client-") as tmp:
        monkeypatch.setenv("POLICY_POLL_DB", str(Path(tmp) / "polls"))
        yield Path(tmp)


def test_a_light_phone_is_the_same_voter_as_the_browser_whose_cookie_it_carries(live_db: Path) -> None:
    _chromium()
    from playwright.async_api import async_playwright

    ds = load_dataset()
    first, second = ds.position_ids[0], ds.position_ids[1]
    store = PollStore()
    rooms = RoomStore(store, password=None)
    code, key = rooms.open_room()
    poll = rooms.open_poll(code, key, ds.debate.poll_question, ds.position_ids)

    async def scenario(url: str) -> None:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                context = await browser.new_context(viewport={"width": 390, "height": 844})
                page = await context.new_page()
                await page.goto(f"{url}/vote?join={code}")
                await page.locator(f".st-key-vote-{first} button").click(timeout=60_000)
                await page.get_by_text("Your vote").wait_for(timeout=60_000)
                assert store.voter_choice(poll, _cookie(await context.cookies())) == first

                # The same browser's cookie on a light phone: the server knows the voter already.
                same = Phone(url, "vote", f"join={code}", _cookie(await context.cookies()))
                await same.open()
                await same.wait_button(f"vote-{second}")
                await same.wait_text(r"^Your vote", since=0.0)  # the server knows this voter's choice
                sent = await same.click(f"vote-{second}")
                await same.wait_text(r"^Your vote", sent)
                await same.close()
                # The browser page follows by itself (its 2-s redraw): its choice is now the second option.
                await page.locator(f".st-key-vote-{second} button", has_text="✓").wait_for(timeout=60_000)

                # A light phone with its own cookie is one more voter.
                other = Phone(url, "vote", f"join={code}", secrets.token_urlsafe(18))
                await other.open()
                await other.wait_button(f"vote-{first}")
                sent = await other.click(f"vote-{first}")
                await other.wait_text(r"^Your vote", sent)
                await other.close()
            finally:
                await browser.close()

    try:
        with Server(APP, name="load-client") as server:
            server.wait_healthy()
            # In its own thread: Playwright's sync API, used by the browser tests in this process, keeps an event
            # loop running in the main thread, where asyncio.run would refuse to start another.
            failure: list[BaseException] = []

            def drive() -> None:
                try:
                    asyncio.run(scenario(server.url))
                except BaseException as err:  # noqa: BLE001 - handed to the test's thread
                    failure.append(err)

            thread = threading.Thread(target=drive)
            thread.start()
            thread.join()
            if failure:
                raise failure[0]
        assert (
            store.total_votes(poll) == 2
        )  # one browser (twice, the second time as a light phone), one phone
        tally = store.results(poll)
        assert (tally.get(first), tally.get(second)) == (1, 1)
    finally:
        store.dispose()


def _cookie(cookies: list[dict[str, object]]) -> str:
    for c in cookies:
        if c.get("name") == "policy_voter":
            return str(c["value"])
    raise AssertionError(f"the page set no voter cookie: {[c.get('name') for c in cookies]}")


@pytest.mark.timeout(900)  # a whole live session on a shared 2-core machine: not a timed test
def test_the_load_script_runs_with_three_phones_and_reports_every_figure() -> None:
    _chromium()
    # Its own process group, so that nothing it started outlives the test, even on a timeout.
    proc = subprocess.Popen(
        [
            sys.executable, str(ROOT / "bench" / "load.py"), "--sessions", "3", "--browser-phones", "1",
            "--answers", "1", "--stagger", "0.3", "--cpu-window", "4", "--timeout", "120", "--deadline", "600",
            "--no-write",
        ],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "POLICY_POLL_DB"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        stdout, stderr = proc.communicate(timeout=840)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    result = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    out = result.stdout
    assert result.returncode == 0, (out + result.stderr)[-3000:]
    assert "3 of 3 audience phones connected (1 Chromium pages" in out
    assert "3 votes cast, 3 stored" in out and "3 answers given, 3 stored" in out
    for row in (
        "| Vote → the projector (the room's screen, redrawn every 0.5 s) shows it | 3 |",
        "| Vote → the presenter's window (its count redrawn every 0.5 s) shows it | 3 |",
        "| Vote → the voter's own confirmation | 3 |",
        "| Statement answer → the statement panel counts it | 3 |",
        "| + 3 phones connected |",
        "| + 3 audience sessions connected |",
        "Server CPU per waiting phone:",
        "Memory per audience session:",
        "a 300-seat hall needs",
    ):
        assert row in out, f"{row!r} not in:\n{out}"
    assert "Problems" not in out, out
