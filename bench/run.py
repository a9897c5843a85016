"""The performance benchmark: prints a Markdown report and writes it into docs/performance.md.

Usage:  .venv/bin/python bench/run.py [--quick] [--rounds 15] [--factors 10,100] [--pages a,b] [--no-write]

1. Cold load in Chromium of every page of the real app, beside its twin in the floor app (bench/floor/app.py:
   the same st.navigation and url paths, one-line pages), and of the real app on generated content 10x and
   100x the size (bench/scale.py); all servers run side by side and are loaded in turn, round after round.
2. Each page's script rerun under AppTest, on the real content and the scaled content.
3. Memo export times (bench/bench_memo.py) and poll votes per second on SQLite (bench/bench_poll.py).

Only loopback servers that this script starts are contacted; every wait has a time limit. The figures go
between the ``bench`` markers of docs/performance.md; the rest of that file is left as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cold  # noqa: E402
import rerun  # noqa: E402
import scale  # noqa: E402
from harness import APP, FLOOR_APP, ROOT, Server, median  # noqa: E402

from ui.registry import PAGES  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
LOAD_GOAL, RERUN_GOAL_MS, SCALE_GOAL = 1.3, 50.0, 2.0
SPANISH = "real (es)"  # the real server's pages at ?lang=es
TEMPLATE = """# Performance

`make bench` (`bench/run.py`) measures the pages and writes the figures below; `bench/load.py` drives a
live poll with many audience browsers. Hand-written notes stay outside the generated sections.
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f"{mem_kib / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        memory = "?"
    import streamlit

    cpu = f"{os.cpu_count()} cores" + (f" ({model})" if model else "")
    return (
        f"{cpu}, {memory} memory, {platform.system()} {platform.release()}, Python "
        f"{platform.python_version()}, Streamlit {streamlit.__version__}"
    )


def fmt_ms(value: float) -> str:
    if math.isnan(value):
        return "timeout"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def paired_ratio(top: Sequence[float], bottom: Sequence[float]) -> float:
    """The median of round-by-round ratios (loads of one round are paired); NaN rounds are left out."""
    return median([a / b for a, b in zip(top, bottom, strict=False) if a == a and b == b and b > 0])


def fmt_ratio(value: float, goal: float | None = None) -> str:
    if math.isnan(value):
        return "—"
    text = f"{value:.2f}×"
    return f"**{text}** ✗" if goal is not None and value > goal else text


def run_script(args: list[str], timeout: float) -> str:
    out = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=True
    )
    return out.stdout


