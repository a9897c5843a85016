"""Present: the slides for the room (the projector window) and, with ?view=presenter, the presenter's window.

The projector shows the slide only: no button, no slide count. Keys move it (→ / PageDown, ← / PageUp)
when this browser holds the presenter key (or no live session is running). With ?room=CODE it follows the
live session's slide from the database, so the presenter's window and the projector stay in step.
"""

import streamlit as st

from policy.live import LiveUnavailable, PollError
from policy.slides import build_slides
from ui.console import console
from ui.context import view
from ui.live import poll_slide, unavailable
from ui.presenter import NOTICE, act, presenter_key, start_session
from ui.slides import draw_footer, draw_slide, slide_style
from ui.store import room_store
from ui.urlstate import Number, Param, UrlState, set_url, show_notices, url_params

# The keys' buttons are drawn (their shortcuts need them) but never seen; no focus frame on the projector.

slide_style()
ctx = view()
ds = ctx.dataset
slides = ctx.cached(build_slides)  # built once per content version, not on every keypress
state = UrlState(Param("slide", "slide_no", Number(1, len(slides)), 1, keep_default=True)).start(
    notices=False
)
params = url_params()
presenter_view = params.get("view") == "presenter"
room = key = None
down = False
if code := params.get("room", "").strip():
    try:
        room = room_store().get(code)
    except LiveUnavailable:
        down = True
    except PollError as err:
        state.parsed.note(f"{err} The slides work without it.")
if room is not None:
    key = presenter_key(room.code, params.get("key") or None)
show_notices(state.parsed)
if down:
    unavailable()

if presenter_view:
    st.title("Presenter view")
    if room is not None and key is not None:
        console(ds, slides, room.code, key)
        set_url({"view": "presenter", "room": room.code, "key": key})
    elif room is not None or down:
        st.warning("Only the presenter's own link opens this view (it holds the presenter key).")
    elif started := start_session(int(st.session_state.slide_no)):
        set_url({"view": "presenter", "room": started, "key": st.session_state.presenter_keys[started]})
        st.rerun()
    st.stop()


def move(step: int) -> None:
    number = min(max(1, st.session_state.slide_no + step), len(slides))
    if room is not None and key is not None:
        act(room_store().go_to, room.code, key, number)
    else:
        st.session_state.slide_no = number


@st.fragment(run_every="1s")
def follow(code: str, shown: int) -> None:
    """Redraw the page when the live session's slide changes (the presenter's window moved it)."""
    try:
        now = room_store().get(code).slide
    except PollError:
        return  # the slide stays; the next draw says what is wrong
    if now != shown:
        st.rerun(scope="app")


st.html(
    """<style>
    .st-key-slide_keys { display: none !important; }
    [data-testid="stMain"] *:focus, [data-testid="stMain"] *:focus-visible { outline: none !important; box-shadow: none !important; }
    </style>"""
)
if notice := st.session_state.pop(NOTICE, None):
    st.error(notice, icon=":material/error:")
if room is not None:
    st.session_state.slide_no = min(max(1, room.slide), len(slides))
number = st.session_state.slide_no = min(max(1, int(st.session_state.slide_no)), len(slides))
slide = slides[number - 1]
if slide.kind == "poll":
    poll_slide(ds, slide, room)
else:
    draw_slide(slide)
draw_footer(slide)
if room is None or key is not None:
    with st.container(key="slide_keys"):
        for name, shortcut, step in (
            ("prev", "Left", -1),
            ("next", "Right", 1),
            ("pgup", "PageUp", -1),
            ("pgdn", "PageDown", 1),
        ):
            st.button(name, key=name, shortcut=shortcut, on_click=move, args=(step,))
if room is not None:
    follow(room.code, room.slide)
    set_url({"slide": str(number), "room": room.code})  # never the key: the projector is seen by the room
else:
    state.sync()
