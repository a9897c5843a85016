"""Links a reader expects: a name opens its person, an option its page, a source its entry, a glossary term its
definition (on hover, and on the Sources page when followed).

Every link is Markdown, so many share one element (see ui.blocks on why); labels and hover text are content, so
both are escaped here and a page passes raw text. The URLs, each a page's link parameter:

- ``person_url(id)``   ./people?person=<actor id>      People opens that person
- ``position_url(id)`` ./position?position=<id>        the option's page
- ``source_url(id)``   ./sources?source=<source id>    the source's entry on Sources & method
- ``quote_url(id)``    ./sources?quote=<quote id>      the quote in its source (where citation marks lead)
- ``term_url(id)``     ./sources?term=<glossary id>    the term's definition
- ``dispute_url(id)``  ./contested?dispute=<id>        the question opened
- ``evidence_url(id)`` ./evidence?item=<evidence id>   that finding
- ``event_url(id)``    ./timeline?event=<event id>     the timeline (an unread parameter is dropped harmlessly)

Every link here opens in the same tab (ui.navigation.same_tab_links). Markdown: ``person_md(ds, actor_id)``, ``position_md(ds, position_id)``, ``source_md(ds, source_id)``,
``term_md(term)``, ``link_md(label, href, hover)``. ``Linked(ds)``: a drop-in for ``ui.blocks.Marks`` whose
``md(text)`` also links each glossary term where it first appears on the page, its definition on hover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from policy import Dataset
from policy.models import GlossaryTerm
from policy.prose import pieces, strip_markers
from policy.queries import actor_role, source_label
from policy.search import HIT_CLOSE, HIT_OPEN
from policy.text import one_line, plain
from ui import registry
from ui.blocks import Marks, esc
from ui.context import view
from ui.language import PARAM as LANG_PARAM
from ui.language import url_value

PERSON_PARAM = "person"  # People's link parameter naming the person to open (agreed with the People page)
HOVER_CHARACTERS = 240  # of a definition, in a glossary term's hover text


def _url(url_path: str, **params: str) -> str:
    registry.page(url_path)  # a link to a page that does not exist is a bug: KeyError here, not a dead link
    if lang := url_value():  # the reader's language goes with every link (ui.language)
        params = {**params, LANG_PARAM: lang}
    return f"./{url_path}?{urlencode(params)}" if params else f"./{url_path}"


def page_url(url_path: str, **params: str) -> str:
    """One of the app's pages, with these link parameters (none given: the page alone)."""
    return _url(url_path, **params)


def person_url(actor_id: str) -> str:
    """People, opened on this person or institution."""
    return _url("people", **{PERSON_PARAM: actor_id})


def position_url(position_id: str, section: str | None = None) -> str:
    """The option's Position page, opened on one of its sections if named (its key, as Position names them)."""
    return _url("position", position=position_id, **({"section": section} if section else {}))


def source_url(source_id: str) -> str:
    """The source's entry on Sources & method."""
    return _url("sources", source=source_id)


def quote_url(quote_id: str) -> str:
    """The quote in its source, on Sources & method."""
    return _url(registry.QUOTE_PAGE, quote=quote_id)


def term_url(term_id: str) -> str:
    """The glossary term's definition, on Sources & method."""
    return _url("sources", term=term_id)


def dispute_url(dispute_id: str) -> str:
    """Contested claims, with this question open."""
    return _url("contested", dispute=dispute_id)


def evidence_url(evidence_id: str) -> str:
    """The Evidence page showing this item's finding."""
    return _url("evidence", item=evidence_id)


def event_url(event_id: str) -> str:
    """The Timeline, opened on the page holding this event, the event marked."""
    return _url("timeline", event=event_id)


def _title(text: str) -> str:
    # A Markdown link title in double quotes: one line, no bidi controls, its backslashes and quotes escaped.
    return " ".join(plain(text).split()).replace("\\", "\\\\").replace('"', '\\"')


def link_md(label: str, href: str, hover: str = "") -> str:
    """A Markdown link: the label escaped, the hover text (if any) as its title; href is built here, not content."""
    title = f' "{_title(hover)}"' if hover else ""
    return f"[{esc(label)}]({href}{title})"


