"""Vote: the audience's page, built for a phone — join with a code, vote once, change your mind."""

import uuid

import streamlit as st

from policy.charts import poll_chart, poll_summary
from policy.live import Poll, PollError
from ui.blocks import esc
from ui.store import poll_store
from ui.urlstate import set_url, url_params

store = poll_store()
if "voter_id" not in st.session_state:
    st.session_state.voter_id = uuid.uuid4().hex
voter = st.session_state.voter_id

st.title("Vote")


def find(code: str) -> Poll | None:
    try:
        return store.get(code)
    except PollError as err:
        st.error(esc(str(err)), icon=":material/error:")
        return None


linked = url_params().get("join", "").strip()
poll = find(linked) if linked else None
if poll is None:
    typed = st.text_input("Join code", max_chars=12, key="join_code", placeholder="e.g. K7M2QX").strip()
    poll = find(typed) if typed else None
    if poll is None:
        st.caption("Type the code the presenter shows, or scan their QR code.")
        st.stop()
set_url({"join": poll.code})

st.header(esc(poll.question))
mine = store.voter_choice(poll.code, voter)
if not poll.is_open:
    st.warning("This poll is closed: votes are no longer taken.", icon=":material/lock:")
for option in poll.option_ids:
    label = poll.labels.get(option, option)
    chosen = option == mine
    clicked = st.button(
        esc(label) + ("  ✓" if chosen else ""),
        key=f"vote-{option}",
        type="primary" if chosen else "secondary",
        width="stretch",
        disabled=not poll.is_open,
    )
    if clicked:
        try:
            store.vote(poll.code, voter, option)
        except PollError as err:
            st.error(esc(str(err)), icon=":material/error:")
        else:
            st.rerun()
if mine:
    st.success(esc(f"Your vote: {poll.labels.get(mine, mine)}. Tap another option to change it."))
if poll.revealed:
    st.subheader("Results")
    tally = store.results(poll.code)
    st.altair_chart(poll_chart(tally, dict(poll.labels)), width="stretch")
    st.caption(esc(poll_summary(tally, dict(poll.labels))))
