"""Questions the pages ask of a dataset: filtered evidence, tables, counts, strongest arguments."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from policy.citations import human_date
from policy.dataset import Dataset
from policy.fulltext import WordMatcher
from policy.i18n import _, ngettext, pgettext
from policy.i18n import date as local_date
from policy.models import BEARINGS, Actor, Claim, Evidence, Position, Quote, Stance, TimelineEvent
from policy.prose import strip_markers
from policy.style import evidence_kind_label
from policy.text import sort_key


@dataclass(frozen=True)
class EvidenceFilter:
    """What the reader has narrowed the evidence to; empty means no restriction."""

    positions: tuple[str, ...] = ()
    bearings: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    text: str = ""


def _sources_of(dataset: Dataset, item: Evidence) -> set[str]:
    return {dataset.quote(q).source for q in item.quotes}


def _speakers_of(dataset: Dataset, item: Evidence) -> set[str]:
    return {s for q in item.quotes if (s := dataset.quote(q).speaker)}


def _evidence_words(dataset: Dataset) -> WordMatcher:
    """Each evidence item's claim, quotes and speakers' names, for the Evidence page's search box: matched as
    the site's search matches (``policy.fulltext``: accents, case and word forms ignored)."""

    def text(item: Evidence) -> str:
        parts = [strip_markers(item.claim), *(dataset.quote(q).text for q in item.quotes)]
        parts += [dataset.actor(a).name for a in _speakers_of(dataset, item)]
        return " ".join(parts)

    return WordMatcher((e.id, text(e)) for e in dataset.evidence)


def filter_evidence(dataset: Dataset, f: EvidenceFilter) -> list[Evidence]:
    """Evidence items matching every part of the filter, heaviest first."""

    words = dataset.derived("evidence-words", _evidence_words).matching(f.text)

    def keep(item: Evidence) -> bool:
        if f.positions and not set(f.positions) & set(item.bearing):
            return False
        if f.bearings:
            scope = f.positions or tuple(item.bearing)
            if not any(item.bearing.get(p) in f.bearings for p in scope):
                return False
        if f.sources and not set(f.sources) & _sources_of(dataset, item):
            return False
        if f.actors and not set(f.actors) & _speakers_of(dataset, item):
            return False
        if f.kinds and item.kind not in f.kinds:
            return False
        return words is None or item.id in words

    return sorted((e for e in dataset.evidence if keep(e)), key=lambda e: -e.weight)


def group_findings(dataset: Dataset, items: Sequence[Evidence]) -> list[Evidence]:
    """The findings some items report: the lead of each item's finding, each once, heaviest first."""
    leads = {dataset.finding_of(item).id: dataset.finding_of(item) for item in items}
    return sorted(leads.values(), key=lambda e: -e.weight)


def evidence_table(dataset: Dataset, items: Collection[Evidence] | None = None) -> pd.DataFrame:
    """One row per evidence item with its bearings, figure, quotes and sources, for display and export."""
    rows = []
    for item in dataset.evidence if items is None else items:
        quotes = [dataset.quote(q) for q in item.quotes]
        row: dict[str, object] = {
            "id": item.id,
            "finding": item.part_of or item.id,
            "claim": item.claim,
            "kind": item.kind,
            "weight": item.weight,
            "value": item.figure.value if item.figure else None,
            "unit": item.figure.unit if item.figure else "",
            "period": item.figure.period if item.figure else "",
        }
        for pid in dataset.position_ids:
            row[f"bearing_{pid}"] = item.bearing.get(pid, "")
        row["quotes"] = " | ".join(q.text for q in quotes)
        row["speakers"] = "; ".join(sorted({speaker_name(dataset, q) for q in quotes}))
        row["sources"] = "; ".join(evidence_sources(dataset, item))
        row["coverage"] = coverage_span(dataset)
        rows.append(row)
    columns = ["id", "finding", "claim", "kind", "weight", "value", "unit", "period"]
    columns += [f"bearing_{p}" for p in dataset.position_ids] + ["quotes", "speakers", "sources", "coverage"]
    return pd.DataFrame(rows, columns=columns)


def speaker_name(dataset: Dataset, quote: Quote) -> str:
    """The speaker's name, or the outlet for the reporter's own words."""
    return dataset.actor(quote.speaker).name if quote.speaker else f"{dataset.source(quote.source).outlet}"


def source_label(dataset: Dataset, source_id: str) -> str:
    """Outlet and date: 'Reuters, December 21, 2023'."""
    source = dataset.source(source_id)
    return f"{source.outlet}, {human_date(source.published)}"


def evidence_sources(dataset: Dataset, item: Evidence) -> list[str]:
    """The sources behind an evidence item's quotes, each once, as 'Outlet, date', in order."""
    return sorted({source_label(dataset, dataset.quote(q).source) for q in item.quotes})


