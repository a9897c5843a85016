"""Tests of policy.live (polls, the database layer) on SQLite and, given POLICY_TEST_PG_URL, PostgreSQL."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import multiprocessing
import os
import sys
import types
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, func, inspect, select
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.schema import CreateSchema, DropSchema

from policy import paths
from policy.live import (
    CODE_ALPHABET,
    ENV_VAR,
    BadCode,
    BadOption,
    BadVoter,
    Database,
    Limits,
    LiveUnavailable,
    Movement,
    NotPresenter,
    PollClosed,
    PollError,
    PollNotFound,
    PollStore,
    RateLimited,
    RoomNotFound,
    RoomStore,
    WrongPassword,
    checks,
    default_url,
    export,
    poll_tables,
    room_tables,
)
from policy.live.db import UnsupportedDatabase
from policy.live.rooms import SessionEnded
from tests import _poll_worker as worker

PG_ENV = "POLICY_TEST_PG_URL"
OPTIONS = ["deport", "designate", "treat", "tariff"]
LABELS = {"deport": "Deport traffickers", "treat": "Fund treatment"}
NO_SUCH_CODE = "ZZZZ99"
KEY = "presenter-key-for-tests-0123456789"


# -- backends ----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    """An engine on the PostgreSQL test database; fails under CI and skips elsewhere when none is set."""
    raw = os.environ.get(PG_ENV, "").strip()
    if not raw:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{PG_ENV} is not set, so the PostgreSQL poll tests cannot run in CI. "
                f'Start a server with: export {PG_ENV}="$(.ci/start-postgres)"',
                pytrace=False,
            )
        pytest.skip(
            f"{PG_ENV} is not set; start a server with .ci/start-postgres to run the PostgreSQL tests"
        )
    engine = create_engine(make_url(raw).set(drivername="postgresql+psycopg"))
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL naming an empty poll database: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield URL.create("sqlite", database=str(tmp_path / "polls.sqlite3")).render_as_string()
        return
    admin: Engine = request.getfixturevalue("pg_admin")
    schema = f"poll_test_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(CreateSchema(schema))
    url = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(DropSchema(schema, cascade=True))


@pytest.fixture
def store(db_url: str) -> Iterator[PollStore]:
    """A poll store on an empty database."""
    s = PollStore(db_url)
    yield s
    s.dispose()


def stored_rows(store: PollStore) -> dict[str, int]:
    """How many rows each poll table holds (tables are created first if need be)."""
    poll_tables.metadata.create_all(store.engine)
    with store.engine.connect() as conn:
        return {
            table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for table in (poll_tables.polls, poll_tables.poll_options, poll_tables.poll_votes)
        }


def assert_nothing_stored(store: PollStore, before: dict[str, int], err: pytest.ExceptionInfo[Any]) -> str:
    """The refused call left every table as it was; returns the error message for further checks."""
    assert stored_rows(store) == before
    message = str(err.value)
    assert message.endswith("."), message
    assert "Traceback" not in message and "sqlalchemy" not in message.lower()
    return message


# -- opening and reading polls -----------------------------------------------------------------------


def test_open_poll_returns_a_short_unambiguous_code_and_stores_the_poll(store: PollStore) -> None:
    start = datetime.now(UTC)
    code = store.open_poll("  Which option first?  ", OPTIONS, LABELS, key=KEY)
    assert len(code) == 6 and all(ch in CODE_ALPHABET for ch in code)
    got = store.get(code)
    assert got.code == code
    assert got.question == "Which option first?"
    assert got.option_ids == tuple(OPTIONS)
    assert dict(got.labels) == {
        "deport": "Deport traffickers",
        "designate": "designate",
        "treat": "Fund treatment",
        "tariff": "tariff",
    }
    assert got.is_open and not got.revealed and got.before is None
    assert got.created_at.tzinfo is not None
    assert start - timedelta(seconds=5) <= got.created_at <= datetime.now(UTC) + timedelta(seconds=5)


def test_poll_is_frozen(store: PollStore) -> None:
    got = store.get(store.open_poll("Q?", ["a", "b"], key=KEY))
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.question = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        got.labels["a"] = "changed"  # type: ignore[index]


def test_codes_are_unique(store: PollStore) -> None:
    codes = {store.open_poll(f"Question {i}?", ["a", "b"], key=KEY) for i in range(40)}
    assert len(codes) == 40


def test_code_collision_draws_again(store: PollStore, monkeypatch: pytest.MonkeyPatch) -> None:
    draws = iter(["AAAAAA", "AAAAAA", "AAAAAA", "BBBBBB"])
    monkeypatch.setattr(checks, "new_code", lambda: next(draws))
    assert store.open_poll("First?", ["a", "b"], key=KEY) == "AAAAAA"
    assert store.open_poll("Second?", ["a", "b"], key=KEY) == "BBBBBB"
    assert store.get("AAAAAA").question == "First?"
    assert store.get("BBBBBB").question == "Second?"


def test_code_is_normalised_for_every_call(store: PollStore) -> None:
    code = store.open_poll("Q?", ["a", "b"], key=KEY)
    sloppy = f"  {code.lower()} "
    store.vote(sloppy, "v1", "a")
    assert store.get(sloppy).code == code
    assert store.results(sloppy) == {"a": 1, "b": 0}
    assert store.voter_choice(sloppy, "v1") == "a"
    assert store.total_votes(sloppy) == 1


# -- voting ------------------------------------------------------------------------------------------


def test_results_list_every_option_in_order_with_zeros(store: PollStore) -> None:
    code = store.open_poll("Q?", OPTIONS, key=KEY)
    assert store.results(code) == dict.fromkeys(OPTIONS, 0)
    assert list(store.results(code)) == OPTIONS
    store.vote(code, "v1", "treat")
    store.vote(code, "v2", "treat")
    store.vote(code, "v3", "deport")
    assert store.results(code) == {"deport": 1, "designate": 0, "treat": 2, "tariff": 0}
    assert list(store.results(code)) == OPTIONS
    assert store.total_votes(code) == 3


def test_a_new_vote_replaces_the_old_one(store: PollStore) -> None:
    code = store.open_poll("Q?", OPTIONS, key=KEY)
    assert store.voter_choice(code, "v1") is None
    store.vote(code, "v1", "deport")
    assert store.voter_choice(code, "v1") == "deport"
    store.vote(code, "v1", "tariff")
    store.vote(code, "v1", "tariff")
    assert store.voter_choice(code, "v1") == "tariff"
    assert store.results(code) == {"deport": 0, "designate": 0, "treat": 0, "tariff": 1}
    assert store.total_votes(code) == 1


def test_votes_in_one_poll_do_not_touch_another(store: PollStore) -> None:
    first = store.open_poll("Q1?", ["a", "b"], key=KEY)
    second = store.open_poll("Q2?", ["a", "b"], key=KEY)
    store.vote(first, "v1", "a")
    store.vote(second, "v1", "b")
    assert store.results(first) == {"a": 1, "b": 0}
    assert store.results(second) == {"a": 0, "b": 1}
    store.reset(first, KEY)
    assert store.total_votes(second) == 1


def test_voter_ids_are_trimmed_and_may_be_100_characters(store: PollStore) -> None:
    code = store.open_poll("Q?", ["a", "b"], key=KEY)
    store.vote(code, "  v1 ", "a")
    assert store.voter_choice(code, "v1") == "a"
    store.vote(code, "x" * 100, "b")
    assert store.total_votes(code) == 2


def test_threads_sharing_one_store(store: PollStore) -> None:
    code = store.open_poll("Q?", ["a", "b", "c"], key=KEY)

    def cast(i: int) -> None:
        store.vote(code, f"t{i}", "abc"[i % 3])

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(cast, range(60)))
    assert store.results(code) == {"a": 20, "b": 20, "c": 20}


# -- presenter controls ------------------------------------------------------------------------------


def test_close_refuses_votes_and_keeps_them_reopen_takes_votes_again(store: PollStore) -> None:
    code = store.open_poll("Q?", ["a", "b"], key=KEY)
    store.vote(code, "v1", "a")
    store.close(code, KEY)
    store.close(code, KEY)  # closing twice is harmless
    assert not store.get(code).is_open
    rows = stored_rows(store)
    with pytest.raises(PollClosed) as err:
        store.vote(code, "v2", "b")
    message = assert_nothing_stored(store, rows, err)
    assert code in message and "closed" in message
    with pytest.raises(PollClosed):
        store.vote(code, "v1", "b")  # nor may an earlier voter change their mind
    assert store.results(code) == {"a": 1, "b": 0}
    store.reopen(code, KEY)
    assert store.get(code).is_open
    store.vote(code, "v2", "b")
    assert store.results(code) == {"a": 1, "b": 1}


def test_reset_deletes_the_votes_only(store: PollStore) -> None:
    code = store.open_poll("Q?", ["a", "b"], {"a": "Alpha"}, key=KEY)
    other = store.open_poll("Other?", ["a", "b"], key=KEY)
    for i in range(5):
        store.vote(code, f"v{i}", "ab"[i % 2])
    store.vote(other, "v0", "a")
    assert store.reset(code, KEY) == 5
    assert store.results(code) == {"a": 0, "b": 0}
    assert store.total_votes(code) == 0
    assert store.voter_choice(code, "v0") is None
    assert store.total_votes(other) == 1
    got = store.get(code)
    assert got.is_open and got.labels["a"] == "Alpha"
    store.vote(code, "v0", "b")
    assert store.results(code) == {"a": 0, "b": 1}
    assert store.reset(code, KEY) == 1


def test_reveal_and_hide(store: PollStore) -> None:
    code = store.open_poll("Q?", ["a", "b"], key=KEY)
    assert not store.get(code).revealed
    store.reveal(code, KEY)
    assert store.get(code).revealed
    store.reveal(code, KEY, shown=False)
    assert not store.get(code).revealed
    store.reveal(code, KEY, True)
    assert store.get(code).revealed


# -- before and after --------------------------------------------------------------------------------


def test_movement_compares_the_two_rounds(store: PollStore) -> None:
    first = store.open_poll("Which works best?", ["a", "b", "c"], key=KEY)
    for voter, choice in [("v1", "a"), ("v2", "a"), ("v3", "b")]:
        store.vote(first, voter, choice)
    store.close(first, KEY)
    second = store.open_poll("Which works best?", ["a", "b", "c"], before=first.lower(), key=KEY)
    assert store.get(second).before == first
    for voter, choice in [("v1", "c"), ("v2", "a"), ("v3", "c"), ("v4", "c")]:
        store.vote(second, voter, choice)
    moved = store.movement(second)
    assert moved == [("a", 2, 1), ("b", 1, 0), ("c", 0, 3)]
    assert moved[0] == Movement(option_id="a", before=2, after=1)


def test_movement_when_the_rounds_offer_different_options(store: PollStore) -> None:
    first = store.open_poll("Q?", ["a", "b", "old"], key=KEY)
    store.vote(first, "v1", "old")
    second = store.open_poll("Q?", ["new", "b", "a"], before=first, key=KEY)
    store.vote(second, "v1", "new")
    assert store.movement(second) == [("new", 0, 1), ("b", 0, 0), ("a", 0, 0), ("old", 1, 0)]


def test_movement_needs_a_before_round(store: PollStore) -> None:
    code = store.open_poll("Q?", ["a", "b"], key=KEY)
    with pytest.raises(PollError) as err:
        store.movement(code)
    assert code in str(err.value) and "before" in str(err.value)


def test_before_must_be_an_existing_poll(store: PollStore) -> None:
    rows = stored_rows(store)
    with pytest.raises(PollNotFound) as err:
        store.open_poll("Q?", ["a", "b"], before=NO_SUCH_CODE, key=KEY)
    assert NO_SUCH_CODE in assert_nothing_stored(store, rows, err)
    with pytest.raises(BadCode) as bad:
        store.open_poll("Q?", ["a", "b"], before="nope", key=KEY)
    assert "NOPE" in assert_nothing_stored(store, rows, bad)


# -- refused input -----------------------------------------------------------------------------------

CODE_CALLS: dict[str, Callable[[PollStore, str], object]] = {
    "get": lambda s, c: s.get(c),
    "vote": lambda s, c: s.vote(c, "v1", "a"),
    "results": lambda s, c: s.results(c),
    "close": lambda s, c: s.close(c, KEY),
    "reopen": lambda s, c: s.reopen(c, KEY),
    "reset": lambda s, c: s.reset(c, KEY),
    "reveal": lambda s, c: s.reveal(c, KEY),
    "movement": lambda s, c: s.movement(c),
    "voter_choice": lambda s, c: s.voter_choice(c, "v1"),
    "total_votes": lambda s, c: s.total_votes(c),
}


@pytest.mark.parametrize("call", sorted(CODE_CALLS))
@pytest.mark.parametrize(
    "bad", ["", "   ", "ABC23", "ABC2345", "ABC-23", "ABCDE1", "ABCDE0", "ABCDEI", "ÄBCDEF"]
)
def test_malformed_codes_are_refused(store: PollStore, call: str, bad: str) -> None:
    code = store.open_poll("Q?", ["a", "b"], key=KEY)
    store.vote(code, "v0", "b")
    rows = stored_rows(store)
    with pytest.raises(BadCode) as err:
        CODE_CALLS[call](store, bad)
    message = assert_nothing_stored(store, rows, err)
    assert f'"{bad.strip().upper()}"' in message and "not a valid poll code" in message


def test_a_very_long_bad_code_is_shortened_in_the_message(store: PollStore) -> None:
    with pytest.raises(BadCode) as err:
        store.get("X" * 500)
    assert len(str(err.value)) < 200


@pytest.mark.parametrize("call", sorted(CODE_CALLS))
def test_unknown_codes_are_refused(store: PollStore, call: str) -> None:
    store.open_poll("Q?", ["a", "b"], key=KEY)
    rows = stored_rows(store)
    with pytest.raises(PollNotFound) as err:
        CODE_CALLS[call](store, NO_SUCH_CODE.lower())
    message = assert_nothing_stored(store, rows, err)
    assert NO_SUCH_CODE in message and "no poll" in message


@pytest.mark.parametrize("option", ["nope", "A", " a", "", "deport "])
def test_vote_for_an_option_not_in_the_poll(store: PollStore, option: str) -> None:
    code = store.open_poll("Q?", ["a", "b", "c"], key=KEY)
    store.vote(code, "v1", "a")
    rows = stored_rows(store)
    with pytest.raises(BadOption) as err:
        store.vote(code, "v1", option)
    message = assert_nothing_stored(store, rows, err)
    assert f'"{option}"' in message and "a, b, c" in message and code in message
    assert store.voter_choice(code, "v1") == "a"


@pytest.mark.parametrize("voter", ["", "    ", "x" * 101, None])
def test_bad_voter_ids_are_refused(store: PollStore, voter: Any) -> None:
    code = store.open_poll("Q?", ["a", "b"], key=KEY)
    rows = stored_rows(store)
    with pytest.raises(BadVoter) as err:
        store.vote(code, voter, "a")
    message = assert_nothing_stored(store, rows, err)
    assert "voter id" in message
    with pytest.raises(BadVoter):
        store.voter_choice(code, voter)


def test_long_voter_id_message_gives_the_limit(store: PollStore) -> None:
    code = store.open_poll("Q?", ["a", "b"], key=KEY)
    with pytest.raises(BadVoter, match="101 characters long; the limit is 100"):
        store.vote(code, "x" * 101, "a")


BAD_POLLS: list[tuple[str, Any, Any, Any, str]] = [
    ("no options", "Q?", [], None, "at least two options"),
    ("one option", "Q?", ["a"], None, "at least two options"),
    ("duplicate", "Q?", ["a", "b", "a"], None, '"a" appears more than once'),
    ("empty question", "", ["a", "b"], None, "needs a question"),
    ("blank question", "   \n", ["a", "b"], None, "needs a question"),
    ("long question", "Q" * 301, ["a", "b"], None, "301 characters long; the limit is 300"),
    ("string options", "Q?", "ab", None, "list of option ids"),
    ("empty option", "Q?", ["a", ""], None, "one of them is empty"),
    ("padded option", "Q?", ["a", " b"], None, "spaces at one end"),
    ("long option", "Q?", ["a", "b" * 101], None, "too long"),
    ("many options", "Q?", [f"o{i}" for i in range(51)], None, "at most 50 options"),
    ("label for unknown", "Q?", ["a", "b"], {"c": "See"}, '"c", which is not one of the options (a, b)'),
    ("empty label", "Q?", ["a", "b"], {"a": " "}, 'label for "a" is empty'),
]


@pytest.mark.parametrize(("question", "options", "labels", "expected"), [b[1:] for b in BAD_POLLS],
                         ids=[b[0] for b in BAD_POLLS])  # fmt: skip
def test_bad_polls_are_refused(
    store: PollStore, question: Any, options: Any, labels: Any, expected: str
) -> None:
    rows = stored_rows(store)
    with pytest.raises(PollError) as err:
        store.open_poll(question, options, labels, key=KEY)
    assert expected in assert_nothing_stored(store, rows, err)


def test_limits_are_inclusive(store: PollStore) -> None:
    code = store.open_poll("Q" * 300, [f"o{i}" for i in range(50)], {"o0": "L" * 200}, key=KEY)
    assert len(store.get(code).question) == 300


def test_error_classes() -> None:
    for cls in (PollNotFound, PollClosed, BadCode, BadOption, BadVoter):
        assert issubclass(cls, PollError)
    assert issubclass(PollError, ValueError)


# -- configuration -----------------------------------------------------------------------------------


def test_env_directory_holds_the_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "not" / "yet"
    monkeypatch.setenv(ENV_VAR, str(data))
    s = PollStore()
    try:
        assert s.engine.dialect.name == "sqlite"
        code = s.open_poll("Q?", ["a", "b"], key=KEY)
        assert (data / "polls.sqlite3").is_file()
        assert PollStore(f"sqlite:///{data / 'polls.sqlite3'}").get(code).question == "Q?"
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    finally:
        s.dispose()


def test_env_url_is_used_as_is(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, db_url)
    s = PollStore()
    try:
        code = s.open_poll("Q?", ["a", "b"], key=KEY)
        assert PollStore(db_url).get(code).question == "Q?"
        assert s.engine.url.render_as_string(hide_password=False).split("://")[1] == db_url.split("://")[1]
    finally:
        s.dispose()


def test_default_is_var_under_the_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.delenv("POLICY_VAR_DIR", raising=False)
    root = Path(paths.__file__).resolve().parent.parent
    assert paths.var_dir() == root / "var"
    assert make_url(default_url()).database == str(root / "var" / "polls.sqlite3")
    assert PollStore().url == default_url()  # nothing is created until first use


def test_policy_var_dir_moves_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("POLICY_VAR_DIR", str(tmp_path / "state"))
    assert paths.var_dir() == tmp_path / "state"
    assert make_url(default_url()).database == str(tmp_path / "state" / "polls.sqlite3")


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_postgres_urls_use_psycopg3(scheme: str) -> None:
    s = PollStore(f"{scheme}://u:secret@127.0.0.1:1/db")
    assert s.engine.dialect.name == "postgresql" and s.engine.dialect.driver == "psycopg"
    assert "secret" not in s.url


def test_other_databases_are_refused() -> None:
    with pytest.raises(PollError, match="SQLite or PostgreSQL"):
        PollStore("mysql://u:p@127.0.0.1/db")


# -- the shared database layer -----------------------------------------------------------------------


def test_another_store_can_reuse_the_database_layer(db_url: str) -> None:
    meta = MetaData()
    notes = Table("test_notes", meta, Column("id", Integer, primary_key=True), Column("text", String(50)))
    database = Database(db_url)
    try:
        database.ensure(meta)
        database.ensure(meta)  # later calls are free
        assert inspect(database.engine).get_table_names() == ["test_notes"]  # its tables only
        with database.write() as conn:
            conn.execute(notes.insert().values(id=1, text="kept"))
        # A write that fails part-way leaves nothing behind, not even the rows it wrote before failing.
        with pytest.raises(IntegrityError), database.write() as conn:
            conn.execute(notes.insert().values(id=2, text="rolled back"))
            conn.execute(notes.insert().values(id=1, text="duplicate key"))
        with pytest.raises(RuntimeError), database.write() as conn:
            conn.execute(notes.insert().values(id=3, text="rolled back"))
            raise RuntimeError("the caller gave up")
        with database.read() as conn:
            assert conn.execute(select(notes.c.id, notes.c.text)).all() == [(1, "kept")]
        with database.write() as conn:
            conn.execute(database.upsert(notes, {"id": 1, "text": "replaced"}, key=("id",)))
            conn.execute(database.upsert(notes, {"id": 4, "text": "added"}, key=("id",)))
        with database.read() as conn:
            assert conn.execute(select(notes).order_by(notes.c.id)).all() == [(1, "replaced"), (4, "added")]
        # The poll store shares the same database without disturbing the other store's tables.
        polls = PollStore(db_url)
        try:
            assert polls.get(polls.open_poll("Q?", ["a", "b"], key=KEY)).question == "Q?"
        finally:
            polls.dispose()
        with database.read() as conn:
            assert conn.execute(select(func.count()).select_from(notes)).scalar_one() == 2
    finally:
        database.dispose()


def test_database_refuses_other_backends_and_hides_passwords() -> None:
    with pytest.raises(UnsupportedDatabase, match="SQLite or PostgreSQL, not mysql"):
        Database("mysql://u:p@127.0.0.1/db")
    database = Database("postgres://u:secret@127.0.0.1:1/db")
    assert database.backend == "postgresql" and "secret" not in database.url


# -- several processes at once -----------------------------------------------------------------------


def run_processes(task: str, args: list[tuple[Any, ...]]) -> None:
    """Run one spawned process per args tuple, all starting the task together; all must succeed."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(args))
    procs = [ctx.Process(target=worker.run_together, args=(barrier, task, *a)) for a in args]
    # A spawned child first runs the parent's __main__ again; after an AppTest that is the app's script, so
    # the children start from a bare module instead (they need nothing from __main__).
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        for p in procs:
            p.start()
    finally:
        sys.modules["__main__"] = main
    for p in procs:
        p.join(timeout=240)
    for p in procs:
        if p.is_alive():
            p.kill()
    assert [p.exitcode for p in procs] == [0] * len(procs)


