"""People: who stands where (a map of people and institutions by position), a directory of everyone the sources
name, and one person opened: their role, their stance on each option with the words behind it, what they said."""

import streamlit as st

from policy.charts import SIDE_STYLE
from policy.citations import human_date
from policy.i18n import _, ngettext
from policy.queries import (
    actor_kinds,
    actor_role,
    actors_by_name,
    country_codes,
    date_order,
    people_directory,
    stance_map,
)
from policy.style import position_label
from policy.text import one_line
from ui.blocks import Marks, esc, position_badge_md, quote_md
from ui.context import view
from ui.directory import directory, kind_label, map_grid, map_table, people_filters
from ui.filters import FILTERS_KEY
from ui.links import PERSON_PARAM, event_url, evidence_url, link_md, position_md
from ui.prose import prose
from ui.quotes import cite_button
from ui.urlstate import Choice, Choices, Param, UrlState

CLAIM_CHARACTERS = (
    140  # of a finding, as its link under "Where they appear" (the Evidence page gives it whole)
)
LEGACY_PARAM = "actor"  # People's link parameter before it was named person

ctx = view()
ds = ctx.dataset
marks = Marks(ds)
actor_ids = ctx.cached(actors_by_name)
# A country in a link is named as the content writes it, so a link keeps its filter in every language.
codes, kinds = country_codes(ctx.as_written, ds), ctx.cached(actor_kinds)
if LEGACY_PARAM in st.query_params and PERSON_PARAM not in st.query_params:
    # Links made before the parameter was renamed still open their person.
    st.query_params[PERSON_PARAM] = st.query_params[LEGACY_PARAM]
    del st.query_params[LEGACY_PARAM]
state = UrlState(
    Param(PERSON_PARAM, "people_person", Choice(actor_ids)),
    Param("country", "people_countries", Choices(list(codes)), []),
    Param("kind", "people_kinds", Choices(kinds), []),
).start()

st.title(_("People and institutions"))
# The person is chosen by a link (a name in the map or the directory, or anywhere else in the app), not a select
# box: the directory already lists everyone, and a select box cost a fifth of an empty page's load
# (docs/performance.md, rounds 10 and 11).
actor_id: str | None = st.session_state.get("people_person")

if actor_id is None:
    # The filters as rows of links (ui.filters says why).
    chosen_codes = tuple(st.session_state.people_countries or [])
    chosen_countries = tuple(codes[c] for c in chosen_codes)  # as the page names them
    chosen_kinds = st.session_state.people_kinds or []
    prose(
        ctx.cached(people_filters, chosen_codes, tuple(chosen_kinds), tuple(codes.items())),
        st.container(key=FILTERS_KEY),
    )
    state.sync()
    filters = (chosen_countries, tuple(chosen_kinds))
    entries = ctx.cached(people_directory, *filters)
    cells = ctx.cached(stance_map, *filters)

    st.header(_("Who stands where"))
    if cells:
        drawn = {c.side for c in cells}  # the key names only the marks the grid uses
        key = " · ".join(f"{style[0]} {_(style[1])}" for side, style in SIDE_STYLE.items() if side in drawn)
        columns = ", ".join(position_label(ds, p) for p in ds.position_ids)
        about = _(
            "{key}. Each row is a person or institution the sources record taking a stance, each column an"
            " option ({columns}); a blank cell means none is recorded. Select a name or a cell to open that"
            " person."
        )
        st.caption(esc(about.format(key=key, columns=columns)))
        prose(ctx.cached(map_grid, *filters))
        as_table = st.expander(_("The same as a list, by person"), key="people-map-table", on_change="rerun")
        if as_table.open:  # built when opened
            as_table.markdown(ctx.cached(map_table, *filters))
    else:
        st.caption(_("Nobody matching these filters takes a recorded stance on the options."))

    st.header(_("Everyone the sources name ({n})").format(n=len(entries)))
    if not entries:
        st.info(_("Nobody matches these filters."), icon=":material/search_off:")
        st.stop()
    left, right = ctx.cached(directory, *filters)
    c1, c2 = st.columns(2, gap="large")
    prose(left, c1)
    if right:
        prose(right, c2)
    st.stop()

state.sync()


def back_to_everyone() -> None:
    st.session_state["people_person"] = None


actor = ds.actor(actor_id)
st.header(esc(actor.name))
facts = [
    (_("Role"), actor_role(actor)),
    (_("Affiliation"), actor.affiliation),
    (_("Country"), actor.country),
    (_("Kind"), kind_label(actor.kind)),
]
st.markdown("  \n".join(f"**{k}:** {esc(v)}" for k, v in facts if v))
st.button(
    _("Everyone"), icon=":material/arrow_back:", on_click=back_to_everyone, key="people-back", type="tertiary"
)

stances = ds.stances_of(actor.id)
quotes = ds.quotes_by(actor.id)
stance_quotes: set[str] = set()
if stances:
    st.subheader(_("Where they stand"))
    for position, side, stance in stances:
        verb = _("Backs") if side == "proponent" else _("Criticises")
        glyph = SIDE_STYLE["backs" if side == "proponent" else "criticises"][0]
        said = [ds.quote(q) for q in stance.quotes]
        stance_quotes |= set(stance.quotes)
        with st.container(border=True):
            prose(
                "\n\n".join(
                    [
                        f"{position_badge_md(ds, position.id)} {glyph} **{verb}:** {position_md(ds, position.id)}",
                        marks.md(stance.argument),
                        *(quote_md(ds, q) for q in said),
                    ]
                )
            )
else:
    st.caption(_("The content records no stance of theirs on the options."))

evidence, events = ds.involving(actor.id)
if evidence or events:
    st.subheader(_("Where they appear"))
    # Each event opens the Timeline on it, each finding the Evidence page on it.
    lines = [
        f"- **{esc(human_date(e.date))}** — {link_md(e.title, event_url(e.id))}"
        for e in sorted(events, key=lambda e: date_order(e.date))
    ]
    prose(
        "\n".join(
            [
                *lines,
                *(
                    f"- {link_md(one_line(item.claim, CLAIM_CHARACTERS), evidence_url(item.id))}"
                    for item in evidence
                ),
            ]
        )
    )

others = [q for q in quotes if q.id not in stance_quotes]
st.subheader(_("What they said ({n})").format(n=len(quotes)))
if not quotes:
    st.caption(_("No words of theirs are quoted in the sources."))
else:
    if others:
        if stance_quotes:
            with_stances = len(quotes) - len(others)
            st.caption(
                ngettext(
                    "{n} of them is shown with their stances above.",
                    "{n} of them are shown with their stances above.",
                    with_stances,
                ).format(n=with_stances)
            )
        prose("\n\n".join(quote_md(ds, q) for q in others))
    else:
        st.caption(_("All of them are shown with their stances above."))
    cite_button(ds, quotes, key=f"pq-{actor.id}")
