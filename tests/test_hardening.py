"""Hardening: arbitrary link parameters and user text on every page, deployment settings, no raw HTML."""

from __future__ import annotations

import ast
import functools
import os
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.test_text_is_data import live_markup
from ui.registry import PAGES

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PARAM_NAMES = ["position", "positions", "bearing", "source", "actor", "kind", "q", "page", "series", "dispute",
               "slide", "poll", "notes", "join", "style", "utm_source"]  # fmt: skip
HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "**bold**",
    "$\\frac{1}{2}$", ":red[alert]", "=HYPERLINK(\"http://x\")", "\u202e\u0000\ufeff", "' OR 1=1 --", "%00", "../../etc",
    "https://evil.example/login", "www.evil.example", "u@evil.example", ":material/lock:", ":smile:", "\u2066x\u2069",
]  # fmt: skip
MARKUP = re.compile(r"<script|<img|onerror=|(?<!\\)\]\((?:javascript|http)")
SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60), st.integers(-5, 10**6).map(str))
params = st.dictionaries(st.sampled_from(PARAM_NAMES), values, max_size=4)


@pytest.fixture(scope="module", autouse=True)
def private_polls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    from ui.store import poll_store

    old = os.environ.get("POLICY_POLL_DB")
    os.environ["POLICY_POLL_DB"] = str(tmp_path_factory.mktemp("polls"))
    poll_store.clear()
    yield
    poll_store.clear()
    if old is None:
        os.environ.pop("POLICY_POLL_DB", None)
    else:
        os.environ["POLICY_POLL_DB"] = old


def rendered_text(at: AppTest) -> list[str]:
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader")
    return [str(e.value) for kind in kinds for e in at.get(kind)]


def assert_safe(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    for text in rendered_text(at):
        assert not MARKUP.search(text), f"markup passed through: {text[:200]!r}"
        # Links, icons, emoji and bidi controls that survive backslash escapes (tests/test_text_is_data.py).
        assert not live_markup(text), f"{live_markup(text)} passed through: {text[:200]!r}"


@pytest.mark.parametrize("page", [p.script for p in PAGES])
@SETTINGS
@given(query=params)
def test_any_link_parameters_render_without_error_or_markup(page: str, query: dict[str, str]) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    assert_safe(at.switch_page(page).run())


TEXT_INPUTS = [
    ("ui/pages/evidence.py", "text_input", "ev_text"),
    ("ui/pages/vote.py", "text_input", "join_code"),
    ("ui/pages/memo.py", "text_input", "memo_to"),
    ("ui/pages/memo.py", "text_input", "memo_subject"),
    ("ui/pages/memo.py", "text_area", "memo_purpose"),
    ("ui/pages/memo.py", "text_area", "memo_recommendation"),
]


@pytest.mark.parametrize(("page", "kind", "key"), TEXT_INPUTS)
@SETTINGS
@given(text=st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300)))
def test_any_user_text_is_shown_as_text(page: str, kind: str, key: str, text: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60).switch_page(page).run()
    getattr(at, kind)(key=key).input(text).run()
    assert_safe(at)


def test_deployment_settings() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableXsrfProtection"] is True
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["toolbarMode"] == "minimal"
    assert config["browser"]["gatherUsageStats"] is False
    # A full garbage collection after every run held a core with seven phones in a live room (docs/performance.md).
    assert config["runner"]["postScriptGC"] is False


def _calls(tree: ast.AST) -> Iterator[ast.Call]:
    return (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def _literals(tree: ast.Module) -> set[str]:
    """Names bound once, at module level, to a string literal or a sum of literals and such names, and such names
    imported from the app's own modules."""
    bound: dict[str, list[ast.expr]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    bound.setdefault(target.id, []).append(node.value)
    every = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)]
    once = {name: values[0] for name, values in bound.items() if len(values) == 1 == every.count(name)}
    found: set[str] = set()
    for node in tree.body:  # literals imported from the app's own modules (ui.styles)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(("ui.", "policy.")):
            source = ROOT / (node.module.replace(".", "/") + ".py")
            if source.is_file():
                theirs = _module_literals(source)
                found |= {a.asname or a.name for a in node.names if a.name in theirs}

    def literal(node: ast.expr) -> bool:
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return literal(node.left) and literal(node.right)
        return isinstance(node, ast.Name) and node.id in found

    for name, value in once.items():  # in order of binding: a name is built from names bound before it
        if literal(value):
            found.add(name)
    return found


