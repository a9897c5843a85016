"""Statement rounds: the room answers agree, disagree or pass to a set of statements, one at a time.

The presenter opens a round with a list of statements (``policy.statements``) and their presenter key
(``policy.live.presenter``); the round gets a code like a poll's. Each voter answers each statement once
(answering again replaces the answer). The statements are stored with the round, so every phone and every
replica shows the same words even if the content changes mid-session. The round's answers come back as the
vote matrix ``policy.live.groups`` reads. A round may be the "after" round of a before-and-after pair, opened
with the key of its "before" round, so the presenter can show how the room moved.

Every control (close, reopen, what the screen shows, the after round) needs the key; opening is rate-limited with the polls'
limits; a failing database raises ``LiveUnavailable`` (from ``db``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, cast, get_args

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    func,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from policy.i18n import N_, _, ngettext
from policy.live import checks, presenter
from policy.live.db import Database, UnsupportedDatabase
from policy.live.errors import BadOption, PollClosed, PollError, PollNotFound
from policy.live.groups import AGREE, DISAGREE, PASS, Shift, Votes, movement
from policy.live.presenter import Limits
from policy.statements import MAX_COUNT, Kind, Side, Statement

__all__ = [
    "ANSWERS",
    "KIND",
    "VIEWS",
    "Answer",
    "StatementRound",
    "StatementStore",
    "metadata",
]

Answer = Literal["agree", "disagree", "pass"]
ANSWERS: tuple[Answer, ...] = get_args(Answer)
_VALUE: dict[Answer, int] = {"agree": AGREE, "disagree": DISAGREE, "pass": PASS}
_ANSWER: dict[int, Answer] = {value: answer for answer, value in _VALUE.items()}
MIN_STATEMENTS = 2
MAX_TEXT = 1000
MAX_CITED = 4000
_CODE_ATTEMPTS = 20
KIND = "statements"  # the round kind a live session (room) names for a statement round
# What the room's screen can show of a round's results: agreement and division, opinion groups, movement.
VIEWS = ("agreement", "groups", "movement")

metadata = MetaData()

rounds = Table(
    "statement_rounds",
    metadata,
    Column("code", String(checks.CODE_LENGTH), primary_key=True),
    Column("key_hash", String(64), nullable=False),  # SHA-256 of the presenter key, never the key
    Column("is_open", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("before_code", String(checks.CODE_LENGTH), ForeignKey("statement_rounds.code"), nullable=True),
    # What the room's screen shows of the results (one of VIEWS), chosen by the presenter.
    Column("shown", String(20), nullable=False, server_default=VIEWS[0]),
)

round_statements = Table(
    "statement_round_items",
    metadata,
    Column("round_code", String(checks.CODE_LENGTH), ForeignKey("statement_rounds.code"), primary_key=True),
    Column("statement_id", String(checks.MAX_OPTION_ID), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("text", String(MAX_TEXT), nullable=False),
    Column("cited", String(MAX_CITED), nullable=False),
    Column("quotes", String(MAX_CITED), nullable=False),  # quote ids, space-separated
    Column("bears_on", String(checks.MAX_OPTION_ID), nullable=False),
    Column("side", String(10), nullable=False),
    Column("kind", String(10), nullable=False),
)

answers = Table(
    "statement_answers",
    metadata,
    Column("round_code", String(checks.CODE_LENGTH), primary_key=True),
    Column("statement_id", String(checks.MAX_OPTION_ID), primary_key=True),
    Column("voter_id", String(checks.MAX_VOTER_ID), primary_key=True),
    Column("answer", SmallInteger, nullable=False),  # +1 agree, -1 disagree, 0 pass
    Column("answered_at", DateTime(timezone=True), nullable=False),
    # The database itself refuses an answer to a statement the round does not hold.
    ForeignKeyConstraint(
        ["round_code", "statement_id"],
        [round_statements.c.round_code, round_statements.c.statement_id],
        ondelete="CASCADE",
    ),
)


@dataclass(frozen=True)
class StatementRound:
    """One statement round as stored."""

    code: str
    statements: tuple[Statement, ...]
    is_open: bool
    created_at: datetime
    before: str | None
    shown: str = VIEWS[0]  # what the room's screen shows (one of VIEWS)

    @property
    def statement_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.statements)

    def statement(self, statement_id: str) -> Statement:
        """The round's statement with this id (KeyError if none)."""
        for s in self.statements:
            if s.id == statement_id:
                return s
        raise KeyError(statement_id)


