"""The `memo` subcommand: write a policy memo of the chosen options as Word, Markdown or PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Literal

from policy.citations import STYLES
from policy.dataset import Dataset
from policy.loader import load_dataset
from policy.memo import Memo, MemoInputError, MemoSpec, build_memo, default_spec, to_docx, to_markdown, to_pdf

FORMATS = ("docx", "md", "pdf")
_HEADER_FLAGS = (("to", "to"), ("from_", "from"), ("subject", "subject"), ("date", "date"))


def add_memo_command(sub: Any) -> None:
    """Register `memo` on the CLI's subparsers."""
    p = sub.add_parser("memo", help="Write a memo of the policy options as Word, Markdown or PDF.")
    p.add_argument("--data", help="content folder (default: $POLICY_DATA_DIR or the bundled data/)")
    p.add_argument("--format", choices=FORMATS, help="default: from the output file's suffix")
    p.add_argument("--output", "-o", required=True, help="file to write")
    p.add_argument("--positions", help="comma-separated position ids (default: all, in content order)")
    p.add_argument("--style", choices=STYLES, default="chicago", help="citation style (default: chicago)")
    p.add_argument("--paper", choices=["A4", "Letter"], default="A4", help="PDF paper size (default: A4)")
    for dest, flag in _HEADER_FLAGS:
        p.add_argument(f"--{flag}", dest=dest, metavar="TEXT", help=f"the memo's {flag.capitalize()} line")
    p.set_defaults(func=cmd_memo)


def _fail(message: str) -> int:
    print(f"memo: {message}", file=sys.stderr)
    return 1


def _format_of(args: argparse.Namespace) -> str | None:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower()
    return {".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf"}.get(suffix)


def _spec(dataset: Dataset, args: argparse.Namespace) -> MemoSpec:
    ids = [p.strip() for p in args.positions.split(",") if p.strip()] if args.positions else None
    spec = default_spec(dataset, ids, args.style)
    header = {name: getattr(args, dest) for dest, name in _HEADER_FLAGS if getattr(args, dest) is not None}
    return MemoSpec(**{**spec.model_dump(by_alias=True), **header}) if header else spec


def _render(memo: Memo, fmt: str, paper: Literal["A4", "Letter"]) -> bytes:
    if fmt == "md":
        return to_markdown(memo).encode("utf-8")
    return to_docx(memo) if fmt == "docx" else to_pdf(memo, paper=paper)


def cmd_memo(args: argparse.Namespace) -> int:
    """Build the default memo of the chosen positions and write it in the chosen format."""
    fmt = _format_of(args)
    if fmt is None:
        return _fail(f"cannot tell the format from {args.output!r}: give --format {'|'.join(FORMATS)}")
    dataset = load_dataset(args.data)
    try:
        memo = build_memo(dataset, _spec(dataset, args))
    except MemoInputError as err:
        lines = err.problems
        return _fail(
            lines[0] if len(lines) == 1 else f"{len(lines)} problems:" + "".join(f"\n  - {x}" for x in lines)
        )
    data = _render(memo, fmt, args.paper)
    try:
        Path(args.output).write_bytes(data)
    except OSError as err:
        return _fail(f"cannot write {args.output}: {err.strerror or err}")
    print(f"wrote {args.output} ({len(data)} bytes)")
    return 0
