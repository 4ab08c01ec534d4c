"""A picture of every stretch (issue 20): each built-in exercise has a figure Qt can draw,
shown in the preview and while it runs, mirrored for the other side, in the palette's
colours (light, dark, high contrast)."""

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QRegion
from PySide6.QtWidgets import QWidget

from stretchtimer.core.plan import Kind
from stretchtimer.core.routine import Side
from stretchtimer.resources import assets
from stretchtimer.storage.routines import load_routines
from stretchtimer.ui.figure import INK, PROPS, STRETCHED, FigureView, figure_file
from stretchtimer.ui.theme import apply_high_contrast
from tests.ui_helpers import rig  # noqa: F401 - the fixture

BUILT_IN = [(r, ex) for r in load_routines(None).routines.values() for ex in r.exercises]


def grab(view: FigureView) -> QImage:
    """What the view paints, on white."""
    view.resize(QSize(240, 240))
    image = QImage(240, 240, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    view.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    return image


@pytest.mark.parametrize("routine, exercise", BUILT_IN,
                         ids=[f"{r.id}:{ex.id}" for r, ex in BUILT_IN])
def test_every_built_in_stretch_has_a_figure_that_loads(qtbot, routine, exercise):
    path = figure_file(exercise, routine)
    assert path is not None and path.parent.name == "figures", exercise.image
    text = path.read_text()
    assert "<title>" in text and INK in text  # drawn in the colours the app swaps
    view = FigureView()
    qtbot.addWidget(view)
    view.show_figure(path, name=exercise.name)
    assert view.loaded() and view.isVisibleTo(view.parentWidget() or view)
    image = grab(view)
    assert any(image.pixelColor(x, y) != QColor("white")
               for x in range(0, 240, 4) for y in range(0, 240, 4))  # something is drawn


def test_every_shipped_figure_belongs_to_a_stretch():
    shipped = {p.name for p in (assets() / "figures").iterdir()}
    assert shipped == {ex.image for _r, ex in BUILT_IN}


def test_the_other_side_is_the_mirror_image(qtbot):
    routine = load_routines(None).get("desk-micro")
    path = figure_file(routine.exercises[0], routine)
    right, left = FigureView(), FigureView()
    for view, mirrored in ((right, False), (left, True)):
        qtbot.addWidget(view)
        view.show_figure(path, mirrored)
    a, b = grab(right), grab(left)
    flipped = a.flipped(Qt.Orientation.Horizontal)

    def differ(x, y):  # pixels that are not the same (antialiasing aside)
        return sum(1 for i in range(0, 240, 2) for j in range(0, 240, 2)
                   if abs(x.pixelColor(i, j).lightness() - y.pixelColor(i, j).lightness()) > 60)

    assert differ(a, b) > 200 and differ(flipped, b) < 20


def test_the_figure_follows_the_palette(qtbot):
    from stretchtimer.ui.application import application

    app = application()
    routine = load_routines(None).get("desk-micro")
    view = FigureView()
    qtbot.addWidget(view)
    view.show_figure(figure_file(routine.exercises[0], routine))
    light = grab(view)
    system = app.palette()
    try:
        apply_high_contrast(app, True, system)
        qtbot.waitUntil(lambda: view.palette().color(QPalette.ColorRole.WindowText) ==
                        QColor("#ffffff"))
        contrast = grab(view)
    finally:
        apply_high_contrast(app, False, system)
    colours = {contrast.pixelColor(x, y).name() for x in range(240) for y in range(240)}
    assert "#ff66ff" in colours and "#ffffff" in colours  # the stretched muscle, the body
    assert "#ffd800" not in colours and "#00e5ff" not in colours  # neither side's colour
    assert light != contrast
    for drawn in (INK, PROPS, STRETCHED):
        assert QColor(drawn).name() not in colours


def test_the_timer_shows_the_pose_and_mirrors_it_for_the_left_side(rig):  # noqa: F811
    rig.app.start_routine(rig.app.library.get("desk-micro"))
    figure = rig.timer.figure
    rig.at(rig.segments(Kind.PREPARE)[0].start + 1)  # Get ready: the pose is shown first
    assert figure.isVisible() and figure.path.name == "standing-hamstring.svg"
    rig.at(rig.segments(Kind.HOLD, Side.RIGHT)[0].start + 1)
    assert not figure.mirrored and figure.accessibleName().endswith("right side")
    rig.at(rig.segments(Kind.HOLD, Side.LEFT)[0].start + 1)
    assert figure.mirrored and figure.accessibleName() == \
        "Picture: Standing hamstring stretch, left side"
    breaths = [s for s in rig.driver.plan.segments if s.kind == Kind.HOLD and s.side is None]
    rig.at(breaths[0].start + 1)
    assert figure.path.name == "standing-breaths.svg" and not figure.mirrored
    rig.at(rig.driver.machine.end)
    assert not figure.isVisible()  # Done


def test_the_preview_shows_a_picture_of_each_stretch(qtbot, rig):  # noqa: F811
    preview = rig.window.picker.preview
    qtbot.waitUntil(lambda: preview._pictures)  # just after the window's first paint
    rig.window.picker.select("evening-floor")
    shown = [f for f in preview.figures if f.isVisible()]
    assert [f.path.name for f in shown] == ["runners-lunge.svg", "wall-hamstring.svg",
                                             "lying-brace.svg"]
    assert shown[0].accessibleName() == "Picture: Runner's lunge"


def test_a_file_that_is_no_picture_shows_nothing_and_breaks_nothing(qtbot, tmp_path):
    for name, data in (("garbage.svg", b"\x00\xff not svg"), ("huge.svg", b"<svg>" * 20000)):
        path = tmp_path / name
        path.write_bytes(data)
        view = FigureView()
        qtbot.addWidget(view)
        view.show()
        view.show_figure(path, name="Picture")
        assert not view.loaded()
        qtbot.waitUntil(lambda v=view: not v.isVisible())


def test_the_editor_sets_a_picture_and_the_saved_routine_shows_it(qtbot, tmp_path):
    import json

    from stretchtimer.controller import Controller
    from stretchtimer.core.clock import FakeClock

    app = Controller(load_routines(tmp_path), FakeClock(), routines_folder=tmp_path)
    qtbot.addWidget(app.window)
    editor = app.routines.duplicate(app.library.get("chair-hamstrings"))
    form = editor.form
    assert form.image.currentData() == "seated-hamstring.svg"  # the copy keeps its picture
    # the list names what each picture shows, one line per shipped figure and none bare
    titles = [form.image.itemText(i) for i in range(1, form.image.count())]
    assert len(titles) == len(set(titles)) == len(list((assets() / "figures").glob("*.svg")))
    assert form.image.currentText() == "Hamstring, on the edge of a chair"
    assert not [t for t in titles if t.endswith(".svg") or "-" in t]
    form.image.setCurrentIndex(form.image.findData("towel-hamstring.svg"))
    editor.save.click()
    (saved,) = tmp_path.glob("*.json")
    data = json.loads(saved.read_text())
    assert data["exercises"][0]["image"] == "towel-hamstring.svg"
    mine = app.library.get(data["id"])
    assert figure_file(mine.exercises[0], mine).name == "towel-hamstring.svg"


def test_a_picture_beside_a_routine_cannot_be_turned_against_the_app(qtbot, tmp_path):
    """A routine file someone sent: its picture is read at most 64 KB, never through a
    link, and without what makes Qt's renderer crawl or reach outside the file."""
    import os
    from dataclasses import replace

    routine = load_routines(None).get("desk-micro")
    mine = replace(routine, origin=tmp_path / "mine.json")
    exercise = replace(routine.exercises[0], image="pose.svg")
    huge = tmp_path / "pose.svg"
    with open(huge, "wb") as f:
        f.truncate(1 << 30)  # 1 GB (sparse): refused after 64 KB
    assert figure_file(exercise, mine) == huge
    view = FigureView()
    qtbot.addWidget(view)
    view.show_figure(huge)
    assert not view.loaded()
    figure = (assets() / "figures" / "standing-hamstring.svg").read_bytes()
    for extra in (b'<use xlink:href="#a"/>', b'<image xlink:href="/etc/hosts"/>',
                  b'<filter id="f"/>'):
        path = tmp_path / f"crafted-{len(extra)}.svg"
        path.write_bytes(figure.replace(b"</svg>", extra + b"</svg>"))
        view.show_figure(path)
        assert not view.loaded(), extra
    huge.unlink()
    os.symlink(assets() / "figures" / "standing-hamstring.svg", huge)
    assert figure_file(exercise, mine) is None  # a link: no (the shipped one has no such name)
