"""Join links and QR codes for the audience poll."""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit

import segno


def base_url(page_url: str) -> str:
    """scheme://host[:port] of the page the presenter is on ('' when unknown)."""
    parts = urlsplit(page_url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def join_link(page_url: str, code: str, vote_path: str = "vote") -> str:
    """The audience's link for a poll code, on the same host as the presenter."""
    base = base_url(page_url)
    query = urlencode({"join": code})
    return f"{base}/{vote_path}?{query}" if base else f"/{vote_path}?{query}"


def qr_png(text: str, scale: int = 8) -> bytes:
    """A QR code of the text as PNG bytes (dark on white, with a quiet zone)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
