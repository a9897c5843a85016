"""Debian's Chromium and the flags it runs with here: shared by the browser tests and the benchmark scripts.

Without the background-networking flags, Chromium reaches for Google's services at every start, and this
machine's closed network refuses each connection.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
