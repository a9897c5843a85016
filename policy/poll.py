"""Audience poll storage: open a poll, take one vote per audience member, count and reveal the results.

A presenter opens a poll and shows its six-character join code; each audience member votes from their own
device, and may change their mind (a new vote replaces the old one). Results stay hidden from the audience
until the presenter reveals them. A poll may be the "after" round of a before-and-after pair, so the page can
show how opinion moved during the session.

Storage is SQLAlchemy Core on SQLite (one file, the default) or PostgreSQL (so several app replicas share one
set of polls). Choose with the ``url`` argument or the ``POLICY_POLL_DB`` environment variable, which holds
either a SQLAlchemy URL or a data directory for ``polls.sqlite3``.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import IntegrityError

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "ENV_VAR",
    "BadCode",
    "BadOption",
    "BadVoter",
    "Movement",
    "Poll",
    "PollClosed",
    "PollError",
    "PollNotFound",
    "PollStore",
    "default_url",
]

ENV_VAR = "POLICY_POLL_DB"
SQLITE_FILENAME = "polls.sqlite3"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = PROJECT_ROOT / "var"

# No I, L, O, 0 or 1: a code read off a projector screen must not be mistyped.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
MAX_QUESTION = 300
MAX_OPTIONS = 50
MAX_OPTION_ID = 100
MAX_LABEL = 200
MAX_VOTER_ID = 100
SQLITE_BUSY_TIMEOUT_MS = 10_000
_CODE_ATTEMPTS = 20
# Serialises table creation across processes sharing one PostgreSQL database.
_PG_SCHEMA_LOCK_KEY = 0x706F6C6C
# Marks connections that will write, so SQLite takes its write lock at BEGIN (see _on_begin).
_WRITE_OPTION = "policy_poll_write"


class PollError(ValueError):
    """A request the poll store refused; the message is fit to show the person who made it."""


class PollNotFound(PollError):
    """No poll has this code."""


class PollClosed(PollError):
    """The poll is closed to votes."""


class BadCode(PollError):
    """The text is not shaped like a poll code."""


class BadOption(PollError):
    """The option is not one of the poll's options."""


class BadVoter(PollError):
    """The voter id is empty or too long."""


@dataclass(frozen=True)
class Poll:
    """One poll as stored: its question, options in display order, and state."""

    code: str
    question: str
    option_ids: tuple[str, ...]
    labels: Mapping[str, str]
    is_open: bool
    revealed: bool
    created_at: datetime
    before: str | None


class Movement(NamedTuple):
    """Votes for one option in the "before" and "after" rounds of a pair."""

    option_id: str
    before: int
    after: int


metadata = MetaData()