def test_concurrent_voters_in_several_processes(store: PollStore, db_url: str) -> None:
    processes, voters = 4, 50
    code = store.open_poll("Which first?", OPTIONS, key=KEY)
    run_processes("vote_then_change", [(db_url, code, p, voters, OPTIONS) for p in range(processes)])
    expected = Counter(worker.final_choice(p, v, OPTIONS) for p in range(processes) for v in range(voters))
    assert store.results(code) == {option: expected[option] for option in OPTIONS}
    assert store.total_votes(code) == processes * voters
    assert store.voter_choice(code, "p2-v7") == worker.final_choice(2, 7, OPTIONS)


def test_the_same_voters_racing_from_several_processes_keep_one_vote_each(
    store: PollStore, db_url: str
) -> None:
    processes, voters = 4, 40
    code = store.open_poll("Which first?", OPTIONS, key=KEY)
    run_processes("same_voters", [(db_url, code, p, voters, OPTIONS) for p in range(processes)])
    assert store.total_votes(code) == voters
    assert sum(store.results(code).values()) == voters
    assert all(store.voter_choice(code, f"shared-{v}") in OPTIONS for v in range(voters))


def test_processes_starting_on_an_empty_database_at_once(db_url: str) -> None:
    processes = 4
    run_processes("open_at_once", [(db_url, i) for i in range(processes)])
    s = PollStore(db_url)
    try:
        rows = stored_rows(s)
        assert rows == {"polls": processes, "poll_options": 2 * processes, "poll_votes": processes}
    finally:
        s.dispose()


