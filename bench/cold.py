"""Page loads in Chromium, timed until ready, by two definitions.

- **Empty cache** (``warm=False``): each load in a new browser context and tab, so every load also fetches
  Streamlit's frontend bundle and fonts.
- **Warm cache** (``warm=True``): one browser context per server, kept for the whole run, and a new tab per
  load: a reader who comes back, or opens a second link, has the bundle and fonts cached.

Used by bench/run.py. A load is timed from `goto` until the app's script has finished
(``data-test-script-state="notRunning"``) and an ``h1`` shows in the main area. Every page is loaded once on
each server first (imports, the content load, Streamlit's first-run costs), then the servers are taken in
turn for each page, round after round, the order of the servers rotating each round, so that whatever else
the machine is doing falls on all of them alike.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from harness import CHROMIUM, CHROMIUM_ARGS, READY_JS

Timings = dict[tuple[str, str], list[float]]  # (server name, url path) -> milliseconds (NaN: timed out)


def page_url(base: str, url_path: str) -> str:
    """The page's address on a server; a base with a query ("http://host:port?lang=es") keeps it on every page."""
    base, _sep, query = base.partition("?")
    url = f"{base}/" if url_path == "overview" else f"{base}/{url_path}"
    return f"{url}?{query}" if query else url


def load_once(browser: Any, url: str, timeout_s: float, context: Any = None) -> tuple[float, str]:
    """Milliseconds for one load of ``url`` (NaN when it timed out) and a problem, if any.

    Without ``context`` the load gets a new browser context (an empty cache); with one, a new tab in it."""
    own = context is None
    if own:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        start = time.perf_counter()
        try:
            page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
            page.wait_for_function(READY_JS, timeout=timeout_s * 1000, polling="raf")
        except Exception as err:  # noqa: BLE001 - Playwright's TimeoutError and friends
            return math.nan, f"{type(err).__name__}: {str(err).splitlines()[0][:120]}"
        elapsed = (time.perf_counter() - start) * 1000
        problem = ""
        if page.locator('[data-testid="stException"]').count():
            problem = "the page shows an exception"
        return elapsed, problem
    finally:
        page.close()
        if own:
            context.close()


def measure(
    servers: Mapping[str, str],
    url_paths: Sequence[str],
    rounds: int,
    timeout_s: float = 60,
    log: Callable[[str], None] = print,
    warm: bool = False,
) -> tuple[Timings, list[str], str]:
    """Load every page on every server ``rounds`` times, with an empty or a warm cache; return timings,
    problems, Chromium's version."""
    from playwright.sync_api import sync_playwright

    timings: Timings = {(name, path): [] for name in servers for path in url_paths}
    problems: list[str] = []
    names = list(servers)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            version = browser.version
            # Warm: one context per server for the whole run (its cache filled by the warm-up loads).
            contexts = (
                {n: browser.new_context(viewport={"width": 1280, "height": 800}) for n in names}
                if warm
                else {}
            )
            for name in names:  # warm-up, not counted
                start = time.perf_counter()
                for path in url_paths:
                    _, problem = load_once(
                        browser, page_url(servers[name], path), timeout_s * 3, contexts.get(name)
                    )
                    if problem:
                        problems.append(f"{name} /{path} (warm-up): {problem}")
                log(f"  warmed {name} in {time.perf_counter() - start:.0f} s")
            for r in range(rounds):
                start = time.perf_counter()
                for path in url_paths:
                    for i in range(len(names)):
                        name = names[(i + r) % len(names)]
                        ms, problem = load_once(
                            browser, page_url(servers[name], path), timeout_s, contexts.get(name)
                        )
                        timings[(name, path)].append(ms)
                        if problem:
                            problems.append(f"{name} /{path} (round {r + 1}): {problem}")
                log(
                    f"  {'warm' if warm else 'empty'} round {r + 1}/{rounds} in {time.perf_counter() - start:.0f} s"
                )
        finally:
            browser.close()
    return timings, problems, version
