"""What a warm-cache page load is made of, page by page, beside its floor twin.

    .venv/bin/python bench/anatomy.py [--pages overview,compare] [--rounds 5]

For each page, real and floor, in one browser context per server (a warm cache, as a returning reader has):
the load time; Chromium's own counters for the load (CDP ``Performance.getMetrics``: script, layout and
style-recalculation time, layouts, recalculations, DOM nodes); long tasks (over 50 ms, from a
PerformanceObserver); the number of Streamlit elements drawn and the kinds that dominate; and the websocket
messages the server sent (count and bytes). Medians over the rounds; the real page's excess over its floor
twin is what the page itself costs a reader.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from typing import Any

from harness import APP, CHROMIUM, CHROMIUM_ARGS, FLOOR_APP, READY_JS, Server

from ui.registry import PAGES

LONG_TASKS_JS = """() => { window.__long = []; try { new PerformanceObserver(l => l.getEntries().forEach(
  e => window.__long.push(e.duration))).observe({type: 'longtask', buffered: true}); } catch (e) {} }"""
ELEMENTS_JS = """() => Array.from(document.querySelectorAll('[data-testid="stMain"] [data-testid]'))
  .map(e => e.getAttribute('data-testid'))"""
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
    long_tasks = page.evaluate("() => window.__long || []")
    page.close()
    out = {"load ms": elapsed}
    for name in METRICS:
        scale = 1000 if name.endswith("Duration") else 1
        out[name] = (after.get(name, 0) - (0 if name == "Nodes" else before.get(name, 0))) * scale
    out["long tasks"] = len(long_tasks)
    out["long task ms"] = sum(long_tasks)
    out["elements"] = sum(kinds.values())
    out["ws messages"] = len(frames)
    out["ws KiB"] = sum(frames) / 1024
    out["_kinds"] = kinds  # type: ignore[assignment]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="url paths, comma-separated (default: every page)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    wanted = set(args.pages.split(",")) if args.pages else None
    paths = [p.url_path for p in PAGES if wanted is None or p.url_path in wanted]
    from playwright.sync_api import sync_playwright

    with Server(APP, name="real") as real, Server(FLOOR_APP, name="floor") as floor:
        real.wait_healthy()
        floor.wait_healthy()
        servers = {"real": real.url, "floor": floor.url}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            contexts = {n: browser.new_context(viewport={"width": 1280, "height": 800}) for n in servers}
            for name, base in servers.items():  # fill each context's cache
                for path in paths:
                    one_load(contexts[name], f"{base}/{path}")
            results: dict[tuple[str, str], list[dict[str, float]]] = {}
            for _ in range(args.rounds):
                for path in paths:
                    for name, base in servers.items():
                        results.setdefault((name, path), []).append(
                            one_load(contexts[name], f"{base}/{path}")
                        )
            browser.close()
    keys = ["load ms", *METRICS, "long tasks", "long task ms", "elements", "ws messages", "ws KiB"]
    print(f"warm cache, median of {args.rounds} loads; real (floor)")
    print("| Page | " + " | ".join(keys) + " | most drawn |")
    print("|---|" + "--:|" * len(keys) + "---|")
    for path in paths:
        cells = []
        for key in keys:
            real_v = statistics.median(r[key] for r in results[("real", path)])
            floor_v = statistics.median(r[key] for r in results[("floor", path)])
            cells.append(f"{real_v:,.0f} ({floor_v:,.0f})")
        kinds: Counter[str] = results[("real", path)][-1]["_kinds"]  # type: ignore[assignment]
        top = ", ".join(f"{k.removeprefix('st')} {n}" for k, n in kinds.most_common(4))
        print(f"| {path} | " + " | ".join(cells) + f" | {top} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