# -- presenter control: the key, the password, the rate limits ---------------------------------------

WRONG = "not-the-presenter-key-0123456789"


@pytest.fixture
def rooms(store: PollStore) -> RoomStore:
    """Live sessions on the same database as ``store``, no password required."""
    return RoomStore(store, password=None)


def opened(rooms: RoomStore) -> tuple[str, str, str]:
    """A room with a poll round open: (room code, presenter key, poll code)."""
    code, key = rooms.open_room()
    return code, key, rooms.open_poll(code, key, "Which first?", ["a", "b"])


ROOM_CONTROLS: dict[str, Callable[[RoomStore, str, Any], object]] = {
    "go to a slide": lambda r, c, k: r.go_to(c, k, 2),
    "open a poll": lambda r, c, k: r.open_poll(c, k, "Another?", ["a", "b"]),
    "reveal": lambda r, c, k: r.reveal(c, k),
    "hide": lambda r, c, k: r.reveal(c, k, shown=False),
    "close": lambda r, c, k: r.close(c, k),
    "reopen": lambda r, c, k: r.reopen(c, k),
    "reset": lambda r, c, k: r.reset(c, k),
    "ask again": lambda r, c, k: r.ask_again(c, k),
    "start a round": lambda r, c, k: r.start_round(c, k, "poll", "ABCDEF"),
    "check the key": lambda r, c, k: r.check_key(c, k),
    "blank the screen": lambda r, c, k: r.blank(c, k),
    "end the session": lambda r, c, k: r.end(c, k),
    "export the results": lambda r, c, k: r.export(c, k),
}


