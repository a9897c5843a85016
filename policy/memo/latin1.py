"""Text made latin-1, for a PDF whose only font is a core one that has no other characters."""

from __future__ import annotations

import unicodedata

_LATIN1 = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": ",",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2032": "'",
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u2022": "-",
        "\u203a": ">",
        "\u2039": "<",
        "\u20ac": "EUR",
        "\u2122": "(TM)",
        "\u0141": "L",  # letters with no decomposition to a latin-1 base
        "\u0142": "l",
        "\u0110": "D",
        "\u0111": "d",
        "\u0131": "i",
        "\u0152": "OE",
        "\u0153": "oe",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def to_latin1(text: str) -> str:
    """Text a core PDF font can show: typographic marks made plain, accents kept where latin-1 has them."""
    return "".join(ch if ord(ch) < 256 else _fold(ch) for ch in text.translate(_LATIN1))


def _fold(ch: str) -> str:
    base = "".join(
        c for c in unicodedata.normalize("NFKD", ch) if ord(c) < 256 and not unicodedata.combining(c)
    )
    return base or "?"
