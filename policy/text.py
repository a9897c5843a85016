"""Make text safe to show: content and user text are data, never markup."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence

# Characters Markdown (and Streamlit's flavour: $ for maths, : for emoji/colour directives) gives meaning to.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:=])")
# A Markdown document is read raw as well as rendered, so only what makes markup mid-line is escaped,
# $ included (the Streamlit preview, GitHub and Pandoc read $...$ as maths); line starts and URLs are
# handled separately.
_MD_DOCUMENT_SPECIAL = re.compile(r"([\\`*_\[\]#|~$])")
_URL = re.compile(r"https?://[^\s<>\"\\`]+[^\s<>\"\\`.,;:!?)]")
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")  # what _md_document_line makes of a URL

WORD_JOINER = "\u2060"  # invisible, and no break opportunity: it splits a pattern without changing the text
# Bidi controls (marks, embeddings, overrides, isolates): shown text must not reorder what is around it.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What Streamlit's Markdown reads in a text's characters after escapes are undone, so a backslash cannot stop
# it: GFM autolink literals (http://, https://, www., e-mail addresses) and :shortcode: emoji, :material/icon:
# icons and :colour[...] directives. A word joiner after each ':' and '@' and between 'www' and '.' breaks
# every one of them; the text reads and copies the same (idempotent: a joiner is never added twice).
# (a footnote reference "[^n]" right after a colon is left whole: it is the document's own markup)
_LIVE = re.compile(r"(?<=[:@])(?=[^\s\u2060])(?!\[\^\d)|(?<=www)(?=\.)", re.IGNORECASE)
# Characters XML 1.0 cannot hold (a .docx is XML): C0 controls but tab, newline and CR; surrogates; U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def md_escape(text: str) -> str:
    """Text made inert for Streamlit's Markdown: bidi controls gone, markup characters backslash-escaped,
    HTML's < > & as entities, and autolinks, emoji, icons and directives broken by a word joiner."""
    return _escape(_MD_SPECIAL, _break_live(plain(text)))


def plain(text: str) -> str:
    """Text for a plain-text surface (a select box's options): bidi controls removed, nothing else changed."""
    return _BIDI.sub("", text)


def preview(value: str, limit: int = 40) -> str:
    """A value echoed back in a message: cut to a limit, every invisible or control character (bidi controls,
    NUL, U+FFFE) shown as its escape, so an echo is short, visible and cannot reorder the message."""
    cut = value if len(value) <= limit else value[:limit] + "…"
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in cut)


def xml_text(text: str) -> str:
    """Text a .docx (XML 1.0) can hold: the characters it cannot are removed, everything else kept."""
    return _NOT_XML.sub("", text)


def md_inert_document(document: str) -> str:
    """A Markdown document (md_escape_document's) made inert for showing in the app: its URL autolinks become
    escaped text, and autolink literals, emoji, icons and bidi controls are broken as in md_escape. The
    document's own markup (headings, bold, lists, footnotes) is untouched."""
    unlinked = plain(_AUTOLINK.sub(lambda m: md_escape(m.group(1)), document))
    # A table's divider row (|:---|:--|) holds only alignment colons and dashes: breaking it would undo the table.
    return "\n".join(line if _TABLE_RULE.match(line) else _break_live(line) for line in unlinked.split("\n"))


_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?)?\s*$")


def _break_live(text: str) -> str:
    return _LIVE.sub(WORD_JOINER, text)


def md_escape_document(text: str) -> str:
    """Text for a Markdown document, literal when rendered and clean when read raw: no markup, links or tags."""
    return "\n".join(_md_document_line(line.lstrip()) for line in text.split("\n"))


def _md_document_line(line: str) -> str:
    # http(s) URLs become autolinks, whose text Markdown takes literally; the rest is escaped.
    urls, parts = _URL.findall(line), _URL.split(line)
    plain = [_escape(_MD_DOCUMENT_SPECIAL, part) for part in parts]
    out = plain[0] + "".join(f"<{u}>{p}" for u, p in zip(urls, plain[1:], strict=True))
    out = re.sub(r"^([-+=])", r"\\\1", out)  # list items, setext underlines
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", out)  # ordered list items


def _escape(specials: re.Pattern[str], text: str) -> str:
    # Entities go in first: they hold no Markdown specials, so the backslash pass leaves them whole.
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return specials.sub(r"\\\1", text)


def one_line(text: str, limit: int = 160) -> str:
    """Collapse whitespace and cut to a limit at a clause or word boundary, with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    head = flat[:limit]
    # Prefer ending a whole clause; else the last whole word.
    clause = max(head.rfind("; "), head.rfind(". "), head.rfind(", "))
    if clause >= limit * 0.55:
        return head[:clause].rstrip(" ,;") + "…"
    word = head.rfind(" ")
    return (head[:word] if word > 0 else head).rstrip(" ,;:") + "…"


def demote_headings(markdown: str, levels: int) -> str:
    """Push every ATX heading down some levels, so a document nests under the page's own headings."""
    return re.sub(r"^(#{1,6}) ", lambda m: "#" * min(6, len(m.group(1)) + levels) + " ", markdown, flags=re.M)


def md_table(header: Sequence[str], rows: Iterable[Sequence[object]], *, right: Collection[int] = ()) -> str:
    """A Markdown table of plain text: every cell escaped, line breaks flattened; ``right`` aligns columns."""

    def cell(value: object) -> str:
        return md_escape(" ".join(str(value).split())) if value is not None else ""

    align = ["--:" if i in right else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "| " + " | ".join(align) + " |"]
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"a row of {len(row)} cells under a header of {len(header)}")
        lines.append("| " + " | ".join(cell(v) for v in row) + " |")
    return "\n".join(lines)


_WEB_ADDRESS = re.compile(r"https?://[^\s()<>\[\]\"'\\]+")


def web_address(text: str | None) -> str | None:
    """The text when it is a plain web address (http or https, nothing a Markdown link could break on), else
    None: a content URL is made a link only then, and otherwise shown as text."""
    return text if text and _WEB_ADDRESS.fullmatch(text) else None


def sort_key(text: str) -> str:
    """A key to put names in the order a reader of English or Spanish expects: case and accents aside ("Cártel"
    among the c's before "Comisión"), the text itself deciding ties."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return f"{plain}\0{text}"
