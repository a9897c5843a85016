"""The CI helper scripts: `.ci/start-postgres` must hand back its URL on a machine with no server running."""

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / ".ci" / "start-postgres"


def _postgres_installed() -> bool:
    return any(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))


@pytest.mark.postgres
def test_start_postgres_returns_its_url_when_it_starts_a_fresh_server() -> None:
    """Called as `$(.ci/start-postgres)`, it must return at once, not when the server it started exits.

    A server started with the caller's pipe still open held `.ci/run` until CI's time limit.
    """
    if not _postgres_installed():
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is not installed, so .ci/start-postgres cannot be checked in CI.")
        pytest.skip("PostgreSQL is not installed here (CI installs it with .ci/start-postgres)")
    data = Path(
        f"/tmp/fpo-pg-check-{uuid.uuid4().hex[:8]}"
    )  # under /tmp itself: the postgres user must reach it
    env = {**os.environ, "FPO_PG_DIR": str(data), "FPO_PG_PORT": "55439"}
    try:
        result = subprocess.run(
            ["bash", "-c", 'url="$(.ci/start-postgres)" && printf "%s" "$url"'],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == "postgresql://fpo:fpo@127.0.0.1:55439/fpo_test"
        assert "starting the server" in result.stderr  # it really started one, the case that used to hang
    finally:
        subprocess.run([str(SCRIPT), "--stop"], env=env, capture_output=True, timeout=60)
        shutil.rmtree(data, ignore_errors=True)
