"""Resolve a checked spec against the dataset into a Memo: bottom line first, every claim with its citation."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from policy.citations import Cite, csl_items, quote_cite
from policy.dataset import Dataset
from policy.i18n import N_, _, ngettext, pgettext
from policy.memo.choices import check_spec
from policy.memo.model import Contested, Memo, Option, Point, Prose, Quoted, Row, Run, Side
from policy.memo.spec import MemoInputError, MemoSpec, OptionChoice
from policy.models import Dispute, Evidence, Position, Stance
from policy.prose import lead, pieces, sentences, strip_markers
from policy.queries import actor_role, coverage_note, format_figure, key_figure

DISPUTES_SHOWN = 6  # contested facts set out side by side in a full memo; the others are named
SUMMARY_CHARACTERS = 420  # an option's opening: whole sentences up to about this length (its detail follows)
MECHANISM_CHARACTERS = 480  # how an option would work: whole sentences up to about this length
QUOTES_PER_ITEM = 2  # citations behind one evidence item
BRIEF_CHARACTERS = 150  # the one-page brief keeps whole sentences of our prose up to about this length


class _Citer:
    """Turns quote ids into citations, collects the sources cited, and shows each verbatim quote once."""

    def __init__(self, dataset: Dataset, quotes: bool) -> None:
        self.dataset, self.quotes = dataset, quotes
        self.sources: dict[str, None] = {}
        self.shown: set[str] = set()

    def cites(self, quote_ids: Iterable[str]) -> tuple[Cite, ...]:
        out = []
        for quote_id in quote_ids:
            quote = self.dataset.quote(quote_id)
            self.sources[quote.source] = None
            out.append(quote_cite(self.dataset, quote))
        return tuple(dict.fromkeys(out))

    def prose(self, text: str, leave_out: Iterable[str] = ()) -> Prose:
        """Our words with every citation marker turned into a citation (but those of a quote shown after)."""
        skip = set(leave_out)
        runs: list[Run] = []
        for piece in pieces(text):
            if piece.text:
                runs.append(Run(piece.text))
            else:
                cites = self.cites(q for q in piece.cites if q not in skip)
                last = runs.pop() if runs else Run("")
                runs.append(Run(last.text, last.cites + cites))
        return tuple(runs)

    def claim(self, text: str, quote_ids: Sequence[str]) -> Prose:
        """A claim in our words (markers optional) cited by its own quotes."""
        prose = self.prose(text)
        cites = self.cites(quote_ids[:QUOTES_PER_ITEM])
        if not prose:
            return (Run("", cites),)
        last = prose[-1]
        # The citation goes before the closing punctuation, as our markers do (a note style moves it after).
        stop = len(last.text.rstrip().rstrip(".?!")) if not last.cites else len(last.text)
        return (
            *prose[:-1],
            Run(last.text[:stop], last.cites + cites),
            *([Run(last.text[stop:])] * (stop < len(last.text))),
        )

    def quote(self, quote_ids: Sequence[str]) -> Quoted | None:
        """The first of the quotes not yet shown in the memo, if quotes are wanted."""
        fresh = [q for q in quote_ids if q not in self.shown] if self.quotes else []
        if not fresh:
            return None
        self.shown.add(fresh[0])
        (cite,) = self.cites(fresh[:1])
        return Quoted(self.dataset.quote(fresh[0]).text, cite)


def build_memo(dataset: Dataset, spec: MemoSpec) -> Memo:
    """Check the spec's ids against the dataset and resolve everything the renderers need."""
    problems = check_spec(dataset, spec)
    if problems:
        raise MemoInputError(problems)
    brief = spec.length == "brief"
    citer = _Citer(dataset, spec.quotes and not brief)
    positions = [dataset.position(c.position) for c in spec.options]
    # Translators: the memo's header lines ("To: …", "From: …", "Date: …", "Subject: …").
    header = (
        (pgettext("memo header", "To"), spec.to),
        (pgettext("memo header", "From"), spec.from_),
        (pgettext("memo header", "Date"), spec.date),
        (pgettext("memo header", "Subject"), spec.subject),
    )
    chosen = {p.id for p in positions}
    # The contested facts that bear on most of the chosen options come first; a full memo sets out the first
    # few side by side and names the rest.
    bearing = sorted(
        (d for d in dataset.disputes if set(d.positions) & chosen),
        key=lambda d: -len(set(d.positions) & chosen),
    )
    disputes, also = bearing[:DISPUTES_SHOWN], bearing[DISPUTES_SHOWN:]
    summary, summary_points = _summary(dataset, positions, bearing, brief, citer)
    table = tuple(_row(dataset, p, c, citer) for p, c in zip(positions, spec.options, strict=True))
    memo_options = () if brief else tuple(_option(dataset, c, citer) for c in spec.options)
    return Memo(
        subject=spec.subject,
        author=spec.from_,
        header=tuple((k, v) for k, v in header if v),
        coverage=coverage_note(dataset),
        purpose=_paragraphs(spec.purpose),
        summary=summary,
        summary_points=summary_points,
        table=table,
        background=() if brief else _paragraphs(spec.background),
        facts=() if brief else _facts(dataset, positions, citer),
        options=memo_options,
        contested=() if brief else tuple(_contested(dataset, d, citer) for d in disputes),
        also_contested=() if brief else tuple(strip_markers(d.question) for d in also),
        recommendation=_paragraphs(spec.recommendation),
        references=tuple(csl_items(dataset, citer.sources)),
        style=spec.style,
        length=spec.length,
        paper=spec.paper,
        title=_("Memorandum"),
    )


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def _summary(
    dataset: Dataset, positions: Sequence[Position], disputes: Sequence[Dispute], brief: bool, citer: _Citer
) -> tuple[tuple[Prose, ...], tuple[Point, ...]]:
    """The bottom line: the question, the options in a line each (full memo), and what is most contested."""
    if not positions:
        return (), ()
    n, total = len(positions), len(dataset.positions)
    if n < total:
        weighs = ngettext(
            "This memo weighs one option of the {total} the sources discuss; the table after the summary gives "
            "who backs and who opposes each, and the strongest evidence each way.",
            "This memo weighs {count} options of the {total} the sources discuss; the table after the summary "
            "gives who backs and who opposes each, and the strongest evidence each way.",
            n,
        )
    else:
        weighs = ngettext(
            "This memo weighs one option; the table after the summary gives who backs and who opposes each, "
            "and the strongest evidence each way.",
            "This memo weighs {count} options; the table after the summary gives who backs and who opposes "
            "each, and the strongest evidence each way.",
            n,
        )
    paragraphs: list[Prose] = [(Run(weighs.format(count=_number(n), total=_number(total))),)]
    if n == total:  # the debate's question names every option: asked only when the memo weighs them all
        question = citer.prose(sentences(dataset.debate.question)[-1])
        paragraphs.insert(0, (Run(_("The question: ")), *question))
    if disputes:
        top, d = disputes[0], len(disputes)
        if brief:
            facts = ngettext(
                "One fact bearing on them is contested in the sources. Among them: {question} "
                "The sources' answers: {answers}.",
                "{count} facts bearing on them are contested in the sources. Among them: {question} "
                "The sources' answers: {answers}.",
                d,
            )
        else:
            facts = ngettext(
                "One fact bearing on them is contested in the sources (the sections after the options set them "
                "out by side). Among them: {question} The sources' answers: {answers}.",
                "{count} facts bearing on them are contested in the sources (the sections after the options set "
                "them out by side). Among them: {question} The sources' answers: {answers}.",
                d,
            )
        answers = "; ".join(side.label for side in top.sides)
        text = facts.format(
            count=_number(d).capitalize(), question=strip_markers(top.question), answers=answers
        )
        paragraphs.append((Run(text),))
    points = (
        ()
        if brief
        else tuple(Point(p.title, "", citer.prose(lead(p.one_line, BRIEF_CHARACTERS))) for p in positions)
    )
    return tuple(paragraphs), points


