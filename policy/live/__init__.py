"""Live-session features on one shared SQL database; see ``db`` for where it lives.

``rooms.RoomStore`` is the live session (presenter key, slide, active round); ``polls.PollStore`` the audience
polls; ``presenter`` the key, password and rate limits; ``errors`` what they raise.
"""

from policy.live.checks import CODE_ALPHABET, CODE_LENGTH
from policy.live.db import ENV_VAR, Database, default_url
from policy.live.errors import (
    UNAVAILABLE,
    BadCode,
    BadOption,
    BadVoter,
    LiveError,
    LiveUnavailable,
    NotPresenter,
    PollClosed,
    PollError,
    PollNotFound,
    RateLimited,
    RoomNotFound,
    WrongPassword,
)
from policy.live.polls import Movement, Poll, PollStore
from policy.live.presenter import Limits
from policy.live.rooms import ROUND_KINDS, ExportRow, Room, RoomStore, SessionEnded

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "ENV_VAR",
    "ROUND_KINDS",
    "UNAVAILABLE",
    "BadCode",
    "BadOption",
    "BadVoter",
    "Database",
    "ExportRow",
    "Limits",
    "LiveError",
    "LiveUnavailable",
    "Movement",
    "NotPresenter",
    "Poll",
    "PollClosed",
    "PollError",
    "PollNotFound",
    "PollStore",
    "RateLimited",
    "Room",
    "RoomNotFound",
    "RoomStore",
    "SessionEnded",
    "WrongPassword",
    "default_url",
]
