"""The router: build this run's view context, then hand over to the page the URL names."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from policy import ContentError
from policy.queries import coverage_note
from policy.text import plain
from ui import registry
from ui.blocks import esc
from ui.context import begin_run

# A local file: an icon name would make browsers fetch it from a font CDN.
FAVICON = str(Path(__file__).parent / ".streamlit" / "favicon.png")

try:
    ctx = begin_run()
except ContentError as err:
    st.set_page_config(page_title="Content problem", page_icon=FAVICON, layout="wide")
    st.title("The content could not be loaded")
    st.error(
        f"{len(err.problems)} problem(s) were found in the content files. Nothing is shown until they are "
        "fixed; run `python -m policy validate` to check a correction.",
        icon=":material/error:",
    )
    for problem in err.problems:
        st.code(str(problem), language=None, wrap_lines=True)
    st.stop()

st.set_page_config(page_title=plain(ctx.dataset.debate.title), page_icon=FAVICON, layout="wide")
# A flat list: Streamlit's sectioned sidebar puts list items outside any list, which screen readers trip on.
pages = [
    st.Page(
        spec.script,
        title=spec.title,
        icon=spec.icon,
        url_path=spec.url_path,
        default=spec.url_path == registry.DEFAULT,
    )
    for spec in registry.PAGES
]
page = st.navigation(pages)
if page.url_path != "present":  # the slides carry it themselves, on the title and sources slides
    # Every page says what the content covers, so nothing from 2023 reads as current.
    st.caption(esc(coverage_note(ctx.dataset)))
page.run()
