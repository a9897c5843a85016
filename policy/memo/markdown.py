"""The memo as Markdown: every string escaped, citations as footnotes."""

from __future__ import annotations

from policy.memo.model import Argument, CitedQuote, EvidenceEntry, Memo, Option, Prose, Section
from policy.text import md_escape_document


def to_markdown(memo: Memo) -> str:
    """The memo as Markdown, every string escaped, citations as footnotes under Sources."""
    header = [f"**{k}:** {_inline(v)}" for k, v in memo.header]
    lines = [f"# {_inline(memo.title)}", ""] + ([" \\\n".join(header), ""] if header else [])
    if memo.coverage:
        lines += [f"*{_inline(memo.coverage)}*", ""]
    for section in memo.intro:
        lines += _section(section)
    for option in memo.options:
        lines += _option(option)
    for section in memo.closing:
        lines += _section(section)
    if memo.notes or memo.sources:
        lines += ["## Sources", ""]
        lines += [f"[^{n}]: {_inline(text)}" for n, text in enumerate(memo.notes, 1)]
        lines += ["", *(f"- {_inline(s)}" for s in memo.sources)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _inline(text: str) -> str:
    return md_escape_document(" ".join(text.split()))


def _prose(prose: Prose) -> str:
    """Our words, each run followed by its footnote references."""
    return "".join(_inline_keep(run.text) + "".join(f"[^{n}]" for n in run.notes) for run in prose).strip()


def _inline_keep(text: str) -> str:
    # Like _inline, but the spaces at either end stay (a run may end before a note and go on after it).
    words = " ".join(text.split())
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() and words else ""
    return lead + md_escape_document(words) + tail if words else lead


def _quotes(quotes: tuple[CitedQuote, ...]) -> str:
    return "".join(f" \u201c{_inline(q.text)}\u201d[^{q.number}]" for q in quotes)


def _argument(arg: Argument) -> str:
    who = f"**{_inline(arg.actor)}**" + (f", {_inline(arg.role)}" if arg.role else "")
    return f"- {who}: {_prose(arg.argument)}{_quotes(arg.quotes)}"


def _evidence(item: EvidenceEntry) -> str:
    figure = f" ({_inline(item.figure)})" if item.figure else ""
    return f"- {_inline(item.claim)}{figure}{_quotes(item.quotes)}"


def _section(section: Section) -> list[str]:
    return [
        f"## {_inline(section.heading)}",
        "",
        *(line for p in section.paragraphs for line in (md_escape_document(p), "")),
    ]


def _option(option: Option) -> list[str]:
    lines = [
        f"## {_inline(option.title)}",
        "",
        f"*{_prose(option.one_line)}*",
        "",
        _prose(option.summary),
        "",
    ]
    for heading, args in option.argument_sides:
        lines += [f"### {heading}", "", *(_argument(a) for a in args), ""]
    if option.evidence:
        lines += ["### Evidence", ""]
        for group in option.evidence:
            lines += [f"#### {group.label}", "", *(_evidence(e) for e in group.items), ""]
    return lines
