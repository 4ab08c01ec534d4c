"""Ten years of daily use: 20,000 sessions (with check-ins) in history.jsonl, loaded the
way the app loads them (storage/history_store.py: the snapshot plus the journal's tail)
and turned into the history view's statistics. Goal: under 200 ms. The baseline, in the
same run, is only reading the file and parsing each line with json.loads; the first open
(no snapshot yet: reads everything, then writes one) is printed too.

Then the same sessions kept in a synced folder (issue 19) by --computers computers, each
its own journal, plus a sync tool's conflict copy of one of them (all duplicates) and
this computer's local copy: opened the app's way (storage/history_files.py), after each
computer added a day's sessions. And what turning syncing on costs (copying the local
history in and reading it back), against the same baseline.

    python benchmarks/history_stats.py [--sessions 20000] [--computers 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from stretchtimer.core.history import compute_stats
from stretchtimer.storage.history_store import HistoryStore
from stretchtimer.storage.journal import Journal


def write_history(path: Path, count: int, part: int = 0, parts: int = 1) -> None:
    """`count` sessions over ten years; with `parts`, only every parts-th one from `part`
    (the share of one of several computers)."""
    rng = random.Random(7 + part)
    start = datetime(2016, 11, 1, 9, tzinfo=timezone(timedelta(hours=1)))
    lines = []
    for i in range(part, count, parts):
        when = start + timedelta(minutes=int(i * 10 * 365 * 24 * 60 / count))
        sid = uuid.uuid4().hex
        held = [{"exercise_id": ex, "side": side, "seconds": rng.choice([15, 20, 30]),
                 "muscles": [muscle]}
                for ex, muscle in (("standing-hamstring", "hamstrings"),
                                   ("desk-hip-flexor", "hip flexors"))
                for side in ("right", "left")]
        lines.append({"id": sid, "schema_version": 1, "type": "session",
                      "routine_id": "desk-micro", "routine_name": "Desk micro-break",
                      "started": when.isoformat(),
                      "ended": (when + timedelta(minutes=3)).isoformat(),
                      "completed": True, "held": held})
        lines.append({"id": uuid.uuid4().hex, "schema_version": 1, "type": "checkin",
                      "session_id": sid, "rating": rng.choice(["easy", "good", "strong"])})
    path.write_text("".join(json.dumps(r, separators=(",", ":")) + "\n" for r in lines))


def add_a_day(journal: Journal) -> None:
    """The 5 sessions of a day since the snapshot was written."""
    for _ in range(5):
        journal.append({"type": "session", "routine_id": "desk-micro",
                        "routine_name": "Desk micro-break",
                        "started": "2026-11-01T10:00:00+01:00",
                        "ended": "2026-11-01T10:03:00+01:00", "completed": True, "held": []})


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--computers", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "history.jsonl"
        write_history(path, args.sessions)
        today = date(2026, 11, 1)

        def baseline() -> None:
            [json.loads(line) for line in path.read_bytes().splitlines()]

        snapshot = Path(tmp) / "history-snapshot.json"

        def first_open() -> None:
            snapshot.unlink(missing_ok=True)
            stats = compute_stats(HistoryStore(Journal(path), snapshot).load(), today)
            assert stats.total_sessions == args.sessions

        first = best_of(1, first_open)  # leaves the snapshot the app would have
        add_a_day(Journal(path))

        def later_open() -> None:
            stats = compute_stats(HistoryStore(Journal(path), snapshot).load(), today)
            assert stats.total_sessions == args.sessions + 5

        base, real = best_of(args.runs, baseline), best_of(args.runs, later_open)
        synced = synced_folder(Path(tmp), args.sessions, args.computers, today, args.runs)
    print(f"{args.sessions} sessions + check-ins, median of {args.runs}")
    print(f"read + json.loads of every line     : {base * 1000:7.1f} ms  (baseline)")
    print(f"first open (no snapshot yet) + stats: {first * 1000:7.1f} ms")
    print(f"open with snapshot + tail + stats   : {real * 1000:7.1f} ms  (goal < 200 ms)")
    print(f"ratio                               : {real / base:.2f}x the bare parse")
    print(f"the same sessions in a synced folder: {args.computers} computers' journals, a "
          "conflict copy of one, this computer's local copy")
    files, first_s, later_s, turn_on = synced
    print(f"files read                          : {files}")
    print(f"first open (no snapshot yet) + stats: {first_s * 1000:7.1f} ms")
    print(f"open with snapshot + tails + stats  : {later_s * 1000:7.1f} ms  (goal < 200 ms)")
    print(f"ratio                               : {later_s / base:.2f}x the bare parse of one "
          "journal of them all")
    print(f"turning syncing on (copy + check)   : {turn_on * 1000:7.1f} ms  "
          f"({turn_on / base:.1f}x the bare parse)")
    return 0


def synced_folder(tmp: Path, sessions: int, computers: int, today: date,
                  runs: int) -> tuple[int, float, float, float]:
    """The sessions shared out over `computers` journals in a folder; returns the files
    read, the first and a later open, and what turning syncing on costs."""
    import shutil

    from stretchtimer.storage.history_files import HistoryFiles, start_syncing
    from stretchtimer.storage.paths import Paths

    folder = tmp / "Sync"
    folder.mkdir()
    paths = Paths.under(tmp / "home")
    paths.data.mkdir(parents=True)
    for n in range(computers):
        write_history(folder / f"history-computer{n}-{n:08x}.jsonl", sessions, n, computers)
    shutil.copy(folder / "history-computer0-00000000.jsonl",
                folder / "history-computer0-00000000.sync-conflict-20261201-101010-ABCDEFG.jsonl")
    shutil.copy(folder / "history-computer1-00000001.jsonl", paths.journal)  # this one's
    files = HistoryFiles.of(paths, folder)
    (folder / "stretchtimer-history.txt").write_text("marker\n")
    snapshot = paths.history_snapshot

    def first_open() -> None:
        snapshot.unlink(missing_ok=True)
        stats = compute_stats(HistoryStore(files.sources, snapshot).load(), today)
        assert stats.total_sessions == sessions, stats.total_sessions

    first = best_of(1, first_open)
    for n in range(computers):  # a day's sessions on each computer since the snapshot
        add_a_day(Journal(folder / f"history-computer{n}-{n:08x}.jsonl"))

    def later_open() -> None:
        stats = compute_stats(HistoryStore(files.sources, snapshot).load(), today)
        assert stats.total_sessions == sessions + 5 * computers

    later = best_of(runs, later_open)
    fresh = tmp / "Fresh"

    def turn_on() -> None:
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir()
        start_syncing(paths, fresh)

    return len(files.sources()), first, later, best_of(3, turn_on)


if __name__ == "__main__":
    raise SystemExit(main())
