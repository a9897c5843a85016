"""The command line, as staff who script it use it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from policy.cli import main
from tests.conftest import MINI, MINI_ARCHIVE, Edit


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_reports_sound_content(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--data", str(MINI))
    assert code == 0 and out.startswith("OK: 2 positions, 3 actors, 3 quotes")


def test_validate_lists_every_problem(
    capsys: pytest.CaptureFixture[str], mini_copy: Path, edit: Edit
) -> None:
    edit("actors.yaml", "kind: official", "kind: wizard")
    edit("quotes.yaml", "speaker: park", "speaker: nobody")
    code, out, err = run(capsys, "validate", "--data", str(mini_copy))
    assert code == 1 and out == ""
    assert "3 problem(s)" in err
    assert "mini/actors.yaml:5: item 1 (id 'park') › field 'kind'" in err
    assert (
        "mini/quotes.yaml:4: item 1 (id 'q-park-saves') › field 'speaker': unknown actor id 'nobody'" in err
    )
    assert "Traceback" not in err


def test_export_json_has_the_whole_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--data", str(MINI))
    data = json.loads(out)
    assert code == 0
    for key in ("sources", "actors", "positions", "evidence", "disputes", "timeline", "series", "glossary"):
        assert key in data
    first = data["positions"][0]
    assert first["id"] == "four-day" and first["title"] == "A four-day week"
    assert first["proponents"][0]["actor"] == "park" and first["critics"][0]["actor"] == "ortiz"


def test_export_csv_is_the_evidence_table(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", "--data", str(MINI), "--format", "csv"])
    assert code == 0


def test_export_csv_bytes(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "policy", "export", "--data", str(MINI), "--format", "csv"],
        capture_output=True,
        check=True,
    ).stdout
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["savings", "childcare"]
    assert rows[0]["bearing_four-day"] == "supports" and rows[0]["value"] == "120000.0"
    assert rows[1]["speakers"] == "Ben Ortiz"


def test_quotes_prints_what_verify_quotes_reads(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quotes", "--data", str(MINI))
    items = json.loads(out)
    assert code == 0 and len(items) == 3
    assert set(items[0]) == {"id", "source", "quote"}


def test_verify_passes_and_fails_by_quote(
    capsys: pytest.CaptureFixture[str], mini_copy: Path, edit: Edit
) -> None:
    code, out, _ = run(capsys, "verify", "--data", str(mini_copy), "--archive", str(MINI_ARCHIVE))
    assert code == 0 and "3 quotes checked, 3 found, 0 not found" in out
    edit("quotes.yaml", "childcare on Fridays", "childcare on Mondays")
    code, out, _ = run(capsys, "verify", "--data", str(mini_copy), "--archive", str(MINI_ARCHIVE))
    assert code == 1
    assert "NOT FOUND q-ortiz-childcare [town-gazette-2024]" in out


def test_verify_names_a_missing_archive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "verify", "--data", str(MINI), "--archive", str(tmp_path / "none"))
    assert code == 2 and "archive folder not found" in err


def test_schema_describes_every_content_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "schema")
    schemas = json.loads(out)
    assert code == 0 and "positions.yaml" in schemas and "debate.yaml" in schemas
    assert schemas["positions.yaml"]["type"] == "array"
    code, out, _ = run(capsys, "schema", "--out", str(tmp_path))
    assert (tmp_path / "actors.schema.json").is_file()


def test_python_dash_m_policy_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "policy", "validate", "--data", str(MINI)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
