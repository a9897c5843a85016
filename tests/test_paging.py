"""Long lists are paged by rows of page links (ui.paging): the page is in the link, each link keeps the view's
filters and search, and a list that shrinks keeps the reader within it."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from policy import Dataset
from policy.queries import group_findings
from policy.text import md_escape
from tests.conftest import page_rows, passages
from ui.paging import row_html, shown_pages

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_page(page: str, /, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"ui/pages/{page}.py")
    return at.run()


@pytest.mark.parametrize(
    ("page", "pages", "shown"),
    [
        (1, 2, [1, 2]),
        (1, 8, [1, 2, 3, None, 8]),
        (4, 8, [1, 2, 3, 4, 5, 6, 7, 8]),  # one page left out is shown, not an ellipsis
        (4, 9, [1, 2, 3, 4, 5, 6, None, 9]),
        (10, 40, [1, None, 8, 9, 10, 11, 12, None, 40]),
        (40, 40, [1, None, 38, 39, 40]),
    ],
)
def test_a_row_shows_the_ends_and_the_pages_near_the_current_one(
    page: int, pages: int, shown: list[int | None]
) -> None:
    assert shown_pages(page, pages) == shown


def test_the_first_page_has_no_previous_and_the_last_no_next() -> None:
    first = row_html(1, 3, lambda n: f"./evidence?page={n}")
    assert '<strong aria-current="page">1</strong>' in first and "Page 1 of 3" in first
    assert '<span class="off">← Previous page</span>' in first
    assert '<a href="./evidence?page=2">Next page →</a>' in first
    last = row_html(3, 3, lambda n: f"./evidence?page={n}")
    assert (
        '<a href="./evidence?page=2">← Previous page</a>' in last and '<span class="off">Next page →' in last
    )


def test_an_address_is_written_as_data_in_the_row() -> None:
    row = row_html(1, 2, lambda n: f'./search?q="><script>&page={n}')
    assert "<script>" not in row and "&quot;&gt;&lt;script&gt;&amp;page=2" in row


def test_evidence_page_links_keep_the_filters_search_and_speakers(dataset: Dataset) -> None:
    pid = dataset.position_ids[0]
    at = open_page("evidence", position=pid, q="Mexico")
    at.session_state["ev_page"] = 1
    rows = page_rows(at)
    if not rows:
        pytest.skip("the content's matching findings fit on one page")
    top, under = rows[0], rows[-1]
    assert len(rows) == 2 and top == under, "the same row above the list and under it"
    assert top.current == 1
    assert top.params("2") == {"position": pid, "q": "Mexico", "page": "2"}
    assert top.params("Next page →") == top.params("2")


def test_a_followed_page_link_shows_that_page_with_its_filters(dataset: Dataset) -> None:
    findings = group_findings(dataset, list(dataset.evidence))
    at = open_page("evidence", page="2")
    assert page_rows(at)[0].current == 2
    shown = "\n".join(p.value for p in passages(at))
    assert md_escape(findings[10].claim)[:40] in shown and md_escape(findings[9].claim)[:40] not in shown
    assert page_rows(at)[0].params("1") == {}, "page 1 is the page as first opened: no parameter"
    assert at.query_params["page"] == "2"


def test_a_new_search_or_speaker_starts_on_the_first_page_with_no_notice(dataset: Dataset) -> None:
    speaker = next(
        q.speaker for q in dataset.quotes if q.speaker and any(q.id in e.quotes for e in dataset.evidence)
    )
    for change in ("search", "speaker"):
        at = open_page("evidence", page="3")
        if change == "search":
            at.text_input(key="ev_text").input("Mexico").run()
        else:
            at.multiselect(key="ev_actors").set_value([speaker]).run()
        assert at.session_state["ev_page"] == 1 and "page" not in at.query_params, change
        assert not any("doesn't exist" in i.value for i in at.info), f"{change}: no page was asked for"
        assert not page_rows(at) or page_rows(at)[0].current == 1
    at = open_page("search", q="Mexico", page="3")
    assert page_rows(at)[0].current == 3
    at.pills(key="search_kinds").set_value(["quote"]).run()
    assert at.session_state["search_page"] == 1 and "page" not in at.query_params
    at.text_input(key="search_text").input("Ebrard").run()
    assert not any("doesn't exist" in i.value for i in at.info)


def test_a_linked_page_past_the_end_says_so_and_shows_the_last(dataset: Dataset) -> None:
    at = open_page("evidence", page="99")
    last = page_rows(at)[0].current
    assert any(f"Page 99 doesn't exist: showing page {last} of {last}." in i.value for i in at.info)
    assert at.query_params["page"] == str(last)


def test_evidence_offers_to_clear_its_filters_beside_the_count(dataset: Dataset) -> None:
    assert "Clear every filter" not in count_of(open_page("evidence"))
    filtered = count_of(open_page("evidence", bearing="supports"))
    assert filtered.endswith(" · [Clear every filter and the search](./evidence)")


def count_of(at: AppTest) -> str:
    return next(m.value for m in passages(at) if "evidence items" in m.value)


def test_a_timeline_page_link_leaves_the_marked_event(dataset: Dataset) -> None:
    from policy.queries import timeline_events

    event = timeline_events(dataset)[-1]
    at = open_page("timeline", event=event.id)
    rows = page_rows(at)
    assert rows, "the real content's timeline is longer than a page"
    assert rows[0].current == (len(timeline_events(dataset)) - 1) // 10 + 1
    assert "event" not in rows[0].params("1") and rows[0].params("1") == {}


def test_figures_pages_are_links_and_a_chosen_figure_is_one_page(dataset: Dataset) -> None:
    at = open_page("figures", page="2")
    headings = [
        m.value.split("\n\n")[0].removeprefix("## ") for m in at.markdown if m.value.startswith("## ")
    ]
    assert headings == [md_escape(s.title) for s in dataset.series[2:4]]
    assert page_rows(at)[0].current == 2 and page_rows(at)[0].params("3") == {"page": "3"}
    one = open_page("figures", series=dataset.series[0].id, page="2")
    assert not page_rows(one), "one figure: no row of pages"
    third = dataset.series[2]  # on page 2: "Show all" goes back there
    back = next(
        h.proto.body
        for h in open_page("figures", series=third.id).get("html")
        if "figure-titles" in h.proto.body
    )
    assert 'href="./figures?page=2">Show all the figures' in back


def test_compare_opens_a_linked_section_in_view_and_not_the_first(dataset: Dataset) -> None:
    def scrolls(at: AppTest) -> bool:
        return any(
            'querySelector(".st-key-sections")?.scrollIntoView' in h.proto.body for h in at.get("html")
        )

    assert not scrolls(open_page("compare")), "the first section: the page opens at its top"
    assert scrolls(open_page("compare", section="risks"))
    assert not scrolls(open_page("compare", positions=",".join(dataset.position_ids[:2]), section="risks"))


def test_figures_titles_are_links_folded_under_one_line(dataset: Dataset) -> None:
    first, last = dataset.series[0], dataset.series[-1]
    folded = next(h.proto.body for h in open_page("figures").get("html") if "figure-titles" in h.proto.body)
    summary = f"<summary>The {len(dataset.series)} figures, by title</summary>"
    assert "<details>" in folded and summary in folded, "closed until opened"
    assert f'href="./figures?series={last.id}"' in folded and "Show all the figures" not in folded
    at = open_page("figures", series=last.id)
    folded = next(h.proto.body for h in at.get("html") if "figure-titles" in h.proto.body)
    assert f"<strong>{html.escape(last.title, quote=False)}</strong>" in folded, "the one shown, not a link"
    assert (
        f'href="./figures?series={first.id}"' in folded
        and f'href="./figures?page={(len(dataset.series) - 1) // 2 + 1}">Show all' in folded
    )


def test_the_clear_link_under_no_match_opens_the_page_as_first_opened(dataset: Dataset) -> None:
    at = open_page("evidence", bearing="undercuts", q="no-such-words-anywhere")
    assert any("No evidence matches" in i.value for i in at.info)
    clear = next(p.value for p in passages(at) if "Clear every filter and the search" in p.value)
    assert clear == "[Clear every filter and the search](./evidence)"
