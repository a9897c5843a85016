"""The presenter's poll slide: open a poll, show the join code and QR code, and the results as they arrive."""

from __future__ import annotations

import streamlit as st

from policy import Dataset
from policy.charts import movement_chart, poll_chart, poll_summary
from policy.live import PollError
from policy.share import join_link, qr_png
from policy.slides import Slide
from policy.style import position_label
from ui.blocks import esc
from ui.store import poll_store


def poll_slide(ds: Dataset, slide: Slide) -> None:
    """The poll slide: a button to open the poll, then its join code, QR code and live results."""
    st.title(esc(slide.title))
    code = st.session_state.poll_code
    if code is None:
        st.markdown(esc("Ask the room which option should lead. Each phone gets one vote and may change it."))
        if st.button("Open the poll", type="primary", key="poll_open", icon=":material/how_to_vote:"):
            labels = {p: position_label(ds, p) for p in ds.position_ids}
            st.session_state.poll_code = poll_store().open_poll(
                ds.debate.poll_question, ds.position_ids, labels
            )
            st.rerun()
        return
    link = join_link(st.context.url or "", code)
    join, results = st.columns([1, 2], gap="large")
    with join:
        st.metric("Join code", code)
        st.image(qr_png(link), width=200, caption="Scan to vote")
        # The app's own join link, made by code from the presenter's address and a checked code: a link.
        own = link.startswith(("http://", "https://")) and not any(c.isspace() or c in "<>" for c in link)
        st.caption(f"[{esc(link)}](<{link}>)" if own else esc(link))
    with results:
        live_results(code)


def reset(code: str) -> None:
    """Delete every vote in the poll."""
    poll_store().reset(code)


@st.fragment(run_every="2s")
def live_results(code: str) -> None:
    """The count, the chart once revealed, and the presenter's controls; redrawn every two seconds."""
    store = poll_store()
    try:
        poll = store.get(code)
        tally = store.results(code)
    except PollError as err:
        st.warning(esc(str(err)))
        return
    total = sum(tally.values())
    st.markdown(f"**{total}** vote{'s' if total != 1 else ''} · poll {'open' if poll.is_open else 'closed'}")
    labels = dict(poll.labels)
    if poll.revealed:
        chart = movement_chart(store.movement(code), labels) if poll.before else poll_chart(tally, labels)
        st.altair_chart(chart, width="stretch")
        st.caption(esc(poll_summary(tally, labels)))
    else:
        st.caption("Results are hidden until you reveal them.")
    b = st.columns(4)
    b[0].button(
        "Hide" if poll.revealed else "Reveal",
        key="poll_reveal",
        type="primary",
        on_click=store.reveal,
        args=(code, not poll.revealed),
    )
    b[1].button(
        "Close" if poll.is_open else "Reopen",
        key="poll_close",
        on_click=store.close if poll.is_open else store.reopen,
        args=(code,),
    )
    b[2].button(
        "Reset", key="poll_reset", help="Delete every vote in this poll", on_click=reset, args=(code,)
    )
    if b[3].button("Ask again", key="poll_again", help="Open an 'after' round to show how the room moved"):
        st.session_state.poll_code = store.open_poll(poll.question, poll.option_ids, labels, before=poll.code)
        st.rerun()
