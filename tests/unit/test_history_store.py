"""The history snapshot: the same answers as reading everything, far less to parse, and
never trusted when the journal changed underneath it."""

from stretchtimer.core.tally import tally_of
from stretchtimer.storage.history_store import REWRITE_AFTER, HistoryStore
from stretchtimer.storage.journal import Journal


def fill(journal, n, start=0):
    for i in range(start, start + n):
        sid = journal.append({"type": "session", "routine_id": "r", "routine_name": "R",
                              "started": f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}T09:00:00+01:00",
                              "ended": "2026-01-01T09:03:00+01:00", "completed": i % 5 != 0,
                              "held": [{"exercise_id": "e", "side": "left", "seconds": 20,
                                        "muscles": ["hamstrings"]}]})
        journal.append({"type": "checkin", "session_id": sid, "rating": "good"})


def test_snapshot_plus_tail_equals_reading_everything(tmp_path):
    journal = Journal(tmp_path / "history.jsonl")
    store = HistoryStore(journal, tmp_path / "snap.json")
    fill(journal, REWRITE_AFTER)
    store.load()  # builds the snapshot
    assert (tmp_path / "snap.json").exists()
    fill(journal, 7, start=REWRITE_AFTER)
    assert store.load().to_json() == tally_of(journal.load().records).to_json()


def test_only_the_tail_is_parsed_when_a_snapshot_exists(tmp_path, monkeypatch):
    journal = Journal(tmp_path / "history.jsonl")
    store = HistoryStore(journal, tmp_path / "snap.json")
    fill(journal, REWRITE_AFTER)
    store.load()
    size = journal.path.stat().st_size
    fill(journal, 3, start=REWRITE_AFTER)
    starts = []
    real_load = Journal.load
    monkeypatch.setattr(Journal, "load", lambda self, start=0: starts.append(start) or
                        real_load(self, start))
    tally = store.load()
    assert starts == [size] and len(store.last.records) == 6  # 3 sessions + 3 check-ins
    assert tally.total == REWRITE_AFTER + 3


def test_a_snapshot_is_ignored_when_the_journal_changed_or_it_is_damaged(tmp_path):
    journal = Journal(tmp_path / "history.jsonl")
    snap = tmp_path / "snap.json"
    fill(journal, REWRITE_AFTER)
    HistoryStore(journal, snap).load()
    # the journal replaced by another of the same length (e.g. restored from elsewhere)
    raw = journal.path.read_bytes()
    journal.path.write_bytes(raw.replace(b'"completed":true', b'"completed":tru1', 1))
    everything = HistoryStore(journal, None).load()  # no snapshot: the whole journal
    assert everything.unreadable_lines == 1
    assert HistoryStore(journal, snap).load().to_json() == everything.to_json()
    # the journal cut short
    journal.path.write_bytes(raw[: len(raw) // 2])
    assert HistoryStore(journal, snap).load().total == tally_of(journal.load().records).total
    # a damaged snapshot is only a cache
    snap.write_bytes(b"\x00garbage")
    assert HistoryStore(journal, snap).load().total == tally_of(journal.load().records).total


def test_a_flipped_bit_in_the_snapshots_tally_is_noticed_and_rebuilt(tmp_path):
    from datetime import date

    from stretchtimer.core.history import compute_stats

    journal = Journal(tmp_path / "history.jsonl")
    snap = tmp_path / "snap.json"
    fill(journal, REWRITE_AFTER)
    truth = HistoryStore(journal, snap).load().to_json()
    raw = snap.read_bytes()
    # one bit: "28" -> "38" (0x32 -> 0x33), still JSON, no longer a date (the tally is
    # stored as JSON text inside the snapshot, so its quotes are escaped)
    damaged = raw.replace(b'\\"2026-01-28\\":', b'\\"2026-01-38\\":', 1)
    assert damaged != raw and bin(int.from_bytes(raw, "big") ^ int.from_bytes(damaged, "big")
                                  ).count("1") == 1
    snap.write_bytes(damaged)
    tally = HistoryStore(journal, snap).load()
    assert tally.to_json() == truth  # rebuilt from the journal, not taken from the cache
    compute_stats(tally, date(2026, 3, 1))  # every day in it is a real date


def test_records_that_are_json_but_not_readable_are_kept_skipped_and_counted(tmp_path):
    from datetime import date

    from stretchtimer.core.history import compute_stats, sessions_from
    from stretchtimer.core.progression import progression
    from tests.helpers import make_routine

    journal = Journal(tmp_path / "history.jsonl")
    fill(journal, 3)
    bad = {"type": "session", "routine_id": "r", "routine_name": "R", "completed": True,
           "ended": "2026-01-01T09:03:00+01:00", "held": []}
    sid = journal.append(dict(bad, started="2026-13-45T09:00:00+01:00"))
    journal.append({"type": "checkin", "session_id": sid, "rating": "good"})
    journal.append(dict(bad, started="yesterday"))
    journal.append(dict(bad, started="2026-01-05T09:00:00+01:00",
                        held=[{"exercise_id": "e", "side": "up", "seconds": "lots"}]))
    journal.append({"type": "reminder", "action": "offered", "at": "noon"})
    before = journal.path.read_bytes()
    tally = HistoryStore(journal, None).load()
    assert tally.total == 3 and tally.invalid_records == 4
    compute_stats(tally, date(2026, 3, 1))
    assert len(sessions_from(journal.load().records)) == 3
    ex = make_routine(hold_s=20, hold_levels_s=[20, 30]).exercises[0]
    progression([ex], tally.rated)  # every rated day is a date
    assert journal.path.read_bytes() == before  # kept on disk as it was
