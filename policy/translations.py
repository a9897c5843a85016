"""Our own words in another language: translation files beside the content, checked like the content.

Each language has a folder `data/translations/<lang>/` with one YAML file per content file that has words of ours
(`positions.yaml`, `evidence.yaml`, …). Each entry is keyed by the item's place and field, and records which English
text it was made from, as a short fingerprint:

    positions/<position id>/summary:
      from: 3f9a2c1b7e40
      text: "…"

Keys name an item by its id (a stance by its actor; an item without either by its place, from 0), then the field,
then, for a list of texts, the place in it: `positions/<position id>/risks/0`,
`positions/<position id>/proponents/<actor id>/argument`, `disputes/<dispute id>/claims/2/claim`, `debate/intro`.

Quotes are never translated: they are the sources' words. A person's name and an article's title stay as written.
An English edit changes the fingerprint, so its translation is reported as stale until it is redone; a field with
no (or a stale) translation is shown in English. `python -m policy translations <lang>` lists what is to do.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from policy.dataset import Dataset
from policy.models import (
    Actor,
    Claim,
    Debate,
    Dispute,
    Evidence,
    Figure,
    GlossaryTerm,
    Position,
    Quote,
    Series,
    SeriesPoint,
    Side,
    Source,
    Stance,
    TimelineEvent,
)
from policy.prose import markers, sentences

# The fields in our own words, per model (a list field is a list of texts). Everything else stays as written:
# ids, quotes, names, outlets and titles, dates, numbers.
FIELDS: dict[type[BaseModel], tuple[str, ...]] = {
    Debate: ("title", "question", "intro", "poll_question", "cite_as"),
    Source: ("outlet", "notes"),  # the outlet as a reader's language names it; the article's title as written
    Actor: ("name", "role", "affiliation", "country"),  # a person's name is copied as written
    Quote: ("context",),
    Evidence: ("claim", "statement"),
    Figure: ("unit", "period"),
    Position: (
        "title",
        "short_title",
        "one_line",
        "summary",
        "mechanism",
        "risks",
        "open_questions",
        "coverage_note",
    ),
    Stance: ("argument", "slide", "statement"),
    Dispute: ("question", "note"),
    Side: ("label",),
    Claim: ("claim", "slide"),
    TimelineEvent: ("title", "description", "date_note"),
    Series: ("title", "unit", "description"),
    SeriesPoint: ("label", "group", "period"),
    GlossaryTerm: ("term", "definition"),
}
COLLECTIONS = (
    "sources",
    "actors",
    "quotes",
    "evidence",
    "positions",
    "disputes",
    "timeline",
    "series",
    "glossary",
)
FILES = ("debate", *COLLECTIONS)  # a translation file per content file with words of ours
QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”")  # words in quotation marks: a source's, kept in English


def fingerprint(text: str) -> str:
    """A short id of an English text: a translation records the one it was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Field:
    """One English text of ours: its key, where it sits in the dataset's dump, and its words."""

    key: str
    loc: tuple[str | int, ...]
    text: str

    @property
    def file(self) -> str:
        return self.key.split("/", 1)[0]


def _ident(item: BaseModel, index: int, taken: set[str]) -> str:
    name = getattr(item, "id", None) or getattr(item, "actor", None)
    ident = str(name) if name and str(name) not in taken else str(index)
    taken.add(ident)
    return ident


def _walk(model: BaseModel, key: str, loc: tuple[str | int, ...]) -> Iterator[Field]:
    names = FIELDS.get(type(model), ())
    for name in names:
        value = getattr(model, name)
        if isinstance(value, str):
            if value:
                yield Field(f"{key}/{name}", (*loc, name), value)
        else:
            for i, text in enumerate(value):
                yield Field(f"{key}/{name}/{i}", (*loc, name, i), text)
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _walk(value, f"{key}/{name}", (*loc, name))
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            taken: set[str] = set()
            for i, item in enumerate(value):
                yield from _walk(item, f"{key}/{name}/{_ident(item, i, taken)}", (*loc, name, i))


