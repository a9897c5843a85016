"""Make text safe to show: content and user text are data, never markup."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

# Characters Markdown (and Streamlit's flavour: $ for maths, : for emoji/colour directives) gives meaning to.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:=])")
# A Markdown document is read raw as well as rendered, so only what makes markup mid-line is escaped,
# $ included (the Streamlit preview, GitHub and Pandoc read $...$ as maths); line starts and URLs are
# handled separately.
_MD_DOCUMENT_SPECIAL = re.compile(r"([\\`*_\[\]#|~$])")
_URL = re.compile(r"https?://[^\s<>\"\\`]+[^\s<>\"\\`.,;:!?)]")


def md_escape(text: str) -> str:
    """Backslash-escape every character Markdown could read as markup, and HTML's < > &."""
    return _escape(_MD_SPECIAL, text)


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
