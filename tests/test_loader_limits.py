"""The loader's bounds: hostile or broken files are refused quickly, each as one named problem, never a crash."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from policy import ContentError, load_dataset, loader, yamlread
from policy.paths import PROJECT_ROOT

MB = loader.MB
Setup = Callable[[Path], None]


def problems_of(folder: Path) -> list[str]:
    """The problems as the user reads them; the loader raises nothing but ContentError."""
    with pytest.raises(ContentError) as caught:
        load_dataset(folder)
    problems = [str(p) for p in caught.value.problems]
    for problem in problems:
        assert "\n" not in problem, problem
        assert str(folder.parent) not in problem, f"an absolute path is shown: {problem}"
    return problems


def validate(folder: Path) -> subprocess.CompletedProcess[str]:
    """`python -m policy validate` as staff run it; a hang or a slow parse fails the timeout."""
    return subprocess.run(
        [sys.executable, "-m", "policy", "validate", "--data", str(folder)],
        capture_output=True,
        text=True,
        timeout=10,
        cwd=PROJECT_ROOT,
    )


def billion_laughs(folder: Path) -> None:
    """An id whose value expands to 9**10 strings if aliases are followed."""
    levels = ["&l0 [" + ", ".join(["lol"] * 9) + "]"]
    levels += [f"&l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 10)]
    text = (folder / "actors.yaml").read_text(encoding="utf-8")
    (folder / "actors.yaml").write_text(text.replace("id: park", f"id: [{', '.join(levels)}]", 1), "utf-8")


def deep_nesting(folder: Path) -> None:
    (folder / "glossary.yaml").write_text("[" * 500 + "]" * 500 + "\n", encoding="utf-8")


def sparse(name: str, size: int) -> Setup:
    """The file grown to `size` bytes without writing them (a sparse file: fast, no disk used)."""

    def grow(folder: Path) -> None:
        os.truncate(folder / name, size)

    return grow


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        pytest.param(billion_laughs, ["mini/actors.yaml:1: aliases (&anchor / *alias) are not allowed"], id="alias-bomb"),
        pytest.param(deep_nesting, [f"mini/glossary.yaml:1: lists and mappings are nested more than {loader.MAX_DEPTH} levels deep"], id="nesting"),
        pytest.param(sparse("glossary.yaml", 50 * MB), [f"mini/glossary.yaml: file is 50.0 MB; the limit is {loader.MAX_FILE_BYTES // MB} MB per file"], id="50-MB-file"),
    ],
)  # fmt: skip
def test_validate_refuses_a_hostile_file_quickly_in_one_line(
    mini_copy: Path, setup: Setup, expected: list[str]
) -> None:
    setup(mini_copy)
    done = validate(mini_copy)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr + done.stdout and done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0] == "The content has 1 problem(s):"
    assert len(lines) == 2 and all(part in lines[1] for part in expected), lines


def test_validate_names_a_folder_over_the_total_limit_without_reading_it(mini_copy: Path) -> None:
    per_file = loader.MAX_FILE_BYTES - MB  # each file within its own limit
    count = loader.MAX_FOLDER_BYTES // per_file + 1
    for name in sorted(p.name for p in mini_copy.glob("*.yaml"))[:count]:
        sparse(name, per_file)(mini_copy)
    done = validate(mini_copy)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[1:] == [
        f"  - mini: the content files total {count * per_file / MB:.1f} MB;"
        f" the limit is {loader.MAX_FOLDER_BYTES // MB} MB per folder"
    ]


def write(name: str, data: bytes) -> Setup:
    def put(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return put


def append(name: str, data: bytes) -> Setup:
    def add(folder: Path) -> None:
        with (folder / name).open("ab") as f:
            f.write(data)

    return add


def as_folder(name: str) -> Setup:
    def swap(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).mkdir()

    return swap


def as_pipe(name: str) -> Setup:
    def swap(folder: Path) -> None:
        (folder / name).unlink()
        os.mkfifo(folder / name)  # opening it for reading would wait for a writer for ever

    return swap


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        pytest.param(as_folder("sources.yaml"), "mini/sources.yaml: is a folder, not a file", id="folder"),
        pytest.param(write("timeline.yaml", b"- id: caf\xe9\n"), "mini/timeline.yaml:1: is not UTF-8 text (invalid continuation byte)", id="not-utf8"),
        pytest.param(append("timeline.yaml", b"\n\n# \xff\n"), "mini/timeline.yaml:9: is not UTF-8 text", id="not-utf8-line"),
        pytest.param(write("series.yaml", b""), "mini/series.yaml: file is empty (a list with no items is written [])", id="empty"),
        pytest.param(write("series.yaml", b"# nothing yet\n"), "mini/series.yaml: file is empty", id="only-comments"),
        pytest.param(write("glossary.yaml", b"- id: a\x00b\n"), "mini/glossary.yaml:1: is not valid YAML: unacceptable character #x0000", id="control-character"),
        pytest.param(append("actors.yaml", b"- !!int abc\n"), "mini/actors.yaml:14: is not valid YAML: 'abc' cannot be read as int", id="bad-int-tag"),
        pytest.param(append("actors.yaml", b"- !!bool maybe\n"), "mini/actors.yaml:14: is not valid YAML: 'maybe' cannot be read as bool", id="bad-bool-tag"),
        pytest.param(append("actors.yaml", b"- id: " + b"1" * 5000 + b"\n"), "mini/actors.yaml:14: is not valid YAML: '1111", id="5000-digit-int"),
        pytest.param(append("actors.yaml", b"- !!python/object:os.system {}\n"), "mini/actors.yaml:14: is not valid YAML: could not determine a constructor", id="python-tag"),
        pytest.param(append("actors.yaml", b"---\n- id: x\n"), "mini/actors.yaml:14: is not valid YAML: but found another document", id="two-documents"),
        pytest.param(append("actors.yaml", b"- id: &a x\n"), "mini/actors.yaml:14: aliases (&anchor / *alias) are not allowed", id="lone-anchor"),
    ],
)  # fmt: skip
def test_a_broken_file_is_one_named_problem(mini_copy: Path, setup: Setup, expected: str) -> None:
    setup(mini_copy)
    problems = problems_of(mini_copy)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_in_place_of_a_file_is_refused_not_waited_on(mini_copy: Path) -> None:
    as_pipe("quotes.yaml")(mini_copy)
    assert problems_of(mini_copy) == ["mini/quotes.yaml: is not a regular file"]


def test_a_file_that_vanishes_while_the_folder_is_read_is_missing(
    mini_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As while an editor's save re-creates it: listed and sized, gone when it is opened."""
    parse = loader._FileReader.parse

    def vanish_first(self: loader._FileReader, reader: yamlread.BoundedReader) -> list[loader.Problem]:
        if self.path.name == "quotes.yaml":
            self.path.unlink()
        return parse(self, reader)

    monkeypatch.setattr(loader._FileReader, "parse", vanish_first)
    assert problems_of(mini_copy) == ["mini/quotes.yaml: file is missing"]


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        pytest.param(lambda tmp: tmp / "nowhere", "nowhere: content folder not found", id="missing"),
        pytest.param(lambda tmp: (tmp / "data.yaml", (tmp / "data.yaml").write_text("[]"))[0], "data.yaml: is not a folder", id="a-file"),
        pytest.param(lambda tmp: (tmp / "loop", (tmp / "loop").symlink_to(tmp / "loop"))[0], "loop: content folder", id="symlink-loop"),
    ],
)  # fmt: skip
def test_a_content_folder_that_is_not_there_is_named_by_its_name(
    tmp_path: Path, make: Callable[[Path], Path], expected: str
) -> None:
    folder = make(tmp_path)
    with pytest.raises(ContentError) as caught:
        load_dataset(folder)
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith(expected) and str(tmp_path) not in problem