def rows_after_header(text: str, header_start: str) -> list[tuple[str, list[str]]]:
    """Rows of a plain-text table: (name, numbers) for each line after the header."""
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[at + 1 :]:
        m = re.match(r"^(.*?)\s+((?:[\d.,]+\s+)+[\d.,]+)$", line.strip())
        if m:
            rows.append((m.group(1).strip(), m.group(2).split()))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and votes (a few minutes)")
    parser.add_argument("--rounds", type=int, help="browser rounds (default 15, quick 2)")
    parser.add_argument("--reruns", type=int, help="AppTest reruns per page (default 9, quick 3)")
    parser.add_argument("--factors", default="10,100", help="sizes of the generated content (default 10,100)")
    parser.add_argument("--pages", help="only these url paths, comma-separated")
    parser.add_argument("--timeout", type=float, default=60, help="seconds one page load may take")
    parser.add_argument("--skip-browser", action="store_true", help="no Chromium loads")
    parser.add_argument(
        "--cache",
        choices=("both", "empty", "warm"),
        default="both",
        help="page loads with an empty cache (a new browser context each), a warm one (one context, a new "
        "tab each), or both (default)",
    )
    parser.add_argument(
        "--spanish",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also load every page in Spanish (?lang=es) from the real server, beside the floor (default: on)",
    )
    parser.add_argument("--out", type=Path, default=DOC, help="Markdown file to update")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    rounds = max(1, min(args.rounds or (2 if args.quick else 15), 30))
    reruns = max(1, min(args.reruns or (3 if args.quick else 9), 50))
    factors = [int(f) for f in args.factors.split(",") if f.strip()]
    wanted = set(args.pages.split(",")) if args.pages else None
    specs = [p for p in PAGES if wanted is None or p.url_path in wanted]
    started = time.monotonic()

    with tempfile.TemporaryDirectory(prefix="policy-bench-") as tmp:
        os.environ["POLICY_POLL_DB"] = str(Path(tmp) / "polls")  # for AppTest here and every server
        datasets: dict[str, Path | None] = {"real": None}
        sizes: dict[str, dict[str, int]] = {}
        for f in factors:
            folder = Path(tmp) / f"data-{f}x"
            log(f"generating {f}x content in {folder}")
            sizes[f"{f}x"] = scale.scale(ROOT / "data", folder, f)
            datasets[f"{f}x"] = folder

        reruns_ms: dict[str, dict[str, float]] = {}
        problems: list[str] = []
        for name, folder in datasets.items():
            log(f"AppTest reruns on {name} content")
            t = time.monotonic()
            reruns_ms[name], found = rerun.measure([p.script for p in specs], reruns, folder)
            problems += [f"AppTest {name}: {p}" for p in found]
            log(
                f"  {time.monotonic() - t:.0f} s: "
                + ", ".join(f"{Path(k).stem} {v:.0f}" for k, v in reruns_ms[name].items())
            )

        loads: cold.Timings = {}
        warm_loads: cold.Timings = {}
        chromium = ""
        if not args.skip_browser:
            servers: dict[str, Server] = {}
            try:
                servers["real"] = Server(APP, name="real")
                servers["floor"] = Server(FLOOR_APP, name="floor")
                for name, folder in datasets.items():
                    if folder is not None:
                        servers[name] = Server(APP, {"POLICY_DATA_DIR": str(folder)}, name=name)
                for server in servers.values():
                    server.wait_healthy()
                paths = [p.url_path for p in specs]
                urls = {n: s.url for n, s in servers.items()}
                if args.spanish:  # the same server, every page at ?lang=es
                    urls[SPANISH] = f"{servers['real'].url}?lang=es"
                if args.cache in ("both", "empty"):
                    log(f"empty-cache loads: {len(urls)} sites, {len(specs)} pages, {rounds} rounds")
                    loads, found, chromium = cold.measure(urls, paths, rounds, args.timeout, log)
                    problems += found
                if args.cache in ("both", "warm"):
                    # Warm cache: the real content beside the floor (the scaled content is an empty-cache question).
                    pair = {n: urls[n] for n in ("real", "floor", SPANISH) if n in urls}
                    log(f"warm-cache loads: {len(pair)} sites, {len(specs)} pages, {rounds} rounds")
                    warm_loads, found, chromium = cold.measure(
                        pair, paths, rounds, args.timeout, log, warm=True
                    )
                    problems += [f"warm: {p}" for p in found]
            finally:
                for server in servers.values():
                    server.stop()

    log("memo export")
    memo_out = run_script(["bench/bench_memo.py", "--runs", "3" if args.quick else "5"], 600)
    log("poll votes")
    poll_args = ["--votes", "300", "--seconds", "3"] if args.quick else ["--votes", "2000", "--seconds", "5"]
    poll_out = run_script(["bench/bench_poll.py", "--processes", "2", *poll_args], 600)

    report = render(
        specs,
        loads,
        warm_loads,
        reruns_ms,
        memo_out,
        poll_out,
        sizes,
        rounds,
        reruns,
        chromium,
        problems,
        args.quick,
    )
    report += f"\n_Whole run: {(time.monotonic() - started) / 60:.1f} minutes._\n"
    print(report)
    if not args.no_write:
        from harness import replace_section

        replace_section(args.out, "bench", report, TEMPLATE)
        log(f"wrote {args.out}")
    return 0