def evidence_quotes(dataset: Dataset, items: Sequence[Evidence]) -> list[Quote]:
    """The quotes behind some evidence items, each once, in the items' order."""
    return list({q: dataset.quote(q) for item in items for q in item.quotes}.values())


def claimant_name(dataset: Dataset, claim: Claim) -> str:
    """Who makes a dispute's claim: the claimant, or the outlet where the reporter states it."""
    return dataset.actor(claim.claimant).name if claim.claimant else dataset.source(claim.source).outlet


def quote_attribution(dataset: Dataset, quote: Quote) -> str:
    """'— Speaker · Outlet, date · context': who said it, where and when, shown under a quote.

    The reporter's own words read '— Outlet, date · context', the outlet said once: a context that starts by
    naming it ("The Washington Post, reporter's words, on Graham") is not preceded by it again."""
    label = source_label(dataset, quote.source)
    if quote.speaker:
        line = f"— {dataset.actor(quote.speaker).name} · {label}"
        return f"{line} · {quote.context}" if quote.context else line
    outlet = dataset.source(quote.source).outlet
    context = re.sub(rf"^{re.escape(outlet)}(?:\s*\([^)]*\))?,\s*", "", quote.context)
    if context:
        return f"— {label} · {context}"
    return "— " + _("{source} (reporter's words)").format(source=label)


def short_outlet(dataset: Dataset, source_id: str) -> str:
    """The outlet's name without its parenthetical: 'Latino Observatory' for 'Latino Observatory (Observatório
    Latino, Marília, Brazil)'."""
    outlet = dataset.source(source_id).outlet
    return re.sub(r"\s*\([^)]*\)\s*$", "", outlet) or outlet


def short_attribution(dataset: Dataset, quote: Quote) -> str:
    """'— Marcelo Ebrard, The Washington Post, April 2023': speaker, outlet and month, shown under a quote (the
    long form, with its context, is in the Cite panel). The reporter's own words name the outlet only."""
    source = dataset.source(quote.source)
    when = human_date(source.published[:7])
    outlet = short_outlet(dataset, quote.source)
    if quote.speaker:
        return f"— {dataset.actor(quote.speaker).name}, {outlet}, {when}"
    return "— " + _("{outlet} (reporting), {date}").format(outlet=outlet, date=when)


@dataclass(frozen=True)
class PositionCounts:
    """How much the content holds on a position."""

    proponents: int
    critics: int
    evidence: int
    supports: int
    undercuts: int
    context: int
    quotes: int


def counts(dataset: Dataset, position: Position) -> PositionCounts:
    """Counts of proponents, critics, findings by bearing and quotes for a position.

    Evidence counts findings, not items: items reporting one finding (`part_of`) count once, so one story
    told in seven items does not outweigh seven separate findings."""
    items = dataset.evidence_for(position.id)
    findings = [e for e in items if e.part_of is None]
    by = {b: sum(1 for e in findings if e.bearing[position.id] == b) for b in BEARINGS}
    quote_ids = {q for s in position.proponents + position.critics for q in s.quotes}
    quote_ids |= {q for e in items for q in e.quotes}
    return PositionCounts(
        proponents=len(position.proponents),
        critics=len(position.critics),
        evidence=len(findings),
        supports=by["supports"],
        undercuts=by["undercuts"],
        context=by["context"],
        quotes=len(quote_ids),
    )


def balance_table(dataset: Dataset, position_ids: Collection[str] | None = None) -> pd.DataFrame:
    """Findings per position and bearing (long form, for the balance chart)."""
    rows = []
    for position in dataset.positions:
        if position_ids is not None and position.id not in position_ids:
            continue
        c = counts(dataset, position)
        for bearing in BEARINGS:
            rows.append(
                {
                    "position": position.id,
                    "title": position.short_title,
                    "bearing": bearing,
                    "items": getattr(c, bearing),
                }
            )
    return pd.DataFrame(rows, columns=["position", "title", "bearing", "items"])


def strongest(stances: list[Stance], n: int = 3) -> list[Stance]:
    """The first n stances (content lists them strongest first)."""
    return list(stances[:n])


def _month_year(published: str) -> tuple[str, str]:
    """('April', '2023') for '2023-04…', the month in the reader's language; ('', '2023') for a year alone."""
    year, *rest = published.split("-")
    return (local_date(date(int(year), int(rest[0]), 1), "LLLL") if rest else ""), year


def _month_in_year(month: str, year: str) -> str:
    """'April 2023' ('abril de 2023'), or the year alone."""
    return _("{month} {year}").format(month=month, year=year) if month else year