@pytest.mark.parametrize("control", sorted(ROOM_CONTROLS))
@pytest.mark.parametrize("key", [None, "", "   ", WRONG, "x" * 500])
def test_every_room_control_needs_the_presenter_key(rooms: RoomStore, control: str, key: Any) -> None:
    code, _, poll = opened(rooms)
    rooms.polls.vote(poll, "v1", "a")
    before_room, before_rows = rooms.get(code), stored_rows(rooms.polls)
    with pytest.raises(NotPresenter) as err:
        ROOM_CONTROLS[control](rooms, code, key)
    assert "Only the presenter" in str(err.value) and "presenter key" in str(err.value)
    assert rooms.get(code) == before_room and stored_rows(rooms.polls) == before_rows
    assert rooms.polls.get(poll).is_open and not rooms.polls.get(poll).revealed


@pytest.mark.parametrize("call", ["close", "reopen", "reset", "reveal"])
def test_every_poll_control_needs_the_key_it_was_opened_with(store: PollStore, call: str) -> None:
    code = store.open_poll("Q?", ["a", "b"], key=KEY)
    store.vote(code, "v1", "a")
    for key in (None, "", WRONG):
        with pytest.raises(NotPresenter):
            getattr(store, call)(code, key)
    assert store.get(code).is_open and not store.get(code).revealed and store.total_votes(code) == 1
    with pytest.raises(NotPresenter):  # an "after" round needs the first round's key
        store.open_poll("Q?", ["a", "b"], key=WRONG, before=code)
    with pytest.raises(PollError, match="presenter key"):
        store.open_poll("Q?", ["a", "b"], key="")


