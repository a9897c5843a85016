"""Charts a student can read, in Chromium: Figures draws every series with plain numbers and whole labels, no
page is wider than its column, the timeline's marks are the glyphs its rows name, and People opens a person."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from playwright.sync_api import expect

from policy import Dataset
from policy.models import BEARINGS
from policy.queries import counts, stance_map, timeline_events
from policy.style import position_label
from tests.browser.conftest import ROOT, Watched, wait_ready
from ui.registry import PAGES

pytestmark = pytest.mark.browser

EXPONENT = re.compile(r"\de[+-]?\d")  # 1.07e+5, 1e5
# Pages whose layout is their own (full-screen slides, the voter's phone card).
OWN_LAYOUT = {"present", "vote"}

# Everything drawn inside the main column that reaches past its right edge, or past an ancestor that clips it,
# unless an ancestor scrolls sideways (a visible scroll bar is the cue) or it is visually hidden (a 1 px box
# holding a switch's input for screen readers).
OVERFLOW = """() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const right = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight) + 1;
  const out = [];
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    let limit = right, skip = false;
    for (let a = el.parentElement; a && a !== main; a = a.parentElement) {
      const box = a.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) { skip = true; break; }
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll') { skip = true; break; }
      if (o === 'hidden' || o === 'clip') limit = Math.min(limit, box.right + 1);
    }
    if (!skip && r.right > limit)
      out.push(`<${el.tagName.toLowerCase()}> ends at ${Math.round(r.right)} px, past ${Math.round(limit)} px: `
        + (el.textContent || '').trim().slice(0, 60));
  }
  return out.slice(0, 5);
}"""

# A figure's bars, numbers and labels as drawn (policy.drawings.series_html).
BARS = ".drawing.bars"
BAR_PARTS = """(figure) => {
  const box = (e) => { const r = e.getBoundingClientRect(); return {x: r.x, right: r.right, y: r.y + r.height / 2,
    w: r.width, h: r.height, text: e.textContent, cut: e.scrollWidth > e.clientWidth}; };
  const page = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
  return {
    bars: [...figure.querySelectorAll('.bar-fill')].map(box),
    values: [...figure.querySelectorAll('.bar-value')].map(box),
    labels: [...figure.querySelectorAll('.bar-label')].filter(e => e.textContent).map(box),
    right: page.right,
  };
}"""


def open_view(w: Watched, server: str, path: str) -> None:
    w.page.goto(f"{server}/{path}")  # type: ignore[attr-defined]
    wait_ready(w.page)


def bar_parts(w: Watched) -> dict:  # type: ignore[type-arg]
    figure = w.page.locator(BARS).first  # type: ignore[attr-defined]
    figure.wait_for()
    return figure.evaluate(BAR_PARTS)  # type: ignore[no-any-return]


@pytest.mark.parametrize("width", [1280, 390])
def test_every_figure_draws_a_bar_per_number_to_scale_with_plain_numbers_and_whole_labels(
    watched: Watched, server: str, dataset: Dataset, width: int
) -> None:
    watched.page.set_viewport_size({"width": width, "height": 844})  # type: ignore[attr-defined]
    for series in dataset.series:
        open_view(watched, server, f"figures?series={series.id}")
        parts = bar_parts(watched)
        bars, values = parts["bars"], parts["values"]
        assert len(bars) == len(series.points), (
            f"{series.id}: {len(bars)} bars for {len(series.points)} numbers"
        )
        # Every bar is drawn (a number of 0 aside), none squashed flat, and the bars are to one scale.
        assert all(b["h"] >= 12 for b in bars), f"{series.id}: bars {bars}"
        top = max(p.value for p in series.points)
        widest = max(b["w"] for b in bars)
        for point, bar in zip(series.points, bars, strict=True):
            if point.value and not series.unit.startswith("%"):
                assert abs(bar["w"] / widest - point.value / top) < 0.02, f"{series.id}: {bars}"
        # Each bar is labelled with its number in plain digits, just right of the bar and on the page.
        shown = [f"{int(p.value):,}" if p.value == int(p.value) else f"{p.value:,}" for p in series.points]
        assert [v["text"] for v in values] == shown
        assert not [v for v in values if EXPONENT.search(v["text"])]
        for bar, value in zip(bars, values, strict=True):
            assert 0 <= value["x"] - bar["right"] < 12 and value["right"] <= parts["right"] + 1, (
                series.id,
                value,
            )
        # The labels are whole: none is cut.
        assert [label["text"] for label in parts["labels"]] == [p.label for p in series.points]
        assert not [label for label in parts["labels"] if label["cut"]], series.id
    assert not watched.errors, watched.errors


@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES if p.url_path not in OWN_LAYOUT])
def test_no_element_is_wider_than_the_main_column(watched: Watched, server: str, url_path: str) -> None:
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 800})  # type: ignore[attr-defined]
    open_view(watched, server, url_path)
    if page.locator(BARS).count():  # type: ignore[attr-defined]
        page.locator(BARS).first.wait_for()  # type: ignore[attr-defined]
    wide = page.evaluate(OVERFLOW)  # type: ignore[attr-defined]
    assert not wide, f"/{url_path} at 1280 px: " + "; ".join(wide)


# Each element's box and text in the Timeline's drawing (policy.drawings).
DRAWING_PARTS = """(root) => {
  const box = (e) => { const r = e.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2,
    left: r.left, right: r.right, w: r.width, h: r.height, text: e.textContent.trim(), title: e.title || ''}; };
  return {
    labels: [...root.querySelectorAll('.tl-label')].filter(e => e.textContent.trim()).map(box),
    lanes: [...root.querySelectorAll('.tl-lane')].map(e => { const r = e.getBoundingClientRect();
      return {top: r.top, bottom: r.bottom}; }),
    marks: [...root.querySelectorAll('.tl-mark')].map(box),
    bands: [...root.querySelectorAll('.tl-band')].map(box),
    ticks: [...root.querySelectorAll('.tl-tick')].map(box),
    color: [...root.querySelectorAll('.tl-mark')].map(e => getComputedStyle(e).color),
    // Last (it scrolls): the element a reader meets at each mark's centre: the mark itself when none covers it.
    reachable: [...root.querySelectorAll('.tl-mark')].map(e => { e.scrollIntoView({block: 'center'});
      const r = e.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return !!hit && (hit === e || e.contains(hit)); }),
  };
}"""


def timeline_parts(w: Watched) -> dict[str, list]:  # type: ignore[type-arg]
    drawing = w.page.locator(".drawing.tl").first  # type: ignore[attr-defined]
    drawing.wait_for()
    return drawing.evaluate(DRAWING_PARTS)  # type: ignore[no-any-return]


def test_the_timelines_marks_are_the_glyphs_its_rows_name(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    open_view(watched, server, "timeline")
    parts = timeline_parts(watched)
    marks, rows = parts["marks"], parts["labels"]
    assert len(marks) == len(dataset.timeline)
    assert len(rows) == len(dataset.positions) + 1
    for row in rows:
        assert "…" not in row["text"], f"a row label is cut: {row['text']}"
    for mark in marks:
        lane = next(i for i, lane in enumerate(parts["lanes"]) if lane["top"] <= mark["y"] <= lane["bottom"])
        row = rows[lane]
        assert row["text"].split(" ")[0] == mark["text"], f"{mark['text']} drawn in the row {row['text']!r}"
        assert row["right"] < mark["x"], "marks are right of their labels"
    # Every mark can be pointed at and selected: none lies under another (events of one month included).
    hidden = [m["title"] for m, ok in zip(marks, parts["reachable"], strict=True) if not ok]
    assert not hidden, f"marks under others: {hidden}"
    assert len(set(parts["color"])) == len(rows), "a colour per lane"


def test_the_timeline_places_a_year_only_event_mid_year_on_a_band_across_the_year(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    open_view(watched, server, "timeline")
    parts = timeline_parts(watched)
    # The axis's "Jan YYYY" ticks give each January 1st's position.
    january = {int(t["text"].split()[-1]): t["x"] for t in parts["ticks"] if t["text"].startswith("Jan ")}
    years = [e for e in dataset.timeline if len(e.date) == 4]
    assert years, "the content has events dated only to a year"
    assert len(parts["bands"]) == len(years)
    checked = 0
    for band in parts["bands"]:
        mark = next(m for m in parts["marks"] if m["title"] == band["title"])
        assert abs(mark["x"] - band["x"]) < 2, "the glyph sits in the middle of its band"
        assert abs(mark["y"] - band["y"]) < 2
        year = int(band["title"].split(" (year only)")[0].split()[-1])
        if year in january and year + 1 in january:
            start, end = january[year], january[year + 1]
            assert 0.4 < (mark["x"] - start) / (end - start) < 0.6, f"{band['title']!r}: not mid-year"
            assert abs(band["left"] - start) < 2 and abs(band["right"] - end) < 3, "the band spans its year"
            checked += 1
    assert checked, "at least one year-only event lies between two January ticks"


def test_a_timeline_mark_shows_its_event_on_hover_and_opens_it_in_the_list(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    open_view(watched, server, "timeline")
    page = watched.page
    last = timeline_events(dataset)[-1]  # on the list's last page
    mark = page.locator(f'.drawing.tl a.tl-mark[href="./timeline?event={last.id}"]')  # type: ignore[attr-defined]
    expect(mark).to_have_attribute("title", re.compile(re.escape(last.title)))
    page.wait_for_function("window.policySameTabLinks === true")  # type: ignore[attr-defined]
    tabs = len(page.context.pages)  # type: ignore[attr-defined]
    mark.focus()  # from the keyboard (a mouse may meet a neighbouring mark first where events crowd)
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(rf"event={last.id}"))  # type: ignore[call-overload]
    wait_ready(page)
    marked = page.locator(".st-key-tl-linked-event")  # type: ignore[attr-defined]
    expect(marked).to_contain_text(last.title)
    expect(marked).to_be_in_viewport()
    # A second mark, followed from the chart again, is brought into view too.
    page.locator('[data-testid="stMain"]').evaluate("e => e.scrollTo({top: 0})")  # type: ignore[attr-defined]
    first = timeline_events(dataset)[len(timeline_events(dataset)) // 2]
    again = page.locator(f'.drawing.tl a.tl-mark[href="./timeline?event={first.id}"]')  # type: ignore[attr-defined]
    again.focus()
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(rf"event={first.id}"))  # type: ignore[call-overload]
    wait_ready(page)
    expect(marked).to_contain_text(first.title)
    expect(marked).to_be_in_viewport()
    assert len(page.context.pages) == tabs, "the event opened in this tab"  # type: ignore[attr-defined]


def test_compares_balance_draws_each_options_counts_to_scale(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    pair = dataset.position_ids[:2]
    open_view(watched, server, "compare?positions=" + ",".join(pair))
    drawing = watched.page.locator(".drawing.bal")  # type: ignore[attr-defined]
    expect(drawing.locator(".bal-label")).to_have_text([position_label(dataset, p) for p in pair])
    bars = drawing.locator(".bal-bar").evaluate_all(
        "bars => bars.map(b => [...b.children].map(s => s.getBoundingClientRect().width))"
    )
    totals = [sum(getattr(counts(dataset, dataset.position(p)), b) for b in BEARINGS) for p in pair]
    widths = [sum(b) for b in bars]
    assert max(widths) > 200, "the longest bar is drawn wide"
    assert abs(widths[0] / max(widths) - totals[0] / max(totals)) < 0.02, (widths, totals)
    assert abs(widths[1] / max(widths) - totals[1] / max(totals)) < 0.02, (widths, totals)


@pytest.mark.parametrize(
    "path",
    [
        "",
        "compare?positions=military-strikes,precursor-interdiction",
        "position",
        "figures",
        "timeline",
        "evidence",
    ],
)
def test_on_a_phone_no_element_is_wider_than_the_column(watched: Watched, server: str, path: str) -> None:
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})  # type: ignore[attr-defined]
    open_view(watched, server, path)
    if page.locator(BARS).count():  # type: ignore[attr-defined]
        page.locator(BARS).first.wait_for()  # type: ignore[attr-defined]
    wide = page.evaluate(OVERFLOW)  # type: ignore[attr-defined]
    assert not wide, f"/{path} at 390 px: " + "; ".join(wide)


def test_people_map_shows_who_stands_where_and_a_cell_opens_the_person(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    open_view(watched, server, "people")
    page = watched.page
    grid = page.locator(".prose table").first  # type: ignore[attr-defined]
    cells = stance_map(dataset)
    actors = list(dict.fromkeys(c.actor for c in cells))
    expect(grid.locator("tbody tr")).to_have_count(len(actors))
    expect(grid.locator("tbody td")).to_have_count(len(actors) * (len(dataset.positions) + 1))
    pills = grid.locator("td > a > .prose-badge")
    expect(pills).to_have_count(
        len(cells)
    )  # a glyph and a word in each cell with a stance, none in a blank one
    words = pills.all_inner_texts()
    assert all(w.split(" ")[0] in ("✚", "✖", "✚✖") for w in words), words
    # White words on a solid colour, at AA.
    colours = pills.first.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert colours[0] == "rgb(255, 255, 255)" and colours[1] != "rgba(0, 0, 0, 0)"
    # A cell is a link: it opens that person, in the same tab.
    first = dataset.actor(cells[0].actor)
    pills.first.click()
    page.wait_for_url(f"**/people?person={first.id}")  # type: ignore[attr-defined]
    wait_ready(page)
    expect(page.get_by_role("heading", name=first.name)).to_be_visible()  # type: ignore[attr-defined]
    assert len(page.context.pages) == 1  # type: ignore[attr-defined]
    assert not watched.errors, watched.errors


def test_people_filters_are_links_that_narrow_the_page_in_place_and_any_clears_them(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    open_view(watched, server, "people")
    page = watched.page
    country = next(a.country for a in dataset.actors if a.country)
    n = sum(a.country == country for a in dataset.actors)
    filters = page.locator(".st-key-pills-filters")  # type: ignore[attr-defined]
    chip = filters.get_by_role("link", name=f"{country} ({n})", exact=True)
    above = chip.bounding_box()
    chip.click()
    page.wait_for_url(re.compile(rf"/people\?country={re.escape(quote_plus(country))}$"))  # type: ignore[attr-defined]
    wait_ready(page)
    expect(page.get_by_role("heading", name=f"Everyone the sources name ({n})")).to_be_visible()  # type: ignore[attr-defined]
    ticked = filters.get_by_role("link", name=f"✓ {country} ({n})", exact=True)
    expect(ticked).to_be_visible()
    after = ticked.bounding_box()
    assert above is not None and after is not None and abs(after["y"] - above["y"]) < 40, (
        "the reader stays put"
    )
    assert len(page.context.pages) == 1  # type: ignore[attr-defined]
    filters.get_by_role("link", name="Any", exact=True).first.click()
    wait_ready(page)
    expect(
        page.get_by_role("heading", name=f"Everyone the sources name ({len(dataset.actors)})")
    ).to_be_visible()  # type: ignore[attr-defined]
    assert not watched.errors, watched.errors


def test_a_person_link_opens_that_person(watched: Watched, server: str, dataset: Dataset) -> None:
    actor = next(a for a in dataset.actors if dataset.stances_of(a.id) and dataset.quotes_by(a.id))
    open_view(watched, server, f"people?person={actor.id}")
    page = watched.page
    expect(page.get_by_role("heading", name=actor.name)).to_be_visible()  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", name="Who stands where")).to_have_count(0)  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", name="Where they stand")).to_be_visible()  # type: ignore[attr-defined]
    # Their words at full strength: no quote is drawn faded.
    quote = dataset.quotes_by(actor.id)[0]
    words = page.get_by_text(quote.text[:40]).first  # type: ignore[attr-defined]
    expect(words).to_be_visible()
    assert (
        words.evaluate(
            "e => getComputedStyle(e.closest('[data-testid=stMarkdownContainer], .prose')).opacity"
        )
        == "1"
    )
    assert not watched.errors, watched.errors


@pytest.mark.parametrize("name", ["people-map", "figures"])
def test_readme_screenshots(
    watched: Watched, server: str, dataset: Dataset, tmp_path: Path, name: str
) -> None:
    """The README's screenshots of the map and of Figures (Compare's is taken in test_pages), by this tooling:
    SCREENSHOTS=1 writes them into docs/."""
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 800})  # type: ignore[attr-defined]
    if name == "figures":  # the series with the most numbers
        series = max(dataset.series, key=lambda s: len(s.points))
        open_view(watched, server, f"figures?series={series.id}")
        heading = page.get_by_role("heading", name=series.title)  # type: ignore[attr-defined]
    else:
        open_view(watched, server, "people")
        heading = page.get_by_role("heading", name="Who stands where")  # type: ignore[attr-defined]
    if name == "figures":
        page.locator(BARS).first.wait_for()  # type: ignore[attr-defined]
    heading.evaluate("h => h.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    folder = ROOT / "docs" if os.environ.get("SCREENSHOTS") == "1" else tmp_path
    target = folder / f"{name}.png"
    page.screenshot(path=str(target), full_page=False)  # type: ignore[attr-defined]
    assert target.stat().st_size > 10_000


def test_on_a_phone_the_grid_scrolls_sideways_in_its_box_with_the_names_kept_in_view(
    watched: Watched, server: str
) -> None:
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})  # type: ignore[attr-defined]
    open_view(watched, server, "people")
    grid = page.locator(".prose table").first  # type: ignore[attr-defined]
    name = grid.locator("tbody td").first
    before = name.bounding_box()
    wider = grid.evaluate("t => t.scrollWidth > t.clientWidth")
    assert wider, "four options do not fit 390 px: the grid scrolls inside its box"
    grid.evaluate("t => { t.scrollLeft = 200; }")
    page.wait_for_timeout(100)  # type: ignore[attr-defined]
    after = name.bounding_box()
    assert before and after and abs(after["x"] - before["x"]) < 1, "the names stay while the cells scroll"
    wide = page.evaluate(OVERFLOW)  # type: ignore[attr-defined]
    assert not wide, "/people at 390 px: " + "; ".join(wide)
