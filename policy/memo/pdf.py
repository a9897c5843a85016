"""The memo as a PDF: DejaVu Sans where installed, else Helvetica with the text made latin-1."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from fpdf import FPDF

from policy.memo.latin1 import to_latin1
from policy.memo.layout import Segment, lay_out
from policy.memo.model import CitedQuote, Memo

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu
    Path("/usr/share/fonts/dejavu"),  # Fedora
    Path("/usr/share/fonts/TTF"),  # Arch
)
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
_HEADING_SIZES = (18, 14, 12, 11)  # points, by the layout's heading level


def find_unicode_font() -> Path | None:
    """The DejaVuSans.ttf on this machine, if any."""
    return next((d / _FONT_FILES[""] for d in FONT_DIRS if (d / _FONT_FILES[""]).is_file()), None)


def to_pdf(memo: Memo, paper: Literal["A4", "Letter"] = "A4", unicode_font: bool = True) -> bytes:
    """The memo as a PDF: DejaVu Sans where installed, else Helvetica with the text made latin-1."""
    out = _PdfPage(paper, find_unicode_font() if unicode_font else None)
    out.pdf.set_title(out.clean(memo.subject or memo.title))
    out.pdf.set_subject(out.clean(memo.subject))
    out.pdf.set_author(out.clean(memo.author))
    lay_out(memo, out)
    return bytes(out.pdf.output())


class _PdfPage:
    """The layout's page as an FPDF flow with one font family and the text cleaning that family needs."""

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

    def heading(self, text: str, level: int) -> None:
        size = _HEADING_SIZES[level]
        if self.pdf.will_page_break(size * 2):  # keep a heading with the text under it
            self.pdf.add_page()
        self.pdf.ln(2)
        self.pdf.set_font(self.family, "B", size)
        self.pdf.multi_cell(0, size * 0.5, self.clean(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1.5)

    def header(self, fields: tuple[tuple[str, str], ...]) -> None:
        for key, value in fields:
            self._write(f"{key}: ", "B")
            self._write(value)
            self.pdf.ln(self.LINE)

    def paragraph(self, text: str, italic: bool = False) -> None:
        self.pdf.set_font(self.family, "I" if italic else "", self.BODY)
        self.pdf.set_x(self.pdf.l_margin)
        self.pdf.multi_cell(
            self.pdf.epw, self.LINE, self.clean(text), align="L", new_x="LMARGIN", new_y="NEXT"
        )
        self.pdf.ln(1.5)

    def entry(self, text: str) -> None:
        self.paragraph(text)

    def prose(self, segments: Sequence[Segment], italic: bool = False) -> None:
        self.pdf.set_x(self.pdf.l_margin)
        self._segments(segments, "I" if italic else "")
        self.pdf.ln(self.LINE + 1.5)

    def _segments(self, segments: Sequence[Segment], style: str = "") -> None:
        for text, bold, notes in segments:
            if text:
                self._write(text, "B" if bold else style)
            if notes:
                self._sup(",".join(map(str, notes)))

    def _sup(self, text: str) -> None:
        self.pdf.char_vpos = "SUP"
        self._write(text)
        self.pdf.char_vpos = "LINE"

    def bullet(self, runs: Sequence[Segment], quotes: tuple[CitedQuote, ...]) -> None:
        margin = self.pdf.l_margin
        self.pdf.set_font(self.family, "", self.BODY)
        self.pdf.write(self.LINE, "\u2022 " if self.family == "DejaVu" else "- ")
        self.pdf.set_left_margin(margin + 5)
        self._segments(runs)
        for quote in quotes:
            self._cited(quote)
        self.pdf.set_left_margin(margin)
        self.pdf.ln(self.LINE + 1.5)

    def _write(self, text: str, style: str = "") -> None:
        self.pdf.set_font(self.family, style, self.BODY)
        self.pdf.write(self.LINE, self.clean(text))

    def _cited(self, quote: CitedQuote) -> None:
        # The last word goes with its note number, so the number never starts a line alone.
        head, _, last = f" \u201c{quote.text}\u201d".rpartition(" ")
        self._write(head + " ")
        room = self.pdf.w - self.pdf.r_margin - self.pdf.get_x() - 2 * self.pdf.c_margin  # as write() counts
        if self.pdf.get_string_width(self.clean(f"{last}{quote.number}")) > room:
            self.pdf.ln(self.LINE)
        self._write(last)
        self.pdf.char_vpos = "SUP"
        self._write(str(quote.number))
        self.pdf.char_vpos = "LINE"
