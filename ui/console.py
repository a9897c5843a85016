"""The presenter's own window (``/present?view=presenter&room=CODE&key=…``), its layout: at 1280x720, with
nothing below the fold that matters, the slide panel on the left (``ui.console_slide``) and on the right the
controls (``ui.console_controls``, which ask first through ``ui.console_confirm``), the results export
(``ui.console_downloads``) and the links.

Both panels redraw every second from the room in the database, so the window stays in step with the
projector whichever of them moved the slide, and a vote shows in the count within the second. Every control
goes through ``ui.presenter.act``: the key is checked by ``policy.live`` and a refusal or a failing database
is reported, not swallowed.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from policy import Dataset
from policy.i18n import _
from policy.live import Room
from policy.share import base_url
from policy.slides import Slide
from ui import registry
from ui.blocks import esc
from ui.console_controls import round_controls, session_controls
from ui.console_downloads import downloads, export_buttons
from ui.console_slide import slide_panel
from ui.language import PARAM as LANG_PARAM
from ui.language import url_value
from ui.live import read_room, resume_language
from ui.presenter import NOTICE, links
from ui.projector_poll import REFRESH


def console_style() -> None:
    """The presenter window's static style: no sidebar or page header, compact, small slide previews."""
    st.html(
        """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
    [data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
    [data-testid="stMainBlockContainer"] { padding: 0.8rem 1.5rem 1rem 1.5rem !important; max-width: 100% !important; }
    [data-testid="stMain"] [data-stale="true"] { opacity: 1 !important; transition: none !important; }
    .st-key-con-head h1 { padding: 0 !important; font-size: 1.35rem !important; line-height: 1.3; }
    .st-key-con-timer p { font-size: 1.6rem !important; font-weight: 700; text-align: right; margin: 0; font-variant-numeric: tabular-nums;
        white-space: nowrap; }
    .st-key-con-timer { align-items: flex-end; }
    .st-key-preview-now, .st-key-preview-next { background: #f7f7f9; }
    .st-key-preview-now p, .st-key-preview-now li, .st-key-preview-next p, .st-key-preview-next li {
        font-size: 0.78rem !important; line-height: 1.25; margin-bottom: 0.1rem; }
    .st-key-preview-now strong, .st-key-preview-next strong { font-size: 0.9rem; }
    .st-key-con-goto button { min-height: 0; padding: 0.3rem 0.2rem; justify-content: flex-start; }
    .st-key-con-notes p, .st-key-con-notes li { font-size: 1rem; line-height: 1.4; }
    .st-key-con-controls .stButton button p, .st-key-con-controls .stDownloadButton button p { white-space: nowrap; }
    </style>"""
    )


def console(ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> None:
    """The presenter's window: slide, previews, notes and timer on the left, the controls on the right. The
    two panels redraw every second; the downloads and links sit outside them, so a click on a download
    never meets a panel being redrawn."""
    room = read_room(code)
    if room is None:
        return
    if room.ended:
        ended(room, key)
        return
    left, right = st.columns([11, 9], gap="medium")
    with left:
        slide_panel(slides, code, key)
    with right, st.container(key="con-controls"):
        control_panel(ds, slides, code, key)
        downloads(code, key)
        export_buttons(code, key)
        with st.expander(_("Projector window and join link")):
            links(code)
        # The rest of the app in a new tab (in this window's language): this window stays on the session.
        home = f"{base_url(st.context.url or '')}/" + (
            f"?{LANG_PARAM}={lang}" if (lang := url_value()) else ""
        )
        st.link_button(_("The dashboard, in a new tab"), home, icon=":material/open_in_new:")


@st.fragment(run_every=REFRESH)  # the vote count: as often as the projector's
def control_panel(ds: Dataset, slides: Sequence[Slide], code: str, key: str) -> None:
    """The round's controls, the black screen and End session; a refused control is reported here."""
    resume_language()
    room = read_room(code)
    if room is None:
        return
    if room.ended:
        st.rerun(scope="app")  # the page shows the ended session
    if notice := st.session_state.pop(NOTICE, None):
        st.error(esc(notice), icon=":material/error:")
    slide = slides[min(max(1, room.slide), len(slides)) - 1]
    round_controls(ds, slides, room, key, slide)
    session_controls(room, key)


def ended(room: Room, key: str) -> None:
    """The presenter's window once the session has ended: what happened, and the results to download."""
    st.subheader(_("Session {code} has ended").format(code=room.code), anchor=False)
    st.markdown(
        _(
            "Every poll is closed, the projector shows that the session has ended, and phones say so. "
            "Download the results below."
        )
    )
    downloads(room.code, key)
    export_buttons(room.code, key)
    st.page_link(
        registry.script("present"),
        label=_("Start a new session"),
        icon=":material/podcasts:",
        query_params={"view": "presenter", **({LANG_PARAM: lang} if (lang := url_value()) else {})},
    )
