"""The evented settings model: a change goes through it, is checked, saved at once and
announced once, as the section it changed; nothing else can change a section."""

import dataclasses
import errno
import json

import pytest

from stretchtimer.settings_model import SettingsModel
from stretchtimer.storage import atomic
from stretchtimer.storage.settings import Settings, SettingsStore, VoiceSettings


@pytest.fixture
def model(tmp_path, qapp):
    return SettingsModel(Settings(), SettingsStore(tmp_path / "settings.json"))


def test_a_change_is_saved_and_announced_once_as_its_section(model):
    heard = {name: [] for name in ("voice", "reminders", "goals", "display", "paused")}
    for name, got in heard.items():
        getattr(model, f"{name}_changed").connect(got.append)
    model.set_voice(rate_wpm=120, muted=True)
    model.set_voice(rate_wpm=120)  # no change: nothing said, nothing written
    model.set_paused(["seated-hamstring", "seated-hamstring"])
    assert heard["voice"] == [VoiceSettings(rate_wpm=120, muted=True)]
    assert heard["paused"] == [("seated-hamstring",)]
    assert heard["reminders"] == heard["goals"] == heard["display"] == []
    saved = json.loads(model.store.path.read_text())
    assert saved["voice"]["rate_wpm"] == 120 and saved["suspended"] == ["seated-hamstring"]


def test_a_value_a_file_could_not_hold_is_refused_by_name(model):
    with pytest.raises(ValueError, match=r"voice.rate_wpm: expected a whole number"):
        model.set_voice(rate_wpm=5)
    with pytest.raises(ValueError, match=r"goals.colour: no such setting"):
        model.set_goals(colour="red")
    assert model.settings == Settings() and not model.store.path.exists()


def test_nothing_changes_a_section_behind_the_models_back(model):
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.voice.muted = True  # type: ignore[misc]


def test_a_full_disk_is_announced_and_the_saved_file_kept(model, monkeypatch):
    model.set_goals(days_per_week=3)
    before = model.store.path.read_bytes()
    failures = []
    model.save_failed.connect(failures.append)

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    model.set_goals(days_per_week=4)
    assert [f.errno for f in failures] == [errno.ENOSPC]
    assert model.goals.days_per_week == 4  # in effect for this run
    assert model.store.path.read_bytes() == before