def person_md(ds: Dataset, actor_id: str, label: str | None = None) -> str:
    """The person's name linking to them on People, their role (as of its source) on hover."""
    actor = ds.actor(actor_id)
    return link_md(actor.name if label is None else label, person_url(actor_id), actor_role(actor))


def position_md(ds: Dataset, position_id: str, label: str | None = None) -> str:
    """The option's title linking to its Position page, its one line on hover."""
    position = ds.position(position_id)
    hover = one_line(strip_markers(position.one_line), 200)
    return link_md(position.title if label is None else label, position_url(position_id), hover)


def source_md(ds: Dataset, source_id: str, label: str | None = None) -> str:
    """'Outlet, date' (or the label given) linking to the source's entry, its title on hover."""
    label = source_label(ds, source_id) if label is None else label
    return link_md(label, source_url(source_id), ds.source(source_id).title)


def term_md(term: GlossaryTerm, label: str | None = None) -> str:
    """The term linking to its definition on Sources & method, the definition (cut, markers gone) on hover."""
    hover = one_line(strip_markers(term.definition), HOVER_CHARACTERS)
    return link_md(term.term if label is None else label, term_url(term.id), hover)


@dataclass(frozen=True)
class Glossary:
    """How glossary terms are found in prose: one pattern of every written form, and each form's term."""

    pattern: re.Pattern[str] | None
    terms: dict[str, GlossaryTerm]  # written form, casefolded -> term
    exact: frozenset[str]  # forms matched only as written (acronyms: "DEA", not "dea" in "idea")
    count: int = 0  # how many terms


def _forms(term: str) -> list[str]:
    """The ways a term is written in prose: quotes dropped, and 'ABC (Alpha Beta Council)' as either part."""
    bare = re.sub("[\"“”‘’']", "", term).strip()
    inner = re.fullmatch(r"(.+?)\s*\((.+)\)", bare)
    forms = [inner.group(1).strip(), inner.group(2).strip()] if inner else [bare]
    return [f for f in forms if len(f) >= 3]


def glossary(ds: Dataset) -> Glossary:
    """The dataset's glossary as a pattern (built once per content version through the view context)."""
    terms: dict[str, GlossaryTerm] = {}
    exact: set[str] = set()
    for term in ds.glossary:
        for form in _forms(term.term):
            terms.setdefault(form.casefold(), term)
            if form.isupper():
                exact.add(form)
    if not terms:
        return Glossary(None, {}, frozenset())
    ordered = sorted(terms, key=len, reverse=True)  # "Lake Park" before "Lake"
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(f) for f in ordered) + r")(?!\w)", re.IGNORECASE)
    return Glossary(pattern, terms, frozenset(exact), len({t.id for t in terms.values()}))


class Linked(Marks):
    """Citation marks (as Marks) and glossary terms: each term linked, its definition on hover, where it first
    appears on the page (later mentions stay plain words, so the page does not turn blue)."""

    def __init__(self, ds: Dataset) -> None:
        super().__init__(ds)
        self.glossed: set[str] = set()  # ids of the terms already linked on this page
        self._glossary = view().cached(glossary)

    def md(self, text: str) -> str:
        """Prose with markers as Markdown: words escaped, first mentions of glossary terms and markers linked."""
        return "".join(self.words(p.text) if p.text else self._marks(p.cites) for p in pieces(text))

    def words(self, text: str) -> str:
        """Plain words (no markers) as Markdown, escaped, with each term's first mention on the page linked."""
        g = self._glossary
        if g.pattern is None or len(self.glossed) == g.count:
            return esc(text)
        out, pos = [], 0
        for found in g.pattern.finditer(text):
            written = found.group(1)
            term = g.terms[written.casefold()]
            if term.id in self.glossed:
                continue
            if written.upper() in g.exact and written != written.upper():
                continue  # an acronym's letters inside ordinary words
            out += [esc(text[pos : found.start()]), term_md(term, written)]
            pos = found.end()
            self.glossed.add(term.id)
        return "".join(out) + esc(text[pos:])


def marked_md(text: str) -> str:
    """A search hit's text as Markdown: escaped first, then each matching word (between policy.search's
    HIT_OPEN and HIT_CLOSE) marked in bold on a highlight, so the content never becomes markup."""
    return esc(text).replace(HIT_OPEN, ":orange-background[**").replace(HIT_CLOSE, "**]")
