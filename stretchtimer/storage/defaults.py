"""Defaults an organisation sets for everyone on a computer, and the settings it locks:
a JSON file in the system's config folder (/etc/xdg/stretchtimer/defaults.json on Linux,
C:\\ProgramData\\stretchtimer\\defaults.json on Windows), in the settings file's shape
plus a list of locked keys:

    {"schema_version": 1,
     "reminders": {"interval_min": 45, "work_hours": {"mon": ["08:00", "16:30"]}},
     "locked": ["reminders.interval_min"]}

A default is where the user starts; a locked setting is the organisation's and cannot be
changed in the app. A file that cannot be read, or a value that is not valid, is reported
and left out: never fatal, and nothing of the user's is changed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from stretchtimer.core import strict_json
from stretchtimer.storage.settings import CHECKS, SCHEMA_VERSION, SECTIONS

MAX_BYTES = 1 << 20  # a defaults file is a few hundred bytes


@dataclass(frozen=True)
class Defaults:
    values: dict[str, dict[str, Any]] = field(default_factory=dict)  # section -> name -> value
    locked: frozenset[tuple[str, str]] = frozenset()  # (section, name)
    messages: tuple[str, ...] = ()  # what to tell the user (and the log) about the file

    def is_locked(self, section: str, name: str) -> bool:
        return (section, name) in self.locked


def load_defaults(path: Path | None) -> Defaults:
    """The organisation's defaults in `path`; none (and a message) when it is broken."""
    if path is None:
        return Defaults()
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO would block the launch
            return Defaults(messages=(f"The defaults file {path} is not a plain file; it is "
                                      "ignored.",))
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return Defaults()
    except OSError as exc:
        return Defaults(messages=(f"The defaults file {path} could not be read "
                                  f"({exc.strerror or exc}); it is ignored.",))
    if len(raw) > MAX_BYTES:
        return Defaults(messages=(f"The defaults file {path} is too big to be one; it is "
                                  "ignored.",))
    try:
        data = strict_json.loads(raw)
        if not isinstance(data, dict):
            raise strict_json.JsonProblem("not a JSON object")
    except strict_json.JsonProblem as exc:
        return Defaults(messages=(f"The defaults file {path} could not be read ({exc}); "
                                  "it is ignored.",))
    problems: list[str] = []
    version = data.get("schema_version", SCHEMA_VERSION)
    if version.__class__ is not int or version > SCHEMA_VERSION:
        problems.append(f"it is from a newer stretchtimer (format {json.dumps(version)[:20]}): "
                        "what this version knows of it is used")
    values: dict[str, dict[str, Any]] = {}
    for section, kind in SECTIONS.items():
        given = data.get(section, {})
        if not isinstance(given, dict):
            problems.append(f"{section}: expected an object")
            continue
        known = {f.name for f in fields(kind)}
        for name, value in given.items():
            if name not in known:
                problems.append(f"{section}.{name}: no such setting")
                continue
            expected = CHECKS[(section, name)](value)
            if expected:
                problems.append(f"{section}.{name}: expected {expected}")
                continue
            values.setdefault(section, {})[name] = value
    locked = set()
    listed = data.get("locked", [])
    for key in listed if isinstance(listed, list) else []:
        section, _, name = str(key).partition(".")
        if (section, name) not in CHECKS:
            problems.append(f"locked: {str(key)[:40]!r} is no setting")
        elif name not in values.get(section, {}):
            problems.append(f"locked: {key} has no valid value in the file, so it is not locked")
        else:
            locked.add((section, name))
    if not isinstance(listed, list):
        problems.append("locked: expected a list of settings such as \"reminders.interval_min\"")
    messages = (f"The defaults file {path}: " + "; ".join(problems) + ".",) if problems else ()
    return Defaults(values, frozenset(locked), messages)


def apply(data: dict[str, Any], defaults: Defaults) -> dict[str, Any]:
    """The user's settings data with the organisation's defaults under it (where the user
    has no value) and its locked values over it."""
    merged = dict(data)
    for section, values in defaults.values.items():
        given = data.get(section)
        mine = dict(given) if isinstance(given, dict) else {}
        for name, value in values.items():
            if defaults.is_locked(section, name) or name not in mine:
                mine[name] = value
        merged[section] = mine
    return merged
