"""Text is data, everywhere: no link, image, icon, maths, emoji, colour or bidi control reaches the page from
content, a link parameter or what a reader types; echoes are short; the memo's .docx holds any text; the poll
store takes the same input on SQLite and PostgreSQL.

What the checks stand for, as seen in Chromium (Streamlit 1.67): the Markdown renderer turns autolink literals
(``https://…``, ``www.…``, e-mail addresses), ``:material/…:`` icons and ``:shortcode:`` emoji into markup
*after* backslash escapes are undone, so an escaped ``https\\://x`` is still a live link. What the renderer
reads is the text with its escapes undone; ``live_markup`` looks at exactly that.
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from policy import Dataset, load_dataset
from policy.live import BadOption, BadVoter, PollError, PollStore
from policy.memo import build_memo, default_spec, to_docx, to_markdown, to_pdf
from policy.memo.spec import MemoSpec
from policy.params import Parsed, many_of, one_of
from policy.slides import build_slides
from policy.style import position_label
from policy.text import md_escape, md_escape_document, md_inert_document, plain, preview, xml_text
from tests.conftest import without_marks
from tests.test_memo import docx_paragraphs
from tests.test_poll import db_url, pg_admin, store  # noqa: F401  (the SQLite / PostgreSQL store fixtures)
from ui.registry import PAGES, script

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PK = "text-is-data-presenter-key-0123"  # the presenter key of the polls opened here
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Every kind of markup the renderer makes from text, in one line a content copy that validates can hold.
PAYLOAD = (
    "[l](https://evil.example/a) ![i](https://evil.example/i.png) https://evil.example/b www.evil.example "
    "$x^2$ :red[red] **bold** :material/lock: :smile: u@evil.example \u202eRTL"
)
# Content refuses bidi controls at validation (tests/test_ui.py), so a content copy carries the rest.
CONTENT_PAYLOAD = BIDI.sub("", PAYLOAD).replace(" RTL", " RTL text")
HOSTILE_LINKS = ["https://evil.example/login", "www.evil.example", ":material/lock:"]

_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?)?\s*$", re.M)
_OWN_BADGE = re.compile(r"(?<!\\):(?:red|orange|yellow|blue|green|violet|gray|grey|primary)-badge\[")


def live_markup(text: str) -> list[str]:
    """What the renderer would turn into markup in this Markdown text, by name (empty: the text is inert).

    The pages' own citation marks are links by design (a number, its quote page, the quote as hover title)."""
    text = without_marks(text)
    reading = _UNESCAPE.sub(r"\1", _OWN_BADGE.sub("", text))  # what the renderer's text nodes hold
    reading = _TABLE_RULE.sub(
        "", reading
    )  # a table's rule row (|:---|) is markup, not text: no shortcode in it
    checks = {
        "bidi control": BIDI.search(text),
        "link or image": re.search(r"(?<!\\)\]\(|(?<!\\)!\[", text),
        "autolink literal": re.search(r"(?i)https?://|www\.|[\w.+-]@[\w-]", reading),
        "icon, emoji or colour directive": re.search(r":[A-Za-z0-9_+-]", reading),
        "maths": re.search(r"(?<!\\)\$", text),
        "bold": re.search(r"(?<!\\)\*\*bold", text),
        "html": re.search(r"<[A-Za-z/!]", text),
    }
    return [name for name, found in checks.items() if found]


# -- the rule itself -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [PAYLOAD, *HOSTILE_LINKS, "WWW.EVIL.EXAMPLE", "mailto:u@evil.example", ":+1: :-1: :blue-badge[x]"],
)
def test_escaped_text_is_inert_and_reads_the_same(text: str) -> None:
    escaped = md_escape(text)
    assert not live_markup(escaped), (text, live_markup(escaped))
    # What the reader sees: the same characters (the joiners are invisible), less any bidi control.
    assert _UNESCAPE.sub(r"\1", escaped).replace("\u2060", "") == BIDI.sub("", text)


def test_plain_text_loses_only_bidi_controls_and_an_echo_is_short_and_visible() -> None:
    assert plain("a\u202eb\u2066c\u200fd [x](y)") == "abcd [x](y)"
    echo = preview("\u202e" + "x" * 1_000_000)
    assert len(echo) < 60 and echo.startswith("\\u202e") and "\u202e" not in echo
    assert preview("nul\x00 and \ufffe") == "nul\\x00 and \\ufffe"
    assert xml_text("a\ufffeb\uffffc\x00d\te\nf") == "abcd\te\nf"


# -- finding 3: link parameters in the site's own notices ------------------------------------------------

