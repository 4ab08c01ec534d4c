"""The two-Syncthing harness (tests/syncthing_pair.py) with plain files: both ways, appends
on both sides, kill -9 in the middle of a transfer, and a side that was away catching up."""

import os
import time

import pytest

from tests.syncthing_pair import FOLDER_ID, SyncthingPair


def names(folder):
    """What a user would see in the folder: no marker, no Syncthing temporaries."""
    return {p.name for p in folder.iterdir()
            if p.name != ".stfolder" and not p.name.startswith(".syncthing.")}


def temporaries(folder):
    return {p.name for p in folder.glob(".syncthing.*.tmp")}


def test_a_file_written_on_either_side_arrives_on_the_other(tmp_path):
    with SyncthingPair(tmp_path) as pair:
        a, b = pair.folder("a"), pair.folder("b")
        (a / "from-a.bin").write_bytes(b"\x00a\n" * 1000)
        pair.wait_in_sync(timeout=30)
        assert (b / "from-a.bin").read_bytes() == b"\x00a\n" * 1000
        (b / "from-b.txt").write_text("written on b\n")
        pair.wait_in_sync(timeout=30)
        assert (a / "from-b.txt").read_text() == "written on b\n"
        assert names(a) == names(b) == {"from-a.bin", "from-b.txt"}
        # the pair stays private: only its own folder (no ~/Sync), nothing announced
        for side in "ab":
            assert [f["id"] for f in pair.get(side, "/rest/config/folders")] == [FOLDER_ID]
            options = pair.get(side, "/rest/config/options")
            assert options["listenAddresses"] == [f"tcp://127.0.0.1:{pair.sync_port[side]}"]
            assert not (options["globalAnnounceEnabled"] or options["localAnnounceEnabled"]
                        or options["relaysEnabled"] or options["natEnabled"])
            assert options["urAccepted"] == -1 and not options["crashReportingEnabled"]
            assert options["autoUpgradeIntervalH"] == 0
        assert list((tmp_path / "a" / "home").iterdir()) == []


def test_appends_on_both_sides_to_different_files_both_arrive(tmp_path):
    with SyncthingPair(tmp_path) as pair:
        a, b = pair.folder("a"), pair.folder("b")
        (a / "journal-a.jsonl").write_text('{"n": 1}\n')
        (b / "journal-b.jsonl").write_text('{"n": 1}\n')
        pair.wait_in_sync(timeout=30)
        for folder, name in ((a, "journal-a.jsonl"), (b, "journal-b.jsonl")):
            with open(folder / name, "a") as f:
                f.write('{"n": 2}\n')
        pair.wait_in_sync(timeout=30)
        for folder in (a, b):
            for name in ("journal-a.jsonl", "journal-b.jsonl"):
                assert (folder / name).read_text() == '{"n": 1}\n{"n": 2}\n', (folder, name)


def sent_to_b(pair):
    """Bytes a has sent b over their current connection."""
    conn = pair.get("a", "/rest/system/connections")["connections"][pair.device_id["b"]]
    return conn["outBytesTotal"]


def test_kill_9_mid_transfer_then_restart_leaves_the_whole_file(tmp_path):
    data = os.urandom(20 * 2**20)
    with SyncthingPair(tmp_path) as pair:
        a, b = pair.folder("a"), pair.folder("b")
        pair.wait_in_sync(timeout=30)  # connected, before the sender is slowed down
        pair.throttle("a", 4096)  # 20 MiB at 4 MiB/s: about 5 s to catch it halfway
        (a / "big.bin").write_bytes(data)
        pair.rescan("a")
        temp = b / ".syncthing.big.bin.tmp"
        deadline = time.monotonic() + 30
        while not (temp.exists() and sent_to_b(pair) >= 4 * 2**20):
            assert time.monotonic() < deadline, f"no transfer to b seen\n{pair.logs()}"
            time.sleep(0.02)
        pair.kill("b")
        assert sent_to_b(pair) < len(data)
        assert not (b / "big.bin").exists() and temp.exists()  # killed halfway indeed
        pair.throttle("a", 0)
        pair.start("b")
        pair.wait_in_sync(timeout=60)
        assert (b / "big.bin").read_bytes() == data
        assert names(a) == names(b) == {"big.bin"}
        assert temporaries(a) == set()  # a temporary is never synced as a file
        assert temporaries(b) == set()  # b went on from its temporary and renamed it


@pytest.mark.parametrize("away", ["paused", "stopped"])
def test_a_side_away_catches_up_both_ways(tmp_path, away):
    with SyncthingPair(tmp_path) as pair:
        a, b = pair.folder("a"), pair.folder("b")
        (a / "before.txt").write_text("before\n")
        pair.wait_in_sync(timeout=30)
        if away == "paused":
            pair.pause_device("b")
        else:
            pair.stop("b")
        (a / "while-away-a.txt").write_text("a\n")
        (b / "while-away-b.txt").write_text("b\n")
        with open(a / "before.txt", "a") as f:
            f.write("appended on a\n")
        if away == "paused":
            # both sides scan, but nothing crosses, and the harness says why
            with pytest.raises(AssertionError, match="not connected"):
                pair.wait_in_sync(timeout=2)
            assert not (b / "while-away-a.txt").exists()
            assert not (a / "while-away-b.txt").exists()
            pair.resume_device("b")
        else:
            pair.start("b")
        pair.wait_in_sync(timeout=30)
        for folder in (a, b):
            assert names(folder) == {"before.txt", "while-away-a.txt", "while-away-b.txt"}
            assert (folder / "while-away-a.txt").read_text() == "a\n"
            assert (folder / "while-away-b.txt").read_text() == "b\n"
            assert (folder / "before.txt").read_text() == "before\nappended on a\n"