def english_fields(dataset: Dataset) -> dict[str, Field]:
    """Every text of ours in the dataset, by key, in content order."""
    found = list(_walk(dataset.debate, "debate", ("debate",)))
    for collection in COLLECTIONS:
        taken: set[str] = set()
        for i, item in enumerate(getattr(dataset, collection)):
            found += _walk(item, f"{collection}/{_ident(item, i, taken)}", (collection, i))
    return {f.key: f for f in found}


@dataclass(frozen=True)
class Entry:
    """One translation as read: its text, the fingerprint of the English it was made from, and its line."""

    key: str
    text: str
    source: str
    file: str
    line: int | None


@dataclass(frozen=True)
class TranslationProblem:
    """What is wrong with one translation entry (or a file), where: file, line, key."""

    file: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


def read_translations(folder: Path, shown: str) -> tuple[list[Entry], list[TranslationProblem]]:
    """The entries of a language's folder, and what could not be read (file and line named)."""
    from policy.loader import MAX_DEPTH, MAX_FILE_VALUES, MAX_FOLDER_VALUES, _FileReader
    from policy.yamlread import BoundedReader

    entries: list[Entry] = []
    problems: list[TranslationProblem] = []
    reader = BoundedReader(max_depth=MAX_DEPTH, max_values=MAX_FILE_VALUES, max_total=MAX_FOLDER_VALUES)
    for path in sorted(folder.glob("*.y*ml")):
        display = f"{shown}/{path.name}"
        if path.stem not in FILES:
            problems.append(TranslationProblem(display, None, "", "unexpected translation file (not read)"))
            continue
        file = _FileReader(path, display)
        trouble = file.check() or file.parse(reader)
        if trouble:
            problems += [TranslationProblem(display, p.line, "", p.message) for p in trouble]
            continue
        if not isinstance(file.raw, dict):
            problems.append(TranslationProblem(display, 1, "", "should be a YAML mapping of keys"))
            continue
        lines = _key_lines(file.tree)
        for key, value in file.raw.items():
            key = str(key)
            line = lines.get(key)
            if not isinstance(value, dict) or set(value) != {"from", "text"}:
                message = "should have exactly two fields: 'from' (the English fingerprint) and 'text'"
                problems.append(TranslationProblem(display, line, key, message))
            elif not isinstance(value["text"], str) or not value["text"].strip():
                problems.append(TranslationProblem(display, line, key, "field 'text' is empty"))
            elif not key.startswith(f"{path.stem}/"):
                message = f"belongs in {path.stem if '/' not in key else key.split('/', 1)[0]}.yaml"
                problems.append(TranslationProblem(display, line, key, message))
            else:
                entries.append(Entry(key, value["text"].strip(), str(value["from"]), display, line))
    return entries, problems


def _key_lines(tree: Any) -> dict[str, int]:
    if tree is None or not hasattr(tree, "value") or not isinstance(tree.value, list):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _v in tree.value if hasattr(k, "value")}


def _quoted(text: str) -> list[str]:
    return [a or b for a, b in QUOTED.findall(text)]


def _all_cited(text: str) -> bool:
    return all(markers(sentence) for sentence in sentences(text))


def entry_problems(fields: dict[str, Field], entries: Iterable[Entry]) -> list[TranslationProblem]:
    """Unknown keys, stale entries, entries that change the citations or put words in a source's mouth."""
    problems = []
    seen: set[str] = set()
    for e in entries:
        field = fields.get(e.key)

        def problem(message: str, entry: Entry = e) -> None:
            problems.append(TranslationProblem(entry.file, entry.line, entry.key, message))

        if field is None:
            problem("no such text in the English content (unknown id or field)")
        elif e.source != fingerprint(field.text):
            problem(
                f"stale: the English has changed since (now {fingerprint(field.text)}); translate it again"
            )
        elif sorted(markers(e.text)) != sorted(markers(field.text)):
            problem(
                f"cites {sorted(markers(e.text))}, the English {sorted(markers(field.text))}: cite the same"
            )
        elif _all_cited(field.text) and not _all_cited(e.text):
            problem(
                "a sentence has no citation marker: every sentence of the English has one, so must this one"
            )
        elif bad := [q for q in _quoted(e.text) if q not in field.text]:
            problem(f"words in quotation marks must be the English's, as quoted: {bad[0]!r}")
        elif e.key in seen:
            problem("translated twice")
        seen.add(e.key)
    return problems


