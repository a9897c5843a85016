"""Checks and normalisers for what the audience and presenter type: poll codes, voter ids, questions, options."""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping, Sequence

from policy.i18n import _
from policy.live.errors import BadCode, BadOption, BadVoter, PollError
from policy.text import preview

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "MAX_LABEL",
    "MAX_OPTIONS",
    "MAX_OPTION_ID",
    "MAX_QUESTION",
    "MAX_VOTER_ID",
    "check_choice",
    "check_labels",
    "check_options",
    "check_question",
    "new_code",
    "normalise_code",
    "normalise_voter",
]

# No I, L, O, 0 or 1: a code read off a projector screen must not be mistyped.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
MAX_QUESTION = 300
MAX_OPTIONS = 50
MAX_OPTION_ID = 100
MAX_LABEL = 200
MAX_VOTER_ID = 100
SHOWN = 40  # characters of a refused value repeated in a message

# C0 control characters but tab and newline: PostgreSQL cannot store a NUL in text (SQLite can), and none of
# them belongs in a question, label or id. Refused on every backend, so both behave alike.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def _no_controls(text: str, what: str, error: type[PollError] = PollError) -> str:
    found = _CONTROL.search(text)
    if found:
        raise error(
            _("{what} holds a control character (U+{code}); remove it.").format(
                what=what, code=f"{ord(found.group()):04X}"
            )
        )
    return text


def _shown(value: str) -> str:
    return f'"{preview(value, SHOWN)}"'


def normalise_code(code: object) -> str:
    """The poll code trimmed and upper-cased; BadCode if it cannot be one."""
    if not isinstance(code, str):
        raise BadCode(_("A poll code must be text, not {type}.").format(type=type(code).__name__))
    cleaned = code.strip().upper()
    if len(cleaned) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in cleaned):
        raise BadCode(
            _(
                "{code} is not a valid poll code. A poll code is {length} characters: "
                "letters and the digits 2 to 9 (never I, L, O, 0 or 1)."
            ).format(code=_shown(cleaned), length=CODE_LENGTH)
        )
    return cleaned


def normalise_voter(voter_id: object) -> str:
    """The voter id trimmed; BadVoter if it is empty or too long."""
    if not isinstance(voter_id, str) or not voter_id.strip():
        raise BadVoter(_("A vote needs a voter id, and none was given."))
    cleaned = voter_id.strip()
    if len(cleaned) > MAX_VOTER_ID:
        raise BadVoter(
            _("The voter id is {length} characters long; the limit is {limit}.").format(
                length=len(cleaned), limit=MAX_VOTER_ID
            )
        )
    return _no_controls(cleaned, _("The voter id"), BadVoter)


def check_question(question: object) -> str:
    """The question trimmed; PollError if it is empty or too long."""
    if not isinstance(question, str) or not question.strip():
        raise PollError(_("A poll needs a question, and none was given."))
    cleaned = question.strip()
    if len(cleaned) > MAX_QUESTION:
        raise PollError(
            _("The question is {length} characters long; the limit is {limit}.").format(
                length=len(cleaned), limit=MAX_QUESTION
            )
        )
    return _no_controls(cleaned, _("The question"))


def check_options(option_ids: object) -> tuple[str, ...]:
    """The option ids as a tuple; PollError unless there are 2 to 50 distinct, non-empty, unpadded ids."""
    if isinstance(option_ids, str) or not isinstance(option_ids, Sequence):
        raise PollError(_("The options must be a list of option ids, not a single piece of text."))
    options = tuple(option_ids)
    for option in options:
        if not isinstance(option, str) or not option.strip():
            raise PollError(_("Every option needs an id, and one of them is empty."))
        if option != option.strip():
            raise PollError(
                _("The option id {option} has spaces at one end; remove them.").format(option=_shown(option))
            )
        if len(option) > MAX_OPTION_ID:
            raise PollError(
                _("The option id {option} is too long; the limit is {limit}.").format(
                    option=_shown(option), limit=MAX_OPTION_ID
                )
            )
        _no_controls(option, _("The option id {option}").format(option=_shown(option)))
    if len(options) < 2:
        raise PollError(
            _("A poll needs at least two options to choose from; it was given {n}.").format(n=len(options))
        )
    if len(options) > MAX_OPTIONS:
        raise PollError(
            _("A poll can have at most {limit} options; it was given {n}.").format(
                limit=MAX_OPTIONS, n=len(options)
            )
        )
    seen: set[str] = set()
    for option in options:
        if option in seen:
            raise PollError(
                _("Each option must be different, but {option} appears more than once.").format(
                    option=_shown(option)
                )
            )
        seen.add(option)
    return options


def check_labels(labels: Mapping[str, str] | None, options: tuple[str, ...]) -> dict[str, str]:
    """A trimmed label for every option, in option order; PollError or BadOption for a bad label."""
    given = dict(labels or {})
    for key, label in given.items():
        if key not in options:
            raise BadOption(
                _("A label was given for {option}, which is not one of the options ({choices}).").format(
                    option=_shown(str(key)), choices=_choices(options)
                )
            )
        if not isinstance(label, str) or not label.strip():
            raise PollError(
                _("The label for {option} is empty; give it some text or leave it out.").format(
                    option=_shown(key)
                )
            )
        if len(label.strip()) > MAX_LABEL:
            raise PollError(
                _("The label for {option} is too long; the limit is {limit} characters.").format(
                    option=_shown(key), limit=MAX_LABEL
                )
            )
        _no_controls(label, _("The label for {option}").format(option=_shown(key)))
    # Options without a label are shown by their id.
    return {option: given[option].strip() if option in given else option for option in options}


def check_choice(code: str, option_id: object, options: Sequence[str]) -> str:
    """The option id if it is one of the poll's options; BadOption (its value cut short) otherwise."""
    if not isinstance(option_id, str) or option_id not in options:
        shown = _shown(option_id) if isinstance(option_id, str) else repr(option_id)[:SHOWN]
        raise BadOption(
            _("{choice} is not one of the choices in poll {code}. The choices are: {choices}.").format(
                choice=shown, code=code, choices=_choices(options)
            )
        )
    return option_id


def _choices(options: Sequence[str]) -> str:
    # Every option, each cut short: an echo stays short even for fifty long ids.
    return ", ".join(preview(option, SHOWN) for option in options)


def new_code() -> str:
    """A random poll code; secrets, not random, so codes of other people's polls cannot be predicted."""
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


def poll_content_problems(
    question: str, option_ids: Sequence[str], labels: Sequence[str]
) -> list[tuple[str, int | None, str]]:
    """What the poll store would refuse in a poll built from content: (part, option index or None, message).

    ``part`` is "question", "option" or "label"; ``labels`` are in option order. ``python -m policy validate``
    reports these, so "Open the poll" never meets them.
    """
    found: list[tuple[str, int | None, str]] = []
    try:
        check_question(question)
    except PollError as err:
        found.append(("question", None, str(err)))
    try:
        check_options(list(option_ids))
    except PollError as err:
        found.append(("option", None, str(err)))
    for index, (option, label) in enumerate(zip(option_ids, labels, strict=True)):
        try:
            check_labels({option: label}, (option,))
        except PollError as err:
            found.append(("label", index, str(err)))
    return found
