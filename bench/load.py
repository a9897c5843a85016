"""Load test of a live poll: many audience browsers vote while the presenter's screen counts them.

Usage:  .venv/bin/python bench/load.py [--sessions 60] [--stagger 0.5] [--no-write]

One `streamlit run` server on 127.0.0.1 (its own poll database in a temporary folder) and one headless
Chromium. The presenter starts a live session in the presenter's window (/present?view=presenter), presses
"Open the poll" and "Reveal", and keeps the window open; the projector window (/present?room=CODE) shows the
poll slide. Then --sessions audience browser contexts (a phone-sized viewport each, so a Streamlit session
and a voter cookie each) open /vote?join=CODE, wait for the poll (the page follows the session by itself),
and each presses an option button at staggered times (--stagger seconds apart, jittered).

Reported: for each vote, the time from the click to the presenter's window showing the new total (it and
every phone redraw from the database every two seconds, so that interval sets the expected range),
p50 / p95 / max; the time to the voter's own confirmation; and the server's resident memory (VmRSS, with any
child processes) before the audience connects, once all are connected, and after the votes, as KiB per
session. Every wait has a time limit, the whole run has one (--deadline), and everything it started is
closed at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import APP, CHROMIUM, CHROMIUM_ARGS, READY_JS, ROOT, Server, percentile, replace_section  # noqa: E402

from policy.live import PollStore, RoomStore  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
# The presenter's window is in front of the room: its timers must not be throttled as a background tab's.
LOAD_ARGS = [
    *CHROMIUM_ARGS,
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]
# Each markdown block on its own: the page's text run together would join the join code's last digit to it.
COUNT_JS = """() => {
  for (const el of document.querySelectorAll('[data-testid="stMain"] [data-testid="stMarkdownContainer"]')) {
    const m = el.textContent.trim().match(/^(\\d+) votes? · poll/);
    if (m) return Number(m[1]);
  }
  return -1;
}"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Run:
    sessions: int
    code: str = ""
    clicks: list[float] = field(default_factory=list)  # perf_counter at each click
    confirmed: list[float] = field(default_factory=list)  # click -> "Your vote" on the phone, seconds
    seen: dict[int, float] = field(
        default_factory=dict
    )  # total -> first perf_counter the presenter showed it
    failures: list[str] = field(default_factory=list)
    rss: dict[str, int] = field(default_factory=dict)
    open_seconds: float = 0.0
    stored_votes: int = -1
    cpu: dict[str, float] = field(default_factory=dict)  # server CPU, share of one core, in an idle window


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds the process has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def cpu_share(pid: int, seconds: float) -> float:
    """The share of one core the process used over the next ``seconds``."""
    start = cpu_seconds(pid)
    await asyncio.sleep(seconds)
    return (cpu_seconds(pid) - start) / seconds


async def wait_ready(page: Any, timeout_s: float) -> None:
    await page.wait_for_function(READY_JS, timeout=timeout_s * 1000, polling="raf")


async def watch(presenter: Any, run: Run, stop: asyncio.Event, deadline: float) -> None:
    """Read the presenter's vote count every 50 ms; note when each total first shows."""
    while not stop.is_set() and time.monotonic() < deadline:
        try:
            count = await presenter.evaluate(COUNT_JS)
        except Exception as err:  # noqa: BLE001 - a page mid-update; try again
            run.failures.append(f"presenter read: {type(err).__name__}")
            count = -1
        now = time.perf_counter()
        if count >= 0:
            for total in range(1, count + 1):
                run.seen.setdefault(total, now)
        await asyncio.sleep(0.05)


async def audience(
    browser: Any, url: str, option: str, opened: asyncio.Semaphore, timeout_s: float
) -> tuple[Any, Any]:
    """Open one phone on the vote page, ready to vote for ``option``; return (context, page)."""
    context = await browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=1
    )
    page = await context.new_page()
    async with opened:
        await page.goto(url, timeout=timeout_s * 1000)
        # Not "script finished": the page redraws every 2 s, so under load it may rarely look finished.
        await page.locator(f".st-key-vote-{option} button").wait_for(timeout=timeout_s * 1000)
    return context, page


async def vote(page: Any, option: str, at: float, run: Run, timeout_s: float) -> None:
    """At time ``at`` (perf_counter), press the option's button; note the click and the confirmation."""
    await asyncio.sleep(max(0.0, at - time.perf_counter()))
    clicked = time.perf_counter()
    try:
        await page.locator(f".st-key-vote-{option} button").click(timeout=timeout_s * 1000)
        run.clicks.append(clicked)
        await page.get_by_text("Your vote").wait_for(timeout=timeout_s * 1000)
        run.confirmed.append(time.perf_counter() - clicked)
    except Exception as err:  # noqa: BLE001
        run.failures.append(f"vote: {type(err).__name__}: {str(err).splitlines()[0][:100]}")


