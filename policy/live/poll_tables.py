"""The poll tables, and the SQL statements over them, each run on a connection the caller's transaction owns."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.engine import Connection

from policy.i18n import _
from policy.live.checks import CODE_LENGTH, MAX_LABEL, MAX_OPTION_ID, MAX_QUESTION, MAX_VOTER_ID
from policy.live.errors import PollNotFound

__all__ = [
    "choice_of",
    "close_with_key",
    "code_taken",
    "count_votes",
    "delete_votes",
    "find",
    "insert_poll",
    "metadata",
    "option_ids",
    "option_labels",
    "key_hash_of",
    "last_vote_at",
    "poll_keys",
    "poll_options",
    "poll_votes",
    "polls_by_key",
    "polls_since",
    "polls_with_key",
    "polls",
    "set_flags",
    "tallies",
]

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


# The SHA-256 of the presenter key that controls each poll (policy.live.presenter); a table of its own, so
# databases made before keys existed gain it on first use and their polls stay readable (but uncontrolled).
poll_keys = Table(
    "poll_keys",
    metadata,
    Column("poll_code", String(CODE_LENGTH), ForeignKey("polls.code"), primary_key=True),
    Column("key_hash", String(64), nullable=False),
)


def key_hash_of(conn: Connection, code: str) -> str:
    """The stored hash of the key that controls the poll ('' when the poll has none: nobody controls it)."""
    found = conn.execute(select(poll_keys.c.key_hash).where(poll_keys.c.poll_code == code)).scalar()
    return str(found) if found else ""


def polls_since(conn: Connection, since: datetime) -> int:
    """How many polls were opened at or after ``since``."""
    return int(
        conn.execute(select(func.count()).select_from(polls).where(polls.c.created_at >= since)).scalar_one()
    )


def find(conn: Connection, code: str, lock: str | None = None) -> Any:
    """The poll's row; PollNotFound if there is none. ``lock`` is None, "share" or "update"."""
    query = select(polls).where(polls.c.code == code)
    if lock is not None:
        # SQLite ignores FOR UPDATE / FOR SHARE; its BEGIN IMMEDIATE already serialises writers.
        query = query.with_for_update(read=lock == "share")
    row = conn.execute(query).first()
    if row is None:
        raise PollNotFound(_not_found(code))
    return row


def code_taken(conn: Connection, code: str) -> bool:
    """Whether a poll already has this code."""
    return conn.execute(select(polls.c.code).where(polls.c.code == code)).first() is not None


def insert_poll(
    conn: Connection,
    code: str,
    question: str,
    labels: Mapping[str, str],
    before_code: str | None,
    key_hash: str,
) -> None:
    """Store a new open, unrevealed poll controlled by the key with ``key_hash``; ``labels`` in display order."""
    conn.execute(
        polls.insert().values(
            code=code,
            question=question,
            is_open=True,
            revealed=False,
            created_at=datetime.now(UTC),
            before_code=before_code,
        )
    )
    conn.execute(
        poll_options.insert(),
        [
            {"poll_code": code, "option_id": option, "position": i, "label": label}
            for i, (option, label) in enumerate(labels.items())
        ],
    )
    conn.execute(poll_keys.insert().values(poll_code=code, key_hash=key_hash))


def set_flags(conn: Connection, code: str, **values: bool) -> None:
    """Set is_open and/or revealed; PollNotFound if there is no such poll."""
    if conn.execute(update(polls).where(polls.c.code == code).values(**values)).rowcount == 0:
        raise PollNotFound(_not_found(code))


def option_ids(conn: Connection, code: str) -> list[str]:
    """The poll's option ids in display order."""
    return list(
        conn.execute(
            select(poll_options.c.option_id)
            .where(poll_options.c.poll_code == code)
            .order_by(poll_options.c.position)
        ).scalars()
    )


def option_labels(conn: Connection, code: str) -> dict[str, str]:
    """Option id to label, in display order."""
    rows = conn.execute(
        select(poll_options.c.option_id, poll_options.c.label)
        .where(poll_options.c.poll_code == code)
        .order_by(poll_options.c.position)
    ).all()
    return {option: label for option, label in rows}


def tallies(conn: Connection, code: str) -> dict[str, int]:
    """Votes per option, every option in display order, zeros included."""
    counts = dict.fromkeys(option_ids(conn, code), 0)
    rows = conn.execute(
        select(poll_votes.c.option_id, func.count())
        .where(poll_votes.c.poll_code == code)
        .group_by(poll_votes.c.option_id)
    ).all()
    for option, count in rows:
        counts[option] = int(count)
    return counts


def count_votes(conn: Connection, code: str) -> int:
    """How many voters have a vote in the poll."""
    total = conn.execute(
        select(func.count()).select_from(poll_votes).where(poll_votes.c.poll_code == code)
    ).scalar_one()
    return int(total)


def choice_of(conn: Connection, code: str, voter: str) -> str | None:
    """The option this voter has in the poll, or None."""
    return conn.execute(
        select(poll_votes.c.option_id).where(poll_votes.c.poll_code == code, poll_votes.c.voter_id == voter)
    ).scalar_one_or_none()


def delete_votes(conn: Connection, code: str) -> int:
    """Delete every vote in the poll; returns how many there were."""
    return conn.execute(delete(poll_votes).where(poll_votes.c.poll_code == code)).rowcount


def _not_found(code: str) -> str:
    return _("There is no poll with the code {code}. Check the code and try again.").format(code=code)


def polls_with_key(conn: Connection, key_hash: str) -> int:
    """How many polls the key with this hash controls (the polls of one live session)."""
    query = select(func.count()).select_from(poll_keys).where(poll_keys.c.key_hash == key_hash)
    return int(conn.execute(query).scalar_one())


def polls_by_key(conn: Connection, key_hash: str) -> list[Any]:
    """The rows of the polls the key with this hash controls (one live session's rounds), oldest first."""
    query = (
        select(polls)
        .join(poll_keys, poll_keys.c.poll_code == polls.c.code)
        .where(poll_keys.c.key_hash == key_hash)
        .order_by(polls.c.created_at, polls.c.code)
    )
    return list(conn.execute(query).all())


def close_with_key(conn: Connection, key_hash: str) -> None:
    """Close every poll the key with this hash controls."""
    codes = select(poll_keys.c.poll_code).where(poll_keys.c.key_hash == key_hash)
    conn.execute(update(polls).where(polls.c.code.in_(codes)).values(is_open=False))


def last_vote_at(conn: Connection, code: str) -> datetime | None:
    """When the poll's latest vote was cast (None if nobody voted)."""
    found = conn.execute(select(func.max(poll_votes.c.voted_at)).where(poll_votes.c.poll_code == code))
    return found.scalar()
