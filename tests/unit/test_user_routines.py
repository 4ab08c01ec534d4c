"""The user's routines on disk: import (valid, duplicate id, too big, not a routine),
export round trips, saving and deleting without losing anything."""

import json

import pytest

from stretchtimer.core.routine import Library, RoutineError, slug, to_data, validate
from stretchtimer.storage.routines import load_routines
from stretchtimer.storage.user_routines import (
    delete_routine,
    export_routine,
    import_message,
    import_routine,
    routine_bytes,
    save_routine,
)


@pytest.fixture
def mine(tmp_path):
    return tmp_path / "routines"


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()} \
        if folder.exists() else {}


def test_every_builtin_survives_to_data_and_back():
    for routine in load_routines(None).routines.values():
        again, problems = validate(json.loads(json.dumps(to_data(routine))))
        assert problems == [] and again == routine


def test_export_then_import_gives_the_same_routine(tmp_path, mine):
    library = load_routines(mine)
    towel = library.get("towel-hamstring-beginner")
    shared = tmp_path / "for-a-colleague.json"
    export_routine(towel, shared)
    # the colleague has no towel routine of their own yet: same id, same routine
    colleague = tmp_path / "colleague"
    routine, asked = import_routine(shared, Library(), colleague)
    assert routine == towel and routine.id == "towel-hamstring-beginner"
    assert load_routines(colleague).get("towel-hamstring-beginner") == towel
    assert asked == routine.id


def test_an_id_that_exists_gets_a_new_one_and_nothing_is_replaced(tmp_path, mine):
    library = load_routines(mine)
    shared = tmp_path / "desk.json"
    export_routine(library.get("desk-micro"), shared)
    first, asked = import_routine(shared, library, mine)
    assert first.id == "desk-micro-2" and asked == "desk-micro"
    assert "saved as “desk-micro-2”; nothing was replaced" in import_message(first, asked)
    before = snapshot(mine)
    second, _ = import_routine(shared, load_routines(mine), mine)
    assert second.id == "desk-micro-3"
    assert all(snapshot(mine)[name] == data for name, data in before.items())
    assert {"desk-micro", "desk-micro-2", "desk-micro-3"} <= set(load_routines(mine).routines)


