"""One case per validation rule; each checks that the message names the field."""

import json
from pathlib import Path

import pytest

from stretchtimer.core.routine import (
    MAX_FILE_BYTES,
    Origin,
    RoutineError,
    SideOrder,
    Sides,
    load_library,
    parse,
    to_data,
    validate,
)


def _set(path, value):
    """A change to apply: set (or with value=DELETE, remove) the field at a dotted path."""

    def apply(data):
        *parents, last = path.split(".")
        node = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is DELETE:
            del node[last]
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return apply


DELETE = object()
EX = "exercises.0"


def _levels(data, levels):
    """Replace the exercise's hold_levels_s with levels (hold_s 30 stays valid)."""
    ex = data["exercises"][0]
    del ex["hold_levels_s"]
    ex["levels"] = levels

RULES = [
    # (id, change, field named in the message, words the message must hold)
    ("schema-missing", _set("schema_version", DELETE), "schema_version", "required"),
    ("schema-wrong", _set("schema_version", 0), "schema_version", "expected 1"),
    ("schema-newer", _set("schema_version", 2), "schema_version", "newer"),
    ("unknown-routine-key", _set("colour", "red"), "colour", "unknown field"),
    ("id-missing", _set("id", DELETE), "id", "required"),
    ("id-not-slug", _set("id", "My Routine!"), "id", "lowercase"),
    ("name-empty", _set("name", "  "), "name", "1 to 60 characters"),
    ("name-too-long", _set("name", "x" * 61), "name", "1 to 60 characters"),
    ("name-not-text", _set("name", 5), "name", "expected text"),
    ("summary-missing", _set("summary", DELETE), "summary", "required"),
    ("position-enum", _set("position", "lying"), "position", "standing, seated, floor"),
    ("equipment-not-list", _set("equipment", "chair"), "equipment", "expected a list"),
    ("equipment-item", _set("equipment", [3]), "equipment", "item 1: expected text"),
    ("tags-too-many", _set("tags", ["t"] * 21), "tags", "0 to 20 items"),
    ("safety-item-too-long", _set("safety", ["x" * 301]), "safety", "1 to 300 characters"),
    ("closing-too-long", _set("closing", "x" * 201), "closing", "1 to 200 characters"),
    ("exercises-missing", _set("exercises", DELETE), "exercises", "required"),
    ("exercises-empty", _set("exercises", []), "exercises", "1 to 30 items"),
    ("exercises-not-list", _set("exercises", {}), "exercises", "expected a list"),
    ("exercise-not-object", _set(EX, "stretch"), "exercises[0]", "expected an object"),
    ("unknown-exercise-key", _set(f"{EX}.speed", 3), "exercises[0].speed", "unknown field"),
    ("ex-id-missing", _set(f"{EX}.id", DELETE), "exercises[0].id", "required"),
    ("ex-id-not-slug", _set(f"{EX}.id", "Seated_Ham"), "exercises[0].id", "lowercase"),
    ("id-trailing-newline", _set("id", "my-routine\n"), "id", "lowercase"),
    ("id-windows-device", _set("id", "con"), "id", "Windows keeps for devices"),
    ("ex-id-windows-device", _set(f"{EX}.id", "lpt1"), "exercises[0].id", "devices"),
    ("name-newline", _set("name", "Desk\nbreak"), "name", "U+000A"),
    ("name-escape", _set("name", "\x1b[31mRed"), "name", "U+001B"),
    ("name-nul", _set("name", "Desk\x00"), "name", "U+0000"),
    ("name-bidi-override", _set("name", "Desk \u202eevil"), "name", "U+202E"),
    ("setup-line-isolate", _set(f"{EX}.setup", ["Sit \u2066down"]), "exercises[0].setup",
     "U+2066"),
    ("schema-true", _set("schema_version", True), "schema_version", "expected 1"),
    ("ex-name-missing", _set(f"{EX}.name", DELETE), "exercises[0].name", "required"),
    ("setup-empty", _set(f"{EX}.setup", []), "exercises[0].setup", "1 to 10 items"),
    ("setup-line-too-long", _set(f"{EX}.setup", ["x" * 201]), "exercises[0].setup",
     "1 to 200 characters"),
    ("cues-too-many", _set(f"{EX}.cues", ["c"] * 11), "exercises[0].cues", "0 to 10 items"),
    ("muscles-item", _set(f"{EX}.muscles", [None]), "exercises[0].muscles", "expected text"),
    ("sides-enum", _set(f"{EX}.sides", "both_sides"), "exercises[0].sides",
     "left_right, both, none"),
    ("side-order-enum", _set(f"{EX}.side_order", "random"), "exercises[0].side_order",
     "block, alternate"),
    ("reps-zero", _set(f"{EX}.reps", 0), "exercises[0].reps", "from 1 to 10"),
    ("reps-eleven", _set(f"{EX}.reps", 11), "exercises[0].reps", "from 1 to 10"),
    ("reps-text", _set(f"{EX}.reps", "2"), "exercises[0].reps", "whole number"),
    ("reps-bool", _set(f"{EX}.reps", True), "exercises[0].reps", "whole number"),
    ("hold-too-short", _set(f"{EX}.hold_s", 4), "exercises[0].hold_s", "from 5 to 120"),
    ("hold-too-long", _set(f"{EX}.hold_s", 121), "exercises[0].hold_s", "from 5 to 120"),
    ("hold-fraction", _set(f"{EX}.hold_s", 20.5), "exercises[0].hold_s", "whole number"),
    ("hold-missing", _set(f"{EX}.hold_s", DELETE), "exercises[0].hold_s", "required"),
    ("levels-not-rising", _set(f"{EX}.hold_levels_s", [30, 20]), "exercises[0].hold_levels_s",
     "rising order"),
    ("levels-out-of-range", _set(f"{EX}.hold_levels_s", [30, 200]),
     "exercises[0].hold_levels_s", "from 5 to 120"),
    ("hold-not-a-level", _set(f"{EX}.hold_levels_s", [15, 20]), "exercises[0].hold_s",
     "one of the levels' hold times"),
    ("levels-and-hold-levels", _set(f"{EX}.levels", [{"hold_s": 30}]), "exercises[0].levels",
     "not both"),
    ("level-not-object", lambda d: _levels(d, ["easy"]), "exercises[0].levels[0]",
     "expected an object"),
    ("level-hold-missing", lambda d: _levels(d, [{"name": "Towel"}]),
     "exercises[0].levels[0].hold_s", "required"),
    ("level-unknown-key", lambda d: _levels(d, [{"hold_s": 30, "reps": 3}]),
     "exercises[0].levels[0].reps", "unknown field"),
    ("level-setup-empty", lambda d: _levels(d, [{"hold_s": 30, "setup": []}]),
     "exercises[0].levels[0].setup", "1 to 10 items"),
    ("levels-going-down", lambda d: _levels(d, [{"hold_s": 30}, {"hold_s": 20}]),
     "exercises[0].levels", "never go down"),
    ("levels-too-many", lambda d: _levels(d, [{"hold_s": 30}] * 7), "exercises[0].levels",
     "1 to 6 items"),
    ("settle-too-long", _set(f"{EX}.settle_s", 31), "exercises[0].settle_s", "from 0 to 30"),
    ("side-label-enum", _set(f"{EX}.side_label", "knee"), "exercises[0].side_label",
     "side, leg, foot, hip, arm"),
    ("switch-setup-not-list", _set(f"{EX}.switch_setup", "Other leg."),
     "exercises[0].switch_setup", "expected a list"),
    ("switch-setup-unknown-placeholder", _set(f"{EX}.switch_setup", ["Your {limb} now."]),
     "exercises[0].switch_setup", "{side} or {other}"),
    ("switch-setup-open-brace", _set(f"{EX}.switch_setup", ["Your {side leg."]),
     "exercises[0].switch_setup", "expected { and }"),
    ("switch-setup-format-spec", _set(f"{EX}.switch_setup", ["Your {side:>9} leg."]),
     "exercises[0].switch_setup", "{side} or {other}"),
    ("safety-cues-too-many", _set(f"{EX}.safety_cues", ["Stop."] * 5),
     "exercises[0].safety_cues", "0 to 4 items"),
    ("halfway-not-flag", _set(f"{EX}.halfway", "no"), "exercises[0].halfway", "true or false"),
    ("countdown-not-flag", _set(f"{EX}.countdown", 0), "exercises[0].countdown",
     "true or false"),
    ("halfway-cue-empty", _set(f"{EX}.halfway_cue", ""), "exercises[0].halfway_cue",
     "1 to 60 characters"),
    ("ready-cue-too-long", _set(f"{EX}.ready_cue", "x" * 101), "exercises[0].ready_cue",
     "1 to 100 characters"),
    ("rest-negative", _set(f"{EX}.rest_s", -1), "exercises[0].rest_s", "from 0 to 120"),
    ("prepare-too-short", _set(f"{EX}.prepare_s", 2), "exercises[0].prepare_s", "from 3 to 60"),
    ("switch-too-short", _set(f"{EX}.switch_s", 1), "exercises[0].switch_s", "from 2 to 60"),
    ("breathing-not-object", _set(f"{EX}.breathing", 4), "exercises[0].breathing",
     "expected an object"),
    ("breathing-in-range", _set(f"{EX}.breathing.in_s", 1), "exercises[0].breathing.in_s",
     "from 2 to 10"),
    ("breathing-out-range", _set(f"{EX}.breathing.out_s", 13), "exercises[0].breathing.out_s",
     "from 2 to 12"),
    ("breathing-out-missing", _set(f"{EX}.breathing.out_s", DELETE),
     "exercises[0].breathing.out_s", "required"),
    ("breathing-unknown-key", _set(f"{EX}.breathing.hold_s", 2), "exercises[0].breathing.hold_s",
     "unknown field"),
    ("source-not-text", _set(f"{EX}.source", 2026), "exercises[0].source", "expected text"),
    ("start-cue-empty", _set(f"{EX}.start_cue", ""), "exercises[0].start_cue",
     "1 to 60 characters"),
    ("end-cue-not-text", _set(f"{EX}.end_cue", ["x"]), "exercises[0].end_cue", "expected text"),
    ("rest-cue-too-long", _set(f"{EX}.rest_cue", "x" * 61), "exercises[0].rest_cue",
     "1 to 60 characters"),
]


