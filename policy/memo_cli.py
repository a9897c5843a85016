"""The `memo` and `cite` subcommands: a policy memo of the chosen options as Word, Markdown or PDF, and the sources
for a reference manager; each in English or another interface language (--lang), content included."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, cast

from policy import i18n
from policy.citations import EXPORT_FORMATS, STYLES, ExportFormat, csl_items, export
from policy.dataset import Dataset
from policy.i18n import _, ngettext
from policy.loader import load_dataset
from policy.memo import Memo, MemoInputError, MemoSpec, build_memo, default_spec, to_docx, to_markdown, to_pdf
from policy.paths import data_dir
from policy.translations import translate

FORMATS = ("docx", "md", "pdf")
_HEADER_FLAGS = (("to", "to"), ("from_", "from"), ("subject", "subject"), ("date", "date"))


def _add_lang(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=i18n.DEFAULT,
        help="language of the headings, notes and citations, and of the content where translated (default: en)",
    )


def load_in(data: str | None, language: str) -> Dataset:
    """The content folder's dataset in the language: its translations/<lang>/ where it has one (English where a
    text is not translated), else as written."""
    dataset = load_dataset(data)
    folder = data_dir(data) / "translations" / language
    if language == i18n.DEFAULT or not folder.is_dir():
        return dataset
    return translate(dataset, folder, language).dataset


def add_memo_command(sub: Any) -> None:
    """Register `memo` on the CLI's subparsers."""
    p = sub.add_parser("memo", help="Write a memo of the policy options as Word, Markdown or PDF.")
    p.add_argument("--data", help="content folder (default: $POLICY_DATA_DIR or the bundled data/)")
    _add_lang(p)
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


def _problems(lines: list[str]) -> str:
    if len(lines) == 1:
        return lines[0]
    head = ngettext("{n} problem:", "{n} problems:", len(lines)).format(n=len(lines))
    return head + "".join(f"\n  - {x}" for x in lines)


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
    """Build the default memo of the chosen positions and write it in the chosen format and language."""
    with i18n.use(getattr(args, "lang", i18n.DEFAULT)):
        return _memo(args)


def _memo(args: argparse.Namespace) -> int:
    fmt = _format_of(args)
    if fmt is None:
        message = _("cannot tell the format from {output}: give --format {formats}")
        return _fail(message.format(output=repr(args.output), formats="|".join(FORMATS)))
    dataset = load_in(args.data, i18n.current())
    try:
        memo = build_memo(dataset, _spec(dataset, args))
    except MemoInputError as err:
        return _fail(_problems(err.problems))
    data = _render(memo, fmt)
    try:
        Path(args.output).write_bytes(data)
    except OSError as err:
        return _fail(
            _("cannot write {output}: {reason}").format(output=args.output, reason=err.strerror or err)
        )
    print(_("wrote {output} ({size} bytes)").format(output=args.output, size=len(data)))
    return 0


def add_cite_command(sub: Any) -> None:
    """Register `cite` on the CLI's subparsers."""
    p = sub.add_parser("cite", help="Print the sources as CSL-JSON, BibTeX or RIS, for a reference manager.")
    p.add_argument("--data", help="content folder (default: $POLICY_DATA_DIR or the bundled data/)")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="csl-json", help="default: csl-json")
    p.add_argument("--sources", help="comma-separated source ids (default: every source)")
    _add_lang(p)
    p.set_defaults(func=cmd_cite)


def cmd_cite(args: argparse.Namespace) -> int:
    """Print the chosen sources (all by default) in a reference manager's format, in the chosen language."""
    with i18n.use(getattr(args, "lang", i18n.DEFAULT)):
        dataset = load_in(args.data, i18n.current())
        ids = [s.strip() for s in args.sources.split(",") if s.strip()] if args.sources else None
        unknown = [i for i in ids or [] if not dataset.has("sources", i)]
        if unknown:
            # Translators: {ids} is one source id or several, comma-separated.
            message = _("unknown source id {ids}; the valid ids are {valid}")
            valid = ", ".join(s.id for s in dataset.sources)
            print("cite: " + message.format(ids=", ".join(map(repr, unknown)), valid=valid), file=sys.stderr)
            return 1
        sys.stdout.write(export(csl_items(dataset, ids), cast(ExportFormat, args.format)))
        return 0
