"""Drawing one slide of the Present page: type read from the back of a room, everything inside 1280x720."""

from __future__ import annotations

import streamlit as st

from policy.i18n import _
from policy.slides import Point, Slide
from ui.blocks import esc

# Static styling only: body text 28 px and headings larger, the coverage line 21 px; no sidebar, header, chart
# toolbar or heading link icons (a projector shows no controls, and a hidden icon can wrap to a line of its own).

# One slide's body size (policy.slides.BODY_SIZES): a value the slide chose from a fixed set, never content.
BODY_SIZES = range(28, 42, 2)  # px: a slide's body size, set by the key of the container it is drawn in


def slide_style() -> None:
    """The slides' static style: call once per run, before drawing."""
    st.html(
        """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
    [data-testid="stToolbar"], [data-testid="stMain"] [data-testid="stElementToolbar"],
    [data-testid="stMain"] [data-testid="stHeaderActionElements"] { display: none !important; }
    [data-testid="stMain"] { --slide-body: 28px; }
    .st-key-slide-body-30 { --slide-body: 30px; } .st-key-slide-body-32 { --slide-body: 32px; }
    .st-key-slide-body-34 { --slide-body: 34px; } .st-key-slide-body-36 { --slide-body: 36px; }
    .st-key-slide-body-38 { --slide-body: 38px; } .st-key-slide-body-40 { --slide-body: 40px; }
    [data-testid="stMainBlockContainer"] { padding: 1.1rem 2.5rem 0.4rem 2.5rem !important; max-width: 100% !important; }
    [data-testid="stMain"] h1 { font-size: calc(1.77 * var(--slide-body)) !important; line-height: 1.1; padding: 0 0 0.3rem 0; }
    [data-testid="stMain"] h2 { font-size: calc(1.29 * var(--slide-body)) !important; line-height: 1.15; padding: 0.1rem 0 0.3rem 0; }
    [data-testid="stMain"] h3 { font-size: calc(1.15 * var(--slide-body)) !important; line-height: 1.25; padding: 0 0 0.2rem 0; }
    [data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] td {
        font-size: var(--slide-body) !important; line-height: 1.3; }
    [data-testid="stMain"] ul { margin-bottom: 0; }
    [data-testid="stMain"] li { margin-bottom: 0.55rem; }
    [data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.3rem !important; line-height: 1.25; }
    [data-testid="stMetricValue"] { font-size: 3rem !important; }
    </style>"""
    )


def present_style() -> None:
    """The Present page's own static style: its keys' buttons hidden, the intro box fixed at the top right, no
    focus ring on the slide, the black and the ended screens."""
    st.html(
        """<style>
        .st-key-slide_keys, [data-testid="stLayoutWrapper"]:has(> .st-key-slide_keys) { display: none !important; }
        [data-testid="stLayoutWrapper"]:has(> .st-key-present-intro) { position: fixed; right: 1.2rem; top: 0.8rem;
            left: auto; width: auto !important; z-index: 999; }
        [data-testid="stMain"] *:focus, [data-testid="stMain"] *:focus-visible, [data-testid="stMain"]:focus,
        [data-testid="stMain"]:focus-visible, [data-testid="stAppViewContainer"]:focus, [data-testid="stApp"]:focus {
            outline: none !important; box-shadow: none !important; }
        .st-key-present-intro { background: #fff; width: auto !important; border: 1px solid #ccc; border-radius: 0.5rem; padding: 0.15rem 0.8rem; gap: 0.8rem; }
        .st-key-present-intro p, .st-key-present-intro a span { font-size: 1rem !important; line-height: 1.8 !important;
            margin: 0 !important; color: #333; }
        .st-key-present-intro [data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }
        .st-key-screen-black { position: fixed; inset: 0; background: #000; z-index: 999990; }
        .st-key-screen-ended { min-height: 80vh; display: flex; justify-content: center; }
        </style>"""
    )


def line(point: Point) -> str:
    """One point as Markdown: its opening words in bold when they name who, else who in bold before it."""
    if point.opening:
        rest = point.text[len(point.opening) :]
        return f"**{esc(point.opening)}**{esc(rest)}"
    return f"**{esc(point.who)}**: {esc(point.text)}" if point.who else esc(point.text)


def points(heading: str, items: tuple[Point, ...], *, facts: bool = False) -> None:
    """A column: its heading, then its points as a list, or (facts) each name over its text, unbulleted."""
    lines = [f"## {esc(heading)}"] if heading else []
    if facts:
        lines += [f"**{esc(p.who)}**  \n{esc(p.text)}\n" for p in items]
    elif items and all((lead := (p.opening or p.who or p.text)[:1]) and not lead.isalnum() for p in items):
        # Each point opens with its option's own mark (◆, ▲…): that mark is the bullet; no second one beside it.
        lines.append("  \n".join(line(p) for p in items))  # one paragraph, a line each
    else:
        lines += [f"- {line(p)}" for p in items]
    st.markdown("\n".join(lines))


def draw_slide(slide: Slide) -> None:
    """One content slide (not the poll slide): title, points in one, two or more labelled columns, key figure."""
    px = min(BODY_SIZES, key=lambda size: abs(size - slide.body))
    with st.container(key=f"slide-body-{px}"):  # the static style gives each such container its body size
        _draw(slide)


def _draw(slide: Slide) -> None:
    if slide.badge:
        st.markdown(f"**{esc(slide.badge)}**")
    st.title(esc(slide.title), anchor=False)
    if slide.subtitle:
        st.markdown(f"**{esc(slide.subtitle)}**")  # bold text, not a heading: the outline stays h1, h2
    if slide.columns:
        for col, (heading, items) in zip(
            st.columns(len(slide.columns), gap="large"), slide.columns, strict=True
        ):
            with col:
                points(heading, items, facts=slide.kind == "compare")
    elif slide.right:
        left, right = st.columns(2, gap="large")
        with left:
            points(slide.left_heading, slide.left)
        with right:
            points(slide.right_heading, slide.right)
    else:
        points(slide.left_heading, slide.left)
    if slide.remark:
        st.markdown(f"*{esc(slide.remark)}*")
    if slide.figure:
        caption = f" — {esc(slide.figure_caption)}" if slide.figure_caption else ""
        figure = _("Key figure: {figure}").format(figure=esc(slide.figure))
        st.markdown(f"**{figure}**{caption}")


def draw_footer(slide: Slide) -> None:
    """What the content covers, at the foot of every slide."""
    if slide.footer:
        st.caption(esc(slide.footer))
