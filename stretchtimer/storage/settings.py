"""Settings <-> settings.json: one dataclass, a schema_version, migrations that can run
twice, and no way to lose what the user had.

- A missing file means defaults (nothing is written until something changes).
- A file that is not JSON, or not an object, is moved aside as
  settings.json.corrupt-<timestamp>; defaults are used and the user is told.
- A value that is out of range or of the wrong type falls back to its default and the user
  is told which; the original file is kept aside the same way before the first save.
- A file from a newer stretchtimer is used as far as it is understood and is never
  written (read_only), so going back to an older version cannot damage it.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from stretchtimer.core import strict_json
from stretchtimer.core.cue_options import BreathingMode, CueOptions
from stretchtimer.core.phrases import LANGUAGES
from stretchtimer.core.planner import PlanContext
from stretchtimer.core.reminders import WEEKDAYS
from stretchtimer.core.speech_time import DEFAULT_RATE_WPM, MAX_RATE_WPM, MIN_RATE_WPM
from stretchtimer.storage.atomic import quarantine, write_atomic

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class VoiceSettings:
    voice: str | None = None  # the engine's voice id; None is the engine's default
    rate_wpm: int = DEFAULT_RATE_WPM
    volume: float = 0.9  # 0..1, applied at playback, so cached renders stay valid
    muted: bool = False
    breathing: str = "every"  # a core.cues.BreathingMode value: every / first / off
    countdown: bool = True
    chime: bool = False  # a soft chime at every segment change, as well as the voice
    pause_media: bool = True  # other apps' music is paused during a routine, then resumed


def _default_hours() -> dict[str, list[str]]:
    return {d: ["09:00", "17:30"] for d in WEEKDAYS[:5]}


@dataclass(frozen=True)
class ReminderSettings:
    enabled: bool = True
    interval_min: int = 60
    # weekday -> [from, to]
    work_hours: dict[str, list[str]] = field(default_factory=_default_hours)
    snooze_min: int = 10
    nudge: bool = False  # a short "stand up" nudge halfway between reminders
    fullscreen_defer_min: int = 30  # a full-screen app may hold a reminder this long
    call_defer_min: int = 60  # a call or a shared screen may hold one this long (0: never)
    # where a reminder shows: the desktop's notifications (the popup where there are
    # none), the popup, or both
    delivery: str = "notification"


@dataclass(frozen=True)
class GoalSettings:
    days_per_week: int = 5
    sessions_per_day: int = 2


@dataclass(frozen=True)
class DisplaySettings:
    high_contrast: bool = False
    tray_hint_shown: bool = False  # "still running in the tray" is said once
    welcome_shown: bool = False  # the first-run welcome (ui/welcome.py) was closed
    language: str = "system"  # "system" (the system's, if translated), "en" or "de"
    text_size: int = 100  # percent of the system's font size
    reduced_motion: bool = False  # the breathing pacer stands still (words instead)


@dataclass(frozen=True)
class HistorySettings:
    # a folder a sync tool keeps the same on every computer ("": history stays local);
    # set through storage/history_files.py's start_syncing, which copies the history in
    sync_folder: str = ""
    sync_routines: bool = False  # the user's own routines live in that folder too


@dataclass(frozen=True)
class Settings:
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    goals: GoalSettings = field(default_factory=GoalSettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    history: HistorySettings = field(default_factory=HistorySettings)
    suspended: tuple[str, ...] = ()  # exercise ids, until cleared


SECTIONS: dict[str, Any] = {"voice": VoiceSettings, "reminders": ReminderSettings,
                            "goals": GoalSettings, "display": DisplaySettings,
                            "history": HistorySettings}

# --- checks: (section, name) -> returns None when the value is fine, else what was expected

# Whole-number limits per setting (the settings dialog's spin boxes use the same ones).
BOUNDS = {("voice", "rate_wpm"): (MIN_RATE_WPM, MAX_RATE_WPM),
          ("reminders", "interval_min"): (15, 180), ("reminders", "snooze_min"): (1, 120),
          ("reminders", "fullscreen_defer_min"): (0, 120),
          ("reminders", "call_defer_min"): (0, 240), ("goals", "days_per_week"): (1, 7),
          ("goals", "sessions_per_day"): (1, 12), ("display", "text_size"): (80, 200)}


def _int(lo: int, hi: int) -> Callable[[Any], str | None]:
    return lambda v: None if isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi \
        else f"a whole number from {lo} to {hi}"


def _bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "true or false"


_HH_MM = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")  # ASCII digits only, nothing else


def _clock(v: Any) -> bool:
    return isinstance(v, str) and _HH_MM.fullmatch(v) is not None


def _folder(v: Any) -> str | None:
    ok = v == "" or (isinstance(v, str) and len(v) <= 4096 and "\0" not in v and
                     Path(v).is_absolute())
    return None if ok else 'a folder\'s full path, or "" for none'


def _hours(v: Any) -> str | None:
    ok = isinstance(v, dict) and all(
        d in WEEKDAYS and isinstance(span, list) and len(span) == 2 and all(map(_clock, span))
        and span[0] < span[1] for d, span in v.items())
    return None if ok else 'weekdays ("mon".."sun") each with ["HH:MM", "HH:MM"], start first'


CHECKS: dict[tuple[str, str], Any] = {
    ("voice", "voice"): lambda v: None if v is None or isinstance(v, str) else "a voice id",
    ("voice", "rate_wpm"): _int(*BOUNDS["voice", "rate_wpm"]),
    ("voice", "volume"): lambda v: None if isinstance(v, (int, float)) and not isinstance(v, bool)
    and 0 <= v <= 1 else "a number from 0 to 1",
    ("voice", "muted"): _bool,
    ("reminders", "delivery"): lambda v: None if v in ("notification", "popup", "both")
    else '"notification", "popup" or "both"',
    ("voice", "breathing"): lambda v: None if v in ("every", "first", "off")
    else "every, first or off",
    ("voice", "countdown"): _bool,
    ("voice", "chime"): _bool,
    ("voice", "pause_media"): _bool,
    ("reminders", "enabled"): _bool,
    ("reminders", "interval_min"): _int(*BOUNDS["reminders", "interval_min"]),
    ("reminders", "work_hours"): _hours,
    ("reminders", "snooze_min"): _int(*BOUNDS["reminders", "snooze_min"]),
    ("reminders", "nudge"): _bool,
    ("reminders", "fullscreen_defer_min"): _int(*BOUNDS["reminders", "fullscreen_defer_min"]),
    ("reminders", "call_defer_min"): _int(*BOUNDS["reminders", "call_defer_min"]),
    ("goals", "days_per_week"): _int(*BOUNDS["goals", "days_per_week"]),
    ("goals", "sessions_per_day"): _int(*BOUNDS["goals", "sessions_per_day"]),
    ("display", "high_contrast"): _bool,
    ("display", "tray_hint_shown"): _bool,
    ("display", "welcome_shown"): _bool,
    ("display", "language"): lambda v: None if v == "system" or v in LANGUAGES
    else "system, " + " or ".join(LANGUAGES),
    ("display", "text_size"): _int(*BOUNDS["display", "text_size"]),
    ("display", "reduced_motion"): _bool,
    ("history", "sync_folder"): _folder,
    ("history", "sync_routines"): _bool,
}


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Files from before schema_version kept the voice keys at the top level."""
    voice = data.get("voice")
    if voice is None:
        voice = {}
    if isinstance(voice, dict):  # anything else is reported by from_dict, not changed here
        for key in ("rate_wpm", "volume", "muted"):
            if key in data:
                voice.setdefault(key, data.pop(key))
        data["voice"] = voice
    data["schema_version"] = 1
    return data


