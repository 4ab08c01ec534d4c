"""history.jsonl: a file cut at any byte loads and loses at most the torn record; a full
disk loses nothing saved (the real kills and a real full disk: tests/e2e)."""

import errno
import os

import pytest

from stretchtimer.storage.journal import Journal


def test_truncated_at_every_byte_loads_and_loses_at_most_the_torn_record(tmp_path):
    path = tmp_path / "history.jsonl"
    journal = Journal(path)
    ids = [journal.append({"type": "session", "n": i, "text": "naïve ✓ " * i}) for i in range(6)]
    raw = path.read_bytes()
    ends = [i + 1 for i, b in enumerate(raw) if b == ord("\n")]  # where each record ends
    cut = tmp_path / "cut.jsonl"
    for offset in range(len(raw) + 1):
        cut.write_bytes(raw[:offset])
        loaded = Journal(cut).load()
        complete = sum(1 for e in ends if e <= offset)
        got = [r["id"] for r in loaded.records]
        assert got[:complete] == ids[:complete]
        assert len(got) in (complete, complete + 1)  # a torn JSON object can still parse
        assert loaded.unreadable_lines <= 1


def test_an_append_after_a_torn_line_starts_clean(tmp_path):
    path = tmp_path / "history.jsonl"
    journal = Journal(path)
    first = journal.append({"type": "session"})
    with open(path, "ab") as f:
        f.write(b'{"id":"torn","schema_ver')  # a crash in the middle of a write
    second = journal.append({"type": "session"})
    loaded = journal.load()
    assert [r["id"] for r in loaded.records] == [first, second]
    assert loaded.unreadable_lines == 1


def test_duplicates_dropped_and_newer_records_kept_but_not_read(tmp_path):
    path = tmp_path / "history.jsonl"
    journal = Journal(path)
    rid = journal.append({"type": "session"})
    line = path.read_bytes()
    with open(path, "ab") as f:
        f.write(line)  # the same record again (a backup appended twice)
        f.write(b'{"id":"from-the-future","schema_version":99,"type":"session"}\n')
    loaded = journal.load()
    assert [r["id"] for r in loaded.records] == [rid]
    assert (loaded.duplicates, loaded.newer_records) == (1, 1)
    assert b"from-the-future" in path.read_bytes()  # never removed


def test_a_full_disk_loses_nothing_already_saved(tmp_path, monkeypatch):
    journal = Journal(tmp_path / "history.jsonl")
    saved = [journal.append({"type": "session", "n": i}) for i in range(3)]

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        journal.append({"type": "session", "n": 3})
    monkeypatch.undo()
    assert [r["id"] for r in journal.load().records][:3] == saved


def _fill(folder):
    """Fill the file system of `folder` to the last byte."""
    with open(folder / "filler", "wb", buffering=0) as f:
        for size in (4096, 1):
            try:
                while f.write(b"\0" * size):
                    pass
            except OSError:
                pass


def test_an_append_whose_fsync_fails_is_taken_back(tmp_path, monkeypatch):
    journal = Journal(tmp_path / "history.jsonl")
    journal.append({"type": "x", "n": 1})
    before = journal.path.read_bytes()

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        journal.append({"type": "x", "n": 2})
    monkeypatch.undo()
    assert journal.path.read_bytes() == before
    assert [r["n"] for r in journal.load().records] == [1]


def test_a_deeply_nested_or_duplicate_key_line_is_skipped_and_counted(tmp_path):
    journal = Journal(tmp_path / "history.jsonl")
    journal.append({"type": "x", "n": 1})
    with open(journal.path, "ab") as f:
        f.write(b'{"id": "deep", "schema_version": 1, "x": ' + b"[" * 100000 + b"]" * 100000
                + b"}\n")
        f.write(b'{"id": "dup", "id": "dup2", "schema_version": 1}\n')
        f.write(b'{"id": "big", "schema_version": 1, "n": ' + b"9" * 5000 + b"}\n")
    journal.append({"type": "x", "n": 2})
    loaded = journal.load()
    assert [r["n"] for r in loaded.records] == [1, 2] and loaded.unreadable_lines == 3
