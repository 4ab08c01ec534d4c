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
