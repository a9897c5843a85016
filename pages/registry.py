"""The app's pages: file, title, icon, stable url_path and section. Links and tests rely on the paths."""

from __future__ import annotations

from typing import NamedTuple


class PageSpec(NamedTuple):
    file: str
    title: str
    icon: str
    url_path: str
    section: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/overview.py", "Overview", ":material/home:", "overview", "Explore"),
    PageSpec("pages/position.py", "Position", ":material/article:", "position", "Explore"),
    PageSpec("pages/compare.py", "Compare", ":material/compare_arrows:", "compare", "Explore"),
    PageSpec("pages/evidence.py", "Evidence", ":material/fact_check:", "evidence", "Explore"),
    PageSpec("pages/people.py", "People", ":material/groups:", "people", "Explore"),
    PageSpec("pages/figures.py", "Figures", ":material/bar_chart:", "figures", "Data"),
    PageSpec("pages/contested.py", "Contested claims", ":material/balance:", "contested", "Data"),
    PageSpec("pages/timeline.py", "Timeline", ":material/timeline:", "timeline", "Data"),
    PageSpec("pages/sources.py", "Sources & method", ":material/menu_book:", "sources", "Data"),
    PageSpec("pages/memo.py", "Memo builder", ":material/description:", "memo", "Brief & present"),
    PageSpec("pages/present.py", "Present", ":material/slideshow:", "present", "Brief & present"),
    PageSpec("pages/vote.py", "Vote", ":material/how_to_vote:", "vote", "Brief & present"),
)


def url_paths() -> list[str]:
    """Every page's url_path, in navigation order."""
    return [p.url_path for p in PAGES]