# Counts in running text, spelled out up to twelve (translated where used: plural, so never "one").
_NUMBERS = (
    N_("one"),
    N_("two"),
    N_("three"),
    N_("four"),
    N_("five"),
    N_("six"),
    N_("seven"),
    N_("eight"),
    N_("nine"),
    N_("ten"),
    N_("eleven"),
    N_("twelve"),
)


def _number(n: int) -> str:
    return _(_NUMBERS[n - 1]) if 0 < n <= len(_NUMBERS) else str(n)


def _strongest(dataset: Dataset, position: Position, chosen: Sequence[str], bearing: str) -> Evidence | None:
    items = [dataset.evidence_item(e) for e in chosen]
    fitting = sorted((e for e in items if e.bearing[position.id] == bearing), key=lambda e: -e.weight)
    return fitting[0] if fitting else None


def _row(dataset: Dataset, position: Position, choice: OptionChoice, citer: _Citer) -> Row:
    # The table is the memo at a glance, in either mode: whole sentences up to a short length (the full
    # claims follow under each option).
    def short(text: str) -> str:
        return lead(text, BRIEF_CHARACTERS)

    def names(chosen: list[str], stances: list[Stance]) -> str:
        ids = chosen or [s.actor for s in stances[:3]]
        return "; ".join(dataset.actor(a).name for a in ids) or _("None named in the sources")

    def best(bearing: str) -> Prose:
        item = _strongest(dataset, position, choice.evidence, bearing)
        # Translators: no evidence item was chosen for this side of an option (in the memo's table).
        return citer.claim(short(item.claim), item.quotes) if item else (Run(_("None chosen.")),)

    return Row(
        title=position.title,
        what=citer.prose(short(position.one_line)),
        backers=names(choice.arguments_for, position.proponents),
        opponents=names(choice.arguments_against, position.critics),
        best_for=best("supports"),
        best_against=best("undercuts"),
    )


