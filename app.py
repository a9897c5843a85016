"""The router: load the content once, then hand over to the page the URL names."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pages.common import dataset
from pages.registry import PAGES
from policy import ContentError

# A local file: an icon name would make browsers fetch it from a font CDN.
FAVICON = str(Path(__file__).parent / ".streamlit" / "favicon.png")

try:
    ds = dataset()
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

st.set_page_config(page_title=ds.debate.title, page_icon=FAVICON, layout="wide")

# A flat list: Streamlit's sectioned sidebar puts list items outside any list, which screen readers trip on.
pages: list[st.Page] = []
for spec in PAGES:
    page = st.Page(
        spec.file,
        title=spec.title,
        icon=spec.icon,
        url_path=spec.url_path,
        default=spec.url_path == "overview",
    )
    pages.append(page)

st.navigation(pages).run()
