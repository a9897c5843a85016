"""The bundled content, tested like code: complete, cross-referenced, and every quote verbatim."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from policy import Dataset
from policy.verify import verify_dataset

ROOT = Path(__file__).resolve().parent.parent


def test_every_quote_is_verbatim_in_its_archived_source(dataset: Dataset, archive: Path) -> None:
    failures = verify_dataset(dataset, archive)
    assert not failures, "\n".join(str(f) for f in failures)


def test_enough_quotes_each_short_and_attributed(dataset: Dataset) -> None:
    assert len(dataset.quotes) >= 80
    for quote in dataset.quotes:
        assert len(quote.text) <= 400, f"{quote.id} is too long to be a short quote"


def test_four_positions_each_side_given_or_said_to_be_thin(dataset: Dataset) -> None:
    """Never fill a side to reach a count: where the sources give fewer than three on a side, the position
    says the sources are thin."""
    assert len(dataset.positions) >= 4
    for position in dataset.positions:
        assert position.proponents, position.id
        if len(position.proponents) < 3 or len(position.critics) < 3:
            assert "thin" in position.coverage_note, position.id
        for side in (position.proponents, position.critics):
            assert len({s.actor for s in side}) == len(side), position.id
        assert position.open_questions, position.id
        # Risks as the sources name them; none named is said, not filled with a note posing as a risk.
        assert position.risks or "No source names a risk" in position.coverage_note, position.id
        assert not any(r.startswith("The sources name no") for r in position.risks), position.id
    assert sum(len(p.proponents) + len(p.critics) >= 6 for p in dataset.positions) >= 2


def test_each_position_has_findings_or_says_the_sources_are_thin(dataset: Dataset) -> None:
    for position in dataset.positions:
        bearings = Counter(e.bearing[position.id] for e in dataset.findings_for(position.id))
        assert sum(bearings.values()) >= 5, position.id
        assert bearings["supports"] >= 1, (position.id, bearings)
        if not bearings["undercuts"]:
            assert "thin" in position.coverage_note, (position.id, bearings)


def test_key_and_headline_figures_are_figures(dataset: Dataset) -> None:
    for position in dataset.positions:
        if position.key_figure:
            assert dataset.evidence_item(position.key_figure).figure is not None, position.id
    for eid in dataset.debate.headline_evidence:
        assert dataset.evidence_item(eid).figure is not None, eid


def test_thin_coverage_is_said_not_filled(dataset: Dataset) -> None:
    thinnest = min(dataset.positions, key=lambda p: len(dataset.evidence_for(p.id)))
    assert thinnest.coverage_note, f"{thinnest.id} has the least evidence and no coverage note"


def test_disputes_set_sides_against_each_other(dataset: Dataset) -> None:
    assert len(dataset.disputes) >= 5
    for dispute in dataset.disputes:
        sides = {(c.claimant, c.source) for c in dispute.claims}
        assert len(sides) >= 2, dispute.id
        assert dispute.positions, dispute.id


def test_timeline_runs_from_late_2018_to_december_2023(dataset: Dataset) -> None:
    dates = sorted(e.date for e in dataset.timeline)
    assert dates[0] <= "2018-12" and dates[-1].startswith("2023-12")
    assert len(dataset.timeline) >= 15


def test_series_are_chart_ready(dataset: Dataset) -> None:
    assert len(dataset.series) >= 4
    for series in dataset.series:
        assert len(series.points) >= 2, series.id


def test_every_source_is_used_and_no_url_is_invented(dataset: Dataset) -> None:
    used = Counter(q.source for q in dataset.quotes)
    for source in dataset.sources:
        assert used[source.id] >= 5, source.id
        assert source.url is None, f"{source.id}: the archive gives no URL"


def test_every_actor_appears_somewhere(dataset: Dataset) -> None:
    referenced = {q.speaker for q in dataset.quotes}
    referenced |= {s.actor for p in dataset.positions for s in p.proponents + p.critics}
    referenced |= {c.claimant for d in dataset.disputes for c in d.claims}
    referenced |= {a for e in dataset.evidence for a in e.actors} | {
        a for t in dataset.timeline for a in t.actors
    }
    unused = [a.id for a in dataset.actors if a.id not in referenced]
    assert not unused, f"actors never quoted, cited or given a stance: {unused}"


def test_the_code_knows_nothing_of_this_particular_debate(dataset: Dataset) -> None:
    words = {p.id for p in dataset.positions} | {s.id for s in dataset.sources}
    words |= {"fentanyl", "mexico", "mexican", "cartel", "opioid", "sedena"}
    code = [*ROOT.glob("policy/*.py"), *ROOT.glob("ui/**/*.py"), ROOT / "app.py"]
    for path in code:
        text = path.read_text(encoding="utf-8").casefold()
        for word in sorted(words):
            assert word not in text, f"{path.relative_to(ROOT)} mentions {word!r}: content belongs in data/"
