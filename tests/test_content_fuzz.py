"""Content fuzzing: hostile text in any field of the real content is either refused by name or shown as data.

Hypothesis puts markup, links, images, bidi controls, control characters and very long text into the real
content's text fields. The loader must accept the copy or name each problem (file and message); an accepted
copy must render every page with no exception and nothing live in any rendered text: no link, image, icon,
LaTeX, emoji shortcode, colour directive or bidi override.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

import ui.content
from policy import ContentError, load_dataset
from policy.paths import data_dir
from policy.prose import markers
from tests.conftest import without_marks
from ui.cache import CACHE
from ui.registry import PAGES

APP = str(Path(__file__).resolve().parent.parent / "app.py")
HOSTILE = [
    "[click](https://evil.example/x)",
    "![beacon](https://evil.example/b.png)",
    '<img src="https://evil.example/b.png">',
    "https://evil.example/login",
    "see www.evil.example now",
    "$x^2$ and $$y$$",
    ":red[alarm] :material/lock: :smile:",
    "**bold** _it_ `code` # heading",
    "\u202eevil reversed",
    "<script>alert(1)</script>",
    '=HYPERLINK("https://evil.example")',
    "x" * 3000,
    "bell\x07 and tab\t",
]
# What must never reach a rendered Markdown surface (bodies, labels, tooltips) as it was written. A backslash
# makes brackets, dollars and angle brackets literal, but not autolinks, emoji, icons or directives, which
# Streamlit reads after escapes are undone: those are looked for with the backslashes taken out.
LIVE_RAW = ["<img", "<script", "](", "$x^2$", "\u202e"]
LIVE_UNESCAPED = ["https://", "http://", "www.evil", ":material/lock:", ":red[", ":smile:"]
MARKDOWN_FIELDS = {"body", "label", "help"}
# Keys whose values are ids, references, dates or enumerations: hostile text there only tests the refusal.
NOT_PROSE = {
    *("id", "source", "speaker", "actor", "actors", "claimant", "quote", "quotes", "positions", "evidence"),
    *("headline_evidence", "key_figure", "date", "published", "kind", "bearing", "mark", "icon"),
}


def text_fields(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a prose string in a parsed content file."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in NOT_PROSE:
                yield from text_fields(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from text_fields(value, (*path, i))
    elif isinstance(node, str):
        yield path


REAL = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(data_dir().glob("*.yaml"))}
FIELDS = [(stem, path) for stem, doc in REAL.items() for path in text_fields(doc)]


def rendered_markdown(node: Any) -> Iterator[str]:
    """The text of every Markdown surface under an AppTest node: bodies, labels and tooltips."""
    proto = getattr(node, "proto", None)
    # st.html is the app's own markup: tests/test_hardening.py holds every call to a literal (or a listed
    # template filled with numbers and keys), so no content text can reach one.
    if proto is not None and hasattr(proto, "ListFields") and getattr(node, "type", "") != "html":
        for field, value in proto.ListFields():
            if field.name in MARKDOWN_FIELDS and isinstance(value, str):
                yield value
    for child in getattr(node, "children", {}).values():
        yield from rendered_markdown(child)


@pytest.fixture(autouse=True)
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.content, "SETTLE_SECONDS", 0.0)


@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    changes=st.lists(
        st.tuples(
            st.sampled_from(range(len(FIELDS))), st.one_of(st.sampled_from(HOSTILE), st.text(max_size=80))
        ),
        min_size=5,
        max_size=40,
    )
)
def test_hostile_text_in_any_field_is_refused_by_name_or_shown_as_data(
    changes: list[tuple[int, str]], tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = yaml.safe_load(yaml.safe_dump(REAL, allow_unicode=True))
    for index, text in changes:
        stem, path = FIELDS[index]
        node = docs[stem]
        for step in path[:-1]:
            node = node[step]
        # Prose that must cite keeps a marker of the text it replaces, so the hostile words reach the pages.
        cited = markers(node[path[-1]]) if isinstance(node[path[-1]], str) else []
        node[path[-1]] = f"{text} [{cited[0]}]" if cited else text
    folder = tmp_path_factory.mktemp("hostile")
    for stem, doc in docs.items():
        (folder / f"{stem}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    try:
        load_dataset(folder)
    except ContentError as err:
        assert err.problems and all(p.file.endswith(".yaml") and p.message for p in err.problems)
        return
    monkeypatch.setenv("POLICY_DATA_DIR", str(folder))
    CACHE.clear()
    for spec in PAGES:
        at = AppTest.from_file(APP, default_timeout=60).switch_page(spec.script).run()
        assert not at.exception, (spec.url_path, at.exception)
        for text in [without_marks(t) for root in (at.main, at.sidebar) for t in rendered_markdown(root)]:
            unescaped = text.replace("\\", "")
            live = [m for m in LIVE_RAW if m in text] + [m for m in LIVE_UNESCAPED if m in unescaped]
            assert not live, (spec.url_path, live, text[:200])