class StatementStore:
    """Statement rounds and answers on the live-session database (SQLite file or PostgreSQL)."""

    def __init__(
        self, url: str | None = None, *, database: Database | None = None, limits: Limits | None = None
    ) -> None:
        """Use ``database`` (shared with the poll store), else connect lazily to ``url`` or POLICY_POLL_DB."""
        if database is not None:
            self._db = database
        else:
            try:
                self._db = Database(url)
            except UnsupportedDatabase as err:
                raise PollError(
                    _("Statement rounds can be stored in SQLite or PostgreSQL, not {backend}.").format(
                        backend=err.backend
                    )
                ) from None
        self.limits = limits or Limits()

    @property
    def database(self) -> Database:
        return self._db

    def dispose(self) -> None:
        """Close every pooled database connection (the store reconnects if used again)."""
        self._db.dispose()

    # -- the presenter -------------------------------------------------------------------------------

    def open_round(self, statements: Sequence[Statement], *, key: str, before: str | None = None) -> str:
        """Open a round of these statements controlled by ``key``; returns its code. An "after" round
        (``before`` names the first round) needs the first round's key; RateLimited when too many rounds were
        opened in the last few minutes, PollError when one key has opened its limit of rounds."""
        items = _check_statements(statements)
        key_hash = _key_hash(key)
        before_code = checks.normalise_code(before) if before is not None else None
        for _attempt in range(_CODE_ATTEMPTS):
            code = checks.new_code()
            try:
                with self._write() as conn:
                    since = datetime.now(UTC) - self.limits.window
                    opened = conn.execute(
                        select(func.count()).select_from(rounds).where(rounds.c.created_at >= since)
                    ).scalar_one()
                    presenter.over_limit(int(opened), self.limits.polls, N_("statement rounds"), self.limits)
                    mine = conn.execute(
                        select(func.count()).select_from(rounds).where(rounds.c.key_hash == key_hash)
                    ).scalar_one()
                    if int(mine) >= self.limits.rounds_per_session:
                        raise PollError(
                            ngettext(
                                "This presenter has opened {n} statement round, which is the limit; "
                                "open a new session to ask again.",
                                "This presenter has opened {n} statement rounds, which is the limit; "
                                "open a new session to ask again.",
                                int(mine),
                            ).format(n=int(mine))
                        )
                    if before_code is not None:
                        first = _find(conn, before_code)
                        what = _("statement round {code}").format(code=before_code)
                        presenter.check_key(first.key_hash, key, what)
                    if conn.execute(select(rounds.c.code).where(rounds.c.code == code)).first():
                        continue
                    conn.execute(
                        rounds.insert().values(
                            code=code,
                            key_hash=key_hash,
                            is_open=True,
                            created_at=datetime.now(UTC),
                            before_code=before_code,
                            shown=VIEWS[2] if before_code else VIEWS[0],
                        )
                    )
                    conn.execute(
                        round_statements.insert(),
                        [
                            {
                                "round_code": code,
                                "statement_id": s.id,
                                "position": i,
                                "text": s.text,
                                "cited": s.cited,
                                "quotes": " ".join(s.quotes),
                                "bears_on": s.position,
                                "side": s.side,
                                "kind": s.kind,
                            }
                            for i, s in enumerate(items)
                        ],
                    )
                return code
            except IntegrityError:
                continue  # another process took the same code between our check and insert: draw again
        raise PollError(_("Could not find a free round code; please try again."))

    def close(self, code: str, key: str) -> None:
        """Stop taking answers (answers already given are kept)."""
        self._set_open(code, key, False)

    def reopen(self, code: str, key: str) -> None:
        """Take answers again after close()."""
        self._set_open(code, key, True)

    def show(self, code: str, key: str, view: str) -> None:
        """Choose what the room's screen shows of the results: "agreement", "groups" or "movement"."""
        if view not in VIEWS:
            raise PollError(
                _("The screen shows one of: {views}; not {view}.").format(
                    views=", ".join(VIEWS), view=repr(str(view)[: checks.SHOWN])
                )
            )
        code = checks.normalise_code(code)
        with self._write() as conn:
            row = _find(conn, code, lock="update")
            presenter.check_key(row.key_hash, key, _("statement round {code}").format(code=code))
            conn.execute(update(rounds).where(rounds.c.code == code).values(shown=view))

    def check_key(self, code: str, key: object) -> None:
        """NotPresenter unless ``key`` controls the round."""
        code = checks.normalise_code(code)
        with self._read() as conn:
            presenter.check_key(
                _find(conn, code).key_hash, key, _("statement round {code}").format(code=code)
            )

    # -- reading ---------------------------------------------------------------------------------------

    def get(self, code: str) -> StatementRound:
        """The round with this code, its statements in order."""
        code = checks.normalise_code(code)
        with self._read() as conn:
            row = _find(conn, code)
            items = conn.execute(
                select(round_statements)
                .where(round_statements.c.round_code == code)
                .order_by(round_statements.c.position)
            ).all()
        return StatementRound(
            code=row.code,
            statements=tuple(
                Statement(
                    id=r.statement_id,
                    text=r.text,
                    cited=r.cited,
                    quotes=tuple(r.quotes.split()),
                    position=r.bears_on,
                    side=cast(Side, r.side),
                    kind=cast(Kind, r.kind),
                )
                for r in items
            ),
            is_open=bool(row.is_open),
            created_at=_as_utc(row.created_at),
            before=row.before_code,
            shown=row.shown if row.shown in VIEWS else VIEWS[0],
        )

    # -- the audience ----------------------------------------------------------------------------------

    def answer(self, code: str, voter_id: str, statement_id: str, answer: str) -> None:
        """Record this voter's answer to one statement, replacing any earlier answer of theirs to it."""
        code = checks.normalise_code(code)
        voter = checks.normalise_voter(voter_id)
        if answer not in ANSWERS:
            raise BadOption(
                _("An answer is agree, disagree or pass, not {answer}.").format(
                    answer=repr(str(answer)[: checks.SHOWN])
                )
            )
        with self._write() as conn:
            # A shared row lock: answers run side by side, but never across a close().
            row = _find(conn, code, lock="share")
            if not row.is_open:
                raise PollClosed(
                    _("Statement round {code} is closed, so it is not taking answers.").format(code=code)
                )
            held = conn.execute(
                select(round_statements.c.statement_id).where(
                    round_statements.c.round_code == code, round_statements.c.statement_id == statement_id
                )
            ).first()
            if held is None:
                raise BadOption(
                    _("Statement round {code} has no statement {statement}.").format(
                        code=code, statement=repr(str(statement_id)[: checks.SHOWN])
                    )
                )
            values = {
                "round_code": code,
                "statement_id": statement_id,
                "voter_id": voter,
                "answer": _VALUE[answer],
                "answered_at": datetime.now(UTC),
            }
            conn.execute(self._db.upsert(answers, values, key=("round_code", "statement_id", "voter_id")))

    def answers_of(self, code: str, voter_id: str) -> dict[str, Answer]:
        """This voter's answers in the round: statement id to "agree", "disagree" or "pass"."""
        code = checks.normalise_code(code)
        voter = checks.normalise_voter(voter_id)
        with self._read() as conn:
            _find(conn, code)
            rows = conn.execute(
                select(answers.c.statement_id, answers.c.answer).where(
                    answers.c.round_code == code, answers.c.voter_id == voter
                )
            ).all()
        return {statement: _ANSWER[int(value)] for statement, value in rows}

    def votes(self, code: str) -> Votes:
        """The round's vote matrix: one row per voter with an answer (a fixed order, so refreshes differ only by
        the new answers), one column per statement in the round's order."""
        code = checks.normalise_code(code)
        with self._read() as conn:
            _find(conn, code)
            ids = list(
                conn.execute(
                    select(round_statements.c.statement_id)
                    .where(round_statements.c.round_code == code)
                    .order_by(round_statements.c.position)
                ).scalars()
            )
            rows = conn.execute(
                select(answers.c.voter_id, answers.c.statement_id, answers.c.answer)
                .where(answers.c.round_code == code)
                .order_by(answers.c.voter_id)
            ).all()
        by_voter: dict[str, dict[str, int]] = {}
        for voter, statement, value in rows:
            by_voter.setdefault(voter, {})[statement] = int(value)
        return Votes.from_answers(by_voter, ids, tuple(by_voter))

    def movement(self, after_code: str) -> tuple[Shift, ...]:
        """How answers moved from the before round to this after round, per statement both asked."""
        after = self.get(after_code)
        if after.before is None:
            raise PollError(
                _(
                    "Statement round {code} has no earlier round to compare with: "
                    "it was not opened as the after round of a before-and-after pair."
                ).format(code=after.code)
            )
        return movement(self.votes(after.before), self.votes(after.code))

    # -- internals -------------------------------------------------------------------------------------

    def _set_open(self, code: str, key: str, is_open: bool) -> None:
        code = checks.normalise_code(code)
        with self._write() as conn:
            row = _find(conn, code, lock="update")
            presenter.check_key(row.key_hash, key, f"statement round {code}")
            conn.execute(update(rounds).where(rounds.c.code == code).values(is_open=is_open))

    # The tables are made on first use, not in __init__, so building a store never touches the disk.
    @contextmanager
    def _read(self) -> Iterator[Connection]:
        self._db.ensure(metadata)
        with self._db.read() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        self._db.ensure(metadata)
        with self._db.write() as conn:
            yield conn


