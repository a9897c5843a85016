"""Live sessions ("rooms"): the presenter's key, the slide the room is on, and the active round.

A presenter opens a room (``RoomStore.open_room``) and gets its join code and a secret presenter key. The
audience joins by the code, reads the room (``get``) and follows it: the slide, the active round and whether
its results are revealed all live in the database, so every window and every replica sees the same room.
Every control takes the key and is checked here (``NotPresenter`` without it), not only hidden in a page:

    rooms = RoomStore(PollStore())
    code, key = rooms.open_room(password=None, client="browser-token", language="es")  # phones speak it
    rooms.go_to(code, key, 3)                               # the slide
    rooms.open_poll(code, key, "Which first?", ["a", "b"])  # a poll round becomes the active round
    rooms.reveal(code, key); rooms.close(code, key); rooms.reopen(code, key); rooms.reset(code, key)
    rooms.ask_again(code, key)                              # an "after" round of the same question
    rooms.blank(code, key, True)                            # the projector shows a black screen
    rows = rooms.export(code, key)                          # every poll round's results, as rows
    rooms.end(code, key)                                    # the session ends: polls close, controls stop

Other round kinds plug in the same way: a store for them checks the key with ``check_key`` (or, inside its
own transaction on the same database, ``check``) and makes its round active with
``start_round(code, key, kind, round_code)``; ``Room.kind`` then tells the pages which round to draw.
Opening is rate-limited (``RateLimited``); a deployment may require a password (``WrongPassword``);
a failing database raises ``LiveUnavailable``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from policy import i18n
from policy.i18n import N_, _, ngettext
from policy.live import checks, presenter
from policy.live import poll_tables as poll_sql
from policy.live import room_tables as sql
from policy.live.errors import PollError
from policy.live.polls import PollStore
from policy.text import preview

__all__ = ["MAX_SLIDE", "ROUND_KINDS", "ExportRow", "Room", "RoomStore", "SessionEnded"]

ROUND_KINDS = ("poll", "statements")
MAX_SLIDE = 10_000
_CODE_ATTEMPTS = 20
_UNSET = object()


class SessionEnded(PollError):
    """The presenter ended the live session: it takes no more controls or votes."""


@dataclass(frozen=True)
class ExportRow:
    """One option of one poll round, as the results export lists it."""

    round: int  # 1 for the session's first poll, counting every "Ask again"
    poll: str  # the round's code
    before: str  # the code of the round it repeats ("" for a first round)
    question: str
    option_id: str
    option: str  # the option's label
    votes: int
    share: float  # of the round's turnout, 0..1 (0 when nobody voted)
    turnout: int  # voters in the round
    opened_at: str  # ISO 8601, UTC
    last_vote_at: str  # ISO 8601, UTC; "" when nobody voted
    is_open: bool


@dataclass(frozen=True)
class Room:
    """One live session as the room sees it (no key, no hash)."""

    code: str
    slide: int
    kind: str | None  # the active round's kind ("poll", ...), None before the first round
    round: str | None  # the active round's code in its own store
    revealed: bool
    created_at: datetime
    updated_at: datetime
    blank: bool = False  # the projector shows a black screen
    ended_at: datetime | None = None  # when the presenter ended the session
    language: str = i18n.DEFAULT  # the language the presenter runs the session in: phones follow it

    @property
    def ended(self) -> bool:
        """Whether the presenter has ended the session."""
        return self.ended_at is not None


class RoomStore:
    """Live sessions on the poll store's database; safe for many threads, processes and replicas."""

    def __init__(self, polls: PollStore | None = None, *, password: object = _UNSET) -> None:
        """Rooms on ``polls``'s database. ``password``: required to open a room (default: from the env)."""
        self.polls = polls if polls is not None else PollStore()
        self._db = self.polls.database
        self.password: str | None = (
            presenter.configured_password() if password is _UNSET else (str(password) if password else None)
        )

    @property
    def needs_password(self) -> bool:
        """Whether opening a room asks for the presenter password."""
        return self.password is not None

    # -- the room ---------------------------------------------------------------------------------------

    def open_room(
        self, *, password: str | None = None, client: str | None = None, language: str = i18n.DEFAULT
    ) -> tuple[str, str]:
        """Open a room; returns (join code, presenter key). ``client`` names the opener for the rate limit;
        ``language`` (one of the interface's) is the session's, which the audience's phones follow."""
        presenter.check_password(self.password, password)
        spoken = i18n.supported(language) if isinstance(language, str) else None
        if spoken is None:
            raise PollError(
                _("A live session speaks one of: {languages}; not {language}.").format(
                    languages=", ".join(i18n.LANGUAGES), language=repr(preview(str(language), 40))
                )
            )
        key = presenter.new_key()
        client_hash = presenter.hash_key(client) if client else None
        limits = self.polls.limits
        for _attempt in range(_CODE_ATTEMPTS):
            code = checks.new_code()
            try:
                with self._write() as conn:
                    since = datetime.now(UTC) - limits.window
                    presenter.over_limit(
                        sql.count_since(conn, since), limits.sessions, N_("live sessions"), limits
                    )
                    if client_hash is not None:
                        mine = sql.count_since(conn, since, client_hash)
                        presenter.over_limit(
                            mine, limits.sessions_per_client, N_("live sessions from here"), limits
                        )
                    if _taken(conn, code):
                        continue
                    sql.insert_room(conn, code, presenter.hash_key(key), client_hash, spoken)
                return code, key
            except IntegrityError:
                continue
        raise PollError(_("Could not find a free session code; please try again."))

    def get(self, code: str) -> Room:
        """The room with this code (RoomNotFound if none)."""
        code = checks.normalise_code(code)
        with self._read() as conn:
            return _room(sql.find(conn, code))

    def check_key(self, code: str, key: object, *, ended_ok: bool = False) -> None:
        """NotPresenter unless ``key`` is the room's presenter key; SessionEnded once the session has ended,
        unless ``ended_ok`` (the presenter's window still opens, to download the results)."""
        code = checks.normalise_code(code)
        with self._read() as conn:
            self.check(conn, code, key, ended_ok=ended_ok)

    def check(
        self, conn: Connection, code: str, key: object, lock: bool = False, *, ended_ok: bool = False
    ) -> Any:
        """Inside a transaction: the room's row if ``key`` is its presenter key; NotPresenter otherwise,
        and SessionEnded once the session has ended (unless ``ended_ok``: reading the results)."""
        row = sql.find(conn, code, lock=lock)
        presenter.check_key(row.key_hash, key, _("live session {code}").format(code=code))
        if row.ended_at is not None and not ended_ok:
            raise SessionEnded(
                _("The live session {code} has ended, so it takes no more controls.").format(code=code)
            )
        return row

    def blank(self, code: str, key: str, on: bool = True) -> None:
        """Black out the projector (``on``), or show the slide again."""
        code = checks.normalise_code(code)
        with self._write() as conn:
            self.check(conn, code, key, lock=True)
            sql.set_flags(conn, code, blank=bool(on))

    def end(self, code: str, key: str) -> None:
        """End the session: every poll it opened stops taking votes, the projector is no longer blanked,
        and no control works any more (the results can still be exported)."""
        code = checks.normalise_code(code)
        with self._write() as conn:
            row = self.check(conn, code, key, lock=True)
            poll_sql.close_with_key(conn, row.key_hash)
            sql.set_flags(conn, code, blank=False, ended=True)

    def export(self, code: str, key: str) -> list[ExportRow]:
        """The results of every poll round of the session, in the order they were opened: one row per
        option (presenter only; also after the session ended)."""
        code = checks.normalise_code(code)
        with self._read() as conn:
            row = self.check(conn, code, key, ended_ok=True)
            rounds = poll_sql.polls_by_key(conn, row.key_hash)
            rows: list[ExportRow] = []
            for number, poll in enumerate(rounds, start=1):
                labels = poll_sql.option_labels(conn, poll.code)
                tally = poll_sql.tallies(conn, poll.code)
                turnout = poll_sql.count_votes(conn, poll.code)
                last = poll_sql.last_vote_at(conn, poll.code)
                for option, votes in tally.items():
                    rows.append(
                        ExportRow(
                            round=number,
                            poll=poll.code,
                            before=poll.before_code or "",
                            question=poll.question,
                            option_id=option,
                            option=labels.get(option, option),
                            votes=votes,
                            share=round(votes / turnout, 4) if turnout else 0.0,
                            turnout=turnout,
                            opened_at=_as_utc(poll.created_at).isoformat(timespec="seconds"),
                            last_vote_at=_as_utc(last).isoformat(timespec="seconds") if last else "",
                            is_open=bool(poll.is_open),
                        )
                    )
        return rows

    def go_to(self, code: str, key: str, slide: int) -> None:
        """Move the room to slide number ``slide`` (1-based)."""
        if isinstance(slide, bool) or not isinstance(slide, int) or not 1 <= slide <= MAX_SLIDE:
            raise PollError(_("A slide number is a whole number from 1 to {limit}.").format(limit=MAX_SLIDE))
        code = checks.normalise_code(code)
        with self._write() as conn:
            self.check(conn, code, key, lock=True)
            sql.set_room(conn, code, slide=slide)

    def start_round(self, code: str, key: str, kind: str, round_code: str) -> None:
        """Make a round (of ``kind``, its code ``round_code`` in its own store) the room's active round."""
        if kind not in ROUND_KINDS:
            raise PollError(
                _("A round is one of: {kinds}; not {kind}.").format(
                    kinds=", ".join(ROUND_KINDS), kind=repr(preview(str(kind), 40))
                )
            )
        if not isinstance(round_code, str) or not round_code or len(round_code) > sql.MAX_ROUND:
            raise PollError(_("A round needs its code."))
        code = checks.normalise_code(code)
        with self._write() as conn:
            self.check(conn, code, key, lock=True)
            sql.set_room(conn, code, round_kind=kind, round_code=round_code, revealed=False)

    def reveal(self, code: str, key: str, shown: bool = True) -> None:
        """Show the active round's results to the room, or hide them again (shown=False)."""
        code = checks.normalise_code(code)
        with self._write() as conn:
            row = self.check(conn, code, key, lock=True)
            if row.round_kind is None:
                raise PollError(_("There is no round to reveal yet: open the poll first."))
            sql.set_room(conn, code, revealed=bool(shown))
            if row.round_kind == "poll":
                poll_sql.set_flags(conn, row.round_code, revealed=bool(shown))

    # -- poll rounds ------------------------------------------------------------------------------------

    def open_poll(
        self,
        code: str,
        key: str,
        question: str,
        option_ids: Sequence[str],
        labels: Mapping[str, str] | None = None,
        *,
        before: str | None = None,
    ) -> str:
        """Open a poll round in the room and make it the active round; returns the poll's code."""
        code = checks.normalise_code(code)
        with self._read() as conn:
            row = self.check(conn, code, key)
            rounds = poll_sql.polls_with_key(conn, row.key_hash)
        limits = self.polls.limits
        if rounds >= limits.rounds_per_session:
            raise PollError(
                ngettext(
                    "This session has opened {n} poll, which is the limit; open a new session to poll again.",
                    "This session has opened {n} polls, which is the limit; open a new session to poll again.",
                    rounds,
                ).format(n=rounds)
            )
        poll = self.polls.open_poll(question, option_ids, labels, key=key, before=before)
        self.start_round(code, key, "poll", poll)
        return poll

    def ask_again(self, code: str, key: str) -> str:
        """Open an "after" round of the active poll (same question and options); the room moves to it."""
        poll = self.polls.get(self._active_poll(code, key))
        return self.open_poll(code, key, poll.question, poll.option_ids, poll.labels, before=poll.code)

    def close(self, code: str, key: str) -> None:
        """Stop the active poll taking votes."""
        self.polls.close(self._active_poll(code, key), key)

    def end_round(self, code: str, key: str) -> None:
        """Leave the active round (closed if it is a poll): the room has no round until another opens."""
        code = checks.normalise_code(code)
        with self._write() as conn:
            row = self.check(conn, code, key, lock=True)
            if row.round_kind == "poll" and row.round_code:
                poll_sql.set_flags(conn, row.round_code, is_open=False)
            sql.set_room(conn, code, round_kind=None, round_code=None, revealed=False)

    def reopen(self, code: str, key: str) -> None:
        """Let the active poll take votes again."""
        self.polls.reopen(self._active_poll(code, key), key)

    def reset(self, code: str, key: str) -> int:
        """Delete every vote in the active poll; returns how many were deleted."""
        return self.polls.reset(self._active_poll(code, key), key)

    # -- internals --------------------------------------------------------------------------------------

    def _active_poll(self, code: str, key: str) -> str:
        code = checks.normalise_code(code)
        with self._read() as conn:
            row = self.check(conn, code, key)
        if row.round_kind != "poll" or not row.round_code:
            raise PollError(_("There is no poll in this session yet: open the poll first."))
        return str(row.round_code)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        self._db.ensure(poll_sql.metadata)
        self._db.ensure(sql.metadata)
        with self._db.read() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        self._db.ensure(poll_sql.metadata)
        self._db.ensure(sql.metadata)
        with self._db.write() as conn:
            yield conn


def _taken(conn: Connection, code: str) -> bool:
    try:
        sql.find(conn, code)
    except PollError:
        return False
    return True


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _room(row: Any) -> Room:
    return Room(
        code=row.code,
        slide=int(row.slide),
        kind=row.round_kind,
        round=row.round_code,
        revealed=bool(row.revealed),
        created_at=_as_utc(row.created_at),
        updated_at=_as_utc(row.updated_at),
        blank=bool(row.blank),
        ended_at=_as_utc(row.ended_at) if row.ended_at is not None else None,
        language=i18n.supported(row.language) or i18n.DEFAULT,
    )
