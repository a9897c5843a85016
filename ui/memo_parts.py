"""The memo builder's parts: an option's panel of choices, and the memo in each format (cached per content and
language)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from policy import Dataset, i18n
from policy.citations import export
from policy.i18n import N_, _
from policy.memo import Memo, MemoSpec, OptionChoice, build_memo, page_count, to_docx, to_markdown, to_pdf
from policy.prose import lead, strip_markers
from policy.style import position_label
from ui.blocks import esc

LENGTHS = {"full": N_("Full memo"), "brief": N_("One-page brief")}
PAPERS = {"letter": N_("US Letter"), "a4": N_("A4")}
RENDERERS: dict[str, Callable[[Memo], str | bytes]] = {
    "md": to_markdown,
    "docx": to_docx,
    "pdf": to_pdf,
    "bib": lambda memo: export(memo.references, "bibtex"),
    "ris": lambda memo: export(memo.references, "ris"),
    "json": lambda memo: export(memo.references, "csl-json"),
}


# Each takes the language it speaks (the run's by default): a download's file is built when pressed, outside
# the page's run, so the page passes its language.
def memo_file(ds: Dataset, spec_json: str, fmt: str, language: str | None = None) -> str | bytes:
    """The memo the spec describes in one format (md, docx, pdf), or its bibliography (bib, ris, json)."""
    with i18n.use(language or i18n.current()):
        return RENDERERS[fmt](build_memo(ds, MemoSpec.model_validate_json(spec_json)))


def memo_pages(ds: Dataset, spec_json: str, language: str | None = None) -> int:
    """How many pages the memo's PDF has (typesetting it takes a second or two: asked for, then cached)."""
    pdf = memo_file(ds, spec_json, "pdf", language)
    return page_count(pdf if isinstance(pdf, bytes) else pdf.encode())


def check_spec(ds: Dataset, spec_json: str, language: str | None = None) -> None:
    """Resolve the spec against the content without rendering it: MemoInputError names what is wrong."""
    with i18n.use(language or i18n.current()):
        build_memo(ds, MemoSpec.model_validate_json(spec_json))


def setting(box: Any, label: str, names: Mapping[Any, str], key: str) -> str:
    """One of the memo's settings as a segmented control as wide as its choices, in the settings' row (its value
    comes from the link, or the link parameter's default: ui.urlstate)."""
    picked = box.segmented_control(
        label, list(names), format_func=names.__getitem__, key=key, required=True, width="content"
    )
    return str(picked)


def seed_text(key: str, value: str) -> None:
    """A text box's first value (today's date, the debate's title), which follows the reader's language until
    the reader writes their own."""
    seeded: dict[str, str] = st.session_state.setdefault("memo_seeded", {})
    if key not in st.session_state or st.session_state[key] == seeded.get(key):
        st.session_state[key] = value
    seeded[key] = value


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
            bearing = _("Supports") if ev.bearing[pid] == "supports" else _("Undercuts")
            return f"{esc(bearing)}: {esc(lead(strip_markers(ev.claim), 200))}"

        # One under the other, full width: a checkbox's label wraps there, where a column would clip it.
        arguments_for = ticks(
            _("Arguments for ({n})").format(n=len(pro)),
            pro,
            kept.arguments_for,
            f"memo_for_{pid}",
            argument("for"),
        )
        arguments_against = ticks(
            _("Arguments against ({n})").format(n=len(con)),
            con,
            kept.arguments_against,
            f"memo_against_{pid}",
            argument("against"),
        )
        chosen_evidence = ticks(
            _("Evidence ({n})").format(n=len(evidence)), evidence, kept.evidence, f"memo_evidence_{pid}", item
        )
    kept = OptionChoice(
        position=pid,
        arguments_for=arguments_for,
        arguments_against=arguments_against,
        evidence=chosen_evidence,
    )
    st.session_state[f"memo_choice_{pid}"] = kept
    return kept
