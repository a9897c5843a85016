"""Which content is loaded: its version (folder + files' modification times) and the dataset for it."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

from policy import Dataset, load_dataset
from policy.paths import data_dir

RECHECK_SECONDS = 1.0  # how often the content files' modification times are looked at (tests set 0)
_seen: dict[str, tuple[float, str]] = {}
_lock = threading.Lock()


def _fingerprint(folder: Path) -> str:
    # Reload when a content file changes, so editors see their correction without a restart.
    stats = sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob("*.yaml"))
    return hashlib.sha1(repr((str(folder), stats)).encode()).hexdigest()[:16]


def content_version(folder: Path | None = None) -> str:
    """A short id of the content as it is on disk now (a cache key); files are looked at once a second at most."""
    folder = folder or data_dir()
    now = time.monotonic()
    seen = _seen.get(str(folder))
    if seen is None or now - seen[0] >= RECHECK_SECONDS:
        version = _fingerprint(folder) if folder.is_dir() else "missing:" + str(folder)
        with _lock:
            _seen[str(folder)] = seen = (now, version)
    return seen[1]


def load(version: str) -> Dataset:
    """The validated content of this version (the cache module keeps one per version)."""
    del version  # only the cache key: the folder is read as it is now
    return load_dataset(data_dir())
