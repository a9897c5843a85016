"""Which content is served: the last version on disk that validated, reloaded when the files settle on a new one.

A reader never sees a content error once any version has loaded: a bad save (a half-written file, a
file being re-created, a typo the loader rejects) leaves the last good version serving, and the router
tells editors that the files on disk have problems. A new version is loaded only once its files have been
still for SETTLE_SECONDS, so a non-atomic editor save is not read half-way.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from policy import ContentError, Dataset, load_dataset
from policy.paths import data_dir
from policy.translations import Translation, translate

RECHECK_SECONDS = 1.0  # how often the files' modification times are looked at (tests set 0)
SETTLE_SECONDS = 1.0  # how long a changed file must be still before it is read (tests set 0)


@dataclass(frozen=True)
class Served:
    """The content being served, and the problems of a newer version on disk that did not validate."""

    dataset: Dataset
    version: str
    problems: tuple[str, ...] = ()
    folder: Path | None = None
    _translations: dict[str, Translation] = field(default_factory=dict, compare=False, repr=False)

    def translation(self, language: str) -> Translation | None:
        """This version in another language (its translation files, English where a text has none), made once;
        None for a language the content has no translations for."""
        if self.folder is None:
            return None
        with _lock:
            if language not in self._translations:
                where = self.folder / "translations" / language
                if not where.is_dir():
                    return None
                done = translate(self.dataset, where, language, f"{self.folder.name}/translations/{language}")
                if done.problems:
                    _log.warning(
                        "translations (%s) have problems:\n%s", language, "\n".join(map(str, done.problems))
                    )
                self._translations[language] = done
            return self._translations[language]

    def in_language(self, language: str) -> Dataset:
        """The dataset in this language: our own words translated where they are, the rest as written."""
        done = self.translation(language)
        return self.dataset if done is None else done.dataset


@dataclass
class _Folder:
    checked: float = -1e9  # time.monotonic() of the last look at the files
    on_disk: str = ""  # the settled version last seen on disk
    good: Served | None = None
    failed: tuple[str, ContentError] | None = None  # the latest version that did not validate


_folders: dict[str, _Folder] = {}
_log = logging.getLogger(__name__)
_lock = threading.Lock()


def _fingerprint(folder: Path) -> tuple[str, float]:
    """A short id of the folder's YAML files as they are now, and the newest modification time."""
    stats = []
    try:
        for path in [*folder.glob("*.yaml"), *folder.glob("translations/*/*.yaml")]:
            try:
                st = path.stat()
            except OSError:  # removed between listing and looking (a save that re-creates the file)
                stats.append((str(path.relative_to(folder)), -1, -1))
                continue
            stats.append((str(path.relative_to(folder)), st.st_mtime_ns, st.st_size))
    except OSError:
        stats = [("", -1, -1)]
    newest = max((s[1] for s in stats), default=0) / 1e9
    return hashlib.sha1(repr((str(folder), sorted(stats))).encode()).hexdigest()[:16], newest


def _settled_version(state: _Folder, folder: Path) -> str:
    now = time.monotonic()
    if now - state.checked < RECHECK_SECONDS and state.on_disk:
        return state.on_disk
    state.checked = now
    version, newest = _fingerprint(folder)
    age = time.time() - newest
    if 0 <= age < SETTLE_SECONDS and state.on_disk:
        return state.on_disk  # still being written: keep what was seen before
    state.on_disk = version
    return version


def served(folder: Path | None = None) -> Served:
    """The content to draw from now (ContentError only while no version has ever loaded)."""
    folder = folder or data_dir()
    with _lock:
        state = _folders.setdefault(str(folder), _Folder())
        version = _settled_version(state, folder)
        if state.good is not None and state.good.version == version:
            return state.good
        if state.failed is not None and state.failed[0] == version:
            err = state.failed[1]
        else:
            try:
                state.good = Served(load_dataset(folder), version, folder=folder)
                state.failed = None
                return state.good
            except ContentError as error:
                state.failed, err = (version, error), error
                # Once per bad version, in the server's log: where an editor running the app looks first.
                _log.warning("content on disk does not validate; serving the last good version:\n%s", error)
        if state.good is None:
            raise err
        good = state.good
        return Served(
            good.dataset, good.version, tuple(str(p) for p in err.problems), good.folder, good._translations
        )


def forget() -> None:
    """Drop every loaded version (tests)."""
    with _lock:
        _folders.clear()
