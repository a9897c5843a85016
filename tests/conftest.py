"""Shared fixtures: the small test debate, copies of it to break, and the real content."""

from __future__ import annotations

import html
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from policy import Dataset, load_dataset
from policy.paths import archive_dir

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
MINI_ARCHIVE = FIXTURES / "mini_archive"
IN_CI = os.environ.get("CI", "").lower() == "true"


def need(condition: bool, reason: str) -> None:
    """Skip when a test's outside dependency is missing, but fail in CI, where it must be there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def mini() -> Dataset:
    return load_dataset(MINI)


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


Edit = Callable[[str, str, str], None]


@pytest.fixture
def edit(mini_copy: Path) -> Edit:
    """Replace text in one file of the copied test debate (the text must be there)."""

    def replace(file: str, old: str, new: str) -> None:
        path = mini_copy / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace


@pytest.fixture(scope="session")
def archive() -> Path:
    path = archive_dir()
    need(path.is_dir(), f"the source archive is not at {path}")
    return path


# A citation mark the pages draw: a raised number linking to its quote, the quote as the link's hover title
# (inert there: a title is an attribute, never parsed as Markdown). Tests that look for live markup in what
# a page drew remove these first, so the marks themselves are not mistaken for a reader's link.
CITATION_MARK = re.compile(r'\[[⁰¹²³⁴⁵⁶⁷⁸⁹˒]+\]\(\./sources\?quote=q-[a-z0-9-]+ "(?:[^"\\]|\\.)*"\)')


# The pages' own links (ui/links.py: a name to its person, an option to its page, a term to its definition) and
# search highlights (ui.links.marked_md): their labels are content, so only the markup around them is removed
# and the label stays to be checked.
OWN_LINK = re.compile(
    r"\[((?:[^\[\]\\]|\\.)*)\]\(\./[a-z]*\?[a-z]+=[A-Za-z0-9%+._~-]+(?:&[a-z]+=[A-Za-z0-9%+._~-]+)*"
    r'(?: "(?:[^"\\]|\\.)*")?\)'
)
HIGHLIGHT = re.compile(r":orange-background\[\*\*((?:[^\]\\]|\\.)*?)\*\*\]")


def without_marks(text: str) -> str:
    """The text with the pages' own citation marks, links and search highlights taken out (labels kept)."""
    return OWN_LINK.sub(r"\1", HIGHLIGHT.sub(r"\1", CITATION_MARK.sub("", text)))


def clear_live_stores() -> None:
    """Forget the app's cached live-session stores (cached per process), so the next run opens the database
    the environment names now."""
    from ui.statements import statement_store
    from ui.store import poll_store, room_store

    room_store.clear()
    poll_store.clear()
    statement_store.clear()


@pytest.fixture
def live_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A live-session database of the test's own for the app under AppTest, with no password or public URL."""
    monkeypatch.setenv("POLICY_POLL_DB", str(tmp_path / "polls"))
    monkeypatch.delenv("POLICY_PRESENTER_PASSWORD", raising=False)
    monkeypatch.delenv("POLICY_PUBLIC_URL", raising=False)
    clear_live_stores()
    yield tmp_path / "polls"
    clear_live_stores()


_TAGS = [
    (re.compile(r"<h3>"), "### "),
    (re.compile(r"</h3>\n?"), "\n\n"),
    (re.compile(r"</?strong>"), "**"),
    (re.compile(r"</?em>"), "*"),
    (re.compile(r"<br />\n"), "  \n"),
    (re.compile(r"<hr />\n?"), "---\n\n"),
    (re.compile(r"<li>"), "- "),
    (re.compile(r"</p>\n?"), "\n\n"),
    (re.compile(r"</li>\n?"), "\n"),
    (re.compile(r"<p>|<ul>\n?|</ul>\n?"), ""),
]
_BADGE = re.compile(r'<span class="prose-badge prose-badge-([a-z]+)">(.*?)</span>')
_LINK = re.compile(r'<a href="([^"]*)"(?: title="([^"]*)")?[^>]*>(.*?)</a>')


@dataclass(frozen=True)
class Passage:
    """One Markdown element or one passage drawn as HTML (ui.prose), as Markdown (the passage read back from its
    HTML: bold, italics, links with their hover text, line breaks, rules and lists, with no backslash escapes)."""

    value: str


def passages(at: Any) -> list[Passage]:
    """The page's Markdown elements, then its passages drawn as HTML, as Markdown (see Passage)."""
    found = [Passage(m.value) for m in at.markdown]
    for element in at.get("html"):
        body = element.proto.body
        if not body.startswith('<div class="prose">'):
            continue
        if _CARDS.match(body):  # a row of cards (ui.prose.cards): each card a passage, as each was an element
            found += [_passage(card) for card in _CARD.findall(body)]
        else:
            found.append(_passage(body.removeprefix('<div class="prose">').removesuffix("</div>")))
    return found


_CARDS = re.compile(r'<div class="prose"><div class="cards ')
_CARD = re.compile(r'<div class="card">(.*?)</div>(?=<div class="card">|</div></div>$)', re.S)


def _passage(body: str) -> Passage:
    """A passage drawn as HTML, read back as Markdown."""
    text = body.strip("\n")
    text = _BADGE.sub(lambda m: f":{m[1]}-badge[{m[2]}]", text)
    text = _LINK.sub(lambda m: f"[{m[3]}]({m[1]}" + (f' "{m[2]}")' if m[2] else ")"), text)
    for pattern, markdown in _TAGS:
        text = pattern.sub(markdown, text)
    return Passage(re.sub(r"\n{3,}", "\n\n", html.unescape(text)).strip("\n"))


_COPY = re.compile(r'<div class="copyable"><pre><code>(.*?)</code></pre>', re.S)


def copyable(at: Any) -> list[str]:
    """The texts of the page's blocks to copy (ui.prose.copy_block: citations), as a reader copies them."""
    return [html.unescape(m[1]) for e in at.get("html") for m in _COPY.finditer(e.proto.body)]


_PAGER = re.compile(r'<nav class="prose pager" aria-label="[^"]*">(.*?)</nav>', re.S)
_PAGER_LINK = re.compile(r'<a href="([^"]*)"[^>]*>([^<]*)</a>')


@dataclass(frozen=True)
class PageRow:
    """A row of page links (ui.paging) as a reader meets it: the page shown, and each link's words and address."""

    current: int
    links: dict[str, str]  # the link's words ("2", "Next page →") -> its address, unescaped

    def params(self, words: str) -> dict[str, str]:
        """The link parameters of the link with these words."""
        return dict(parse_qsl(urlsplit(self.links[words]).query))


def page_rows(at: Any) -> list[PageRow]:
    """The page's rows of page links, top to bottom (none when the list fits one page)."""
    rows = []
    for element in at.get("html"):
        if found := _PAGER.search(element.proto.body):
            current = re.search(r'<strong aria-current="page">(\d+)</strong>', found[1])
            links = {html.unescape(w): html.unescape(h) for h, w in _PAGER_LINK.findall(found[1])}
            rows.append(PageRow(int(current[1]) if current else 0, links))
    return rows
