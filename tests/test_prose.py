"""Passages drawn as HTML (ui.prose): content stays data, links go where st.markdown's went, the look follows
the theme."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from ui.blocks import esc
from ui.prose import copy_block, to_html
from ui.styles import LINK_DARK, LINK_LIGHT

ROOT = Path(__file__).resolve().parents[1]


def test_prose_writes_tags_and_script_links_in_content_as_text() -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <b>bold</b>"
    for text in (hostile, esc(hostile)):
        html = to_html(text)
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in to_html(esc(hostile))


def test_prose_keeps_what_the_pages_markdown_says() -> None:
    html = to_html(
        '**Title** — *who*  \nnext line\n\n---\n\n- one\n- two [³](./sources?quote=q1 "“Words…” — X")'
    )
    assert (
        "<strong>Title</strong>" in html and "<em>who</em>" in html and "<br />" in html and "<hr />" in html
    )
    assert "<li>one</li>" in html
    assert '<a href="./sources?quote=q1" title="“Words…” — X">³</a>' in html  # the app's own: same tab


def test_links_out_of_the_app_open_in_a_new_tab() -> None:
    html = to_html("[The source](https://www.example.org/a)")
    assert 'target="_blank"' in html and 'rel="noopener noreferrer"' in html


def test_passage_links_have_the_themes_link_colours() -> None:
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    assert theme["light"]["linkColor"] in LINK_LIGHT
    assert theme["dark"]["linkColor"] in LINK_DARK


def test_a_badge_label_shows_its_characters_once_escaped() -> None:
    html = to_html(f":blue-badge[{esc('Trade & <tariffs> [x]')}]")
    assert '<span class="prose-badge prose-badge-blue">Trade &amp; &lt;tariffs&gt; [x]</span>' in html


def test_a_block_to_copy_keeps_its_text_exactly_and_reads_nothing_in_it() -> None:
    from html import unescape

    from tests.conftest import _COPY

    for text in (
        "Smith, J. “Title.” *Outlet*, 2023. https://example.org/a_b",
        "<script>alert(1)</script> & [x](javascript:alert(1))",
        "``` a fence inside ```` and more\n\ntwo paragraphs",
    ):
        html = to_html(copy_block(text))
        assert "<script" not in html and "<em>" not in html and "<a " not in html
        assert [unescape(m[1]) for m in _COPY.finditer(html)] == [text]
        assert '<button type="button">Copy</button><span role="status"></span>' in html
    # Any other fenced block is markdown-it's own.
    assert to_html("```\ncode\n```") == '<div class="prose"><pre><code>code\n</code></pre>\n</div>'


def test_citation_marks_hold_to_the_word_before_them() -> None:
    """A run of marks follows its word with a no-break space, so a line never starts with a mark (or with the
    punctuation after one)."""
    from policy.loader import load_dataset
    from ui.blocks import Marks

    ds = load_dataset(ROOT / "data")
    text = ds.positions[0].summary
    md = Marks(ds).md(text)
    runs = re.findall(r"(.)\[[¹²³⁴⁵⁶⁷⁸⁹⁰]+\]\(\./", md)
    assert runs and set(runs) <= {"\u202f", "˒"}, set(runs)