def coverage_span(dataset: Dataset) -> str:
    """The months the sources were published in: 'April–December 2023' (or 'April 2023–May 2024')."""
    (m1, y1), (m2, y2) = (_month_year(d[:7]) for d in dataset.coverage)
    first, last = _month_in_year(m1, y1), _month_in_year(m2, y2)
    if first == last:
        return pgettext("one month or year", "{month}").format(month=first)  # Spanish: "en abril de 2023"
    if y1 == y2 and m1 and m2:  # Spanish: "de abril a diciembre de 2023"
        return _("{first_month}–{last_month} {year}").format(first_month=m1, last_month=m2, year=y2)
    return pgettext("from one month to another", "{first}–{last}").format(first=first, last=last)


def coverage_note(dataset: Dataset) -> str:
    """The sentence every page, slide and export carries, so nothing reads as current that is not."""
    count = len(dataset.sources)
    sources = ngettext("one source", "{n} sources", count).format(n=count)
    last = _month_in_year(*_month_year(dataset.coverage[1][:7]))
    return _(
        "Covers reporting published {span} ({sources}); nothing after {last} is covered, and roles are given"
        " as of their source."
    ).format(span=coverage_span(dataset), sources=sources, last=last)


def actor_role(actor: Actor) -> str:
    """The actor's role as of the source that gives it ("GOP presidential candidate, 2023"), or ''."""
    if not actor.role:
        return ""
    if (
        not actor.as_of or actor.as_of[:4] in actor.role
    ):  # a role that dates itself ("(Reuters, December 2023)")
        return actor.role
    return f"{actor.role}, {human_date(actor.as_of)}"


def key_figure(dataset: Dataset, position: Position) -> Evidence | None:
    """The evidence item a position's card shows as its figure, if any."""
    if position.key_figure:
        return dataset.evidence_item(position.key_figure)
    with_figures = [e for e in dataset.evidence_for(position.id) if e.figure]
    return with_figures[0] if with_figures else None


def format_number(value: float) -> str:
    """1658 -> '1,658'; 2.5 -> '2.5' (no spurious decimals)."""
    return f"{int(value):,}" if value == int(value) else f"{value:,}"


def format_figure(item: Evidence) -> str:
    """'527 labs' style text for a figure ('95% of …': a percent sign sits on its number)."""
    if item.figure is None:
        return ""
    unit = item.figure.unit
    space = "" if unit.startswith("%") else " "
    return f"{format_number(item.figure.value)}{space}{unit}"


def metric_parts(item: Evidence) -> tuple[str, str, str]:
    """(label, value, description) for showing a figure as a metric: the number stays short."""
    if item.figure is None:
        return evidence_kind_label(item.kind), "", item.claim
    unit = item.figure.unit
    value = format_number(item.figure.value)
    if unit.startswith("%"):
        value, unit = value + "%", unit[1:].strip()
    return item.figure.period or _("Figure"), value, unit


def people_rows(dataset: Dataset, kind: str = "all") -> list[dict[str, object]]:
    """The People table, by name: role, country, kind, the positions each backs and criticises, quotes spoken.

    One pass over the positions and one over the quotes, so the cost grows with the content, not with
    actors times quotes.
    """
    backs: dict[str, list[str]] = {}
    criticises: dict[str, list[str]] = {}
    for position in dataset.positions:
        label = f"{position.icon} {position.short_title}"
        for found, stances in ((backs, position.proponents), (criticises, position.critics)):
            for stance in stances:
                found.setdefault(stance.actor, []).append(label)
    quotes = Counter(q.speaker for q in dataset.quotes if q.speaker)
    return [
        {
            "Name": actor.name,
            "Role": actor_role(actor),
            "Country": actor.country,
            "Kind": actor.kind,
            "Backs": ", ".join(backs.get(actor.id, [])),
            "Criticises": ", ".join(criticises.get(actor.id, [])),
            "Quotes": quotes[actor.id],
        }
        for actor in sorted(dataset.actors, key=lambda a: sort_key(a.name))
        if kind == "all" or actor.kind == kind
    ]


def quoted_speakers(dataset: Dataset) -> list[str]:
    """The id of everyone quoted, by name."""
    return sorted({q.speaker for q in dataset.quotes if q.speaker}, key=lambda a: dataset.actor(a).name)


def actors_by_name(dataset: Dataset) -> list[str]:
    """Every actor id, by name (case ignored)."""
    return sorted((a.id for a in dataset.actors), key=lambda a: sort_key(dataset.actor(a).name))


def date_order(value: str) -> tuple[int, int, int]:
    """A partial date's place in a list read from top to bottom: a date known only to its month comes after
    that month's dated events, one known only to its year after the year's (2023-04-12, 2023-04, 2023), so a
    reader never meets "2023" above what happened in January."""
    parts = [int(p) for p in value.split("-")]
    return parts[0], parts[1] if len(parts) > 1 else 13, parts[2] if len(parts) > 2 else 32


