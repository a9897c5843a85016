"""Present: the slides for the room (the projector window) and, with ?view=presenter, the presenter's window.

The projector shows the slide only: no button, no slide count. Keys move it (→ / PageDown, ← / PageUp) and
B blanks it, when this browser holds the presenter key (or no live session is running). With ?room=CODE it
follows the live session from the database — the slide, a blank screen, the end of the session — so the
presenter's window and the projector stay in step. The poll slide and the statement-round slide are drawn
live (``ui.projector_poll``, ``ui.statement_screen``).
"""

import streamlit as st

from policy.i18n import _
from policy.live import LiveUnavailable, PollError, Room
from policy.slides import Slide, build_slides
from ui import registry
from ui.console import console, console_style
from ui.context import view
from ui.live import speak, unavailable
from ui.presenter import NOTICE, act, presenter_key, start_session
from ui.projector_poll import poll_slide
from ui.slides import draw_footer, draw_slide, present_style, slide_style
from ui.statement_screen import statement_screen
from ui.store import room_store
from ui.urlstate import Number, Param, UrlState, set_url, show_notices, url_params

ctx = view()
speak(ctx.language)  # and the windows' parts that redraw on their own (ui.live)
ds = ctx.dataset
slides = ctx.cached(build_slides)  # built once per content version, not on every keypress
state = UrlState(Param("slide", "slide_no", Number(1, len(slides)), 1, keep_default=True)).start(
    notices=False
)
params = url_params()
presenter_view = params.get("view") == "presenter"
room: Room | None = None
key = None
down = False
if code := params.get("room", "").strip():
    try:
        room = room_store().get(code)
    except LiveUnavailable:
        down = True
    except PollError as err:
        state.parsed.note(_("{error} The slides work without it.").format(error=err))
if room is not None:
    key = presenter_key(room.code, params.get("key") or None)

if presenter_view:
    console_style()
    show_notices(state.parsed)
    if down:
        unavailable()
    if room is not None and key is not None:
        console(ds, slides, room.code, key)
        set_url({"view": "presenter", "room": room.code, "key": key})
    elif room is not None or down:
        st.title(_("Presenter view"))
        st.warning(_("Only the presenter's own link opens this view (it holds the presenter key)."))
    else:
        st.title(_("Presenter view"))
        if started := start_session(int(st.session_state.slide_no)):
            set_url({"view": "presenter", "room": started, "key": st.session_state.presenter_keys[started]})
            st.rerun()
    st.stop()

slide_style()
show_notices(state.parsed)
if down:
    unavailable()


def move(step: int) -> None:
    """A slide key. On a black screen it brings the slide back and stays on it (as presentation programs do), so
    the room never comes back a slide further on than the presenter meant."""
    number = min(max(1, st.session_state.slide_no + step), len(slides))
    if room is not None and key is not None:
        try:
            blank = room_store().get(room.code).blank
        except PollError:
            blank = False  # the move below reports what is wrong
        if blank:
            act(room_store().blank, room.code, key, False)
        else:
            act(room_store().go_to, room.code, key, number)
    elif st.session_state.get("blank", False):
        st.session_state.blank = False
    else:
        st.session_state.slide_no = number


def toggle_blank() -> None:
    """B: a black screen, and back (kept in the room, so every projector window follows)."""
    if room is not None and key is not None:
        act(room_store().blank, room.code, key, not room_store().get(room.code).blank)
    else:
        st.session_state.blank = not st.session_state.get("blank", False)


@st.fragment(run_every="1s")
def follow(code: str, shown: tuple[int, bool, bool]) -> None:
    """Redraw the page when the live session's slide, blank screen or end changes (another window moved it)."""
    try:
        now = room_store().get(code)
    except PollError:
        return  # the slide stays; the next draw says what is wrong
    if (now.slide, now.blank, now.ended) != shown:
        st.rerun(scope="app")


def keys() -> None:
    """The keys' buttons: drawn (their shortcuts need them) but never seen."""
    with st.container(key="slide_keys"):
        for name, shortcut, step in (
            ("prev", "Left", -1),
            ("next", "Right", 1),
            ("pgup", "PageUp", -1),
            ("pgdn", "PageDown", 1),
        ):
            st.button(name, key=name, shortcut=shortcut, on_click=move, args=(step,))
        st.button("blank", key="blank_key", shortcut="b", on_click=toggle_blank)
        # "." blanks too (many presentation clickers send it); a shortcut cannot be ".", so a same-origin
        # frame turns the key into "b" once per window.
        st.iframe(_DOT_TO_B, height=1)


_DOT_TO_B = """<script>
// The listener is added by a script element of the app's own page, not by this frame: React may remount the
// frame when the page below it changes (a blank screen and back), and Chromium drops a listener added from a
// frame that is gone.
const d = window.parent.document;
if (!d.policyDotKey) {
  d.policyDotKey = true;
  const s = d.createElement("script");
  s.textContent = `document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (e.key !== "." || e.ctrlKey || e.metaKey || e.altKey || (t && /^(INPUT|TEXTAREA)$/.test(t.tagName))) return;
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "b", code: "KeyB", bubbles: true }));
  });`;
  d.head.appendChild(s);
}
</script>"""


def intro() -> None:
    """For a reader who opened the slides without a session: what this is and the way back (a small box
    fixed at the top right of the first slide, whose title is short, so the slide keeps its 1280x720)."""
    with st.container(key="present-intro", horizontal=True, vertical_alignment="center", width="content"):
        st.markdown(_("Slides for a room"), width="content")
        st.page_link(
            registry.script(registry.DEFAULT), label=_("Back to the Overview"), icon=":material/home:"
        )


def draw(slide: Slide) -> None:
    if slide.kind == "statements" and room is not None and room.kind == "statements" and room.round:
        statement_screen(ds, room)
    elif slide.kind in ("poll", "statements"):
        poll_slide(ds, slide, room)
    else:
        draw_slide(slide)


present_style()
if notice := st.session_state.pop(NOTICE, None):
    st.error(notice, icon=":material/error:")
if room is not None:
    st.session_state.slide_no = min(max(1, room.slide), len(slides))
number = st.session_state.slide_no = min(max(1, int(st.session_state.slide_no)), len(slides))
slide = slides[number - 1]
if room is not None and room.ended:
    with st.container(key="screen-ended"):
        st.title(_("This session has ended"))
        st.markdown(_("Thank you for taking part."))
elif room.blank if room is not None else st.session_state.get("blank", False):
    with st.container(key="screen-black"):
        st.markdown(" ")
else:
    if room is None and number == 1:
        intro()
    draw(slide)
    draw_footer(slide)
if (room is None or key is not None) and not (room is not None and room.ended):
    keys()
if room is not None:
    follow(room.code, (room.slide, room.blank, room.ended))
    set_url({"slide": str(number), "room": room.code})  # never the key: the projector is seen by the room
else:
    state.sync()
