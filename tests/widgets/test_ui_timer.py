"""The timer view on a FakeClock: what a person sees at chosen instants, and the keys."""

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from stretchtimer.core.cues import CueKind
from stretchtimer.core.plan import Kind
from stretchtimer.core.session import State


def start_desk(rig, qtbot):
    rig.window.picker.select("desk-micro")
    qtbot.keyClick(rig.window.picker.list, Qt.Key.Key_Return)
    assert rig.window.pages.currentWidget() is rig.timer


def test_enter_starts_the_selected_routine_in_the_timer(rig, qtbot):
    start_desk(rig, qtbot)
    ring = rig.timer.ring
    prepare = rig.driver.plan.segments[0]
    assert ring.phase == "Get ready" and ring.digits == str(int(prepare.length))
    assert rig.timer.exercise.text() == "Standing hamstring stretch"
    assert rig.timer.rep.text() == "Rep 1 of 1"
    assert "RIGHT" in rig.timer.side.text() and "LEFT" not in rig.timer.side.text()
    assert "Standing hip flexor stretch" in rig.timer.next.text()
    assert rig.timer.setup.text().startswith("Stand side-on to your desk")


def test_phase_side_rep_and_digits_at_chosen_instants(rig, qtbot):
    start_desk(rig, qtbot)
    right, left = rig.segments(Kind.HOLD)[:2]
    rig.at(right.start + 5.5)
    assert (rig.timer.ring.phase, rig.timer.ring.digits) == ("Hold", "15")
    assert rig.timer.side.side == "right"
    switch = rig.segments(Kind.SWITCH)[0]
    rig.at(switch.start + 1)
    assert rig.timer.ring.phase == "Switch sides" and rig.timer.side.side == "left"
    rig.at(left.start + 19.9)
    assert (rig.timer.ring.phase, rig.timer.ring.digits) == ("Hold", "1")
    assert "LEFT" in rig.timer.side.text()
    nxt = rig.segments(Kind.NEXT)[0]
    rig.at(nxt.start + 0.1)
    assert rig.timer.ring.phase == "Next up"
    assert rig.timer.exercise.text() == "Standing hip flexor stretch"


def test_pause_at_12_4_s_into_a_hold_then_resume_shows_the_same_seconds(rig, qtbot):
    start_desk(rig, qtbot)
    hold = rig.segments(Kind.HOLD)[0]
    rig.at(hold.start + 12.4)
    assert rig.timer.ring.digits == "8"
    qtbot.keyClick(rig.timer, Qt.Key.Key_Space)
    assert rig.driver.state == State.PAUSED
    assert rig.timer.ring.phase == "Hold · paused"
    rig.clock.advance(120)
    rig.driver.catch_up()
    rig.timer.refresh()
    assert rig.timer.ring.digits == "8"
    qtbot.keyClick(rig.timer, Qt.Key.Key_Space)
    assert rig.driver.state == State.RUNNING
    rig.timer.refresh()
    assert rig.timer.ring.digits == "8"
    assert rig.driver.remaining() == pytest.approx(7.6)


def test_the_digits_show_3_2_1_exactly_when_the_countdown_cues_fall(rig, qtbot):
    start_desk(rig, qtbot)
    counts = [c for c in rig.driver.machine.cues if c.kind == CueKind.COUNT]
    counted = [h for h in rig.segments(Kind.HOLD) if rig.driver.plan.exercise(h).countdown]
    assert len(counts) == 3 * len(counted) > 0
    heard = []
    rig.driver.cue_due.connect(lambda cue, late: heard.append(cue.text))
    for cue in counts:
        rig.at(cue.offset - 0.01)
        assert rig.timer.ring.digits == str(int(cue.text) + 1)
        rig.at(cue.offset)
        assert heard[-1] == cue.text == rig.timer.ring.digits


