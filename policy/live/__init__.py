"""Live-session features (audience polls for now) on one shared SQL database; see ``db`` for where it lives."""

from policy.live.checks import CODE_ALPHABET, CODE_LENGTH
from policy.live.db import ENV_VAR, Database, default_url
from policy.live.errors import BadCode, BadOption, BadVoter, PollClosed, PollError, PollNotFound
from policy.live.polls import Movement, Poll, PollStore

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "ENV_VAR",
    "BadCode",
    "BadOption",
    "BadVoter",
    "Database",
    "Movement",
    "Poll",
    "PollClosed",
    "PollError",
    "PollNotFound",
    "PollStore",
    "default_url",
]