polls = Table(
    "polls",
    metadata,
    Column("code", String(CODE_LENGTH), primary_key=True),
    Column("question", String(MAX_QUESTION), nullable=False),
    Column("is_open", Boolean, nullable=False),
    Column("revealed", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("before_code", String(CODE_LENGTH), ForeignKey("polls.code"), nullable=True),
)

poll_options = Table(
    "poll_options",
    metadata,
    Column("poll_code", String(CODE_LENGTH), ForeignKey("polls.code"), primary_key=True),
    Column("option_id", String(MAX_OPTION_ID), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("label", String(MAX_LABEL), nullable=False),
    UniqueConstraint("poll_code", "position"),
)

poll_votes = Table(
    "poll_votes",
    metadata,
    Column("poll_code", String(CODE_LENGTH), primary_key=True),
    Column("voter_id", String(MAX_VOTER_ID), primary_key=True),
    Column("option_id", String(MAX_OPTION_ID), nullable=False),
    Column("voted_at", DateTime(timezone=True), nullable=False),
    # The database itself refuses a vote for an option the poll does not have.
    ForeignKeyConstraint(
        ["poll_code", "option_id"], [poll_options.c.poll_code, poll_options.c.option_id], ondelete="CASCADE"
    ),
)


def default_url() -> str:
    """The SQLAlchemy URL chosen by POLICY_POLL_DB, or the SQLite file under <project root>/var/."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if "://" in configured:
        return configured
    directory = Path(configured).expanduser() if configured else DEFAULT_DIR
    return URL.create("sqlite", database=str(directory.resolve() / SQLITE_FILENAME)).render_as_string()


def _normalise_url(raw: str) -> URL:
    url = make_url(raw)
    # A bare postgresql:// would pick psycopg2, which this project does not install.
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _normalise_code(code: object) -> str:
    if not isinstance(code, str):
        raise BadCode(f"A poll code must be text, not {type(code).__name__}.")
    cleaned = code.strip().upper()
    if len(cleaned) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in cleaned):
        shown = cleaned if len(cleaned) <= 20 else cleaned[:20] + "..."
        raise BadCode(
            f'"{shown}" is not a valid poll code. A poll code is {CODE_LENGTH} characters: '
            "letters and the digits 2 to 9 (never I, L, O, 0 or 1)."
        )
    return cleaned


def _normalise_voter(voter_id: object) -> str:
    if not isinstance(voter_id, str) or not voter_id.strip():
        raise BadVoter("A vote needs a voter id, and none was given.")
    cleaned = voter_id.strip()
    if len(cleaned) > MAX_VOTER_ID:
        raise BadVoter(f"The voter id is {len(cleaned)} characters long; the limit is {MAX_VOTER_ID}.")
    return cleaned


def _check_question(question: object) -> str:
    if not isinstance(question, str) or not question.strip():
        raise PollError("A poll needs a question, and none was given.")
    cleaned = question.strip()
    if len(cleaned) > MAX_QUESTION:
        raise PollError(f"The question is {len(cleaned)} characters long; the limit is {MAX_QUESTION}.")
    return cleaned


def _check_options(option_ids: object) -> tuple[str, ...]:
    if isinstance(option_ids, str) or not isinstance(option_ids, Sequence):
        raise PollError("The options must be a list of option ids, not a single piece of text.")
    options = tuple(option_ids)
    for option in options:
        if not isinstance(option, str) or not option.strip():
            raise PollError("Every option needs an id, and one of them is empty.")
        if option != option.strip():
            raise PollError(f'The option id "{option}" has spaces at one end; remove them.')
        if len(option) > MAX_OPTION_ID:
            raise PollError(f'The option id "{option[:20]}..." is too long; the limit is {MAX_OPTION_ID}.')
    if len(options) < 2:
        raise PollError(f"A poll needs at least two options to choose from; it was given {len(options)}.")
    if len(options) > MAX_OPTIONS:
        raise PollError(f"A poll can have at most {MAX_OPTIONS} options; it was given {len(options)}.")
    seen: set[str] = set()
    for option in options:
        if option in seen:
            raise PollError(f'Each option must be different, but "{option}" appears more than once.')
        seen.add(option)
    return options


def _check_labels(labels: Mapping[str, str] | None, options: tuple[str, ...]) -> dict[str, str]:
    given = dict(labels or {})
    for key, label in given.items():
        if key not in options:
            raise BadOption(
                f'A label was given for "{key}", which is not one of the options ({", ".join(options)}).'
            )
        if not isinstance(label, str) or not label.strip():
            raise PollError(f'The label for "{key}" is empty; give it some text or leave it out.')
        if len(label.strip()) > MAX_LABEL:
            raise PollError(f'The label for "{key}" is too long; the limit is {MAX_LABEL} characters.')
    # Options without a label are shown by their id.
    return {option: given[option].strip() if option in given else option for option in options}


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _as_utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; every stored time is UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class PollStore:
    """Polls and votes in one SQL database (SQLite file or PostgreSQL), safe for many processes."""

    def __init__(self, url: str | None = None) -> None:
        """Connect lazily to ``url``, or to the database POLICY_POLL_DB names when url is None."""
        self._url = _normalise_url(url if url is not None else default_url())
        backend = self._url.get_backend_name()
        if backend not in ("sqlite", "postgresql"):
            raise PollError(f"Polls can be stored in SQLite or PostgreSQL, not {backend}.")
        self._backend = backend
        if backend == "sqlite":
            self._engine = create_engine(self._url)
            event.listen(self._engine, "connect", _sqlite_on_connect)
            event.listen(self._engine, "begin", _sqlite_on_begin)
        else:
            connect_args: dict[str, Any] = {}
            if "connect_timeout" not in self._url.query:
                connect_args["connect_timeout"] = 10
            self._engine = create_engine(self._url, pool_pre_ping=True, connect_args=connect_args)
        self._writer = self._engine.execution_options(**{_WRITE_OPTION: True})
        self._schema_ready = False
        self._schema_lock = threading.Lock()

    @property
    def url(self) -> str:
        """The database URL in use, password hidden."""
        return self._url.render_as_string(hide_password=True)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for health checks and tests."""
        return self._engine

    def dispose(self) -> None:
        """Close every pooled database connection (the store reconnects if used again)."""
        self._engine.dispose()

    # -- polls -----------------------------------------------------------------------------------------

    def open_poll(
        self,
        question: str,
        option_ids: Sequence[str],
        labels: Mapping[str, str] | None = None,
        *,
        before: str | None = None,
    ) -> str:
        """Open a new poll and return its join code; ``before`` names the first round of a pair."""
        text = _check_question(question)
        options = _check_options(option_ids)
        shown = _check_labels(labels, options)
        before_code = _normalise_code(before) if before is not None else None
        for _ in range(_CODE_ATTEMPTS):
            code = _new_code()
            try:
                with self._write() as conn:
                    if before_code is not None:
                        self._require(conn, before_code)
                    if conn.execute(select(polls.c.code).where(polls.c.code == code)).first() is not None:
                        continue
                    conn.execute(
                        polls.insert().values(
                            code=code,
                            question=text,
                            is_open=True,
                            revealed=False,
                            created_at=datetime.now(UTC),
                            before_code=before_code,
                        )
                    )
                    conn.execute(
                        poll_options.insert(),
                        [
                            {"poll_code": code, "option_id": option, "position": i, "label": shown[option]}
                            for i, option in enumerate(options)
                        ],
                    )
                return code
            except IntegrityError:
                # Another process took the same code between our check and insert: draw again.
                continue
        raise PollError("Could not find a free poll code; please try again.")

    def get(self, code: str) -> Poll:
        """The poll with this code."""
        code = _normalise_code(code)
        with self._read() as conn:
            row = self._require(conn, code)
            options = conn.execute(
                select(poll_options.c.option_id, poll_options.c.label)
                .where(poll_options.c.poll_code == code)
                .order_by(poll_options.c.position)
            ).all()
        return Poll(
            code=row.code,
            question=row.question,
            option_ids=tuple(option for option, _ in options),
            labels=MappingProxyType({option: label for option, label in options}),
            is_open=bool(row.is_open),
            revealed=bool(row.revealed),
            created_at=_as_utc(row.created_at),
            before=row.before_code,
        )

    def close(self, code: str) -> None:
        """Stop taking votes (votes already cast are kept)."""
        self._set(code, is_open=False)

    def reopen(self, code: str) -> None:
        """Take votes again after close()."""
        self._set(code, is_open=True)

    def reveal(self, code: str, shown: bool = True) -> None:
        """Show the results to the audience, or hide them again with shown=False."""
        self._set(code, revealed=bool(shown))

    def reset(self, code: str) -> int:
        """Delete every vote in the poll and return how many were deleted."""
        code = _normalise_code(code)
        with self._write() as conn:
            # The exclusive row lock makes a vote in flight land wholly before or wholly after the reset.
            self._require(conn, code, lock="update")
            return conn.execute(delete(poll_votes).where(poll_votes.c.poll_code == code)).rowcount

    # -- votes -----------------------------------------------------------------------------------------

    def vote(self, code: str, voter_id: str, option_id: str) -> None:
        """Record this voter's choice, replacing any earlier vote of theirs in the same poll."""
        code = _normalise_code(code)
        voter = _normalise_voter(voter_id)
        with self._write() as conn:
            # A shared row lock: votes run side by side, but never across a close() or reset().
            row = self._require(conn, code, lock="share")
            if not row.is_open:
                raise PollClosed(f"Poll {code} is closed, so it is not taking votes.")
            options = self._options(conn, code)
            if not isinstance(option_id, str) or option_id not in options:
                shown = option_id if isinstance(option_id, str) else repr(option_id)
                raise BadOption(
                    f'"{shown}" is not one of the choices in poll {code}. '
                    f"The choices are: {', '.join(options)}."
                )
            insert = postgresql.insert if self._backend == "postgresql" else sqlite.insert
            stmt = insert(poll_votes).values(
                poll_code=code, voter_id=voter, option_id=option_id, voted_at=datetime.now(UTC)
            )
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=[poll_votes.c.poll_code, poll_votes.c.voter_id],
                    set_={"option_id": stmt.excluded.option_id, "voted_at": stmt.excluded.voted_at},
                )
            )

    def voter_choice(self, code: str, voter_id: str) -> str | None:
        """The option this voter currently has in the poll, or None if they have not voted."""
        code = _normalise_code(code)
        voter = _normalise_voter(voter_id)
        with self._read() as conn:
            self._require(conn, code)
            return conn.execute(
                select(poll_votes.c.option_id).where(
                    poll_votes.c.poll_code == code, poll_votes.c.voter_id == voter
                )
            ).scalar_one_or_none()

    def results(self, code: str) -> dict[str, int]:
        """Votes per option, every option in the poll's order, zeros included (revealed or not)."""
        code = _normalise_code(code)
        with self._read() as conn:
            self._require(conn, code)
            return self._counts(conn, code)

    def total_votes(self, code: str) -> int:
        """How many voters have a vote in the poll."""
        code = _normalise_code(code)
        with self._read() as conn:
            self._require(conn, code)
            total = conn.execute(
                select(func.count()).select_from(poll_votes).where(poll_votes.c.poll_code == code)
            ).scalar_one()
        return int(total)

    def movement(self, after_code: str) -> list[Movement]:
        """(option_id, before_count, after_count) for each option of a before-and-after pair."""
        after_code = _normalise_code(after_code)
        with self._read() as conn:
            row = self._require(conn, after_code)
            if row.before_code is None:
                raise PollError(
                    f"Poll {after_code} has no earlier round to compare with: "
                    "it was not opened as the after round of a before-and-after pair."
                )
            after = self._counts(conn, after_code)
            before = self._counts(conn, row.before_code)
        # The after round's order first; an option dropped since the first round still shows its count.
        order = list(after) + [option for option in before if option not in after]
        return [Movement(option, before.get(option, 0), after.get(option, 0)) for option in order]

    # -- internals -------------------------------------------------------------------------------------

    def _set(self, code: str, **values: bool) -> None:
        code = _normalise_code(code)
        with self._write() as conn:
            if conn.execute(update(polls).where(polls.c.code == code).values(**values)).rowcount == 0:
                raise PollNotFound(_not_found(code))

    def _require(self, conn: Connection, code: str, lock: str | None = None) -> Any:
        query = select(polls).where(polls.c.code == code)
        if lock is not None:
            # SQLite ignores FOR UPDATE / FOR SHARE; its BEGIN IMMEDIATE already serialises writers.
            query = query.with_for_update(read=lock == "share")
        row = conn.execute(query).first()
        if row is None:
            raise PollNotFound(_not_found(code))
        return row

    @staticmethod
    def _options(conn: Connection, code: str) -> list[str]:
        return list(
            conn.execute(
                select(poll_options.c.option_id)
                .where(poll_options.c.poll_code == code)
                .order_by(poll_options.c.position)
            ).scalars()
        )

    def _counts(self, conn: Connection, code: str) -> dict[str, int]:
        counts = {option: 0 for option in self._options(conn, code)}
        tallies = conn.execute(
            select(poll_votes.c.option_id, func.count())
            .where(poll_votes.c.poll_code == code)
            .group_by(poll_votes.c.option_id)
        ).all()
        for option, count in tallies:
            counts[option] = int(count)
        return counts

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        self._ensure_schema()
        with self._engine.begin() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        self._ensure_schema()
        with self._writer.begin() as conn:
            yield conn

    def _ensure_schema(self) -> None:
        if self._schema_ready:
            return
        with self._schema_lock:
            if self._schema_ready:
                return
            if self._backend == "sqlite":
                database = self._url.database
                if database and database != ":memory:" and not database.startswith("file:"):
                    Path(database).parent.mkdir(parents=True, exist_ok=True)
            # Several processes may start at once: the write lock (SQLite) or an advisory lock (PostgreSQL)
            # makes each one check for the tables only after any other has finished creating them.
            with self._writer.begin() as conn:
                if self._backend == "postgresql":
                    conn.execute(select(func.pg_advisory_xact_lock(_PG_SCHEMA_LOCK_KEY)))
                metadata.create_all(conn, checkfirst=True)
            self._schema_ready = True


def _not_found(code: str) -> str:
    return f"There is no poll with the code {code}. Check the code and try again."


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # The busy timeout comes first so that switching to WAL waits for, rather than fails on, a lock.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    _switch_to_wal(cursor)
    # In WAL mode NORMAL is crash-safe; only a power cut can lose the last few votes.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()
    # Let SQLAlchemy, not the sqlite3 module, decide when and how transactions BEGIN.
    dbapi_connection.isolation_level = None


def _switch_to_wal(cursor: Any) -> None:
    """PRAGMA journal_mode = WAL, waiting as long as the busy timeout while another process holds the lock.

    When several processes open a new database at once, SQLite can refuse the switch with "database is
    locked" at once, without calling its busy handler; so the wait is done here.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_on_begin(conn: Connection) -> None:
    # A deferred transaction that reads and then writes fails at once (no busy wait) if another process
    # wrote in between; taking the write lock up front makes writers queue on the busy timeout instead.
    if conn.get_execution_options().get(_WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")
