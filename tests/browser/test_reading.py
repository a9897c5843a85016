"""The reading pages as a student uses them, in Chromium: Compare lines its sections up across the options, cuts
nothing mid-sentence and links each option to its Position page; the Overview's cards count who holds each option
and link to it; Position's sections are links named with their counts, opened in place."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from policy import Dataset
from tests.browser.conftest import Watched, wait_ready

pytestmark = pytest.mark.browser

MAIN = '[data-testid="stMain"]'


def open_view(w: Watched, server: str, path: str) -> None:
    w.page.goto(f"{server}/{path}")  # type: ignore[attr-defined]
    wait_ready(w.page)


def test_compare_lines_up_its_sections_cuts_nothing_and_links_each_option(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    page = watched.page
    pair = dataset.position_ids[:2]
    open_view(watched, server, f"compare?positions={','.join(pair)}")
    main = page.locator(MAIN)  # type: ignore[attr-defined]
    shown = main.inner_text()
    assert "…" not in shown, "nothing on Compare is cut with an ellipsis"
    # Each section, and each side within it, starts level in both columns: the options' badges in a row of
    # cells share one top edge.
    for heading in ("For", "Against", "✚ Evidence for", "✖ Evidence against"):
        row = main.get_by_role("heading", name=heading, exact=True)
        expect(row).to_have_count(1)
        below = row.bounding_box()
        assert below is not None
        tops = []
        for pid in pair:
            badge = main.get_by_text(dataset.position(pid).short_title, exact=False)
            boxes = [b for b in (badge.nth(i).bounding_box() for i in range(badge.count())) if b]
            tops.append(min(b["y"] for b in boxes if b["y"] > below["y"]))
        assert abs(tops[0] - tops[1]) < 3, f"{heading}: the columns start at {tops}"
    # Every option links to its Position page, and the link opens it.
    for pid in pair:
        expect(main.locator(f'a[href*="position?position={pid}"]').first).to_be_visible()
    main.get_by_role("link", name="Its full case, on its page").last.click()
    wait_ready(page)
    title = re.compile(re.escape(dataset.position(pair[1]).title))
    expect(page.locator("h1").first).to_have_text(title)  # type: ignore[attr-defined]
    assert page.url.endswith(f"/position?position={pair[1]}"), page.url  # type: ignore[attr-defined]


def test_compares_rest_of_a_list_opens_whole_in_its_column(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    page = watched.page
    pid = next(p for p in dataset.position_ids if len(dataset.findings_for(p, "undercuts")) > 2)
    other = next(p for p in dataset.position_ids if p != pid)
    chosen = sorted([pid, other], key=dataset.position_ids.index)
    open_view(watched, server, f"compare?positions={','.join(chosen)}")
    rest = len(dataset.findings_for(pid, "undercuts")) - 2
    toggle = page.get_by_text(f"Show {rest} more findings against it")  # type: ignore[attr-defined]
    closed = page.locator("details", has=toggle.first)  # type: ignore[attr-defined]
    expect(closed.locator("li").first).to_be_hidden()
    toggle.first.click()  # opens in place, with no rerun
    opened = page.locator("details[open]", has=toggle.first)  # type: ignore[attr-defined]
    expect(opened.locator("li")).to_have_count(rest)
    expect(opened.locator("li").last).to_be_visible()
    assert "…" not in page.locator(MAIN).inner_text()  # type: ignore[attr-defined]


def test_overview_cards_count_proponents_and_critics_and_open_the_position(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    page = watched.page
    open_view(watched, server, "")
    main = page.locator(MAIN)  # type: ignore[attr-defined]
    for position in dataset.positions:
        pros, cons = len(position.proponents), len(position.critics)
        words = f"{pros} proponent{'' if pros == 1 else 's'}, {cons} critic{'' if cons == 1 else 's'}"
        expect(main.get_by_text(words).first).to_be_visible()
    links = main.get_by_role("link", name="Read its full case →")
    expect(links).to_have_count(len(dataset.positions))
    links.nth(len(dataset.positions) - 1).click()
    wait_ready(page)
    title = re.compile(re.escape(dataset.positions[-1].title))
    expect(page.locator("h1").first).to_have_text(title)  # type: ignore[attr-defined]


def test_position_opens_a_section_from_its_links_in_the_same_tab_and_place(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    page = watched.page
    position = dataset.positions[0]
    open_view(watched, server, f"position?position={position.id}")
    risks = f"Risks ({len(position.risks)}) and open questions ({len(position.open_questions)})"
    link = page.locator(f"{MAIN} .st-key-sections").get_by_role("link", name=risks)  # type: ignore[attr-defined]
    link.scroll_into_view_if_needed()
    above = link.bounding_box()
    tabs = len(page.context.pages)  # type: ignore[attr-defined]
    link.click()
    wait_ready(page)
    expect(page).to_have_url(re.compile(rf"/position\?position={position.id}&section=risks$"))  # type: ignore[attr-defined]
    assert len(page.context.pages) == tabs, "the section opened in this tab"  # type: ignore[attr-defined]
    heading = page.get_by_role("heading", name=f"Risks and trade-offs ({len(position.risks)})")  # type: ignore[attr-defined]
    expect(heading).to_be_visible()
    # The reader stays where they were: the row of sections has not moved on the screen.
    shown = page.locator(f"{MAIN} .st-key-sections strong").filter(has_text=risks)  # type: ignore[attr-defined]
    expect(shown).to_have_count(1)
    after = shown.bounding_box()
    assert above is not None and after is not None and abs(after["y"] - above["y"]) < 40
    items = page.locator(f'{MAIN} [data-testid="stColumn"] li')  # type: ignore[attr-defined]
    expect(items).to_have_count(len(position.risks) + len(position.open_questions))
    page.go_back()  # type: ignore[attr-defined]
    wait_ready(page)
    expect(page.get_by_role("heading", name=re.compile(r"^Proponents"))).to_be_visible()  # type: ignore[attr-defined]