def timeline_events(
    dataset: Dataset, positions: Collection[str] = (), sources: Collection[str] = ()
) -> list[TimelineEvent]:
    """The events touching any of the positions and from any of the sources (none given: all), by date
    (``date_order``: the less precise dates last in their month or year)."""
    chosen = [
        e
        for e in dataset.timeline
        if (not positions or set(positions) & set(e.positions)) and (not sources or e.source in sources)
    ]
    return sorted(chosen, key=lambda e: date_order(e.date))


def position_cards(dataset: Dataset) -> dict[str, tuple[PositionCounts, Evidence | None]]:
    """Each position's counts and key figure, for the overview's cards."""
    return {p.id: (counts(dataset, p), key_figure(dataset, p)) for p in dataset.positions}


SIDE_WORDS = {"proponent": "backs", "critic": "criticises"}  # a stance's side, as the map names it


@dataclass(frozen=True)
class StanceCell:
    """Where one actor stands on one position: "backs", "criticises" or "both"."""

    actor: str
    position: str
    side: str


def actor_countries(dataset: Dataset) -> list[str]:
    """The countries the actors are from, each once, by name (actors whose country is not given add none)."""
    return sorted({a.country for a in dataset.actors if a.country}, key=sort_key)


def country_codes(written: Dataset, shown: Dataset) -> dict[str, str]:
    """The actors' countries as a link names them (as the content writes them, whatever the reader's language)
    -> as the reader's language names them (`shown`: the same content, translated), in the order shown."""
    names = {a.id: a.country for a in shown.actors}
    pairs = {a.country: names.get(a.id) or a.country for a in written.actors if a.country}
    return dict(sorted(pairs.items(), key=lambda pair: sort_key(pair[1])))


def actor_kinds(dataset: Dataset) -> list[str]:
    """The kinds of actor the content holds, each once, by name."""
    return sorted({a.kind for a in dataset.actors}, key=str.casefold)


def _actor_matches(actor: Actor, countries: Collection[str], kinds: Collection[str]) -> bool:
    return (not countries or actor.country in countries) and (not kinds or actor.kind in kinds)


def stance_map(
    dataset: Dataset, countries: Collection[str] = (), kinds: Collection[str] = ()
) -> list[StanceCell]:
    """Who stands where: a cell for each actor and each position they back, criticise or both, actors by name
    and positions in content order; only actors from the countries and of the kinds given (none given: any)."""
    sides: dict[tuple[str, str], set[str]] = {}
    for position in dataset.positions:
        for side, stances in (("proponent", position.proponents), ("critic", position.critics)):
            for stance in stances:
                sides.setdefault((stance.actor, position.id), set()).add(SIDE_WORDS[side])
    order = {pid: i for i, pid in enumerate(dataset.position_ids)}
    names = {a: sort_key(dataset.actor(a).name) for a, _ in sides}
    cells = [
        StanceCell(actor, position, "both" if len(found) > 1 else next(iter(found)))
        for (actor, position), found in sides.items()
        if _actor_matches(dataset.actor(actor), countries, kinds)
    ]
    return sorted(cells, key=lambda c: (names[c.actor], c.actor, order[c.position]))


@dataclass(frozen=True)
class PersonEntry:
    """One line of the People directory: who they are, the positions they back and criticise, quotes spoken."""

    id: str
    name: str
    role: str
    country: str
    kind: str
    backs: tuple[str, ...]
    criticises: tuple[str, ...]
    quotes: int


def people_directory(
    dataset: Dataset, countries: Collection[str] = (), kinds: Collection[str] = ()
) -> list[PersonEntry]:
    """Everyone the sources name, by name, from the countries and of the kinds given (none given: any).

    One pass over the stances and one over the quotes, so the cost grows with the content, not with actors
    times quotes."""
    backs: dict[str, list[str]] = {}
    criticises: dict[str, list[str]] = {}
    for cell in stance_map(dataset, countries, kinds):
        if cell.side in ("backs", "both"):
            backs.setdefault(cell.actor, []).append(cell.position)
        if cell.side in ("criticises", "both"):
            criticises.setdefault(cell.actor, []).append(cell.position)
    quotes = Counter(q.speaker for q in dataset.quotes if q.speaker)
    return [
        PersonEntry(
            a.id,
            a.name,
            actor_role(a),
            a.country,
            a.kind,
            tuple(backs.get(a.id, ())),
            tuple(criticises.get(a.id, ())),
            quotes[a.id],
        )
        for a in sorted(dataset.actors, key=lambda a: (sort_key(a.name), a.id))
        if _actor_matches(a, countries, kinds)
    ]
