"""What the benchmark scripts share: a loopback `streamlit run` server, Chromium's settings, memory readings."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402,F401 - the same browser as the tests

APP = ROOT / "app.py"
FLOOR_APP = ROOT / "bench" / "floor" / "app.py"
HOST = "127.0.0.1"  # the only address any benchmark talks to
# A page is loaded when its script has finished and the main area shows its title.
READY_JS = (
    '() => !!(document.querySelector(\'[data-testid="stApp"][data-test-script-state="notRunning"]\')'
    " && document.querySelector('[data-testid=\"stMain\"] h1'))"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Server:
    """`streamlit run` on a free loopback port, started by the benchmark and stopped by it."""

    def __init__(self, app: Path, env: Mapping[str, str] | None = None, name: str = "") -> None:
        self.app, self.name = app, name or app.stem
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        # The server's output goes to a file: a pipe nobody reads fills up and stalls the server.
        self.log = tempfile.NamedTemporaryFile(prefix=f"bench-{self.name}-", suffix=".log", delete=False)  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", str(app),
                "--server.headless", "true", "--server.port", str(self.port), "--server.address", HOST,
                "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
            ],
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait_healthy(self, timeout: float = 90) -> Server:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name}: streamlit exited: {self.output()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.read().decode().strip() == "ok":
                        return self
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"{self.name}: streamlit did not become healthy within {timeout:.0f} s")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def rss_kib(self) -> int:
        return rss_kib(self.proc.pid)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)

    def output(self) -> str:
        """What the server has printed so far."""
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def children(pid: int) -> list[int]:
    """Every descendant of a process (read from /proc; empty where /proc is missing)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (VmRSS from /proc)."""
    total = 0
    for p in [pid, *children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used (from /proc; 0 for a process that has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def median(values: Iterable[float]) -> float:
    data = [v for v in values if v == v]  # drop NaN (timeouts)
    return statistics.median(data) if data else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks."""
    data = sorted(values)
    if not data:
        return float("nan")
    pos = (len(data) - 1) * q / 100
    lo, hi = int(pos), min(int(pos) + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def replace_section(path: Path, name: str, body: str, template: str) -> None:
    """Put ``body`` between <!-- name:start --> and <!-- name:end --> in ``path`` (from ``template`` if new)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = path.read_text("utf-8") if path.is_file() else template
    if start not in text or end not in text:
        text = text.rstrip("\n") + f"\n\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{head}{start}\n{body.strip()}\n{end}{tail}", "utf-8")
