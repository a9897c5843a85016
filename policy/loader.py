"""Load a data/ folder: parse every YAML file, validate it, cross-check ids, report all problems at once."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from policy.dataset import Dataset
from policy.models import (
    Actor,
    Debate,
    Dispute,
    Evidence,
    GlossaryTerm,
    Position,
    Quote,
    Series,
    Source,
    TimelineEvent,
)
from policy.paths import data_dir as resolve_data_dir

# file stem -> (model, whether the file holds a list of them)
FILES: dict[str, tuple[type[BaseModel], bool]] = {
    "debate": (Debate, False),
    "sources": (Source, True),
    "actors": (Actor, True),
    "quotes": (Quote, True),
    "evidence": (Evidence, True),
    "positions": (Position, True),
    "disputes": (Dispute, True),
    "timeline": (TimelineEvent, True),
    "series": (Series, True),
    "glossary": (GlossaryTerm, True),
}

Loc = tuple[str | int, ...]
_SHAPE_ERROR = object()  # a file whose top level is the wrong kind of YAML: nothing to cross-check


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content: which file, where in it, and what."""

    file: str
    location: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.location}: {self.message}" if self.location else f"{where}: {self.message}"


class ContentError(Exception):
    """The content cannot be loaded; `problems` lists every reason."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the content:\n{lines}")


def _describe(loc: Loc, raw: Any) -> str:
    """Turn a location tuple into words: item 3 (id 'x') › proponents › 0 › actor."""
    parts: list[str] = []
    node = raw
    for step in loc:
        if isinstance(step, int):
            label = f"item {step + 1}"
            if isinstance(node, list) and step < len(node) and isinstance(node[step], dict):
                ident = node[step].get("id")
                if ident is not None:
                    label += f" (id '{ident}')"
            parts.append(label)
        else:
            parts.append(f"field '{step}'")
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
    return " › ".join(parts)


def _line(root: yaml.Node | None, loc: Loc) -> int | None:
    """The 1-based line of the deepest node of the YAML tree the location reaches."""
    node, line = root, (root.start_mark.line + 1 if root is not None else None)
    for step in loc:
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    node = value if not isinstance(value, yaml.ScalarNode) or value.value else key
                    break
            else:
                break
        else:
            break
        line = node.start_mark.line + 1
    return line


class _FileReader:
    """Parses one content file and turns its validation errors into Problems."""

    def __init__(self, path: Path, display: str):
        self.path, self.display = path, display
        self.raw: Any = None
        self.tree: yaml.Node | None = None

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.display, _describe(loc, self.raw), message, _line(self.tree, loc))

    def parse(self) -> list[Problem]:
        try:
            text = self.path.read_text(encoding="utf-8")
            self.raw = yaml.safe_load(text)
            self.tree = yaml.compose(text)
        except OSError as err:
            return [Problem(self.display, "", f"cannot be read ({err.strerror or err})")]
        except UnicodeDecodeError as err:
            return [Problem(self.display, "", f"is not UTF-8 text ({err.reason})")]
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            what = getattr(err, "problem", None) or str(err)
            return [
                Problem(
                    self.display,
                    "",
                    f"is not valid YAML: {what}",
                    mark.line + 1 if mark is not None else None,
                )
            ]
        return []

    def validate(self, model: type[BaseModel], many: bool) -> tuple[Any, list[Problem]]:
        """Validate the file; for a list, item by item, so the valid items can still be cross-checked."""
        if many and self.raw is None:
            self.raw = []
        if many and not isinstance(self.raw, list):
            return _SHAPE_ERROR, [
                self.problem((), "should be a YAML list of items (each starting with '- ')")
            ]
        if not many and not isinstance(self.raw, dict):
            return _SHAPE_ERROR, [self.problem((), "should be a YAML mapping of fields")]
        if not many:
            try:
                return model.model_validate(self.raw), []
            except ValidationError as err:
                return None, [self.problem(tuple(e["loc"]), _message(e)) for e in err.errors()]
        # An invalid item stays as None so indexes still match the file.
        items: list[BaseModel | None] = []
        problems: list[Problem] = []
        for index, raw in enumerate(self.raw):
            try:
                items.append(model.model_validate(raw))
            except ValidationError as err:
                items.append(None)
                problems += [self.problem((index, *e["loc"]), _message(e)) for e in err.errors()]
        return items, problems

    def raw_ids(self) -> set[str]:
        """Ids the file declares, valid items or not (so one bad item does not cascade)."""
        if not isinstance(self.raw, list):
            return set()
        return {str(item["id"]) for item in self.raw if isinstance(item, dict) and "id" in item}


def _message(error: Any) -> str:
    kind, msg = error["type"], error["msg"]
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; extra fields are not allowed)"
    if kind == "missing":
        return "required field is missing"
    if kind == "string_pattern_mismatch":
        return f"{error.get('input')!r} is not a valid id (lowercase letters, digits and '-')"
    return str(msg).removeprefix("Value error, ")


def load_dataset(data_dir: str | os.PathLike[str] | None = None) -> Dataset:
    """Load and validate a content folder (default: $POLICY_DATA_DIR or the bundled data/)."""
    folder = resolve_data_dir(data_dir)
    if not folder.is_dir():
        raise ContentError([Problem(str(folder), "", "content folder not found")])
    problems: list[Problem] = []
    parsed: dict[str, Any] = {}
    readers: dict[str, _FileReader] = {}
    for stem, (model, many) in FILES.items():
        path = folder / f"{stem}.yaml"
        reader = readers[stem] = _FileReader(path, f"{folder.name}/{path.name}")
        if not path.is_file():
            problems.append(Problem(reader.display, "", "file is missing"))
            continue
        found = reader.parse()
        if not found:
            value, found = reader.validate(model, many)
            if value is not _SHAPE_ERROR:
                parsed[stem] = value
        problems += found
    extra = sorted(p.name for p in folder.glob("*.y*ml") if p.stem not in FILES)
    problems += [Problem(f"{folder.name}/{name}", "", "unexpected content file (not read)") for name in extra]
    if set(parsed) == set(FILES):
        problems += _cross_check(parsed, readers)
    if problems:
        raise ContentError(problems)
    return Dataset(**parsed)


def _valid(items: list[Any]) -> Iterable[tuple[int, Any]]:
    return ((i, item) for i, item in enumerate(items) if item is not None)


def _cross_check(data: dict[str, Any], readers: dict[str, _FileReader]) -> list[Problem]:
    """Every id unique, every reference resolvable, every quote's source consistent."""
    return list(_cross_problems(data, readers))


