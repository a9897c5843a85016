"""Drawing one slide of the Present page: large type for a room, everything inside 1280x720."""

from __future__ import annotations

import streamlit as st

from policy.slides import Point, Slide
from ui.blocks import esc

# Static styling only: large type, no sidebar or toolbar, everything inside 1280x720.
SLIDE_CSS = """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
    [data-testid="stToolbar"] { display: none !important; }
    [data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 0.5rem 2.5rem !important; max-width: 100% !important; }
    [data-testid="stMain"] h1 { font-size: 2.4rem !important; line-height: 1.15; padding: 0 0 0.2rem 0; }
    [data-testid="stMain"] h2 { font-size: 1.6rem !important; padding: 0.1rem 0; }
    [data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 1.3rem !important; line-height: 1.3; }
    [data-testid="stMain"] li { margin-bottom: 0.15rem; }
    [data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.1rem !important; }
    [data-testid="stMetricValue"] { font-size: 3rem !important; }
    </style>"""


def slide_style() -> None:
    """The slides' static style: call once per run, before drawing."""
    st.html(SLIDE_CSS)


def points(heading: str, items: tuple[Point, ...]) -> None:
    lines = [f"## {esc(heading)}"] if heading else []
    lines += [f"- {f'**{esc(p.who)}**: ' if p.who else ''}{esc(p.text)}" for p in items]
    st.markdown("\n".join(lines))


def draw_slide(slide: Slide) -> None:
    """One content slide (not the poll slide): title, points in one, two or more columns, key figure."""
    if slide.badge:
        st.caption(esc(slide.badge))
    st.title(esc(slide.title))
    if slide.subtitle:
        st.markdown(f"**{esc(slide.subtitle)}**")
    if slide.columns:
        for col, (heading, items) in zip(
            st.columns(len(slide.columns), gap="large"), slide.columns, strict=True
        ):
            with col:
                points(heading, items)
    elif slide.right:
        left, right = st.columns(2, gap="large")
        with left:
            points(slide.left_heading, slide.left)
        with right:
            points(slide.right_heading, slide.right)
    else:
        points(slide.left_heading, slide.left)
    if slide.figure:
        st.markdown(f"**Key figure: {esc(slide.figure)}** — {esc(slide.figure_caption)}")


def draw_footer(slide: Slide) -> None:
    """What the content covers, at the foot of every slide."""
    if slide.footer:
        st.caption(esc(slide.footer))
