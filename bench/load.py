"""Load test of a live session: many audience phones vote and answer statements while the presenter watches.

Usage:  .venv/bin/python bench/load.py [--sessions 60] [--browser-phones 12] [--stagger 0.5] [--no-write]

One `streamlit run` server on 127.0.0.1 (its own poll database in a temporary folder) and one headless
Chromium. The presenter starts a live session in the presenter's window (/present?view=presenter), presses
"Open the poll" and "Reveal", and keeps the window open; the projector window (/present?room=CODE) shows the
poll slide. Then --sessions audience phones join with /vote?join=CODE, each its own Streamlit session with
its own voter cookie, following the session by itself (a fragment rerun every 2 s):

- --browser-phones of them are real Chromium pages (390×844, a browser context each);
- the rest are light phones (bench/wsphone.py): Streamlit's own websocket messages, sent as the page sends
  them (same URL, query string and cookies, the same 2-s fragment reruns, the same button message), but with
  no renderer. A phone in a hall renders on its own device, so only the server's side of it matters for
  sizing a hall; 60 Chromium renderers on the same 2 cores as the server measure the renderers instead
  (docs/performance.md, "A live poll under load").

Two rounds are timed. **Poll**: each phone presses an option at staggered times (--stagger seconds apart,
jittered); for each vote, the time from the press to the presenter's window showing the new total (the
window and every phone redraw from the database every two seconds, so that interval sets the expected
range), and to the voter's own confirmation. **Statements**: the presenter opens a statement round in the
room; every phone moves to it by itself and answers --answers statements, one after another; for each
answer, the time from the press to the projector's statement panel counting it.

Also reported: the server's CPU (share of one core, /proc/<pid>/stat) with the presenter alone and with
every phone connected and waiting, so the CPU per waiting phone; the CPU of the Chromium processes and of the
light phones in the same window (where the machine's time goes); and the server's resident memory (VmRSS,
with any child processes) before the audience connects, once all are connected and after both rounds, as KiB
per session. Every wait has a time limit, the whole run has one (--deadline), and everything it started is
closed at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import math
import os
import random
import re
import secrets
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (  # noqa: E402
    APP,
    CHROMIUM,
    CHROMIUM_ARGS,
    READY_JS,
    ROOT,
    Server,
    children,
    cpu_seconds,
    percentile,
    replace_section,
)
from wsphone import Phone  # noqa: E402

from policy.live import PollStore, RoomStore  # noqa: E402
from policy.live.statements import StatementStore  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
# The presenter's window is in front of the room: its timers must not be throttled as a background tab's.
# The phones' pages draw no fonts or images they do not need (blocked per context below).
LOAD_ARGS = [
    *CHROMIUM_ARGS,
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]
# Each markdown block on its own: the page's text run together would join the join code's last digit to it.
COUNT_JS = """(pattern) => {
  const rx = new RegExp(pattern);
  for (const el of document.querySelectorAll('[data-testid="stMain"] [data-testid="stMarkdownContainer"]')) {
    const m = el.textContent.trim().match(rx);
    if (m) return Number(m[1]);
  }
  return -1;
}"""
VOTES = r"^(\d+) votes? · poll"  # the presenter's window: "12 votes · poll open · results shown"
SCREEN_VOTES = r"Scan to vote · (\d+) votes? · "  # the projector: "Scan to vote · 12 votes · poll open"
ANSWERS = r"(\d+) answers? · "  # the statement panel: "5 people have answered · 15 answers · 12 statements"
ANSWER_KINDS = ("agree", "disagree", "pass")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Timed:
    """One round: when each press was sent, and when the watched window first showed each total."""

    clicks: list[float] = field(default_factory=list)  # perf_counter at each press
    confirmed: list[float] = field(default_factory=list)  # press -> the phone's own confirmation, seconds
    seen: dict[int, float] = field(default_factory=dict)  # total -> first perf_counter it showed

    def latencies(self) -> list[float]:
        return [self.seen[k] - t for k, t in enumerate(sorted(self.clicks), start=1) if k in self.seen]


@dataclass
class Run:
    sessions: int
    browser_phones: int
    code: str = ""
    poll_code: str = ""
    poll: Timed = field(default_factory=Timed)
    screen: Timed = field(default_factory=Timed)  # the same votes, as the projector showed them
    statements: Timed = field(default_factory=Timed)
    failures: list[str] = field(default_factory=list)
    rss: dict[str, int] = field(default_factory=dict)
    open_seconds: dict[str, float] = field(default_factory=dict)
    open_cpu: dict[str, dict[str, float]] = field(
        default_factory=dict
    )  # CPU seconds per phone opened, by side
    opened: dict[str, int] = field(default_factory=dict)
    connected: int = 0
    stored_votes: int = -1
    stored_answers: int = -1
    statement_round: str = ""
    # CPU in a quiet window, share of one core: server, Chromium (with its driver), the light phones (this process)
    cpu: dict[str, dict[str, float]] = field(default_factory=dict)


class Cpu:
    """CPU seconds of the server, of the browser side (every other process this script started) and of this
    process (the light phones), read from /proc."""

    def __init__(self, server_pid: int) -> None:
        self.server = server_pid

    def read(self) -> dict[str, float]:
        mine = set(children(os.getpid()))
        server = {self.server, *children(self.server)}
        return {
            "server": sum(cpu_seconds(p) for p in server),
            "browser": sum(cpu_seconds(p) for p in mine - server),
            "phones": sum(os.times()[:2]),
        }

    async def share(self, seconds: float) -> dict[str, float]:
        start = self.read()
        await asyncio.sleep(seconds)
        end = self.read()
        return {k: (end[k] - start[k]) / seconds for k in start}


async def wait_ready(page: Any, timeout_s: float) -> None:
    await page.wait_for_function(READY_JS, timeout=timeout_s * 1000, polling="raf")


async def watch(
    page: Any, pattern: str, timed: Timed, run: Run, stop: asyncio.Event, deadline: float
) -> None:
    """Read a window's count every 50 ms; note when each total first shows."""
    while not stop.is_set() and time.monotonic() < deadline:
        try:
            count = await page.evaluate(COUNT_JS, pattern)
        except Exception as err:  # noqa: BLE001 - a page mid-update; try again
            run.failures.append(f"window read: {type(err).__name__}")
            count = -1
        now = time.perf_counter()
        if count >= 0:
            for total in range(1, count + 1):
                timed.seen.setdefault(total, now)
        await asyncio.sleep(0.05)


