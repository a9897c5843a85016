"""Overview: the question, the positions as cards, the headline figures, where to go next."""

import streamlit as st

from policy.i18n import _, ngettext
from policy.prose import lead
from policy.queries import format_figure, metric_parts, position_cards
from ui.blocks import esc, page_link, position_badge_md
from ui.context import view
from ui.links import Linked, evidence_url, link_md, position_url

CARD = 220  # characters of whole sentences of an option's one line on its card; the rest is on its page


ctx = view()
ds = ctx.dataset
marks = Linked(ds)  # citation marks, and glossary terms linked where they first appear
st.title(esc(ds.debate.title))
st.markdown(marks.md(ds.debate.question))
st.markdown(esc(ds.debate.intro))

if ds.debate.headline_evidence:
    st.header(_("Headline figures"))
    cols = st.columns(len(ds.debate.headline_evidence))
    for col, eid in zip(cols, ds.debate.headline_evidence, strict=True):
        item = ds.evidence_item(eid)
        with col:
            label, value, description = metric_parts(item)
            if not (item.figure and item.figure.period):
                # No period given: the year it was reported, as the other cards show a year.
                year = ds.source(ds.quote(item.quotes[0]).source).published[:4]
                label = _("Reported {year}").format(year=year)
            # A card's label is one short line (a longer one is cut with "…"): a period's note goes under it.
            label, _sep, note = label.partition(" (")
            st.metric(esc(label), esc(value), border=True, help=esc(item.claim))
            st.caption(esc(f"{description} ({note}" if note else description))

st.header(_("The options"))
counted = ctx.cached(position_cards)  # counting walks all the evidence: cached
# A row of two cards at a time, so a phone (which stacks columns) shows them in the same order as a desktop.
for i, position in enumerate(ds.positions):
    if i % 2 == 0:
        columns = st.columns(2)
    c, figure = counted[position.id]
    with columns[i % 2].container(border=True):
        # A short card: the option's first whole sentences, its key figure, its counts and a link to the rest.
        title = link_md(position.title, position_url(position.id))
        card = f"{position_badge_md(ds, position.id)}\n\n### {title}\n\n{marks.md(lead(position.one_line, CARD))}"
        if figure is not None:
            finding = link_md(_("the finding"), evidence_url(figure.id))
            card += f"\n\n**{esc(format_figure(figure))}** ({finding})"
        people = ngettext("{n} proponent", "{n} proponents", c.proponents).format(n=c.proponents)
        people += ", " + ngettext("{n} critic", "{n} critics", c.critics).format(n=c.critics)
        findings = ngettext(
            "{n} finding ({supports} for, {undercuts} against)",
            "{n} findings ({supports} for, {undercuts} against)",
            c.evidence,
        ).format(n=c.evidence, supports=c.supports, undercuts=c.undercuts)
        card += f"\n\n**{people}** · {findings}"
        card += "\n\n" + link_md(_("Read its full case →"), position_url(position.id))
        st.markdown(card)

st.header(_("Where next"))
nav = st.columns(4)
for col, (where, label, icon) in zip(
    nav,
    [
        ("compare", _("Compare side by side"), ":material/compare_arrows:"),
        ("evidence", _("Search the evidence"), ":material/fact_check:"),
        ("contested", _("See what is contested"), ":material/balance:"),
        ("memo", _("Build a briefing memo"), ":material/description:"),
    ],
    strict=True,
):
    with col:
        page_link(where, label, icon)
