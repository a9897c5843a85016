"""The statement round's update time: opinion groups from the vote matrix, and the presenter panel's refresh.

Usage:  .venv/bin/python bench/bench_statements.py [--voters 12 60] [--repeat 30] [--markdown]

For each room size, a round of the content's statements (policy.statements) is opened in a scratch SQLite
database (and in PostgreSQL when POLICY_TEST_PG_URL names a loopback server) and every voter answers every
statement: half the room leans one way on half the statements, the rest at random. Three times are measured,
each the median and the 95th percentile of --repeat runs (wall clock), with the median CPU time of the
process (on a machine shared with other work, the CPU time says what the step itself costs):

- **groups**: ``policy.live.groups.analyse`` on the vote matrix (PCA, k-means for k = 2..5, silhouettes,
  representativeness, consensus, division);
- **store + groups**: reading the round and its matrix from the database, then ``analyse`` — what each refresh
  of the presenter's panel computes;
- **panel run**: the panel's whole script run under Streamlit's AppTest (the database read, the maths, the
  charts and every element), for the agreement and groups views.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import URL, make_url  # noqa: E402
from sqlalchemy.schema import CreateSchema, DropSchema  # noqa: E402

from policy import load_dataset  # noqa: E402
from policy.live.groups import analyse  # noqa: E402
from policy.live.statements import StatementStore  # noqa: E402
from policy.statements import select_statements  # noqa: E402

PG_ENV = "POLICY_TEST_PG_URL"
KEY = "bench-presenter-key-0123456789"


def fill(store: StatementStore, voters: int, seed: int = 1) -> str:
    """Open a round and have every voter answer every statement; returns the round's code."""
    statements = select_statements(load_dataset())
    code = store.open_round(statements, key=KEY)
    rng = random.Random(seed)
    for v in range(voters):
        camp = v % 2
        for i, s in enumerate(statements):
            if i < len(statements) // 2 and rng.random() > 0.15:
                answer = "agree" if (camp == 0) == (i % 2 == 0) else "disagree"
            else:
                answer = rng.choice(["agree", "disagree", "pass"])
            store.answer(code, f"bench-voter-{v}", s.id, answer)
    return code


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """(median, p95) wall-clock milliseconds of ``repeat`` calls after one call not counted, and the median
    CPU milliseconds of this process (less swayed by other work on a shared machine than the wall clock)."""
    fn()
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, statistics.median(cpu)


PANEL_SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from policy import load_dataset
from ui.statement_screen import statement_panel
statement_panel(load_dataset(), {code!r}, {view!r})
"""


def panel_run(url: str, code: str, view: str, repeat: int) -> tuple[float, float, float]:
    """Median and p95 of the panel's script run under AppTest (a fresh run each time)."""
    from streamlit.testing.v1 import AppTest

    os.environ["POLICY_POLL_DB"] = url
    root = str(Path(__file__).resolve().parent.parent)
    app = AppTest.from_string(PANEL_SCRIPT.format(root=root, code=code, view=view), default_timeout=60)

    def run() -> None:
        app.run()
        if app.exception:
            raise RuntimeError(str(app.exception[0].message))

    return timed(run, repeat)


def backends() -> Iterator[tuple[str, str]]:
    """(name, url) of each database to measure on: SQLite, and PostgreSQL when configured."""
    found: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        found.append(("SQLite", URL.create("sqlite", database=f"{folder}/polls.sqlite3").render_as_string()))
        raw = os.environ.get(PG_ENV, "").strip()
        schema = f"bench_statements_{uuid.uuid4().hex[:8]}"
        admin = None
        if raw and _loopback(raw):
            admin = create_engine(make_url(raw).set(drivername="postgresql+psycopg"))
            with admin.begin() as conn:
                conn.execute(CreateSchema(schema))
            pg = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
            found.append(("PostgreSQL", pg.render_as_string(hide_password=False)))
        try:
            yield from found
        finally:
            if admin is not None:
                with admin.begin() as conn:
                    conn.execute(DropSchema(schema, cascade=True))
                admin.dispose()


def _loopback(url: str) -> bool:
    host = make_url(url).host or ""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--voters", type=int, nargs="+", default=[12, 60])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    rows: list[tuple[str, int, str, float, float, float]] = []
    for name, url in backends():
        for voters in args.voters:
            store = StatementStore(url)
            code = fill(store, voters)
            votes = store.votes(code)
            result = analyse(votes)
            print(
                f"{name}, {voters} voters: k={result.k}, groups {[g.size for g in result.groups]}",
                file=sys.stderr,
            )
            rows.append((name, voters, "groups", *timed(lambda v=votes: analyse(v), args.repeat)))  # type: ignore[misc]
            rows.append(
                (
                    name,
                    voters,
                    "store + groups",
                    *timed(
                        lambda c=code, s=store, k=result.k: analyse(s.votes(c), previous_k=k), args.repeat
                    ),  # type: ignore[misc]
                )
            )
            if name == "SQLite":
                for view in ("agreement", "groups"):
                    rows.append(
                        (
                            name,
                            voters,
                            f"panel run ({view})",
                            *panel_run(url, code, view, max(5, args.repeat // 3)),
                        )
                    )
            store.dispose()
    if args.markdown:
        print("| Backend | Voters | Step | p50 (ms) | p95 (ms) | CPU p50 (ms) |")
        print("|---|--:|---|--:|--:|--:|")
        for name, voters, step, p50, p95, cpu in rows:
            print(f"| {name} | {voters} | {step} | {p50:.1f} | {p95:.1f} | {cpu:.1f} |")
    else:
        for name, voters, step, p50, p95, cpu in rows:
            print(
                f"{name:10} {voters:3} voters  {step:24} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  CPU {cpu:6.1f} ms"
            )


if __name__ == "__main__":
    main()
