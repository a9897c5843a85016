"""Work done in child processes by the poll concurrency tests and benchmark (importable under "spawn")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from policy.live import PollStore

KEY = "worker-presenter-key-0123456789"


def first_choice(process: int, voter: int, options: Sequence[str]) -> str:
    """The option a voter votes for first."""
    return options[(process + voter) % len(options)]


def final_choice(process: int, voter: int, options: Sequence[str]) -> str:
    """The option a voter changes their vote to."""
    return options[(3 * voter + process + 1) % len(options)]


def vote_then_change(url: str, code: str, process: int, voters: int, options: Sequence[str]) -> int:
    """Each of this process's voters votes, then every one of them changes their vote; returns votes cast."""
    store = PollStore(url)
    try:
        ids = [f"p{process}-v{voter}" for voter in range(voters)]
        for voter, voter_id in enumerate(ids):
            store.vote(code, voter_id, first_choice(process, voter, options))
        for voter, voter_id in enumerate(ids):
            store.vote(code, voter_id, final_choice(process, voter, options))
        return 2 * voters
    finally:
        store.dispose()


def same_voters(url: str, code: str, process: int, voters: int, options: Sequence[str]) -> int:
    """Every process votes for the same voter ids, so each voter's votes race from several processes."""
    store = PollStore(url)
    try:
        for round_ in range(2):
            for voter in range(voters):
                store.vote(code, f"shared-{voter}", options[(voter + process + round_) % len(options)])
        return 2 * voters
    finally:
        store.dispose()


def open_at_once(url: str, index: int) -> str:
    """Open a poll on a store whose tables may not exist yet (several processes start together)."""
    store = PollStore(url)
    try:
        code = store.open_poll(f"Question {index}?", ["yes", "no"], key=KEY)
        store.vote(code, f"voter-{index}", "yes")
        return code
    finally:
        store.dispose()


def run_together(barrier: Any, task: str, *args: Any) -> None:
    """Wait until every process is up, then run the named task, so the processes really overlap."""
    tasks: dict[str, Callable[..., Any]] = {
        "vote_then_change": vote_then_change,
        "same_voters": same_voters,
        "open_at_once": open_at_once,
    }
    barrier.wait(timeout=120)
    tasks[task](*args)
