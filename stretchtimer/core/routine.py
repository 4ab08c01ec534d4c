"""Routines and exercises: dataclasses, and JSON loading with validation that names
every problem (file, field, what was expected) instead of stopping at the first."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from stretchtimer.core import strict_json
from stretchtimer.core.phrases import ENGLISH

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1024 * 1024  # a routine is a few KB; anything near 1 MB is not a routine

POSITIONS = ("standing", "seated", "floor")


class Side(StrEnum):
    """The side of the body a hold works on. A plan's holds are RIGHT or LEFT (None: an
    exercise without sides); BOTH is how the history may name a hold without a side (the
    journal can say "both", and the left/right balance counts unsided holds under it)."""

    RIGHT = "right"
    LEFT = "left"
    BOTH = "both"


class Sides(StrEnum):
    """How an exercise uses the sides (its "sides" field)."""

    LEFT_RIGHT = "left_right"  # each side in turn: a hold per side
    BOTH = "both"  # both sides at once
    NONE = "none"  # no sides at all


class SideOrder(StrEnum):
    """The order of a two-sided exercise's holds (its "side_order" field)."""

    BLOCK = "block"  # every rep on the right, then every rep on the left
    ALTERNATE = "alternate"  # right, left, right, left


SIDES = tuple(s.value for s in Sides)  # the words a routine file may use
SIDE_ORDERS = tuple(s.value for s in SideOrder)
# What a two-sided exercise works on, so the switch line can name it ("Now the left leg").
SIDE_LABELS = ("side", "leg", "foot", "hip", "arm")
# Placeholders a switch_setup line may use: the coming side, and the one just done.
SWITCH_FIELDS = ("side", "other")

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")  # matched in full (fullmatch)
# File names Windows keeps for devices: an id becomes a file name.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}
# Characters no text of a routine may hold: controls (newlines, escapes, NUL) and the
# bidi embeddings, overrides and isolates that make text read other than it is stored.
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Breathing:
    in_s: int
    out_s: int


@dataclass(frozen=True)
class Level:
    """One step of an exercise's progression: a hold time, and optionally other texts
    (a variant of the stretch: the towel held closer to the leg, no towel at all)."""

    hold_s: int
    name: str = ""  # what changes at this level, shown with the routine
    setup: tuple[str, ...] = ()  # replace the exercise's texts when given
    cues: tuple[str, ...] = ()
    switch_setup: tuple[str, ...] = ()

    @property
    def has_texts(self) -> bool:
        return bool(self.name or self.setup or self.cues or self.switch_setup)


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    setup: tuple[str, ...]
    sides: Sides
    reps: int
    hold_s: int
    source: str = ""  # where the dose comes from; required of built-ins only (a test)
    muscles: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()  # form cues: they take turns, each heard at least once
    safety_cues: tuple[str, ...] = ()  # form cues said in every hold
    side_order: SideOrder = SideOrder.BLOCK
    side_label: str = "side"
    switch_setup: tuple[str, ...] = ()  # said when changing sides; {side}, {other}
    levels: tuple[Level, ...] = ()
    rest_s: int = 10
    prepare_s: int = 10
    settle_s: int = 3  # quiet after the last setup line, to get into position
    switch_s: int = 6
    breathing: Breathing | None = Breathing(4, 6)
    start_cue: str = "Hold"
    end_cue: str = "Release"
    rest_cue: str = "Rest"
    ready_cue: str = ""  # said near the end of each rest, to get back into position
    halfway: bool = True
    halfway_cue: str = "Halfway"
    countdown: bool = True
    # a picture of the pose: an SVG file beside the routine file, or among the shipped
    # figures (assets/figures); drawn for the first side, mirrored for the other
    image: str = ""

    @property
    def hold_levels_s(self) -> tuple[int, ...]:
        return tuple(level.hold_s for level in self.levels)

    def start_level(self) -> int:
        """The level the exercise starts at: the first whose hold is hold_s."""
        return self.hold_levels_s.index(self.hold_s) if self.hold_s in self.hold_levels_s else 0

    def at_level(self, index: int) -> Exercise:
        """The exercise as done at a progression level (its hold and its texts)."""
        if not self.levels:
            return self
        level = self.levels[max(0, min(index, len(self.levels) - 1))]
        return replace(self, hold_s=level.hold_s, setup=level.setup or self.setup,
                       cues=level.cues or self.cues,
                       switch_setup=level.switch_setup or self.switch_setup)


