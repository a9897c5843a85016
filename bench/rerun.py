"""Each page's script rerun time under Streamlit's AppTest, in this process.

Used by bench/run.py. For each page: ``AppTest.from_file(app.py).switch_page(page).run()`` once (imports,
the content load, first-run costs), then ``rounds`` more ``run()`` calls, each timed; the figure is their
median. The content folder is chosen with $POLICY_DATA_DIR, so the same process can time several datasets.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from harness import APP


def measure(
    page_files: Sequence[str], rounds: int, data: Path | None = None, timeout_s: float = 600
) -> tuple[dict[str, float], list[str]]:
    """Median milliseconds per rerun for each page file, and any exception a page raised."""
    from streamlit.testing.v1 import AppTest

    saved = os.environ.get("POLICY_DATA_DIR")
    if data is not None:
        os.environ["POLICY_DATA_DIR"] = str(data)
    else:
        os.environ.pop("POLICY_DATA_DIR", None)
    medians: dict[str, float] = {}
    problems: list[str] = []
    try:
        for file in page_files:
            at = AppTest.from_file(str(APP), default_timeout=timeout_s)
            at.switch_page(file).run()
            if at.title and at.title[0].value == "The content could not be loaded":
                raise RuntimeError(f"{data}: {' '.join(c.value for c in at.code)[:2000]}")
            times = []
            for _ in range(rounds):
                start = time.perf_counter()
                at.run()
                times.append((time.perf_counter() - start) * 1000)
            if at.exception:
                problems.append(f"{file}: {at.exception[0].message}")
            medians[file] = statistics.median(times)
    finally:
        if saved is None:
            os.environ.pop("POLICY_DATA_DIR", None)
        else:
            os.environ["POLICY_DATA_DIR"] = saved
    return medians, problems
