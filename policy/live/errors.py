"""Errors the poll store raises; every message is fit to show the person who made the request."""

from __future__ import annotations

__all__ = ["BadCode", "BadOption", "BadVoter", "PollClosed", "PollError", "PollNotFound"]


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