DEFAULT_ROUTINE = "desk-micro"  # preselected in the picker, and what a reminder offers


class Origin(StrEnum):
    """Where a routine comes from when it is not a file of the user's (Routine.origin is
    then that file's Path)."""

    BUILT_IN = "built-in"  # shipped in the package: read-only
    NEW = ""  # made here (the editor, a test) and not read from any file


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    summary: str
    position: str
    exercises: tuple[Exercise, ...]
    equipment: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    safety: tuple[str, ...] = ()
    closing: str = ENGLISH.closing
    # Texts in other languages, as canonical JSON: {"de": {"name": ..., "exercises":
    # {"<exercise id>": {"name": ..., "setup": [...]}}}}; see in_language().
    translations: str = ""
    schema_version: int = SCHEMA_VERSION
    origin: Origin | Path = field(default=Origin.NEW, compare=False)  # a Path: the user's file

    @property
    def built_in(self) -> bool:
        """Shipped with stretchtimer: never changed (editing one edits a copy)."""
        return self.origin == Origin.BUILT_IN

    @property
    def file(self) -> Path | None:
        """The file of the user's own routine this was read from (None: a built-in, or a
        routine made here and not saved yet)."""
        return self.origin if isinstance(self.origin, Path) else None


@dataclass(frozen=True)
class Problem:
    where: str  # the field, e.g. "exercises[1].hold_s"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class RoutineError(ValueError):
    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{source}: {len(problems)} problem(s)\n{lines}")


# --- field checks: each returns an error message, or None when the value is fine ---

Check = Callable[[Any], "str | None"]


def _got(value: Any) -> str:
    text = json.dumps(value) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _text(max_len: int, min_len: int = 1) -> Check:
    def check(v: Any) -> str | None:
        if not isinstance(v, str):
            return f"expected text, got {_got(v)}"
        if not min_len <= len(v.strip()) <= max_len:
            return f"expected text of {min_len} to {max_len} characters, got {len(v.strip())}"
        hidden = _HIDDEN.search(v)
        if hidden:
            return (f"expected text without control or direction characters, got "
                    f"U+{ord(hidden.group()):04X} at character {hidden.start() + 1}")
        return None

    return check


def _slug(v: Any) -> str | None:
    if not isinstance(v, str) or not _SLUG.fullmatch(v):
        return f"expected lowercase letters, digits and '-' (1-64 characters), got {_got(v)}"
    if v in _RESERVED:
        return f"expected an id that is not a name Windows keeps for devices, got {_got(v)}"
    return None


def _choice(options: tuple[str, ...]) -> Check:
    def check(v: Any) -> str | None:
        if v not in options:
            return f"expected one of {', '.join(options)}, got {_got(v)}"
        return None

    return check


def _whole(lo: int, hi: int, unit: str = "") -> Check:
    def check(v: Any) -> str | None:
        if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
            return f"expected a whole number{unit} from {lo} to {hi}, got {_got(v)}"
        return None

    return check


def _list(item: Check, max_items: int, min_items: int = 0) -> Check:
    def check(v: Any) -> str | None:
        if not isinstance(v, list):
            return f"expected a list, got {_got(v)}"
        if not min_items <= len(v) <= max_items:
            return f"expected {min_items} to {max_items} items, got {len(v)}"
        for i, x in enumerate(v):
            msg = item(x)
            if msg:
                return f"item {i + 1}: {msg}"
        return None

    return check


def _flag(v: Any) -> str | None:
    return None if isinstance(v, bool) else f"expected true or false, got {_got(v)}"


def _switch_text(v: Any) -> str | None:
    """A switch_setup line: text whose only placeholders are {side} and {other}."""
    msg = _text(200)(v)
    if msg:
        return msg
    try:
        parts = list(string.Formatter().parse(v))
    except ValueError:
        return "expected { and } only around side or other, e.g. \"your {side} leg\""
    for _literal, name, spec, conversion in parts:
        if name is not None and (name not in SWITCH_FIELDS or spec or conversion):
            return f"expected only {{side}} or {{other}} in braces, got {{{name}}}"
    return None


_IMAGE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,95}\.svg")


def _image(v: Any) -> str | None:
    """A bare SVG file name: nothing that reaches another folder."""
    if isinstance(v, str) and _IMAGE.fullmatch(v) and ".." not in v:
        return None
    return f'expected an SVG file name such as "seated-hamstring.svg" (no folders), got {_got(v)}'


