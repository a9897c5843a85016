"""Compare: two to four positions (chosen by a row of links) side by side, one row per section (and per side within
a section) so the sections line up across the options (ui.compare_parts), then the evidence balance of the chosen
options."""

import streamlit as st

from policy.charts import balance_frame
from policy.drawings import balance_html
from policy.i18n import _
from policy.style import position_label
from ui.charts import drawn_chart
from ui.compare_cells import SECTIONS
from ui.compare_parts import side_by_side
from ui.context import view
from ui.filters import FILTERS_KEY, Row, filter_links
from ui.prose import prose
from ui.urlstate import Choice, Choices, Param, UrlState

ctx = view()
ds = ctx.dataset
maximum = min(4, len(ds.position_ids))
state = UrlState(
    Param(
        "positions",
        "compare_positions",
        Choices(ds.position_ids, minimum=2, maximum=maximum),
        ds.position_ids[:maximum],
    ),
    Param("section", "compare_section", Choice(SECTIONS), SECTIONS[0]),  # with more than two options
).start()

st.title(_("Compare the options"))
# The options as a row of links (ui.filters says why), two to four of them: at two, neither chosen one is a link, and
# at the most, no other is; each link keeps the section open.
ordered = tuple(p for p in ds.position_ids if p in (st.session_state.compare_positions or ()))
options = Row(
    "positions",
    _("Positions to compare (2 to {n})").format(n=maximum),
    {p: position_label(ds, p) for p in ds.position_ids},
    ordered,
    every=False,
    minimum=2,
    maximum=maximum,
)
prose(
    filter_links("compare", [options], {"section": state.written()["section"] or ""}),
    st.container(key=FILTERS_KEY),
)
state.sync()

st.header(_("Side by side"))
side_by_side(
    ctx,
    [ds.position(p) for p in ordered],
    st.session_state.compare_section,
    lambda key: state.href("compare", section=key),
)

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
