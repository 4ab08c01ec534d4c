"""Journals of several computers in a synced folder, merged by record id: overlapping
ids, torn lines, conflict copies, records from a newer version, files appearing and
vanishing, and what sync tools leave half-made."""

import json
import os

from stretchtimer.storage.journal import Journal
from stretchtimer.storage.synced_journals import (
    installation_id,
    journal_files,
    load_merged,
    own_journal_name,
)


def record(rid, **extra):
    return {"id": rid, "schema_version": 1, "type": "session", "routine_id": "desk-micro",
            **extra}


def write(path, *records, tail=b""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in records) + tail)
    return path


def test_every_computers_records_count_once(tmp_path):
    write(tmp_path / "history-work-1a2b3c4d.jsonl", record("a"), record("b"))
    write(tmp_path / "history-home-5e6f7a8b.jsonl", record("c"), record("b"))  # b twice
    merged = load_merged(tmp_path)
    assert sorted(r["id"] for r in merged.records) == ["a", "b", "c"]
    assert merged.duplicates == 1 and len(merged.files) == 2


def test_conflict_copies_are_read_and_temporary_files_are_not(tmp_path):
    write(tmp_path / "history-work-1.jsonl", record("a"))
    write(tmp_path / "history-work-1.sync-conflict-20261201-101010-ABCDEFG.jsonl",
          record("a"), record("z"))  # Syncthing
    write(tmp_path / "history-work-1 (conflicted copy 2026-12-01).jsonl", record("y"))
    write(tmp_path / "history-work-1-conflict-20261201.jsonl", record("x"))
    write(tmp_path / ".syncthing.history-home-2.jsonl.tmp", record("half"))
    write(tmp_path / "~history-home-2.jsonl.partial", record("half2"))
    write(tmp_path / "notes.txt", record("other"))
    write(tmp_path / "history-work-1 (Alice's conflicted copy 2026-11-02).jsonl",
          record("w"))  # Dropbox
    assert sorted(r["id"] for r in load_merged(tmp_path).records) == ["a", "w", "x", "y", "z"]
    # copies are journals, not computers; a host with "conflict" in its name is one
    from stretchtimer.storage.synced_journals import is_copy

    copies = [p.name for p in journal_files(tmp_path) if is_copy(p)]
    assert len(copies) == 3 and not is_copy(tmp_path / "history-conflict-lab-1a2b3c4d.jsonl")
    assert is_copy(tmp_path / "history-lab-1a2b3c4d-conflict-20261201.jsonl")


def test_a_file_being_synced_is_read_up_to_its_last_whole_line(tmp_path):
    write(tmp_path / "history-home-2.jsonl", record("a"), record("b"),
          tail=b'{"id": "c", "schema_ver')
    merged = load_merged(tmp_path)
    # not counted as damaged: the rest of it may still come (its end is where reading stops)
    assert [r["id"] for r in merged.records] == ["a", "b"] and merged.unreadable_lines == 0


def test_records_from_a_newer_version_are_kept_on_disk_and_not_read(tmp_path):
    path = write(tmp_path / "history-home-2.jsonl", record("a"),
                 {**record("future"), "schema_version": 9})
    before = path.read_bytes()
    merged = load_merged(tmp_path)
    assert [r["id"] for r in merged.records] == ["a"] and merged.newer_records == 1
    assert path.read_bytes() == before


def test_files_appearing_and_vanishing_and_the_folder_going_away(tmp_path):
    folder = tmp_path / "sync"
    write(folder / "history-a-1.jsonl", record("a"))
    assert [r["id"] for r in load_merged(folder).records] == ["a"]
    write(folder / "history-b-2.jsonl", record("b"))  # synced in from another computer
    assert sorted(r["id"] for r in load_merged(folder).records) == ["a", "b"]
    (folder / "history-a-1.jsonl").unlink()
    assert [r["id"] for r in load_merged(folder).records] == ["b"]
    local = write(tmp_path / "local.jsonl", record("l"))
    (folder / "history-b-2.jsonl").unlink()
    folder.rmdir()  # an unmounted drive
    assert journal_files(folder) == []
    assert [r["id"] for r in load_merged(folder, [local]).records] == ["l"]


def test_a_fifo_named_like_a_journal_never_blocks(tmp_path):
    os.mkfifo(tmp_path / "history-evil-0.jsonl")
    write(tmp_path / "history-a-1.jsonl", record("a"))
    assert [p.name for p in journal_files(tmp_path)] == ["history-a-1.jsonl"]


def test_this_computers_journal_name_is_stable_and_readable(tmp_path):
    name = own_journal_name(tmp_path, host="Anna's MacBook Pro.local")
    assert name.startswith("history-anna-s-macbook-pro-local-") and name.endswith(".jsonl")
    assert own_journal_name(tmp_path, host="Anna's MacBook Pro.local") == name  # stable
    assert own_journal_name(tmp_path, host="").startswith("history-computer-")
    (tmp_path / "installation-id").write_bytes(b"\xff garbage")
    fresh = installation_id(tmp_path)  # a damaged id file: a new id, written whole
    assert len(fresh) == 8 and (tmp_path / "installation-id").read_text().strip() == fresh


def test_appends_through_the_journal_land_in_the_merge(tmp_path):
    own = Journal(tmp_path / own_journal_name(tmp_path, host="work"))
    rid = own.append({"type": "session", "routine_id": "walk-break"})
    write(tmp_path / "history-home-9.jsonl", record("h"))
    assert {r["id"] for r in load_merged(tmp_path).records} == {rid, "h"}