class BrowserPhone:
    """A phone as a Chromium page in its own context."""

    def __init__(self, context: Any, page: Any) -> None:
        self.context, self.page = context, page

    @classmethod
    async def open(cls, browser: Any, url: str, option: str, timeout_s: float) -> BrowserPhone:
        context = await browser.new_context(
            viewport={"width": 390, "height": 844},
            is_mobile=True,
            has_touch=True,
            device_scale_factor=1,
            reduced_motion="reduce",
        )
        # Fonts and images are the phone's own work, not the server's: not fetched.
        await context.route(re.compile(r"\.(woff2?|ttf|png|jpe?g|gif|svg|ico)(\?.*)?$"), lambda r: r.abort())
        page = await context.new_page()
        await page.goto(url, timeout=timeout_s * 1000)
        # Not "script finished": the page redraws every 2 s, so under load it may rarely look finished.
        await page.locator(f".st-key-vote-{option} button").wait_for(timeout=timeout_s * 1000)
        return cls(context, page)

    async def press(self, key: str, timeout_s: float) -> float:
        clicked = time.perf_counter()
        await self.page.locator(f".st-key-{key} button").click(timeout=timeout_s * 1000)
        return clicked

    async def confirmation(self, pattern: str, since: float, timeout_s: float) -> float:
        await self.page.get_by_text(re.compile(pattern)).first.wait_for(timeout=timeout_s * 1000)
        return time.perf_counter()

    async def wait_button(self, key: str, timeout_s: float) -> None:
        await self.page.locator(f".st-key-{key} button").wait_for(timeout=timeout_s * 1000)

    async def close(self) -> None:
        await asyncio.wait_for(self.context.close(), timeout=30)


