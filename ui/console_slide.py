"""The presenter window's slide panel: the slide on screen with its number and the timer (T or a click pauses
it), Previous/Next and a menu of every slide (with the keys), small previews of this slide and the next, and the speaker notes. It redraws every second from the room, so
it follows the projector window whichever of them moved the slide.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import streamlit as st

from policy.i18n import _
from policy.slides import Slide
from ui.blocks import esc
from ui.live import read_room, resume_language
from ui.presenter import act, clock, pause_timer, restart_timer, timer_seconds
from ui.store import room_store


def preview_md(slide: Slide, number: int, code: str) -> str:
    """A slide as a small preview: its title and what it shows (live slides say what they hold)."""
    lines = [f"**{number}. {esc(slide.title)}**"]
    if slide.kind == "poll":
        lines.append(
            esc(_("Live poll · join code {code} · QR code · the options, then the results").format(code=code))
        )
    elif slide.kind == "statements":
        lines.append(
            esc(
                _("Statement round · join code {code} · what the room agrees on and what divides it").format(
                    code=code
                )
            )
        )
    else:
        if slide.subtitle:
            lines.append(esc(slide.subtitle))
        groups = list(slide.columns) or [(slide.left_heading, slide.left), (slide.right_heading, slide.right)]
        for heading, items in groups:
            if heading and items:
                lines.append(f"*{esc(heading)}*")
            lines += [f"- {esc(p.who + ': ' if p.who and not p.opening else '')}{esc(p.text)}" for p in items]
        if slide.figure:
            lines.append(esc(_("Key figure: {figure}").format(figure=slide.figure)))
    return "\n\n".join(lines)  # paragraphs: the title never runs into what the slide shows


def go_to_menu(slides: Sequence[Slide], number: int, code: str, key: str, since: datetime) -> None:
    """Every slide by number and title (a click shows it on the projector), the timer's restart, and the keys."""
    st.caption(
        _(
            "Keys. Here: ← → move the slides, T pauses the timer. In the projector window: ← → or Page Up/Page "
            "Down move the slides, B or . blacks the screen out and brings it back (so does any slide key, staying "
            "on the slide)."
        )
    )
    with st.container(key="con-goto", gap=None):
        for n, s in enumerate(slides, start=1):
            st.button(
                esc(
                    _("{number}. {title} · on the screen now").format(number=n, title=s.title)
                    if n == number
                    else f"{n}. {s.title}"
                ),
                key=f"con_go_{n}",
                type="tertiary",
                disabled=n == number,
                on_click=act,
                args=(room_store().go_to, code, key, n),
            )
    st.button(
        _("Restart the timer at 0:00"),
        key="con_timer_restart",
        icon=":material/restart_alt:",
        on_click=restart_timer,
        args=(code, since),
    )


@st.fragment(run_every="1s")
def slide_panel(slides: Sequence[Slide], code: str, key: str) -> None:
    """The slide on screen and the timer, Previous/Next, small previews of this slide and the next, notes."""
    resume_language()
    rooms = room_store()
    room = read_room(code)
    if room is None:
        return
    if room.ended:
        st.rerun(scope="app")  # the page shows the ended session
    number = min(max(1, room.slide), len(slides))
    slide = slides[number - 1]
    head, timer = st.columns([4, 2], vertical_alignment="center")
    with head.container(key="con-head"):
        heading = _("Slide {number} of {total} · {title}").format(
            number=number, total=len(slides), title=slide.title
        )
        st.title(esc(heading), anchor=False)
    seconds, paused = timer_seconds(code, room.created_at)
    with timer.container(key="con-timer"):
        st.button(
            _("{time} · paused").format(time=clock(seconds)) if paused else clock(seconds),
            key="con_timer",
            type="tertiary",
            icon=":material/play_arrow:" if paused else ":material/pause:",
            shortcut="T",
            on_click=pause_timer,
            args=(code, room.created_at),
            help=_("Pause the timer, or run it on (T)"),
        )
    back, jump, forward = st.columns([2, 3, 2])
    back.button(
        _("Previous"),
        key="con_prev",
        shortcut="Left",
        icon=":material/arrow_back:",
        on_click=act,
        args=(rooms.go_to, code, key, max(1, number - 1)),
        width="stretch",
        disabled=number == 1,
    )
    # Keyed by the slide on screen: once a slide is chosen (or the slide moves) it is a new menu, drawn closed.
    with jump.popover(_("Go to a slide"), icon=":material/list:", width="stretch", key=f"con_goto_{number}"):
        go_to_menu(slides, number, code, key, room.created_at)
    forward.button(
        _("Next"),
        key="con_next",
        shortcut="Right",
        icon=":material/arrow_forward:",
        type="primary" if room.kind is None or slide.kind not in ("poll", "statements") else "secondary",
        on_click=act,
        args=(rooms.go_to, code, key, min(len(slides), number + 1)),
        width="stretch",
        disabled=number == len(slides),
    )
    now, nxt = st.columns(2)
    with now:
        st.caption(
            _("On the screen now · blacked out (B brings it back)") if room.blank else _("On the screen now")
        )
        with st.container(key="preview-now", border=True, height=150):
            st.markdown(preview_md(slide, number, code))
    with nxt:
        st.caption(_("Next"))
        with st.container(key="preview-next", border=True, height=150):
            if number < len(slides):
                st.markdown(preview_md(slides[number], number + 1, code))
            else:
                st.markdown("_{}_".format(_("This is the last slide.")))
    # Tall enough for most slides' notes whole; longer notes scroll inside their frame.
    with st.container(key="con-notes", height=330, border=True):
        st.markdown("**{}**".format(_("Speaker notes")))
        st.markdown(
            "\n\n".join(esc(n) for n in slide.notes)
            if slide.notes
            else "_{}_".format(_("No notes for this slide."))
        )