@pytest.mark.parametrize("change, where, words", [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_each_rule_names_its_field(routine_data, change, where, words):
    change(routine_data)
    routine, problems = validate(routine_data)
    assert routine is None
    assert any(p.where == where and words in p.message for p in problems), problems


def test_the_valid_routine_passes(routine_data):
    routine, problems = validate(routine_data)
    assert problems == []
    assert routine.exercises[0].breathing.out_s == 6


def test_duplicate_exercise_ids_are_named(routine_data):
    routine_data["exercises"].append(dict(routine_data["exercises"][0]))
    _, problems = validate(routine_data)
    assert [p.where for p in problems] == ["exercises[1].id"]
    assert "not used by another exercise" in problems[0].message


def test_every_problem_is_reported_not_just_the_first(routine_data):
    routine_data["position"] = "upside-down"
    routine_data["exercises"][0]["reps"] = 99
    routine_data["exercises"][0]["hold_s"] = 1
    _, problems = validate(routine_data)
    assert {p.where for p in problems} == {"position", "exercises[0].reps", "exercises[0].hold_s"}


def test_defaults_fill_optional_fields(routine_data):
    ex = routine_data["exercises"][0]
    for key in ("muscles", "cues", "side_order", "hold_levels_s", "rest_s", "prepare_s",
                "switch_s", "breathing"):
        del ex[key]
    routine, problems = validate(routine_data)
    assert problems == []
    e = routine.exercises[0]
    assert (e.side_order, e.rest_s, e.prepare_s, e.switch_s) == (SideOrder.BLOCK, 10, 10, 6)
    assert (e.breathing.in_s, e.breathing.out_s) == (4, 6)


def test_sides_and_side_order_are_read_as_enums_and_written_as_their_words(routine_data):
    ex = routine_data["exercises"][0]
    ex.update(sides="left_right", side_order="alternate")
    routine, problems = validate(routine_data)
    assert problems == []
    e = routine.exercises[0]
    assert e.sides is Sides.LEFT_RIGHT and e.side_order is SideOrder.ALTERNATE
    written = to_data(routine)["exercises"][0]
    assert (written["sides"], written["side_order"]) == ("left_right", "alternate")
    assert type(written["sides"]) is str and type(written["side_order"]) is str
    assert validate(to_data(routine)) == (routine, [])


def test_a_users_routine_may_leave_out_the_source(routine_data):
    del routine_data["exercises"][0]["source"]
    routine, problems = validate(routine_data)
    assert problems == [] and routine.exercises[0].source == ""


def test_new_guidance_fields_have_gentle_defaults(routine_data):
    routine, _ = validate(routine_data)
    e = routine.exercises[0]
    assert (e.settle_s, e.side_label, e.switch_setup, e.safety_cues) == (3, "side", (), ())
    assert (e.halfway, e.countdown, e.halfway_cue, e.ready_cue) == (True, True, "Halfway", "")


def test_null_breathing_means_no_paced_breathing(routine_data):
    routine_data["exercises"][0]["breathing"] = None
    routine, _ = validate(routine_data)
    assert routine.exercises[0].breathing is None


@pytest.mark.parametrize("raw, words", [
    (b"x" * (MAX_FILE_BYTES + 1), "at most 1,048,576 bytes"),
    (b"\xff\xfe\x00binary", "not UTF-8"),
    (b'{"id": ', "not valid JSON"),
    (b"[1, 2]", "expected an object"),
], ids=["too-big", "binary", "broken-json", "json-array"])
def test_file_level_problems_name_the_file(raw, words):
    with pytest.raises(RoutineError) as info:
        parse(raw, "/some/where/mine.json")
    assert info.value.source == "/some/where/mine.json"
    assert words in str(info.value)


def _source(name, data):
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return (name, Path(name), lambda: raw)


def test_a_broken_file_does_not_stop_the_library(routine_data):
    other = dict(routine_data, id="second")
    library = load_library([_source("a.json", routine_data), _source("b.json", b"{oops"),
                            _source("c.json", other)])
    assert list(library.routines) == ["test-routine", "second"]
    assert [e.source for e in library.errors] == ["b.json"]


def test_duplicate_routine_ids_keep_the_first_and_name_both(routine_data):
    library = load_library([_source("a.json", routine_data), _source("b.json", routine_data)])
    assert list(library.routines) == ["test-routine"]
    (error,) = library.errors
    assert error.source == "b.json"
    assert error.problems[0].where == "id" and "a.json" in error.problems[0].message


def test_a_routine_knows_whether_it_is_built_in_or_which_file_is_its_own(routine_data):
    library = load_library([("built-in a.json", Origin.BUILT_IN, lambda: json.dumps(
        routine_data).encode()), _source("mine/b.json", dict(routine_data, id="b"))])
    shipped, mine = library.get("test-routine"), library.get("b")
    assert shipped.origin is Origin.BUILT_IN and shipped.built_in and shipped.file is None
    assert mine.origin == Path("mine/b.json") and not mine.built_in
    assert mine.file == Path("mine/b.json")
    made, _ = validate(routine_data)  # not read from anywhere
    assert made.origin is Origin.NEW and not made.built_in and made.file is None


def test_unreadable_file_is_reported(routine_data):
    def fail():
        raise PermissionError(13, "Permission denied")

    library = load_library([("locked.json", Path("locked.json"), fail)])
    assert library.routines == {}
    assert "cannot read" in str(library.errors[0])


@pytest.mark.parametrize("raw, words", [
    (b"[" * 100000 + b"]" * 100000, "nested more than"),
    (b'{"schema_version": ' + b"9" * 5000 + b"}", "not valid JSON"),
    (b'{"id": "a", "id": "b"}', "appears twice"),
    (b'{"schema_version": NaN}', "NaN"),
], ids=["deep", "huge-integer", "duplicate-key", "nan"])
def test_hostile_json_is_a_problem_not_an_exception(raw, words):
    with pytest.raises(RoutineError) as info:
        parse(raw, "hostile.json")
    assert words in str(info.value)


def test_a_hostile_file_in_the_folder_does_not_stop_the_others(routine_data):
    good = json.dumps(routine_data).encode()
    sources = [("deep.json", Path("deep.json"), lambda: b"[" * 100000 + b"]" * 100000),
               ("huge.json", Path("huge.json"), lambda: b'{"n": ' + b"1" * 5000 + b"}"),
               ("good.json", Path("good.json"), lambda: good)]
    library = load_library(sources)
    assert list(library.routines) == ["test-routine"]
    assert [e.source for e in library.errors] == ["deep.json", "huge.json"]


def test_an_exercise_image_is_a_bare_svg_name(routine_data):
    from stretchtimer.core.routine import validate

    routine_data["exercises"][0]["image"] = "seated-hamstring.svg"
    routine, problems = validate(routine_data)
    assert not problems and routine.exercises[0].image == "seated-hamstring.svg"
    for bad in ("../../etc/passwd.svg", "/tmp/x.svg", "pose.png", "", "sub/pose.svg",
                ".hidden.svg", 7, "a" * 120 + ".svg", "a..b.svg"):
        routine_data["exercises"][0]["image"] = bad
        routine, problems = validate(routine_data)
        assert routine is None and any(p.where == "exercises[0].image" and
                                       "SVG file name" in p.message for p in problems), bad
