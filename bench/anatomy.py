"""What a warm-cache page load is made of, page by page, beside its floor twin.

    .venv/bin/python bench/anatomy.py [--pages overview,compare] [--rounds 5] [--also before=/tmp/old/app.py]

For each page, real and floor, in one browser context per server (a warm cache, as a returning reader has):
the load time; Chromium's own counters for the load (CDP ``Performance.getMetrics``: script, layout and
style-recalculation time, layouts, recalculations, DOM nodes); long tasks (over 50 ms, from a
PerformanceObserver); the number of Streamlit elements drawn and the kinds that dominate; and the websocket
messages the server sent (count and bytes). Medians over the rounds; the real page's excess over its floor
twin is what the page itself costs a reader.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from cold import page_url
from harness import APP, CHROMIUM, CHROMIUM_ARGS, FLOOR_APP, READY_JS, Server

from ui.registry import PAGES

LONG_TASKS_JS = """() => { window.__long = []; try { new PerformanceObserver(l => l.getEntries().forEach(
  e => window.__long.push(e.duration))).observe({type: 'longtask', buffered: true}); } catch (e) {} }"""
ELEMENTS_JS = """() => Array.from(document.querySelectorAll('[data-testid="stMain"] [data-testid]'))
  .map(e => e.getAttribute('data-testid'))"""
SIDEBAR_JS = (
    """() => document.querySelectorAll('[data-testid="stSidebarUserContent"] [data-testid]').length"""
)
FRAMES_JS = "() => document.querySelectorAll('iframe').length"
METRICS = (
    "ScriptDuration",
    "LayoutDuration",
    "RecalcStyleDuration",
    "LayoutCount",
    "RecalcStyleCount",
    "Nodes",
)


def one_load(context: Any, url: str) -> dict[str, float]:
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    frames: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(len(f) if f else 0)))
    page.add_init_script(f"({LONG_TASKS_JS})()")
    before = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(READY_JS, timeout=90_000, polling="raf")
    elapsed = (time.perf_counter() - start) * 1000
    page.wait_for_timeout(300)  # the last frames and long tasks land
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
    args = parser.parse_args()
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
                    one_load(contexts[name], page_url(servers[name].url, path))
            results: dict[tuple[str, str], list[dict[str, float]]] = {}
            for r in range(args.rounds):
                for path in paths:
                    for i in range(len(names)):  # the order of the servers rotates each round
                        name = names[(i + r) % len(names)]
                        results.setdefault((name, path), []).append(
                            one_load(contexts[name], page_url(servers[name].url, path))
                        )
            browser.close()
    keys = [
        "load ms",
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