class LightPhone:
    """A phone as Streamlit's own messages (bench/wsphone.py)."""

    def __init__(self, phone: Phone) -> None:
        self.phone = phone

    @classmethod
    async def open(cls, base: str, code: str, option: str, timeout_s: float) -> LightPhone:
        phone = Phone(base, "vote", f"join={code}", secrets.token_urlsafe(18))
        await phone.open(timeout_s)
        await phone.wait_button(f"vote-{option}", timeout_s)
        return cls(phone)

    async def press(self, key: str, timeout_s: float) -> float:
        return await self.phone.click(key)

    async def confirmation(self, pattern: str, since: float, timeout_s: float) -> float:
        return await self.phone.wait_text(pattern, since, timeout_s)

    async def wait_button(self, key: str, timeout_s: float) -> None:
        await self.phone.wait_button(key, timeout_s)

    async def close(self) -> None:
        await self.phone.close()


AnyPhone = BrowserPhone | LightPhone


async def vote(phone: AnyPhone, option: str, at: float, run: Run, timeout_s: float) -> None:
    """At time ``at`` (perf_counter), press the option's button; note the press and the confirmation."""
    await asyncio.sleep(max(0.0, at - time.perf_counter()))
    try:
        clicked = await phone.press(f"vote-{option}", timeout_s)
        run.poll.clicks.append(clicked)
        seen = await phone.confirmation(r"^Your vote", clicked, timeout_s)
        run.poll.confirmed.append(seen - clicked)
    except Exception as err:  # noqa: BLE001
        run.failures.append(f"vote: {type(err).__name__}: {str(err).splitlines()[0][:100]}")


async def answer(phone: AnyPhone, answers: list[str], at: float, run: Run, timeout_s: float) -> None:
    """From time ``at``, answer the round's first statements one after another, as a person reading them."""
    await asyncio.sleep(max(0.0, at - time.perf_counter()))
    try:
        await phone.wait_button("answer-agree", timeout_s)
        for n, choice in enumerate(answers, start=1):
            clicked = await phone.press(f"answer-{choice}", timeout_s)
            run.statements.clicks.append(clicked)
            seen = await phone.confirmation(rf"[Yy]ou have answered {n} of", clicked, timeout_s)
            run.statements.confirmed.append(seen - clicked)
            await asyncio.sleep(1.0)  # reading the next statement
    except Exception as err:  # noqa: BLE001
        run.failures.append(f"answer: {type(err).__name__}: {str(err).splitlines()[0][:100]}")


async def gather_bounded(run: Run, what: str, coros: list[Any], deadline: float) -> list[Any]:
    results = await asyncio.wait_for(
        asyncio.gather(*coros, return_exceptions=True), timeout=max(10.0, deadline - time.monotonic())
    )
    ok = []
    for r in results:
        if isinstance(r, BaseException):
            run.failures.append(
                f"{what}: {type(r).__name__}: {str(r).splitlines()[0][:100] if str(r) else ''}"
            )
        else:
            ok.append(r)
    return ok


