"""What policy/ builds for the pages: charts, tables, exports, citations, link parsing, slides, join links."""

from __future__ import annotations

import csv
import io
import json

import altair as alt
import pytest

from policy import Dataset
from policy.charts import (
    balance_frame,
    movement_chart,
    poll_chart,
    series_caption,
    series_chart,
    series_frame,
    series_table,
    timeline_frame,
)
from policy.citations import bibliography, cite_quote, human_date
from policy.exports import neutralise_cell, records_json, safe_csv
from policy.params import Parsed, integer, many_of, one_of, text
from policy.queries import (
    EvidenceFilter,
    balance_table,
    counts,
    evidence_quotes,
    evidence_sources,
    evidence_table,
    filter_evidence,
    format_figure,
    format_number,
    quote_attribution,
    source_label,
)
from policy.share import join_link, qr_png
from policy.slides import build_slides
from policy.style import position_label
from policy.text import demote_headings, md_escape, md_table, one_line


def spec(chart: alt.TopLevelMixin) -> dict[str, object]:
    return chart.to_dict()  # type: ignore[no-any-return]


def test_balance_chart_counts_each_bearing_per_position(dataset: Dataset) -> None:
    table = balance_table(dataset)
    for position in dataset.positions:
        rows = table[table.position == position.id]
        # Findings, not items: the parts of a finding count once, with their lead.
        assert rows["items"].sum() == len(dataset.findings_for(position.id))
        assert rows["items"].sum() < len(dataset.evidence_for(position.id)) or not any(
            e.part_of for e in dataset.evidence_for(position.id)
        )
    assert set(balance_table(dataset, dataset.position_ids[:2]).position) == set(dataset.position_ids[:2])


def test_every_series_charts_with_its_source_in_tooltips_and_caption(dataset: Dataset) -> None:
    for series in dataset.series:
        frame = series_frame(dataset, series)
        assert list(frame["value"]) == [p.value for p in series.points]
        assert all(frame["quote"])
        text = json.dumps(spec(series_chart(dataset, series)))
        assert '"source"' in text and series.unit in text
        outlets = {dataset.source(p.source).outlet for p in series.points}
        assert all(o in series_caption(dataset, series) for o in outlets)


def test_timeline_is_in_date_order_and_charts(dataset: Dataset) -> None:
    frame = timeline_frame(dataset, dataset.timeline)
    assert list(frame["start"]) == sorted(frame["start"])
    assert len(frame) == len(dataset.timeline)


def test_the_timelines_year_only_events_sit_mid_year_across_their_year(dataset: Dataset) -> None:
    frame = timeline_frame(dataset, dataset.timeline)
    for lane, glyph in zip(frame["lane"], frame["glyph"], strict=True):
        assert lane.split(" ")[0] == glyph  # the lane's label starts with the glyph its events are drawn as
    years = frame[frame["precision"] == "year"]
    assert len(years) == sum(1 for e in dataset.timeline if len(e.date) == 4) > 0
    for _, event in years.iterrows():
        assert event["at"].month == 7, event["title"]  # mid-year, not January
        assert (event["start"].month, event["end"].month, event["end"].day) == (1, 12, 31)
        assert event["date"].endswith("(year only)")
    days = frame[frame["precision"] == "day"]
    assert all(days["at"] == days["start"])


def test_poll_and_movement_charts_show_every_option() -> None:
    results = {"a": 3, "b": 0}
    chart = json.dumps(spec(poll_chart(results, {"a": "Option A", "b": "Option B"})))
    assert "Option A" in chart and "Option B" in chart
    moved = json.dumps(spec(movement_chart([("a", 1, 2), ("b", 4, 0)], {"a": "A", "b": "B"})))
    assert "Before" in moved and "After" in moved


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2", "'-2"), ("@x", "'@x"), ("plain", "plain"), (3, 3)],
)
def test_spreadsheet_formulas_are_neutralised(cell: object, safe: object) -> None:
    assert neutralise_cell(cell) == safe


def test_evidence_csv_and_json_exports(dataset: Dataset) -> None:
    table = evidence_table(dataset)
    table.loc[0, "claim"] = '=HYPERLINK("http://evil")'
    rows = list(csv.DictReader(io.StringIO(safe_csv(table).decode("utf-8-sig"))))
    assert len(rows) == len(dataset.evidence)
    assert rows[0]["claim"].startswith("'=")
    document = json.loads(records_json(table, dataset))
    assert document["records"][1]["id"] == dataset.evidence[1].id
    assert document["metadata"]["coverage"]["from"] == "2023-04" and "coverage" in rows[0]


