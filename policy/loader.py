"""Load a data/ folder: parse every YAML file, validate it, cross-check ids, report all problems at once."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from policy.dataset import Dataset
from policy.models import (
    STATEMENT_MAX_CHARS,
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
from policy.prose import check as check_prose
from policy.prose import markers, sentences, strip_markers
from policy.yamlread import BoundedReader, LimitError, short

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

# Bounds on what is read, so a broken or hostile file is refused quickly instead of taking minutes and
# gigabytes. The real content's biggest file is 65 KB (quotes.yaml), the folder 190 KB, 7,100 values, 5 deep;
# bench/scale.py's 100x content (7.2 MB quotes.yaml, 24.3 MB, with the content of December 2026) must still load.
MB = 1024 * 1024
MAX_FILE_BYTES = 12 * MB  # 170x the biggest real file; over 1.6x the 100x benchmark's biggest (7.2 MB)
MAX_FOLDER_BYTES = 36 * MB  # 130x the real folder; 1.5x the 100x benchmark's 24.3 MB in all
MAX_DEPTH = 50  # the content nests 5 deep; 50 is far beyond any real need and far from Python's stack limit
MAX_FILE_VALUES = 400_000  # what 8-12 MB of real-looking content holds (20-30 bytes a value), not "a,a,a"
MAX_FOLDER_VALUES = 1_000_000  # 140x the real 7,100 values; the 100x benchmark has 690,000; ~7 s to compose
MAX_PROBLEMS_PER_FILE = 100  # enough to fix a file by; a 400,000-item file of junk is not 400,000 lines

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
                    label += f" (id '{short(str(ident))}')"
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
    """Reads one content file within the limits and turns its validation errors into Problems."""

    def __init__(self, path: Path, display: str):
        self.path, self.display = path, display
        self.raw: Any = None
        self.tree: yaml.Node | None = None
        self.size = 0  # bytes, from stat, once check() found the file fit to read

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.display, _describe(loc, self.raw), message, _line(self.tree, loc))

    def _trouble(self, message: str, line: int | None = None) -> list[Problem]:
        return [Problem(self.display, "", message, line)]

    def _os_trouble(self, err: OSError) -> list[Problem]:
        # Never str(err): it holds the absolute path.
        if isinstance(err, FileNotFoundError | NotADirectoryError):
            return self._trouble("file is missing")
        if isinstance(err, IsADirectoryError):
            return self._trouble("is a folder, not a file")
        return self._trouble(f"cannot be read ({err.strerror or type(err).__name__})")

    def _kind_trouble(self, mode: int) -> list[Problem]:
        if stat.S_ISDIR(mode):
            return self._trouble("is a folder, not a file")
        return [] if stat.S_ISREG(mode) else self._trouble("is not a regular file")

    def _size_trouble(self, size: int) -> list[Problem]:
        return self._trouble(f"file is {_mb(size)}; the limit is {MAX_FILE_BYTES // MB} MB per file")

    def check(self) -> list[Problem]:
        """Before anything is read: the file is there, a regular file and within the size limit."""
        try:
            info = self.path.stat()
        except OSError as err:
            return self._os_trouble(err)
        if found := self._kind_trouble(info.st_mode):
            return found
        if info.st_size > MAX_FILE_BYTES:
            return self._size_trouble(info.st_size)
        self.size = info.st_size
        return []

    def parse(self, yaml_reader: BoundedReader) -> list[Problem]:
        """Read and parse the file once, within the limits (it may have changed since check())."""
        try:
            # Non-blocking, so a pipe put in the file's place cannot hang the loader; fstat says what it is.
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            with os.fdopen(fd, "rb") as stream:
                info = os.fstat(stream.fileno())
                if found := self._kind_trouble(info.st_mode):
                    return found
                data = stream.read(MAX_FILE_BYTES + 1)
        except OSError as err:
            return self._os_trouble(err)
        if len(data) > MAX_FILE_BYTES:
            return self._size_trouble(max(info.st_size, len(data)))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            return self._trouble(f"is not UTF-8 text ({err.reason})", data.count(b"\n", 0, err.start) + 1)
        try:
            self.raw, self.tree = yaml_reader.read(text)
        except LimitError as err:
            mark = err.problem_mark
            return self._trouble(_limit_message(err), mark.line + 1 if mark else None)
        except yaml.MarkedYAMLError as err:
            mark, what = err.problem_mark, err.problem or str(err).splitlines()[0]
            return self._trouble(f"is not valid YAML: {what}", mark.line + 1 if mark is not None else None)
        except yaml.YAMLError as err:
            return self._trouble(f"is not valid YAML: {str(err).splitlines()[0]}")
        except (RecursionError, MemoryError):  # the limits are there to make this unreachable
            return self._trouble("is too large or too deeply nested to read")
        if self.tree is None:
            return self._trouble("file is empty (a list with no items is written [])")
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


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB"


def _limit_message(err: LimitError) -> str:
    if err.kind == "depth":
        return f"lists and mappings are nested more than {MAX_DEPTH} levels deep; the limit is {MAX_DEPTH}"
    if err.kind == "values":
        return f"file holds more than {MAX_FILE_VALUES:,} values; the limit is {MAX_FILE_VALUES:,} per file"
    if err.kind == "total":
        return (
            f"the content files hold more than {MAX_FOLDER_VALUES:,} values;"
            f" the limit is {MAX_FOLDER_VALUES:,} per folder"
        )
    return str(err.problem)


def _message(error: Any) -> str:
    kind, msg = error["type"], error["msg"]
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; extra fields are not allowed)"
    if kind == "missing":
        return "required field is missing"
    if kind == "string_type" and isinstance(error.get("input"), bool):
        return "YAML reads yes/no/on/off/true/false as true or false, not as text: put the value in quotes"
    if kind == "string_pattern_mismatch":
        return f"{short(str(error.get('input')))!r} is not a valid id (lowercase letters, digits and '-')"
    return str(msg).removeprefix("Value error, ")


def load_dataset(data_dir: str | os.PathLike[str] | None = None) -> Dataset:
    """Load and validate a content folder (default: $POLICY_DATA_DIR or the bundled data/).

    Whatever the state of the folder and its files, the only exception is ContentError; its problems name
    files relative to the folder's parent (data/quotes.yaml), never by absolute path.
    """
    folder, problems = _folder(data_dir)
    if problems:
        raise ContentError(problems)
    shown = folder.name or str(folder)
    readers = {stem: _FileReader(folder / f"{stem}.yaml", f"{shown}/{stem}.yaml") for stem in FILES}
    unfit: set[str] = set()  # missing, not a file, or too big: not read
    for stem, reader in readers.items():
        if found := reader.check():
            unfit.add(stem)
            problems += found
    total = sum(reader.size for reader in readers.values())
    if total > MAX_FOLDER_BYTES:  # nothing is read
        limit = f"the limit is {MAX_FOLDER_BYTES // MB} MB per folder"
        raise ContentError([*problems, Problem(shown, "", f"the content files total {_mb(total)}; {limit}")])
    parsed: dict[str, Any] = {}
    yaml_reader = BoundedReader(max_depth=MAX_DEPTH, max_values=MAX_FILE_VALUES, max_total=MAX_FOLDER_VALUES)
    for stem, (model, many) in FILES.items():
        reader = readers[stem]
        if stem in unfit:
            continue
        found = reader.parse(yaml_reader)
        if not found:
            value, found = reader.validate(model, many)
            if value is not _SHAPE_ERROR:
                parsed[stem] = value
        problems += found
        if yaml_reader.total > MAX_FOLDER_VALUES:  # said once, at the file where it happened; read no more
            break
    problems += [
        Problem(f"{shown}/{name}", "", "unexpected content file (not read)") for name in _extra(folder)
    ]
    if set(parsed) == set(FILES):
        problems += _cross_check(parsed, readers)
    elif "quotes" in parsed:  # the citations of the files that did read can still be checked
        problems += citation_problems(parsed, readers)
    if problems:
        raise ContentError(_capped(problems))
    return Dataset(**parsed)


def _folder(data_dir: str | os.PathLike[str] | None) -> tuple[Path, list[Problem]]:
    """The content folder, or the problem with it (named by its last part, not its absolute path)."""
    try:
        folder = resolve_data_dir(data_dir)
    except (OSError, RuntimeError, ValueError):  # a symlink loop, an unknown ~user, a NUL byte
        name = Path(os.fspath(data_dir or os.environ.get("POLICY_DATA_DIR") or "")).name or "content"
        return Path(), [Problem(name, "", "content folder cannot be found")]
    shown = folder.name or str(folder)
    try:
        info = folder.stat()
    except (FileNotFoundError, NotADirectoryError):
        return folder, [Problem(shown, "", "content folder not found")]
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or type(err).__name__
        return folder, [Problem(shown, "", f"content folder cannot be read ({reason})")]
    if not stat.S_ISDIR(info.st_mode):
        return folder, [Problem(shown, "", "is not a folder")]
    return folder, []


def _extra(folder: Path) -> list[str]:
    """YAML files in the folder that are not content files (none when it cannot be listed)."""
    try:
        return sorted(p.name for p in folder.glob("*.y*ml") if p.stem not in FILES)
    except OSError:
        return []


def _capped(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PROBLEMS_PER_FILE problems of each file, then one line saying how many more."""
    kept: list[Problem] = []
    seen: dict[str, int] = {}
    for problem in problems:
        seen[problem.file] = seen.get(problem.file, 0) + 1
        if seen[problem.file] <= MAX_PROBLEMS_PER_FILE:
            kept.append(problem)
    for file, count in seen.items():
        if count > MAX_PROBLEMS_PER_FILE:
            more = count - MAX_PROBLEMS_PER_FILE
            kept.append(
                Problem(
                    file, "", f"{more:,} more problem(s) not listed (fix the first {MAX_PROBLEMS_PER_FILE})"
                )
            )
    return kept


