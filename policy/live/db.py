"""The database layer the live-session stores share: URL choice, engine, SQLite tuning, transactions, schema.

Storage is SQLAlchemy Core on SQLite (one file, the default) or PostgreSQL (so several app replicas share one
set of data). Choose with the ``url`` argument or the ``POLICY_POLL_DB`` environment variable, which holds
either a SQLAlchemy URL or a folder for ``polls.sqlite3``. A store builds its tables on its own ``MetaData``,
calls ``Database.ensure`` before first use, and does all its work inside ``read()`` or ``write()``. A column
added to a table after databases were made with it is added to them by ``ensure`` (it must be nullable or
have a server default), so an existing database keeps working.

A database that fails (PostgreSQL down, SQLite read-only or full) raises ``LiveUnavailable`` from
``ensure``, ``read`` and ``write``, with words fit for the page ("The live poll is unavailable — slides keep
working."); the cause goes to the log. ``IntegrityError`` is let through, since stores use it to detect a
race (two processes taking one code).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Insert, MetaData, Table, create_engine, event, func, inspect, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.schema import CreateColumn

from policy.i18n import _
from policy.live.errors import LiveUnavailable
from policy.paths import var_dir

__all__ = [
    "ENV_VAR",
    "SQLITE_BUSY_TIMEOUT_MS",
    "Database",
    "UnsupportedDatabase",
    "default_url",
    "unavailable_on_failure",
]

log = logging.getLogger(__name__)

ENV_VAR = "POLICY_POLL_DB"
# The name predates the other stores; kept so existing deployments find their data.
SQLITE_FILENAME = "polls.sqlite3"
SQLITE_BUSY_TIMEOUT_MS = 10_000
# Serialises table creation across processes sharing one PostgreSQL database. The value ("poll") is the
# one the single-file poll store used, so old and new processes still queue behind each other.
_PG_SCHEMA_LOCK_KEY = 0x706F6C6C
# Marks connections that will write, so SQLite takes its write lock at BEGIN (see _sqlite_on_begin).
_WRITE_OPTION = "policy_live_write"


class UnsupportedDatabase(ValueError):
    """The URL names a database other than SQLite or PostgreSQL."""

    def __init__(self, backend: str) -> None:
        super().__init__(
            _("Live-session data can be stored in SQLite or PostgreSQL, not {backend}.").format(
                backend=backend
            )
        )
        self.backend = backend


def default_url() -> str:
    """The SQLAlchemy URL chosen by POLICY_POLL_DB, or the SQLite file in the var folder (policy.paths)."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if "://" in configured:
        return configured
    directory = Path(configured).expanduser().resolve() if configured else var_dir()
    return URL.create("sqlite", database=str(directory / SQLITE_FILENAME)).render_as_string()


def _normalise_url(raw: str) -> URL:
    url = make_url(raw)
    # A bare postgresql:// would pick psycopg2, which this project does not install.
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


class Database:
    """One SQL database (SQLite file or PostgreSQL), safe for many threads and processes; connects lazily."""

    def __init__(self, url: str | None = None) -> None:
        """Prepare to use ``url``, or the database POLICY_POLL_DB names when url is None."""
        self._url = _normalise_url(url if url is not None else default_url())
        backend = self._url.get_backend_name()
        if backend not in ("sqlite", "postgresql"):
            raise UnsupportedDatabase(backend)
        self.backend = backend
        if backend == "sqlite":
            self._engine = create_engine(self._url)
            event.listen(self._engine, "connect", _sqlite_on_connect)
            event.listen(self._engine, "begin", _sqlite_on_begin)
        else:
            connect_args: dict[str, Any] = {}
            if "connect_timeout" not in self._url.query:
                connect_args["connect_timeout"] = 5
            self._engine = create_engine(self._url, pool_pre_ping=True, connect_args=connect_args)
        self._writer = self._engine.execution_options(**{_WRITE_OPTION: True})
        self._ready: set[MetaData] = set()
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
        """Close every pooled connection (the database reconnects if used again)."""
        self._engine.dispose()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A transaction for reading: committed when the block ends, rolled back if it raises."""
        with unavailable_on_failure(), self._engine.begin() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction that will write: committed when the block ends, rolled back if it raises."""
        with unavailable_on_failure(), self._writer.begin() as conn:
            yield conn

    def ensure(self, metadata: MetaData) -> None:
        """Create whichever of the metadata's tables do not exist yet, and add the columns an existing table
        lacks; free after the first call."""
        if metadata in self._ready:
            return
        with unavailable_on_failure(), self._schema_lock:
            if metadata in self._ready:
                return
            if self.backend == "sqlite":
                database = self._url.database
                if database and database != ":memory:" and not database.startswith("file:"):
                    Path(database).parent.mkdir(parents=True, exist_ok=True)
            # Several processes may start at once: the write lock (SQLite) or an advisory lock (PostgreSQL)
            # makes each one check for the tables only after any other has finished creating them.
            with self._writer.begin() as conn:
                if self.backend == "postgresql":
                    conn.execute(select(func.pg_advisory_xact_lock(_PG_SCHEMA_LOCK_KEY)))
                metadata.create_all(conn, checkfirst=True)
                _add_missing_columns(conn, metadata)
            self._ready.add(metadata)

    def upsert(self, table: Table, values: Mapping[str, Any], key: Sequence[str]) -> Insert:
        """An INSERT of one row that, when a row with the same ``key`` columns exists, updates it instead."""
        # Both dialects spell it ON CONFLICT ... DO UPDATE, but SQLAlchemy builds it per dialect.
        if self.backend == "postgresql":
            pg_stmt = postgresql.insert(table).values(**values)
            excluded = pg_stmt.excluded
            return pg_stmt.on_conflict_do_update(
                index_elements=[table.c[name] for name in key],
                set_={name: excluded[name] for name in values if name not in key},
            )
        lite_stmt = sqlite.insert(table).values(**values)
        return lite_stmt.on_conflict_do_update(
            index_elements=[table.c[name] for name in key],
            set_={name: lite_stmt.excluded[name] for name in values if name not in key},
        )


def _add_missing_columns(conn: Connection, metadata: MetaData) -> None:
    """ALTER TABLE ... ADD COLUMN for each column of the metadata that a table made before it lacks (inside
    ensure's lock, so two processes never add the same one)."""
    inspector = inspect(conn)
    preparer = conn.dialect.identifier_preparer
    for table in metadata.sorted_tables:
        have = {column["name"] for column in inspector.get_columns(table.name, schema=table.schema)}
        for column in table.columns:
            if column.name in have:
                continue
            if not column.nullable and column.server_default is None:
                raise ValueError(
                    f"{table.name}.{column.name} can be added to a table only with a server default"
                )
            ddl = CreateColumn(column).compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE {preparer.format_table(table)} ADD COLUMN {ddl}"))
            log.info("added the column %s.%s to the live-session database", table.name, column.name)


@contextmanager
def unavailable_on_failure() -> Iterator[None]:
    """Turn a failing database (SQLAlchemy, sqlite3 or OS error; not IntegrityError) into LiveUnavailable."""
    try:
        yield
    except IntegrityError:
        raise
    except (SQLAlchemyError, sqlite3.Error, OSError) as err:
        log.warning("live-session database unavailable: %s: %s", type(err).__name__, str(err)[:300])
        raise LiveUnavailable() from err


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # The busy timeout comes first so that switching to WAL waits for, rather than fails on, a lock.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    _switch_to_wal(cursor)
    # In WAL mode NORMAL is crash-safe; only a power cut can lose the last few writes.
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