def _levels(v: Any) -> str | None:
    msg = _list(_whole(5, 120, " of seconds"), 6, 1)(v)
    if msg is None and any(b <= a for a, b in zip(v, v[1:])):
        msg = f"expected hold times in rising order, got {_got(v)}"
    return msg


_SECONDS = " of seconds"
# Whole-number limits per field (the editor's spin boxes use the same ones).
BOUNDS = {"reps": (1, 10), "hold_s": (5, 120), "rest_s": (0, 120), "prepare_s": (3, 60),
          "settle_s": (0, 30), "switch_s": (2, 60), "in_s": (2, 10), "out_s": (2, 12)}
MAX_LEVELS = 6

# name -> (check, required, default). Defaults mirror the dataclasses above.
_BREATHING_FIELDS: dict[str, tuple[Check, bool, Any]] = {
    "in_s": (_whole(*BOUNDS["in_s"], _SECONDS), True, None),
    "out_s": (_whole(*BOUNDS["out_s"], _SECONDS), True, None),
}

_LEVEL_FIELDS: dict[str, tuple[Check, bool, Any]] = {
    "hold_s": (_whole(*BOUNDS["hold_s"], _SECONDS), True, None),
    "name": (_text(60), False, ""),
    "setup": (_list(_text(200), 10, 1), False, []),
    "cues": (_list(_text(200), 10), False, []),
    "switch_setup": (_list(_switch_text, 6), False, []),
}

_EXERCISE_FIELDS: dict[str, tuple[Check, bool, Any]] = {
    "id": (_slug, True, None),
    "name": (_text(60), True, None),
    "setup": (_list(_text(200), 10, 1), True, None),
    "sides": (_choice(SIDES), True, None),
    "reps": (_whole(*BOUNDS["reps"]), True, None),
    "hold_s": (_whole(*BOUNDS["hold_s"], _SECONDS), True, None),
    "source": (_text(300, 0), False, ""),
    "muscles": (_list(_text(40), 10), False, []),
    "cues": (_list(_text(200), 10), False, []),
    "safety_cues": (_list(_text(200), 4), False, []),
    "side_order": (_choice(SIDE_ORDERS), False, "block"),
    "side_label": (_choice(SIDE_LABELS), False, "side"),
    "switch_setup": (_list(_switch_text, 6), False, []),
    "hold_levels_s": (_levels, False, []),
    "levels": (_list(lambda v: None, MAX_LEVELS, 1), False, []),  # items checked one by one
    "rest_s": (_whole(*BOUNDS["rest_s"], _SECONDS), False, 10),
    "prepare_s": (_whole(*BOUNDS["prepare_s"], _SECONDS), False, 10),
    "settle_s": (_whole(*BOUNDS["settle_s"], _SECONDS), False, 3),
    "switch_s": (_whole(*BOUNDS["switch_s"], _SECONDS), False, 6),
    "breathing": (lambda v: None, False, {"in_s": 4, "out_s": 6}),  # checked as an object
    "start_cue": (_text(60), False, "Hold"),
    "end_cue": (_text(60), False, "Release"),
    "rest_cue": (_text(60), False, "Rest"),
    "ready_cue": (_text(100), False, ""),
    "halfway": (_flag, False, True),
    "halfway_cue": (_text(60), False, "Halfway"),
    "countdown": (_flag, False, True),
    "image": (_image, False, ""),
}

_ROUTINE_FIELDS: dict[str, tuple[Check, bool, Any]] = {
    "schema_version": (lambda v: None, True, None),  # checked first, on its own
    "id": (_slug, True, None),
    "name": (_text(60), True, None),
    "summary": (_text(200), True, None),
    "position": (_choice(POSITIONS), True, None),
    "exercises": (_list(lambda v: None, 30, 1), True, None),  # items checked one by one
    "equipment": (_list(_text(40), 10), False, []),
    "tags": (_list(_text(40), 20), False, []),
    "safety": (_list(_text(300), 10), False, []),
    "closing": (_text(200), False, ENGLISH.closing),
    "translations": (lambda v: None, False, {}),  # checked on its own: _translations
}