@pytest.mark.parametrize(
    ("limit", "value", "expected"),
    [
        # positions.yaml has 67 values, the other files at most 41
        ("MAX_FILE_VALUES", 50, ["mini/positions.yaml:", "file holds more than 50 values; the limit is 50 per file"]),
        # debate, sources and actors, read first, have 55 values; quotes.yaml takes the total past 60
        ("MAX_FOLDER_VALUES", 60, ["mini/quotes.yaml:", "the content files hold more than 60 values; the limit is 60 per folder"]),
    ],
)  # fmt: skip
def test_the_number_of_values_is_bounded_per_file_and_per_folder(
    mini_copy: Path, monkeypatch: pytest.MonkeyPatch, limit: str, value: int, expected: list[str]
) -> None:
    monkeypatch.setattr(loader, limit, value)  # the real limits take 400,000 and 1,000,000 values to reach
    problems = problems_of(mini_copy)
    assert len(problems) == 1 and all(part in problems[0] for part in expected), problems


def test_a_file_of_many_bad_items_lists_the_first_hundred_and_counts_the_rest(mini_copy: Path) -> None:
    (mini_copy / "glossary.yaml").write_text("".join(f"- id: Bad {i}\n" for i in range(150)), "utf-8")
    problems = problems_of(mini_copy)
    glossary = [p for p in problems if p.startswith("mini/glossary.yaml")]
    assert len(glossary) == loader.MAX_PROBLEMS_PER_FILE + 1
    assert glossary[-1].startswith("mini/glossary.yaml: ") and "more problem(s) not listed" in glossary[-1]


