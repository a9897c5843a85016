"""Position's Who argues: one side's stances, the argument a link names framed."""

from collections.abc import Callable, Sequence

import streamlit as st

from policy import Dataset
from policy.i18n import _, ngettext
from policy.models import Stance
from policy.queries import actor_role
from ui.blocks import RULE, Marks, esc, quote_md
from ui.links import person_md
from ui.prose import prose
from ui.quotes import cite_button

LINKED_KEY = "position-linked-stance"  # the frame of the argument a link names (?actor=)


def stances(
    ds: Dataset,
    marks: Marks,
    side: Sequence[Stance],
    key: str,
    linked: str | None,
    unmark: Callable[[], None],
) -> None:
    """Who argues, each name linking to the person, with their argument; their own words under it on request
    (one element for the side, see ui.blocks on why). The argument of ``linked`` (an actor id), if on this side,
    is in a frame of its own with an Unmark button."""
    if not side:
        st.caption(_("The sources name nobody here."))
        return
    quote_ids = list(dict.fromkeys(q for s in side for q in s.quotes))
    n = len(quote_ids)
    words = bool(quote_ids) and st.toggle(
        ngettext("Show their words ({n} quote)", "Show their words ({n} quotes)", n).format(n=n),
        key=f"position_{key}_words",
    )
    parts = []
    for stance in side:
        actor = ds.actor(stance.actor)
        role = f" — {actor_role(actor)}" if actor.role else ""
        part = f"**{person_md(ds, actor.id)}**{esc(role)}\n\n{marks.md(stance.argument)}"
        if words:
            part += "".join(f"\n\n{quote_md(ds, ds.quote(q))}" for q in stance.quotes)
        parts.append(part)
    at = next((i for i, s in enumerate(side) if s.actor == linked), None)
    with st.container(border=True):
        if at is None:
            prose(RULE.join(parts))
        else:  # the argument a link names (from search) in a frame of its own, between the others
            if at:
                prose(RULE.join(parts[:at]))
            with st.container(border=True, key=LINKED_KEY):
                st.caption(_("The argument the link names"))
                prose(parts[at])
                st.button(
                    _("Unmark"),
                    key="position_unmark",
                    on_click=unmark,
                    icon=":material/close:",
                    type="tertiary",
                )
            if at + 1 < len(side):
                prose(RULE.join(parts[at + 1 :]))
        if words:
            cite_button(ds, [ds.quote(q) for q in quote_ids], key=f"position-{key}")