# What a translation may replace: the routine's texts, and each exercise's texts.
_ROUTINE_TEXTS: dict[str, tuple[Check, bool, Any]] = {
    "name": (_text(60), False, None), "summary": (_text(200), False, None),
    "safety": (_list(_text(300), 10), False, None), "closing": (_text(200), False, None),
    "equipment": (_list(_text(40), 10), False, None), "exercises": (lambda v: None, False, None),
}
_EXERCISE_TEXTS: dict[str, tuple[Check, bool, Any]] = {
    **{k: _EXERCISE_FIELDS[k][:1] + (False, None)
       for k in ("name", "setup", "cues", "safety_cues", "switch_setup", "start_cue", "end_cue",
                 "rest_cue", "ready_cue", "halfway_cue")},
    "levels": (lambda v: None, False, None),  # checked on their own, against the exercise
}
_LEVEL_TEXTS = {k: _LEVEL_FIELDS[k][:1] + (False, None)
                for k in ("name", "setup", "cues", "switch_setup")}
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def _check_object(
    data: Any, where: str, fields: dict[str, tuple[Check, bool, Any]], problems: list[Problem]
) -> dict[str, Any] | None:
    """Check one JSON object against its fields; return its values with defaults filled."""
    if not isinstance(data, dict):
        problems.append(Problem(where, f"expected an object {{...}}, got {_got(data)}"))
        return None
    prefix = f"{where}." if where else ""
    out: dict[str, Any] = {}
    for key in data:
        if key not in fields:
            problems.append(
                Problem(f"{prefix}{key}", f"unknown field (allowed: {', '.join(fields)})")
            )
    for key, (check, required, default) in fields.items():
        if key not in data:
            if required:
                problems.append(Problem(f"{prefix}{key}", "missing (this field is required)"))
            out[key] = default
            continue
        msg = check(data[key])
        if msg:
            problems.append(Problem(f"{prefix}{key}", msg))
        out[key] = data[key]
    return out


def _exercise(data: Any, where: str, problems: list[Problem]) -> Exercise | None:
    before = len(problems)
    v = _check_object(data, where, _EXERCISE_FIELDS, problems)
    if v is None:
        return None
    breathing = None
    if v["breathing"] is not None:
        b = _check_object(v["breathing"], f"{where}.breathing", _BREATHING_FIELDS, problems)
        if b is not None and len(problems) == before:
            breathing = Breathing(b["in_s"], b["out_s"])
    levels = _exercise_levels(v, data, where, problems)
    holds = [level.hold_s for level in levels]
    hold_ok = not any(p.where == f"{where}.hold_s" for p in problems[before:])
    if hold_ok and holds and v["hold_s"] not in holds:
        problems.append(
            Problem(f"{where}.hold_s", f"expected one of the levels' hold times {_got(holds)}, "
                    f"got {_got(v['hold_s'])}")
        )
    if len(problems) > before:
        return None
    return Exercise(
        id=v["id"], name=v["name"].strip(), setup=tuple(v["setup"]), sides=Sides(v["sides"]),
        reps=v["reps"], hold_s=v["hold_s"], source=v["source"], muscles=tuple(v["muscles"]),
        cues=tuple(v["cues"]), safety_cues=tuple(v["safety_cues"]),
        side_order=SideOrder(v["side_order"]), side_label=v["side_label"],
        switch_setup=tuple(v["switch_setup"]), levels=tuple(levels), rest_s=v["rest_s"],
        prepare_s=v["prepare_s"], settle_s=v["settle_s"], switch_s=v["switch_s"],
        breathing=breathing, start_cue=v["start_cue"], end_cue=v["end_cue"],
        rest_cue=v["rest_cue"], ready_cue=v["ready_cue"], halfway=v["halfway"],
        halfway_cue=v["halfway_cue"], countdown=v["countdown"], image=v["image"],
    )


def _exercise_levels(v: dict[str, Any], data: dict[str, Any], where: str,
                     problems: list[Problem]) -> list[Level]:
    """hold_levels_s (hold times only) or levels (hold times with other texts)."""
    if "levels" in data and "hold_levels_s" in data:
        problems.append(Problem(f"{where}.levels", "expected levels or hold_levels_s, not both"))
        return []
    if isinstance(v["hold_levels_s"], list) and v["hold_levels_s"]:
        holds = v["hold_levels_s"]
        return [Level(h) for h in holds] if _levels(holds) is None else []
    if not isinstance(v["levels"], list):
        return []
    levels: list[Level] = []
    for i, item in enumerate(v["levels"][:MAX_LEVELS]):
        lv = _check_object(item, f"{where}.levels[{i}]", _LEVEL_FIELDS, problems)
        if lv is None:
            continue
        levels.append(Level(lv["hold_s"], lv["name"], tuple(lv["setup"]), tuple(lv["cues"]),
                            tuple(lv["switch_setup"])))
    holds = [lv.hold_s for lv in levels if isinstance(lv.hold_s, int)]
    if len(holds) == len(levels) and any(b < a for a, b in zip(holds, holds[1:])):
        problems.append(Problem(f"{where}.levels", f"expected hold times that never go down, "
                                f"got {_got(holds)}"))
    return levels