def _valid(items: list[Any]) -> Iterable[tuple[int, Any]]:
    return ((i, item) for i, item in enumerate(items) if item is not None)


def _cross_check(data: dict[str, Any], readers: dict[str, _FileReader]) -> list[Problem]:
    """Every id unique, every reference resolvable, every quote's source consistent, every sentence cited."""
    return [
        *_cross_problems(data, readers),
        *citation_problems(data, readers),
        *poll_problems(data, readers),
        *statement_problems(data, readers),
    ]


def statement_problems(data: dict[str, Any], readers: dict[str, _FileReader]) -> Iterable[Problem]:
    """Each proposition for a statement round (``statement``) is one sentence that fits a slide and a phone and
    cites only quotes its own item rests on (its citations are checked with every cited field)."""

    def check(stem: str, loc: Loc, text: str, own: set[str]) -> Iterable[Problem]:
        if not text.strip():
            return
        plain = " ".join(strip_markers(text).split())
        if len(plain) > STATEMENT_MAX_CHARS:
            yield readers[stem].problem(
                loc,
                f"a statement holds at most {STATEMENT_MAX_CHARS} characters without its markers"
                f" (this one has {len(plain)}): shorten it to fit a slide and a phone",
            )
        if len(sentences(plain)) > 1:
            yield readers[stem].problem(
                loc, "a statement is one sentence (a proposition to agree or disagree with)"
            )
        for qid in dict.fromkeys(markers(text)):
            if qid not in own:
                yield readers[stem].problem(
                    loc,
                    f"cites '{qid}', which is not one of this item's quotes: cite only the quotes it rests on",
                )

    for i, e in _valid(data["evidence"]):
        yield from check("evidence", (i, "statement"), e.statement, {*e.quotes, *markers(e.claim)})
    for i, p in _valid(data["positions"]):
        for side in ("proponents", "critics"):
            for j, st in enumerate(getattr(p, side)):
                own = {*st.quotes, *markers(st.argument)}
                yield from check("positions", (i, side, j, "statement"), st.statement, own)


