"""Audience polls: open a poll, take one vote per audience member, count and reveal the results.

A presenter opens a poll and shows its six-character join code; each audience member votes from their own
device, and may change their mind (a new vote replaces the old one). Results stay hidden from the audience
until the presenter reveals them. A poll may be the "after" round of a before-and-after pair, so the page can
show how opinion moved during the session. The tables and their SQL are in ``poll_tables``; where the data
lives is up to ``db``.

Every control needs the presenter key the poll was opened with (``policy.live.presenter``): ``open_poll``
takes the key that will control the new poll, and ``close``, ``reopen``, ``reveal`` and ``reset`` refuse
(``NotPresenter``) without it. An "after" round needs the key of its "before" round. Opening is
rate-limited (``RateLimited``). A failing database raises ``LiveUnavailable``. Normally the live session
(``policy.live.rooms``) calls these for the presenter.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import NamedTuple

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from policy.i18n import N_, _
from policy.live import checks, presenter
from policy.live import poll_tables as sql
from policy.live.db import Database, UnsupportedDatabase
from policy.live.errors import PollClosed, PollError
from policy.live.presenter import Limits

__all__ = ["Movement", "Poll", "PollStore"]

_CODE_ATTEMPTS = 20


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


class PollStore:
    """Polls and votes in one SQL database (SQLite file or PostgreSQL), safe for many processes."""

    def __init__(self, url: str | None = None, *, limits: Limits | None = None) -> None:
        """Connect lazily to ``url``, or to the database POLICY_POLL_DB names when url is None."""
        try:
            self._db = Database(url)
        except UnsupportedDatabase as err:
            raise PollError(
                _("Polls can be stored in SQLite or PostgreSQL, not {backend}.").format(backend=err.backend)
            ) from None
        self.limits = limits or Limits()

    @property
    def database(self) -> Database:
        """The database layer, shared with the other live-session stores (rooms, statements)."""
        return self._db

    @property
    def url(self) -> str:
        """The database URL in use, password hidden."""
        return self._db.url

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for health checks and tests."""
        return self._db.engine

    def dispose(self) -> None:
        """Close every pooled database connection (the store reconnects if used again)."""
        self._db.dispose()

    # -- polls -----------------------------------------------------------------------------------------

    def open_poll(
        self,
        question: str,
        option_ids: Sequence[str],
        labels: Mapping[str, str] | None = None,
        *,
        key: str,
        before: str | None = None,
    ) -> str:
        """Open a new poll controlled by ``key`` and return its code; ``before`` names the first round of a pair.

        The "after" round of a pair needs the key of its "before" round. RateLimited when too many polls
        were opened in the last few minutes.
        """
        text = checks.check_question(question)
        shown = checks.check_labels(labels, checks.check_options(option_ids))
        before_code = checks.normalise_code(before) if before is not None else None
        key_hash = _key_hash(key)
        for _attempt in range(_CODE_ATTEMPTS):
            code = checks.new_code()
            try:
                with self._write() as conn:
                    self.check_rate(conn)
                    if before_code is not None:
                        sql.find(conn, before_code)
                        what = _("poll {code}").format(code=before_code)
                        presenter.check_key(sql.key_hash_of(conn, before_code), key, what)
                    if sql.code_taken(conn, code):
                        continue
                    sql.insert_poll(conn, code, text, shown, before_code, key_hash)
                return code
            except IntegrityError:
                # Another process took the same code between our check and insert: draw again.
                continue
        raise PollError(_("Could not find a free poll code; please try again."))

    def get(self, code: str) -> Poll:
        """The poll with this code."""
        code = checks.normalise_code(code)
        with self._read() as conn:
            row = sql.find(conn, code)
            labels = sql.option_labels(conn, code)
        return Poll(
            code=row.code,
            question=row.question,
            option_ids=tuple(labels),
            labels=MappingProxyType(labels),
            is_open=bool(row.is_open),
            revealed=bool(row.revealed),
            created_at=_as_utc(row.created_at),
            before=row.before_code,
        )

    def check_rate(self, conn: Connection) -> None:
        """RateLimited when the polls opened in the last window reach the limit (inside a write)."""
        since = datetime.now(UTC) - self.limits.window
        presenter.over_limit(sql.polls_since(conn, since), self.limits.polls, N_("polls"), self.limits)

    def check_key(self, conn: Connection, code: str, key: object) -> None:
        """NotPresenter unless ``key`` controls the poll (inside a transaction; the code normalised)."""
        presenter.check_key(sql.key_hash_of(conn, code), key, _("poll {code}").format(code=code))

    def close(self, code: str, key: str) -> None:
        """Stop taking votes (votes already cast are kept)."""
        self._set(code, key, is_open=False)

    def reopen(self, code: str, key: str) -> None:
        """Take votes again after close()."""
        self._set(code, key, is_open=True)

    def reveal(self, code: str, key: str, shown: bool = True) -> None:
        """Show the results to the audience, or hide them again with shown=False."""
        self._set(code, key, revealed=bool(shown))

    def reset(self, code: str, key: str) -> int:
        """Delete every vote in the poll and return how many were deleted."""
        code = checks.normalise_code(code)
        with self._write() as conn:
            # The exclusive row lock makes a vote in flight land wholly before or wholly after the reset.
            sql.find(conn, code, lock="update")
            self.check_key(conn, code, key)
            return sql.delete_votes(conn, code)

    # -- votes -----------------------------------------------------------------------------------------

    def vote(self, code: str, voter_id: str, option_id: str) -> None:
        """Record this voter's choice, replacing any earlier vote of theirs in the same poll."""
        code = checks.normalise_code(code)
        voter = checks.normalise_voter(voter_id)
        with self._write() as conn:
            # A shared row lock: votes run side by side, but never across a close() or reset().
            row = sql.find(conn, code, lock="share")
            if not row.is_open:
                raise PollClosed(_("Poll {code} is closed, so it is not taking votes.").format(code=code))
            option_id = checks.check_choice(code, option_id, sql.option_ids(conn, code))
            now = datetime.now(UTC)
            values = {"poll_code": code, "voter_id": voter, "option_id": option_id, "voted_at": now}
            conn.execute(self._db.upsert(sql.poll_votes, values, key=("poll_code", "voter_id")))

    def voter_choice(self, code: str, voter_id: str) -> str | None:
        """The option this voter currently has in the poll, or None if they have not voted."""
        code = checks.normalise_code(code)
        voter = checks.normalise_voter(voter_id)
        with self._read() as conn:
            sql.find(conn, code)
            return sql.choice_of(conn, code, voter)

    def results(self, code: str) -> dict[str, int]:
        """Votes per option, every option in the poll's order, zeros included (revealed or not)."""
        code = checks.normalise_code(code)
        with self._read() as conn:
            sql.find(conn, code)
            return sql.tallies(conn, code)

    def total_votes(self, code: str) -> int:
        """How many voters have a vote in the poll."""
        code = checks.normalise_code(code)
        with self._read() as conn:
            sql.find(conn, code)
            return sql.count_votes(conn, code)

    def movement(self, after_code: str) -> list[Movement]:
        """(option_id, before_count, after_count) for each option of a before-and-after pair."""
        after_code = checks.normalise_code(after_code)
        with self._read() as conn:
            row = sql.find(conn, after_code)
            if row.before_code is None:
                raise PollError(
                    _(
                        "Poll {code} has no earlier round to compare with: "
                        "it was not opened as the after round of a before-and-after pair."
                    ).format(code=after_code)
                )
            after = sql.tallies(conn, after_code)
            before = sql.tallies(conn, row.before_code)
        # The after round's order first; an option dropped since the first round still shows its count.
        order = list(after) + [option for option in before if option not in after]
        return [Movement(option, before.get(option, 0), after.get(option, 0)) for option in order]

    # -- internals -------------------------------------------------------------------------------------

    def _set(self, code: str, key: str, **values: bool) -> None:
        code = checks.normalise_code(code)
        with self._write() as conn:
            sql.find(conn, code, lock="update")
            self.check_key(conn, code, key)
            sql.set_flags(conn, code, **values)

    # The tables are made on first use, not in __init__, so building a store never touches the disk.
    @contextmanager
    def _read(self) -> Iterator[Connection]:
        self._db.ensure(sql.metadata)
        with self._db.read() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        self._db.ensure(sql.metadata)
        with self._db.write() as conn:
            yield conn


def _key_hash(key: object) -> str:
    if not isinstance(key, str) or not key.strip() or len(key) > presenter.MAX_KEY:
        raise PollError(_("A poll needs the presenter key that will control it, and none was given."))
    return presenter.hash_key(key.strip())


def _as_utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; every stored time is UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
