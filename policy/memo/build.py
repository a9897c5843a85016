"""Resolve a checked spec against the dataset into a Memo, numbering citations in order of first use."""

from __future__ import annotations

import re
from collections.abc import Iterable

from policy.citations import Style, bibliography, note
from policy.dataset import Dataset
from policy.memo.choices import check_spec
from policy.memo.model import (
    Argument,
    CitedQuote,
    EvidenceEntry,
    EvidenceGroup,
    Memo,
    Option,
    Prose,
    Run,
    Section,
)
from policy.memo.spec import MemoInputError, MemoSpec, OptionChoice
from policy.models import Evidence, Position, Quote, Stance
from policy.prose import pieces
from policy.queries import actor_role, coverage_note, format_figure

QUOTES_PER_ITEM = 2  # quotes shown under one argument or evidence item


class _Citer:
    """Numbers quotes in order of first use and collects the sources they come from."""

    def __init__(self, dataset: Dataset, style: Style) -> None:
        self.dataset, self.style = dataset, style
        self.numbers: dict[str, int] = {}
        self.notes: list[str] = []
        self.sources: dict[str, str] = {}

    def cite(self, quote_ids: Iterable[str]) -> tuple[CitedQuote, ...]:
        quotes = [self.dataset.quote(q) for q in list(quote_ids)[:QUOTES_PER_ITEM]]
        return tuple(CitedQuote(q.text, self._number(q)) for q in quotes)

    def prose(self, text: str) -> Prose:
        """Our words with their citation markers turned into note numbers (every marker, not just two)."""
        runs: list[Run] = []
        for piece in pieces(text):
            if piece.text:
                runs.append(Run(piece.text))
            else:
                numbers = tuple(self._number(self.dataset.quote(q)) for q in piece.cites)
                last = runs.pop() if runs else Run("")
                runs.append(Run(last.text, last.notes + numbers))
        return tuple(runs)

    def _number(self, quote: Quote) -> int:
        if quote.id not in self.numbers:
            source = self.dataset.source(quote.source)
            cited = note(source, self.style)
            if quote.speaker:
                cited = f"{self.dataset.actor(quote.speaker).name}, quoted in {cited}"
            self.notes.append(cited)
            self.numbers[quote.id] = len(self.notes)
            self.sources[source.id] = bibliography(source, self.style)
        return self.numbers[quote.id]


def build_memo(dataset: Dataset, spec: MemoSpec) -> Memo:
    """Check the spec's ids against the dataset and resolve everything the renderers need."""
    problems = check_spec(dataset, spec)
    if problems:
        raise MemoInputError(problems)
    citer = _Citer(dataset, spec.style)
    header = (("To", spec.to), ("From", spec.from_), ("Date", spec.date), ("Subject", spec.subject))
    return Memo(
        title="Memorandum",
        subject=spec.subject,
        author=spec.from_,
        header=tuple((k, v) for k, v in header if v),
        intro=_sections((("Purpose", spec.purpose), ("Background", spec.background))),
        options=tuple(_option(dataset, choice, citer) for choice in spec.options),
        closing=_sections((("Recommendation", spec.recommendation),)),
        notes=tuple(citer.notes),
        sources=tuple(sorted(citer.sources.values(), key=str.casefold)),
        style=spec.style,
        coverage=coverage_note(dataset),
    )


def _sections(texts: Iterable[tuple[str, str]]) -> tuple[Section, ...]:
    split = ((h, tuple(p.strip() for p in re.split(r"\n\s*\n", t) if p.strip())) for h, t in texts)
    return tuple(Section(h, paragraphs) for h, paragraphs in split if paragraphs)


def _option(dataset: Dataset, choice: OptionChoice, citer: _Citer) -> Option:
    position = dataset.position(choice.position)
    return Option(
        id=position.id,
        title=position.title,
        one_line=citer.prose(position.one_line),
        summary=citer.prose(position.summary),
        arguments_for=_arguments(dataset, position.proponents, choice.arguments_for, citer),
        arguments_against=_arguments(dataset, position.critics, choice.arguments_against, citer),
        evidence=_evidence_groups(dataset, position, choice.evidence, citer),
    )


def _evidence_groups(
    dataset: Dataset, position: Position, evidence_ids: list[str], citer: _Citer
) -> tuple[EvidenceGroup, ...]:
    items = [dataset.evidence_item(e) for e in evidence_ids]
    groups = []
    for label, bearing in (
        ("Evidence for", "supports"),
        ("Evidence against", "undercuts"),
        ("Context", "context"),
    ):
        chosen = [e for e in items if e.bearing[position.id] == bearing]
        entries = tuple(EvidenceEntry(e.claim, _figure(e), citer.cite(e.quotes)) for e in chosen)
        if entries:
            groups.append(EvidenceGroup(label, entries))
    return tuple(groups)


def _figure(item: Evidence) -> str:
    # Shown only where the claim does not already give the number in its own words.
    figure = format_figure(item)
    return "" if not figure or figure.split()[0] in item.claim else figure


def _arguments(
    dataset: Dataset, stances: list[Stance], actors: list[str], citer: _Citer
) -> tuple[Argument, ...]:
    by_actor = {s.actor: s for s in reversed(stances)}  # the first stance wins
    out = []
    for actor_id in actors:
        actor, stance = dataset.actor(actor_id), by_actor[actor_id]
        # Our words with their markers as notes, then the verbatim quotes (a quote keeps one number).
        argument = citer.prose(stance.argument)
        out.append(Argument(actor.name, actor_role(actor), argument, citer.cite(stance.quotes)))
    return tuple(out)