async def drive(
    server: Server, args: argparse.Namespace, poll_slide: int, statements_slide: int, ds: Any
) -> Run:
    from playwright.async_api import async_playwright

    from policy.statements import select_statements

    options: list[str] = list(ds.position_ids)
    run = Run(args.sessions, args.browser_phones)
    deadline = time.monotonic() + args.deadline
    timeout_s = args.timeout
    cpu = Cpu(server.pid)
    phones: list[AnyPhone] = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=LOAD_ARGS, headless=True)
        try:
            ctx = await browser.new_context(viewport={"width": 1280, "height": 720})
            presenter = await ctx.new_page()
            await presenter.goto(f"{server.url}/present?view=presenter", timeout=timeout_s * 1000)
            await wait_ready(presenter, timeout_s)
            await presenter.get_by_role("button", name="Start the live session").click(
                timeout=timeout_s * 1000
            )
            await presenter.wait_for_url(re.compile(r"room=[A-Z0-9]{6}&key="), timeout=timeout_s * 1000)
            run.code = presenter.url.split("room=")[1].split("&")[0]
            # Not "script finished": the console's clock redraws it, so under load it may rarely look finished.
            await presenter.get_by_text(re.compile(r"^Slide \d+ of")).first.wait_for(timeout=timeout_s * 1000)
            await presenter.get_by_role("button", name="Open the poll").first.click(timeout=timeout_s * 1000)
            if not args.hidden:
                await presenter.locator(".st-key-poll_reveal button").first.click(timeout=timeout_s * 1000)
            shown = "hidden" if args.hidden else "shown"
            await presenter.get_by_text(f"0 votes · poll open · results {shown}").wait_for(
                timeout=timeout_s * 1000
            )
            # The projector window, on the poll slide (moved there with the presenter's key).
            key = presenter.url.split("key=")[1].split("&")[0]
            rooms = RoomStore(PollStore(), password=None)
            try:
                rooms.go_to(run.code, key, poll_slide)
                run.poll_code = rooms.get(run.code).round or ""
            finally:
                rooms.polls.dispose()
            projector = await ctx.new_page()
            await projector.goto(f"{server.url}/present?room={run.code}", timeout=timeout_s * 1000)
            await wait_ready(projector, timeout_s)
            # The count line is drawn in every state of the poll slide (the join code steps back once revealed).
            await projector.locator(".st-key-poll-count").wait_for(timeout=timeout_s * 1000)
            await asyncio.sleep(2)
            run.cpu["before"] = await cpu.share(args.cpu_window / 2)
            run.rss["before"] = server.rss_kib()
            log(f"poll {run.code} open and revealed; server RSS {run.rss['before'] / 1024:.0f} MiB")

            rng = random.Random(7)
            choices = [options[rng.randrange(len(options))] for _ in range(args.sessions)]
            url = f"{server.url}/vote?join={run.code}"
            opened = asyncio.Semaphore(args.open_concurrency)

            async def open_browser(option: str) -> AnyPhone:
                async with opened:
                    return await BrowserPhone.open(browser, url, option, timeout_s)

            async def open_light(option: str) -> AnyPhone:
                async with opened:
                    return await LightPhone.open(server.url, run.code, option, timeout_s)

            # Each kind of phone opens on its own, so the CPU each costs to open is told apart; the light
            # phones first, so their server figure holds only the presenter's windows besides.
            nb = args.browser_phones
            for kind, opener, picks in (
                ("light", open_light, choices[nb:]),
                ("browser", open_browser, choices[:nb]),
            ):
                start, used = time.perf_counter(), cpu.read()
                got = await gather_bounded(run, "open", [opener(c) for c in picks], deadline)
                end = cpu.read()
                run.open_seconds[kind] = time.perf_counter() - start
                # Less what the presenter's windows (and any phone already open) use meanwhile.
                spent = time.perf_counter() - start
                base = run.cpu["before"] if kind == "light" else run.cpu.get("light_open", run.cpu["before"])
                run.open_cpu[kind] = {
                    k: (end[k] - used[k] - base.get(k, 0) * spent) / max(1, len(got)) for k in end
                }
                if kind == "light":
                    await asyncio.sleep(2)
                    run.cpu["light_open"] = await cpu.share(min(10.0, args.cpu_window))
                run.opened[kind] = len(got)
                phones += got
            run.connected = len(phones)
            await asyncio.sleep(3)
            run.cpu["connected"] = await cpu.share(args.cpu_window)
            run.rss["connected"] = server.rss_kib()
            log(
                f"{len(phones)} audience sessions open ({nb} in Chromium); "
                f"server RSS {run.rss['connected'] / 1024:.0f} MiB; "
                f"server CPU {run.cpu['connected']['server'] * 100:.0f}% of a core"
            )

            # Round 1: the poll. Phones of both kinds take turns, in a shuffled order.
            order = list(range(len(phones)))
            rng.shuffle(order)
            stop = asyncio.Event()
            watcher = asyncio.gather(
                watch(presenter, VOTES, run.poll, run, stop, deadline),
                watch(projector, SCREEN_VOTES, run.screen, run, stop, deadline),
            )
            t0 = time.perf_counter() + 1.0
            times = {i: t0 + n * args.stagger + rng.uniform(0, args.stagger / 2) for n, i in enumerate(order)}
            await gather_bounded(
                run,
                "vote",
                [vote(phones[i], choices[i], times[i], run, timeout_s) for i in order],
                deadline,
            )
            until = time.monotonic() + 3 * timeout_s
            run.screen.clicks = run.poll.clicks
            while (
                len(run.poll.clicks) not in run.poll.seen or len(run.poll.clicks) not in run.screen.seen
            ) and (time.monotonic() < min(until, deadline)):
                await asyncio.sleep(0.1)
            stop.set()
            await watcher
            log(f"poll: {len(run.poll.clicks)} votes; the presenter showed {max(run.poll.seen, default=0)}")

            # Round 2: statements, opened in the room with the presenter's key; the phones follow by themselves.
            if args.answers > 0:
                store = StatementStore()
                rooms = RoomStore(PollStore(), password=None)
                try:
                    # As the presenter's "Statement round" does: the poll ends, the round opens, the room
                    # moves to the round's slide. Not revealed: phones then show the room's results instead
                    # of the next statement; the projector's panel counts the answers either way.
                    rooms.close(run.code, key)
                    run.statement_round = store.open_round(select_statements(ds), key=key)
                    rooms.start_round(run.code, key, "statements", run.statement_round)
                    if statements_slide:
                        rooms.go_to(run.code, key, statements_slide)
                finally:
                    store.dispose()
                    rooms.polls.dispose()
                try:
                    await projector.get_by_text(re.compile(ANSWERS)).first.wait_for(timeout=timeout_s * 1000)
                except Exception as err:  # noqa: BLE001 - reported; the round is still timed from the phones
                    run.failures.append(
                        f"statement panel: {type(err).__name__}: {str(err).splitlines()[0][:100]}"
                    )
                stop = asyncio.Event()
                watcher = asyncio.create_task(watch(projector, ANSWERS, run.statements, run, stop, deadline))
                t0 = time.perf_counter() + 3.0
                gap = args.stagger * args.answers
                times = {i: t0 + n * gap + rng.uniform(0, gap / 2) for n, i in enumerate(order)}
                picks = [[rng.choice(ANSWER_KINDS) for _ in range(args.answers)] for _ in phones]
                await gather_bounded(
                    run,
                    "answer",
                    [answer(phones[i], picks[i], times[i], run, timeout_s) for i in order],
                    deadline,
                )
                until = time.monotonic() + 3 * timeout_s
                while len(run.statements.clicks) not in run.statements.seen and time.monotonic() < min(
                    until, deadline
                ):
                    await asyncio.sleep(0.1)
                stop.set()
                await watcher
                log(
                    f"statements: {len(run.statements.clicks)} answers; "
                    f"the panel showed {max(run.statements.seen, default=0)}"
                )
            await asyncio.sleep(2)
            run.rss["voted"] = server.rss_kib()
        finally:
            for p in phones:
                try:
                    await p.close()
                except Exception:  # noqa: BLE001, S110 - closing is best effort; the browser closes next
                    pass
            await browser.close()
    return run


