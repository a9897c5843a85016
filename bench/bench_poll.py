"""Votes per second of policy.live.PollStore on SQLite (one process, then several at once) and PostgreSQL.

Usage:  .venv/bin/python bench/bench_poll.py [--votes 1000] [--processes 4] [--seconds 10]

PostgreSQL is measured only when POLICY_TEST_PG_URL is set (see .ci/start-postgres) and names a loopback
host; the run uses a scratch schema that it drops afterwards. Every run is bounded: each process casts at
most --votes votes and stops early after --seconds seconds.
"""

from __future__ import annotations

import argparse
import ipaddress
import multiprocessing
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import URL, make_url  # noqa: E402
from sqlalchemy.schema import CreateSchema, DropSchema  # noqa: E402

from policy.live import PollStore  # noqa: E402

PG_ENV = "POLICY_TEST_PG_URL"
OPTIONS = ["a", "b", "c", "d"]
KEY = "bench-presenter-key-0123456789"


def cast_votes(
    url: str, code: str, process: int, votes: int, seconds: float, barrier: Any
) -> tuple[int, float]:
    """Cast up to ``votes`` votes from distinct voters, stopping after ``seconds``; return (count, elapsed)."""
    store = PollStore(url)
    try:
        store.results(code)  # connect before the clock starts
        if barrier is not None:
            barrier.wait(timeout=120)
        start = time.perf_counter()
        count = 0
        while count < votes and time.perf_counter() - start < seconds:
            store.vote(code, f"bench-{process}-{count}", OPTIONS[count % len(OPTIONS)])
            count += 1
        return count, time.perf_counter() - start
    finally:
        store.dispose()


def _child(url: str, code: str, process: int, votes: int, seconds: float, barrier: Any, queue: Any) -> None:
    queue.put(cast_votes(url, code, process, votes, seconds, barrier))


def measure(url: str, processes: int, votes: int, seconds: float) -> tuple[int, float]:
    """Votes cast and wall-clock seconds for ``processes`` processes voting at once in one new poll."""
    store = PollStore(url)
    code = store.open_poll("Benchmark?", OPTIONS, key=KEY)
    try:
        if processes == 1:
            count, elapsed = cast_votes(url, code, 0, votes, seconds, None)
        else:
            ctx = multiprocessing.get_context("spawn")
            barrier = ctx.Barrier(processes)
            queue = ctx.Queue()
            procs = [
                ctx.Process(target=_child, args=(url, code, p, votes, seconds, barrier, queue))
                for p in range(processes)
            ]
            for p in procs:
                p.start()
            results = [queue.get(timeout=seconds + 180) for _ in procs]
            for p in procs:
                p.join(timeout=30)
            count = sum(c for c, _ in results)
            elapsed = max(e for _, e in results)
        # A benchmark that loses votes is no benchmark.
        assert store.total_votes(code) == count, (store.total_votes(code), count)
        return count, elapsed
    finally:
        store.dispose()


def _is_loopback(host: str | None) -> bool:
    if host in (None, "", "localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@contextmanager
def pg_scratch(raw: str) -> Iterator[str]:
    """A URL on a scratch schema of the PostgreSQL database, dropped on exit."""
    admin = create_engine(make_url(raw).set(drivername="postgresql+psycopg"))
    schema = f"poll_bench_{uuid.uuid4().hex[:10]}"
    with admin.begin() as conn:
        conn.execute(CreateSchema(schema))
    try:
        yield admin.url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False
        )
    finally:
        with admin.begin() as conn:
            conn.execute(DropSchema(schema, cascade=True))
        admin.dispose()


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--votes", type=int, default=1000, help="most votes per process (default 1000)")
    parser.add_argument(
        "--processes", type=int, default=4, help="processes in the concurrent run (default 4)"
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="time limit per process (default 10)")
    args = parser.parse_args()
    votes = max(1, min(args.votes, 100_000))
    processes = max(2, min(args.processes, 16))
    seconds = max(0.5, min(args.seconds, 60.0))

    rows: list[tuple[str, int, int, float]] = []
    with tempfile.TemporaryDirectory(prefix="poll-bench-") as tmp:
        sqlite_url = URL.create("sqlite", database=str(Path(tmp) / "polls.sqlite3")).render_as_string()
        for n in (1, processes):
            rows.append(("SQLite (WAL)", n, *measure(sqlite_url, n, votes, seconds)))

    raw = os.environ.get(PG_ENV, "").strip()
    note = ""
    if not raw:
        note = f"PostgreSQL skipped: {PG_ENV} is not set."
    elif not _is_loopback(make_url(raw).host):
        note = f"PostgreSQL skipped: {PG_ENV} names {make_url(raw).host}, which is not a loopback address."
    else:
        with pg_scratch(raw) as pg_url:
            for n in (1, processes):
                rows.append(("PostgreSQL", n, *measure(pg_url, n, votes, seconds)))

    print(f"{'backend':<14} {'processes':>9} {'votes':>7} {'seconds':>8} {'votes/s':>9}")
    for backend, n, count, elapsed in rows:
        print(f"{backend:<14} {n:>9} {count:>7} {elapsed:>8.2f} {count / elapsed:>9.0f}")
    if note:
        print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
