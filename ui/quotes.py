"""Quotes on request: a side's stances, the quotes behind evidence, and the Cite button (see ui.blocks on why);
evidence and quotes with their speakers, sources and options linked (the Evidence page)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from policy import Dataset
from policy.citations import bibliography, cite_quotes, csl_items, export, human_date
from policy.i18n import DEFAULT, _, current, ngettext
from policy.models import BEARINGS, Evidence, Quote, Stance
from policy.queries import actor_role, evidence_quotes, evidence_sources, quote_attribution, short_outlet
from policy.style import bearing_label, evidence_kind_label
from policy.text import one_line
from ui.blocks import RULE, Marks, claim_head, esc, quote_md
from ui.context import view
from ui.links import link_md, person_url, position_url, source_url
from ui.prose import copy_block, prose


def cite_button(ds: Dataset, quotes: Sequence[Quote], *, key: str, label: str | None = None) -> None:
    """A Cite button for the quotes above it: Chicago and APA citations of each from the CSL engine, and the
    sources as a file for a reference manager, built when open."""
    if not quotes:
        return
    many = len(quotes) > 1
    cite = st.popover(
        label or (_("Cite ({n} quotes)").format(n=len(quotes)) if many else _("Cite")),
        type="tertiary",
        icon=":material/format_quote:",
        help=_(
            "Ready-to-copy citations of these quotes: Chicago, then APA, and the source for Zotero or EndNote"
        )
        if many
        else _(
            "Ready-to-copy citations of this quote: Chicago, then APA, and the source for Zotero or EndNote"
        ),
        key=f"cite-{key}",
        on_change="rerun",
    )
    if not cite.open:
        return
    with cite:
        chicago, apa = cite_quotes(ds, quotes, "chicago"), cite_quotes(ds, quotes, "apa")
        for quote, note, in_text in zip(quotes, chicago, apa, strict=True):
            # The long attribution (speaker, outlet, full date, context) lives here, not under the quote.
            opening = f"“{one_line(quote.text, 70)}” " if many else ""
            st.caption(esc(opening + quote_attribution(ds, quote)))
            prose(f"{copy_block(note)}\n\n{copy_block(in_text)}")
        sources = [q.source for q in quotes]
        st.caption(_("APA reference list entry"))
        prose(copy_block("\n\n".join(bibliography(ds, "apa", sources))))
        st.download_button(
            _("Source for a reference manager (.ris)"),
            # The record as the content writes it (an outlet's name does not change with the reader's language:
            # a reference manager would keep one source twice).
            export(csl_items(view().as_written, sources), "ris"),
            f"{key}.ris",
            "application/x-research-info-systems",
            key=f"cite-ris-{key}",
            icon=":material/download:",
            on_click="ignore",
        )


def quotes_on_request(ds: Dataset, quotes: Sequence[Quote], label: str, key: str) -> None:
    """Quotes and their Cite button behind an expander, built only while it is open."""
    words = st.expander(label, icon=":material/format_quote:", key=f"words-{key}", on_change="rerun")
    if words.open:
        with words:
            st.markdown("\n\n".join(quote_md(ds, q) for q in quotes))
            cite_button(ds, quotes, key=key)


def stances_block(ds: Dataset, stances: Sequence[Stance], *, key: str, marks: Marks) -> None:
    """Who argues, each with their argument in neutral words (one element), then all their quotes on request."""
    if not stances:
        st.caption(_("The sources name nobody here."))
        return
    parts = []
    for stance in stances:
        actor = ds.actor(stance.actor)
        role = f" — {actor_role(actor)}" if actor.role else ""
        parts.append(f"**{esc(actor.name)}**{esc(role)}\n\n{marks.md(stance.argument)}")
    with st.container(border=True):
        st.markdown(RULE.join(parts))
        # Each quote names its speaker, so a side's quotes read well together.
        quotes = list({qid: ds.quote(qid) for stance in stances for qid in stance.quotes}.values())
        if quotes:
            label = ngettext("In their words ({n} quote)", "In their words ({n} quotes)", len(quotes))
            label = label.format(n=len(quotes))
            quotes_on_request(ds, quotes, label, key)


def evidence_list(ds: Dataset, items: Sequence[Evidence], *, key: str) -> None:
    """Findings as one bulleted list, each claim naming its sources and listing the items that report the same
    finding under it; the quotes behind them all on request."""
    lines = []
    part_of = _("Part of this finding:")
    everything: list[Evidence] = []
    for item in items:
        parts = ds.parts_of(item.id)
        everything += [item, *parts]
        lines.append(
            f"- {claim_head(item)}{esc(item.claim)} *({esc('; '.join(evidence_sources(ds, item)))})*"
        )
        lines += [
            f"    - *{part_of}* {claim_head(part)}{esc(part.claim)}"
            f" *({esc('; '.join(evidence_sources(ds, part)))})*"
            for part in parts
        ]
    st.markdown("\n".join(lines))
    quotes = evidence_quotes(ds, everything)
    quotes_on_request(ds, quotes, _("The quotes behind these items ({n})").format(n=len(quotes)), key)


def attribution_md(ds: Dataset, quote: Quote) -> str:
    """The short attribution under a quote ('— Speaker, Outlet, Month Year'), its speaker linking to People and
    its outlet and month to the source's entry (no hover text: each title costs the browser time to draw)."""
    source = ds.source(quote.source)
    when = human_date(source.published[:7])
    outlet = short_outlet(ds, quote.source)
    if quote.speaker:
        speaker = ds.actor(quote.speaker)
        return f"— {link_md(speaker.name, person_url(speaker.id))}, {link_md(f'{outlet}, {when}', source_url(source.id))}"
    reporting = _("{outlet} (reporting), {date}").format(outlet=outlet, date=when)
    return f"— {link_md(reporting, source_url(source.id))}"


def linked_quote_md(ds: Dataset, quote: Quote) -> str:
    """A verbatim quote at full strength (as ui.blocks.quote_md), its speaker and source linked."""
    original = (
        " · " + esc(_("the source's text, in English")) if current() != DEFAULT else ""
    )  # shown as written
    return f"“{esc(quote.text)}”  \n*{attribution_md(ds, quote)}{original}*"


def linked_evidence_md(ds: Dataset, item: Evidence) -> str:
    """An evidence item: its claim, kind and bearings (each option linked to its Position page), then its quotes
    (speakers linked to People, sources to Sources)."""
    tags = [
        f"**{esc(bearing_label(b))}:** "
        + ", ".join(
            link_md(ds.position(p).short_title, position_url(p)) for p, pb in item.bearing.items() if pb == b
        )
        for b in BEARINGS
        if b in item.bearing.values()
    ]
    kind = esc(evidence_kind_label(item.kind))
    text = f"{claim_head(item)}{esc(item.claim)}\n\n" + " · ".join([kind, *tags])
    return "\n\n".join([text, *(linked_quote_md(ds, ds.quote(qid)) for qid in item.quotes)])


def linked_finding_md(ds: Dataset, lead: Evidence) -> str:
    """A finding: its lead item, then each item reporting the same finding, linked."""
    parts = ds.parts_of(lead.id)
    if not parts:
        return linked_evidence_md(ds, lead)
    heading = _("One finding, reported in {n} items (counted once):").format(n=len(parts) + 1)
    part_of = _("Part of this finding.")
    return "\n\n".join(
        [
            f"*{esc(heading)}*",
            linked_evidence_md(ds, lead),
            *(f"**{part_of}** {linked_evidence_md(ds, p)}" for p in parts),
        ]
    )
