"""A student's path through the app in Chromium: one search over everything, names that link and open in the same
tab, a timeline link that opens its event, paging at both ends of a list, notices for links that ask for what is
not there, and a link to the current view."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from policy import Dataset
from policy.queries import timeline_events
from policy.search import SearchIndex
from tests.browser.conftest import Watched, wait_ready
from tests.browser.test_a11y import violations
from tests.conftest import need

pytestmark = pytest.mark.browser
MAIN = '[data-testid="stMain"]'


def open_view(w: Watched, server: str, path: str) -> None:
    w.page.goto(f"{server}/{path}")  # type: ignore[attr-defined]
    wait_ready(w.page)


def clean(w: Watched) -> None:
    expect(w.page.get_by_test_id("stException")).to_have_count(0)  # type: ignore[attr-defined]
    assert not w.errors, w.errors
    assert not w.failed, w.failed


def hit_links(w: Watched) -> list[str]:
    """The places the search page's hits link to, in order."""
    links = w.page.locator(f'{MAIN} [data-testid="stMarkdownContainer"] strong > a')  # type: ignore[attr-defined]
    return [str(href) for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]


def test_search_finds_the_same_hits_with_or_without_accents(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    found = []
    for words in ("Lopez Obrador", "López Obrador", "LOPEZ obrador"):
        open_view(watched, server, f"search?q={words}")
        expect(watched.page.locator(MAIN)).to_contain_text("results for")  # type: ignore[attr-defined]
        found.append(hit_links(watched))
    assert found[0] and found[0] == found[1] == found[2]
    best = SearchIndex(dataset).search("López Obrador", 1)[0]
    assert found[0][0] == best.url, "the best hit comes first"
    # The matching words are marked, with their accents as the content writes them.
    marked = watched.page.locator(f"{MAIN} mark, {MAIN} span[class*='Background'], {MAIN} strong")  # type: ignore[attr-defined]
    expect(marked.filter(has_text=re.compile("^López$")).first).to_be_visible()
    clean(watched)


def test_the_sidebar_search_box_works_from_another_page(watched: Watched, server: str) -> None:
    open_view(watched, server, "timeline")
    box = watched.page.get_by_test_id("stSidebar").get_by_role("textbox", name="Search everything")  # type: ignore[attr-defined]
    box.fill("SEDENA")
    box.press("Enter")
    expect(watched.page).to_have_url(re.compile(r"/search\?q=SEDENA$"))  # type: ignore[attr-defined]
    wait_ready(watched.page)
    expect(watched.page.locator("h1")).to_have_text("Search")  # type: ignore[attr-defined]
    expect(
        watched.page.get_by_test_id("stMain").get_by_role("textbox", name="Search everything")
    ).to_have_value("SEDENA")  # type: ignore[attr-defined]
    assert hit_links(watched), "the search page lists hits"
    clean(watched)


def follow(w: Watched, link: object) -> None:
    """Click a link as a reader does and check it opened in this tab, not a new one."""
    tabs = len(w.page.context.pages)  # type: ignore[attr-defined]
    w.page.wait_for_function("window.policySameTabLinks === true")  # type: ignore[attr-defined]  # drawn by now
    link.click()  # type: ignore[attr-defined]
    wait_ready(w.page)
    w.page.wait_for_timeout(300)  # type: ignore[attr-defined]
    wait_ready(w.page)
    assert len(w.page.context.pages) == tabs, "an internal link opened a new tab"  # type: ignore[attr-defined]


def test_a_persons_name_on_position_opens_that_person_on_people_in_the_same_tab(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    position = dataset.positions[0]
    actor = dataset.actor(position.proponents[0].actor)
    open_view(watched, server, f"position?position={position.id}")
    link = watched.page.locator(f"{MAIN} a", has_text=actor.name).first  # type: ignore[attr-defined]
    href = str(link.get_attribute("href"))
    assert parse_qs(urlparse(href).query) == {"person": [actor.id]}, href
    assert urlparse(href).path.endswith("people")
    follow(watched, link)
    expect(watched.page).to_have_url(re.compile(rf"/people\?person={re.escape(actor.id)}$"))  # type: ignore[attr-defined]
    expect(watched.page.locator("h2").first).to_have_text(actor.name)  # type: ignore[attr-defined]
    # Back returns to the option.
    watched.page.go_back()  # type: ignore[attr-defined]
    wait_ready(watched.page)
    expect(watched.page).to_have_url(re.compile(rf"/position\?position={position.id}$"))  # type: ignore[attr-defined]
    clean(watched)


def test_a_name_on_people_opens_that_person_and_another_name_the_next(watched: Watched, server: str) -> None:
    open_view(watched, server, "people")
    for n in (2, 7):  # the same page followed twice: each link opens its own person
        link = watched.page.locator(f'{MAIN} .prose p a[href^="./people?person="]').nth(n)  # type: ignore[attr-defined]
        name = link.inner_text()
        follow(watched, link)
        expect(watched.page.locator("h2").first).to_have_text(name)  # type: ignore[attr-defined]
        watched.page.get_by_role("button", name="Everyone").click()  # type: ignore[attr-defined]
        wait_ready(watched.page)
    clean(watched)


def test_an_evidence_speaker_opens_them_on_people_and_an_option_its_position(
    watched: Watched, server: str
) -> None:
    open_view(watched, server, "evidence")
    speaker = watched.page.locator(f'{MAIN} em a[href^="./people?person="]').first  # type: ignore[attr-defined]
    name, href = speaker.inner_text(), str(speaker.get_attribute("href"))
    follow(watched, speaker)
    expect(watched.page).to_have_url(re.compile(re.escape(href.removeprefix(".")) + "$"))  # type: ignore[attr-defined]
    expect(watched.page.locator("h2").first).to_have_text(name)  # type: ignore[attr-defined]
    open_view(watched, server, "evidence")
    expect(watched.page.locator(f'{MAIN} em a[href^="./sources?source="]').first).to_be_visible()  # type: ignore[attr-defined]
    option = watched.page.locator(f'{MAIN} a[href^="./position?position="]').first  # type: ignore[attr-defined]
    follow(watched, option)
    expect(watched.page).to_have_url(re.compile(r"/position\?position="))  # type: ignore[attr-defined]
    clean(watched)


def test_an_event_in_where_they_appear_opens_the_timeline_on_that_event(
    watched: Watched, server: str, dataset: Dataset
) -> None:
    events = timeline_events(dataset)
    # The last event someone is named in: past the timeline's first page.
    at, event = next((i, e) for i, e in reversed(list(enumerate(events))) if e.actors)
    open_view(watched, server, f"people?person={event.actors[0]}")
    link = watched.page.locator(f'{MAIN} a[href="./timeline?event={event.id}"]')  # type: ignore[attr-defined]
    follow(watched, link)
    marked = watched.page.locator(".st-key-tl-linked-event")  # type: ignore[attr-defined]
    expect(marked).to_contain_text(event.title)
    expect(marked).to_contain_text("The event the link names")
    current = watched.page.locator('nav.pager [aria-current="page"]').first  # type: ignore[attr-defined]
    expect(current).to_have_text(str(at // 10 + 1))
    expect(marked).to_be_in_viewport()
    clean(watched)


@pytest.mark.parametrize("path", ["evidence?bearing=supports", "timeline", "search?q=Mexico"])
def test_paging_under_the_list_moves_on_and_shows_the_new_pages_top(
    watched: Watched, server: str, path: str
) -> None:
    open_view(watched, server, path)
    page = watched.page
    under = page.locator("nav.pager").last  # type: ignore[attr-defined]
    follow(watched, under.get_by_role("link", name="Next page"))
    expect(page).to_have_url(re.compile(r"[?&]page=2"))  # type: ignore[attr-defined]
    if path.startswith("evidence"):
        expect(page).to_have_url(re.compile(r"[?&]bearing=supports"))  # type: ignore[attr-defined]
    top = page.locator("nav.pager").first  # type: ignore[attr-defined]
    expect(top).to_be_in_viewport()
    expect(top).to_contain_text(re.compile(r"Page 2 of \d+"))
    follow(watched, top.get_by_role("link", name="Page 1", exact=True))
    expect(top.locator('[aria-current="page"]')).to_have_text("1")
    page.go_back()  # type: ignore[attr-defined]
    wait_ready(page)
    expect(top.locator('[aria-current="page"]')).to_have_text("2")
    clean(watched)


def test_on_a_phone_the_next_pages_row_shows_whole_below_the_top_bar(watched: Watched, server: str) -> None:
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})  # type: ignore[attr-defined]
    open_view(watched, server, "evidence")
    follow(watched, page.locator("nav.pager").last.get_by_role("link", name="Next page"))
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    top = page.locator("nav.pager").first  # type: ignore[attr-defined]
    expect(top).to_contain_text("Page 2 of")
    bar = page.get_by_test_id("stHeader").bounding_box()  # type: ignore[attr-defined]
    row = top.bounding_box()
    assert bar and row and row["y"] >= bar["y"] + bar["height"] - 1, (
        f"the row {row} is under the top bar {bar}"
    )
    assert row["y"] < 844 / 2, "and near the top of the screen"
    page.set_viewport_size({"width": 1280, "height": 720})  # type: ignore[attr-defined]
    clean(watched)


def test_a_page_past_the_end_and_an_unknown_parameter_say_so_at_the_top(
    watched: Watched, server: str
) -> None:
    open_view(watched, server, "evidence?page=999&foo=bar")
    page = watched.page
    alerts = page.get_by_test_id("stAlert")  # type: ignore[attr-defined]
    notice = alerts.filter(has_text="Page 999 doesn't exist")
    expect(notice).to_be_in_viewport()
    expect(notice).to_contain_text(re.compile(r"showing page (\d+) of \1"))
    expect(alerts.filter(has_text="does not use the link parameter 'foo'")).to_be_in_viewport()
    last = int(re.search(r"showing page (\d+)", notice.inner_text()).group(1))  # type: ignore[union-attr]
    follow(watched, page.locator("nav.pager").first.get_by_role("link", name="Previous page"))  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(rf"page={last - 1}"))  # type: ignore[attr-defined]
    for path in ("timeline?page=999", "search?q=Mexico&page=999"):
        open_view(watched, server, path)
        expect(alerts.filter(has_text="Page 999 doesn't exist")).to_be_visible()
    open_view(watched, server, "nosuchpage")
    expect(alerts.filter(has_text="no page 'nosuchpage'")).to_be_visible()
    assert not watched.errors, watched.errors


def test_the_speaker_filter_finds_a_name_typed_without_its_accents(watched: Watched, server: str) -> None:
    open_view(watched, server, "evidence")
    page = watched.page
    page.get_by_test_id("stMultiSelect").filter(has_text="Speaker").click()  # type: ignore[attr-defined]
    page.keyboard.type("Lopez Obrador")  # type: ignore[attr-defined]
    expect(page.get_by_role("option").filter(has_text="López Obrador").first).to_be_visible()  # type: ignore[attr-defined]
    clean(watched)


def test_search_highlights_hug_the_words(watched: Watched, server: str) -> None:
    open_view(watched, server, "search?q=L%C3%B3pez%20Obrador")
    hits = watched.page.locator(".st-key-search-hits")  # type: ignore[attr-defined]
    marked = hits.locator("span.stMarkdownColoredBackground").first
    expect(marked).to_be_visible()
    padding = marked.evaluate("e => [getComputedStyle(e).paddingLeft, getComputedStyle(e).paddingRight]")
    assert padding == ["0px", "0px"], padding
    assert not re.search(r"\w [,.;:]", hits.inner_text()), "a space before punctuation"
    clean(watched)


def test_the_evidence_search_is_in_the_url_as_soon_as_it_is_entered(watched: Watched, server: str) -> None:
    open_view(watched, server, "evidence")
    box = watched.page.get_by_label("Search claims, quotes and speakers")  # type: ignore[attr-defined]
    box.fill("Lopez")
    box.press("Enter")
    expect(watched.page).to_have_url(re.compile(r"[?&]q=Lopez"))  # type: ignore[attr-defined]
    clean(watched)


def test_overview_by_name_opens_without_a_not_found_dialog(watched: Watched, server: str) -> None:
    open_view(watched, server, "overview")
    expect(watched.page.get_by_text("Page not found")).to_have_count(0)  # type: ignore[attr-defined]
    expect(watched.page.locator("h1")).to_be_visible()  # type: ignore[attr-defined]
    clean(watched)


def test_copy_link_copies_the_current_view(watched: Watched, server: str, dataset: Dataset) -> None:
    page = watched.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])  # type: ignore[attr-defined]
    pid = dataset.position_ids[-1]
    open_view(watched, server, f"position?position={pid}")
    sidebar = page.get_by_test_id("stSidebar")  # type: ignore[attr-defined]
    sidebar.get_by_role("button", name="Copy link to this view").click()
    expect(sidebar.get_by_role("status")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")  # type: ignore[attr-defined]
    assert copied.endswith(f"/position?position={pid}"), copied
    clean(watched)


def test_a_citations_copy_button_copies_it_exactly(watched: Watched, server: str, dataset: Dataset) -> None:
    page = watched.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])  # type: ignore[attr-defined]
    open_view(watched, server, "sources")
    block = page.locator(".copyable").filter(has_text=dataset.debate.cite_as[:30])  # type: ignore[attr-defined]
    expect(block.locator("pre")).to_have_text(dataset.debate.cite_as)
    block.get_by_role("button", name="Copy").click()
    expect(block.get_by_role("status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == dataset.debate.cite_as  # type: ignore[attr-defined]
    clean(watched)


def test_printing_position_leaves_out_the_sidebar_and_controls(watched: Watched, server: str) -> None:
    page = watched.page
    open_view(watched, server, "position")
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()  # type: ignore[attr-defined]
    expect(page.locator(".st-key-pills-options")).to_be_hidden()  # type: ignore[attr-defined]
    expect(page.locator("h1")).to_be_visible()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def axe_source() -> str:
    from tests.browser.test_a11y import AXE

    need(AXE.is_file(), f"axe-core is not installed at {AXE} (run `npm ci`)")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_and_linked_pages_pass_axe_in_the_readers_light_or_dark_theme(
    browser: object,
    server: str,
    axe_source: str,
    dataset: Dataset,
    scheme: str,
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        paths = [
            "search?q=Lopez%20Obrador",
            f"position?position={dataset.position_ids[0]}",
            f"sources?term={dataset.glossary[0].id}",
            "overview",
        ]
        for path in paths:
            page.goto(f"{server}/{path}")
            wait_ready(page)
            page.wait_for_timeout(500)
            background = page.evaluate(
                "getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor"
            )
            assert (background == "rgb(14, 17, 23)") == (scheme == "dark"), (scheme, background)
            found = violations(page, axe_source)
            assert not found, f"/{path} ({scheme}): {found}"
    finally:
        context.close()
