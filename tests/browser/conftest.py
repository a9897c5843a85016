"""A real `streamlit run` server and Debian's Chromium, driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import need

ROOT = Path(__file__).resolve().parents[2]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'

pytestmark = pytest.mark.browser

try:  # A 2-core CI machine runs the server, Chromium and pytest at once: give assertions room.
    from playwright.sync_api import expect as _expect

    _expect.set_options(timeout=15_000)
except ImportError:  # pragma: no cover - playwright is a dev dependency
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(
    env: dict[str, str] | None = None, app: str = "app.py"
) -> tuple[subprocess.Popen[bytes], str]:
    """Start `streamlit run` on a free loopback port and wait until it is healthy.

    The server's output goes to a log file, not a pipe: nobody reads a pipe while tests run, and a full one
    would stop the server mid-test.
    """
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix=f"streamlit-{port}-", suffix=".log", delete=False)  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", app,
            "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    log.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {Path(log.name).read_text(errors='replace')[-4000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().decode().strip() == "ok":
                    return proc, url
        except OSError:
            time.sleep(0.25)
    proc.terminate()
    raise RuntimeError(f"streamlit did not become healthy within 60 s (its log: {log.name})")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    polls = tmp_path_factory.mktemp("polls")
    proc, url = start_server({"POLICY_POLL_DB": str(polls)})
    yield url
    stop_server(proc)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    need(Path(CHROMIUM).is_file(), f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a dev dependency
        need(False, "playwright is not installed")
        raise
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def _streamlit_probe(url: str) -> bool:
    # Streamlit's frontend looks for its server under each prefix of a page's path (/compare/_stcore/health)
    # before the root; those 404s are how it finds the base URL, not failures of the app.
    path = url.split("?")[0]
    return path.endswith(("/_stcore/health", "/_stcore/host-config")) and path.count("/") > 4


@dataclass
class Watched:
    """A page plus everything that went wrong while it was open."""

    page: object
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@pytest.fixture
def watched(browser: object) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    w = Watched(page)
    page.on("pageerror", lambda err: w.errors.append(str(err)))
    page.on("requestfailed", lambda req: w.failed.append(f"{req.url} {req.failure}"))
    page.on(
        "response",
        lambda res: (
            res.status >= 400
            and not _streamlit_probe(res.url)
            and w.failed.append(f"{res.url} HTTP {res.status}")
        ),
    )
    yield w
    context.close()


def wait_ready(page: object, timeout: float = 30_000) -> None:
    """Wait until the script has finished and the app shows content."""
    page.wait_for_selector(READY, timeout=timeout)  # type: ignore[attr-defined]
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout)  # type: ignore[attr-defined]


def download(page: object, name: str, timeout: float = 45_000) -> tuple[Path, str]:
    """Click the named download button; the file and its suggested name (one retry if a click is lost)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect

    button = page.get_by_role("button", name=name)  # type: ignore[attr-defined]
    expect(button).to_be_enabled()
    for attempt in range(2):
        try:
            with page.expect_download(timeout=timeout) as info:  # type: ignore[attr-defined]
                button.click()
            return Path(info.value.path()), str(info.value.suggested_filename)
        except PlaywrightTimeout:
            # On a loaded 2-core machine a rerun can land between render and click; click once more.
            if attempt:
                raise
            wait_ready(page)
    raise AssertionError("unreachable")
