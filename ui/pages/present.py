"""Present: the content as slides, keyboard-driven, with the live audience poll on its slide."""

import streamlit as st

from policy.live import PollError
from policy.slides import Point, build_slides
from ui.blocks import esc
from ui.context import view
from ui.live import poll_slide
from ui.store import poll_store
from ui.urlstate import Flag, Number, Param, UrlState, show_notices, url_params

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

ctx = view()
ds = ctx.dataset
slides = ctx.cached(build_slides)  # built once per content version, not on every keypress
state = UrlState(
    Param("slide", "slide_no", Number(1, len(slides)), 1, keep_default=True),
    Param("notes", "notes", Flag(), False),
).start(notices=False)
if "poll_code" not in st.session_state:
    code = url_params().get("poll", "").strip()
    st.session_state.poll_code = None
    if code:
        try:
            st.session_state.poll_code = poll_store().get(code).code
        except PollError as err:
            state.parsed.note(f"{err} A new poll can be opened on the poll slide.")
show_notices(state.parsed)


def move(step: int) -> None:
    st.session_state.slide_no = min(max(1, st.session_state.slide_no + step), len(slides))


def points(heading: str, items: tuple[Point, ...]) -> None:
    lines = [f"## {esc(heading)}"] if heading else []
    lines += [f"- {f'**{esc(p.who)}**: ' if p.who else ''}{esc(p.text)}" for p in items]
    st.markdown("\n".join(lines))


number = st.session_state.slide_no = min(max(1, int(st.session_state.slide_no)), len(slides))
slide = slides[number - 1]
if slide.kind == "poll":
    poll_slide(ds, slide)
else:
    if slide.badge:
        st.caption(esc(slide.badge))
    st.title(esc(slide.title))
    if slide.subtitle:
        st.markdown(f"**{esc(slide.subtitle)}**")
    if slide.columns:
        for col, (heading, items) in zip(
            st.columns(len(slide.columns), gap="large"), slide.columns, strict=True
        ):
            with col:
                points(heading, items)
    elif slide.right:
        left, right = st.columns(2, gap="large")
        with left:
            points(slide.left_heading, slide.left)
        with right:
            points(slide.right_heading, slide.right)
    else:
        points(slide.left_heading, slide.left)
    if slide.figure:
        st.markdown(f"**Key figure: {esc(slide.figure)}** — {esc(slide.figure_caption)}")
if slide.footer:
    st.caption(esc(slide.footer))

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
notes = controls[5].toggle("Speaker notes", key="notes")
if notes and slide.notes:
    with st.expander("Speaker notes", expanded=True):
        st.markdown("\n\n".join(esc(note) for note in slide.notes))

state.sync(poll=st.session_state.poll_code)
