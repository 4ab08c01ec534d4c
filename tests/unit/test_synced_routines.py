"""The user's routines in the synced folder: copied in and back without overwriting,
a sync tool's conflict copies kept aside, an edit saved over another computer's keeps
that version aside."""

import json
import os

from stretchtimer.storage.paths import Paths
from stretchtimer.storage.settings import HistorySettings, Settings
from stretchtimer.storage.synced_routines import (
    KEPT_ASIDE,
    file_state,
    keep_copies_aside,
    keep_if_changed,
    merge_routines,
    routines_folder,
)


def write(path, name, when=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"id": path.stem, "name": name}))
    if when is not None:
        os.utime(path, (when, when))
    return path


def test_the_routines_folder_follows_the_settings(tmp_path):
    from stretchtimer.storage.history_files import MARKER

    paths = Paths.under(tmp_path)
    sync = tmp_path / "media" / "sync"
    assert routines_folder(paths, Settings()) == paths.user_routines
    synced = Settings(history=HistorySettings(sync_folder=str(sync), sync_routines=True))
    assert routines_folder(paths, synced) == paths.user_routines  # not there (unmounted)
    sync.mkdir(parents=True)
    assert routines_folder(paths, synced) == paths.user_routines  # a bare mount point
    (sync / MARKER).write_text("x")
    assert routines_folder(paths, synced) == sync / "routines"
    history_only = Settings(history=HistorySettings(sync_folder=str(sync)))
    assert routines_folder(paths, history_only) == paths.user_routines


def test_merging_copies_new_ones_and_keeps_both_versions_of_one_in_both(tmp_path):
    mine, shared = tmp_path / "mine", tmp_path / "shared"
    write(mine / "neck.json", "Neck (mine)")
    write(mine / "same.json", "Same")
    write(shared / "same.json", "Same")
    write(mine / "older.json", "Older here", when=1_000_000)
    write(shared / "older.json", "Newer there", when=2_000_000)
    write(mine / "newer.json", "Newer here", when=2_000_000)
    write(shared / "newer.json", "Older there", when=1_000_000)
    kept = merge_routines(mine, shared)
    assert json.loads((shared / "neck.json").read_text())["name"] == "Neck (mine)"
    assert json.loads((shared / "older.json").read_text())["name"] == "Newer there"
    assert json.loads((shared / "newer.json").read_text())["name"] == "Newer here"
    assert sorted(json.loads(p.read_text())["name"] for p in kept) == \
        ["Older here", "Older there"]
    assert all(p.parent == shared / KEPT_ASIDE for p in kept)
    assert json.loads((mine / "older.json").read_text())["name"] == "Older here"  # left as is


def test_merging_twice_keeps_nothing_more(tmp_path):
    mine, shared = tmp_path / "mine", tmp_path / "shared"
    write(mine / "a.json", "A")
    assert merge_routines(mine, shared) == []
    assert merge_routines(mine, shared) == []
    assert sorted(p.name for p in shared.iterdir()) == ["a.json"]


def test_a_sync_tools_conflict_copies_are_kept_aside_and_nothing_else(tmp_path):
    folder = tmp_path / "routines"
    write(folder / "neck.json", "Neck")
    write(folder / "neck.sync-conflict-20261201-101010-ABCDEFG.json", "Neck (laptop)")
    write(folder / "neck (conflicted copy 2026-12-01).json", "Neck (Nextcloud)")
    write(folder / "neck (Alice's conflicted copy 2026-11-02).json", "Neck (Dropbox)")
    write(folder / "my-conflict-relief.json", "A routine with a word in its name")
    moved = keep_copies_aside(folder)
    assert len(moved) == 3 and all(p.parent.name == KEPT_ASIDE for p in moved)
    assert sorted(p.name for p in folder.glob("*.json")) == ["my-conflict-relief.json",
                                                            "neck.json"]


def test_an_edit_saved_over_another_computers_change_keeps_that_one(tmp_path):
    path = write(tmp_path / "routines" / "neck.json", "Neck")
    was = file_state(path)
    assert keep_if_changed(path, was) is None  # unchanged: saved over, as always
    write(path, "Neck, edited on the laptop", when=3_000_000)
    aside = keep_if_changed(path, was)
    assert json.loads(aside.read_text())["name"] == "Neck, edited on the laptop"
    assert keep_if_changed(tmp_path / "gone.json", was) is None


def test_a_routines_own_picture_goes_along_and_clashes_are_kept(tmp_path):
    mine, shared = tmp_path / "mine", tmp_path / "shared"
    write(mine / "neck.json", "Neck")
    (mine / "neck-pose.svg").write_text("<svg>mine</svg>")
    (shared).mkdir()
    (shared / "neck-pose.svg").write_text("<svg>older there</svg>")
    os.utime(shared / "neck-pose.svg", (1_000_000, 1_000_000))
    kept = merge_routines(mine, shared)
    assert (shared / "neck-pose.svg").read_text() == "<svg>mine</svg>"
    assert [p.suffix for p in kept] == [".svg"] and kept[0].read_text() == "<svg>older there</svg>"
