"""Contested claims: each dispute's answers as labelled columns, who gives each, in which words and source."""

import re

import streamlit as st

from policy.i18n import _, ngettext
from policy.params import encode
from policy.queries import claimant_name
from policy.style import position_label
from ui.blocks import esc, paginate, position_badge_md, quote_md
from ui.context import view
from ui.filters import FILTERS_KEY, Row, filter_links
from ui.links import Linked, link_md, person_md, source_url
from ui.prose import cards, prose
from ui.quotes import attribution_md, cite_button
from ui.urlstate import Choice, Choices, Param, UrlState

DISPUTES_PER_PAGE = 15  # the real content has 13: one page


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2}


def _quote_or_source(claim: str, quote_id: str) -> str:
    """The claim's quote under it, or only who said it where when the claim already gives the quote's words
    (a reader should not meet the same sentence twice in a row)."""
    quote = ds.quote(quote_id)
    words = _words(quote.text)
    if words and len(words & _words(claim)) >= 0.8 * len(words):
        return f"*{attribution_md(ds, quote)}*"
    return quote_md(ds, quote)


ds = view().dataset
marks = Linked(ds)  # citation marks, and glossary terms linked where they first appear
SIDES_PER_ROW = 3  # answers shown as columns; more wrap to a new row
dispute_ids = [d.id for d in ds.disputes]
# "dispute" names the questions open at the start; it seeds no widget of its own (each question is one).
state = UrlState(
    Param("position", "contested_position", Choice(ds.position_ids)),
    Param("dispute", "contested_linked", Choices(dispute_ids)),
).start()
linked = state.linked["dispute"]

st.title(_("Contested claims"))
st.caption(
    _(
        "Where the sources or the people in them contradict each other. Each question shows its answers as"
        " columns, with who gives each answer and in which words; we show each side and do not settle it."
    )
)
# The filter as a row of links (ui.filters says why), each option with how many questions touch it.
pid: str | None = st.session_state.get("contested_position")
prose(
    filter_links(
        "contested",
        [
            Row(
                "position",
                _("Touching the option"),
                {p: f"{position_label(ds, p)} ({len(ds.disputes_for(p))})" for p in ds.position_ids},
                (pid,) if pid else (),
                many=False,
            )
        ],
    ),
    st.container(key=FILTERS_KEY),
)
disputes = ds.disputes_for(pid) if pid else ds.disputes

# A link to a question further down the list starts on the page that holds it.
first_linked = next((i for i, d in enumerate(disputes) if linked and d.id in linked), 0)
start, end = paginate(
    len(disputes), "contested_page", DISPUTES_PER_PAGE, first_linked // DISPUTES_PER_PAGE + 1
)
shown = disputes[start:end]
# Which questions start open: those the link names, else the first one shown. Only open ones are built.
first_open = set(linked) if linked is not None else {shown[0].id} if shown else set()
open_ids = []
for dispute in shown:
    key = f"dispute-{dispute.id}"
    if key not in st.session_state:
        st.session_state[key] = dispute.id in first_open
    expander = st.expander(esc(dispute.question), key=key, on_change="rerun")
    if not expander.open:
        continue
    open_ids.append(dispute.id)
    with expander:
        prose(" ".join(position_badge_md(ds, p) for p in dispute.positions))
        # The answers side by side, each a card: the answer, how many claims give it, and the claims (one element
        # for them all: see ui.prose.cards). A claimant's name opens them on People; the reporter's own claim
        # names the outlet, which opens the source article on Sources & method.
        answers = []
        for side in dispute.sides:
            claims = dispute.claims_for(side.id)
            count = ngettext("{n} claim", "{n} claims", len(claims)).format(n=len(claims))
            answer = _("Answer: {answer}").format(answer=esc(side.label))
            answers.append(
                "\n\n---\n\n".join(
                    [f"**{answer}**  \n{count}"]
                    + [
                        f"**{person_md(ds, c.claimant) if c.claimant else link_md(claimant_name(ds, c), source_url(c.source))}**"
                        f"\n\n{marks.md(c.claim)}\n\n{_quote_or_source(c.claim, c.quote)}"
                        for c in claims
                    ]
                )
            )
        cards(answers, min(len(answers), SIDES_PER_ROW))
        # One Cite button for the question's quotes (see ui.blocks on why).
        quotes = list({c.quote: ds.quote(c.quote) for c in dispute.claims}.values())
        cite_button(ds, quotes, key=f"dq-{dispute.id}")
        if dispute.note:
            st.info(marks.md(dispute.note), icon=":material/lightbulb:")
default_open = [d.id for d in shown[:1]]
state.sync(dispute=encode(open_ids) if linked is not None or open_ids != default_open else None)
