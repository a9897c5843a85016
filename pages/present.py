"""Present: the content as slides, keyboard-driven, with the live audience poll on its slide."""

import streamlit as st

from pages.common import dataset, esc, poll_store, set_url, show_notices, url_params
from policy.charts import movement_chart, poll_chart, poll_summary
from policy.params import Parsed, integer
from policy.poll import PollError
from policy.share import join_link, qr_png
from policy.slides import Slide, build_slides
from policy.style import position_label

# Static styling only: large type, no sidebar or toolbar, everything inside 1280x720.
st.html(
    """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
    [data-testid="stToolbar"] { display: none !important; }
    [data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 0.5rem 2.5rem !important; max-width: 100% !important; }
    [data-testid="stMain"] h1 { font-size: 2.4rem !important; line-height: 1.15; padding: 0 0 0.2rem 0; }
    [data-testid="stMain"] h2 { font-size: 1.6rem !important; padding: 0.1rem 0; }
    [data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 1.3rem !important; line-height: 1.3; }
    [data-testid="stMain"] li { margin-bottom: 0.15rem; }
    [data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.1rem !important; }
    [data-testid="stMetricValue"] { font-size: 3rem !important; }
    </style>"""
)

ds = dataset()
store = poll_store()
slides = build_slides(ds)
params = url_params()
parsed = Parsed()
start = integer(params, "slide", 1, len(slides), parsed)
if "slide_no" not in st.session_state:
    st.session_state.slide_no = start or 1
if "poll_code" not in st.session_state:
    code = params.get("poll", "").strip()
    st.session_state.poll_code = None
    if code:
        try:
            st.session_state.poll_code = store.get(code).code
        except PollError as err:
            parsed.note(f"{err} A new poll can be opened on the poll slide.")
show_notices(parsed)


def move(step: int) -> None:
    st.session_state.slide_no = min(max(1, st.session_state.slide_no + step), len(slides))


number = st.session_state.slide_no
slide = slides[number - 1]


def points(heading: str, items: tuple) -> None:  # type: ignore[type-arg]
    if heading:
        st.markdown(f"## {esc(heading)}")
    for point in items:
        who = f"**{esc(point.who)}**: " if point.who else ""
        st.markdown(f"- {who}{esc(point.text)}")


def poll_slide(s: Slide) -> None:
    st.title(s.title)
    code = st.session_state.poll_code
    if code is None:
        st.markdown(esc("Ask the room which option should lead. Each phone gets one vote and may change it."))
        if st.button("Open the poll", type="primary", key="poll_open", icon=":material/how_to_vote:"):
            labels = {p: position_label(ds, p) for p in ds.position_ids}
            st.session_state.poll_code = store.open_poll(ds.debate.poll_question, ds.position_ids, labels)
            st.rerun()
        return
    link = join_link(st.context.url or "", code)
    join, results = st.columns([1, 2], gap="large")
    with join:
        st.metric("Join code", code)
        st.image(qr_png(link), width=200, caption="Scan to vote")
        st.caption(esc(link))
    with results:
        live_results(code)


@st.fragment(run_every="2s")
def live_results(code: str) -> None:
    try:
        poll = store.get(code)
        tally = store.results(code)
    except PollError as err:
        st.warning(esc(str(err)))
        return
    total = sum(tally.values())
    state = "open" if poll.is_open else "closed"
    st.markdown(f"**{total}** vote{'s' if total != 1 else ''} · poll {state}")
    if poll.revealed:
        if poll.before:
            st.altair_chart(movement_chart(store.movement(code), dict(poll.labels)), width="stretch")
        else:
            st.altair_chart(poll_chart(tally, dict(poll.labels)), width="stretch")
        st.caption(esc(poll_summary(tally, dict(poll.labels))))
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
        "Reset", key="poll_reset", help="Delete every vote in this poll", on_click=store.reset, args=(code,)
    )
    if b[3].button("Ask again", key="poll_again", help="Open an 'after' round to show how the room moved"):
        st.session_state.poll_code = store.open_poll(
            poll.question, poll.option_ids, dict(poll.labels), before=poll.code
        )
        st.rerun()


if slide.kind == "poll":
    poll_slide(slide)
else:
    if slide.badge:
        st.caption(esc(slide.badge))
    st.title(slide.title)
    if slide.subtitle:
        st.markdown(f"**{esc(slide.subtitle)}**")
    if slide.right:
        left, right = st.columns(2, gap="large")
        with left:
            points(slide.left_heading, slide.left)
        with right:
            points(slide.right_heading, slide.right)
    else:
        points(slide.left_heading, slide.left)
    if slide.figure:
        st.markdown(f"**Key figure: {esc(slide.figure)}** — {esc(slide.figure_caption)}")

controls = st.columns([1.4, 1.4, 0.9, 0.9, 2.4, 1.6], vertical_alignment="center")
controls[0].button("Previous", key="prev", shortcut="Left", on_click=move, args=(-1,), width="stretch")
controls[1].button(
    "Next", key="next", shortcut="Right", on_click=move, args=(1,), width="stretch", type="primary"
)
controls[2].button(
    "⇞", key="pgup", shortcut="PageUp", on_click=move, args=(-1,), help="Previous slide (PageUp)"
)
controls[3].button(
    "⇟", key="pgdn", shortcut="PageDown", on_click=move, args=(1,), help="Next slide (PageDown)"
)
controls[4].caption(f"Slide {number} of {len(slides)}")
notes = controls[5].toggle("Speaker notes", key="notes", value=params.get("notes") == "1")
if notes and slide.notes:
    with st.expander("Speaker notes", expanded=True):
        for note in slide.notes:
            st.markdown(esc(note))

set_url({"slide": str(number), "poll": st.session_state.poll_code, "notes": "1" if notes else None})
