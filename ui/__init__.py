"""The Streamlit view layer: a per-run view context, one cache, URL state, display blocks and the pages.

Everything here may import streamlit; ``policy`` never does. Pages live in ``ui/pages/`` (a folder named
``pages/`` beside the entry point would make Streamlit run a legacy multipage app).
"""
