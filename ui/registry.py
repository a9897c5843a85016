"""The app's pages: script, title, icon and stable url_path. Links, the router and the tests read them here."""

from __future__ import annotations

from typing import NamedTuple

from policy.i18n import N_


class PageSpec(NamedTuple):
    script: str  # relative to the project root, as st.Page and st.page_link take it
    title: str  # an English message id: shown as _(title)
    icon: str
    url_path: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("ui/pages/overview.py", N_("Overview"), ":material/home:", "overview"),
    PageSpec("ui/pages/search.py", N_("Search"), ":material/search:", "search"),
    PageSpec("ui/pages/position.py", N_("Position"), ":material/article:", "position"),
    PageSpec("ui/pages/compare.py", N_("Compare"), ":material/compare_arrows:", "compare"),
    PageSpec("ui/pages/evidence.py", N_("Evidence"), ":material/fact_check:", "evidence"),
    PageSpec("ui/pages/people.py", N_("People"), ":material/groups:", "people"),
    PageSpec("ui/pages/figures.py", N_("Figures"), ":material/bar_chart:", "figures"),
    PageSpec("ui/pages/contested.py", N_("Contested claims"), ":material/balance:", "contested"),
    PageSpec("ui/pages/timeline.py", N_("Timeline"), ":material/timeline:", "timeline"),
    PageSpec("ui/pages/sources.py", N_("Sources & method"), ":material/menu_book:", "sources"),
    PageSpec("ui/pages/memo.py", N_("Memo builder"), ":material/description:", "memo"),
    PageSpec("ui/pages/present.py", N_("Present"), ":material/slideshow:", "present"),
    PageSpec("ui/pages/vote.py", N_("Vote"), ":material/how_to_vote:", "vote"),
)
DEFAULT = "overview"
QUOTE_PAGE = "sources"  # where a citation mark opens its quote: ./sources?quote=<id>
_BY_PATH = {spec.url_path: spec for spec in PAGES}


def page(url_path: str) -> PageSpec:
    """The page served at url_path (KeyError for an unknown one: a link to nowhere is a bug)."""
    return _BY_PATH[url_path]


def script(url_path: str) -> str:
    """The page's script, as st.page_link and AppTest.switch_page take it."""
    return page(url_path).script
