"""The live session's table and its SQL: one row per session ("room"), where the whole room reads its state.

A room is what the presenter opens and the audience joins by its code. Its row holds the slide the presenter
is on, the active round (``round_kind`` — "poll" now, other kinds such as "statements" may be added — and
``round_code``, the code of that round in its own store) and whether the round's results are revealed.
``live_room_flags`` (a table of its own, so databases made before it gain it on first use) holds whether the
projector is blanked and when the presenter ended the session; a room without a row there is neither. The
``language`` column (the session's language, which phones follow) came later: ``Database.ensure`` adds it to a
database made before it, each existing room speaking English.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    func,
    select,
    update,
)
from sqlalchemy.engine import Connection

from policy.i18n import _
from policy.live.checks import CODE_LENGTH
from policy.live.errors import RoomNotFound

__all__ = [
    "MAX_KIND",
    "MAX_ROUND",
    "count_since",
    "find",
    "insert_room",
    "metadata",
    "room_flags",
    "rooms",
    "set_flags",
    "set_room",
]

MAX_KIND = 20
MAX_ROUND = 40

metadata = MetaData()

rooms = Table(
    "live_rooms",
    metadata,
    Column("code", String(CODE_LENGTH), primary_key=True),
    Column("key_hash", String(64), nullable=False),  # SHA-256 of the presenter key, never the key
    Column("client_hash", String(64), nullable=True),  # who opened it, hashed, for the rate limit
    Column("slide", Integer, nullable=False),
    Column("round_kind", String(MAX_KIND), nullable=True),  # "poll", or another round kind
    Column("round_code", String(MAX_ROUND), nullable=True),
    Column("revealed", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # The session's interface language ("en", "es"), which phones follow. A server default, so that the column
    # can be added to a table made before it (Database.ensure) and an older process's rooms get English.
    Column("language", String(8), nullable=False, default="en", server_default="en"),
)

room_flags = Table(
    "live_room_flags",
    metadata,
    Column("code", String(CODE_LENGTH), ForeignKey("live_rooms.code"), primary_key=True),
    Column("blank", Boolean, nullable=False),  # the projector shows a black screen
    Column("ended_at", DateTime(timezone=True), nullable=True),  # the presenter ended the session
)


def find(conn: Connection, code: str, lock: bool = False) -> Any:
    """The room's row with its flags (``blank``, ``ended_at``; None without a flags row); RoomNotFound if
    there is none. ``lock`` takes a row lock (PostgreSQL) on the room's row for an update."""
    joined = rooms.outerjoin(room_flags, room_flags.c.code == rooms.c.code)
    query = select(rooms, room_flags.c.blank, room_flags.c.ended_at).select_from(joined)
    query = query.where(rooms.c.code == code)
    if lock:
        query = query.with_for_update(of=rooms)
    row = conn.execute(query).first()
    if row is None:
        raise RoomNotFound(
            _(
                "There is no live session with the code {code}. Check the code on the screen and try again."
            ).format(code=code)
        )
    return row


def insert_room(
    conn: Connection, code: str, key_hash: str, client_hash: str | None, language: str = "en"
) -> None:
    """Store a new room on slide 1 with no round, speaking ``language``."""
    now = datetime.now(UTC)
    conn.execute(
        rooms.insert().values(
            code=code,
            key_hash=key_hash,
            client_hash=client_hash,
            slide=1,
            round_kind=None,
            round_code=None,
            revealed=False,
            created_at=now,
            updated_at=now,
            language=language,
        )
    )


def set_room(conn: Connection, code: str, **values: object) -> None:
    """Update the room's columns (and its updated_at)."""
    conn.execute(update(rooms).where(rooms.c.code == code).values(updated_at=datetime.now(UTC), **values))


def count_since(conn: Connection, since: datetime, client_hash: str | None = None) -> int:
    """Rooms opened at or after ``since`` (by one client when ``client_hash`` is given)."""
    query = select(func.count()).select_from(rooms).where(rooms.c.created_at >= since)
    if client_hash is not None:
        query = query.where(rooms.c.client_hash == client_hash)
    return int(conn.execute(query).scalar_one())


def set_flags(conn: Connection, code: str, *, blank: bool | None = None, ended: bool = False) -> None:
    """Set the room's blank flag and/or mark it ended now (a flags row is made on first use)."""
    row = conn.execute(select(room_flags).where(room_flags.c.code == code)).first()
    values: dict[str, object] = {}
    if blank is not None:
        values["blank"] = bool(blank)
    if ended:
        values["ended_at"] = datetime.now(UTC)
    if row is None:
        conn.execute(room_flags.insert().values(code=code, blank=False, ended_at=None))
    conn.execute(update(room_flags).where(room_flags.c.code == code).values(**values))
    set_room(conn, code)
