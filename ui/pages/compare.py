"""Compare: two to four positions side by side, one row per section (and per side within a section) so the
sections line up across the options (ui.compare_parts), then the evidence balance of the chosen options."""

import streamlit as st

from policy.charts import balance_frame
from policy.drawings import balance_html
from policy.i18n import _
from policy.style import position_label
from ui.blocks import option
from ui.charts import drawn_chart
from ui.compare_parts import side_by_side
from ui.context import view
from ui.urlstate import Choices, Param, UrlState

ctx = view()
ds = ctx.dataset
maximum = min(4, len(ds.position_ids))
state = UrlState(
    Param(
        "positions",
        "compare_positions",
        Choices(ds.position_ids, minimum=2, maximum=maximum),
        ds.position_ids[:maximum],
    )
).start()

st.title(_("Compare the options"))
selected = st.multiselect(
    _("Positions to compare (2 to {n})").format(n=maximum),
    ds.position_ids,
    format_func=lambda p: option(position_label(ds, p)),
    max_selections=maximum,
    key="compare_positions",
    placeholder=_("Choose options"),
)
state.sync()
ordered = tuple(p for p in ds.position_ids if p in selected)
if len(ordered) < 2:
    st.info(_("Choose at least two positions to compare."), icon=":material/info:")
    st.stop()

st.header(_("Side by side"))
side_by_side(ctx, [ds.position(p) for p in ordered])

st.header(_("Evidence balance"))
drawn_chart(ctx, balance_html, ordered)
as_table = st.expander(_("The same counts as a table"), key="compare-balance-table", on_change="rerun")
if as_table.open:  # built when opened: a table that scrolls sideways inside its box on a narrow screen
    as_table.table(ctx.cached(balance_frame, ordered))
st.caption(
    _(
        "Counts of findings reported in the sources (items that report one finding count once), not a measure of"
        " how strong each case is."
    )
)
