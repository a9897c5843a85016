"""Our own words, sentence by sentence: every sentence carries the quotes it rests on as inline markers.

A marker is a quote id in square brackets, placed after the words it supports and before the sentence's
closing punctuation: ``Graham pledged to give the military the authority [q-graham-military-authority].``
Several markers stand side by side: ``[q-a][q-b]``. The loader refuses a sentence of a prose field with no
marker and a marker naming an unknown quote; pages turn markers into numbered marks, exports into notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

MARKER = re.compile(r"\s?\[(q-[a-z0-9][a-z0-9-]{0,78})\]")
# Something that looks like a marker but is not one: a bracketed id-like word with a typo in it.
_NEAR_MARKER = re.compile(r"\[(q[-_ ][^\[\]]{0,80})\]")  # bounded: no quadratic scan of unclosed brackets
_MARKER_ID = re.compile(r"q-[a-z0-9][a-z0-9-]*")
# Words that end with a full stop without ending a sentence (titles, initials, abbreviations).
ABBREVIATIONS = frozenset(
    {
        "sen", "rep", "gov", "gen", "lt", "col", "sgt", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no",
        "nos", "vs", "etc", "e.g", "i.e", "approx", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
        "oct", "nov", "dec", "p", "pp", "fig",
        "ee", "uu", "sra", "dra", "lic", "gral", "núm", "pág", "ene", "abr", "ago", "dic",  # Spanish: EE. UU.
    }
)  # fmt: skip
# A sentence ends at . ? ! (after any closing quote or bracket) followed by space and a capital, a digit,
# an opening quote or bracket.
_END = re.compile(r"([.?!])([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9¿¡ÁÉÍÓÚÑ])")


def sentences(text: str) -> list[str]:
    """Split prose into sentences (abbreviations, initials and U.S.-style acronyms do not end one)."""
    out: list[str] = []
    start = 0
    for match in _END.finditer(text):
        if match.group(1) == "." and not match.group(2) and _abbreviation_before(text, match.start()):
            continue
        out.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _abbreviation_before(text: str, dot: int) -> bool:
    # Only the last few characters matter (searching the whole text before each full stop would be quadratic).
    word = re.search(r"([A-Za-zÁÉÍÓÚÑáéíóúñ.]+)$", text[max(0, dot - 40) : dot])
    if word is None:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isupper():  # an initial: Mark T. Esper
        return True
    if "." in token:  # U.S., U.N.
        return True
    return token.lower() in ABBREVIATIONS


def markers(text: str) -> list[str]:
    """The quote ids the text's markers name, in order, each once."""
    return list(dict.fromkeys(MARKER.findall(text)))


def lead(text: str, limit: int) -> str:
    """Whole sentences from the start, as many as fit in limit characters of words (at least one): a shorter
    text that never stops mid-sentence and keeps its markers."""
    kept: list[str] = []
    size = 0
    for sentence in sentences(text):
        words = len(strip_markers(sentence))
        if kept and size + words > limit:
            break
        kept.append(sentence)
        size += words + 1
    return " ".join(kept)


def strip_markers(text: str) -> str:
    """The text without its markers (for plain summaries, titles and counts)."""
    return MARKER.sub("", text)


@dataclass(frozen=True)
class Uncited:
    """A sentence with no marker, or a marker naming no quote."""

    message: str
    sentence: bool = False  # True: a sentence lacks a marker (optional where a field is cited another way)


def check(text: str, known: Callable[[str], bool]) -> Iterator[Uncited]:
    """Every sentence has at least one marker; every marker names a known quote."""
    for near in _NEAR_MARKER.finditer(text):
        if not _MARKER_ID.fullmatch(near.group(1)):
            yield Uncited(f"'[{near.group(1)}]' is not a citation marker (write [q-quote-id])")
    for quote_id in markers(text):
        if not known(quote_id):
            yield Uncited(f"citation marker [{quote_id}] names an unknown quote id")
    for sentence in sentences(text):
        if not MARKER.search(sentence):
            yield Uncited(f"sentence without a citation marker: {_clip(sentence)!r}", sentence=True)


def _clip(sentence: str, limit: int = 90) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


@dataclass(frozen=True)
class Piece:
    """A run of text, or the quote ids of a run of adjacent markers."""

    text: str = ""
    cites: tuple[str, ...] = ()


def pieces(text: str) -> list[Piece]:
    """The text split into runs of words and runs of adjacent markers, for rendering marks or notes."""
    out: list[Piece] = []
    pos = 0
    run: list[str] = []
    for match in MARKER.finditer(text):
        between = text[pos : match.start()]
        if between.strip() or (between and not run):
            if run:
                out.append(Piece(cites=tuple(run)))
                run = []
            out.append(Piece(text=between))
        run.append(match.group(1))
        pos = match.end()
    if run:
        out.append(Piece(cites=tuple(run)))
    if pos < len(text):
        out.append(Piece(text=text[pos:]))
    return out
