"""Errors the live-session stores raise; every message is fit to show the person who made the request.

``PollError`` is the base of them all (``LiveError`` is another name for it), so a page that catches it
shows the message and carries on. ``LiveUnavailable`` means the database failed (down, read-only, full):
the page should say so in those words and keep everything that does not need the database working.
"""

from __future__ import annotations

from policy.i18n import N_, _

__all__ = [
    "UNAVAILABLE",
    "BadCode",
    "BadOption",
    "BadVoter",
    "LiveError",
    "LiveUnavailable",
    "NotPresenter",
    "PollClosed",
    "PollError",
    "PollNotFound",
    "RateLimited",
    "RoomNotFound",
    "WrongPassword",
]

# Translated where it is shown (_(UNAVAILABLE)): the language is known only when a page is drawn.
UNAVAILABLE = N_("The live poll is unavailable — slides keep working.")


class PollError(ValueError):
    """A request the live-session stores refused; the message is fit to show the person who made it."""


LiveError = PollError


class PollNotFound(PollError):
    """No poll has this code."""


class RoomNotFound(PollError):
    """No live session has this code."""


class PollClosed(PollError):
    """The poll is closed to votes."""


class BadCode(PollError):
    """The text is not shaped like a poll code."""


class BadOption(PollError):
    """The option is not one of the poll's options."""


class BadVoter(PollError):
    """The voter id is empty or too long."""


class NotPresenter(PollError):
    """A control was asked for without the presenter's key, or with a wrong one."""


class WrongPassword(PollError):
    """The deployment requires a presenter password to open a session, and it was missing or wrong."""


class RateLimited(PollError):
    """Too many sessions or polls were opened recently; try again later."""


class LiveUnavailable(PollError):
    """The database could not be used (down, read-only, full); nothing was changed."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(_(UNAVAILABLE) if message is None else message)
