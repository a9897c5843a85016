"""Present: the content as slides, keyboard-driven, with the live audience poll on its slide."""

import streamlit as st

from policy.live import PollError
from policy.slides import build_slides
from ui.blocks import esc
from ui.context import view
from ui.live import poll_slide
from ui.slides import draw_footer, draw_slide, slide_style
from ui.store import poll_store
from ui.urlstate import Flag, Number, Param, UrlState, show_notices, url_params

slide_style()

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


number = st.session_state.slide_no = min(max(1, int(st.session_state.slide_no)), len(slides))
slide = slides[number - 1]
if slide.kind == "poll":
    poll_slide(ds, slide)
else:
    draw_slide(slide)
draw_footer(slide)

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
