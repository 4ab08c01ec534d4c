"""settings.json: defaults, round trip, corruption, invalid values, newer versions,
migrations, a full disk; nothing the user had is ever deleted."""

import errno
import json
from dataclasses import replace

import pytest

from stretchtimer.storage import atomic
from stretchtimer.storage.settings import (
    SCHEMA_VERSION,
    GoalSettings,
    ReminderSettings,
    Settings,
    SettingsStore,
    VoiceSettings,
    migrate,
    to_dict,
)


@pytest.fixture
def store(tmp_path):
    return SettingsStore(tmp_path / "config" / "settings.json")


def corrupt_files(store):
    return sorted(p.name for p in store.path.parent.glob("settings.json.corrupt-*"))


def test_missing_file_gives_defaults_and_writes_nothing(store):
    assert store.load() == Settings() and store.messages == []
    assert not store.path.exists()


def test_round_trip(store):
    s = Settings(voice=VoiceSettings(rate_wpm=150, muted=True),
                 goals=GoalSettings(days_per_week=4),
                 reminders=ReminderSettings(work_hours={"mon": ["08:00", "16:00"]}),
                 suspended=("seated-hamstring",))
    assert store.save(s)
    assert SettingsStore(store.path).load() == s
    assert json.loads(store.path.read_text())["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize("content", [b"", b"{not json", b"[1, 2]", b"\xff\xfe\x00",
                                     b'"just a string"', b'{"voice": '],
                         ids=["empty", "broken", "array", "binary", "string", "truncated"])
def test_corrupt_file_is_quarantined_never_deleted(store, content):
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    assert store.load() == Settings()
    (kept,) = corrupt_files(store)
    assert (store.path.parent / kept).read_bytes() == content  # the user's bytes, intact
    assert "could not be read" in store.messages[0] and kept in store.messages[0]
    assert not store.path.exists()


def test_pausing_other_audio_is_on_unless_turned_off_and_must_be_a_yes_or_no(store):
    assert Settings().voice.pause_media is True
    assert store.save(Settings(voice=VoiceSettings(pause_media=False)))
    assert store.load().voice.pause_media is False
    store.path.write_text(json.dumps({"schema_version": 1, "voice": {"pause_media": "no"}}))
    assert store.load().voice.pause_media is True  # "no" is a string: the default, said
    assert "voice.pause_media" in store.messages[-1]


def test_invalid_values_use_defaults_keep_the_rest_and_the_original(store):
    store.path.parent.mkdir(parents=True)
    original = json.dumps({"schema_version": 1, "voice": {"rate_wpm": 5000, "muted": True},
                           "reminders": {"interval_min": 45, "work_hours": {"xyz": [1, 2]}}})
    store.path.write_text(original)
    s = store.load()
    assert s.voice.muted is True and s.reminders.interval_min == 45  # valid ones kept
    assert s.voice.rate_wpm == 170 and s.reminders.work_hours == Settings().reminders.work_hours
    message = store.messages[0]
    assert "voice.rate_wpm: expected a whole number from 110 to 300" in message
    assert "reminders.work_hours" in message
    assert store.save(s)
    (kept,) = corrupt_files(store)
    assert (store.path.parent / kept).read_text() == original  # kept before overwriting


def test_a_newer_file_is_used_but_never_written(store):
    store.path.parent.mkdir(parents=True)
    newer = json.dumps({"schema_version": SCHEMA_VERSION + 1, "voice": {"rate_wpm": 200},
                        "future_feature": {"x": 1}})
    store.path.write_text(newer)
    s = store.load()
    assert s.voice.rate_wpm == 200 and store.read_only
    assert "newer stretchtimer" in store.messages[0]
    s = replace(s, voice=replace(s.voice, rate_wpm=150))
    assert store.save(s) is False
    assert store.path.read_text() == newer


def test_migration_from_the_unversioned_format_is_lossless_and_idempotent():
    old = {"rate_wpm": 140, "muted": True, "goals": {"days_per_week": 3}}
    once = migrate(json.loads(json.dumps(old)))
    twice = migrate(json.loads(json.dumps(once)))
    assert once == twice
    assert once["voice"] == {"rate_wpm": 140, "muted": True}
    assert once["goals"] == {"days_per_week": 3} and once["schema_version"] == 1