async def drive(server: Server, args: argparse.Namespace, poll_slide: int, options: list[str]) -> Run:
    from playwright.async_api import async_playwright

    run = Run(args.sessions)
    deadline = time.monotonic() + args.deadline
    timeout_s = args.timeout
    contexts: list[Any] = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=LOAD_ARGS, headless=True)
        try:
            ctx = await browser.new_context(viewport={"width": 1280, "height": 720})
            contexts.append(ctx)
            presenter = await ctx.new_page()
            await presenter.goto(f"{server.url}/present?view=presenter", timeout=timeout_s * 1000)
            await wait_ready(presenter, timeout_s)
            await presenter.get_by_role("button", name="Start the live session").click(
                timeout=timeout_s * 1000
            )
            await presenter.wait_for_url(re.compile(r"room=[A-Z0-9]{6}&key="), timeout=timeout_s * 1000)
            run.code = presenter.url.split("room=")[1].split("&")[0]
            await wait_ready(presenter, timeout_s)
            await presenter.locator(".st-key-poll_open button").click(timeout=timeout_s * 1000)
            await presenter.locator(".st-key-poll_reveal button").click(timeout=timeout_s * 1000)
            await presenter.get_by_text("0 votes · poll open · results shown").wait_for(
                timeout=timeout_s * 1000
            )
            # The projector window, on the poll slide (moved there with the presenter's key).
            key = presenter.url.split("key=")[1].split("&")[0]
            rooms = RoomStore(PollStore(), password=None)
            try:
                rooms.go_to(run.code, key, poll_slide)
            finally:
                rooms.polls.dispose()
            projector = await ctx.new_page()
            await projector.goto(f"{server.url}/present?room={run.code}", timeout=timeout_s * 1000)
            await wait_ready(projector, timeout_s)
            await projector.locator(".st-key-join-code").wait_for(timeout=timeout_s * 1000)
            await asyncio.sleep(2)
            run.cpu["before"] = await cpu_share(server.pid, 10)
            run.rss["before"] = server.rss_kib()
            log(f"poll {run.code} open and revealed; server RSS {run.rss['before'] / 1024:.0f} MiB")

            rng = random.Random(7)
            choices = [options[rng.randrange(len(options))] for _ in range(args.sessions)]
            opened = asyncio.Semaphore(args.open_concurrency)
            start = time.perf_counter()
            url = f"{server.url}/vote?join={run.code}"
            results = await asyncio.wait_for(
                asyncio.gather(
                    *(audience(browser, url, c, opened, timeout_s) for c in choices),
                    return_exceptions=True,
                ),
                timeout=max(10.0, deadline - time.monotonic()),
            )
            phones = []
            for r in results:
                if isinstance(r, BaseException):
                    run.failures.append(f"open: {type(r).__name__}: {str(r).splitlines()[0][:100]}")
                else:
                    contexts.append(r[0])
                    phones.append(r[1])
            run.open_seconds = time.perf_counter() - start
            await asyncio.sleep(3)
            run.cpu["connected"] = await cpu_share(server.pid, 20)
            run.rss["connected"] = server.rss_kib()
            log(
                f"{len(phones)} audience sessions open in {run.open_seconds:.0f} s; "
                f"server RSS {run.rss['connected'] / 1024:.0f} MiB"
            )

            stop = asyncio.Event()
            watcher = asyncio.create_task(watch(presenter, run, stop, deadline))
            t0 = time.perf_counter() + 1.0
            times = [t0 + i * args.stagger + rng.uniform(0, args.stagger / 2) for i in range(len(phones))]
            await asyncio.wait_for(
                asyncio.gather(
                    *(vote(p, c, t, run, timeout_s) for p, c, t in zip(phones, choices, times, strict=False))
                ),
                timeout=max(10.0, deadline - time.monotonic()),
            )
            # Wait (bounded) until the presenter shows every vote cast.
            until = time.monotonic() + 3 * timeout_s
            while len(run.clicks) not in run.seen and time.monotonic() < min(until, deadline):
                await asyncio.sleep(0.1)
            stop.set()
            await watcher
            await asyncio.sleep(2)
            run.rss["voted"] = server.rss_kib()
        finally:
            for c in contexts:
                try:
                    await asyncio.wait_for(c.close(), timeout=30)
                except Exception:  # noqa: BLE001, S110 - closing is best effort; the browser closes next
                    pass
            await browser.close()
    return run


