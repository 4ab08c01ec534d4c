import csv
import json
import os
import subprocess
import sys

import pytest

from stretchtimer.storage.export import CSV_COLUMNS, export_history
from stretchtimer.storage.journal import Journal


def history(path):
    journal = Journal(path)
    sid = journal.append({"type": "session", "routine_id": "chair-hamstrings",
                          "routine_name": "Chair hamstrings", "started": "2026-11-19T10:00:00+01:00",
                          "ended": "2026-11-19T10:03:00+01:00", "completed": True,
                          "held": [{"exercise_id": "seated-hamstring", "side": "right",
                                    "seconds": 60, "muscles": ["hamstrings"]},
                                   {"exercise_id": "seated-hamstring", "side": "left",
                                    "seconds": 59.5, "muscles": ["hamstrings"]}]})
    journal.append({"type": "checkin", "session_id": sid, "rating": "good"})
    journal.append({"type": "session", "routine_id": "walk-break", "routine_name": "Walk break",
                    "started": "2026-11-19T15:00:00+01:00", "ended": "2026-11-19T15:00:10+01:00",
                    "completed": False, "held": []})
    return journal


def test_csv_has_a_row_per_session_exercise_and_side(tmp_path):
    journal = history(tmp_path / "history.jsonl")
    assert export_history(journal.load().records, tmp_path / "out.csv") == 2
    with open(tmp_path / "out.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == CSV_COLUMNS
    assert [(r["routine_id"], r["side"], r["seconds_held"], r["rating"]) for r in rows] == [
        ("chair-hamstrings", "right", "60", "good"), ("chair-hamstrings", "left", "59.5", "good"),
        ("walk-break", "", "", "")]
    assert rows[2]["completed"] == "no"


def test_json_holds_every_record(tmp_path):
    journal = history(tmp_path / "history.jsonl")
    export_history(journal.load().records, tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text())
    assert data["format"] == "stretchtimer-history"
    assert [r["type"] for r in data["records"]] == ["session", "checkin", "session"]


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"\.csv or \.json"):
        export_history([], tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_export_through_the_command_line(tmp_path):
    history(tmp_path / "data" / "history.jsonl")
    env = dict(os.environ, STRETCHTIMER_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "stretchtimer", "--export",
                             str(tmp_path / "mine.csv")], capture_output=True, text=True, env=env)
    assert result.returncode == 0 and "exported 2 session(s)" in result.stdout
    assert (tmp_path / "mine.csv").read_text().startswith("session_id,started")
    bad = subprocess.run([sys.executable, "-m", "stretchtimer", "--export", "x.txt"],
                         capture_output=True, text=True, env=env)
    assert bad.returncode == 1 and ".csv or .json" in bad.stderr


def test_export_never_replaces_a_file_unless_asked_and_never_the_apps_own(tmp_path):
    history(tmp_path / "data" / "history.jsonl")
    env = dict(os.environ, STRETCHTIMER_HOME=str(tmp_path))

    def export(*args):
        return subprocess.run([sys.executable, "-m", "stretchtimer", "--export", *args],
                              capture_output=True, text=True, env=env)

    mine = tmp_path / "report.csv"
    mine.write_text("my own spreadsheet\n")
    result = export(str(mine))
    assert result.returncode == 1 and "exists already" in result.stderr and "--force" in \
        result.stderr
    assert mine.read_text() == "my own spreadsheet\n"
    assert export(str(mine), "--force").returncode == 0
    assert mine.read_text().startswith("session_id,started")
    settings = tmp_path / "config" / "settings.json"
    settings.parent.mkdir()
    settings.write_text('{"schema_version": 1}')
    for target in (tmp_path / "config" / "x.json", tmp_path / "data" / "routines" / "r.json",
                   tmp_path / "data" / "history.json"):
        result = export(str(target), "--force")
        assert result.returncode == 1 and "stretchtimer's own folder" in result.stderr
        assert not target.exists()
    assert settings.read_text() == '{"schema_version": 1}'
