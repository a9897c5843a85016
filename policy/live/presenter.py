"""The presenter's secret key, the deployment's optional presenter password, and the limits on opening.

Opening a live session gives the presenter a key (``new_key``): a random token held in the presenter's own
browser and link, never on the projector or in the join link. Only its SHA-256 hash is stored
(``hash_key``); every control checks a key against the stored hash with ``check_key`` (constant time).
A deployment may also require a password to open a session (``POLICY_PRESENTER_PASSWORD`` or the
caller's setting), checked by ``check_password``. ``Limits`` caps how many sessions and polls may be
opened in a time window, counted in the database so that every replica shares the count.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import timedelta

from policy.i18n import _
from policy.live.errors import NotPresenter, RateLimited, WrongPassword

__all__ = [
    "KEY_BYTES",
    "MAX_KEY",
    "PASSWORD_ENV",
    "Limits",
    "check_key",
    "check_password",
    "configured_password",
    "hash_key",
    "new_key",
    "over_limit",
]

PASSWORD_ENV = "POLICY_PRESENTER_PASSWORD"
KEY_BYTES = 24  # 192 random bits: cannot be guessed, so a plain hash is enough to store it
MAX_KEY = 100
HASH_LENGTH = 64  # hex SHA-256


def new_key() -> str:
    """A new presenter key: URL-safe text, 32 characters."""
    return secrets.token_urlsafe(KEY_BYTES)


def hash_key(key: str) -> str:
    """The key's SHA-256 as hex: what the database stores instead of the key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def check_key(stored_hash: str, key: object, what: str) -> None:
    """Pass if ``key`` is the presenter key whose hash is stored; NotPresenter otherwise (``what`` is named)."""
    if not isinstance(key, str) or not key.strip():
        raise NotPresenter(
            _(
                "Only the presenter can control {what}: this needs the presenter key, and none was given."
            ).format(what=what)
        )
    if len(key) > MAX_KEY or not hmac.compare_digest(hash_key(key.strip()), stored_hash):
        raise NotPresenter(
            _("Only the presenter can control {what}: the presenter key given is not its key.").format(
                what=what
            )
        )


def configured_password() -> str | None:
    """The presenter password the environment sets (POLICY_PRESENTER_PASSWORD), or None."""
    value = os.environ.get(PASSWORD_ENV, "")
    return value if value.strip() else None


def check_password(required: str | None, given: object) -> None:
    """Pass when no password is required or ``given`` matches it; WrongPassword otherwise."""
    if required is None:
        return
    if not isinstance(given, str) or not given:
        raise WrongPassword(_("Opening a live session here needs the presenter password."))
    if not hmac.compare_digest(given.encode("utf-8"), required.encode("utf-8")):
        raise WrongPassword(_("That presenter password is not right; nothing was opened."))


@dataclass(frozen=True)
class Limits:
    """How many sessions and polls may be opened per window, over every replica and per client."""

    window: timedelta = timedelta(minutes=10)
    sessions: int = 30  # live sessions opened by everyone in one window
    sessions_per_client: int = 5  # by one client (a browser or address the caller names)
    polls: int = 120  # polls opened by everyone in one window
    rounds_per_session: int = 40  # polls (with "Ask again") in one live session, ever

    @property
    def minutes(self) -> int:
        return max(1, round(self.window.total_seconds() / 60))


def over_limit(count: int, limit: int, what: str, limits: Limits) -> None:
    """RateLimited with a message naming the limit when ``count`` has reached it (``what``: a plural noun
    marked with N_, translated here)."""
    if count >= limit:
        raise RateLimited(
            _(
                "{limit} {what} were opened in the last {minutes} minutes, which is the limit; "
                "wait a few minutes and try again."
            ).format(limit=limit, what=_(what), minutes=limits.minutes)
        )