def validate(data: Any) -> tuple[Routine | None, list[Problem]]:
    """Check parsed JSON; return the routine (or None) and every problem found."""
    problems: list[Problem] = []
    if isinstance(data, dict) and "schema_version" in data:
        version = data["schema_version"]
        whole = isinstance(version, int) and not isinstance(version, bool)
        if whole and version > SCHEMA_VERSION:
            problems.append(Problem("schema_version", f"this file is from a newer stretchtimer "
                                    f"(version {version}); this one reads version "
                                    f"{SCHEMA_VERSION}"))
            return None, problems
        if not whole or version != SCHEMA_VERSION:
            problems.append(Problem("schema_version",
                                    f"expected {SCHEMA_VERSION}, got {_got(version)}"))
    v = _check_object(data, "", _ROUTINE_FIELDS, problems)
    if v is None:
        return None, problems
    exercises: list[Exercise] = []
    if isinstance(v["exercises"], list):
        seen: set[str] = set()
        for i, item in enumerate(v["exercises"][:30]):
            ex = _exercise(item, f"exercises[{i}]", problems)
            if ex is None:
                continue
            if ex.id in seen:
                problems.append(Problem(f"exercises[{i}].id", f"expected an id not used by another "
                                        f"exercise in this routine, got {_got(ex.id)} again"))
            seen.add(ex.id)
            exercises.append(ex)
    _translations(v["translations"], {ex.id: len(ex.levels) for ex in exercises}, problems)
    if problems:
        return None, problems
    routine = Routine(
        id=v["id"], name=v["name"].strip(), summary=v["summary"].strip(), position=v["position"],
        exercises=tuple(exercises), equipment=tuple(v["equipment"]), tags=tuple(v["tags"]),
        safety=tuple(v["safety"]), closing=v["closing"],
        translations=json.dumps(v["translations"], sort_keys=True,
                                ensure_ascii=False) if v["translations"] else "",
    )
    return routine, []


def _translations(data: Any, exercise_levels: dict[str, int], problems: list[Problem]) -> None:
    """`exercise_levels`: each exercise's id and how many levels it has."""
    if not isinstance(data, dict):
        problems.append(Problem("translations", f"expected an object of languages, got "
                                f"{_got(data)}"))
        return
    for lang, texts in data.items():
        where = f"translations.{lang}"
        if not _LANGUAGE.fullmatch(lang):
            problems.append(Problem(where, "expected a language code such as \"de\""))
            continue
        v = _check_object(texts, where, _ROUTINE_TEXTS, problems)
        if v is None or "exercises" not in texts:
            continue
        if not isinstance(v["exercises"], dict):
            problems.append(Problem(f"{where}.exercises", "expected an object of exercise ids"))
            continue
        for ex_id, ex_texts in v["exercises"].items():
            if ex_id not in exercise_levels:
                problems.append(Problem(f"{where}.exercises.{ex_id}",
                                        "expected the id of an exercise in this routine"))
                continue
            at = f"{where}.exercises.{ex_id}"
            ex_v = _check_object(ex_texts, at, _EXERCISE_TEXTS, problems)
            levels = ex_v.get("levels") if ex_v else None
            if levels is None:
                continue
            if not isinstance(levels, list) or len(levels) > exercise_levels[ex_id]:
                got = len(levels) if isinstance(levels, list) else _got(levels)
                problems.append(Problem(f"{at}.levels", f"expected a list of at most "
                                        f"{exercise_levels[ex_id]} levels' texts (the "
                                        f"exercise's levels, in order), got {got}"))
                continue
            for i, item in enumerate(levels):
                _check_object(item, f"{at}.levels[{i}]", _LEVEL_TEXTS, problems)


