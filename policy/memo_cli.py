"""The `memo` subcommand: write a policy memo of the chosen options as Word, Markdown or PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, cast

from policy.citations import EXPORT_FORMATS, STYLES, ExportFormat, csl_items, export
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
    p.add_argument(
        "--paper",
        type=str.lower,
        choices=["letter", "a4"],
        default="letter",
        help="PDF paper size (default: letter)",
    )
    p.add_argument(
        "--length", choices=["full", "brief"], default="full", help="brief: one page (default: full)"
    )
    p.add_argument("--no-quotes", action="store_true", help="leave the verbatim quotes out")
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
    header: dict[str, Any] = {n: getattr(args, d) for d, n in _HEADER_FLAGS if getattr(args, d) is not None}
    header |= {"paper": args.paper, "length": args.length, "quotes": not args.no_quotes}
    return MemoSpec(**{**spec.model_dump(by_alias=True), **header})


def _render(memo: Memo, fmt: str) -> bytes:
    if fmt == "md":
        return to_markdown(memo).encode("utf-8")
    return to_docx(memo) if fmt == "docx" else to_pdf(memo)


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
    data = _render(memo, fmt)
    try:
        Path(args.output).write_bytes(data)
    except OSError as err:
        return _fail(f"cannot write {args.output}: {err.strerror or err}")
    print(f"wrote {args.output} ({len(data)} bytes)")
    return 0


def add_cite_command(sub: Any) -> None:
    """Register `cite` on the CLI's subparsers."""
    p = sub.add_parser("cite", help="Print the sources as CSL-JSON, BibTeX or RIS, for a reference manager.")
    p.add_argument("--data", help="content folder (default: $POLICY_DATA_DIR or the bundled data/)")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="csl-json", help="default: csl-json")
    p.add_argument("--sources", help="comma-separated source ids (default: every source)")
    p.set_defaults(func=cmd_cite)


def cmd_cite(args: argparse.Namespace) -> int:
    """Print the chosen sources (all by default) in a reference manager's format."""
    dataset = load_dataset(args.data)
    ids = [s.strip() for s in args.sources.split(",") if s.strip()] if args.sources else None
    unknown = [i for i in ids or [] if not dataset.has("sources", i)]
    if unknown:
        valid = ", ".join(s.id for s in dataset.sources)
        print(
            f"cite: unknown source id {', '.join(map(repr, unknown))}; the valid ids are {valid}",
            file=sys.stderr,
        )
        return 1
    sys.stdout.write(export(csl_items(dataset, ids), cast(ExportFormat, args.format)))
    return 0
