"""People: who's who — role, country, which positions they back or criticise, and what they said."""

import streamlit as st

from policy.citations import human_date
from policy.queries import actor_role, actors_by_name, people_rows
from ui.blocks import Marks, esc, option, position_badge, quote_md
from ui.context import view
from ui.quotes import cite_button
from ui.urlstate import Choice, Param, UrlState

ctx = view()
ds = ctx.dataset
marks = Marks(ds)
actor_ids = ctx.cached(actors_by_name)
state = UrlState(Param("actor", "people_actor", Choice(actor_ids))).start()

st.title("People and institutions")
kinds = sorted({a.kind for a in ds.actors})
c1, c2 = st.columns([2, 1])
actor_id = c1.selectbox(
    "Person or institution",
    actor_ids,
    index=None,
    placeholder="Choose someone to see their positions and words",
    format_func=lambda a: option(ds.actor(a).name),
    key="people_actor",
)
state.sync()

if actor_id is None:
    kind = c2.selectbox("Kind", ["all", *kinds], key="people_kind", format_func=str.capitalize)
    st.caption("Everyone the sources name, with the positions they back (✚) or criticise (✖).")
    # The table walks every actor, stance and quote: built once per content version and kind.
    st.dataframe(ctx.cached(people_rows, kind), hide_index=True, width="stretch")
    st.stop()

actor = ds.actor(actor_id)
st.header(esc(actor.name))
facts = [
    ("Role", actor_role(actor)),
    ("Affiliation", actor.affiliation),
    ("Country", actor.country),
    ("Kind", actor.kind),
]
st.markdown("  \n".join(f"**{k}:** {esc(v)}" for k, v in facts if v))

stances = ds.stances_of(actor.id)
if stances:
    st.subheader("Positions")
    for position, side, stance in stances:
        with st.container(border=True):
            position_badge(ds, position.id)
            verb = "Backs" if side == "proponent" else "Criticises"
            st.markdown(f"**{verb}: {esc(position.title)}** — {marks.md(stance.argument)}")
else:
    st.caption("The content records no stance of theirs on the options.")

evidence, events = ds.involving(actor.id)
if evidence or events:
    st.subheader("Where they appear")
    lines = [
        f"- **{esc(human_date(e.date))}** — {esc(e.title)}" for e in sorted(events, key=lambda e: e.date)
    ]
    st.markdown("\n".join([*lines, *(f"- {esc(item.claim)}" for item in evidence)]))

quotes = ds.quotes_by(actor.id)
st.subheader(f"What they said ({len(quotes)})")
if not quotes:
    st.caption("No words of theirs are quoted in the sources.")
else:
    st.markdown("\n\n".join(quote_md(ds, q) for q in quotes))
    cite_button(ds, quotes, key=f"pq-{actor.id}")
