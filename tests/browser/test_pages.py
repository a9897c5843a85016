"""The app in Chromium against a real server: pages load cleanly, deep links restore, downloads work."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from policy import Dataset
from policy.queries import EvidenceFilter, filter_evidence, short_outlet
from tests.browser.conftest import ROOT, Watched, download, start_server, stop_server, wait_ready
from ui.registry import PAGES

pytestmark = pytest.mark.browser


def open_view(w: Watched, server: str, path: str) -> None:
    w.page.goto(f"{server}/{path}")  # type: ignore[attr-defined]
    wait_ready(w.page)


def clean(w: Watched) -> None:
    page = w.page
    expect(page.get_by_test_id("stException")).to_have_count(0)  # type: ignore[attr-defined]
    assert not w.errors, w.errors
    assert not w.failed, w.failed


@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES])
def test_every_page_loads_with_no_exception_or_failed_request(
    watched: Watched, server: str, url_path: str
) -> None:
    open_view(watched, server, url_path)
    clean(watched)


def test_position_deep_link(watched: Watched, server: str, dataset: Dataset) -> None:
    position = dataset.positions[-1]
    open_view(watched, server, f"position?position={position.id}")
    expect(watched.page.locator("h1").first).to_contain_text(position.title)  # type: ignore[attr-defined]
    clean(watched)


def test_compare_deep_link_and_screenshot(
    watched: Watched, server: str, dataset: Dataset, tmp_path: Path
) -> None:
    pair = dataset.position_ids[:2]
    open_view(watched, server, f"compare?positions={','.join(pair)}")
    page = watched.page
    options = page.locator(".st-key-pills-filters li")  # type: ignore[attr-defined]
    for pid in pair:  # chosen, and at two not a link (one option is no comparison)
        expect(options.filter(has_text=dataset.position(pid).short_title)).to_contain_text("✓")
        expect(options.filter(has_text=dataset.position(pid).short_title).locator("a")).to_have_count(0)
    for pid in dataset.position_ids[2:]:
        other = options.filter(has_text=dataset.position(pid).short_title)
        expect(other).not_to_contain_text("✓")
        follow_href = str(other.locator("a").get_attribute("href"))
        assert all(p in follow_href for p in (*pair, pid)), follow_href
    clean(watched)
    # The README's screenshot: all positions, taken by this tooling (SCREENSHOTS=1 writes it into docs/).
    open_view(watched, server, "compare")
    page.wait_for_selector(".drawing.bal .bal-seg")  # the evidence balance, drawn
    target = (
        ROOT / "docs" / "compare.png" if os.environ.get("SCREENSHOTS") == "1" else tmp_path / "compare.png"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 10_000


def test_evidence_deep_link_filters_and_download(watched: Watched, server: str, dataset: Dataset) -> None:
    pid = dataset.position_ids[0]
    open_view(watched, server, f"evidence?position={pid}&bearing=undercuts")
    page = watched.page
    expected = sum(1 for e in dataset.evidence if e.bearing.get(pid) == "undercuts")
    expect(page.get_by_text(f"{expected} of {len(dataset.evidence)} evidence items")).to_be_visible()  # type: ignore[attr-defined]
    path, name = download(page, "Download CSV")
    assert name == "evidence.csv"
    data = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert len(rows) == expected
    assert all(r[f"bearing_{pid}"] == "undercuts" for r in rows)
    clean(watched)


def test_evidence_filters_are_links_that_keep_the_search_typed(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    open_view(watched, server, "evidence")
    page = watched.page
    box = page.get_by_label("Search claims, quotes and speakers")  # type: ignore[attr-defined]
    box.fill("fentanyl")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/evidence\?q=fentanyl$"))  # type: ignore[attr-defined]
    wait_ready(page)
    filters = page.locator(".st-key-pills-filters")  # type: ignore[attr-defined]
    filters.get_by_role("link", name="Undercuts", exact=True).click()
    # The link's order, then the page's own (it writes the address again): either holds both.
    page.wait_for_url(lambda url: "bearing=undercuts" in url and "q=fentanyl" in url)  # type: ignore[attr-defined]
    wait_ready(page)
    expect(filters.get_by_role("link", name="✓ Undercuts", exact=True)).to_be_visible()
    expect(box).to_have_value("fentanyl")
    # The list follows both the search and the filter.
    items = filter_evidence(dataset, EvidenceFilter(bearings=("undercuts",), text="fentanyl"))
    shown = f"{len(items)} of {len(dataset.evidence)} evidence items"
    expect(page.get_by_text(shown)).to_be_visible()  # type: ignore[attr-defined]
    assert len(page.context.pages) == 1  # type: ignore[attr-defined]
    clean(watched)


def test_a_bad_link_shows_a_notice_not_a_traceback(watched: Watched, server: str) -> None:
    open_view(watched, server, "position?position=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    page = watched.page
    expect(page.get_by_text("Unknown position")).to_be_visible()  # type: ignore[attr-defined]
    assert page.locator("script:has-text('alert(1)')").count() == 0  # type: ignore[attr-defined]
    clean(watched)


def test_people_deep_link(watched: Watched, server: str, dataset: Dataset) -> None:
    actor = next(a for a in dataset.actors if dataset.stances_of(a.id))
    open_view(watched, server, f"people?actor={actor.id}")
    expect(watched.page.get_by_role("heading", name=actor.name)).to_be_visible()  # type: ignore[attr-defined]
    clean(watched)


def test_a_deep_link_as_a_fresh_servers_first_request_goes_through_the_router(
    browser: object, dataset: Dataset
) -> None:
    # A deep link as a fresh server's first request must run through the router (page config, navigation).
    proc, url = start_server()
    context = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        pair = dataset.position_ids[:2]
        page.goto(f"{url}/compare?positions={','.join(pair)}")
        wait_ready(page)
        nav = page.get_by_test_id("stSidebarNav")
        expect(nav).to_contain_text("Memo builder")
        expect(nav).not_to_contain_text("registry")
        last = page.locator(".st-key-pills-filters li").filter(  # type: ignore[attr-defined]
            has_text=dataset.position(dataset.position_ids[-1]).short_title
        )
        expect(last).not_to_contain_text("✓")  # the link's pair, not the default four
    finally:
        context.close()
        stop_server(proc)


def test_contested_question_opens_with_its_sides_and_its_link(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    open_view(watched, server, "contested")
    page = watched.page
    second = dataset.disputes[1]
    claim = second.claims[0]
    who = dataset.actor(claim.claimant).name if claim.claimant else dataset.source(claim.source).outlet
    expanders = page.get_by_test_id("stExpander")  # type: ignore[attr-defined]
    expect(expanders).to_have_count(len(dataset.disputes))
    expanders.nth(1).locator("summary").click()
    expect(expanders.nth(1).get_by_text(claim.claim[:60])).to_be_visible()
    expect(expanders.nth(1)).to_contain_text(who)
    expect(page).to_have_url(f"{server}/contested?dispute={dataset.disputes[0].id}%2C{second.id}")  # type: ignore[arg-type]
    clean(watched)


def test_a_sides_quotes_open_with_ready_to_copy_citations(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    position = dataset.positions[0]
    stance = position.proponents[0]
    quote = dataset.quote(stance.quotes[0])
    side = dict.fromkeys(q for s in position.proponents for q in s.quotes)
    open_view(watched, server, f"position?position={position.id}")
    page = watched.page
    # The proponents' own words open under their arguments with the side's toggle.
    page.get_by_text(re.compile(r"^Show their words")).first.click()  # type: ignore[attr-defined]
    cite = page.get_by_role("button", name="Cite")  # type: ignore[attr-defined]
    # The innermost block holding both the quote and a Cite button: the side's bordered box.
    words = page.get_by_test_id("stVerticalBlock").filter(has_text=quote.text[:40]).filter(has=cite).last  # type: ignore[attr-defined]
    expect(words).to_contain_text(quote.text[:40])
    expect(words).to_contain_text(dataset.actor(stance.actor).name)
    expect(words).to_contain_text(short_outlet(dataset, quote.source))
    wait_ready(page)  # opening the quotes reruns the page: a click mid-rerun can be lost
    words.get_by_role("button", name="Cite").click()
    popover = page.get_by_test_id("stPopoverBody")  # type: ignore[attr-defined]
    # Chicago and APA for each quote, then the APA reference list entry of their sources, then the .ris file.
    expect(popover.locator(".copyable pre")).to_have_count(2 * len(side) + 1)
    expect(popover.get_by_role("button", name="Copy")).to_have_count(2 * len(side) + 1)
    expect(popover.get_by_test_id("stDownloadButton")).to_have_count(1)
    expect(popover).to_contain_text(quote.text[:40])
    clean(watched)
