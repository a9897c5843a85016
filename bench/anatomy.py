"""What a warm-cache page load is made of, page by page, beside its floor twin.

    .venv/bin/python bench/anatomy.py [--pages overview,compare] [--rounds 5] [--also before=/tmp/old/app.py] [--lang es]

For each page, real and floor, in one browser context per server (a warm cache, as a returning reader has):
the load time; the CPU time the browser's processes and the server used for the load (read from /proc, so a
busy machine changes it much less than the wall-clock figures); Chromium's own counters (CDP
``Performance.getMetrics``: script, layout and style-recalculation time, layouts, recalculations, DOM
nodes); long tasks (over 50 ms, from a PerformanceObserver); the number of Streamlit elements drawn in the
main area (and the kinds that dominate) and in the sidebar, and iframes; and the websocket messages the
server sent (count and bytes). Medians over the rounds; the real page's excess over its floor twin is what
the page itself costs a reader.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cold import page_url
from harness import APP, CHROMIUM, CHROMIUM_ARGS, FLOOR_APP, READY_JS, Server, children, cpu_seconds

from ui.registry import PAGES

LONG_TASKS_JS = """() => { window.__long = []; try { new PerformanceObserver(l => l.getEntries().forEach(
  e => window.__long.push(e.duration))).observe({type: 'longtask', buffered: true}); } catch (e) {} }"""
ELEMENTS_JS = """() => Array.from(document.querySelectorAll('[data-testid="stMain"] [data-testid]'))
  .map(e => e.getAttribute('data-testid'))"""
SIDEBAR_JS = (
    """() => document.querySelectorAll('[data-testid="stSidebarUserContent"] [data-testid]').length"""
)
FRAMES_JS = "() => document.querySelectorAll('iframe').length"
TIMEOUT_MS = 180_000  # a busy machine can take a minute over one load
NO_SKELETON_JS = """() => !document.querySelector('[data-testid="stSkeleton"]')"""
METRICS = (
    "ScriptDuration",
    "LayoutDuration",
    "RecalcStyleDuration",
    "LayoutCount",
    "RecalcStyleCount",
    "Nodes",
)


def cpu_ms(pids: list[int]) -> float:
    """User + system CPU time these processes have used so far (from /proc; 10 ms resolution each)."""
    return sum(cpu_seconds(pid) for pid in pids) * 1000


def cpu_now(server_pid: int, all_servers: list[int]) -> tuple[float, float]:
    """CPU ms so far of the browser (every process this script started, less the servers) and of one server."""
    servers = {pid for s in all_servers for pid in (s, *children(s))}
    browser = [pid for pid in children(os.getpid()) if pid not in servers]
    return cpu_ms(browser), cpu_ms([server_pid, *children(server_pid)])


def one_load(
    context: Any, url: str, server_pid: int = 0, all_servers: Sequence[int] = ()
) -> dict[str, float]:
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    frames: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(len(f) if f else 0)))
    page.add_init_script(f"({LONG_TASKS_JS})()")
    before = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    cpu_before = cpu_now(server_pid, list(all_servers)) if server_pid else (0.0, 0.0)
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(READY_JS, timeout=TIMEOUT_MS, polling="raf")
    elapsed = (time.perf_counter() - start) * 1000
    with contextlib.suppress(Exception):  # charts still loading show a skeleton: let them finish
        page.wait_for_function(NO_SKELETON_JS, timeout=10_000, polling=100)
    page.wait_for_timeout(300)  # the last frames and long tasks land
    cpu_after = cpu_now(server_pid, list(all_servers)) if server_pid else (0.0, 0.0)
    after = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    kinds = Counter(page.evaluate(ELEMENTS_JS))
    sidebar = page.evaluate(SIDEBAR_JS)
    iframes = page.evaluate(FRAMES_JS)
    long_tasks = page.evaluate("() => window.__long || []")
    page.close()
    out = {"load ms": elapsed}
    for name in METRICS:
        scale = 1000 if name.endswith("Duration") else 1
        out[name] = (after.get(name, 0) - (0 if name == "Nodes" else before.get(name, 0))) * scale
    out["browser CPU ms"] = cpu_after[0] - cpu_before[0]
    out["server CPU ms"] = cpu_after[1] - cpu_before[1]
    out["long tasks"] = len(long_tasks)
    out["long task ms"] = sum(long_tasks)
    out["elements"] = sum(kinds.values())
    out["sidebar elements"] = sidebar
    out["iframes"] = iframes
    out["ws messages"] = len(frames)
    out["ws KiB"] = sum(frames) / 1024
    out["_kinds"] = kinds  # type: ignore[assignment]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="url paths, comma-separated (default: every page)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="NAME=APP",
        help="another app file served beside them (say, a copy of the code before a change); repeatable",
    )
    parser.add_argument("--lang", help="the pages in this language (es): ?lang= on every load")
    args = parser.parse_args()
    query = f"?lang={args.lang}" if args.lang else ""
    wanted = set(args.pages.split(",")) if args.pages else None
    paths = [p.url_path for p in PAGES if wanted is None or p.url_path in wanted]
    apps = {"real": APP, **{n: Path(a).resolve() for n, a in (x.split("=", 1) for x in args.also)}}
    apps["floor"] = FLOOR_APP
    from playwright.sync_api import sync_playwright

    with contextlib.ExitStack() as stack:
        servers = {n: stack.enter_context(Server(app, name=n)) for n, app in apps.items()}
        for server in servers.values():
            server.wait_healthy()
        names = list(servers)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            contexts = {n: browser.new_context(viewport={"width": 1280, "height": 800}) for n in names}
            for name in names:  # fill each context's cache
                for path in paths:
                    one_load(contexts[name], page_url(servers[name].url + query, path))
            pids = [server.pid for server in servers.values()]
            results: dict[tuple[str, str], list[dict[str, float]]] = {}
            for r in range(args.rounds):
                for path in paths:
                    for i in range(len(names)):  # the order of the servers rotates each round
                        name = names[(i + r) % len(names)]
                        results.setdefault((name, path), []).append(
                            one_load(
                                contexts[name],
                                page_url(servers[name].url + query, path),
                                servers[name].pid,
                                pids,
                            )
                        )
            browser.close()
    keys = [
        "load ms",
        "browser CPU ms",
        "server CPU ms",
        *METRICS,
        "long tasks",
        "long task ms",
        "elements",
        "sidebar elements",
        "iframes",
        "ws messages",
        "ws KiB",
    ]
    print(f"warm cache, median of {args.rounds} loads; ÷ floor is the median of per-round ratios of load ms")
    print("| Page | App | ÷ floor | " + " | ".join(keys) + " | most drawn |")
    print("|---|---|--:|" + "--:|" * len(keys) + "---|")
    for path in paths:
        floor_loads = [r["load ms"] for r in results[("floor", path)]]
        for name in names:
            runs = results[(name, path)]
            ratio = statistics.median(r["load ms"] / f for r, f in zip(runs, floor_loads, strict=True))
            cells = [f"{statistics.median(r[key] for r in runs):,.1f}" for key in keys]
            kinds: Counter[str] = runs[-1]["_kinds"]  # type: ignore[assignment]
            top = ", ".join(f"{k.removeprefix('st')} {n}" for k, n in kinds.most_common(4))
            print(f"| {path} | {name} | {ratio:.2f}× | " + " | ".join(cells) + f" | {top} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
