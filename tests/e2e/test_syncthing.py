"""History on two computers kept together by real Syncthing (issue 19): two stretchtimer
homes, each with its own Syncthing (tests/syncthing_pair.py, on 127.0.0.1 only), turn
syncing on with `stretchtimer --sync-folder`, record sessions the way the app does
(tests/history_writer.py), and must end with the same history: no session twice, none
lost, whatever is killed with -9 on the way, and after a side was offline."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from stretchtimer.storage.paths import Paths
from stretchtimer.storage.synced_journals import ID_FILE, journal_files
from tests.syncthing_pair import SyncthingPair

ROOT = Path(__file__).resolve().parents[2]


class Computer:
    """One stretchtimer home (a computer) and the folder its Syncthing syncs."""

    def __init__(self, root: Path, name: str) -> None:
        self.home, self.sync = root / name, root / f"{name}-sync"
        self.sync.mkdir(parents=True)
        self.env = dict(os.environ, STRETCHTIMER_HOME=str(self.home), PYTHONPATH=str(ROOT),
                        QT_QPA_PLATFORM="offscreen")

    def run(self, *args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "stretchtimer", *args], env=self.env,
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def record(self, n: int, day: str) -> list[str]:
        """n sessions, recorded the app's way; their ids."""
        done = subprocess.run([sys.executable, str(ROOT / "tests" / "history_writer.py"),
                               str(n), day], env=self.env, cwd=ROOT, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    def writer(self, day: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, str(ROOT / "tests" / "history_writer.py"),
                                 "0", day], env=self.env, cwd=ROOT, stdout=subprocess.PIPE)

    def exported(self) -> tuple[list[str], bytes]:
        """--export's sessions (their ids, in the order listed) and its CSV."""
        out = self.home / "export"
        out.mkdir(exist_ok=True)
        self.run("--export", str(out / "h.json"), "--force")
        self.run("--export", str(out / "h.csv"), "--force")
        records = json.loads((out / "h.json").read_text())["records"]
        return [r["id"] for r in records if r["type"] == "session"], (out / "h.csv").read_bytes()


def pair_of_computers(tmp_path):
    work, home = Computer(tmp_path, "work"), Computer(tmp_path, "home")
    pair = SyncthingPair(tmp_path / "syncthing", {"a": work.sync, "b": home.sync})
    return work, home, pair


def both_synced(work, home, pair):
    work.run("--sync-folder", str(work.sync))
    home.run("--sync-folder", str(home.sync))
    pair.wait_in_sync()


def assert_same_history(work, home, expected, in_flight=0):
    """Both homes export the same sessions, each once: every one expected, and at most
    `in_flight` more (saved by a writer killed before it could report them)."""
    (w_ids, w_csv), (h_ids, h_csv) = work.exported(), home.exported()
    assert h_ids == w_ids
    assert len(w_ids) == len(set(w_ids)), "a session listed twice"
    lost = set(expected) - set(w_ids)
    assert not lost, f"{len(lost)} saved session(s) lost"
    assert len(set(w_ids) - set(expected)) <= in_flight
    assert w_csv == h_csv  # the same sessions, listed the same way, from either home


def test_sessions_recorded_on_both_computers_appear_on_both_once(tmp_path):
    work, home, pair = pair_of_computers(tmp_path)
    before = work.record(3, "2026-11-30") + home.record(2, "2026-11-29")  # kept locally
    with pair:
        assert "3 record(s) copied" in work.run("--sync-folder", str(work.sync))
        pair.wait_in_sync()
        assert "2 record(s) copied" in home.run("--sync-folder", str(home.sync))
        after = work.record(5, "2026-12-01") + home.record(4, "2026-12-01")
        pair.wait_in_sync()
        assert_same_history(work, home, before + after)
        # each computer wrote only its own journal: one per installation, no copies made
        names = sorted(p.name for p in journal_files(work.sync))
        assert names == sorted(p.name for p in journal_files(home.sync)) and len(names) == 2
        assert not [p for p in work.sync.iterdir() if "conflict" in p.name]
        # and `--status`-style reading is the app's: the merged history counts each once
        assert "exported 14 session(s)" in work.run("--export", str(tmp_path / "w.csv"))


