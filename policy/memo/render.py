"""The memo in each format, all converted by pandoc from one source with citeproc doing the citations:
Markdown with pandoc footnotes, Word with native footnotes, and a PDF typeset by typst."""

from __future__ import annotations

import functools
import io
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typst
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from pypdf import PdfReader

from policy import i18n
from policy.citations import NOTE_STYLES, citeproc_args, csl_json
from policy.i18n import _
from policy.memo.model import Memo
from policy.memo.source import to_source
from policy.pandoc import lang_args, pandoc_path, run
from policy.text import xml_text

_TEMPLATE = Path(__file__).with_name("templates") / "memo.typ"
# What the Markdown download leaves out: pandoc's own syntax that other Markdown readers show as junk.
_MARKDOWN = "markdown" + "".join(
    f"-{x}"
    for x in (
        "citations raw_html raw_attribute native_divs native_spans fenced_divs bracketed_spans "
        "header_attributes link_attributes smart simple_tables multiline_tables grid_tables"
    ).split()
)
_PAPERS = {"letter": ("us-letter", (8.5, 11.0)), "a4": ("a4", (8.27, 11.69))}


def _typst_string(text: str) -> str:
    """Text for inside a typst string literal (the template writes it between double quotes)."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _typst_language() -> dict[str, str]:
    """The template's words and language settings in the run's language: typst's `lang` and `region` (its
    hyphenation and its own words), and the page numbers' pattern ("1 of 3")."""
    language, region = i18n.LOCALES[i18n.current()].lower().split("_")
    # Translators: the PDF's page numbers ("1 of 3"). Typst reads the letters a, A, i and I as counters: the
    # words between the numbers must not hold them.
    pages = _("{page} of {pages}").format(page="1", pages="1")  # typst's numbering pattern: each 1 a counter
    return {"textlang": language, "region": region, "numbering": _typst_string(pages)}


def _convert(memo: Memo, to: str, args: Sequence[str] = (), level: int = 1) -> bytes:
    with tempfile.TemporaryDirectory(prefix="memo-") as folder:
        # The citations in the run's CSL locale, and the document marked as written in its language.
        cite = citeproc_args(memo.references, memo.style, Path(folder)) if memo.references else lang_args()
        meta = ["--metadata=title:" + xml_text(memo.title), "--wrap=none"]
        if memo.brief and memo.style in NOTE_STYLES:  # full notes say it all; the page has no room for more
            meta.append("--metadata=suppress-bibliography:true")
        if memo.subject:
            meta.append("--metadata=subject:" + xml_text(memo.subject))
        return run(to_source(memo, level), to, [*cite, *meta, *args])


def to_markdown(memo: Memo) -> str:
    """The memo as Markdown: pandoc footnotes (or author-date citations), no HTML, no entities."""
    body = _convert(memo, _MARKDOWN, level=2).decode("utf-8")
    return f"# {memo.title}\n\n{body}"


def to_docx(memo: Memo) -> bytes:
    """The memo as Word: native footnotes, Word's heading and list styles, page numbers, US Letter."""
    return _convert(memo, "docx", [f"--reference-doc={_reference_docx()}"])


# A brief is one page: when its text runs over, it is set a step smaller (never below 8 pt) before it spills.
_BRIEF_STEPS = (("9.5pt", "0.7in"), ("9pt", "0.6in"), ("8.5pt", "0.55in"), ("8pt", "0.5in"))


def to_pdf(memo: Memo) -> bytes:
    """The memo as a tagged PDF typeset by typst, on the memo's paper, with page numbers."""
    brief = memo.brief
    size, margin = _BRIEF_STEPS[0] if brief else ("11pt", "1in")
    variables = {
        "paper": _PAPERS[memo.paper][0],
        "margin": margin,
        "fontsize": size,
        "leading": "0.5em" if brief else "0.62em",
        "spacing": "0.75em" if brief else "1.05em",
        # The table's five columns in smaller type with a snug inset: at the full memo's 11 pt, names and
        # titles would wrap word by word in a column an inch wide.
        "inset": "3.5pt",
        "tablesize": "0.92em" if brief else "0.8em",
        **_typst_language(),
    }
    args = [f"--template={_TEMPLATE}", *(f"--variable={k}:{v}" for k, v in variables.items())]
    source = _convert(memo, "typst", args)
    pdf = bytes(typst.compile(source))
    for smaller, narrower in _BRIEF_STEPS[1:] if brief else ():
        if page_count(pdf) == 1:
            break
        text = source.decode("utf-8")
        text = text.replace(f"size: {size}, lang:", f"size: {smaller}, lang:", 1)
        text = text.replace(
            f"margin: (x: {margin}, y: {margin})", f"margin: (x: {narrower}, y: {narrower})", 1
        )
        pdf = bytes(typst.compile(text.encode("utf-8")))
    return pdf


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def references_file(memo: Memo) -> str:
    """The memo's bibliography as CSL-JSON (every source it cites)."""
    return csl_json(memo.references)


@functools.cache
def _reference_docx() -> Path:
    """Pandoc's own reference document made US Letter, 1-inch margins, with a page number in the footer."""
    default = subprocess.run(
        [pandoc_path(), "--print-default-data-file=reference.docx"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    doc = Document(io.BytesIO(default.stdout))
    for section in doc.sections:
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Inches(1)
        footer = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        footer._p.append(field)
    _memo_styles(doc)
    folder = Path(tempfile.mkdtemp(prefix="memo-reference-"))  # one per process, like the cache
    doc.save(str(folder / "reference.docx"))
    return folder / "reference.docx"


def _memo_styles(doc: Any) -> None:
    """A memo's look rather than pandoc's defaults: black headings, a modest title, a ruled table."""
    names = {style.name: style for style in doc.styles}
    for name, size in (("Title", 18), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        if name in names:
            font = names[name].font
            font.color.rgb = RGBColor(0, 0, 0)
            font.size = Pt(size)
    table = names.get("Table")
    if table is not None:  # pandoc's table style: a thin rule around and between every cell
        props = table.element.find(qn("w:tblPr"))
        if props is None:
            props = OxmlElement("w:tblPr")
            table.element.append(props)
        for old in props.findall(qn("w:tblBorders")):
            props.remove(old)
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            rule = OxmlElement(f"w:{edge}")
            rule.set(qn("w:val"), "single")
            rule.set(qn("w:sz"), "4")
            rule.set(qn("w:color"), "999999")
            borders.append(rule)
        # Word wants tblPr's children in the schema's order: the borders go before the cell margins.
        margins = props.find(qn("w:tblCellMar"))
        if margins is not None:
            margins.addprevious(borders)
        else:
            props.append(borders)