# Every page that reads its link, and parameters it echoes back in a notice or an error.
PARAMETERS = {
    "position": ["position"],
    "compare": ["positions"],
    "evidence": ["position", "source", "actor", "page", "item"],
    "people": ["person", "country", "kind"],
    "figures": ["series"],
    "contested": ["position", "dispute"],
    "timeline": ["position", "source"],
    "memo": ["positions", "style"],
    "present": ["slide", "room"],
    "vote": ["join"],
    "sources": ["quote", "source", "term"],
    "search": ["kind"],
}


@pytest.fixture(scope="module", autouse=True)
def private_polls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from ui.store import poll_store

    folder = tmp_path_factory.mktemp("polls")
    old = os.environ.get("POLICY_POLL_DB")
    os.environ["POLICY_POLL_DB"] = str(folder)
    poll_store.clear()
    yield folder
    poll_store.clear()
    if old is None:
        os.environ.pop("POLICY_POLL_DB", None)
    else:
        os.environ["POLICY_POLL_DB"] = old


def run(page: str, /, state: dict[str, Any] | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.switch_page(script(page)).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def messages(at: AppTest) -> list[str]:
    return [str(e.value) for kind in ("info", "warning", "error") for e in at.get(kind)]


def test_every_page_that_reads_its_link_is_checked() -> None:
    reads = {
        spec.url_path
        for spec in PAGES
        if re.search(r"UrlState\(|url_params\(", (ROOT / spec.script).read_text(encoding="utf-8"))
    }
    assert reads == set(PARAMETERS)


@pytest.mark.parametrize("page", sorted(PARAMETERS))
@pytest.mark.parametrize("value", HOSTILE_LINKS)
def test_a_link_parameter_is_echoed_as_inert_text(page: str, value: str) -> None:
    at = run(page, **dict.fromkeys(PARAMETERS[page], value))
    shown = [m for m in messages(at) if "evil" in m.lower() or "material" in m.lower()]
    assert shown, f"the notice on {page} no longer repeats the value: {messages(at)}"
    for message in shown:
        assert not live_markup(message), (page, message, live_markup(message))


def test_a_long_parameter_is_echoed_short() -> None:
    parsed = Parsed()
    one_of({"p": "x" * 10_000}, "p", ["a"], parsed)
    many_of({"p": ",".join(["y" * 400] * 9)}, "p", ["a"], parsed)
    assert all(len(n) < 400 for n in parsed.notices), [len(n) for n in parsed.notices]


def test_a_bidi_control_in_the_join_code_cannot_flip_the_error() -> None:
    at = run("vote", join="\u202eabc")
    (error,) = [str(e.value) for e in at.error]
    assert not BIDI.search(error)
    assert "u202e" in error and "not a valid poll code" in error


# -- finding 4: content text as Markdown in titles, labels, badges and help ------------------------------


def _hostile(data: Any, fields: tuple[str, ...]) -> None:
    for item in data if isinstance(data, list) else [data]:
        for name in fields:
            if item.get(name):
                item[name] = f"{item[name]} {CONTENT_PAYLOAD}"


HOSTILE_FIELDS = {
    "debate.yaml": ("title", "question", "intro", "poll_question"),
    "positions.yaml": ("title", "short_title", "one_line", "summary", "mechanism"),
    "actors.yaml": ("name", "role"),
    "evidence.yaml": ("claim",),
    "disputes.yaml": ("question", "note"),
    "series.yaml": ("title", "description"),
    "sources.yaml": ("outlet", "title", "notes"),
    "glossary.yaml": ("term", "definition"),
    "timeline.yaml": ("title", "description"),
}


@pytest.fixture
def hostile_content(mini_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Dataset:
    """The test debate with the payload in every title, name, label and text a page shows."""
    for name, fields in HOSTILE_FIELDS.items():
        path = mini_copy / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        _hostile(data, fields)
        if name == "evidence.yaml":
            data[0]["figure"]["period"] = "P " + CONTENT_PAYLOAD  # a metric's label
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("POLICY_DATA_DIR", str(mini_copy))
    return load_dataset(mini_copy)  # it validates: nothing here is refused by the loader


PROSE_TAGS = {
    "div",
    "span",
    "p",
    "strong",
    "em",
    "a",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "pre",  # a block to copy (ui.prose.copy_block): its text, and its Copy button
    "code",
    "button",
    "h3",  # a card's title (the Overview's options, ui.prose.cards)
    "details",  # a card's part to open, and its label (Compare's cells, ui.prose.cards)
    "summary",
}


def passage_markup(body: str) -> list[str]:
    """What in a passage drawn as HTML (ui.prose) is markup made from content (empty: the content is inert): a tag
    the pages' own Markdown does not make, a link out of the app (the pages link only to their own ./pages and to
    the sources' own addresses, which the test content does not change), bold from text."""
    checks = {
        "tag": [
            t for t in re.findall(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)", body) if t.lower() not in PROSE_TAGS
        ],
        "link out": re.findall(r'href="(?!\./)[^"]*evil[^"]*"', body),
        "bold": re.findall(r"<strong>bold", body),
        "event handler": re.findall(r"\son[a-z]+\s*=", body),
    }
    return [name for name, found in checks.items() if found]


def drawn_text(at: AppTest) -> tuple[list[str], list[str]]:
    """(Markdown text, plain text) of every element and block: bodies, labels, help, and widget options; the
    passages drawn as HTML (ui.prose) are checked apart (passage_markup)."""
    markdown: list[str] = []
    options: list[str] = []

    def collect(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                collect(v, k)
        elif isinstance(value, list):
            for v in value:
                collect(v, key)
        elif isinstance(value, str) and key in ("body", "label", "help"):
            markdown.append(value)
        elif isinstance(value, str) and key == "options":
            options.append(value)

    def visit(node: Any) -> None:
        proto = getattr(node, "proto", None)
        # st.html is the app's own markup: tests/test_hardening.py holds every call to a literal (or a listed
        # template filled with numbers and keys), so no content text can reach one.
        if proto is not None and getattr(node, "type", "") != "html":
            collect(MessageToDict(proto))
        elif proto is not None and proto.body.startswith('<div class="prose">'):
            passages.append(proto.body)
        for child in getattr(node, "children", {}).values():
            visit(child)

    passages: list[str] = []
    visit(at.main)
    visit(at.sidebar)
    return markdown + passages, options


def assert_inert(at: AppTest, where: str, payload: bool = True) -> None:
    markdown, options = drawn_text(at)
    if payload:  # the page shows content text (the statement round's slide, with no round open, shows none)
        assert any("evil" in text for text in markdown + options), f"{where}: the payload is not on the page"
    passages = [text for text in markdown if text.startswith('<div class="prose">')]
    markdown = [text for text in markdown if not text.startswith('<div class="prose">')]
    for body in passages:
        tags = {
            t for t in re.findall(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)", body) if t.lower() not in PROSE_TAGS
        }
        assert not passage_markup(body), (where, passage_markup(body), tags, body[:300])
    for text in markdown:
        assert not live_markup(text), (where, live_markup(text), text[:300])
    for text in options:  # shown as typed: no escapes to see, no bidi control
        assert not BIDI.search(text) and "\\[" not in text, (where, text)


# Each page as it starts, with what is built only on request opened, and every slide.
VIEWS: list[tuple[str, dict[str, Any], dict[str, str]]] = [
    ("overview", {}, {}),
    ("search", {}, {"q": "evil"}),
    ("position", {}, {}),
    ("compare", {}, {}),
    ("evidence", {}, {}),
    ("people", {}, {}),
    ("people", {}, {"actor": "park"}),
    ("figures", {"fig-words-costs": True}, {}),
    ("contested", {}, {}),
    ("timeline", {}, {}),
    ("sources", {}, {}),
    ("memo", {"memo_preview": True, "memo_open_four-day": True}, {}),
    *(("present", {}, {"slide": str(n)}) for n in range(1, 9)),
]


def test_every_page_is_looked_at_with_hostile_content(mini: Dataset) -> None:
    assert {name for name, _, _ in VIEWS} | {"vote"} == {spec.url_path for spec in PAGES}
    assert len(build_slides(mini)) == 8 and mini.series[0].id == "costs" and mini.actor("park")


@pytest.mark.parametrize(("name", "state", "params"), VIEWS, ids=[f"{v[0]}{v[2] or ''}" for v in VIEWS])
def test_content_text_is_data_on_every_page(
    hostile_content: Dataset, name: str, state: dict[str, Any], params: dict[str, str]
) -> None:
    at = run(name, state, **params)
    assert_inert(at, f"{name} {params}", payload=params != {"slide": "7"})
    if name == "position":  # the options' links show each label as typed, bidi controls aside
        label = position_label(hostile_content, hostile_content.position_ids[0])
        nav = next(h.proto.body for h in at.get("html") if "The options" in h.proto.body)
        assert "[l](https://evil.example/a)" in plain(label)
        shown = html.escape(plain(label), quote=False)
        assert f"<strong>{shown}</strong>" in nav.replace("\u2060", ""), nav[:400]  # joiners are invisible


def test_poll_labels_and_question_from_content_are_data(hostile_content: Dataset) -> None:
    from ui.store import poll_store

    ds = hostile_content
    labels = {p: position_label(ds, p) for p in ds.position_ids}
    code = poll_store().open_poll(ds.debate.poll_question, ds.position_ids, labels, key=PK)
    poll_store().reveal(code, PK)
    at = run("vote", join=code)
    at.button(key=f"vote-{ds.position_ids[0]}").click().run()
    assert at.success, "the vote was not taken"
    assert_inert(at, "vote")


# -- finding 5: characters a .docx cannot hold, bidi, NUL, huge echoes, emoji in the preview -----------


def test_a_memo_with_u_fffe_and_u_ffff_builds_as_docx_losing_only_those(mini: Dataset) -> None:
    data = default_spec(mini).model_dump(by_alias=True)
    spec = MemoSpec(**{**data, "to": "Coun\ufffecil", "purpose": "Keep\uffff it \ufffeshort."})
    paragraphs = [text for _, text in docx_paragraphs(to_docx(build_memo(mini, spec)))]
    assert "Keep it short." in paragraphs
    # The same characters reaching the renderer another way (content, a future field) lose the same.
    memo = build_memo(mini, MemoSpec(**data))
    memo = dataclasses.replace(memo, title="Memo\ufffe", purpose=("A\uffffB \x00C",), author="Me\ufffe")
    paragraphs = [text for _, text in docx_paragraphs(to_docx(memo))]
    assert "Memo" in paragraphs and "AB C" in paragraphs
    assert to_pdf(build_memo(mini, spec))


def test_the_memo_preview_is_inert_and_the_download_keeps_its_links(mini: Dataset) -> None:
    data = default_spec(mini).model_dump(by_alias=True)
    typed = "See https://evil.example/x, www.evil.example :smile: :material/lock: u@evil.example \u202eflip"
    markdown = to_markdown(build_memo(mini, MemoSpec(**{**data, "background": typed})))
    assert "https://evil.example/x" in markdown and "\u2060" not in markdown  # read raw: clean
    shown = md_inert_document(markdown)
    assert not live_markup(shown), live_markup(shown)
    # The memo's own markup stays: headings, bold header labels, footnotes.
    assert "**Subject:**" in markdown and "**Subject:\u2060**" in shown
    assert shown.count("\n## ") == markdown.count("\n## ") and shown.count("[^1]") == markdown.count("[^1]")


def test_emoji_and_links_typed_into_the_memo_do_not_render_in_its_preview() -> None:
    typed = "See https://evil.example/x :smile: :material/lock: www.evil.example"
    at = run("memo", {"memo_preview": True, "memo_background": typed})
    preview_text = at.main.markdown[-1].value
    assert "evil" in preview_text
    assert not live_markup(preview_text), live_markup(preview_text)


NUL_INPUTS = [
    ("voter id", lambda s, code: s.vote(code, "voter\x00one", "a"), BadVoter),
    ("question", lambda s, code: s.open_poll("Which\x00?", ["a", "b"], key=PK), PollError),
    ("label", lambda s, code: s.open_poll("Which?", ["a", "b"], {"a": "A\x00"}, key=PK), PollError),
    ("option id", lambda s, code: s.open_poll("Which?", ["a\x00", "b"], key=PK), PollError),
    ("control character", lambda s, code: s.open_poll("Which\x1b[31m?", ["a", "b"], key=PK), PollError),
]


@pytest.mark.parametrize(("what", "call", "error"), NUL_INPUTS, ids=[n[0] for n in NUL_INPUTS])
def test_a_control_character_is_refused_alike_on_every_backend(
    store: PollStore,  # noqa: F811
    what: str,
    call: Any,
    error: type[PollError],
) -> None:
    code = store.open_poll("Which?", ["a", "b"], key=PK)
    with pytest.raises(error, match="control character") as caught:
        call(store, code)
    assert "\x00" not in str(caught.value)
    assert store.total_votes(code) == 0
    store.vote(code, "voter\tone", "a")  # tab is fine
    assert store.total_votes(code) == 1


def test_a_huge_bad_option_or_label_is_echoed_short(store: PollStore) -> None:  # noqa: F811
    code = store.open_poll("Which?", ["a", "b"], key=PK)
    with pytest.raises(BadOption) as caught:
        store.vote(code, "voter", "x" * 1_000_000)
    assert len(str(caught.value)) < 300 and "is not one of the choices" in str(caught.value)
    with pytest.raises(BadOption) as caught:
        store.open_poll("Which?", ["a", "b"], {"y" * 1_000_000: "Y"}, key=PK)
    assert len(str(caught.value)) < 300
    with pytest.raises(PollError) as caught:
        store.open_poll("Which?", ["a", " " + "z" * 1_000_000], key=PK)
    assert len(str(caught.value)) < 300


def test_document_escaping_is_unchanged_for_the_download() -> None:
    # The .md is read raw too: the preview's joiners never reach it.
    assert (
        md_escape_document("see https://example.org and :smile:") == "see <https://example.org> and :smile:"
    )
