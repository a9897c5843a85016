"""The memo as a Word document: real headings, superscript note numbers, Notes and Sources."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph

from policy.memo.layout import Segment, lay_out
from policy.memo.model import CitedQuote, Memo
from policy.text import xml_text


def to_docx(memo: Memo) -> bytes:
    """The memo as a Word document: real headings, superscript note numbers, Notes and Sources.

    A .docx is XML, which cannot hold some characters (NUL, U+FFFE, U+FFFF...): every string passes through
    xml_text() on its way in, so such a character is dropped rather than the whole download failing."""
    doc = Document()
    _properties(doc, memo)
    lay_out(memo, _WordPage(doc))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _properties(doc: DocxDocument, memo: Memo) -> None:
    props = doc.core_properties
    props.title = xml_text(memo.subject or memo.title)
    props.subject = xml_text(memo.subject)
    props.author = props.last_modified_by = xml_text(memo.author)
    props.comments = props.keywords = props.category = ""
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.revision = 1


class _WordPage:
    """The layout's page drawn with Word's own heading, list and table styles."""

    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(xml_text(text), level=level)

    def header(self, fields: tuple[tuple[str, str], ...]) -> None:
        if not fields:
            return
        table = self.doc.add_table(rows=0, cols=2)
        for key, value in fields:
            label, text = table.add_row().cells
            label.width, text.width = Inches(1.1), Inches(5.2)
            label.paragraphs[0].add_run(xml_text(f"{key}:")).bold = True
            text.paragraphs[0].add_run(xml_text(value))
        self.doc.add_paragraph()

    def paragraph(self, text: str, italic: bool = False) -> None:
        if italic:
            self.doc.add_paragraph().add_run(xml_text(text)).italic = True
        else:
            self.doc.add_paragraph(xml_text(text))

    def prose(self, segments: Sequence[Segment], italic: bool = False) -> None:
        paragraph = self.doc.add_paragraph()
        self._runs(paragraph, segments, italic)

    @staticmethod
    def _runs(paragraph: Paragraph, segments: Sequence[Segment], italic: bool = False) -> None:
        for text, bold, notes in segments:
            if text:
                run = paragraph.add_run(xml_text(text))
                if bold:  # setting False would write an explicit not-bold into the run
                    run.bold = True
                if italic:
                    run.italic = True
            if notes:
                paragraph.add_run(",".join(map(str, notes))).font.superscript = True

    def bullet(self, runs: Sequence[Segment], quotes: tuple[CitedQuote, ...]) -> None:
        item = self.doc.add_paragraph(style="List Bullet")
        self._runs(item, runs)
        for quote in quotes:
            item.add_run(xml_text(f" \u201c{quote.text}\u201d"))
            item.add_run(str(quote.number)).font.superscript = True

    def entry(self, text: str) -> None:
        paragraph = self.doc.add_paragraph(xml_text(text))
        paragraph.paragraph_format.left_indent = Pt(18)
        paragraph.paragraph_format.first_line_indent = Pt(-18)
