"""A policy memo: the reader's choices (MemoSpec), resolved once (Memo), rendered as Markdown, Word or PDF."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph
from fpdf import FPDF
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from policy.citations import Style, bibliography, note
from policy.dataset import Dataset
from policy.models import Evidence, Position, Quote, Stance
from policy.queries import format_figure, strongest

HEADER_LIMIT = 200
TEXT_LIMIT = 5_000
ARGUMENTS_PER_SIDE = 3  # default_spec: the strongest few on each side
EVIDENCE_PER_SIDE = 2
QUOTES_PER_ITEM = 2  # quotes shown under one argument or evidence item

# ---------------------------------------------------------------- input


class MemoInputError(ValueError):
    """The memo's input is refused; `problems` lists every reason, one line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))

    @classmethod
    def from_validation(cls, err: ValidationError) -> MemoInputError:
        """One problem line per pydantic error: 'purpose: is 5,321 characters; the limit is 5,000'."""
        problems = []
        for error in err.errors():
            where = _where(error["loc"])
            inner = error.get("ctx", {}).get("error")
            if isinstance(inner, MemoInputError):  # a nested choice already refused, in words
                problems += [f"{where} › {p}" if where else p for p in inner.problems]
            else:
                message = error["msg"].removeprefix("Value error, ")
                problems.append(f"{where}: {message}" if where else message)
        return cls(problems)


def _where(loc: tuple[int | str, ...]) -> str:
    words = [str(step).rstrip("_") for step in loc]  # from_ -> from, as the reader types it
    for i, step in enumerate(loc):
        if isinstance(step, int):
            words[i] = f"{'option' if i and loc[i - 1] == 'options' else 'item'} {step + 1}"
    return " › ".join(words)


# Every control character except tab and newline; carriage returns become newlines first.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n"})


def _clean_text(value: object) -> object:
    if not isinstance(value, str):
        return value  # pydantic refuses it with its own message
    return _CONTROL.sub("", value.replace("\r\n", "\n").translate(_NEWLINES)).strip()


def _clean_line(value: object) -> object:
    cleaned = _clean_text(value)
    return " ".join(cleaned.split()) if isinstance(cleaned, str) else cleaned