def _facts(dataset: Dataset, positions: Sequence[Position], citer: _Citer) -> tuple[Point, ...]:
    """Background written for the options chosen: the key figure each one starts from."""
    found = [key_figure(dataset, p) for p in positions]
    unique = {i.id: i for i in found if i is not None}
    return tuple(Point("", "", citer.claim(_with_figure(i), i.quotes)) for i in unique.values())


def _with_figure(item: Evidence) -> str:
    # The figure only where the claim does not already give the number in its own words.
    figure = format_figure(item)
    return item.claim if not figure or figure.split()[0] in item.claim else f"{item.claim} ({figure})"


def _option(dataset: Dataset, choice: OptionChoice, citer: _Citer) -> Option:
    position = dataset.position(choice.position)
    items = [dataset.evidence_item(e) for e in choice.evidence]

    def evidence(bearing: str) -> tuple[Point, ...]:
        return tuple(
            _point(citer, "", "", _with_figure(e), e.quotes[:QUOTES_PER_ITEM])
            for e in items
            if e.bearing[position.id] == bearing
        )

    return Option(
        id=position.id,
        title=position.title,
        summary=citer.prose(lead(position.summary, SUMMARY_CHARACTERS)),
        mechanism=citer.prose(lead(position.mechanism, MECHANISM_CHARACTERS)),
        case_for=_arguments(dataset, position.proponents, choice.arguments_for, citer),
        case_against=_arguments(dataset, position.critics, choice.arguments_against, citer),
        evidence_for=evidence("supports"),
        evidence_against=evidence("undercuts"),
        risks=tuple(citer.prose(r) for r in position.risks[:RISKS_SHOWN]),
        more_risks=max(0, len(position.risks) - RISKS_SHOWN),
    )


def _point(
    citer: _Citer, who: str, role: str, text: str, quote_ids: Sequence[str], marked: bool = False
) -> Point:
    """Our words, cited, then (once in the memo) one verbatim quote they do not already give.

    Prose with markers keeps every citation where its words stand; the quote shown after it is one the prose
    neither cites nor already quotes, so no quote follows its own paraphrase."""
    cited_in_text = {q for piece in pieces(text) for q in piece.cites} if marked else set()
    offered = [
        q for q in quote_ids if q not in cited_in_text and not _quotes(text, citer.dataset.quote(q).text)
    ]
    quote = citer.quote(offered)
    if marked:
        return Point(who, role, citer.prose(text), quote)
    cited = [q for q in quote_ids if not (quote and citer.dataset.quote(q).text == quote.text)]
    return Point(who, role, citer.claim(text, cited) if cited else citer.prose(text), quote)


_SHINGLE = 6  # words in a row that a text shares with a quote when it already quotes it


def _quotes(text: str, quote: str) -> bool:
    """Whether the text already gives the quote (any six of its words in a row)."""

    def words(s: str) -> list[str]:
        return re.findall(r"[\w’']+", strip_markers(s).lower().replace("’", "'"))

    q = words(quote)
    if len(q) < _SHINGLE:
        return " ".join(q) in " ".join(words(text))
    said = " " + " ".join(words(text)) + " "
    return any(" " + " ".join(q[i : i + _SHINGLE]) + " " in said for i in range(len(q) - _SHINGLE + 1))


def _arguments(
    dataset: Dataset, stances: list[Stance], actors: list[str], citer: _Citer
) -> tuple[Point, ...]:
    by_actor = {s.actor: s for s in reversed(stances)}  # the first stance wins
    out = []
    for actor_id in actors:
        actor, stance = dataset.actor(actor_id), by_actor[actor_id]
        out.append(_point(citer, actor.name, actor_role(actor), stance.argument, stance.quotes, marked=True))
    return tuple(out)


CLAIMS_PER_SIDE = 1  # a memo gives each answer its first claim; the dashboard's Contested claims has them all
NOTE_CHARACTERS = 360  # why the sides may differ: whole sentences up to about this length
RISKS_SHOWN = 3  # an option's first risks; the memo says how many more the sources raise


def _contested(dataset: Dataset, dispute: Dispute, citer: _Citer) -> Contested:
    sides = []
    for side in dispute.sides:
        given = dispute.claims_for(side.id)
        claims = [
            Point(dataset.actor(c.claimant).name if c.claimant else "", "", citer.claim(c.claim, [c.quote]))
            for c in given[:CLAIMS_PER_SIDE]
        ]
        if claims:
            sides.append(Side(side.label, tuple(claims), len(given) - len(claims)))
    return Contested(
        strip_markers(dispute.question), tuple(sides), citer.prose(lead(dispute.note, NOTE_CHARACTERS))
    )
