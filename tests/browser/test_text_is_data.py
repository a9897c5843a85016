"""In Chromium: a link parameter echoed in a notice is text, never a link, an icon or a bidi override."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Watched, wait_ready

pytestmark = pytest.mark.browser

MAIN = '[data-testid="stMain"]'
NOTICE = f'{MAIN} [data-testid="stAlertContainer"]'


def open_view(w: Watched, server: str, path: str) -> str:
    """Open the path; the text of its first notice."""
    page = w.page
    page.goto(f"{server}/{path}")  # type: ignore[attr-defined]
    wait_ready(page)
    notice = page.locator(NOTICE).first  # type: ignore[attr-defined]
    expect(notice).to_be_visible()
    assert not w.errors, w.errors
    return str(notice.inner_text())


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("position?position=https://evil.example/login", "https://evil.example/login"),
        ("position?position=www.evil.example/login", "www.evil.example/login"),
        ("position?position=:material/lock:", ":material/lock:"),
        ("people?actor=u@evil.example", "u@evil.example"),
    ],
)
def test_a_link_parameter_is_shown_as_text(watched: Watched, server: str, path: str, shown: str) -> None:
    text = open_view(watched, server, path)
    assert shown in text.replace("\u2060", ""), text  # the reader sees what they typed
    page = watched.page
    # No link out of the site, no icon from the text (the notice's own link_off glyph is not an img).
    assert page.locator(f'{MAIN} a[href*="evil.example"]').count() == 0  # type: ignore[attr-defined]
    assert page.locator(f'{MAIN} a[href^="mailto:"]').count() == 0  # type: ignore[attr-defined]
    assert page.locator(f'{NOTICE} [role="img"]').count() == 0  # type: ignore[attr-defined]


def test_a_bidi_override_in_the_join_code_cannot_flip_the_error(watched: Watched, server: str) -> None:
    text = open_view(watched, server, "vote?join=%E2%80%AEabc")
    assert "\u202e" not in text and "\\u202eABC" in text and "is not a valid poll code" in text, text