def test_filters_narrow_the_evidence(dataset: Dataset) -> None:
    pid = dataset.position_ids[0]
    undercut = filter_evidence(dataset, EvidenceFilter(positions=(pid,), bearings=("undercuts",)))
    assert undercut and all(e.bearing[pid] == "undercuts" for e in undercut)
    figures = filter_evidence(dataset, EvidenceFilter(kinds=("figure",)))
    assert figures and all(e.kind == "figure" for e in figures)
    word = dataset.evidence[0].claim.split()[2]
    assert dataset.evidence[0] in filter_evidence(dataset, EvidenceFilter(text=word.upper()))
    assert filter_evidence(dataset, EvidenceFilter(text="zzzz-nothing")) == []


def test_figures_print_without_spurious_decimals(dataset: Dataset) -> None:
    item = next(e for e in dataset.evidence if e.figure and e.figure.value == int(e.figure.value))
    assert format_figure(item).startswith(f"{int(item.figure.value):,} ")  # type: ignore[union-attr]


def test_citations_in_chicago_and_apa(mini: Dataset) -> None:
    # The CSL engine (pandoc's citeproc with the maintained style files) writes them; see tests/test_citations.py.
    assert bibliography(mini)[0].startswith("Reporter, Jo. \u201cTown Council Splits")
    assert bibliography(mini, "apa") == [
        "Reporter, J. (2024, March 5). Town council splits over a four-day school week. Town Gazette."
    ]
    quote = mini.quote("q-park-saves")
    assert cite_quote(mini, quote).startswith("\u201cA shorter week saves")
    assert "Ada Park, quoted in Jo Reporter" in cite_quote(mini, quote)
    assert human_date("2023-04") == "April 2023" and human_date("2023") == "2023"


def test_quote_attribution_and_evidence_sources(mini: Dataset) -> None:
    quote = mini.quote("q-park-saves")
    assert quote_attribution(mini, quote) == "— Ada Park · Town Gazette, March 5, 2024"
    reporting = quote.model_copy(update={"speaker": None, "context": "in the paper's own words"})
    assert quote_attribution(mini, reporting) == ("— Town Gazette, March 5, 2024 · in the paper's own words")
    named = quote.model_copy(
        update={"speaker": None, "context": "Town Gazette, reporter's words, on the bus"}
    )
    assert quote_attribution(mini, named) == "— Town Gazette, March 5, 2024 · reporter's words, on the bus"
    item = mini.evidence[0]
    expected = sorted({source_label(mini, mini.quote(q).source) for q in item.quotes})
    assert evidence_sources(mini, item) == expected and len(expected) == len(set(expected))


def test_evidence_quotes_gives_each_quote_once_in_order(mini: Dataset) -> None:
    items = [mini.evidence[0], *mini.evidence, mini.evidence[0]]
    ids = [q.id for q in evidence_quotes(mini, items)]
    expected = list(dict.fromkeys(q for item in items for q in item.quotes))
    assert ids == expected and len(ids) == len(set(ids)) and ids


def test_real_sources_cite_without_urls_or_invented_authors(dataset: Dataset) -> None:
    entries = bibliography(dataset)
    assert len(entries) == len(dataset.sources) and not any("http" in e for e in entries)
    for source in dataset.sources:
        if not source.authors:
            # No invented author: the entry leads with the title or the outlet.
            # (Chicago sets titles in headline case.)
            leads = ("\u201c" + source.title[:12].casefold(), source.outlet.casefold())
            assert any(e.casefold().startswith(leads) for e in entries)


def test_link_parameters_parse_or_explain() -> None:
    parsed = Parsed()
    assert one_of({"p": "b"}, "p", ["a", "b"], parsed) == "b"
    assert one_of({"p": "z"}, "p", ["a", "b"], parsed) is None
    assert many_of({"p": "b,a,x"}, "p", ["a", "b"], parsed) == ["a", "b"]
    assert many_of({"p": "a"}, "p", ["a", "b"], parsed, minimum=2) is None
    assert integer({"n": "7"}, "n", 1, 5, parsed) is None
    assert text({"q": "x" * 300}, "q", parsed) == "x" * 200
    assert len(parsed.notices) == 5


