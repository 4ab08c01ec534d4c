"""Ten years of daily use: 20,000 sessions (with check-ins) in history.jsonl, loaded the
way the app loads them (storage/history_store.py: the snapshot plus the journal's tail)
and turned into the history view's statistics. Goal: under 200 ms. The baseline, in the
same run, is only reading the file and parsing each line with json.loads; the first open
(no snapshot yet: reads everything, then writes one) is printed too.

    python benchmarks/history_stats.py [--sessions 20000]
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


def write_history(path: Path, count: int) -> None:
    rng = random.Random(7)
    start = datetime(2016, 11, 1, 9, tzinfo=timezone(timedelta(hours=1)))
    lines = []
    for i in range(count):
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
        journal = Journal(path)
        for _ in range(5):  # the sessions of a day since the snapshot was written
            journal.append({"type": "session", "routine_id": "desk-micro",
                            "routine_name": "Desk micro-break",
                            "started": "2026-11-01T10:00:00+01:00",
                            "ended": "2026-11-01T10:03:00+01:00", "completed": True,
                            "held": []})

        def later_open() -> None:
            stats = compute_stats(HistoryStore(Journal(path), snapshot).load(), today)
            assert stats.total_sessions == args.sessions + 5

        base, real = best_of(args.runs, baseline), best_of(args.runs, later_open)
    print(f"{args.sessions} sessions + check-ins, median of {args.runs}")
    print(f"read + json.loads of every line     : {base * 1000:7.1f} ms  (baseline)")
    print(f"first open (no snapshot yet) + stats: {first * 1000:7.1f} ms")
    print(f"open with snapshot + tail + stats   : {real * 1000:7.1f} ms  (goal < 200 ms)")
    print(f"ratio                               : {real / base:.2f}x the bare parse")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