def in_language(routine: Routine, lang: str) -> Routine:
    """The routine with its texts in `lang` where a translation gives them."""
    texts = json.loads(routine.translations).get(lang) if routine.translations else None
    if not texts:
        return routine
    ex_texts = texts.get("exercises") or {}
    def texts_of(given: dict[str, Any]) -> dict[str, Any]:
        return {k: tuple(v) if isinstance(v, list) else v for k, v in given.items()}

    def translated(ex: Exercise) -> Exercise:
        given = dict(ex_texts.get(ex.id, {}))
        levels = given.pop("levels", [])
        return replace(ex, **texts_of(given), levels=tuple(
            replace(level, **texts_of(levels[i])) if i < len(levels) else level
            for i, level in enumerate(ex.levels)))

    exercises = tuple(translated(ex) for ex in routine.exercises)
    top = texts_of({k: v for k, v in texts.items() if k != "exercises"})
    return replace(routine, exercises=exercises, **top)


def to_data(routine: Routine) -> dict[str, Any]:
    """A routine as its JSON object, in the file's field order; validate(to_data(r)) == r.
    Optional fields at their defaults are left out, so saved files stay short."""

    def fields_of(obj: Any, table: dict[str, tuple[Check, bool, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, (_check, required, default) in table.items():
            if key in ("hold_levels_s", "levels") and isinstance(obj, Exercise):
                with_texts = any(level.has_texts for level in obj.levels)
                if obj.levels and with_texts == (key == "levels"):
                    out[key] = ([fields_of(level, _LEVEL_FIELDS) for level in obj.levels]
                                if with_texts else list(obj.hold_levels_s))
                continue
            value = getattr(obj, key)
            if key == "translations":
                value = json.loads(value) if value else {}
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, StrEnum):
                value = value.value  # the file holds the word
            elif isinstance(value, Breathing):
                value = {"in_s": value.in_s, "out_s": value.out_s}
            if required or value != default:
                out[key] = value
        return out

    data = fields_of(routine, {k: v for k, v in _ROUTINE_FIELDS.items() if k != "exercises"})
    data["exercises"] = [fields_of(ex, _EXERCISE_FIELDS) for ex in routine.exercises]
    return data


def slug(text: str, taken: Iterable[str] = ()) -> str:
    """An id made from a name ("Calf stretch" -> "calf-stretch"), unused among `taken`
    ("-2", "-3", ... added when it is)."""
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:56] or "routine"
    taken = set(taken)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def parse(raw: bytes, source: str) -> Routine:
    """Bytes of a routine file -> Routine, or RoutineError naming every problem."""
    if len(raw) > MAX_FILE_BYTES:
        raise RoutineError(source, [Problem("", f"file is {len(raw):,} bytes; a routine file "
                                            f"may be at most {MAX_FILE_BYTES:,} bytes (1 MB)")])
    try:
        data = strict_json.loads(raw)
    except strict_json.JsonProblem as exc:
        raise RoutineError(source, [Problem("", f"{exc}; expected a routine JSON file")]) \
            from None
    routine, problems = validate(data)
    if routine is None:
        raise RoutineError(source, problems)
    return routine


def read_capped(path: Path) -> bytes:
    """Read at most one byte past the cap, so a huge file is refused without loading it."""
    with open(path, "rb") as f:
        return f.read(MAX_FILE_BYTES + 1)


def load_file(path: Path | str) -> Routine:
    """A routine file; its origin is its path."""
    path = Path(path)
    try:
        raw = read_capped(path)
    except OSError as exc:
        raise RoutineError(str(path), [Problem("", f"cannot read the file: {exc.strerror}")]) \
            from None
    return replace(parse(raw, str(path)), origin=path)


@dataclass
class Library:
    """Every routine that loaded, in order, plus the errors of the files that did not."""

    routines: dict[str, Routine] = field(default_factory=dict)
    errors: list[RoutineError] = field(default_factory=list)

    def get(self, routine_id: str) -> Routine | None:
        return self.routines.get(routine_id)

    def add(self, routine: Routine, source: str) -> None:
        other = self.routines.get(routine.id)
        if other is not None:
            self.errors.append(RoutineError(source, [Problem(
                "id", f"expected an id not used by another routine, but {routine.id!r} "
                      f"is already used by {other.origin}")]))
            return
        self.routines[routine.id] = routine


Source = tuple[str, Origin | Path, Callable[[], bytes]]  # name, origin, read


def load_library(sources: Iterable[Source]) -> Library:
    """Load (name, origin, read) triples; a broken file is reported and the rest still load."""
    library = Library()
    for name, origin, read in sources:
        try:
            routine = replace(parse(read(), name), origin=origin)
        except RoutineError as exc:
            library.errors.append(exc)
            continue
        except OSError as exc:
            library.errors.append(RoutineError(name, [Problem("", f"cannot read the file: {exc}")]))
            continue
        library.add(routine, name)
    return library
