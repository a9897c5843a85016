"""The command line: python -m policy validate | export | quotes | verify | schema | search | translations | memo |
cite."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from policy.dataset import Dataset
from policy.exports import dataset_json, quotes_json, safe_csv
from policy.loader import FILES, ContentError, load_dataset
from policy.memo_cli import add_cite_command, add_memo_command
from policy.paths import archive_dir, data_dir
from policy.queries import evidence_table
from policy.search import SearchIndex
from policy.translations import FILES as TRANSLATED_FILES
from policy.translations import languages, todo, translate
from policy.verify import verify_dataset


def _load(args: argparse.Namespace) -> Dataset:
    return load_dataset(args.data)


def cmd_validate(args: argparse.Namespace) -> int:
    """Load the content and its translations and report whether they are sound, with each language's coverage."""
    ds = _load(args)
    print(
        f"OK: {len(ds.positions)} positions, {len(ds.actors)} actors, {len(ds.quotes)} quotes, "
        f"{len(ds.evidence)} evidence items, {len(ds.disputes)} disputes, {len(ds.timeline)} events, "
        f"{len(ds.series)} series, {len(ds.glossary)} glossary terms, {len(ds.sources)} sources"
    )
    folder = data_dir(args.data)
    failed = False
    for language in languages(folder):
        done = translate(
            ds, folder / "translations" / language, language, f"{folder.name}/translations/{language}"
        )
        print(done.summary())
        for problem in done.problems:
            print(f"  - {problem}", file=sys.stderr)
        failed = failed or bool(done.problems)  # stale entries are problems; a missing one shows in English
    return 1 if failed else 0


def cmd_translations(args: argparse.Namespace) -> int:
    """Print, as YAML to fill in, every text of ours that a language lacks or has stale (optionally one file's)."""
    ds = _load(args)
    folder = data_dir(args.data) / "translations" / args.language
    done = translate(ds, folder, args.language) if folder.is_dir() else None
    left = {k: v for k, v in todo(ds, done).items() if not args.file or k.split("/", 1)[0] == args.file}
    print(
        f"# {len(left)} to translate into {args.language}: replace 'english' by 'text' with the translation"
    )
    print(yaml.safe_dump(left, allow_unicode=True, sort_keys=False, width=110), end="")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Print the validated dataset as JSON, or the evidence table as CSV."""
    ds = _load(args)
    if args.format == "csv":
        sys.stdout.buffer.write(safe_csv(evidence_table(ds)))
    else:
        print(dataset_json(ds))
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    """Print every quote as a JSON array of {id, source, quote}."""
    print(quotes_json(_load(args)))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Check every quote word for word against the archive."""
    archive = archive_dir(args.archive)
    if not archive.is_dir():
        print(f"verify: archive folder not found: {archive}", file=sys.stderr)
        return 2
    ds = _load(args)
    failures = verify_dataset(ds, archive)
    for failure in failures:
        print(f"NOT FOUND {failure}")
    print(
        f"{len(ds.quotes)} quotes checked, {len(ds.quotes) - len(failures)} found, {len(failures)} not found"
    )
    return 1 if failures else 0


def content_schemas() -> dict[str, Any]:
    """JSON Schema of each content file, keyed by file name."""
    out: dict[str, Any] = {}
    for stem, (model, many) in FILES.items():
        adapter: TypeAdapter[Any] = TypeAdapter(list[model] if many else model)  # type: ignore[valid-type]
        schema = adapter.json_schema()
        schema["title"] = f"{stem}.yaml"
        out[f"{stem}.yaml"] = schema
    return out


def cmd_schema(args: argparse.Namespace) -> int:
    """Print (or write one file per content file) the JSON Schema of the content."""
    schemas = content_schemas()
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for name, schema in schemas.items():
            (out / f"{Path(name).stem}.schema.json").write_text(json.dumps(schema, indent=2) + "\n")
        print(f"wrote {len(schemas)} schemas to {out}")
    else:
        print(json.dumps(schemas, indent=2))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """Search positions, arguments, evidence, quotes, people, disputes, events and the glossary (JSON hits)."""
    hits = SearchIndex(_load(args)).search(args.text, args.limit)
    print(json.dumps([h.summary() for h in hits], ensure_ascii=False, indent=2))
    return 0


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one subcommand per task."""
    parser = argparse.ArgumentParser(prog="python -m policy", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def add(
        name: str, func: Callable[[argparse.Namespace], int], data: bool = True
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=(func.__doc__ or "").strip())
        if data:
            p.add_argument("--data", help="content folder (default: $POLICY_DATA_DIR or the bundled data/)")
        p.set_defaults(func=func)
        return p

    add("validate", cmd_validate)
    add("export", cmd_export).add_argument("--format", choices=["json", "csv"], default="json")
    add("quotes", cmd_quotes)
    add("verify", cmd_verify).add_argument(
        "--archive",
        help="folder of <source id>.txt files (default: $POLICY_ARCHIVE_DIR or ../shared/sources)",
    )
    add("schema", cmd_schema, data=False).add_argument("--out", help="write <file>.schema.json files here")
    search = add("search", cmd_search)
    search.add_argument("text", help="the words to find (accents and case do not matter)")
    search.add_argument("--limit", type=_positive, default=20, help="at most this many hits (default 20)")
    translations = add("translations", cmd_translations)
    translations.add_argument("language", help="a language code, such as es")
    translations.add_argument("--file", choices=TRANSLATED_FILES, help="only this content file's texts")
    add_memo_command(sub)
    add_cite_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ContentError as err:
        print(f"The content has {len(err.problems)} problem(s):", file=sys.stderr)
        for problem in err.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
