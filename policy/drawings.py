"""Charts drawn as HTML: the timeline, the evidence balance and the figures' bars (no streamlit here).

Why not Vega-Lite: a Vega chart costs the reader's browser about a quarter of an empty page's load (its library is
loaded, parsed and run; docs/performance.md, rounds 10 and 12), and these charts are simple: lanes of marks,
stacked counts, and bars each labelled with its number. As HTML they cost next to nothing, scale with the column (a phone gets the lanes'
labels above their lanes), keep the theme's text colours, and each mark is a plain link with a tooltip.

Every piece of content text here is escaped (html.escape): content is data, never markup. Colours are classes
(pal-0 … pal-7 by a position's place in the content, pal-g for the general lane; bear-<bearing>), so each theme
gives its own (ui.charts); the only inline styles are places and sizes: a mark's or a bar's in percent of
its lane, a level's top and a lane's height in pixels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape

import pandas as pd

from policy import i18n
from policy.charts import general_lane, series_frame, timeline_frame
from policy.dataset import Dataset
from policy.i18n import _
from policy.models import BEARINGS, Series, TimelineEvent
from policy.prose import strip_markers
from policy.queries import counts, format_number
from policy.style import PALETTE, bearing_label, position_label

# A tick every so many months (then a multiple of ten years), the first step giving at most MAX_TICKS.
MONTH_STEPS = (1, 2, 3, 4, 6, 12, 24, 60, 120)
MAX_TICKS = 6
PAD = 0.03  # of the time span, before the first day and after the last
MIN_GAP = 0.03  # of the width between two marks on one level of a lane (24 px glyphs on a 760 px lane)
LANE_PX, LEVEL_TOP, LEVEL_PX = 46, 23, 28  # a lane's least height; the first level's middle; between levels


def _pct(value: float) -> str:
    return f"{100 * value:.2f}%"


def time_ticks(first: pd.Timestamp, last: pd.Timestamp) -> list[tuple[pd.Timestamp, str]]:
    """Ticks between first and last with their labels: the first days of months, evenly spaced (every 1, 2, 3,
    4, 6, 12, 24, 60, 120 months or a multiple of 120, the first step giving at most MAX_TICKS), aligned on the
    calendar (a yearly tick is a January), labelled "Jan 2023". A span holding no first day of a month gets its
    first and last days instead, labelled "3 Apr 2023". Labels are in the reader's language ("ene 2023")."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((s for s in MONTH_STEPS if months / s <= MAX_TICKS), 0) or 120 * -(
        -months // (120 * MAX_TICKS)
    )
    ticks = []
    for index in range(first.year * 12 + first.month - 1, last.year * 12 + last.month):
        if index % step == 0:
            tick = pd.Timestamp(year=index // 12, month=index % 12 + 1, day=1)
            if first <= tick <= last:
                ticks.append((tick, i18n.date(tick.date(), "MMM y")))
    if not ticks:
        ticks = [(day, i18n.date(day.date(), "d MMM y")) for day in dict.fromkeys([first, last])]
    return ticks


def _lane_class(dataset: Dataset, position_id: str | None) -> str:
    if position_id is None:
        return "pal-g"
    return f"pal-{dataset.position_ids.index(position_id) % len(PALETTE)}"


def timeline_html(
    dataset: Dataset, events: Iterable[TimelineEvent], href: Callable[[str], str] | None = None
) -> str:
    """Dated events on a time axis, a lane per position they touch first (in content order; the lanes with no
    event left out), the general lane last. Each event is its lane's own glyph (the glyph that starts the lane's
    label, so a mark cannot disagree with its label) in its lane's colour; a month- or year-only date sits in the
    middle of its month or year, and a year-only event is also a pale band across its year. With href(event id),
    each mark links to it; each has a tooltip and a label for screen readers (date, title, positions, source)."""
    events = list(events)
    frame = timeline_frame(dataset, events, href)
    if frame.empty:
        return ""
    first = frame["start"].min()
    last = frame["end"].max()
    span = (last - first) or pd.Timedelta(days=1)
    start, end = first - span * PAD, last + span * PAD

    def at(when: pd.Timestamp) -> float:
        return float((when - start) / (end - start))

    ticks = time_ticks(first, last)
    grid = "".join(f'<span class="tl-grid" style="left:{_pct(at(t))}"></span>' for t, _label in ticks)
    # Marks closer than MIN_GAP in a lane go on a level of their own below (so every mark can be pointed at and
    # selected, events of one month included); the lane is as tall as its levels.
    lane_of = {e.id: (e.positions[0] if e.positions else None) for e in events}
    level: dict[str, int] = {}
    ends: dict[str | None, list[float]] = {}
    for row in sorted(frame.itertuples(), key=lambda r: (at(r.at), r.Index)):
        taken = ends.setdefault(lane_of[str(row.id)], [])
        x = at(row.at)
        free = next((i for i, last_x in enumerate(taken) if x - last_x >= MIN_GAP), len(taken))
        taken[free : free + 1] = [x]
        level[str(row.id)] = free
    lanes: dict[str | None, list[str]] = {}
    for row in frame.itertuples():
        lane = lane_of[str(row.id)]
        about = _("{date} — {title}. Touches: {positions}. Source: {source}.").format(
            date=row.date, title=row.title, positions=row.positions or _("no position"), source=row.source
        )
        tip = escape(about)
        top = f"top:{LEVEL_TOP + LEVEL_PX * level[str(row.id)]}px"
        marks = lanes.setdefault(lane, [])
        if row.precision == "year":
            marks.append(
                f'<span class="tl-band" style="left:{_pct(at(row.start))};width:{_pct(at(row.end) - at(row.start))};'
                f'{top}" title="{tip}"></span>'
            )
        place = f'class="tl-mark" style="left:{_pct(at(row.at))};{top}" title="{tip}"'
        glyph = f'<span aria-hidden="true">{escape(str(row.glyph))}</span>'
        if href:
            marks.append(f'<a {place} href="{escape(str(row.url))}">{glyph}</a>')  # named by its title
        else:
            marks.append(f'<span {place} role="img" aria-label="{tip}">{glyph}</span>')
    height = {lane: max(LANE_PX, 2 * LEVEL_TOP + LEVEL_PX * (len(taken) - 1)) for lane, taken in ends.items()}
    order: list[str | None] = [*dataset.position_ids, None]
    shown = [position_label(dataset, p) if p else general_lane() for p in order if p in lanes]
    rows = [
        f'<div class="tl-label">{escape(label)}</div>'
        f'<div class="tl-lane {_lane_class(dataset, lane)}" style="height:{height[lane]}px">'
        f"{grid}{''.join(lanes[lane])}</div>"
        for lane, label in zip((p for p in order if p in lanes), shown, strict=True)
    ]
    axis = "".join(
        f'<span class="tl-tick" style="left:{_pct(at(t))}">{escape(label)}</span>' for t, label in ticks
    )
    description = _(
        "Timeline of dated events, by the position each first touches; an event dated only to a year is drawn as"
        " a band across that year. Lanes: {lanes}."
    ).format(lanes=", ".join(shown))
    return (
        f'<figure class="drawing tl" aria-label="{escape(description)}">{"".join(rows)}'
        f'<div class="tl-label"></div><div class="tl-axis" aria-hidden="true">{axis}</div></figure>'
    )


def balance_html(dataset: Dataset, position_ids: Sequence[str]) -> str:
    """Stacked bars: how many findings support, undercut or give context to each position (items that report
    one finding count once), in content order; each bar's counts written beside it, each with its colour's key,
    so the bars need no legend and no axis. The longest bar fills the width; the others are to scale."""
    chosen = [p for p in dataset.position_ids if p in set(position_ids)]
    tallies = {p: counts(dataset, dataset.position(p)) for p in chosen}
    most = max((sum(getattr(c, b) for b in BEARINGS) for c in tallies.values()), default=0) or 1
    rows = []
    for pid, tally in tallies.items():
        label = escape(position_label(dataset, pid))
        segments = "".join(
            f'<span class="bal-seg bear-{b}" style="width:{_pct(getattr(tally, b) / most)}"'
            f' title="{label}: {escape(bearing_label(b))} {getattr(tally, b)}"></span>'
            for b in BEARINGS
            if getattr(tally, b)
        )
        words = " ".join(
            f'<span class="bal-count"><span class="bal-key bear-{b}" aria-hidden="true"></span>'
            f"{escape(bearing_label(b))} {getattr(tally, b)}</span>"
            for b in BEARINGS
        )
        rows.append(
            f'<div class="bal-label">{label}</div>'
            f'<div class="bal-row"><div class="bal-bar" aria-hidden="true">{segments}</div>'
            f'<div class="bal-counts">{words}</div></div>'
        )
    description = _("Findings per position: how many support it, undercut it or give context.")
    return f'<figure class="drawing bal" aria-label="{escape(description)}">{"".join(rows)}</figure>'


GROUP_CLASSES = ("pal-0", "pal-1", "pal-g")  # a series' groups, in order (blue, orange, grey in either theme)


def series_html(dataset: Dataset, series: Series) -> str:
    """A series as horizontal bars, one per point in content order, each labelled with its value in plain digits
    and with a tooltip giving what, period, value and source. The bars are to scale from zero; a share ends at
    100%, any other unit at the largest value. Points in groups get a colour per group and a key under the bars.
    The figure's label gives the title, unit and description; the bars themselves are hidden from screen readers,
    which read each label and its number (and the table under the chart)."""
    frame = series_frame(dataset, series)
    if frame.empty:
        return ""
    top = float(frame["value"].max())
    end = 100.0 if series.unit.startswith("%") and top <= 100 else top
    groups = list(dict.fromkeys(g for g in frame["group"] if g))
    klass = {g: GROUP_CLASSES[i % len(GROUP_CLASSES)] for i, g in enumerate(groups)}
    rows = []
    for row in frame.itertuples():
        shown = format_number(float(row.value))
        share = max(float(row.value), 0.0) / end if end > 0 else 0.0
        tip = escape(
            _("{label} — {period}: {value} {unit}. Source: {source}.").format(
                label=row.label, period=row.period, value=shown, unit=series.unit, source=row.source
            )
        )
        fill = klass.get(str(row.group), "pal-0")
        rows.append(
            f'<div class="bar-label">{escape(str(row.label))}</div>'
            f'<div class="bar-row" title="{tip}"><span class="bar-fill {fill}" aria-hidden="true"'
            f' style="--share:{share:.4f}"></span><span class="bar-value">{escape(shown)}</span></div>'
        )
    if groups:
        keys = "".join(
            f'<span class="bal-count"><span class="bal-key bar-key {klass[g]}" aria-hidden="true"></span>'
            f"{escape(g)}</span>"
            for g in groups
        )
        rows.append(f'<div class="bar-label"></div><div class="bal-counts">{keys}</div>')
    rows.append(f'<div class="bar-label"></div><div class="bar-unit">{escape(series.unit)}</div>')
    description = f"{series.title} ({series.unit}). {strip_markers(series.description)}".strip()
    return f'<figure class="drawing bars" aria-label="{escape(description)}">{"".join(rows)}</figure>'