def poll_problems(data: dict[str, Any], readers: dict[str, _FileReader]) -> Iterable[Problem]:
    """The live poll built from the content (its question, an option per position) as its store would take it."""
    from policy.live.checks import poll_content_problems  # the poll store's own checks

    if data["debate"] is None:  # the debate file did not validate: its problems are listed already
        return
    positions = [(i, p) for i, p in _valid(data["positions"])]
    labels = [f"{p.icon} {p.short_title}" for _, p in positions]  # as policy.style.position_label draws them
    for part, index, message in poll_content_problems(
        data["debate"].poll_question, [p.id for _, p in positions], labels
    ):
        if part == "question":
            yield readers["debate"].problem(("poll_question",), f"the live poll would refuse it: {message}")
        elif index is not None:
            loc = (positions[index][0], "short_title")
            yield readers["positions"].problem(loc, f"the live poll would refuse its label: {message}")
        else:
            yield readers["positions"].problem((), f"the live poll would refuse the options: {message}")


def _bearings(bearing: dict[str, str]) -> str:
    return ", ".join(f"{pid}: {b}" for pid, b in bearing.items())


# Fields written in our own words, where every sentence carries the markers of the quotes it rests on:
# file stem -> paths into each item ("*" = every element of a list). Evidence and dispute claims are cited
# by their own quote fields; markers there are optional but must name known quotes.
CITED_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "debate": (("question",),),
    "evidence": (("statement",),),
    "positions": (
        ("one_line",),
        ("summary",),
        ("mechanism",),
        ("proponents", "*", "argument"),
        ("critics", "*", "argument"),
        ("proponents", "*", "slide"),
        ("critics", "*", "slide"),
        ("proponents", "*", "statement"),
        ("critics", "*", "statement"),
        ("risks", "*"),
        ("open_questions", "*"),
    ),
    "disputes": (("note",), ("claims", "*", "slide")),
    "timeline": (("description",), ("date_note",)),
    "series": (("description",),),
    "glossary": (("definition",),),
}
MARKED_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "evidence": (("claim",),),
    "disputes": (("claims", "*", "claim"),),
}