def test_a_long_hostile_id_is_shortened_in_messages(mini_copy: Path) -> None:
    long_id = "Not An Id " * 10_000
    (mini_copy / "glossary.yaml").write_text(f"- id: {long_id}\n  term: x\n  definition: y\n", "utf-8")
    problems = problems_of(mini_copy)
    assert problems and all(len(p) < 300 for p in problems), [len(p) for p in problems]
    assert any("item 1 (id 'Not An Id Not An Id" in p and "…" in p for p in problems)


def test_the_real_content_loads_with_one_parse_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def twice(*args: object, **kwargs: object) -> None:
        raise AssertionError("the content is parsed a second time")

    for name in ("safe_load", "load", "compose", "compose_all", "load_all", "parse"):
        monkeypatch.setattr(yaml, name, twice)
    parsers: list[object] = []
    for libyaml, base in yamlread._LOADERS.items():

        class Counting(base):  # type: ignore[misc, valid-type]
            def __init__(self, stream: str) -> None:
                parsers.append(stream)
                super().__init__(stream)

        monkeypatch.setitem(yamlread._LOADERS, libyaml, Counting)
    dataset = load_dataset()
    assert len(dataset.positions) >= 1 and len(dataset.quotes) >= 1
    assert len(parsers) == len(loader.FILES)


def test_libyaml_is_used_when_installed() -> None:
    assert yamlread.WITH_LIBYAML == bool(yaml.__with_libyaml__)
    assert yamlread.BoundedReader(max_depth=1, max_values=1, max_total=1).libyaml == yamlread.WITH_LIBYAML


def test_without_libyaml_the_content_loads_the_same_and_the_limits_hold(
    mini_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_libyaml = load_dataset(mini_copy)
    monkeypatch.setattr(loader, "BoundedReader", functools.partial(yamlread.BoundedReader, libyaml=False))
    assert load_dataset(mini_copy) == with_libyaml
    billion_laughs(mini_copy)
    deep_nesting(mini_copy)
    assert problems_of(mini_copy) == [
        "mini/actors.yaml:1: aliases (&anchor / *alias) are not allowed",
        f"mini/glossary.yaml:1: lists and mappings are nested more than {loader.MAX_DEPTH} levels deep;"
        f" the limit is {loader.MAX_DEPTH}",
    ]