def replicas_for(seats: int, per_phone_core: float, budget: float) -> int:
    """Replicas so that ``seats`` waiting phones keep each replica under ``budget`` of one core."""
    if per_phone_core <= 0:
        return 1
    return max(1, math.ceil(seats * per_phone_core / budget))


def report(run: Run, args: argparse.Namespace) -> str:
    poll, stmts = run.poll.latencies(), run.statements.latencies()
    missing = len(run.poll.clicks) - len(poll)
    n = max(1, run.connected)
    per_connected = (run.rss.get("connected", 0) - run.rss.get("before", 0)) / n
    per_voted = (run.rss.get("voted", 0) - run.rss.get("before", 0)) / n
    before, connected = run.cpu.get("before", {}), run.cpu.get("connected", {})
    per_phone = (connected.get("server", 0) - before.get("server", 0)) / n  # share of a core per phone
    light = max(0, run.connected - run.browser_phones)

    def ms(values: list[float], q: float) -> str:
        return f"{percentile(values, q) * 1000:,.0f}" if values else "—"

    def row(label: str, values: list[float]) -> str:
        return f"| {label} | {len(values)} | {ms(values, 50)} | {ms(values, 95)} | {ms(values, 100)} |"

    def pct(d: dict[str, float], k: str) -> str:
        return f"{d.get(k, 0) * 100:,.0f}%"

    per_replica = int(0.5 / per_phone) if per_phone > 0 else 0
    lines = [
        f"Measured {dt.date.today().isoformat()} on {args.machine}: one server; {run.connected} of "
        f"{run.sessions} audience phones connected ({min(run.browser_phones, run.connected)} Chromium pages, "
        f"390×844, and {light} light phones speaking Streamlit's websocket protocol, bench/wsphone.py), each "
        f"its own session following the room every 2 s, with the presenter's and projector windows in the "
        f"same headless Chromium on the same machine. The poll's results "
        f"{'hidden' if args.hidden else 'shown'} on every phone; votes {args.stagger} s apart (jittered); in the "
        f"statement round each phone answers {args.answers} statements. "
        f"{len(run.poll.clicks)} votes cast, {run.stored_votes} stored"
        + (f", {missing} never shown to the presenter" if missing else "")
        + f"; {len(run.statements.clicks)} answers given, {run.stored_answers} stored.",
        "",
        "| Measure | n | p50 (ms) | p95 (ms) | max (ms) |",
        "|---|--:|--:|--:|--:|",
        row("Vote → the projector (the room's screen, redrawn every 0.5 s) shows it", run.screen.latencies()),
        row("Vote → the presenter's window (its count redrawn every 0.5 s) shows it", poll),
        row("Vote → the voter's own confirmation", run.poll.confirmed),
        row("Statement answer → the statement panel counts it", stmts),
        row("Statement answer → the phone's next statement", run.statements.confirmed),
        "",
        f"| While every phone waits ({args.cpu_window:.0f} s) | server | Chromium | light phones |",
        "|---|--:|--:|--:|",
        f"| Presenter and projector only (CPU, share of one core) | {pct(before, 'server')} | "
        f"{pct(before, 'browser')} | — |",
        f"| + {run.connected} phones connected | {pct(connected, 'server')} | {pct(connected, 'browser')} | "
        f"{pct(connected, 'phones')} |",
        "",
        "| Opening one phone (CPU seconds each) | n | server | Chromium | light phones |",
        "|---|--:|--:|--:|--:|",
        *(
            f"| {label} | {run.opened.get(kind, 0)} | {oc.get('server', 0):.2f} | {oc.get('browser', 0):.2f} | "
            f"{oc.get('phones', 0):.2f} |"
            for kind, label in (("browser", "a Chromium page"), ("light", "a light phone"))
            if (oc := run.open_cpu.get(kind)) and run.opened.get(kind)
        ),
        "",
        "| Server memory (VmRSS) | MiB |",
        "|---|--:|",
        f"| Presenter and projector only, poll open | {run.rss.get('before', 0) / 1024:,.0f} |",
        f"| + {run.connected} audience sessions connected | {run.rss.get('connected', 0) / 1024:,.0f} |",
        f"| after both rounds | {run.rss.get('voted', 0) / 1024:,.0f} |",
        "",
        f"Server CPU per waiting phone: **{per_phone * 1000:,.1f} ms per second** ({per_phone * 2000:,.0f} ms "
        f"per 2-s redraw). Memory per audience session: **{per_connected:,.0f} KiB** connected, "
        f"{per_voted:,.0f} KiB after both rounds. Opening the phones took "
        f"{run.open_seconds.get('browser', 0):.0f} s for the Chromium pages ({args.open_concurrency} at a time) "
        f"and {run.open_seconds.get('light', 0):.0f} s for the light ones.",
    ]
    if per_phone <= 0:
        lines += [
            "",
            "The phones' CPU was too small to tell from the presenter's windows in this run, so it gives no "
            "figure for how many replicas a 300-seat hall needs.",
        ]
    else:
        lines += [
            "",
            f"From that CPU figure, one replica kept at half a core serves about **{per_replica} phones**; "
            f"a 300-seat hall needs **{replicas_for(300, per_phone, 0.5)} replicas** "
            f"({replicas_for(300, per_phone, 1.0)} at a full core each, with no headroom).",
        ]
    if run.failures:
        lines += ["", f"Problems ({len(run.failures)}):", *(f"- {f}" for f in run.failures[:20])]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=60, help="audience phones in all (default 60)")
    parser.add_argument(
        "--browser-phones", type=int, default=12, help="of them, real Chromium pages (default 12)"
    )
    parser.add_argument("--stagger", type=float, default=0.5, help="seconds between votes (default 0.5)")
    parser.add_argument("--answers", type=int, default=3, help="statements each phone answers (0: no round)")
    parser.add_argument(
        "--hidden", action="store_true", help="keep the poll's results hidden (phones draw no chart)"
    )
    parser.add_argument(
        "--cpu-window", type=float, default=20, help="seconds the waiting phones' CPU is measured over"
    )
    parser.add_argument("--open-concurrency", type=int, default=4, help="phones opening at once")
    parser.add_argument("--timeout", type=float, default=60, help="seconds any one step may take")
    parser.add_argument("--deadline", type=float, default=900, help="seconds the whole run may take")
    parser.add_argument("--out", type=Path, default=DOC)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    args.sessions = max(1, min(args.sessions, 300))
    args.browser_phones = max(0, min(args.browser_phones, args.sessions))
    args.stagger = max(0.05, min(args.stagger, 10.0))
    args.answers = max(0, min(args.answers, 8))
    args.open_concurrency = max(1, min(args.open_concurrency, 16))
    args.deadline = max(60.0, min(args.deadline, 3600.0))
    args.cpu_window = max(2.0, min(args.cpu_window, 600.0))

    from run import TEMPLATE, machine

    from policy import load_dataset
    from policy.slides import build_slides

    args.machine = machine()
    ds = load_dataset()
    kinds = [s.kind for s in build_slides(ds)]
    poll_slide = kinds.index("poll") + 1
    statements_slide = kinds.index("statements") + 1 if "statements" in kinds else 0
    with tempfile.TemporaryDirectory(prefix="policy-load-") as tmp:
        os.environ["POLICY_POLL_DB"] = str(Path(tmp) / "polls")  # the server's, and the stores' below
        with Server(APP, name="load") as server:
            server.wait_healthy()
            run = asyncio.run(drive(server, args, poll_slide, statements_slide, ds))
        if run.poll_code:
            store = PollStore()
            try:
                run.stored_votes = store.total_votes(run.poll_code)
            finally:
                store.dispose()
        if run.statement_round:
            sstore = StatementStore()
            try:
                run.stored_answers = int(sstore.votes(run.statement_round).answered.sum())
            finally:
                sstore.dispose()
    text = report(run, args)
    print(text)
    if not args.no_write:
        replace_section(args.out, "load", text, TEMPLATE)
        log(f"wrote {args.out}")
    ok = not run.failures and run.stored_votes == len(run.poll.clicks)
    return 0 if ok and run.stored_answers in (-1, len(run.statements.clicks)) else 1


if __name__ == "__main__":
    raise SystemExit(main())