def _set(data: Any, loc: tuple[str | int, ...], text: str) -> None:
    for step in loc[:-1]:
        data = data[step]
    data[loc[-1]] = text


def apply(
    dataset: Dataset, fields: dict[str, Field], texts: dict[str, str]
) -> tuple[Dataset, dict[str, str]]:
    """The dataset with these texts in place of the English, and the fields that break a content rule so."""
    data = dataset.model_dump()
    for key, text in texts.items():
        _set(data, fields[key].loc, text)
    try:
        return Dataset.model_validate(data), {}
    except ValidationError as err:
        by_loc = {f.loc: f.key for f in fields.values() if f.key in texts}
        broken = {by_loc.get(tuple(e["loc"])): e["msg"] for e in err.errors()}
        if None in broken or not broken:
            raise
        kept = {k: t for k, t in texts.items() if k not in broken}
        translated, more = apply(dataset, fields, kept)
        return translated, {**{str(k): v for k, v in broken.items()}, **more}


@dataclass(frozen=True)
class Translation:
    """A language's translation of a dataset: the dataset in that language (English where a text is not
    translated), its coverage and its problems."""

    language: str
    dataset: Dataset
    fields: int
    translated: int
    stale: int
    problems: tuple[TranslationProblem, ...]
    done: frozenset[str] = frozenset()  # the keys translated

    @property
    def missing(self) -> int:
        return self.fields - self.translated - self.stale

    def summary(self) -> str:
        share = 100 * self.translated / self.fields if self.fields else 100.0
        shown = f"{share:.1f}".removesuffix(".0")
        return (
            f"{self.language}: {shown}% of {self.fields:,} fields translated, {self.stale} stale,"
            f" {self.missing} missing"
        )


def languages(data: Path) -> list[str]:
    """The languages the content folder has translations for (folders under translations/), sorted."""
    folder = data / "translations"
    try:
        return sorted(p.name for p in folder.iterdir() if p.is_dir() and re.fullmatch(r"[a-z]{2,3}", p.name))
    except OSError:
        return []


def translate(dataset: Dataset, folder: Path, language: str, shown: str = "") -> Translation:
    """The dataset in `language` from the translation folder; problems named by file, line and key."""
    fields = english_fields(dataset)
    entries, problems = read_translations(folder, shown or f"translations/{language}")
    found = entry_problems(fields, entries)
    problems += found
    bad = {(p.file, p.key) for p in found}
    good = {e.key: e for e in entries if (e.file, e.key) not in bad}
    stale = sum(1 for p in found if p.message.startswith("stale"))
    translated, broken = apply(dataset, fields, {k: e.text for k, e in good.items()})
    for key, message in broken.items():
        e = good[key]
        problems.append(TranslationProblem(e.file, e.line, key, f"breaks a content rule: {message}"))
    done = frozenset(good) - set(broken)
    return Translation(language, translated, len(fields), len(done), stale, tuple(problems), done)


def todo(dataset: Dataset, translation: Translation | None) -> dict[str, dict[str, str]]:
    """What is left to translate (missing or stale), as entries to fill in: key -> {from, english}."""
    done = translation.done if translation is not None else frozenset()
    return {
        f.key: {"from": fingerprint(f.text), "english": f.text}
        for f in english_fields(dataset).values()
        if f.key not in done
    }