MIGRATIONS = {0: _migrate_0_to_1}  # from version -> function to the next version


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a parsed file up to SCHEMA_VERSION; running it again changes nothing. A
    version that is not one we know (negative, text) is read as the current one."""
    version = data.get("schema_version", 0)
    while version.__class__ is int and version in MIGRATIONS:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data


def from_dict(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """The settings the data describes, defaults where it is wrong, and what was wrong."""
    made: dict[str, Any] = {}
    problems = []
    for section in fields(Settings):
        if section.name == "suspended":
            value = data.get("suspended", [])
            if isinstance(value, list) and all(isinstance(x, str) for x in value):
                made["suspended"] = tuple(value)
            else:
                problems.append("suspended: expected a list of exercise ids")
            continue
        given = data.get(section.name, {})
        if not isinstance(given, dict):
            problems.append(f"{section.name}: expected an object")
            continue
        kind = SECTIONS[section.name]
        values = {}
        for f in fields(kind):
            if f.name not in given:
                continue
            expected = CHECKS[(section.name, f.name)](given[f.name])
            if expected:
                problems.append(f"{section.name}.{f.name}: expected {expected}, "
                                f"got {json.dumps(given[f.name])[:40]}; using the default")
            else:
                values[f.name] = given[f.name]
        made[section.name] = kind(**values)
    return Settings(**made), problems


def check(section: str, values: dict[str, Any]) -> None:
    """Raise ValueError naming the first value the settings would refuse from a file
    (the settings model checks every change made in the app the same way)."""
    for name, value in values.items():
        rule = CHECKS.get((section, name))
        if rule is None:
            raise ValueError(f"{section}.{name}: no such setting")
        expected = rule(value)
        if expected:
            raise ValueError(f"{section}.{name}: expected {expected}, got {value!r}")


def plan_context(settings: Settings, **given: Any) -> PlanContext:
    """The plan context these settings make (core/planner.py); `given`: the rest of it
    (levels, measured lengths, phrases), which the settings do not hold."""
    v = settings.voice
    return PlanContext(rate_wpm=v.rate_wpm, paused=frozenset(settings.suspended),
                       options=CueOptions(BreathingMode(v.breathing), v.countdown), **given)


def to_dict(settings: Settings) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, **asdict(settings)}


def peek(path: Path, defaults: Any = None) -> Settings:
    """The settings in `path` as far as they can be read, over the organisation's
    `defaults` (storage.defaults), changing no file (for the text commands; the app reads
    through SettingsStore, which also keeps bad files aside and says what was wrong)."""
    from stretchtimer.storage.defaults import Defaults, apply

    defaults = defaults or Defaults()
    try:
        data = strict_json.loads(path.read_bytes())
    except (OSError, strict_json.JsonProblem):
        data = {}
    if not isinstance(data, dict):
        data = {}
    version = data.get("schema_version", 0)
    if version.__class__ is int and version <= SCHEMA_VERSION:
        data = migrate(data)
    return from_dict(apply(data, defaults))[0]


class SettingsStore:
    def __init__(self, path: Path, defaults: Any = None) -> None:
        """`defaults`: the organisation's (storage.defaults.Defaults), under the user's
        settings, its locked ones over them."""
        from stretchtimer.storage.defaults import Defaults

        self.path = path
        self.defaults = defaults or Defaults()
        self._user: dict[str, Any] = {}  # the user's own values as the file has them
        self.read_only = False
        self.messages: list[str] = []  # what the user should be told about this file
        self._keep_original = False  # invalid values: keep the file aside before saving

    def _merged(self, data: dict[str, Any]) -> dict[str, Any]:
        from stretchtimer.storage.defaults import apply

        return apply(data, self.defaults)

    def _with_defaults(self, data: dict[str, Any]) -> Settings:
        return from_dict(self._merged(data))[0]

    def load(self) -> Settings:
        self.messages, self.read_only, self._keep_original = [], False, False
        self.messages += list(self.defaults.messages)
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return self._with_defaults({})
        except OSError as exc:
            self.read_only = True  # cannot read it, so never overwrite it
            self.messages.append(f"Could not read {self.path} ({exc.strerror}); using the "
                                 "defaults and leaving the file alone.")
            return self._with_defaults({})
        try:
            data = strict_json.loads(raw)
            if not isinstance(data, dict):
                raise strict_json.JsonProblem("not a JSON object")
        except strict_json.JsonProblem as exc:
            try:
                moved = quarantine(self.path)
            except OSError as why:  # e.g. a read-only folder: leave it where it is
                self.read_only = True
                self.messages.append(f"Your settings file could not be read ({exc}) nor kept "
                                     f"aside ({why.strerror}); the defaults are used and the "
                                     "file is left alone.")
                return self._with_defaults({})
            self.messages.append(f"Your settings file could not be read ({exc}); it was kept "
                                 f"as {moved.name} and the defaults are used.")
            return self._with_defaults({})
        version = data.get("schema_version", 0)
        if version.__class__ is not int:
            self._keep_original = True  # kept aside before the first save rewrites it
            self.messages.append(f"Your settings file has an unknown format version "
                                 f"({json.dumps(version)[:20]}); it is read as version "
                                 f"{SCHEMA_VERSION}.")
        elif version > SCHEMA_VERSION:
            self.read_only = True
            self.messages.append(f"Your settings were saved by a newer stretchtimer (format "
                                 f"{version}); they are used as far as this version "
                                 "understands them and will not be changed.")
        else:
            data = migrate(data)
        self._user = data
        settings, problems = from_dict(self._merged(data))
        if problems:
            self._keep_original = not self.read_only
            self.messages.append("Some settings were not valid and use their defaults: "
                                 + "; ".join(problems))
        return settings

    def save(self, settings: Settings) -> bool:
        """Write the settings at once (atomically); False when this file must not be
        written (it is from a newer version). OSError (e.g. a full disk) is raised."""
        if self.read_only:
            return False
        if self._keep_original and self.path.exists():
            quarantine(self.path, time.time())
            self._keep_original = False
        data = self._users_own(to_dict(settings))
        write_atomic(self.path, (json.dumps(data, indent=2, sort_keys=True)
                                 + "\n").encode("utf-8"))
        self._user = data
        return True

    def _users_own(self, data: dict[str, Any]) -> dict[str, Any]:
        """What the user's file keeps: never the organisation's locked values (the user's
        own stays, for when the lock is lifted), nor a default of the organisation's the
        user has not changed (so a new default reaches them)."""
        for section, values in self.defaults.values.items():
            mine = self._user.get(section)
            mine = mine if isinstance(mine, dict) else {}
            for name, value in values.items():
                if self.defaults.is_locked(section, name):
                    if name in mine:
                        data[section][name] = mine[name]
                    else:
                        data[section].pop(name, None)
                elif name not in mine and data[section].get(name) == value:
                    data[section].pop(name, None)
        return data
