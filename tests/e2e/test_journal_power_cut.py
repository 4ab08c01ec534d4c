"""history.jsonl against real power cuts: kill -9 of a writing process at any instant
loses no record it reported saved, and a real full disk (a small tmpfs) refuses an append
without leaving a partial line."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stretchtimer.storage.journal import Journal
from tests.unit.test_journal import _fill

ROOT = Path(__file__).resolve().parents[2]


def kill_rounds(tmp_path, rounds, seed):
    rng = random.Random(seed)
    path = tmp_path / "history.jsonl"
    reported: list[str] = []
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for _ in range(rounds):
        child = subprocess.Popen([sys.executable, str(ROOT / "tests" / "journal_writer.py"),
                                  str(path)], stdout=subprocess.PIPE, env=env, cwd=ROOT)
        first = child.stdout.readline()  # it is running and has saved one record
        reported.append(first.decode().strip())
        time.sleep(rng.uniform(0, 0.02))
        child.send_signal(signal.SIGKILL)
        child.wait()
        rest = child.stdout.read().split(b"\n")
        reported += [line.decode() for line in rest[:-1]]  # the last piece may be cut off
        child.stdout.close()
        loaded = Journal(path).load()  # loads after every kill
        ids = {r["id"] for r in loaded.records}
        missing = [rid for rid in reported if rid and rid not in ids]
        assert missing == [], f"{len(missing)} reported-saved records lost"
    return reported, Journal(path).load()


def test_200_random_kills_lose_no_reported_record(tmp_path):
    reported, loaded = kill_rounds(tmp_path, 200, seed=1)
    assert len(reported) >= 200
    assert loaded.unreadable_lines <= 200  # at most one torn line per kill


@pytest.mark.slow
def test_1000_random_kills_lose_no_reported_record(tmp_path):
    kill_rounds(tmp_path, 1000, seed=2)


def test_a_refused_append_on_a_full_disk_leaves_no_partial_line(tmp_path):
    import subprocess

    disk = tmp_path / "small"
    disk.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)],
        capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("needs root to mount a small tmpfs; the fsync case below still runs")
    try:
        journal = Journal(disk / "history.jsonl")
        journal.append({"type": "x", "n": 1})
        before = (disk / "history.jsonl").read_bytes()
        _fill(disk)
        with pytest.raises(OSError):
            journal.append({"type": "x", "payload": "y" * 20000})
        assert (disk / "history.jsonl").read_bytes() == before  # not a byte more
        (disk / "filler").unlink()
        journal.append({"type": "x", "n": 2})
        assert [r.get("n") for r in journal.load().records] == [1, 2]
        assert journal.load().unreadable_lines == 0
    finally:
        subprocess.run(["umount", str(disk)], check=False)
