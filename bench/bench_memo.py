"""Time to build and export the full memo (every position of the content) as Markdown, Word and PDF.

Usage:  .venv/bin/python bench/bench_memo.py [--data DIR] [--runs 5]

Each figure is the median of --runs runs of default_spec + build_memo + one renderer (pandoc with citeproc;
typst for the PDF); the content is loaded once, before the clock starts. The one-page brief of the first two
options is timed too, and its page count printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from policy import Dataset, load_dataset  # noqa: E402
from policy.memo import (  # noqa: E402
    Memo,
    MemoSpec,
    build_memo,
    default_spec,
    page_count,
    to_docx,
    to_markdown,
    to_pdf,
)

RENDERERS: dict[str, Callable[[Memo], bytes]] = {
    "md": lambda memo: to_markdown(memo).encode("utf-8"),
    "docx": to_docx,
    "pdf": to_pdf,
}


def brief_spec(dataset: Dataset) -> MemoSpec:
    """The one-page brief of the first two options."""
    spec = default_spec(dataset, dataset.position_ids[:2])
    return MemoSpec(**{**spec.model_dump(by_alias=True), "length": "brief"})


def time_one(dataset: Dataset, render: Callable[[Memo], bytes], brief: bool = False) -> tuple[float, bytes]:
    """Seconds to build and render the memo once, and the result."""
    start = time.perf_counter()
    data = render(build_memo(dataset, brief_spec(dataset) if brief else default_spec(dataset)))
    return time.perf_counter() - start, data


def main(argv: list[str] | None = None) -> int:
    """Print one row per format: median time, fastest and slowest run, output size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="content folder (default: $POLICY_DATA_DIR or the bundled data/)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    dataset = load_dataset(args.data)
    memo = build_memo(dataset, default_spec(dataset))
    print(f"memo of {len(memo.options)} options, {len(memo.references)} sources; median of {args.runs} runs")
    print(f"{'format':<16} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'bytes':>9} {'pages':>6}")
    for brief in (False, True):
        for name, render in RENDERERS.items():
            render(memo)  # warm up imports and fonts
            runs = [time_one(dataset, render, brief) for _ in range(args.runs)]
            times = [seconds * 1000 for seconds, _ in runs]
            data = runs[-1][1]
            pages = str(page_count(data)) if name == "pdf" else ""
            label = f"{name} (brief)" if brief else name
            print(
                f"{label:<16} {statistics.median(times):>10.1f} {min(times):>8.1f} {max(times):>8.1f}"
                f" {len(data):>9,} {pages:>6}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