@functools.cache
def _module_literals(source: Path) -> frozenset[str]:
    """An app module's literals, worked out once (each module is imported along many paths)."""
    return frozenset(_literals(ast.parse(source.read_text(encoding="utf-8"))))


# The st.html bodies that are filled in at run time, where, and what goes into them: never content or user text.
# A new one is added here only after reading what it interpolates.
FILLED_TEMPLATES = {
    ("ui/statement_answers.py", "_bar"): "shares of the room's answers (numbers) and fixed colours",
    ("ui/navigation.py", "scroll_into_view"): "an element key checked to be an identifier, and a counter",
    ("ui/pages/search.py", ""): "the hits' element key (a constant) and the theme's highlight colour",
    ("ui/navigation.py", "same_tab_links"): (
        "a language code checked to be one of the interface's languages, and three of our catalog's messages as"
        " JSON with '<' escaped (Streamlit's skip link and sidebar buttons in the page's language)"
    ),
    ("ui/chrome.py", "sidebar_tools"): (
        "the search box's and Copy link's interface words in the reader's language (html.escape, filled once per"
        " language by _tools), then the language switch (ui.language.switch_html: the languages' names, and links"
        " with the page's own parameters urlencoded, rendered by ui.prose.to_html), then the style and script of"
        " the reader's theme (literals)"
    ),
    ("ui/prose.py", "cards"): (
        "each card's Markdown as the pages built it (content escaped by ui.blocks.esc) rendered by markdown-it with"
        " raw HTML off, as ui.prose.prose does; the number of columns (an int) and a class the page names"
    ),
}


# The st.html bodies made from content: Markdown the pages built (content escaped by ui.blocks.esc), turned into
# HTML by markdown-it with raw HTML off (test_prose_writes_tags_and_script_links_in_content_as_text holds it).
# And a row of page links: the catalog's words, page numbers, and addresses the app built (a search typed is in them,
# urlencoded), each html.escape'd by ui.paging.row_html (test_an_address_is_written_as_data_in_the_row holds it).
RENDERED = {
    ("ui/prose.py", "prose"): "to_html(markdown)",
    ("ui/charts.py", "drawn_chart"): "markup",
    ("ui/paging.py", "_draw"): "row_html(page, self.pages, self.href)",
}


def _enclosing_functions(tree: ast.Module) -> dict[ast.AST, str]:
    """Each node's innermost enclosing function name ('' at module level)."""
    owner: dict[ast.AST, str] = {}

    def visit(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else name
            owner[child] = inner
            visit(child, inner)

    visit(tree, "")
    return owner


def _template(node: ast.expr, literals: set[str]) -> bool:
    """An f-string, or str.format called on a literal or a module constant: markup with values filled in."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        base = node.func.value
        return isinstance(base, ast.Constant) or (isinstance(base, ast.Name) and base.id in literals)
    return False


def test_no_raw_html_reaches_the_page_from_content_or_user_text() -> None:
    filled = set()
    for path in [ROOT / "app.py", *ROOT.glob("ui/**/*.py"), *ROOT.glob("policy/**/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        literals = _literals(tree)
        owners = _enclosing_functions(tree)
        for call in _calls(tree):
            name = call.func.attr if isinstance(call.func, ast.Attribute) else ""
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if any(kw.arg == "unsafe_allow_html" for kw in call.keywords):
                raise AssertionError(f"{where} uses unsafe_allow_html")
            if name != "html":
                assert all(kw.arg != "unsafe_allow_javascript" for kw in call.keywords), where
                continue
            # st.html with a literal (in place, or a module constant bound once): static styling or a script
            # of our own. Or a template filled in at run time, only where FILLED_TEMPLATES says what goes in.
            body = call.args[0] if call.args else None
            if isinstance(body, ast.Constant) or (isinstance(body, ast.Name) and body.id in literals):
                continue
            place = (path.relative_to(ROOT).as_posix(), owners.get(call, ""))
            if place in RENDERED and ast.unparse(body) == RENDERED[place]:  # type: ignore[arg-type]
                continue
            assert body is not None and _template(body, literals) and place in FILLED_TEMPLATES, (
                f"{where} passes something other than a literal to st.html"
            )
            filled.add(place)
    assert filled == set(FILLED_TEMPLATES), f"no longer filled in: {set(FILLED_TEMPLATES) - filled}"
