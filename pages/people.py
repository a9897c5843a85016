"""People: who's who — role, country, which positions they back or criticise, and what they said."""

import streamlit as st

from pages.common import (
    cite_button,
    dataset,
    derived,
    esc,
    position_badge,
    quote_md,
    seed,
    set_url,
    show_notices,
    url_params,
)
from policy.citations import human_date
from policy.params import Parsed, one_of
from policy.queries import people_rows

ds = dataset()
parsed = Parsed()
actor_ids = derived(
    "people-ids", lambda: sorted((a.id for a in ds.actors), key=lambda a: ds.actor(a).name.casefold())
)
chosen = one_of(url_params(), "actor", actor_ids, parsed)
show_notices(parsed)

st.title("People and institutions")
kinds = sorted({a.kind for a in ds.actors})
c1, c2 = st.columns([2, 1])
seed("people_actor", chosen)
actor_id = c1.selectbox(
    "Person or institution",
    actor_ids,
    index=None,
    placeholder="Choose someone to see their positions and words",
    format_func=lambda a: ds.actor(a).name,
    key="people_actor",
)
set_url({"actor": actor_id})

if actor_id is None:
    kind = c2.selectbox("Kind", ["all", *kinds], key="people_kind", format_func=str.capitalize)
    st.caption("Everyone the sources name, with the positions they back (✚) or criticise (✖).")
    # The table walks every actor, stance and quote: built once per content version and kind.
    st.dataframe(
        derived(f"people-rows:{kind}", lambda: people_rows(ds, kind)), hide_index=True, width="stretch"
    )
    st.stop()

actor = ds.actor(actor_id)
st.header(actor.name)
facts = [
    ("Role", actor.role),
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
            st.markdown(f"**{verb}: {esc(position.title)}** — {esc(stance.argument)}")
else:
    st.caption("The content records no stance of theirs on the options.")

evidence, events = ds.involving(actor.id)
if evidence or events:
    st.subheader("Where they appear")
    for event in sorted(events, key=lambda e: e.date):
        st.markdown(f"- **{esc(human_date(event.date))}** — {esc(event.title)}")
    for item in evidence:
        st.markdown(f"- {esc(item.claim)}")

quotes = ds.quotes_by(actor.id)
st.subheader(f"What they said ({len(quotes)})")
if not quotes:
    st.caption("No words of theirs are quoted in the sources.")
if quotes:
    st.markdown("\n\n".join(quote_md(ds, q) for q in quotes))
    cite_button(ds, quotes, key=f"pq-{actor.id}")