def report(run: Run, args: argparse.Namespace) -> str:
    clicks = sorted(run.clicks)
    latencies = [run.seen[k] - t for k, t in enumerate(clicks, start=1) if k in run.seen]
    missing = len(clicks) - len(latencies)
    n = max(1, run.sessions)
    per_connected = (run.rss.get("connected", 0) - run.rss.get("before", 0)) / n
    per_voted = (run.rss.get("voted", 0) - run.rss.get("before", 0)) / n
    per_phone_ms = (run.cpu.get("connected", 0) - run.cpu.get("before", 0)) / n * 1000

    def ms(values: list[float], q: float) -> str:
        return f"{percentile(values, q) * 1000:,.0f}" if values else "—"

    lines = [
        f"Measured {dt.date.today().isoformat()} on {args.machine}: one server, {run.sessions} audience browser "
        f"contexts (390×844, phone, each following the session every 2 s) and the presenter's and projector "
        f"windows, all in one headless Chromium on the same machine; "
        f"votes {args.stagger} s apart (jittered). {len(clicks)} votes cast, {run.stored_votes} stored"
        + (f", {missing} never shown to the presenter" if missing else "")
        + ".",
        "",
        "| Measure | p50 | p95 | max |",
        "|---|--:|--:|--:|",
        f"| Vote → the presenter's window shows it (ms) | {ms(latencies, 50)} | {ms(latencies, 95)} | "
        f"{ms(latencies, 100)} |",
        f"| Vote → the voter's own confirmation (ms) | {ms(run.confirmed, 50)} | {ms(run.confirmed, 95)} | "
        f"{ms(run.confirmed, 100)} |",
        "",
        "| Server memory (VmRSS) | MiB |",
        "|---|--:|",
        f"| Presenter and projector only, poll open | {run.rss.get('before', 0) / 1024:,.0f} |",
        f"| + {run.sessions} audience sessions connected | {run.rss.get('connected', 0) / 1024:,.0f} |",
        f"| after every vote | {run.rss.get('voted', 0) / 1024:,.0f} |",
        "",
        f"Server CPU while they wait (every phone redraws from the database every 2 s): "
        f"{run.cpu.get('connected', 0) * 100:,.0f}% of one core, against {run.cpu.get('before', 0) * 100:,.0f}% "
        f"with the presenter alone: **{per_phone_ms:,.1f} ms of CPU per phone per second**.",
        "",
        f"Memory per audience session: **{per_connected:,.0f} KiB** connected, {per_voted:,.0f} KiB after voting. "
        f"Opening the {run.sessions} sessions took {run.open_seconds:.0f} s "
        f"({args.open_concurrency} at a time).",
    ]
    if run.failures:
        lines += ["", f"Problems ({len(run.failures)}):", *(f"- {f}" for f in run.failures[:20])]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=60, help="audience browser contexts (default 60)")
    parser.add_argument("--stagger", type=float, default=0.5, help="seconds between votes (default 0.5)")
    parser.add_argument("--open-concurrency", type=int, default=4, help="audience pages opening at once")
    parser.add_argument("--timeout", type=float, default=60, help="seconds any one step may take")
    parser.add_argument("--deadline", type=float, default=900, help="seconds the whole run may take")
    parser.add_argument("--out", type=Path, default=DOC)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    args.sessions = max(1, min(args.sessions, 200))
    args.stagger = max(0.05, min(args.stagger, 10.0))
    args.open_concurrency = max(1, min(args.open_concurrency, 16))
    args.deadline = max(60.0, min(args.deadline, 3600.0))

    from run import TEMPLATE, machine

    from policy import load_dataset
    from policy.slides import build_slides

    args.machine = machine()
    ds = load_dataset()
    poll_slide = [s.kind for s in build_slides(ds)].index("poll") + 1
    with tempfile.TemporaryDirectory(prefix="policy-load-") as tmp:
        os.environ["POLICY_POLL_DB"] = str(Path(tmp) / "polls")  # the server's, and the store's below
        with Server(APP, name="load") as server:
            server.wait_healthy()
            run = asyncio.run(drive(server, args, poll_slide, ds.position_ids))
        if run.code:
            store = PollStore()
            try:
                run.stored_votes = store.total_votes(run.code)
            finally:
                store.dispose()
    text = report(run, args)
    print(text)
    if not args.no_write:
        replace_section(args.out, "load", text, TEMPLATE)
        log(f"wrote {args.out}")
    return 0 if not run.failures and run.stored_votes == len(run.clicks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
