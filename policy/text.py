"""Make text safe to show: content and user text are data, never markup."""

from __future__ import annotations

import re

# Characters Markdown (and Streamlit's flavour: $ for maths, : for emoji/colour directives) gives meaning to.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def md_escape(text: str) -> str:
    """Backslash-escape every character Markdown could read as markup, and HTML's < > &."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))
    return escaped.replace("\\<", "&lt;").replace("\\>", "&gt;")


def one_line(text: str, limit: int = 160) -> str:
    """Collapse whitespace and cut to a limit with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