def test_the_room_holds_the_slide_and_the_active_round(rooms: RoomStore) -> None:
    code, key = rooms.open_room()
    room = rooms.get(code.lower())
    assert (room.slide, room.kind, room.round, room.revealed) == (1, None, None, False)
    with pytest.raises(PollError, match="open the poll first"):
        rooms.reveal(code, key)
    rooms.go_to(code, key, 7)
    first = rooms.open_poll(code, key, "Which first?", ["a", "b"], {"a": "Alpha"})
    rooms.polls.vote(first, "phone", "a")
    rooms.reveal(code, key)
    room = rooms.get(code)
    assert (room.slide, room.kind, room.round, room.revealed) == (7, "poll", first, True)
    assert rooms.polls.get(first).revealed
    # "Ask again": the room moves to a new round of the same question, hidden again; phones follow it.
    second = rooms.ask_again(code, key)
    room = rooms.get(code)
    assert second != first and (room.kind, room.round, room.revealed) == ("poll", second, False)
    assert rooms.polls.get(second).before == first and rooms.polls.get(second).labels["a"] == "Alpha"
    rooms.close(code, key)
    assert not rooms.polls.get(second).is_open and rooms.polls.get(first).is_open
    rooms.reopen(code, key)
    rooms.polls.vote(second, "phone", "b")
    assert rooms.reset(code, key) == 1 and rooms.polls.total_votes(first) == 1
    for bad in (0, -1, 10_001, "3", True):
        with pytest.raises(PollError, match="slide number"):
            rooms.go_to(code, key, bad)
    with pytest.raises(PollError, match="one of: poll"):
        rooms.start_round(code, key, "quiz", "ABCDEF")


