"""Defaults an organisation sets, and the settings it locks: a locked key, an unlocked
default, a broken file, a file from a newer version; never fatal, nothing of the user's
changed."""

import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchtimer.storage.defaults import Defaults, load_defaults
from stretchtimer.storage.settings import SettingsStore


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


ORG = {"schema_version": 1,
       "reminders": {"interval_min": 45, "snooze_min": 5},
       "voice": {"rate_wpm": 150},
       "locked": ["reminders.interval_min"]}


def test_a_default_is_where_the_user_starts_and_a_locked_one_always_wins(tmp_path):
    defaults = load_defaults(write(tmp_path / "site" / "defaults.json", ORG))
    assert defaults.messages == () and defaults.locked == {("reminders", "interval_min")}
    fresh = SettingsStore(tmp_path / "new" / "settings.json", defaults).load()
    assert (fresh.reminders.interval_min, fresh.reminders.snooze_min, fresh.voice.rate_wpm) \
        == (45, 5, 150)
    user = write(tmp_path / "user" / "settings.json", {
        "schema_version": 1, "reminders": {"interval_min": 90, "snooze_min": 15},
        "voice": {"rate_wpm": 200}})
    before = user.read_bytes()
    mine = SettingsStore(user, defaults).load()
    assert mine.reminders.interval_min == 45  # locked: the organisation's
    assert (mine.reminders.snooze_min, mine.voice.rate_wpm) == (15, 200)  # theirs
    assert user.read_bytes() == before  # nothing of the user's changed by reading


@pytest.mark.parametrize("content, message", [
    ("{not json", "could not be read"),
    ("[1, 2]", "not a JSON object"),
    ("\xff\xfe", "could not be read"),
    ("x" * (2 << 20), "too big"),
])
def test_a_broken_defaults_file_is_reported_and_ignored(tmp_path, content, message):
    path = tmp_path / "defaults.json"
    path.write_bytes(content.encode("latin-1"))
    defaults = load_defaults(path)
    assert defaults.values == {} and defaults.locked == frozenset()
    assert message in defaults.messages[0] and str(path) in defaults.messages[0]
    store = SettingsStore(tmp_path / "settings.json", defaults)
    assert store.load().reminders.interval_min == 60  # the app's own default
    assert message in store.messages[0]


def test_wrong_values_and_locks_are_named_and_the_rest_is_used(tmp_path):
    defaults = load_defaults(write(tmp_path / "defaults.json", {
        "reminders": {"interval_min": 5, "nudge": True, "bogus": 1},
        "goals": "many",
        "locked": ["reminders.interval_min", "reminders.nudge", "voice.nonsense"]}))
    assert defaults.values == {"reminders": {"nudge": True}}
    assert defaults.locked == {("reminders", "nudge")}
    text = defaults.messages[0]
    for part in ("reminders.interval_min: expected a whole number from 15 to 180",
                 "reminders.bogus: no such setting", "goals: expected an object",
                 "locked: reminders.interval_min has no valid value",
                 "locked: 'voice.nonsense' is no setting"):
        assert part in text


def test_a_file_from_a_newer_version_is_used_as_far_as_it_is_understood(tmp_path):
    defaults = load_defaults(write(tmp_path / "defaults.json", {
        "schema_version": 7, "reminders": {"interval_min": 30, "hologram": "on"},
        "locked": ["reminders.interval_min"]}))
    assert defaults.values == {"reminders": {"interval_min": 30}}
    assert defaults.is_locked("reminders", "interval_min")
    assert "from a newer stretchtimer (format 7)" in defaults.messages[0]


def test_no_file_is_no_defaults_and_a_fifo_never_blocks(tmp_path):
    assert load_defaults(tmp_path / "none.json") == Defaults()
    assert load_defaults(None) == Defaults()
    fifo = tmp_path / "defaults.json"
    os.mkfifo(fifo)
    assert "not a plain file" in load_defaults(fifo).messages[0]


@given(st.binary(max_size=300))
def test_any_bytes_are_defaults_or_a_message(data):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "defaults.json"
        path.write_bytes(data)
        defaults = load_defaults(path)
        assert isinstance(defaults, Defaults)
        SettingsStore(Path(folder) / "settings.json", defaults).load()


def test_saving_never_writes_the_organisations_values_over_the_users(tmp_path):
    from dataclasses import replace

    defaults = load_defaults(write(tmp_path / "site" / "defaults.json", ORG))
    user = write(tmp_path / "user" / "settings.json", {
        "schema_version": 1, "reminders": {"interval_min": 30}})
    store = SettingsStore(user, defaults)
    settings = store.load()
    assert settings.reminders.interval_min == 45  # locked: the organisation's, in the app
    assert store.save(replace(settings, voice=replace(settings.voice, rate_wpm=180)))
    saved = json.loads(user.read_text())
    assert saved["reminders"]["interval_min"] == 30  # the user's own, kept for later
    assert "snooze_min" not in saved["reminders"]  # the organisation's default, not frozen
    assert saved["voice"]["rate_wpm"] == 180  # what the user changed
    unlocked = load_defaults(write(tmp_path / "site2" / "defaults.json",
                                   {"reminders": {"snooze_min": 7}}))
    again = SettingsStore(user, unlocked).load()  # the lock lifted, the default changed
    assert (again.reminders.interval_min, again.reminders.snooze_min) == (30, 7)
