"""The charts drawn as HTML (policy.drawings): the timeline, the evidence balance and the figures' bars read as the
reader needs, and content text in them is data, never markup."""

from __future__ import annotations

import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd

from policy import Dataset
from policy.charts import general_lane, timeline_frame
from policy.drawings import GROUP_CLASSES, balance_html, series_html, time_ticks, timeline_html
from policy.models import BEARINGS
from policy.queries import counts, format_number, source_label
from policy.style import BEARING_LABELS, PALETTE, position_label
from ui.links import event_url

ROOT = Path(__file__).resolve().parents[1]


class Tree(HTMLParser):
    """Elements with their attributes and own text, in document order."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.elements: list[dict[str, Any]] = []
        self.open: list[dict[str, Any]] = []
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {"tag": tag, **{k: v or "" for k, v in attrs}, "text": "", "parents": list(self.open)}
        self.elements.append(element)
        if tag not in {"br", "img"}:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element["text"] += data

    def of(self, cls: str) -> list[dict[str, Any]]:
        return [e for e in self.elements if cls in e.get("class", "").split()]


def left(element: dict[str, Any], name: str = "left") -> float:
    found = re.search(rf"(?:^|;){name}:([\d.]+)%", element["style"])
    assert found, element
    return float(found[1])


def test_each_timeline_mark_is_its_lanes_glyph_in_its_lanes_colour_and_links_to_its_event(
    dataset: Dataset,
) -> None:
    tree = Tree(timeline_html(dataset, dataset.timeline, event_url))
    marks = tree.of("tl-mark")
    assert len(marks) == len(dataset.timeline)
    labels = [e["text"] for e in tree.of("tl-label") if e["text"]]
    lanes = tree.of("tl-lane")
    assert len(labels) == len(lanes) == len(dataset.positions) + 1
    assert labels == [position_label(dataset, p) for p in dataset.position_ids] + [general_lane()]
    for label, lane in zip(labels, lanes, strict=True):
        inside = [m for m in marks if lane in m["parents"]]
        assert inside, label
        # The label starts with the glyph its marks are drawn as (the legend cannot disagree with the marks).
        assert {m["text"] for m in inside} == {label.split(" ")[0]}
    assert [lane["class"].split()[1] for lane in lanes] == [
        f"pal-{i}" for i in range(len(dataset.positions))
    ] + ["pal-g"]
    frame = timeline_frame(dataset, dataset.timeline, event_url)
    assert sorted(m["href"] for m in marks) == sorted(frame["url"])
    for mark in marks:
        assert mark["tag"] == "a" and "aria-label" not in mark  # its title names it, once
        assert " — " in mark["title"] and "Source: " in mark["title"]


def test_the_timeline_draws_a_year_only_event_mid_year_on_a_band_across_its_year(dataset: Dataset) -> None:
    tree = Tree(timeline_html(dataset, dataset.timeline))
    years = [e for e in dataset.timeline if len(e.date) == 4]
    bands = tree.of("tl-band")
    assert len(bands) == len(years) > 0
    ticks = {e["text"]: left(e) for e in tree.of("tl-tick")}
    januaries = {int(text.split()[1]): x for text, x in ticks.items() if text.startswith("Jan ")}
    marks = {m["title"]: m for m in tree.of("tl-mark")}
    checked = 0
    for band in bands:
        start, width = left(band), left(band, "width")
        middle = next(left(m) for title, m in marks.items() if title == band["title"])
        assert abs(middle - (start + width / 2)) < 0.3, band["title"]  # the glyph in the middle of its band
        year = int(re.search(r"\b(\d{4}) \(year only\)", band["title"])[1])  # type: ignore[index]
        if year in januaries and year + 1 in januaries:
            assert abs(start - januaries[year]) < 0.3 and abs(start + width - januaries[year + 1]) < 0.5
            checked += 1
    assert checked, "a year-only event lies between two January ticks"
    # No link asked, none drawn: the marks are images with a label.
    assert not [e for e in tree.elements if e["tag"] == "a"]
    assert all(m["role"] == "img" for m in marks.values())


def test_time_ticks_are_calendar_months_at_most_six_and_never_none() -> None:
    def labels(first: str, last: str) -> list[str]:
        return [label for _, label in time_ticks(pd.Timestamp(first), pd.Timestamp(last))]

    assert labels("2018-12-01", "2023-12-31") == ["Jan 2019", "Jan 2020", "Jan 2021", "Jan 2022", "Jan 2023"]
    assert labels("2023-04-03", "2023-12-10") == ["May 2023", "Jul 2023", "Sep 2023", "Nov 2023"]
    # Within a month no month starts: its first and last days.
    assert labels("2023-04-03", "2023-04-20") == ["3 Apr 2023", "20 Apr 2023"]
    assert labels("2023-04-03", "2023-04-03") == ["3 Apr 2023"]
    assert labels("1950-01-01", "2023-01-01") == ["Jan 1960", "Jan 1980", "Jan 2000", "Jan 2020"]
    assert 2 <= len(labels("1000-01-01", "2023-01-01")) <= 6


def test_the_balance_writes_each_positions_counts_and_draws_them_to_scale(dataset: Dataset) -> None:
    chosen = dataset.position_ids[:3]
    tree = Tree(balance_html(dataset, chosen))
    assert [e["text"] for e in tree.of("bal-label")] == [position_label(dataset, p) for p in chosen]
    tallies = [counts(dataset, dataset.position(p)) for p in chosen]
    most = max(sum(getattr(t, b) for b in BEARINGS) for t in tallies)
    for tally, words, bar in zip(tallies, tree.of("bal-counts"), tree.of("bal-bar"), strict=True):
        assert words["text"] == " ".join(f"{BEARING_LABELS[b]} {getattr(tally, b)}" for b in BEARINGS)
        widths = {s["class"].split()[1]: left(s, "width") for s in tree.of("bal-seg") if bar in s["parents"]}
        for b in BEARINGS:
            assert abs(widths.get(f"bear-{b}", 0) - 100 * getattr(tally, b) / most) < 0.01


def test_each_figure_is_a_bar_to_scale_labelled_with_its_number_and_source(dataset: Dataset) -> None:
    for series in dataset.series:
        tree = Tree(series_html(dataset, series))
        values = [p.value for p in series.points]
        end = 100.0 if series.unit.startswith("%") and max(values) <= 100 else max(values)
        assert [e["text"] for e in tree.of("bar-label") if e["text"]] == [p.label for p in series.points]
        assert [e["text"] for e in tree.of("bar-value")] == [format_number(v) for v in values]
        shares = [float(re.search(r"--share:([\d.]+)", e["style"])[1]) for e in tree.of("bar-fill")]  # type: ignore[index]
        assert all(abs(s - v / end) < 1e-3 for s, v in zip(shares, values, strict=True)), series.id
        for point, row in zip(series.points, tree.of("bar-row"), strict=True):
            assert source_label(dataset, point.source) in row["title"] and point.period in row["title"]
        figure = tree.elements[0]
        assert figure["tag"] == "figure" and series.title in figure["aria-label"]
        assert all(e["aria-hidden"] == "true" for e in tree.of("bar-fill"))
        groups = list(dict.fromkeys(p.group for p in series.points if p.group))
        keys = [e["text"] for e in tree.of("bal-count")]
        assert keys == groups, "a key for each group, none without groups"
        for point, fill in zip(series.points, tree.of("bar-fill"), strict=True):
            wanted = GROUP_CLASSES[groups.index(point.group)] if point.group else "pal-0"
            assert wanted in fill["class"].split()
    grouped = [s for s in dataset.series if any(p.group for p in s.points)]
    assert grouped, "the real content has a series in groups"


def test_content_text_in_a_drawing_is_text(mini: Dataset) -> None:
    data = mini.model_dump()
    data["positions"][0]["short_title"] = '<img src=x onerror="alert(1)"> & "Q"'
    data["timeline"][0]["title"] = "<script>alert(1)</script>"
    data["series"][0]["points"][0]["label"] = "<img src=x onerror=alert(1)>"
    data["series"][0]["points"][0]["group"] = "<script>alert(2)</script>"
    data["series"][0]["unit"] = '" onmouseover="alert(3)'
    hostile = Dataset.model_validate(data)
    for markup in (
        timeline_html(hostile, hostile.timeline, event_url),
        balance_html(hostile, hostile.position_ids),
        *(series_html(hostile, series) for series in hostile.series),
    ):
        assert "<img" not in markup and "<script" not in markup and 'onerror="' not in markup
        tree = Tree(markup)
        assert {e["tag"] for e in tree.elements} <= {"figure", "div", "span", "a"}
    assert "&lt;script&gt;" in timeline_html(hostile, hostile.timeline)
    assert "&lt;img" in series_html(hostile, hostile.series[0])


def test_the_drawings_colours_are_the_themes_chart_colours() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    source = (ROOT / "ui" / "charts.py").read_text(encoding="utf-8")
    light, dark = source.split("_DARK = ")[0].split("_LIGHT = ")[1], source.split("_DARK = ")[1]

    def pal(css: str) -> list[str]:
        return [re.search(rf"\.pal-{i} {{ color: (#\w+); }}", css)[1] for i in range(len(PALETTE))]  # type: ignore[index]

    assert pal(light) == list(PALETTE) == config["light"]["chartCategoricalColors"]
    assert pal(dark) == config["dark"]["chartCategoricalColors"]


def test_a_content_url_is_a_link_only_when_it_is_a_plain_web_address() -> None:
    from policy.text import web_address

    assert web_address("https://www.example.org/a_b?x=1") == "https://www.example.org/a_b?x=1"
    for bad in (None, "", "javascript:alert(1)", "https://a.b/x) [y](z", "www.example.org", "https://a b"):
        assert web_address(bad) is None, bad
