"""A policy memo: the reader's choices (MemoSpec), resolved once (Memo), rendered as Markdown, Word or PDF."""

from policy.memo.build import QUOTES_PER_ITEM, build_memo
from policy.memo.choices import ARGUMENTS_PER_SIDE, EVIDENCE_PER_SIDE, check_spec, default_spec
from policy.memo.model import Contested, Memo, Option, Point, Quoted, Row, Run, Side
from policy.memo.render import page_count, references_file, to_docx, to_markdown, to_pdf
from policy.memo.source import to_source
from policy.memo.spec import (
    HEADER_LIMIT,
    TEXT_LIMIT,
    FreeText,
    HeaderText,
    MemoInputError,
    MemoSpec,
    OptionChoice,
)

__all__ = [
    "ARGUMENTS_PER_SIDE",
    "EVIDENCE_PER_SIDE",
    "HEADER_LIMIT",
    "QUOTES_PER_ITEM",
    "TEXT_LIMIT",
    "Contested",
    "FreeText",
    "HeaderText",
    "Memo",
    "MemoInputError",
    "MemoSpec",
    "Option",
    "OptionChoice",
    "Point",
    "Quoted",
    "Row",
    "Run",
    "Side",
    "build_memo",
    "check_spec",
    "default_spec",
    "page_count",
    "references_file",
    "to_docx",
    "to_markdown",
    "to_pdf",
    "to_source",
]
