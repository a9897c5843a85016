"""Where the project's files live; every other module asks here (no policy imports in this module)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DATA = PROJECT_ROOT / "data"
DEFAULT_VAR = PROJECT_ROOT / "var"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The content folder: the argument, else $POLICY_DATA_DIR, else the bundled data/."""
    chosen = override or os.environ.get("POLICY_DATA_DIR") or BUNDLED_DATA
    return Path(chosen).expanduser().resolve()


def archive_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The private source archive: the argument, else $POLICY_ARCHIVE_DIR, else ../shared/sources."""
    chosen = override or os.environ.get("POLICY_ARCHIVE_DIR") or PROJECT_ROOT.parent / "shared" / "sources"
    return Path(chosen).expanduser().resolve()


def var_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The writable state folder: the argument, else $POLICY_VAR_DIR, else var/ under the project root."""
    chosen = override or os.environ.get("POLICY_VAR_DIR") or DEFAULT_VAR
    return Path(chosen).expanduser().resolve()
