"""Where the history is written and read with a synced folder: turning it on copies and
checks, each computer writes its own journal (and a local copy), a folder that is away
keeps records pending and gets them when it is back, turning it off keeps everything."""

import json

import pytest

from stretchtimer.storage.history_files import (
    MARKER,
    HistoryFiles,
    SyncProblem,
    start_syncing,
    stop_syncing,
)
from stretchtimer.storage.history_store import HistoryStore
from stretchtimer.storage.journal import Journal
from stretchtimer.storage.paths import Paths
from stretchtimer.storage.synced_journals import load_merged


def session(day):
    return {"type": "session", "routine_id": "desk-micro", "routine_name": "Desk",
            "started": f"{day}T10:00:00+01:00", "ended": f"{day}T10:03:00+01:00",
            "completed": True, "held": []}


@pytest.fixture
def computers(tmp_path):
    """Two homes (computers) and the folder a sync tool keeps the same on both (here it
    is one folder; tests/e2e/test_syncthing.py syncs two with Syncthing)."""
    folder = tmp_path / "Sync" / "stretchtimer"
    folder.mkdir(parents=True)
    return Paths.under(tmp_path / "work"), Paths.under(tmp_path / "home"), folder


def total(files):
    return HistoryStore(files.sources, None).load().total


def test_turning_it_on_copies_the_history_in_checks_it_and_keeps_the_original(computers):
    work, home, folder = computers
    for day in ("2026-11-02", "2026-11-03"):
        Journal(work.journal).append(session(day))
    Journal(home.journal).append(session("2026-11-03"))
    original = work.journal.read_bytes()
    assert start_syncing(work, folder)[0] == 2
    assert start_syncing(home, folder)[0] == 1
    assert work.journal.read_bytes() == original  # kept as it was
    assert (folder / MARKER).is_file()
    assert start_syncing(work, folder)[0] == 0  # on again: nothing twice
    names = sorted(p.name for p in folder.glob("history-*.jsonl"))
    assert len(names) == 2 and all(n.endswith(".jsonl") for n in names)
    for paths in (work, home):
        assert total(HistoryFiles.of(paths, folder)) == 3


def test_each_computer_writes_its_own_journal_and_keeps_a_local_copy(computers):
    work, home, folder = computers
    start_syncing(work, folder)
    start_syncing(home, folder)
    w, h = HistoryFiles.of(work, folder), HistoryFiles.of(home, folder)
    rid = w.append(session("2026-11-04"))
    h.append(session("2026-11-04"))
    assert [r["id"] for r in Journal(w.own).load().records] == [rid]
    assert [r["id"] for r in Journal(work.journal).load().records] == [rid]
    assert total(w) == total(h) == 2
    # another computer's deletion, synced here, takes nothing of this computer's away
    w.own.unlink()
    assert total(w) == 2 and total(h) == 1


def test_a_folder_that_is_away_keeps_records_pending_and_gets_them_back(computers):
    work, _home, folder = computers
    start_syncing(work, folder)
    told = []
    files = HistoryFiles.of(work, folder)
    files.changed = lambda state, added, why: told.append((state, added))
    files.append(session("2026-11-05"))
    assert told == []  # synced from the start: nothing to say
    mounted = folder.rename(folder.with_name("unmounted"))
    folder.mkdir()  # the empty mount point a drive leaves
    files.append(session("2026-11-06"))
    files.append(session("2026-11-07"))
    assert told == [("away", 0)]
    assert list(folder.iterdir()) == []  # nothing written into the mount point
    assert total(files) == 3  # the local copy: everything this computer recorded
    folder.rmdir()
    mounted.rename(folder)
    assert total(files) == 3
    assert told == [("away", 0), ("synced", 2)]
    assert not files.pending.exists()
    assert len(Journal(files.own).load().records) == 3


def test_a_write_that_fails_in_the_folder_goes_pending(computers):
    work, _home, folder = computers
    start_syncing(work, folder)
    files = HistoryFiles.of(work, folder)
    files.own.mkdir()  # cannot be appended to (as a share that drops mid-write)
    rid = files.append(session("2026-11-05"))
    assert [r["id"] for r in Journal(files.pending).load().records] == [rid]
    assert [r["id"] for r in Journal(work.journal).load().records] == [rid]


def test_turning_it_off_keeps_a_local_copy_of_every_computers_history(computers):
    work, home, folder = computers
    start_syncing(work, folder)
    start_syncing(home, folder)
    HistoryFiles.of(home, folder).append(session("2026-11-04"))
    HistoryFiles.of(work, folder).append(session("2026-11-04"))
    assert stop_syncing(work, folder) == 1  # home's session
    assert total(HistoryFiles.of(work, None)) == 2
    assert stop_syncing(work, folder) == 0
    assert len(load_merged(folder).records) == 2  # the folder is left as it was