@pytest.mark.parametrize("content, words", [
    (b"{" + b" " * (2 * 1024 * 1024) + b"}", "at most 1,048,576 bytes (1 MB)"),
    (b"[1, 2, 3]", "expected an object"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not UTF-8 text"),
    (b'{"id": "x"', "not valid JSON"),
])
def test_files_that_are_not_routines_are_refused_and_nothing_is_written(tmp_path, mine,
                                                                         content, words):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(RoutineError) as err:
        import_routine(bad, load_routines(mine), mine)
    assert words in str(err.value) and str(bad) in str(err.value)
    assert snapshot(mine) == {}


def test_an_unknown_key_is_named(tmp_path, mine):
    data = to_data(load_routines(None).get("desk-micro"))
    data["colour"] = "teal"
    bad = tmp_path / "odd.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(RoutineError, match=r"colour: unknown field"):
        import_routine(bad, load_routines(mine), mine)
    assert snapshot(mine) == {}


def test_delete_keeps_the_file_aside(mine):
    library = load_routines(mine)
    from dataclasses import replace
    copy = replace(library.get("walk-break"), id="my-walk", name="My walk")
    save_routine(mine, copy)
    saved = load_routines(mine).get("my-walk")
    kept = delete_routine(mine, saved, now=0)
    assert load_routines(mine).get("my-walk") is None
    assert kept.parent.name == "deleted" and json.loads(kept.read_text())["name"] == "My walk"
    with pytest.raises(ValueError):
        delete_routine(mine, library.get("desk-micro"))  # built-ins are read-only


def test_slug_makes_free_ids():
    assert slug("Calf stretch (Dr. Ames)") == "calf-stretch-dr-ames"
    assert slug("Calf stretch", {"calf-stretch", "calf-stretch-2"}) == "calf-stretch-3"
    assert slug("!!!") == "routine"


def test_a_new_routine_never_replaces_a_file_whatever_its_case(tmp_path, mine):
    from dataclasses import replace

    walk = load_routines(None).get("walk-break")
    mine.mkdir()
    (mine / "Walk.json").write_bytes(b"{}")  # a file by hand, its name in capitals
    with pytest.raises(FileExistsError):
        save_routine(mine, replace(walk, id="walk"))
    shared = tmp_path / "walk.json"
    export_routine(replace(walk, id="walk"), shared)
    imported, asked = import_routine(shared, load_routines(mine), mine)
    assert asked == "walk" and imported.id == "walk-2"
    assert (mine / "Walk.json").read_bytes() == b"{}"


def test_a_routines_own_pictures_go_with_it_and_never_replace_a_file(tmp_path, mine):
    import os
    from dataclasses import replace

    sent = tmp_path / "from-a-colleague"
    sent.mkdir()
    desk = load_routines(None).get("desk-micro")
    own = replace(desk, id="colleague", exercises=(
        replace(desk.exercises[0], image="pose.svg"), *desk.exercises[1:]))  # [1]: shipped
    (sent / "colleague.json").write_bytes(routine_bytes(own))
    (sent / "pose.svg").write_bytes(b"<svg>theirs</svg>")
    mine.mkdir()
    (mine / "pose.svg").write_bytes(b"<svg>mine, of another routine</svg>")
    library = load_routines(mine)
    imported, _asked = import_routine(sent / "colleague.json", library, mine)
    assert (mine / "pose.svg").read_bytes() == b"<svg>mine, of another routine</svg>"
    assert (mine / "pose-2.svg").read_bytes() == b"<svg>theirs</svg>"
    saved = json.loads((mine / "colleague.json").read_text())
    assert [e.get("image") for e in saved["exercises"]] == [
        "pose-2.svg", "desk-hip-flexor.svg", "standing-breaths.svg"]
    assert not (mine / "desk-hip-flexor.svg").exists()  # a shipped figure is not copied
    # importing it again reuses the identical copy; exporting takes it along
    again, _ = import_routine(sent / "colleague.json", load_routines(mine), mine)
    assert again.exercises[0].image == "pose-2.svg" and not (mine / "pose-3.svg").exists()
    out = tmp_path / "out"
    out.mkdir()
    export_routine(load_routines(mine).get(imported.id), out / "shared.json")
    assert (out / "pose-2.svg").read_bytes() == b"<svg>theirs</svg>"
    # a picture that is a link, a FIFO or too big is not copied (nor read through)
    for name, make in (("link.svg", lambda p: p.symlink_to("/etc/passwd")),
                       ("fifo.svg", os.mkfifo),
                       ("big.svg", lambda p: p.write_bytes(b"<svg>" + b" " * 70_000))):
        make(sent / name)
        odd = replace(own, id=f"odd-{name[:3]}", translations="", exercises=(
            replace(desk.exercises[0], image=name),))
        (sent / f"{odd.id}.json").write_bytes(routine_bytes(odd))
        import_routine(sent / f"{odd.id}.json", load_routines(mine), mine)
        assert not (mine / name).exists(), name


def test_a_picture_never_takes_a_shipped_figures_name_or_an_unloadable_one(tmp_path, mine):
    """A folder where the picture should be is left behind; a shipped figure's name is
    not given to another drawing (the routines folder's own is found first, for every
    routine naming it); a free name stays a valid `image`."""
    from dataclasses import replace

    from stretchtimer.core.routine import load_file

    sent = tmp_path / "sent"
    sent.mkdir()
    desk = load_routines(None).get("desk-micro")
    long = "a" * 96 + ".svg"
    own = replace(desk, id="theirs", translations="", exercises=(
        replace(desk.exercises[0], image="seated-hamstring.svg"),
        replace(desk.exercises[1], image=long), replace(desk.exercises[2], image="dir.svg")))
    (sent / "theirs.json").write_bytes(routine_bytes(own))
    (sent / "seated-hamstring.svg").write_bytes(b"<svg>a stranger's drawing</svg>")
    (sent / long).write_bytes(b"<svg>theirs</svg>")
    (sent / "dir.svg").mkdir()
    mine.mkdir()
    (mine / long).write_bytes(b"<svg>mine</svg>")
    imported, _ = import_routine(sent / "theirs.json", load_routines(mine), mine)
    images = [ex.image for ex in imported.exercises]
    assert images[0] == "seated-hamstring-2.svg" and not (mine / "seated-hamstring.svg").exists()
    assert len(images[1]) <= 100 and images[1].endswith("-2.svg")
    assert (mine / images[1]).read_bytes() == b"<svg>theirs</svg>"
    assert images[2] == "dir.svg" and not (mine / "dir.svg").exists()  # left behind
    assert load_file(mine / "theirs.json").exercises[1].image == images[1]  # it loads