def test_the_screen_shows_what_the_voice_says(rig, qtbot):
    start_desk(rig, qtbot)
    hold = rig.segments(Kind.HOLD)[0]
    rig.at(hold.start + 1.5)
    assert rig.timer.cue.text() == "“Breathe in”"
    switch = rig.segments(Kind.SWITCH)[0]
    rig.at(switch.start + 2)
    assert rig.timer.cue.text() == "“Now the left leg”"


def test_breathing_pacer_grows_on_the_in_breath_and_shrinks_on_the_out_breath(rig, qtbot):
    start_desk(rig, qtbot)
    hold = rig.segments(Kind.HOLD)[0]  # breathing 4 s in, 6 s out, from 1 s into the hold
    sizes = []
    for t in (1.5, 3.0, 4.5, 6.0, 8.0, 10.5):
        rig.at(hold.start + t)
        sizes.append((rig.timer.pacer.phase, round(rig.timer.pacer.scale(), 2)))
    phases = [p for p, _ in sizes]
    assert phases == ["in", "in", "in", "out", "out", "out"]
    scales = [s for _, s in sizes]
    assert scales[0] < scales[1] < scales[2] and scales[3] > scales[4] > scales[5]
    rest_free = rig.segments(Kind.SWITCH)[0]
    rig.at(rest_free.start + 1)
    assert rig.timer.pacer.phase is None  # no paced breathing outside holds


def test_skip_back_stop_mute_fullscreen_keys(rig, qtbot):
    start_desk(rig, qtbot)
    hold = rig.segments(Kind.HOLD)[0]
    rig.at(hold.start + 5)
    qtbot.keyClick(rig.timer, Qt.Key.Key_Right)
    assert rig.driver.position() == rig.segments(Kind.SWITCH)[0].start
    assert rig.timer.ring.phase == "Switch sides"
    qtbot.keyClick(rig.timer, Qt.Key.Key_Left)  # just started: back to the hold before
    assert rig.driver.position() == hold.start and rig.timer.ring.phase == "Hold"

    qtbot.keyClick(rig.timer, Qt.Key.Key_M)
    assert rig.window.muted and rig.timer.act_mute.text() == "Unmute"
    qtbot.keyClick(rig.timer, Qt.Key.Key_M)
    assert not rig.window.muted

    qtbot.keyClick(rig.timer, Qt.Key.Key_F11)
    assert rig.window.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(rig.timer, Qt.Key.Key_F11)
    assert not rig.window.windowState() & Qt.WindowState.WindowFullScreen

    with qtbot.waitSignal(rig.driver.finished) as finished:
        qtbot.keyClick(rig.timer, Qt.Key.Key_Escape)  # asks nothing
    assert finished.args[0].completed is False
    assert rig.window.pages.currentWidget() is rig.window.tabs
    assert rig.window.tabs.currentWidget() is rig.window.picker


def test_done_screen_offers_restart(rig, qtbot):
    start_desk(rig, qtbot)
    with qtbot.waitSignal(rig.driver.finished) as finished:
        rig.at(rig.driver.machine.end)
    assert finished.args[0].completed
    assert rig.timer.ring.digits == "✓" and rig.timer.ring.phase == "Done"
    assert rig.timer.exercise.text() == "Desk micro-break"
    assert rig.timer._button(rig.timer.act_restart).isVisibleTo(rig.timer)
    assert not rig.timer._button(rig.timer.act_pause).isVisibleTo(rig.timer)
    qtbot.keyClick(rig.timer, Qt.Key.Key_R)
    assert rig.driver.state == State.RUNNING and rig.driver.position() == 0
    assert rig.timer.ring.phase == "Get ready"
    rig.at(rig.driver.machine.end)
    qtbot.keyClick(rig.timer, Qt.Key.Key_Space)  # Space starts again too
    assert rig.driver.state == State.RUNNING and rig.driver.position() == 0