def _find(conn: Connection, code: str, lock: str | None = None) -> Any:
    """The round's row; PollNotFound if there is none. ``lock`` is None, "share" or "update"."""
    query = select(rounds).where(rounds.c.code == code)
    if lock is not None:
        # SQLite ignores FOR UPDATE / FOR SHARE; its BEGIN IMMEDIATE already serialises writers.
        query = query.with_for_update(read=lock == "share")
    row = conn.execute(query).first()
    if row is None:
        raise PollNotFound(
            _("There is no statement round with the code {code}. Check the code and try again.").format(
                code=code
            )
        )
    return row


def _check_statements(statements: Sequence[Statement]) -> list[Statement]:
    items = list(statements)
    if not MIN_STATEMENTS <= len(items) <= MAX_COUNT:
        raise PollError(
            _("A statement round holds {low} to {high} statements; it was given {n}.").format(
                low=MIN_STATEMENTS, high=MAX_COUNT, n=len(items)
            )
        )
    seen: set[str] = set()
    for s in items:
        if not s.id or len(s.id) > checks.MAX_OPTION_ID or s.id in seen:
            raise PollError(
                _("Each statement needs its own short id; {statement} is not one.").format(
                    statement=repr(s.id[: checks.SHOWN])
                )
            )
        if not s.text.strip() or len(s.text) > MAX_TEXT or len(s.cited) > MAX_CITED:
            raise PollError(
                _("Statement {statement} is empty or too long for a round.").format(statement=repr(s.id))
            )
        seen.add(s.id)
    return items


def _key_hash(key: object) -> str:
    if not isinstance(key, str) or not key.strip() or len(key) > presenter.MAX_KEY:
        raise PollError(
            _("A statement round needs the presenter key that will control it, and none was given.")
        )
    return presenter.hash_key(key.strip())


def _as_utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; every stored time is UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