def test_turning_it_on_says_what_is_wrong_with_the_folder(computers, tmp_path):
    work, _home, folder = computers
    with pytest.raises(SyncProblem, match="full path"):
        start_syncing(work, folder.relative_to(tmp_path))
    with pytest.raises(SyncProblem, match="is not a folder here"):
        start_syncing(work, tmp_path / "missing")
    (tmp_path / "file").write_text("x")
    with pytest.raises(SyncProblem, match="is not a folder here"):
        start_syncing(work, tmp_path / "file")
    (folder / MARKER).mkdir()
    with pytest.raises(SyncProblem, match="could not write into"):
        start_syncing(work, folder)


# --- what the review of the first version found (each failed before its fix) ---

def test_a_folder_the_system_cannot_even_look_at_keeps_the_session_here(computers):
    work, _home, folder = computers
    files = HistoryFiles.of(work, folder / ("x" * 300))  # ENAMETOOLONG, as a dropped share
    rid = files.append(session("2026-12-01"))              # gives ENOTCONN or EIO
    assert files.state() == "away"
    assert [r["id"] for r in Journal(work.journal).load().records] == [rid]
    assert HistoryStore(files.sources, None).load().total == 1


def test_a_journal_that_cannot_be_read_is_named_and_the_rest_still_count(computers, tmp_path):
    import os

    work, _home, folder = computers
    start_syncing(work, folder)
    files = HistoryFiles.of(work, folder)
    files.append(session("2026-12-01"))
    os.symlink("/proc/self/mem", work.journal.with_name("broken.jsonl"))  # reading: EIO
    store = HistoryStore(lambda: [*files.sources(), work.journal.with_name("broken.jsonl")],
                         None)
    assert store.load().total == 1
    assert len(store.problems) == 1 and store.problems[0].startswith("broken.jsonl: ")
    os.mkfifo(tmp_path / "fifo.jsonl")  # and a FIFO never blocks the reader
    assert Journal(tmp_path / "fifo.jsonl").load().problem == "fifo.jsonl: not a plain file"


def test_a_link_planted_as_this_computers_journal_is_never_written_through(computers, tmp_path):
    import os

    work, _home, folder = computers
    start_syncing(work, folder)
    files = HistoryFiles.of(work, folder)
    victim = tmp_path / "bashrc"
    victim.write_text("export PS1='$ '\n")
    os.symlink(victim, files.own)  # another computer synced a link here
    rid = files.append(session("2026-12-01"))
    assert victim.read_text() == "export PS1='$ '\n"
    assert rid in {r["id"] for r in Journal(work.journal).load().records}


def test_no_id_can_be_kept_for_this_computer_and_sessions_are_still_saved(computers):
    work, _home, folder = computers
    start_syncing(work, folder)
    (work.data / "installation-id").unlink()
    (work.data / "installation-id").mkdir()  # cannot be read nor written
    files = HistoryFiles.of(work, folder)
    assert files.own is None
    rid = files.append(session("2026-12-01"))
    assert rid in {r["id"] for r in Journal(work.journal).load().records}


def test_turning_it_off_while_the_folder_is_away_is_refused(computers):
    work, home, folder = computers
    start_syncing(work, folder)
    (folder / MARKER).unlink()
    with pytest.raises(SyncProblem, match="is not there now"):
        stop_syncing(work, folder)


def test_records_of_a_newer_stretchtimer_are_copied_along_both_ways(computers):
    work, home, folder = computers
    newer = {"id": "from-the-future", "schema_version": 2, "type": "session"}
    Journal(work.journal).extend([newer])
    start_syncing(work, folder)
    assert "from-the-future" in {r["id"] for m in [load_merged(folder)] for r in m.newer}
    start_syncing(home, folder)
    stop_syncing(home, folder)
    assert [r["id"] for r in Journal(home.journal).load().newer] == ["from-the-future"]


def test_switching_from_one_folder_to_another_copies_each_record_once(computers, tmp_path):
    from stretchtimer.storage.history_files import switch_folder

    work, home, folder = computers
    for day in ("2026-11-01", "2026-11-02"):
        Journal(work.journal).append(session(day))
    start_syncing(work, folder)
    start_syncing(home, folder)
    HistoryFiles.of(home, folder).append(session("2026-11-03"))
    other = tmp_path / "Other"
    other.mkdir()
    copied, _ = switch_folder(work, folder, other)
    assert copied == 3
    (own,) = [p for p in other.glob("history-*.jsonl")]
    lines = own.read_text().splitlines()
    assert len(lines) == len({json.loads(line)["id"] for line in lines}) == 3