def test_text_is_escaped_and_shortened_cleanly() -> None:
    escaped = md_escape("<b>**x**</b> [a](b) $1$")
    assert "<b>" not in escaped and "\\*\\*" in escaped and "\\$" in escaped
    assert one_line("one two three four five", 12) == "one two…"
    assert demote_headings("# A\n## B\ntext #1", 2) == "### A\n#### B\ntext #1"


def test_slides_follow_the_content(mini: Dataset) -> None:
    slides = build_slides(mini)
    assert [s.kind for s in slides] == [
        "title",
        "position",
        "position",
        "dispute",
        "compare",
        "poll",
        "statements",
        "sources",
    ]
    assert slides[1].left[0].who == "Ada Park" and slides[1].figure.startswith("120,000")


def test_join_link_and_qr_code() -> None:
    assert (
        join_link("http://10.0.0.5:8501/present?slide=8", "ABC234") == "http://10.0.0.5:8501/vote?join=ABC234"
    )
    assert join_link("", "ABC234") == "/vote?join=ABC234"
    assert qr_png("http://x/vote?join=ABC234").startswith(b"\x89PNG")


def test_markdown_tables_are_plain_text() -> None:
    table = md_table(("Name", "Count"), [("a|b <i>x</i>", 3), ("two\nlines **bold**", None)], right={1})
    lines = table.split("\n")
    assert lines[0] == "| Name | Count |" and lines[1] == "| --- | --: |"
    assert "a\\|b &lt;i&gt;x&lt;/i&gt;" in lines[2]  # no cell break, no tag
    assert "two lines \\*\\*bold\\*\\*" in lines[3] and lines[3].endswith("|  |")
    with pytest.raises(ValueError, match="a row of 1 cells under a header of 2"):
        md_table(("a", "b"), [("only one",)])


def test_chart_text_alternatives_hold_every_number(dataset: Dataset) -> None:
    for series in dataset.series:
        table = series_table(dataset, series)
        assert table.count("\n") == len(series.points) + 1
        assert all(format_number(p.value) in table for p in series.points)
        for p, row in zip(
            series.points, table.split("\n")[2:], strict=True
        ):  # a period the label gives: once
            if p.period and p.period.strip('"').casefold() in p.label.casefold():
                assert row.casefold().count(p.period.strip('"').casefold()) == 1, row
    balance = balance_frame(dataset, dataset.position_ids)
    for position in dataset.positions:
        c = counts(dataset, position)
        row = balance.loc[position_label(dataset, position.id)]
        assert list(row) == [c.supports, c.undercuts, c.context]


def test_timeline_events_filter_by_position_and_source_in_date_order(dataset: Dataset) -> None:
    from policy.queries import timeline_events

    every = timeline_events(dataset)
    assert len(every) == len(dataset.timeline)
    months = [e.date[:7] for e in every]
    assert months == sorted(months, key=lambda m: (m[:4], m[5:] or "13")), "by date"
    for year in {
        e.date[:4] for e in every
    }:  # an event known only by its year comes after the year's dated ones
        of_year = [len(e.date) for e in every if e.date[:4] == year]
        if 4 in of_year:
            assert of_year[of_year.index(4) :] == [4] * of_year.count(4), year
    pid, sid = dataset.position_ids[0], dataset.sources[0].id
    narrowed = timeline_events(dataset, (pid,), (sid,))
    assert narrowed and all(pid in e.positions and e.source == sid for e in narrowed)
    assert len(narrowed) < len(every)


def test_the_speaker_and_actor_lists_are_by_name(dataset: Dataset) -> None:
    from policy.queries import actors_by_name, quoted_speakers

    names = [dataset.actor(a).name.casefold() for a in actors_by_name(dataset)]
    assert names == sorted(names) and len(names) == len(dataset.actors)
    speakers = quoted_speakers(dataset)
    assert set(speakers) == {q.speaker for q in dataset.quotes if q.speaker}


def test_every_timeline_event_has_a_link_to_its_place_in_the_list(dataset: Dataset) -> None:
    from ui.links import event_url

    frame = timeline_frame(dataset, dataset.timeline, event_url)
    assert list(frame["url"]) == [f"./timeline?event={i}" for i in frame["id"]]