def test_kill_9_while_writing_and_while_syncing_loses_nothing_saved(tmp_path):
    work, home, pair = pair_of_computers(tmp_path)
    with pair:
        both_synced(work, home, pair)
        saved: list[str] = []
        writers = [work.writer("2026-12-01"), home.writer("2026-12-02")]
        try:
            for w in writers:
                saved.append(w.stdout.readline().decode().strip())  # both are writing
            time.sleep(0.5)  # a real process killed mid-stream, not a FakeClock's business
            pair.kill("b")  # home's Syncthing, in the middle of syncing work's records
            time.sleep(0.3)
        finally:
            for w in writers:
                w.send_signal(signal.SIGKILL)
                w.wait()
                rest = w.stdout.read().decode().split("\n")
                saved += rest[:-1]  # the last piece may be cut off: it was not reported
                w.stdout.close()
        assert len(saved) > 20
        pair.start("b")
        pair.wait_in_sync(timeout=90)
        assert_same_history(work, home, saved, in_flight=len(writers))


def test_a_computer_offline_for_a_while_catches_up(tmp_path):
    work, home, pair = pair_of_computers(tmp_path)
    with pair:
        both_synced(work, home, pair)
        pair.stop("b")  # home's computer is off (its Syncthing with it)
        at_work = work.record(6, "2026-12-01")
        at_home = home.record(3, "2026-12-01")  # recorded at home meanwhile, unsynced
        assert len(home.exported()[0]) == 3  # home sees only its own sessions for now
        pair.start("b")
        pair.wait_in_sync(timeout=90)
        assert_same_history(work, home, at_work + at_home)


def test_a_conflict_copy_made_by_syncthing_is_merged_and_counted_once(tmp_path):
    """A home copied to a new computer keeps its installation id, so both write the same
    journal; changed on both sides while apart, Syncthing keeps one version as a
    .sync-conflict copy. Every session is in the history once, on both computers."""
    work, home, pair = pair_of_computers(tmp_path)
    with pair:
        work.run("--sync-folder", str(work.sync))
        pair.wait_in_sync()
        Paths.under(home.home).data.mkdir(parents=True)
        (Paths.under(home.home).data / ID_FILE).write_bytes(
            (Paths.under(work.home).data / ID_FILE).read_bytes())
        home.run("--sync-folder", str(home.sync))
        first = work.record(2, "2026-11-30")
        pair.wait_in_sync()
        pair.pause_device("a")
        apart = work.record(3, "2026-12-01") + home.record(4, "2026-12-01")
        pair.resume_device("a")
        pair.wait_in_sync(timeout=90)
        conflicts = [p.name for p in work.sync.iterdir() if ".sync-conflict-" in p.name]
        assert conflicts and all(n.endswith(".jsonl") for n in conflicts)
        assert_same_history(work, home, first + apart)


def test_a_routine_made_at_work_is_there_at_home_and_two_edits_keep_both(tmp_path):
    work, home, pair = pair_of_computers(tmp_path)
    with pair:
        for c in (work, home):
            c.run("--sync-folder", str(c.sync))
            settings = Paths.under(c.home).settings_file
            data = json.loads(settings.read_text())
            data["history"]["sync_routines"] = True  # as Settings > History does
            settings.write_text(json.dumps(data))
        mine = json.loads((ROOT / "assets" / "routines" / "walk-break.json").read_text())
        mine.update(id="office-walk", name="Office walk")
        (tmp_path / "office-walk.json").write_text(json.dumps(mine))
        work.run("--import", str(tmp_path / "office-walk.json"))
        pair.wait_in_sync()
        assert "office-walk" in home.run("--list-routines")
        pair.pause_device("a")
        for c, name in ((work, "Office walk (work)"), (home, "Office walk (home)")):
            edited = dict(mine, name=name)
            (c.sync / "routines" / "office-walk.json").write_text(json.dumps(edited))
        pair.resume_device("a")
        pair.wait_in_sync(timeout=90)
        versions = sorted(json.loads(p.read_text())["name"]
                          for p in (work.sync / "routines").glob("office-walk*.json"))
        assert versions == ["Office walk (home)", "Office walk (work)"]  # both kept
        for c in (work, home):
            listed = subprocess.run([sys.executable, "-m", "stretchtimer", "--list-routines"],
                                    env=c.env, cwd=ROOT, capture_output=True, text=True)
            assert listed.returncode == 0 and listed.stderr == ""  # the copy is no clash
            assert listed.stdout.count("office-walk") == 1
