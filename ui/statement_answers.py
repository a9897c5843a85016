"""The phone's results of a statement round: how this voter's answers compare with the room's, statement by
statement (a bar of the room's agree / disagree / pass each), and the opinion group they are in once groups are
claimed (policy.live.groups). Shown once the presenter reveals the results or closes the round."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

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


_YOU = {"agree": "You agreed", "disagree": "You disagreed", "pass": "You passed"}


def my_results(
    rnd: StatementRound, mine: Mapping[str, str], votes: Votes, result: Analysis, voter: str
) -> None:
    """How this voter's answers compare with the room's, statement by statement, and their opinion group."""
    tallies = {t.statement_id: t for t in result.statements}
    with st.container(key="statement-mine"):
        st.subheader("Your answers and the room's")
        people = result.participants
        st.markdown(
            esc(
                f"{people} {'person' if people == 1 else 'people'} answered. The presenter has shown the results."
                if rnd.is_open
                else f"The round is closed: {people} {'person' if people == 1 else 'people'} answered."
            )
        )
        group = group_of(result, votes, voter)
        if group is not None:
            top = group.representative[0] if group.representative else None
            line = f"You are in opinion group {group.name}, with {group.size - 1} other{'s' if group.size != 2 else ''}."
            if top is not None:
                verb = "agree" if top.direction == "agree" else "disagree"
                words = rnd.statement(top.statement_id).text
                line += (
                    f" What sets it apart: {round(100 * top.share)}% of the group {verb} (others "
                    f"{round(100 * top.rest_share)}%) that “{words}”"
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
                    f"**{esc(_YOU[answer])}** · room: **{round(100 * share)}%** agree, "
                    f"{round(100 * tally.disagree_share)}% disagree, "
                    f"{round(100 * tally.passed / tally.answered)}% pass ({tally.answered})"
                )
                _bar(share, tally.disagree_share, tally.passed / tally.answered)
        skipped = len(rnd.statements) - sum(1 for s in rnd.statements if s.id in mine)
        if skipped:
            st.caption(esc(f"You did not answer {skipped} statement{'s' if skipped > 1 else ''}."))