def _cross_problems(data: dict[str, Any], readers: dict[str, _FileReader]) -> Iterable[Problem]:
    ids: dict[str, set[str]] = {}
    for stem in FILES:
        if stem == "debate":
            continue
        seen: set[str] = set()
        for index, raw in enumerate(readers[stem].raw):
            ident = str(raw["id"]) if isinstance(raw, dict) and "id" in raw else None
            if ident is not None and ident in seen:
                yield readers[stem].problem((index, "id"), f"duplicate id '{ident}' (ids must be unique)")
            if ident is not None:
                seen.add(ident)
        ids[stem] = readers[stem].raw_ids()

    def ref(stem: str, loc: Loc, value: str | None, kind: str) -> Iterable[Problem]:
        if value is not None and value not in ids[kind]:
            yield readers[stem].problem(
                loc, f"unknown {kind[:-1] if kind != 'evidence' else kind} id '{value}'"
            )

    quotes = {q.id: q for q in data["quotes"] if q is not None}

    def quote_in(stem: str, loc: Loc, quote_id: str | None, source_id: str) -> Iterable[Problem]:
        if quote_id is None:
            return
        if quote_id not in ids["quotes"]:
            yield readers[stem].problem(loc, f"unknown quote id '{quote_id}'")
        elif quote_id in quotes and quotes[quote_id].source != source_id:
            yield readers[stem].problem(
                loc, f"quote '{quote_id}' is from '{quotes[quote_id].source}', not from source '{source_id}'"
            )

    headline = data["debate"].headline_evidence if data["debate"] is not None else []
    for i, d in enumerate(headline):
        yield from ref("debate", ("headline_evidence", i), d, "evidence")
    for i, q in _valid(data["quotes"]):
        yield from ref("quotes", (i, "source"), q.source, "sources")
        yield from ref("quotes", (i, "speaker"), q.speaker, "actors")
    for i, e in _valid(data["evidence"]):
        for j, qid in enumerate(e.quotes):
            yield from ref("evidence", (i, "quotes", j), qid, "quotes")
        for pid in e.bearing:
            yield from ref("evidence", (i, "bearing", pid), pid, "positions")
        for j, aid in enumerate(e.actors):
            yield from ref("evidence", (i, "actors", j), aid, "actors")
    for i, p in _valid(data["positions"]):
        yield from ref("positions", (i, "key_figure"), p.key_figure, "evidence")
        for side in ("proponents", "critics"):
            stances = getattr(p, side)
            if not stances:
                yield readers["positions"].problem((i, side), f"a position needs both sides: no {side} given")
            for j, s in enumerate(stances):
                yield from ref("positions", (i, side, j, "actor"), s.actor, "actors")
                for k, qid in enumerate(s.quotes):
                    loc = (i, side, j, "quotes", k)
                    if qid not in ids["quotes"]:
                        yield readers["positions"].problem(loc, f"unknown quote id '{qid}'")
                    elif qid in quotes and quotes[qid].speaker not in (None, s.actor):
                        yield readers["positions"].problem(
                            loc, f"quote '{qid}' is spoken by '{quotes[qid].speaker}', not by '{s.actor}'"
                        )
    for i, d in _valid(data["disputes"]):
        for j, pid in enumerate(d.positions):
            yield from ref("disputes", (i, "positions", j), pid, "positions")
        for j, c in enumerate(d.claims):
            yield from ref("disputes", (i, "claims", j, "claimant"), c.claimant, "actors")
            yield from ref("disputes", (i, "claims", j, "source"), c.source, "sources")
            yield from quote_in("disputes", (i, "claims", j, "quote"), c.quote, c.source)
    for i, t in _valid(data["timeline"]):
        yield from ref("timeline", (i, "source"), t.source, "sources")
        yield from quote_in("timeline", (i, "quote"), t.quote, t.source)
        for j, pid in enumerate(t.positions):
            yield from ref("timeline", (i, "positions", j), pid, "positions")
        for j, aid in enumerate(t.actors):
            yield from ref("timeline", (i, "actors", j), aid, "actors")
    for i, s in _valid(data["series"]):
        for j, pid in enumerate(s.positions):
            yield from ref("series", (i, "positions", j), pid, "positions")
        for j, pt in enumerate(s.points):
            yield from ref("series", (i, "points", j, "source"), pt.source, "sources")
            yield from quote_in("series", (i, "points", j, "quote"), pt.quote, pt.source)
    for i, g in _valid(data["glossary"]):
        if g.source is not None:
            yield from ref("glossary", (i, "source"), g.source, "sources")
            yield from quote_in("glossary", (i, "quote"), g.quote, g.source)
        elif g.quote is not None:
            yield readers["glossary"].problem((i, "quote"), "a quote needs its source: add 'source'")
