"""The memo builder's parts: an option's panel of choices, and the memo in each format (cached per content)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from policy import Dataset
from policy.citations import export
from policy.memo import Memo, MemoSpec, OptionChoice, build_memo, page_count, to_docx, to_markdown, to_pdf
from policy.prose import lead, strip_markers
from policy.style import position_label
from ui.blocks import esc

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
        pro = list(dict.fromkeys(s.actor for s in position.proponents))
        con = list(dict.fromkeys(s.actor for s in position.critics))
        evidence = [e.id for e in ds.evidence_for(pid) if e.bearing[pid] != "context"]
        # Each argument by who makes it and what it says, so the reader sees what they pick: a checkbox per
        # argument, its text wrapped in full width rather than clipped inside a chip.
        said = {
            (s.actor, side): s.argument
            for side, group in (("for", position.proponents), ("against", position.critics))
            for s in reversed(group)
        }

        def ticks(
            heading: str, ids: list[str], chosen: list[str], key: str, text: Callable[[str], str]
        ) -> list[str]:
            st.markdown(f"**{esc(heading)}**")
            picked = []
            for x in ids:
                # Kept choices the content no longer offers (it was edited meanwhile) simply drop out.
                if st.checkbox(text(x), value=x in chosen, key=f"{key}_{x}"):
                    picked.append(x)
            return picked

        def argument(side: str) -> Callable[[str], str]:
            return lambda x: f"{esc(ds.actor(x).name)}: {esc(lead(strip_markers(said[(x, side)]), 200))}"

        def item(e: str) -> str:
            ev = ds.evidence_item(e)
            bearing = "Supports" if ev.bearing[pid] == "supports" else "Undercuts"
            return f"{bearing}: {esc(lead(strip_markers(ev.claim), 200))}"

        # One under the other, full width: a checkbox's label wraps there, where a column would clip it.
        arguments_for = ticks(
            f"Arguments for ({len(pro)})", pro, kept.arguments_for, f"memo_for_{pid}", argument("for")
        )
        arguments_against = ticks(
            f"Arguments against ({len(con)})",
            con,
            kept.arguments_against,
            f"memo_against_{pid}",
            argument("against"),
        )
        chosen_evidence = ticks(
            f"Evidence ({len(evidence)})", evidence, kept.evidence, f"memo_evidence_{pid}", item
        )
    kept = OptionChoice(
        position=pid,
        arguments_for=arguments_for,
        arguments_against=arguments_against,
        evidence=chosen_evidence,
    )
    st.session_state[f"memo_choice_{pid}"] = kept
    return kept