def test_full_disk_keeps_the_old_file_and_says_so(store, monkeypatch):
    s = Settings()
    store.save(s)
    before = store.path.read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    s = replace(s, voice=VoiceSettings(muted=True))
    with pytest.raises(OSError, match="No space left"):
        store.save(s)
    assert store.path.read_bytes() == before
    assert list(store.path.parent.glob(".tmp-*")) == []  # no half-written file left behind


def test_sweep_removes_temps_a_crash_left(tmp_path):
    (tmp_path / ".tmp-settings.json.123").write_text("{")
    (tmp_path / "settings.json").write_text("{}")
    assert [p.name for p in atomic.sweep_temps(tmp_path)] == [".tmp-settings.json.123"]
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_to_dict_holds_every_setting():
    data = to_dict(Settings())
    assert set(data) == {"schema_version", "voice", "reminders", "goals", "display", "history",
                         "suspended"}


@pytest.mark.parametrize("content, field", [
    ('{"schema_version": 1, "reminders": {"work_hours": {"mon": [" 9:00", "17:00"]}}}',
     "reminders.work_hours"),
    ('{"schema_version": 1, "reminders": {"work_hours": {"mon": ["+9:00", "17:00"]}}}',
     "reminders.work_hours"),
    ('{"schema_version": 1, "reminders": {"work_hours": {"mon": ["٠٩:00", "17:00"]}}}',
     "reminders.work_hours"),
    ('{"voice": 5}', "voice"),
    ('{"voice": "espeak"}', "voice"),
    ('{"schema_version": 1, "voice": {"voice": 5}}', "voice.voice"),
], ids=["space-hour", "plus-hour", "arabic-digits", "voice-number", "voice-text",
        "voice-id-number"])
def test_valid_json_of_the_wrong_shape_falls_back_to_defaults_naming_the_field(store, content,
                                                                               field):
    store.path.parent.mkdir(parents=True)
    store.path.write_text(content)
    settings = store.load()
    assert settings == Settings()
    assert field in " ".join(store.messages), store.messages
    assert all(len(h) == 5 for span in settings.reminders.work_hours.values() for h in span)


@pytest.mark.parametrize("content", [
    '{"schema_version": -1}', '{"schema_version": "1"}', '{"schema_version": true}'])
def test_an_unknown_format_version_is_read_as_this_one(store, content):
    store.path.parent.mkdir(parents=True)
    store.path.write_text(content)
    assert store.load() == Settings()
    s = Settings(voice=VoiceSettings(muted=True))
    assert store.save(s)
    assert json.loads(store.path.read_text())["voice"]["muted"] is True


@pytest.mark.parametrize("content", [
    "[" * 100000 + "]" * 100000, '{"a": ' * 50 + "1" + "}" * 50,
    '{"voice": {"rate_wpm": ' + "9" * 5000 + "}}", '{"goals": {}, "goals": {}}',
    '{"voice": {"volume": NaN}}'],
    ids=["deep-array", "deep-object", "huge-number", "duplicate-key", "nan"])
def test_hostile_json_is_quarantined_with_a_message(store, content):
    store.path.parent.mkdir(parents=True)
    store.path.write_text(content)
    assert store.load() == Settings()
    assert corrupt_files(store) and "could not be read" in store.messages[0]
    assert (store.path.parent / corrupt_files(store)[0]).read_text() == content  # kept


def test_an_unreadable_file_in_a_read_only_folder_is_left_alone(store, monkeypatch):
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{not json")

    def refuse(*_args):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("stretchtimer.storage.settings.quarantine", refuse)
    assert store.load() == Settings()
    assert store.read_only and "left alone" in store.messages[0]
    assert store.path.read_text() == "{not json" and store.save(Settings()) is False


def test_peek_reads_what_it_can_and_changes_no_file(store):
    from stretchtimer.storage.settings import peek

    assert peek(store.path) == Settings()  # no file
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"voice": {"rate_wpm": 130, "volume": 7}}')
    assert peek(store.path).voice.rate_wpm == 130  # the good value; the bad one defaults
    store.path.write_text("{broken")
    assert peek(store.path) == Settings() and store.path.read_text() == "{broken"
    assert not corrupt_files(store)  # nothing moved aside