def _limit(n: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > n:
            raise ValueError(f"is {len(value):,} characters; the limit is {n:,}")
        return value

    return check


HeaderText = Annotated[str, BeforeValidator(_clean_line), AfterValidator(_limit(HEADER_LIMIT))]
FreeText = Annotated[str, BeforeValidator(_clean_text), AfterValidator(_limit(TEXT_LIMIT))]


class _Input(BaseModel):
    """Strict, frozen input whose every refusal is a MemoInputError naming the field."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as err:
            raise MemoInputError.from_validation(err) from None

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Self:
        """Validate a mapping (e.g. parsed JSON), refusing it with a MemoInputError."""
        try:
            return super().model_validate(obj, **kwargs)
        except ValidationError as err:
            raise MemoInputError.from_validation(err) from None


class OptionChoice(_Input):
    """One option in the memo and the stances and evidence chosen for it."""

    position: HeaderText
    arguments_for: list[HeaderText] = Field(default_factory=list, description="Proponent actor ids.")
    arguments_against: list[HeaderText] = Field(default_factory=list, description="Critic actor ids.")
    evidence: list[HeaderText] = Field(default_factory=list, description="Evidence ids.")


class MemoSpec(_Input):
    """Everything the reader chooses or writes for a memo."""

    to: HeaderText = ""
    from_: HeaderText = Field(default="", alias="from")
    date: HeaderText = ""
    subject: HeaderText = ""
    purpose: FreeText = ""
    background: FreeText = ""
    recommendation: FreeText = Field(default="", description="The reader's own text; never generated.")
    options: list[OptionChoice] = Field(default_factory=list)
    style: Style = "chicago"


def default_spec(
    dataset: Dataset, position_ids: Sequence[str] | None = None, style: Style = "chicago"
) -> MemoSpec:
    """A spec of the given positions (all by default) with the strongest arguments and evidence."""
    ids = list(dataset.position_ids if position_ids is None else position_ids)
    unknown = [p for p in ids if not dataset.has("positions", p)]
    if unknown:
        raise MemoInputError([_unknown_position(dataset, *unknown)])
    return MemoSpec(
        subject=dataset.debate.title,
        date=dt.date.today().isoformat(),
        purpose=dataset.debate.question,
        background=dataset.debate.intro,
        options=[_default_choice(dataset, dataset.position(p)) for p in ids],
        style=style,
    )


def _default_choice(dataset: Dataset, position: Position) -> OptionChoice:
    def actors(stances: list[Stance]) -> list[str]:
        return list(dict.fromkeys(s.actor for s in strongest(stances, ARGUMENTS_PER_SIDE)))

    evidence = [
        e.id
        for bearing in ("supports", "undercuts")
        for e in dataset.evidence_for(position.id, bearing)[:EVIDENCE_PER_SIDE]
    ]
    return OptionChoice(
        position=position.id,
        arguments_for=actors(position.proponents),
        arguments_against=actors(position.critics),
        evidence=evidence,
    )


def _unknown_position(dataset: Dataset, *position_ids: str) -> str:
    which = ", ".join(repr(p) for p in position_ids)
    plural = "s" if len(position_ids) > 1 else ""
    return f"unknown position id{plural} {which}; the valid ids are {', '.join(dataset.position_ids)}"


def check_spec(dataset: Dataset, spec: MemoSpec) -> list[str]:
    """Every id in the spec that the dataset does not have, or that is chosen where it does not belong."""
    problems: list[str] = []
    seen: set[str] = set()
    for choice in spec.options:
        if not dataset.has("positions", choice.position):
            problems.append(_unknown_position(dataset, choice.position))
            continue
        if choice.position in seen:
            problems.append(f"position {choice.position!r} is chosen twice")
        seen.add(choice.position)
        problems += _check_choice(dataset, choice, dataset.position(choice.position))
    return problems


def _check_choice(dataset: Dataset, choice: OptionChoice, position: Position) -> list[str]:
    where = f"position {position.id!r}"
    problems = _duplicates(choice.arguments_for, f"argument for {where}")
    problems += _duplicates(choice.arguments_against, f"argument against {where}")
    problems += _duplicates(choice.evidence, f"evidence on {where}")
    problems += _check_stances(dataset, "proponent", choice.arguments_for, position.proponents, where)
    problems += _check_stances(dataset, "critic", choice.arguments_against, position.critics, where)
    for item in choice.evidence:
        if not dataset.has("evidence", item):
            problems.append(f"unknown evidence id {item!r} (chosen for {where})")
        elif position.id not in dataset.evidence_item(item).bearing:
            problems.append(f"evidence {item!r} does not bear on {where}")
    return problems


def _check_stances(
    dataset: Dataset, role: str, chosen: list[str], stances: list[Stance], where: str
) -> list[str]:
    problems = []
    for actor in chosen:
        if not dataset.has("actors", actor):
            problems.append(f"unknown actor id {actor!r} (chosen as a {role} of {where})")
        elif actor not in {s.actor for s in stances}:
            problems.append(f"actor {actor!r} is not a {role} of {where}")
    return problems


def _duplicates(ids: list[str], what: str) -> list[str]:
    return [f"{i!r} is chosen twice as {what}" for i in dict.fromkeys(ids) if ids.count(i) > 1]


# ---------------------------------------------------------------- the resolved memo


@dataclass(frozen=True)
class CitedQuote:
    """A quote's words and the number of the note that cites it."""

    text: str
    number: int


@dataclass(frozen=True)
class Argument:
    """One actor's argument, with their quotes."""

    actor: str
    role: str
    argument: str
    quotes: tuple[CitedQuote, ...]


@dataclass(frozen=True)
class EvidenceEntry:
    """One evidence item: the claim, its figure (or ''), its quotes."""

    claim: str
    figure: str
    quotes: tuple[CitedQuote, ...]


@dataclass(frozen=True)
class EvidenceGroup:
    """Evidence items with one bearing on an option, under a label such as 'Evidence for'."""

    label: str
    items: tuple[EvidenceEntry, ...]


@dataclass(frozen=True)
class Option:
    """One option as the memo presents it."""

    id: str
    title: str
    one_line: str
    summary: str
    arguments_for: tuple[Argument, ...]
    arguments_against: tuple[Argument, ...]
    evidence: tuple[EvidenceGroup, ...]


@dataclass(frozen=True)
class Section:
    """A headed block of the reader's own text, in paragraphs."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Memo:
    """A render-ready memo; notes[n - 1] is the text of citation n."""

    title: str
    subject: str
    author: str
    header: tuple[tuple[str, str], ...]
    intro: tuple[Section, ...]
    options: tuple[Option, ...]
    closing: tuple[Section, ...]
    notes: tuple[str, ...]
    sources: tuple[str, ...]
    style: Style


class _Citer:
    """Numbers quotes in order of first use and collects the sources they come from."""

    def __init__(self, dataset: Dataset, style: Style) -> None:
        self.dataset, self.style = dataset, style
        self.numbers: dict[str, int] = {}
        self.notes: list[str] = []
        self.sources: dict[str, str] = {}

    def cite(self, quote_ids: Iterable[str]) -> tuple[CitedQuote, ...]:
        quotes = [self.dataset.quote(q) for q in list(quote_ids)[:QUOTES_PER_ITEM]]
        return tuple(CitedQuote(q.text, self._number(q)) for q in quotes)

    def _number(self, quote: Quote) -> int:
        if quote.id not in self.numbers:
            source = self.dataset.source(quote.source)
            cited = note(source, self.style)
            if quote.speaker:
                cited = f"{self.dataset.actor(quote.speaker).name}, quoted in {cited}"
            self.notes.append(cited)
            self.numbers[quote.id] = len(self.notes)
            self.sources[source.id] = bibliography(source, self.style)
        return self.numbers[quote.id]


def build_memo(dataset: Dataset, spec: MemoSpec) -> Memo:
    """Check the spec's ids against the dataset and resolve everything the renderers need."""
    problems = check_spec(dataset, spec)
    if problems:
        raise MemoInputError(problems)
    citer = _Citer(dataset, spec.style)
    header = (("To", spec.to), ("From", spec.from_), ("Date", spec.date), ("Subject", spec.subject))
    return Memo(
        title="Memorandum",
        subject=spec.subject,
        author=spec.from_,
        header=tuple((k, v) for k, v in header if v),
        intro=_sections((("Purpose", spec.purpose), ("Background", spec.background))),
        options=tuple(_option(dataset, choice, citer) for choice in spec.options),
        closing=_sections((("Recommendation", spec.recommendation),)),
        notes=tuple(citer.notes),
        sources=tuple(sorted(citer.sources.values(), key=str.casefold)),
        style=spec.style,
    )


def _sections(texts: Iterable[tuple[str, str]]) -> tuple[Section, ...]:
    split = ((h, tuple(p.strip() for p in re.split(r"\n\s*\n", t) if p.strip())) for h, t in texts)
    return tuple(Section(h, paragraphs) for h, paragraphs in split if paragraphs)


def _option(dataset: Dataset, choice: OptionChoice, citer: _Citer) -> Option:
    position = dataset.position(choice.position)
    return Option(
        id=position.id,
        title=position.title,
        one_line=position.one_line,
        summary=position.summary,
        arguments_for=_arguments(dataset, position.proponents, choice.arguments_for, citer),
        arguments_against=_arguments(dataset, position.critics, choice.arguments_against, citer),
        evidence=_evidence_groups(dataset, position, choice.evidence, citer),
    )


def _evidence_groups(
    dataset: Dataset, position: Position, evidence_ids: list[str], citer: _Citer
) -> tuple[EvidenceGroup, ...]:
    items = [dataset.evidence_item(e) for e in evidence_ids]
    groups = []
    for label, bearing in (
        ("Evidence for", "supports"),
        ("Evidence against", "undercuts"),
        ("Context", "context"),
    ):
        chosen = [e for e in items if e.bearing[position.id] == bearing]
        entries = tuple(EvidenceEntry(e.claim, _figure(e), citer.cite(e.quotes)) for e in chosen)
        if entries:
            groups.append(EvidenceGroup(label, entries))
    return tuple(groups)


def _figure(item: Evidence) -> str:
    # Shown only where the claim does not already give the number in its own words.
    figure = format_figure(item)
    return "" if not figure or figure.split()[0] in item.claim else figure


def _arguments(
    dataset: Dataset, stances: list[Stance], actors: list[str], citer: _Citer
) -> tuple[Argument, ...]:
    by_actor = {s.actor: s for s in reversed(stances)}  # the first stance wins
    out = []
    for actor_id in actors:
        actor, stance = dataset.actor(actor_id), by_actor[actor_id]
        out.append(Argument(actor.name, actor.role, stance.argument, citer.cite(stance.quotes)))
    return tuple(out)


# ---------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_URL = re.compile(r"https?://[^\s<>\"\\`]+[^\s<>\"\\`.,;:!?)]")


def md_escape(text: str) -> str:
    """Text that renders literally in Markdown and HTML: no markup, links or tags of its own."""
    return "\n".join(_md_line(line.lstrip()) for line in text.split("\n"))


def _md_line(line: str) -> str:
    # http(s) URLs become autolinks, whose text Markdown takes literally; the rest is escaped.
    urls, parts = _URL.findall(line), _URL.split(line)
    out = _md_plain(parts[0]) + "".join(f"<{u}>{_md_plain(p)}" for u, p in zip(urls, parts[1:], strict=True))
    out = re.sub(r"^([-+=])", r"\\\1", out)  # list items, setext underlines
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", out)  # ordered list items


def _md_plain(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_inline(text: str) -> str:
    return md_escape(" ".join(text.split()))


def _md_quotes(quotes: tuple[CitedQuote, ...]) -> str:
    return "".join(f" \u201c{_md_inline(q.text)}\u201d[^{q.number}]" for q in quotes)


def _md_argument(arg: Argument) -> str:
    who = f"**{_md_inline(arg.actor)}**" + (f", {_md_inline(arg.role)}" if arg.role else "")
    return f"- {who}: {_md_inline(arg.argument)}{_md_quotes(arg.quotes)}"


def _md_evidence(item: EvidenceEntry) -> str:
    figure = f" ({_md_inline(item.figure)})" if item.figure else ""
    return f"- {_md_inline(item.claim)}{figure}{_md_quotes(item.quotes)}"


def _md_section(section: Section) -> list[str]:
    return [
        f"## {_md_inline(section.heading)}",
        "",
        *(line for p in section.paragraphs for line in (md_escape(p), "")),
    ]


def _md_option(option: Option) -> list[str]:
    lines = [
        f"## {_md_inline(option.title)}",
        "",
        f"*{_md_inline(option.one_line)}*",
        "",
        md_escape(option.summary),
        "",
    ]
    for heading, args in (
        ("Arguments for", option.arguments_for),
        ("Arguments against", option.arguments_against),
    ):
        if args:
            lines += [f"### {heading}", "", *(_md_argument(a) for a in args), ""]
    if option.evidence:
        lines += ["### Evidence", ""]
        for group in option.evidence:
            lines += [f"#### {group.label}", "", *(_md_evidence(e) for e in group.items), ""]
    return lines


def to_markdown(memo: Memo) -> str:
    """The memo as Markdown, every string escaped, citations as footnotes under Sources."""
    header = [f"**{k}:** {_md_inline(v)}" for k, v in memo.header]
    lines = [f"# {_md_inline(memo.title)}", ""] + ([" \\\n".join(header), ""] if header else [])
    for section in memo.intro:
        lines += _md_section(section)
    for option in memo.options:
        lines += _md_option(option)
    for section in memo.closing:
        lines += _md_section(section)
    if memo.notes or memo.sources:
        lines += ["## Sources", ""]
        lines += [f"[^{n}]: {_md_inline(text)}" for n, text in enumerate(memo.notes, 1)]
        lines += ["", *(f"- {_md_inline(s)}" for s in memo.sources)]
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------- Word


def to_docx(memo: Memo) -> bytes:
    """The memo as a Word document: real headings, superscript note numbers, Notes and Sources."""
    doc = Document()
    _docx_properties(doc, memo)
    doc.add_heading(memo.title, level=0)
    _docx_header(doc, memo.header)
    for section in memo.intro:
        _docx_section(doc, section)
    for option in memo.options:
        _docx_option(doc, option)
    for section in memo.closing:
        _docx_section(doc, section)
    _docx_list(doc, "Notes", [f"{n}. {text}" for n, text in enumerate(memo.notes, 1)])
    _docx_list(doc, "Sources", list(memo.sources))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _docx_properties(doc: DocxDocument, memo: Memo) -> None:
    props = doc.core_properties
    props.title = memo.subject or memo.title
    props.subject = memo.subject
    props.author = props.last_modified_by = memo.author
    props.comments = props.keywords = props.category = ""
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.revision = 1


def _docx_header(doc: DocxDocument, header: tuple[tuple[str, str], ...]) -> None:
    if not header:
        return
    table = doc.add_table(rows=0, cols=2)
    for key, value in header:
        label, text = table.add_row().cells
        label.width, text.width = Inches(1.1), Inches(5.2)
        label.paragraphs[0].add_run(f"{key}:").bold = True
        text.paragraphs[0].add_run(value)
    doc.add_paragraph()


def _docx_section(doc: DocxDocument, section: Section) -> None:
    doc.add_heading(section.heading, level=1)
    for paragraph in section.paragraphs:
        doc.add_paragraph(paragraph)


def _docx_quotes(paragraph: Paragraph, quotes: tuple[CitedQuote, ...]) -> None:
    for quote in quotes:
        paragraph.add_run(f" \u201c{quote.text}\u201d")
        paragraph.add_run(str(quote.number)).font.superscript = True


def _docx_option(doc: DocxDocument, option: Option) -> None:
    doc.add_heading(option.title, level=1)
    doc.add_paragraph().add_run(option.one_line).italic = True
    doc.add_paragraph(option.summary)
    for heading, args in (
        ("Arguments for", option.arguments_for),
        ("Arguments against", option.arguments_against),
    ):
        if args:
            doc.add_heading(heading, level=2)
            for arg in args:
                item = doc.add_paragraph(style="List Bullet")
                item.add_run(arg.actor).bold = True
                item.add_run((f", {arg.role}" if arg.role else "") + f": {arg.argument}")
                _docx_quotes(item, arg.quotes)
    if option.evidence:
        doc.add_heading("Evidence", level=2)
    for group in option.evidence:
        doc.add_heading(group.label, level=3)
        for entry in group.items:
            item = doc.add_paragraph(
                entry.claim + (f" ({entry.figure})" if entry.figure else ""), "List Bullet"
            )
            _docx_quotes(item, entry.quotes)


def _docx_list(doc: DocxDocument, heading: str, entries: list[str]) -> None:
    if not entries:
        return
    doc.add_heading(heading, level=1)
    for entry in entries:
        paragraph = doc.add_paragraph(entry)
        paragraph.paragraph_format.left_indent = Pt(18)
        paragraph.paragraph_format.first_line_indent = Pt(-18)


# ---------------------------------------------------------------- PDF

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu
    Path("/usr/share/fonts/dejavu"),  # Fedora
    Path("/usr/share/fonts/TTF"),  # Arch
)
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
_LATIN1 = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": ",",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2032": "'",
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u2022": "-",
        "\u203a": ">",
        "\u2039": "<",
        "\u20ac": "EUR",
        "\u2122": "(TM)",
        "\u0141": "L",  # letters with no decomposition to a latin-1 base
        "\u0142": "l",
        "\u0110": "D",
        "\u0111": "d",
        "\u0131": "i",
        "\u0152": "OE",
        "\u0153": "oe",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def find_unicode_font() -> Path | None:
    """The DejaVuSans.ttf on this machine, if any."""
    return next((d / _FONT_FILES[""] for d in FONT_DIRS if (d / _FONT_FILES[""]).is_file()), None)


def to_latin1(text: str) -> str:
    """Text a core PDF font can show: typographic marks made plain, accents kept where latin-1 has them."""
    return "".join(ch if ord(ch) < 256 else _fold(ch) for ch in text.translate(_LATIN1))


def _fold(ch: str) -> str:
    base = "".join(
        c for c in unicodedata.normalize("NFKD", ch) if ord(c) < 256 and not unicodedata.combining(c)
    )
    return base or "?"


class _Pdf:
    """An FPDF page flow with one font family and the text cleaning that family needs."""

    BODY, LINE = 10.5, 5.5

    def __init__(self, paper: str, font: Path | None) -> None:
        self.pdf = FPDF(format=paper)
        self.pdf.set_margins(20, 18, 20)
        self.pdf.set_auto_page_break(True, margin=18)
        self.pdf.add_page()
        self.family = "Helvetica"
        self.clean: Callable[[str], str] = to_latin1
        if font is not None:
            for style, name in _FONT_FILES.items():
                path = font.parent / name
                self.pdf.add_font("DejaVu", style, str(path if path.is_file() else font))
            self.family, self.clean = "DejaVu", lambda text: text.replace("\t", "    ")

    def heading(self, text: str, size: float) -> None:
        if self.pdf.will_page_break(size * 2):  # keep a heading with the text under it
            self.pdf.add_page()
        self.pdf.ln(2)
        self.pdf.set_font(self.family, "B", size)
        self.pdf.multi_cell(0, size * 0.5, self.clean(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1.5)

    def paragraph(self, text: str, style: str = "", indent: float = 0) -> None:
        self.pdf.set_font(self.family, style, self.BODY)
        self.pdf.set_x(self.pdf.l_margin + indent)
        width = self.pdf.epw - indent
        self.pdf.multi_cell(width, self.LINE, self.clean(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1.5)

    def write(self, text: str, style: str = "") -> None:
        self.pdf.set_font(self.family, style, self.BODY)
        self.pdf.write(self.LINE, self.clean(text))

    def cited(self, quote: CitedQuote) -> None:
        # The last word goes with its note number, so the number never starts a line alone.
        head, _, last = f" \u201c{quote.text}\u201d".rpartition(" ")
        self.write(head + " ")
        room = self.pdf.w - self.pdf.r_margin - self.pdf.get_x() - 2 * self.pdf.c_margin  # as write() counts
        if self.pdf.get_string_width(self.clean(f"{last}{quote.number}")) > room:
            self.pdf.ln(self.LINE)
        self.write(last)
        self.pdf.char_vpos = "SUP"
        self.write(str(quote.number))
        self.pdf.char_vpos = "LINE"

    def bullet(self, runs: list[tuple[str, str]], quotes: tuple[CitedQuote, ...]) -> None:
        margin = self.pdf.l_margin
        self.pdf.set_font(self.family, "", self.BODY)
        self.pdf.write(self.LINE, "\u2022 " if self.family == "DejaVu" else "- ")
        self.pdf.set_left_margin(margin + 5)
        for text, style in runs:
            self.write(text, style)
        for quote in quotes:
            self.cited(quote)
        self.pdf.set_left_margin(margin)
        self.pdf.ln(self.LINE + 1.5)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def to_pdf(memo: Memo, paper: Literal["A4", "Letter"] = "A4", unicode_font: bool = True) -> bytes:
    """The memo as a PDF: DejaVu Sans where installed, else Helvetica with the text made latin-1."""
    out = _Pdf(paper, find_unicode_font() if unicode_font else None)
    out.pdf.set_title(out.clean(memo.subject or memo.title))
    out.pdf.set_subject(out.clean(memo.subject))
    out.pdf.set_author(out.clean(memo.author))
    out.heading(memo.title, 18)
    for key, value in memo.header:
        out.write(f"{key}: ", "B")
        out.write(value)
        out.pdf.ln(out.LINE)
    for section in memo.intro:
        _pdf_section(out, section)
    for option in memo.options:
        _pdf_option(out, option)
    for section in memo.closing:
        _pdf_section(out, section)
    _pdf_list(out, "Notes", [f"{n}. {text}" for n, text in enumerate(memo.notes, 1)])
    _pdf_list(out, "Sources", list(memo.sources))
    return out.output()


def _pdf_section(out: _Pdf, section: Section) -> None:
    out.heading(section.heading, 14)
    for paragraph in section.paragraphs:
        out.paragraph(paragraph)


def _pdf_option(out: _Pdf, option: Option) -> None:
    out.heading(option.title, 14)
    out.paragraph(option.one_line, "I")
    out.paragraph(option.summary)
    for heading, args in (
        ("Arguments for", option.arguments_for),
        ("Arguments against", option.arguments_against),
    ):
        if args:
            out.heading(heading, 12)
            for arg in args:
                tail = (f", {arg.role}" if arg.role else "") + f": {arg.argument}"
                out.bullet([(arg.actor, "B"), (tail, "")], arg.quotes)
    if option.evidence:
        out.heading("Evidence", 12)
    for group in option.evidence:
        out.heading(group.label, 11)
        for entry in group.items:
            out.bullet([(entry.claim + (f" ({entry.figure})" if entry.figure else ""), "")], entry.quotes)


def _pdf_list(out: _Pdf, heading: str, entries: list[str]) -> None:
    if not entries:
        return
    out.heading(heading, 14)
    for entry in entries:
        out.paragraph(entry)
