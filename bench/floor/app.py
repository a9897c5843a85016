"""The floor app: the real router's st.navigation, url paths, titles, icons and page config, with one-line pages.

The benchmark loads each real page beside its twin here, so what Streamlit and the browser cost by themselves
(the websocket, the frontend bundle, the navigation) cancels out of the ratio. Like app.py it reads the pages
from ui.registry and builds the per-run view context first (the content load is cached, as in the real app).
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ui import registry  # noqa: E402
from ui.context import begin_run  # noqa: E402

begin_run()
st.set_page_config(page_title="Floor", page_icon=str(ROOT / ".streamlit" / "favicon.png"), layout="wide")

# A flat list, as in app.py.
pages = [
    st.Page(
        partial(st.title, spec.title),
        title=spec.title,
        icon=spec.icon,
        url_path=spec.url_path,
        default=spec.url_path == registry.DEFAULT,
    )
    for spec in registry.PAGES
]
st.navigation(pages, expanded=True).run()
