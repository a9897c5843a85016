"""The floor app: the real app's st.navigation, url paths, titles, icons and page config, with one-line pages.

The benchmark loads each real page beside its twin here, so what Streamlit and the browser cost by themselves
(the websocket, the frontend bundle, the navigation) cancels out of the ratio. It lives in its own folder
because a pages/ folder beside an entry point would switch Streamlit to its legacy multipage mode.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pages.registry import PAGES  # noqa: E402

st.set_page_config(page_title="Floor", page_icon=str(ROOT / ".streamlit" / "favicon.png"), layout="wide")

pages: list[st.Page] = []  # a flat list, as in app.py
for spec in PAGES:
    page = st.Page(
        partial(st.title, spec.title),
        title=spec.title,
        icon=spec.icon,
        url_path=spec.url_path,
        default=spec.url_path == "overview",
    )
    pages.append(page)

st.navigation(pages).run()
