"""Overview: the question, the positions as cards, the headline figures, where to go next."""

import streamlit as st

from policy.i18n import _, ngettext
from policy.prose import lead
from policy.queries import format_figure, metric_parts, position_cards
from ui.blocks import esc, page_link, position_badge_md
from ui.context import view
from ui.links import Linked, evidence_url, link_md, position_url
from ui.prose import cards

CARD = 220  # characters of whole sentences of an option's one line on its card; the rest is on its page


ctx = view()
ds = ctx.dataset
marks = Linked(ds)  # citation marks, and glossary terms linked where they first appear
st.title(esc(ds.debate.title))
st.markdown(marks.md(ds.debate.question))
st.markdown(esc(ds.debate.intro))

if ds.debate.headline_evidence:
    st.header(_("Headline figures"))
    figures = []
    for eid in ds.debate.headline_evidence:
        item = ds.evidence_item(eid)
        label, value, description = metric_parts(item)
        if not (item.figure and item.figure.period):
            # No period given: the year it was reported, as the other cards show a year.
            year = ds.source(ds.quote(item.quotes[0]).source).published[:4]
            label = _("Reported {year}").format(year=year)
        # A card's label is one short line: a period's note goes under the figure, with what it counts.
        label, _sep, note = label.partition(" (")
        description = f"{description} ({note}" if note else description
        # The finding itself (its full claim, its quotes and sources) is a link away.
        figures.append(
            f"{esc(label)}\n\n**{esc(value)}**\n\n{esc(description)}\n\n"
            + link_md(_("Read the finding →"), evidence_url(eid))
        )
    cards(figures, len(figures), "figure-cards")

st.header(_("The options"))
counted = ctx.cached(position_cards)  # counting walks all the evidence: cached
option_cards = []
for position in ds.positions:
    c, figure = counted[position.id]
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
    option_cards.append(card)
# Two to a row, so a phone (one to a row) shows them in the same order as a desktop.
cards(option_cards, 2)

st.header(_("Where next"))
with st.container(horizontal=True, gap="medium"):  # one row, wrapping on a narrow screen
    for where, label, icon in [
        ("compare", _("Compare side by side"), ":material/compare_arrows:"),
        ("evidence", _("Search the evidence"), ":material/fact_check:"),
        ("contested", _("See what is contested"), ":material/balance:"),
        ("memo", _("Build a briefing memo"), ":material/description:"),
    ]:
        page_link(where, label, icon)
