"""The interface's languages: gettext catalogs managed with Babel, and numbers and dates in the reader's language.

Interface words are English message ids marked with ``_()`` (``ngettext`` for plurals, ``N_`` where a text is
defined before a language is known and translated where it is shown). `make messages` extracts them into
``policy/locale/messages.pot`` and updates each language's ``policy/locale/<lang>/LC_MESSAGES/messages.po``;
a catalog is compiled in memory the first time its language is used, so nothing compiled is kept in the repo.

The language is per run (a ContextVar): the router sets it from the reader's choice, and everything drawn in
that run, domain messages included, speaks it. English needs no catalog.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date as Date
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

LANGUAGES = ("en", "es")  # the default first
DEFAULT = LANGUAGES[0]
NAMES = {"en": "English", "es": "Español"}  # each in its own language
LOCALES = {"en": "en_US", "es": "es_MX"}  # Babel's locale for numbers and dates
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"

_language: ContextVar[str] = ContextVar("language", default=DEFAULT)


def supported(language: str | None) -> str | None:
    """The interface language a code asks for ("es", "es-MX", "ES_mx" -> "es"), or None."""
    if not language:
        return None
    code = language.replace("_", "-").split("-", 1)[0].lower()
    return code if code in LANGUAGES else None


def current() -> str:
    """The language of this run."""
    return _language.get()


def set_language(language: str) -> None:
    """Make `language` this run's (an unknown one gives the default)."""
    _language.set(supported(language) or DEFAULT)


@contextmanager
def use(language: str) -> Iterator[None]:
    """Speak `language` inside the block (a memo built for a reader, a CLI export)."""
    token = _language.set(supported(language) or DEFAULT)
    try:
        yield
    finally:
        _language.reset(token)


def has_catalog(language: str) -> bool:
    """Whether the interface has a catalog for this language (English needs none)."""
    return language == DEFAULT or (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()


@cache
def catalog(language: str) -> gettext.NullTranslations:
    """The language's compiled catalog (English, or a language without a .po file: the messages as written)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == DEFAULT or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        messages = read_po(po, locale=LOCALES.get(language, language))
    compiled = io.BytesIO()
    write_mo(compiled, messages, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """The message in this run's language."""
    return catalog(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for n, in this run's language (by its plural rules)."""
    return catalog(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """The message in this run's language, told apart from the same English in another context."""
    return catalog(current()).pgettext(context, message)


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated where it is shown, with _()."""
    return message


def locale() -> Locale:
    return Locale.parse(LOCALES[current()])


def number(value: float, decimals: int | None = None) -> str:
    """A number as the reader's language writes it: 1,658 / 2.5 (both languages group thousands with commas)."""
    if decimals is not None:
        return format_decimal(
            value, format=f"#,##0.{'0' * decimals}" if decimals else "#,##0", locale=locale()
        )
    return format_decimal(value, locale=locale())


def percent(share: float) -> str:
    """A share (0.25) as a percentage in the reader's language."""
    return format_percent(share, locale=locale())


def date(value: Date, skeleton: str = "long") -> str:
    """A date in the reader's language: "long" (April 3, 2023 / 3 de abril de 2023), "medium", "short", or a
    Babel pattern ("MMMM y" for a month)."""
    return format_date(value, format=skeleton, locale=locale())
