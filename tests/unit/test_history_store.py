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
    monkeypatch.setattr(Journal, "load", lambda self, start=0, seen=None:
                        starts.append(start) or real_load(self, start, seen))
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


# --- several computers' journals (a synced folder, issue 19) ---

def session(journal, day, hour=9, held=20):
    return journal.append({"type": "session", "routine_id": "r", "routine_name": "R",
                           "started": f"{day}T{hour:02d}:00:00+01:00",
                           "ended": f"{day}T{hour:02d}:03:00+01:00", "completed": True,
                           "held": [{"exercise_id": "e", "side": "left", "seconds": held,
                                     "muscles": ["hamstrings"]}]})


def two_computers(tmp_path, n=REWRITE_AFTER):
    work, home = Journal(tmp_path / "history-work.jsonl"), Journal(tmp_path / "history-home.jsonl")
    fill(work, n)
    for i in range(n // 2):  # home: evenings, each rated
        sid = session(home, f"2025-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}", hour=20)
        home.append({"type": "checkin", "session_id": sid, "rating": "easy"})
    return work, home


def test_several_journals_snapshot_plus_tails_equal_reading_them_all(tmp_path):
    from stretchtimer.storage.synced_journals import load_merged

    work, home = two_computers(tmp_path)
    files = [work.path, home.path]
    store = HistoryStore(lambda: files, tmp_path / "snap.json")
    store.load()
    session(work, "2026-11-02")
    session(home, "2026-11-02", hour=21)
    tally = store.load()
    assert len(store.last.records) == 2  # only the two tails were read
    truth = tally_of(load_merged(tmp_path / "none", files).records)
    assert tally.to_json() == truth.to_json()
    assert tally.total == REWRITE_AFTER + REWRITE_AFTER // 2 + 2
    assert len(tally.rated) == REWRITE_AFTER + REWRITE_AFTER // 2


def test_the_order_journals_are_read_in_does_not_change_the_history(tmp_path):
    work, home = two_computers(tmp_path)
    one = HistoryStore(lambda: [work.path, home.path], None).load()
    other = HistoryStore(lambda: [home.path, work.path], None).load()
    assert one.to_json() == other.to_json()
    # the history list's last sessions are the newest of both computers, in time order
    starts = [s.started for s in one.recent]
    assert starts == sorted(starts) and starts[-1].isoformat().startswith("2026-")


def test_a_check_in_finds_its_session_after_another_computers_newer_sessions(tmp_path):
    """Read one after the other, the newer computer's 200 sessions came first; the older
    computer's ratings still count (progression replays them)."""
    old, new = Journal(tmp_path / "history-old.jsonl"), Journal(tmp_path / "history-new.jsonl")
    sid = session(old, "2020-01-06")
    old.append({"type": "checkin", "session_id": sid, "rating": "painful"})
    for i in range(REWRITE_AFTER + 5):
        session(new, f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}")
    tally = HistoryStore(lambda: [new.path, old.path], None).load()
    assert [r.rating.value for r in tally.rated] == ["painful"]
    assert len(tally.recent) == 200 and tally.total == REWRITE_AFTER + 6


def test_a_conflict_copy_that_appears_later_is_not_counted_twice(tmp_path):
    work, home = two_computers(tmp_path, n=40)
    snap = tmp_path / "snap.json"
    files = [work.path, home.path]
    before = HistoryStore(lambda: files, snap).load().to_json()
    copy = tmp_path / "history-work.sync-conflict-20261201-101010-ABCDEFG.jsonl"
    copy.write_bytes(work.path.read_bytes())
    files.append(copy)
    store = HistoryStore(lambda: files, snap)
    after = store.load()
    assert after.duplicates == before["duplicates"] + 80  # 40 sessions + 40 check-ins
    assert {k: v for k, v in after.to_json().items() if k != "duplicates"} == \
        {k: v for k, v in before.items() if k != "duplicates"}
    assert len(store.last.records) == 0  # the copy held nothing new


def test_a_journal_that_vanished_or_was_replaced_is_no_longer_counted(tmp_path):
    work, home = two_computers(tmp_path, n=40)
    snap = tmp_path / "snap.json"
    files = [work.path, home.path]
    assert HistoryStore(lambda: files, snap).load().total == 60
    files.remove(home.path)  # e.g. deleted on another computer, and the deletion synced
    assert HistoryStore(lambda: files, snap).load().total == 40
    files.append(home.path)
    assert HistoryStore(lambda: files, snap).load().total == 60
    raw = home.path.read_bytes()
    home.path.write_bytes(raw[: raw.index(b"\n") + 1])  # replaced by a shorter file
    assert HistoryStore(lambda: files, snap).load().total == 41
