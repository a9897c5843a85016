"""The phone's results of a statement round: how this voter's answers compare with the room's, statement by
statement (a bar of the room's agree / disagree / pass each), and the opinion group they are in once groups are
claimed (policy.live.groups). Shown once the presenter reveals the results or closes the round."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from policy.i18n import N_, _, ngettext
from policy.live.groups import Analysis, Votes, group_of
from policy.live.statements import StatementRound
from ui.blocks import esc
from ui.statement_charts import ANSWER_COLORS

__all__ = ["my_results"]


def _bar(agree: float, disagree: float, passed: float) -> None:
    """A stacked bar of the room's answers (figures only: no content text goes into the markup)."""
    parts = "".join(
        f'<span style="width:{100 * share:.1f}%;background:{ANSWER_COLORS[name]}"></span>'
        for name, share in (("Agree", agree), ("Disagree", disagree), ("Pass", passed))
        if share > 0
    )
    st.html(
        '<div style="display:flex;height:14px;border-radius:7px;overflow:hidden;background:#eee">'
        f"{parts}</div>"
    )


_YOU = {"agree": N_("You agreed"), "disagree": N_("You disagreed"), "pass": N_("You passed")}


def my_results(
    rnd: StatementRound, mine: Mapping[str, str], votes: Votes, result: Analysis, voter: str
) -> None:
    """How this voter's answers compare with the room's, statement by statement, and their opinion group."""
    tallies = {t.statement_id: t for t in result.statements}
    with st.container(key="statement-mine"):
        st.subheader(_("Your answers and the room's"))
        people = result.participants
        said = (
            ngettext(
                "{n} person answered. The presenter has shown the results.",
                "{n} people answered. The presenter has shown the results.",
                people,
            )
            if rnd.is_open
            else ngettext(
                "The round is closed: {n} person answered.",
                "The round is closed: {n} people answered.",
                people,
            )
        )
        st.markdown(esc(said.format(n=people)))
        group = group_of(result, votes, voter)
        if group is not None:
            top = group.representative[0] if group.representative else None
            others = group.size - 1
            line = ngettext(
                "You are in opinion group {name}, with {n} other.",
                "You are in opinion group {name}, with {n} others.",
                others,
            ).format(name=group.name, n=others)
            if top is not None:
                apart = (
                    _("What sets it apart: {share}% of the group agree (others {rest}%) that “{words}”")
                    if top.direction == "agree"
                    else _(
                        "What sets it apart: {share}% of the group disagree (others {rest}%) that “{words}”"
                    )
                )
                line += " " + apart.format(
                    share=round(100 * top.share),
                    rest=round(100 * top.rest_share),
                    words=rnd.statement(top.statement_id).text,
                )
            st.info(esc(line), icon=":material/groups:")
        elif result.note:
            st.caption(esc(result.note))
        for number, statement in enumerate(rnd.statements, start=1):
            answer = mine.get(statement.id)
            tally = tallies.get(statement.id)
            if answer is None or tally is None or not tally.answered:
                continue
            with st.container(border=True):
                st.markdown(f"**{number}.** {esc(statement.text)}")
                share = tally.agree_share
                st.markdown(
                    _(
                        "**{you}** · room: **{agree}%** agree, {disagree}% disagree, {passed}% pass ({n})"
                    ).format(
                        you=esc(_(_YOU[answer])),
                        agree=round(100 * share),
                        disagree=round(100 * tally.disagree_share),
                        passed=round(100 * tally.passed / tally.answered),
                        n=tally.answered,
                    )
                )
                _bar(share, tally.disagree_share, tally.passed / tally.answered)
        skipped = len(rnd.statements) - sum(1 for s in rnd.statements if s.id in mine)
        if skipped:
            st.caption(
                esc(
                    ngettext(
                        "You did not answer {n} statement.", "You did not answer {n} statements.", skipped
                    ).format(n=skipped)
                )
            )