def render(
    specs: list,  # type: ignore[type-arg]
    loads: cold.Timings,
    warm_loads: cold.Timings,
    reruns_ms: dict[str, dict[str, float]],
    memo_out: str,
    poll_out: str,
    sizes: dict[str, dict[str, int]],
    rounds: int,
    reruns: int,
    chromium: str,
    problems: list[str],
    quick: bool,
) -> str:
    scaled = [n for n in reruns_ms if n != "real"]
    out = [
        f"Measured {dt.date.today().isoformat()} on {machine()}"
        + (f", Chromium {chromium}" if chromium else "")
        + (" — **quick run**" if quick else "")
        + ".",
        "",
    ]
    if scaled:
        parts = []
        for name in scaled:
            s = sizes[name]
            parts.append(
                f"{name}: {s['actors']:,} actors, {s['quotes']:,} quotes, {s['evidence']:,} evidence items, "
                f"{s['disputes']:,} disputes, {s['timeline']:,} events, {s['series']:,} series, "
                f"{s['glossary']:,} glossary terms"
            )
        out += [
            "Generated content (bench/scale.py, 4 positions as in the real content): "
            + "; ".join(parts)
            + ".",
            "",
        ]

    if loads:
        out += [
            f"### Page load in Chromium, empty cache (ms, median of {rounds} rounds)",
            "",
            "A new browser context and tab per load (an empty cache: every load also fetches Streamlit's frontend "
            "bundle and fonts), timed until the script has finished and the page's `h1` shows. *Floor* is the "
            "same navigation with one-line pages, served beside it in the same run. Loads are medians; each "
            "ratio is the median of the per-round ratios (the two loads of a round are taken back to back, so a "
            "slow spell on the machine falls on both). "
            f"Goals: real ÷ floor ≤ {LOAD_GOAL}×; at 10× no page over {SCALE_GOAL}× its real-content load.",
            "",
        ]
        spanish = any(name == SPANISH for name, _path in loads)
        head = "| Page | Real | Floor | Real ÷ floor |" + (" Spanish | Spanish ÷ floor |" if spanish else "")
        rule = "|---|--:|--:|--:|" + ("--:|--:|" if spanish else "")
        for name in scaled:
            head += f" {name} | {name} ÷ real |"
            rule += "--:|--:|"
        out += [head, rule]
        for spec in specs:
            real_loads = loads[("real", spec.url_path)]
            real = median(real_loads)
            floor = median(loads[("floor", spec.url_path)])
            ratio = paired_ratio(real_loads, loads[("floor", spec.url_path)])
            line = f"| {spec.title} | {fmt_ms(real)} | {fmt_ms(floor)} | {fmt_ratio(ratio, LOAD_GOAL)} |"
            if spanish:
                es_loads = loads[(SPANISH, spec.url_path)]
                es_ratio = paired_ratio(es_loads, loads[("floor", spec.url_path)])
                line += f" {fmt_ms(median(es_loads))} | {fmt_ratio(es_ratio, LOAD_GOAL)} |"
            for name in scaled:
                big = median(loads[(name, spec.url_path)])
                goal = SCALE_GOAL if name == "10x" else None
                line += f" {fmt_ms(big)} | {fmt_ratio(paired_ratio(loads[(name, spec.url_path)], real_loads), goal)} |"
            out.append(line)
        out.append("")
    if warm_loads:
        out += [
            f"### Page load in Chromium, warm cache (ms, median of {rounds} rounds)",
            "",
            "One browser context per server for the whole run and a new tab per load: a reader who comes back, "
            "or opens a second link, has the frontend bundle and fonts cached, so the app's own cost shows. "
            f"Same pairing and medians as above; goal: real ÷ floor ≤ {LOAD_GOAL}×.",
            "",
        ]
        spanish = any(name == SPANISH for name, _path in warm_loads)
        out += [
            "| Page | Real | Floor | Real ÷ floor | Empty-cache ratio |"
            + (" Spanish | Spanish ÷ floor |" if spanish else ""),
            "|---|--:|--:|--:|--:|" + ("--:|--:|" if spanish else ""),
        ]
        for spec in specs:
            real_loads = warm_loads[("real", spec.url_path)]
            floor_loads = warm_loads[("floor", spec.url_path)]
            ratio = paired_ratio(real_loads, floor_loads)
            empty = (
                fmt_ratio(paired_ratio(loads[("real", spec.url_path)], loads[("floor", spec.url_path)]))
                if loads
                else "—"
            )
            line = (
                f"| {spec.title} | {fmt_ms(median(real_loads))} | {fmt_ms(median(floor_loads))} | "
                f"{fmt_ratio(ratio, LOAD_GOAL)} | {empty} |"
            )
            if spanish:
                es_loads = warm_loads[(SPANISH, spec.url_path)]
                line += f" {fmt_ms(median(es_loads))} | {fmt_ratio(paired_ratio(es_loads, floor_loads), LOAD_GOAL)} |"
            out.append(line)
        out.append("")

    out += [
        f"### Script rerun under AppTest (ms, median of {reruns} reruns; goal < {RERUN_GOAL_MS:.0f} ms)",
        "",
        "| Page | " + " | ".join(reruns_ms) + " |",
        "|---|" + "--:|" * len(reruns_ms),
    ]
    for spec in specs:
        cells = []
        for name in reruns_ms:
            ms = reruns_ms[name].get(spec.script, math.nan)
            text = fmt_ms(ms)
            cells.append(f"**{text}** ✗" if name == "real" and ms >= RERUN_GOAL_MS else text)
        out.append(f"| {spec.title} | " + " | ".join(cells) + " |")
    out.append("")

    memo_rows = rows_after_header(memo_out, "format")
    out += [
        "### Memo export (bench/bench_memo.py: build + render the full memo, real content)",
        "",
        f"_{memo_out.splitlines()[0]}_",
        "",
        "| Format | Median ms | Min ms | Max ms | Bytes | Pages |",
        "|---|--:|--:|--:|--:|--:|",
        *(
            f"| {name} | " + " | ".join([*nums, *[""] * (5 - len(nums))][:5]) + " |"
            for name, nums in memo_rows
        ),
        "",
    ]
    poll_rows = rows_after_header(poll_out, "backend")
    notes = [line for line in poll_out.splitlines() if line.startswith("PostgreSQL skipped")]
    out += [
        "### Poll votes per second (bench/bench_poll.py)",
        "",
        "| Backend | Processes | Votes | Seconds | Votes/s |",
        "|---|--:|--:|--:|--:|",
        *(f"| {name} | " + " | ".join(nums) + " |" for name, nums in poll_rows),
        "",
        *(f"_{n}_" for n in notes),
    ]
    if problems:
        out += ["", "**Problems seen during the run:**", "", *(f"- {p}" for p in problems[:30])]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
