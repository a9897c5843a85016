"""A policy memo: the reader's choices (MemoSpec), resolved once (Memo), rendered as Markdown, Word or PDF."""

from policy.memo.build import QUOTES_PER_ITEM, build_memo
from policy.memo.choices import ARGUMENTS_PER_SIDE, EVIDENCE_PER_SIDE, check_spec, default_spec
from policy.memo.latin1 import to_latin1
from policy.memo.markdown import to_markdown
from policy.memo.model import Argument, CitedQuote, EvidenceEntry, EvidenceGroup, Memo, Option, Section
from policy.memo.pdf import FONT_DIRS, find_unicode_font, to_pdf
from policy.memo.spec import (
    HEADER_LIMIT,
    TEXT_LIMIT,
    FreeText,
    HeaderText,
    MemoInputError,
    MemoSpec,
    OptionChoice,
)
from policy.memo.word import to_docx

__all__ = [
    "ARGUMENTS_PER_SIDE",
    "EVIDENCE_PER_SIDE",
    "FONT_DIRS",
    "HEADER_LIMIT",
    "QUOTES_PER_ITEM",
    "TEXT_LIMIT",
    "Argument",
    "CitedQuote",
    "EvidenceEntry",
    "EvidenceGroup",
    "FreeText",
    "HeaderText",
    "Memo",
    "MemoInputError",
    "MemoSpec",
    "Option",
    "OptionChoice",
    "Section",
    "build_memo",
    "check_spec",
    "default_spec",
    "find_unicode_font",
    "to_docx",
    "to_latin1",
    "to_markdown",
    "to_pdf",
]