def test_a_room_code_that_does_not_exist(rooms: RoomStore) -> None:
    with pytest.raises(RoomNotFound, match="no live session with the code ZZZZ99"):
        rooms.get("zzzz99")
    with pytest.raises(BadCode):
        rooms.get("nope")


def test_the_key_is_stored_hashed(rooms: RoomStore) -> None:
    code, key = rooms.open_room()
    _, key2 = rooms.open_room()
    assert len(key) >= 32 and key != key2
    with rooms.polls.engine.connect() as conn:
        dump = " ".join(str(row) for row in conn.execute(select(room_tables.rooms)).all())
    assert key not in dump and hashlib.sha256(key.encode()).hexdigest() in dump


def test_a_deployment_password_is_needed_to_open_a_session(
    store: PollStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    guarded = RoomStore(store, password="open sesame")
    assert guarded.needs_password
    for given in (None, "", "open", "open sesame "):
        with pytest.raises(WrongPassword):
            guarded.open_room(password=given)
    assert guarded.open_room(password="open sesame")[0]
    monkeypatch.setenv("POLICY_PRESENTER_PASSWORD", "from-env")
    assert RoomStore(store).needs_password
    with pytest.raises(WrongPassword):
        RoomStore(store).open_room()
    monkeypatch.delenv("POLICY_PRESENTER_PASSWORD")
    assert not RoomStore(store).needs_password


def test_opening_sessions_and_polls_is_rate_limited(db_url: str) -> None:
    limits = Limits(sessions=3, sessions_per_client=2, polls=4, rounds_per_session=2)
    rooms = RoomStore(PollStore(db_url, limits=limits), password=None)
    try:
        rooms.open_room(client="phone-1")
        rooms.open_room(client="phone-1")
        with pytest.raises(RateLimited, match="2 live sessions from here were opened in the last 10 minutes"):
            rooms.open_room(client="phone-1")
        code, key = rooms.open_room(client="phone-2")
        with pytest.raises(RateLimited, match="3 live sessions were opened"):
            rooms.open_room(client="phone-3")
        rooms.open_poll(code, key, "Q?", ["a", "b"])
        rooms.ask_again(code, key)
        with pytest.raises(PollError, match="opened 2 polls, which is the limit"):
            rooms.ask_again(code, key)
        rooms.polls.open_poll("Q?", ["a", "b"], key=KEY)
        rooms.polls.open_poll("Q?", ["a", "b"], key=KEY)
        with pytest.raises(RateLimited, match="4 polls were opened in the last 10 minutes"):
            rooms.polls.open_poll("Q?", ["a", "b"], key=KEY)
    finally:
        rooms.polls.dispose()


# -- a failing database gets words -------------------------------------------------------------------

STORE_CALLS: dict[str, Callable[[RoomStore], object]] = {
    "open a session": lambda r: r.open_room(),
    "read a session": lambda r: r.get("ABCDEF"),
    "go to a slide": lambda r: r.go_to("ABCDEF", KEY, 2),
    "close": lambda r: r.close("ABCDEF", KEY),
    "vote": lambda r: r.polls.vote("ABCDEF", "v1", "a"),
    "results": lambda r: r.polls.results("ABCDEF"),
    "open a poll": lambda r: r.polls.open_poll("Q?", ["a", "b"], key=KEY),
}


@pytest.mark.parametrize("call", sorted(STORE_CALLS))
def test_a_database_that_is_down_raises_live_unavailable(call: str) -> None:
    # Nothing listens on port 1: as PostgreSQL stopped.
    down = RoomStore(PollStore("postgresql://u:p@127.0.0.1:1/polls"), password=None)
    with pytest.raises(LiveUnavailable) as err:
        STORE_CALLS[call](down)
    assert str(err.value) == "The live poll is unavailable — slides keep working."
    assert isinstance(err.value, PollError)


def test_a_read_only_sqlite_database_refuses_writes_with_words(tmp_path: Path) -> None:
    path = tmp_path / "polls.sqlite3"
    rooms = RoomStore(PollStore(f"sqlite:///{path}"), password=None)
    code, key, poll = opened(rooms)
    rooms.polls.dispose()
    read_only = RoomStore(PollStore(f"sqlite:///file:{path}?mode=ro&uri=true"), password=None)
    assert read_only.get(code).round == poll  # reading still works
    for write in (lambda: read_only.go_to(code, key, 3), lambda: read_only.polls.vote(poll, "v1", "a")):
        with pytest.raises(LiveUnavailable, match="slides keep working"):
            write()
    read_only.polls.dispose()


def test_integrity_errors_still_reach_the_store(store: PollStore) -> None:
    # The database layer turns failures into LiveUnavailable but lets races (IntegrityError) through.
    store.database.ensure(poll_tables.metadata)
    with pytest.raises(IntegrityError), store.database.write() as conn:
        conn.execute(
            poll_tables.polls.insert().values(
                code="AAAAAA", question="Q", is_open=True, revealed=False, created_at=datetime.now(UTC)
            )
        )
        conn.execute(poll_tables.polls.insert().values(code="AAAAAA", question="Q", is_open=True,
                                                       revealed=False, created_at=datetime.now(UTC)))  # fmt: skip


# -- content the poll store would refuse is refused by validate -----------------------------------------


def test_validate_refuses_a_poll_question_the_store_would_refuse(mini_copy: Path) -> None:
    from policy import ContentError, load_dataset

    debate = mini_copy / "debate.yaml"
    data = yaml.safe_load(debate.read_text(encoding="utf-8"))
    data["poll_question"] = "Which option should lead? " * 13
    debate.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_dataset(mini_copy)
    problems = [str(p) for p in err.value.problems]
    assert len(problems) == 1, problems
    assert "debate.yaml:" in problems[0] and "'poll_question'" in problems[0]
    assert "the live poll would refuse it" in problems[0] and "the limit is 300" in problems[0]


# -- one voter per browser (ui/voter.py) ----------------------------------------------------------------


def _voter_page() -> None:
    import streamlit as st

    from ui.voter import voter_id

    st.markdown(f"voter={voter_id()}")


def _voter_app(monkeypatch: pytest.MonkeyPatch, cookie: str | None) -> Any:
    from streamlit.testing.v1 import AppTest

    import ui.voter

    monkeypatch.setattr(ui.voter, "cookie", lambda name: cookie if name == ui.voter.COOKIE else None)
    return AppTest.from_function(_voter_page).run()


def _shown_voter(at: Any) -> str:
    return str(at.markdown[0].value).removeprefix("voter=")


def test_a_browser_with_the_voter_cookie_is_the_same_voter(monkeypatch: pytest.MonkeyPatch) -> None:
    token = "kept-in-the-cookie-0123456789"
    at = _voter_app(monkeypatch, token)
    assert _shown_voter(at) == token
    assert not at.get("iframe"), "a browser that has the cookie is not sent it again"


def test_a_new_browser_gets_a_new_token_written_to_its_cookie(monkeypatch: pytest.MonkeyPatch) -> None:
    first = _voter_app(monkeypatch, None)
    token = _shown_voter(first)
    assert len(token) >= 20 and token != _shown_voter(_voter_app(monkeypatch, None))
    script = " ".join(frame.proto.srcdoc for frame in first.get("iframe"))
    assert f"policy_voter={token}" in script and "max-age=31536000" in script
    first.run()  # the same session keeps its voter
    assert _shown_voter(first) == token


def test_only_a_token_shaped_cookie_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.voter

    for bad, ok in (
        ("short", False),
        ("<script>alert(1)</script>xx", False),
        ("a" * 101, False),
        ("a" * 24, True),
    ):
        monkeypatch.setattr(ui.voter.st, "context", type("C", (), {"cookies": {ui.voter.COOKIE: bad}})())
        assert (ui.voter.cookie(ui.voter.COOKIE) == bad) is ok, bad
    with pytest.raises(ValueError):
        ui.voter.set_cookie("policy_voter", 'x"; document.location="evil')


# -- ending a session, the black screen, the results export -------------------------------------------


def test_the_black_screen_is_kept_in_the_room(rooms: RoomStore) -> None:
    code, key, _ = opened(rooms)
    assert not rooms.get(code).blank
    rooms.blank(code, key)
    assert rooms.get(code).blank
    rooms.blank(code, key, False)
    assert not rooms.get(code).blank


def test_ending_the_session_closes_its_polls_and_stops_every_control(rooms: RoomStore) -> None:
    code, key, first = opened(rooms)
    rooms.polls.vote(first, "v1", "a")
    second = rooms.ask_again(code, key)
    other_code, other_key, other_poll = opened(rooms)  # another session is untouched
    rooms.blank(code, key)
    rooms.end(code, key)
    room = rooms.get(code)
    assert room.ended and room.ended_at is not None and not room.blank
    assert not rooms.polls.get(first).is_open and not rooms.polls.get(second).is_open
    assert rooms.polls.get(other_poll).is_open and not rooms.get(other_code).ended
    with pytest.raises(PollClosed):
        rooms.polls.vote(second, "v2", "a")
    for control in sorted(set(ROOM_CONTROLS) - {"check the key", "export the results"}):
        with pytest.raises(SessionEnded, match="has ended"):
            ROOM_CONTROLS[control](rooms, code, key)
    assert rooms.get(code) == room
    assert [r.votes for r in rooms.export(code, key)] == [1, 0, 0, 0]  # the results stay readable
    rooms.check_key(code, key, ended_ok=True)  # the presenter's window still opens, to download them
    with pytest.raises(NotPresenter):
        rooms.check_key(code, WRONG, ended_ok=True)
    rooms.go_to(other_code, other_key, 3)


def test_the_export_lists_every_round_with_counts_shares_and_turnout(rooms: RoomStore) -> None:
    code, key = rooms.open_room()
    first = rooms.open_poll(code, key, "Which first?", ["a", "b", "c"], {"a": "Alpha"})
    for voter, option in (("v1", "a"), ("v2", "a"), ("v3", "b"), ("v4", "a")):
        rooms.polls.vote(first, voter, option)
    second = rooms.ask_again(code, key)
    rooms.polls.vote(second, "v1", "b")
    rooms.polls.vote(second, "v2", "b")
    rows = rooms.export(code, key)
    assert [(r.round, r.poll, r.option_id, r.votes, r.turnout) for r in rows] == [
        (1, first, "a", 3, 4),
        (1, first, "b", 1, 4),
        (1, first, "c", 0, 4),
        (2, second, "a", 0, 2),
        (2, second, "b", 2, 2),
        (2, second, "c", 0, 2),
    ]
    assert rows[0].share == 0.75 and rows[4].share == 1.0 and rows[0].option == "Alpha"
    assert rows[3].before == first and rows[0].before == "" and rows[0].question == "Which first?"
    assert datetime.fromisoformat(rows[0].opened_at) <= datetime.fromisoformat(rows[3].opened_at)
    assert rows[0].last_vote_at and rows[3].last_vote_at
    other, other_key = rooms.open_room()  # another session's export holds none of these rounds
    assert rooms.export(other, other_key) == []

    table = list(csv.DictReader(io.StringIO(export.to_csv(rows))))
    assert [int(r["votes"]) for r in table] == [3, 1, 0, 0, 2, 0]
    assert table[0]["question"] == "Which first?" and float(table[1]["share"]) == 0.25
    data = json.loads(export.to_json(rows, code))
    assert data["session"] == code and [r["turnout"] for r in data["rounds"]] == [4, 2]
    assert data["rounds"][1]["before"] == first
    assert [o["votes"] for o in data["rounds"][0]["options"]] == [3, 1, 0]


def test_the_turnout_note_warns_when_the_rounds_differ() -> None:
    assert export.turnout_note(12, 7) == "12 voted before, 7 after — compare shares with care."
    assert export.turnout_note(5, 5) == ""