def test_every_control_names_itself_and_its_key(rig, qtbot):
    start_desk(rig, qtbot)
    keys = {"Back": "Left", "Pause": "Space", "Skip": "Right", "Stop": "Esc", "Mute": "M",
            "Restart": "R or Space", "Full screen": "F11"}
    for button in rig.timer.buttons:
        act = button.defaultAction()
        assert button.accessibleName() == act.text()
        assert f"({keys[act.text()]})" in act.toolTip()
    picker = rig.window.picker
    for widget in (picker.search, picker.position, picker.equipment, picker.list,
                   picker.preview.start, rig.timer.progress, rig.timer.ring, rig.timer.pacer):
        assert widget.accessibleName(), widget


def test_the_countdown_announces_itself_once_per_phase_change(rig, qtbot):
    start_desk(rig, qtbot)
    hold = rig.segments(Kind.HOLD)[0]
    names = []
    for t in [hold.start + x / 10 for x in range(0, 200, 3)]:
        rig.at(t)
        names.append(rig.timer.ring.accessibleName())
    assert set(names) == {"Hold, 20 seconds, right side, rep 1 of 1"}
    switch = rig.segments(Kind.SWITCH)[0]
    rig.at(switch.start)
    assert rig.timer.ring.accessibleName() == \
        f"Switch sides, {switch.length:.0f} seconds, left side, rep 1 of 1"


@pytest.mark.parametrize("size", [(1366, 768), (1100, 720), (3840, 2160)])
def test_digits_are_at_least_a_quarter_of_the_window_height(rig, qtbot, size):
    start_desk(rig, qtbot)
    rig.window.resize(*size)
    qtbot.waitUntil(lambda: rig.window.size().height() == size[1])
    ring = rig.timer.ring
    for text in ("8", "88"):  # every prepare, hold and rest up to 99 s
        font = ring.font()
        font.setPixelSize(ring.digit_pixel_size(text))
        font.setBold(True)
        metrics = QFontMetrics(font)
        assert metrics.tightBoundingRect(text).height() >= rig.window.height() / 4
        assert metrics.horizontalAdvance(text) <= ring.ring_rect().width() * 0.8  # inside
    # three digits (holds of 100-120 s) shrink to stay inside the ring
    font.setPixelSize(ring.digit_pixel_size("120"))
    assert QFontMetrics(font).horizontalAdvance("120") <= ring.ring_rect().width() * 0.8


def test_timers_run_only_while_a_countdown_is_running_on_screen(rig, qtbot):
    assert rig.driver.timers_active() == []  # idle: nothing ticks
    start_desk(rig, qtbot)
    assert rig.driver.timers_active() == ["deadline", "refresh"]
    deadline = rig.driver.machine.next_deadline()
    expected_ms = math.ceil((deadline - rig.clock.monotonic()) * 1000)
    assert abs(rig.driver._deadline.remaining() * 1000 - expected_ms) <= 50
    qtbot.keyClick(rig.timer, Qt.Key.Key_Space)
    assert rig.driver.timers_active() == []  # paused: nothing ticks
    qtbot.keyClick(rig.timer, Qt.Key.Key_Space)
    rig.window.showMinimized()
    rig.timer.hide()
    assert rig.driver.timers_active() == ["deadline"]  # off screen: no display refresh
    rig.timer.show()
    qtbot.keyClick(rig.timer, Qt.Key.Key_Escape)
    assert rig.driver.timers_active() == []


def test_high_contrast_changes_the_palette_and_back(rig, qtbot):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = app.palette().color(QPalette.ColorRole.Window).name()
    rig.window.act_contrast.setChecked(True)
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert app.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    start_desk(rig, qtbot)
    assert "color:#000000" in rig.timer.side.styleSheet()  # black on the yellow badge
    rig.window.act_contrast.setChecked(False)
    assert app.palette().color(QPalette.ColorRole.Window).name() == before
    # the palette change reaches the widgets through the event loop
    qtbot.waitUntil(lambda: "color:#ffffff" in rig.timer.side.styleSheet())  # white on orange
