"""What one waiting phone costs the server: CPU per two-second redraw of the vote page, by what it shows.

Usage:  .venv/bin/python bench/phone_cost.py [--phones 10] [--seconds 20]

One `streamlit run` server (its own live-session database in a temporary folder) and no browser at all: a
live session is opened through the stores, then --phones light phones (bench/wsphone.py: Streamlit's own
websocket messages, as the vote page sends them) join it and wait, each redrawing its round every 2 s as a
real phone does. For each state of the room, the server's CPU time over --seconds (/proc/<pid>/stat) is
divided by the redraws the phones received in that time (ScriptFinished messages), after the server's CPU
with no phone connected is taken off:

- a poll, results hidden: the question and the option buttons;
- a poll, results revealed: the same and the results chart;
- a statement round: one statement card.

With --in-process, the vote page's whole run is also timed under Streamlit's AppTest, results hidden and
revealed (CPU time, median of 15 runs): what the results chart adds to each redraw, without the websocket.

CPU time, unlike the wall clock, is what the server itself spends, so it changes much less with other work on
the machine; on a shared machine it is still an upper bound (caches and cores are shared). Nothing is written
to docs/performance.md: the figures are printed, for the notes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import APP, Server, children, cpu_seconds  # noqa: E402
from wsphone import Phone  # noqa: E402

from policy import load_dataset  # noqa: E402
from policy.live import PollStore, RoomStore  # noqa: E402
from policy.live.statements import StatementStore  # noqa: E402
from policy.statements import select_statements  # noqa: E402


def server_cpu(server: Server) -> float:
    return sum(cpu_seconds(p) for p in [server.pid, *children(server.pid)])


async def measure(server: Server, phones: list[Phone], seconds: float) -> tuple[float, int]:
    """(server CPU seconds, redraws received) over the next ``seconds``."""
    cpu0, runs0 = server_cpu(server), sum(p.runs_finished for p in phones)
    await asyncio.sleep(seconds)
    return server_cpu(server) - cpu0, sum(p.runs_finished for p in phones) - runs0


async def drive(server: Server, args: argparse.Namespace) -> list[tuple[str, float, int, float]]:
    ds = load_dataset()
    rooms = RoomStore(PollStore(), password=None)
    statements = StatementStore()
    rows: list[tuple[str, float, int, float]] = []
    phones: list[Phone] = []
    try:
        code, key = rooms.open_room()
        rooms.open_poll(code, key, ds.debate.poll_question, ds.position_ids)
        await asyncio.sleep(2)
        idle, _ = await measure(server, [], args.seconds / 2)
        idle_share = idle / (args.seconds / 2)
        first = f"vote-{ds.position_ids[0]}"
        for _ in range(args.phones):
            phone = Phone(server.url, "vote", f"join={code}", secrets.token_urlsafe(18))
            await phone.open(args.timeout)
            await phone.wait_button(first, args.timeout)
            phones.append(phone)
        states = [
            ("poll, results hidden", lambda: None),
            ("poll, results revealed (a bar per option)", lambda: rooms.reveal(code, key)),
            (
                "statement round (one statement card)",
                lambda: rooms.start_round(
                    code, key, "statements", statements.open_round(select_statements(ds), key=key)
                ),
            ),
        ]
        for label, change in states:
            change()
            await asyncio.sleep(4)  # every phone has redrawn in the new state
            used, runs = await measure(server, phones, args.seconds)
            share = used / args.seconds
            per_run = (used - idle_share * args.seconds) / runs if runs else float("nan")
            rows.append((label, share, runs, per_run))
            print(
                f"{label}: server {share * 100:.0f}% of a core, {runs} redraws, {per_run * 1000:.1f} ms each",
                file=sys.stderr,
                flush=True,
            )
        rows.insert(0, ("no phone connected", idle_share, 0, float("nan")))
    finally:
        for phone in phones:
            await phone.close()
        rooms.polls.dispose()
        statements.dispose()
    return rows


def in_process(repeat: int) -> list[tuple[str, float]]:
    """Median CPU of one whole run of the vote page under AppTest (no websocket, no session machinery), with
    the poll's results hidden and then revealed: what the results chart adds to each phone's redraw."""
    import statistics

    from streamlit.testing.v1 import AppTest

    ds = load_dataset()
    rooms = RoomStore(PollStore(), password=None)
    rows = []
    try:
        code, key = rooms.open_room()
        rooms.open_poll(code, key, ds.debate.poll_question, ds.position_ids)
        for label, reveal in (
            ("poll, results hidden", False),
            ("poll, results revealed (a bar per option)", True),
        ):
            if reveal:
                rooms.reveal(code, key)
            app = AppTest.from_file(
                str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=60
            )
            app.query_params["join"] = code
            app = app.switch_page("ui/pages/vote.py")
            app.run()
            used = []
            for _ in range(repeat):
                start = time.process_time()
                app.run()
                used.append(time.process_time() - start)
            rows.append((label, statistics.median(used)))
    finally:
        rooms.polls.dispose()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=10, help="light phones waiting (default 10)")
    parser.add_argument("--seconds", type=float, default=20, help="seconds measured per state (default 20)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a phone may take to open")
    parser.add_argument(
        "--in-process", action="store_true", help="also time the vote page's whole run under AppTest"
    )
    args = parser.parse_args(argv)
    args.phones = max(1, min(args.phones, 200))
    args.seconds = max(4.0, min(args.seconds, 600.0))
    with tempfile.TemporaryDirectory(prefix="policy-phone-cost-") as tmp:
        os.environ["POLICY_POLL_DB"] = str(Path(tmp) / "polls")
        with Server(APP, name="phone-cost") as server:
            server.wait_healthy()
            started = time.perf_counter()
            rows = asyncio.run(drive(server, args))
    print(
        f"{args.phones} light phones, {args.seconds:.0f} s per state ({time.perf_counter() - started:.0f} s in all)\n"
    )
    print("| Room state | server CPU (share of a core) | redraws | server CPU per redraw (ms) |")
    print("|---|--:|--:|--:|")
    for label, share, runs, per_run in rows:
        each = "—" if per_run != per_run else f"{per_run * 1000:.0f}"
        print(f"| {label} | {share * 100:.0f}% | {runs} | {each} |")
    if args.in_process:
        with tempfile.TemporaryDirectory(prefix="policy-phone-cost-") as tmp:
            os.environ["POLICY_POLL_DB"] = str(Path(tmp) / "polls")
            rows_in = in_process(15)
        print("\n| The vote page's whole run under AppTest | CPU, median of 15 (ms) |")
        print("|---|--:|")
        for label, used in rows_in:
            print(f"| {label} | {used * 1000:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
