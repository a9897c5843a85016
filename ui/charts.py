"""Charts through Streamlit's public API: a content chart is validated once, then drawn from a fresh copy."""

from __future__ import annotations

from collections.abc import Callable, Hashable

import altair as alt
import streamlit as st

from ui.context import ViewContext


def content_chart(ctx: ViewContext, build: Callable[..., alt.TopLevelMixin], *args: Hashable) -> None:
    """The chart build(dataset, *args), its spec cached per content version, language and arguments."""
    # Building and validating an Altair chart costs tens of milliseconds; the cached spec is parsed afresh
    # for each draw, because Streamlit writes into the spec it is given.
    st.vega_lite_chart(spec=ctx.chart_spec(build, *args), width="stretch")
