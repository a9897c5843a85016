"""What the room's screen shows of a statement round: agreement, opinion groups, or movement between rounds.

Every statement is named by its words; what does not fit the screen is counted ("2 more"), never listed by
number. The presenter's export holds every statement's figures."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from policy.i18n import _, ngettext
from policy.live.groups import Analysis, Shift, Votes, analyse
from policy.live.statements import StatementRound
from policy.text import one_line
from ui.blocks import esc
from ui.statement_charts import GROUP_MARKDOWN_COLORS, _bars, _movement_chart, _scatter

# Characters of statement text a column of the panel shows at projector size (28 px type) before it counts the
# rest; statements a chart labels at 20 px on a 1280x720 screen.
PANEL_BUDGET = 340
GROUPS_BUDGET = 500
CHART_STATEMENTS = 3


def _text_list(
    rnd: StatementRound,
    items: Sequence[tuple[str, str]],
    empty: str,
) -> None:
    """(statement id, what the room did) pairs: the first few with their words, within the panel's budget;
    the rest by number only."""
    if not items:
        st.markdown(esc(empty))
        return
    used = 0
    rest = 0
    for statement_id, figures in items:
        statement = rnd.statement(statement_id)
        number = rnd.statement_ids.index(statement_id) + 1
        if used == 0 or used + len(statement.text) <= PANEL_BUDGET:
            line = _("**Statement {number} · {figures}** — {text}")
            st.markdown(line.format(number=number, figures=esc(figures), text=esc(statement.text)))
            used += len(statement.text)
        else:
            rest += 1
    if rest:
        st.markdown(esc(ngettext("And {n} more statement.", "And {n} more statements.", rest).format(n=rest)))


def _share(value: float) -> str:
    return f"{round(100 * value)}%"


def _agreement_view(rnd: StatementRound, result: Analysis, numbers: dict[str, int]) -> None:
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(_("The room agrees"))
        agree = _("{share} agree")
        _text_list(
            rnd,
            [(t.statement_id, agree.format(share=_share(t.agree_share))) for t in result.consensus],
            _("No statement has broad agreement yet."),
        )
    with right:
        st.subheader(_("Most divisive"))
        split = _("{agree} agree, {disagree} disagree")
        _text_list(
            rnd,
            [
                (t.statement_id, split.format(agree=_share(t.agree_share), disagree=_share(t.disagree_share)))
                for t in result.divisive
            ],
            _("No statement splits the room yet."),
        )


def _groups_view(rnd: StatementRound, result: Analysis, numbers: dict[str, int]) -> None:
    if not result.groups:
        most = sorted(result.statements, key=lambda t: -t.answered)[:CHART_STATEMENTS]
        st.subheader(
            ngettext(
                "Answers so far: the {n} most answered statement",
                "Answers so far: the {n} most answered statements",
                len(most),
            ).format(n=len(most))
        )
        st.markdown(esc(result.note))
        labels = {s.id: s.text for s in rnd.statements}
        st.altair_chart(_bars(most, labels), width="stretch")
        return
    left, right = st.columns([2, 3], gap="large")
    with left:
        n = len(result.groups)
        st.subheader(ngettext("{n} opinion group", "{n} opinion groups", n).format(n=n))
        st.altair_chart(_scatter(result), width="stretch")
        st.caption(_("Nearer circles answered more alike; a larger circle holds more people."))
    with right:
        used = 0
        told: set[str] = set()
        for number, group in enumerate(result.groups):
            colour = GROUP_MARKDOWN_COLORS[number % len(GROUP_MARKDOWN_COLORS)]
            head = ngettext("Group {name} · {n} person", "Group {name} · {n} people", group.size).format(
                name=group.name, n=group.size
            )
            if not group.representative:
                st.markdown(f":{colour}[**{esc(head)}**]: " + _("no statement sets it apart yet."))
                continue
            # Each group's own statement where it has one that no group above was shown with.
            top = next(
                (r for r in group.representative if r.statement_id not in told), group.representative[0]
            )
            told.add(top.statement_id)
            statement = rnd.statement(top.statement_id)
            figures = (
                _("{share} agree (others {rest})")
                if top.direction == "agree"
                else _("{share} disagree (others {rest})")
            ).format(share=_share(top.share), rest=_share(top.rest_share))
            if used == 0 or used + len(statement.text) <= GROUPS_BUDGET:
                st.markdown(f":{colour}[**{esc(head)}**]: {esc(figures)} — {esc(statement.text)}")
                used += len(statement.text)
            else:  # no room left on the screen for its statement's words
                st.markdown(f":{colour}[**{esc(head)}**]")


def _movement_view(rnd: StatementRound, shifts: Sequence[Shift], numbers: dict[str, int]) -> None:
    if not rnd.before:
        st.subheader(_("How the room moved"))
        st.markdown(_("This is the first round: ask again after the discussion to see how the room moved."))
        return
    moved = sorted((s for s in shifts if s.after_answered), key=lambda s: -abs(s.change))[:CHART_STATEMENTS]
    st.subheader(
        ngettext(
            "How the room moved: agree before and after ({n} statement that moved most)",
            "How the room moved: agree before and after ({n} statements that moved most)",
            len(moved),
        ).format(n=len(moved))
    )
    if not moved or not any(s.change for s in moved):
        st.markdown(_("No statement has moved yet."))
        return
    labels = {s.id: s.text for s in rnd.statements}
    st.altair_chart(_movement_chart(moved, labels), width="stretch")


# -- charts (large labels, no toolbar) ---------------------------------------------------------------------


def private_look(rnd: StatementRound, votes: Votes) -> None:
    """What the room agrees on and what divides it, for the presenter alone (revealed or not). The analysis is
    made again only when an answer has come in (this panel redraws twice a second)."""
    slot = f"statements_look_{rnd.code}"
    signature = (int(votes.answered.sum()), int(votes.answered.any(axis=1).sum()))
    kept = st.session_state.get(slot)
    if kept is None or kept[0] != signature:
        kept = (signature, analyse(votes, previous_k=st.session_state.get(f"statements-k-{rnd.code}")))
        st.session_state[slot] = kept
    result = kept[1]
    numbers = {s.id: i + 1 for i, s in enumerate(rnd.statements)}
    words = {s.id: one_line(s.text, 70) for s in rnd.statements}

    def named(statement_id: str) -> str:
        return f"{numbers[statement_id]} “{words[statement_id]}”"

    parts = []
    if result.consensus:
        t = result.consensus[0]
        most = _("the room agrees most on {statement} ({share} agree)")
        parts.append(most.format(statement=named(t.statement_id), share=f"{t.agree_share:.0%}"))
    else:
        parts.append(_("no statement has broad agreement yet"))
    if result.divisive:
        t = result.divisive[0]
        split = _("most divisive: {statement} ({agree} agree, {disagree} disagree)")
        parts.append(
            split.format(
                statement=named(t.statement_id),
                agree=f"{t.agree_share:.0%}",
                disagree=f"{t.disagree_share:.0%}",
            )
        )
    else:
        parts.append(_("none splits the room yet"))
    n = len(result.groups)
    parts.append(
        ngettext("{n} opinion group", "{n} opinion groups", n).format(n=n)
        if n
        else _("no opinion groups yet")
    )
    st.caption(esc(_("Only you see this: {summary}.").format(summary="; ".join(parts))))
