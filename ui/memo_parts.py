"""The memo builder's parts: an option's panel of choices, and the memo in each format (cached per content)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from policy import Dataset
from policy.citations import export
from policy.memo import Memo, MemoSpec, OptionChoice, build_memo, page_count, to_docx, to_markdown, to_pdf
from policy.prose import strip_markers
from policy.style import position_label
from policy.text import one_line
from ui.blocks import esc, option

RENDERERS: dict[str, Callable[[Memo], str | bytes]] = {
    "md": to_markdown,
    "docx": to_docx,
    "pdf": to_pdf,
    "bib": lambda memo: export(memo.references, "bibtex"),
    "ris": lambda memo: export(memo.references, "ris"),
    "json": lambda memo: export(memo.references, "csl-json"),
}


def memo_file(ds: Dataset, spec_json: str, fmt: str) -> str | bytes:
    """The memo the spec describes in one format (md, docx, pdf), or its bibliography (bib, ris, json)."""
    return RENDERERS[fmt](build_memo(ds, MemoSpec.model_validate_json(spec_json)))


def memo_pages(ds: Dataset, spec_json: str) -> int:
    """How many pages the memo's PDF has (typesetting it takes a second or two: asked for, then cached)."""
    pdf = memo_file(ds, spec_json, "pdf")
    return page_count(pdf if isinstance(pdf, bytes) else pdf.encode())


def check_spec(ds: Dataset, spec_json: str) -> None:
    """Resolve the spec against the content without rendering it: MemoInputError names what is wrong."""
    build_memo(ds, MemoSpec.model_validate_json(spec_json))


def option_panel(ds: Dataset, pid: str, default: OptionChoice) -> OptionChoice:
    """An option's choices: its panel's widgets while it is open, else what was chosen last (or the default)."""
    position = ds.position(pid)
    # The choices live under a key of their own: the panel's widgets exist only while it is open,
    # and a widget's state goes when the widget does.
    kept: OptionChoice = st.session_state.setdefault(f"memo_choice_{pid}", default)
    panel = st.expander(
        esc(position_label(ds, pid) + " — " + position.title), key=f"memo_open_{pid}", on_change="rerun"
    )
    if not panel.open:
        return kept
    with panel:
        pro = [s.actor for s in position.proponents]
        con = [s.actor for s in position.critics]
        evidence = [e.id for e in ds.evidence_for(pid) if e.bearing[pid] != "context"]
        # Kept choices the content no longer offers (it was edited meanwhile) are dropped, not an error.
        for key, kept_ids, offered in (
            (f"memo_for_{pid}", kept.arguments_for, pro),
            (f"memo_against_{pid}", kept.arguments_against, con),
            (f"memo_evidence_{pid}", kept.evidence, evidence),
        ):
            if key not in st.session_state:
                st.session_state[key] = [x for x in kept_ids if x in offered]
        # Each argument by who makes it and what it says, so the reader sees what they pick.
        said = {
            (s.actor, side): s.argument
            for side, group in (("for", position.proponents), ("against", position.critics))
            for s in reversed(group)
        }

        def label(side: str) -> Callable[[str], str]:
            return lambda x: option(f"{ds.actor(x).name}: {one_line(strip_markers(said[(x, side)]), 90)}")

        arguments_for = st.multiselect("Arguments for", pro, format_func=label("for"), key=f"memo_for_{pid}")
        arguments_against = st.multiselect(
            "Arguments against", con, format_func=label("against"), key=f"memo_against_{pid}"
        )
        chosen_evidence = st.multiselect(
            "Evidence",
            evidence,
            format_func=lambda e: (
                ("✚ " if ds.evidence_item(e).bearing[pid] == "supports" else "✖ ")
                + option(ds.evidence_item(e).claim[:110])
            ),
            key=f"memo_evidence_{pid}",
        )
    kept = OptionChoice(
        position=pid,
        arguments_for=arguments_for,
        arguments_against=arguments_against,
        evidence=chosen_evidence,
    )
    st.session_state[f"memo_choice_{pid}"] = kept
    return kept
