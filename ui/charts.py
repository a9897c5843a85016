"""Charts through Streamlit's public API: a Vega-Lite chart is validated once, then drawn from a fresh copy; a chart
drawn as HTML (policy.drawings) is made once and drawn with its style, in the reader's light or dark theme."""

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


# The drawings' shapes (policy.drawings): the label column as wide as the longest label up to 16rem, the lanes and
# bars the rest; on a phone each label above its lane or bar. A mark's place and a lane's height are inline.
_SHAPE = """<style>
.drawing { display: grid; grid-template-columns: fit-content(16rem) minmax(0, 1fr); column-gap: 0.75rem;
  margin: 0 0 1rem; font-size: 0.875rem; line-height: 1.3; }
.tl-label, .bal-label { align-self: center; text-align: right; }
.bal-label { align-self: start; line-height: 22px; }
.tl-lane, .tl-axis { position: relative; margin: 0 14px; }
.tl-axis { height: 1.6rem; font-size: 0.8rem; }
.tl-grid { position: absolute; top: 0; bottom: 0; border-left: 1px solid color-mix(in srgb, #808080 30%, transparent); }
.tl-tick { position: absolute; top: 0.3rem; transform: translateX(-50%); white-space: nowrap; }
.tl-band { position: absolute; height: 16px; transform: translateY(-50%); background: currentColor; opacity: 0.28; }
.tl-mark { position: absolute; transform: translate(-50%, -50%); font-size: 24px; line-height: 1;
  color: inherit !important; text-decoration: none !important; opacity: 0.92; }
a.tl-mark:hover, a.tl-mark:focus-visible { transform: translate(-50%, -50%) scale(1.35); opacity: 1; z-index: 2; }
.bal { row-gap: 0.6rem; }
.bal-bar { display: flex; height: 22px; }
.bal-seg { height: 100%; }
.bal-counts { display: flex; flex-wrap: wrap; gap: 0.1rem 0.9rem; margin-top: 0.25rem; font-size: 0.8rem; }
.bal-key { display: inline-block; width: 0.7rem; height: 0.7rem; margin-right: 0.3rem; border-radius: 2px; }
.bars { row-gap: 0.45rem; }
.bar-label { align-self: center; text-align: right; }
.bar-row { display: flex; align-items: center; gap: 0.4rem; min-height: 22px; }
.bar-fill { flex: none; height: 22px; width: calc((100% - 6rem) * var(--share)); background: currentColor; }
.bar-key { background: currentColor; }
.bar-value { white-space: nowrap; font-variant-numeric: tabular-nums; }
.bar-unit { font-size: 0.8rem; opacity: 0.85; }
@media (max-width: 640px) {
  .drawing { grid-template-columns: minmax(0, 1fr); }
  .tl-label, .bal-label, .bar-label { text-align: left; margin-top: 0.4rem; }
  .tl-label:empty, .bar-label:empty { display: none; }
}
"""
# The palette's colours (policy.style.PALETTE, config.toml's chartCategoricalColors): on white each at 3:1 or more,
# on the dark background the lightened hues; the marks are 24 px glyphs (large text: 3:1 is AA).
_LIGHT = (
    _SHAPE
    + """.pal-0 { color: #0072B2; } .pal-1 { color: #C75400; } .pal-2 { color: #007A5E; } .pal-3 { color: #AA4499; }
.pal-4 { color: #6B5B00; } .pal-5 { color: #3B5BA5; } .pal-6 { color: #8C2D04; } .pal-7 { color: #4D4D4D; }
.pal-g { color: #6E6E6E; }
.bear-supports { background: #0072B2; } .bear-undercuts { background: #C75400; } .bear-context { background: #6E6E6E; }
</style>"""
)
_DARK = (
    _SHAPE
    + """.pal-0 { color: #56B4E9; } .pal-1 { color: #F0A030; } .pal-2 { color: #2FC39A; } .pal-3 { color: #E38CC4; }
.pal-4 { color: #E8D44D; } .pal-5 { color: #9BB0FF; } .pal-6 { color: #FF8F66; } .pal-7 { color: #BDBDBD; }
.pal-g { color: #BDBDBD; }
.bear-supports { background: #56B4E9; } .bear-undercuts { background: #F0A030; } .bear-context { background: #BDBDBD; }
</style>"""
)


def drawn_chart(ctx: ViewContext, build: Callable[..., str], *args: Hashable) -> None:
    """The chart drawn as HTML by build(dataset, *args) (policy.drawings: every content text in it escaped), made
    once per content version, language and arguments, with its style for the reader's theme."""
    if st.context.theme.type == "dark":
        st.html(_DARK)
    else:
        st.html(_LIGHT)
    markup = ctx.cached(build, *args)
    st.html(markup)