def _values(node: Any, path: tuple[str, ...], loc: Loc = ()) -> Iterable[tuple[Loc, str]]:
    """(location, text) of every string the path reaches in a raw item."""
    if not path:
        if isinstance(node, str) and node.strip():
            yield loc, node
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(node, list):
            for index, child in enumerate(node):
                yield from _values(child, rest, (*loc, index))
    elif isinstance(node, dict) and head in node:
        yield from _values(node[head], rest, (*loc, head))


def citation_problems(data: dict[str, Any], readers: dict[str, _FileReader]) -> Iterable[Problem]:
    """Every sentence of a cited field has a marker; every marker anywhere names a known quote."""
    known = readers["quotes"].raw_ids().__contains__
    for stem, paths, required in [
        *((stem, paths, True) for stem, paths in CITED_FIELDS.items()),
        *((stem, paths, False) for stem, paths in MARKED_FIELDS.items()),
    ]:
        if stem not in data:
            continue
        raw = readers[stem].raw
        items = [(i, item) for i, item in enumerate(raw)] if isinstance(raw, list) else [((), raw)]
        for index, item in items:
            base: Loc = (index,) if isinstance(index, int) else ()
            for path in paths:
                for loc, text in _values(item, path, base):
                    for found in check_prose(text, known):
                        if required or not found.sentence:
                            yield readers[stem].problem(loc, found.message)


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
    evidence = {e.id: e for e in data["evidence"] if e is not None}
    for i, e in _valid(data["evidence"]):
        if e.part_of is None:
            continue
        lead = evidence.get(e.part_of)
        if e.part_of == e.id:
            yield readers["evidence"].problem((i, "part_of"), "an item cannot be a part of itself")
        elif e.part_of not in ids["evidence"]:
            yield readers["evidence"].problem((i, "part_of"), f"unknown evidence id '{e.part_of}'")
        elif lead is not None and lead.part_of is not None:
            yield readers["evidence"].problem(
                (i, "part_of"),
                f"'{e.part_of}' is itself a part of '{lead.part_of}': name the finding's lead item instead",
            )
        elif lead is not None and lead.bearing != e.bearing:
            yield readers["evidence"].problem(
                (i, "bearing"),
                f"a part of a finding bears on the positions as its lead item '{lead.id}' does"
                f" ({_bearings(lead.bearing)})",
            )
    for i, a in _valid(data["actors"]):
        if a.role and a.as_of is None:
            yield readers["actors"].problem(
                (i, "as_of"), "a role needs 'as_of' (when the source gives it, YYYY or YYYY-MM)"
            )
    for i, p in _valid(data["positions"]):
        yield from ref("positions", (i, "key_figure"), p.key_figure, "evidence")
        for side in ("proponents", "critics"):
            stances = getattr(p, side)
            # Never fill a side to reach a count: a side may be empty where coverage_note says the sources
            # are thin; otherwise an empty side is a slip.
            if not stances and not p.coverage_note:
                yield readers["positions"].problem(
                    (i, side),
                    f"no {side} given: a position needs both sides, or a coverage_note saying the sources name none",
                )
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
        side_ids = [side.id for side in d.sides]
        for j, side in enumerate(d.sides):
            if side.id in side_ids[:j]:
                yield readers["disputes"].problem((i, "sides", j, "id"), f"duplicate side id '{side.id}'")
            elif not d.claims_for(side.id):
                yield readers["disputes"].problem(
                    (i, "sides", j), f"side '{side.id}' has no claim: every side needs at least one"
                )
        for j, c in enumerate(d.claims):
            if c.side not in side_ids:
                yield readers["disputes"].problem(
                    (i, "claims", j, "side"),
                    f"unknown side '{c.side}' (this dispute's sides: {', '.join(side_ids)})",
                )
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
