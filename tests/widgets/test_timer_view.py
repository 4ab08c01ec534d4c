"""The timer view alone on a driver with fake timers and a FakeClock, no window: what a
person sees at chosen instants as the driver's own wakers fire, and the keys. (How the
window starts routines and reacts to the view's requests: test_ui_timer.py.)"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from stretchtimer.core.clock import FakeClock
from stretchtimer.core.cues import CueKind, plan_cues
from stretchtimer.core.plan import Kind, build_plan
from stretchtimer.core.session import State
from stretchtimer.storage.routines import load_routines
from stretchtimer.ui.session_driver import SessionDriver
from stretchtimer.ui.timer_view import TimerView
from tests.fake_timers import FakeTimers


class ViewRig:
    def __init__(self, qtbot):
        self.clock = FakeClock()
        self.timers = FakeTimers(self.clock)
        self.driver = SessionDriver(self.clock, waker=self.timers)
        self.fullscreen = QAction("Full screen")  # the window's, in the app
        self.fullscreen.setData("fullscreen")  # the view draws each action's icon by this name
        self.view = TimerView(self.driver, self.fullscreen)
        qtbot.addWidget(self.view)
        self.view.resize(640, 480)  # small: painting is most of what these tests cost
        self.view.show()
        qtbot.waitExposed(self.view)
        self.view.activateWindow()  # its shortcuts work while it has the focus
        qtbot.waitUntil(self.view.isActiveWindow)
        self.view.setFocus()

    def begin(self, routine_id="desk-micro"):
        self.plan = build_plan(load_routines(None).get(routine_id))
        self.cues = plan_cues(self.plan)
        self.driver.begin(self.plan, self.cues)

    def at(self, offset):
        """Let the routine run to `offset` seconds in: the driver's wakers fire on the way
        (deadlines and display refreshes), nothing is redrawn by hand."""
        self.timers.advance_to(self.driver.machine.monotonic_at(offset))

    def segments(self, kind, side=None):
        return [s for s in self.plan.segments
                if s.kind == kind and (side is None or s.side == side)]


@pytest.fixture
def view_rig(qtbot):
    rig = ViewRig(qtbot)
    rig.begin()
    yield rig
    rig.driver.stop()


def test_the_first_segment_shows_the_exercise_side_rep_next_and_position(view_rig):
    view = view_rig.view
    prepare = view_rig.plan.segments[0]
    assert view.ring.phase == "Get ready" and view.ring.digits == str(int(prepare.length))
    assert view.exercise.text() == "Standing hamstring stretch"
    assert view.rep.text() == "Rep 1 of 1"
    assert "RIGHT" in view.side.text() and "LEFT" not in view.side.text()
    assert "Standing hip flexor stretch" in view.next.text()
    assert view.setup.text().startswith("Stand side-on to your desk")


def test_phase_side_rep_and_digits_at_chosen_instants(view_rig):
    view = view_rig.view
    right, left = view_rig.segments(Kind.HOLD)[:2]
    view_rig.at(right.start + 5.5)
    assert (view.ring.phase, view.ring.digits) == ("Hold", "15")
    assert view.side.side == "right"
    switch = view_rig.segments(Kind.SWITCH)[0]
    view_rig.at(switch.start + 1)
    assert view.ring.phase == "Switch sides" and view.side.side == "left"
    view_rig.at(left.start + 19.9)
    assert (view.ring.phase, view.ring.digits) == ("Hold", "1")
    assert "LEFT" in view.side.text()
    nxt = view_rig.segments(Kind.NEXT)[0]
    view_rig.at(nxt.start + 0.1)
    assert view.ring.phase == "Next up"
    assert view.exercise.text() == "Standing hip flexor stretch"
    assert view.setup.text().startswith("Face the desk with both hands on it.")
    assert "Three slow breaths" in view.next.text()


def test_the_digits_count_down_with_the_refresh_alone(view_rig):
    hold = view_rig.segments(Kind.HOLD)[0]
    view_rig.at(hold.start + 2.5)  # no cue falls in these seconds: only the refresh redraws
    shown = []
    view_rig.driver.ticked.connect(lambda: shown.append(view_rig.view.ring.digits))
    view_rig.at(hold.start + 4.5)
    assert shown[0] == "18" and shown[-1] == "16" and "17" in shown
    assert len(shown) == 20  # ten beats a second


def test_pause_at_12_4_s_into_a_hold_then_resume_shows_the_same_seconds(view_rig, qtbot):
    view, driver = view_rig.view, view_rig.driver
    hold = view_rig.segments(Kind.HOLD)[0]
    view_rig.at(hold.start + 12.4)
    assert view.ring.digits == "8"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert driver.state == State.PAUSED
    assert view.ring.phase == "Hold · paused" and view.act_pause.text() == "Resume"
    view_rig.timers.advance(120)
    view.refresh()  # a redraw while paused (a theme change, say) shows the frozen time
    assert view.ring.digits == "8"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert driver.state == State.RUNNING and view.act_pause.text() == "Pause"
    assert view.ring.digits == "8"
    assert driver.remaining() == pytest.approx(7.6)
    view_rig.timers.advance(0.7)
    assert view.ring.digits == "7"  # running again from where it stopped


@pytest.mark.parametrize("paused_at", [None, 0.03])
def test_the_digits_show_3_2_1_exactly_when_the_countdown_cues_fall(view_rig, paused_at):
    driver = view_rig.driver
    if paused_at is not None:  # a pause moves the refresh's beat off the whole seconds
        view_rig.at(paused_at)
        driver.pause()
        view_rig.timers.advance(1)
        driver.resume()
    counts = [c for c in view_rig.cues if c.kind == CueKind.COUNT]
    counted = [h for h in view_rig.segments(Kind.HOLD) if view_rig.plan.exercise(h).countdown]
    assert len(counts) == 3 * len(counted) > 0
    seen = []  # the cue and the digits on screen when it is due
    driver.cue_due.connect(lambda cue, late: seen.append((cue.text, view_rig.view.ring.digits)))
    for cue in counts:
        view_rig.at(cue.offset - 0.01)
        assert view_rig.view.ring.digits == str(int(cue.text) + 1)
        view_rig.at(cue.offset)
        assert seen[-1] == (cue.text, cue.text)


def test_the_screen_shows_what_the_voice_says(view_rig):
    hold = view_rig.segments(Kind.HOLD)[0]
    view_rig.at(hold.start + 1.5)
    assert view_rig.view.cue.text() == "“Breathe in”"  # quoted as the language quotes
    switch = view_rig.segments(Kind.SWITCH)[0]
    view_rig.at(switch.start + 2)
    assert view_rig.view.cue.text() == "“Now the left leg”"


def test_breathing_pacer_grows_on_the_in_breath_and_shrinks_on_the_out_breath(view_rig):
    pacer = view_rig.view.pacer
    hold = view_rig.segments(Kind.HOLD)[0]  # breathing 4 s in, 6 s out, from 1 s into the hold
    sizes = []
    for t in (1.5, 3.0, 4.5, 6.0, 8.0, 10.5):
        view_rig.at(hold.start + t)
        sizes.append((pacer.phase, round(pacer.scale(), 2)))
    phases = [p for p, _ in sizes]
    assert phases == ["in", "in", "in", "out", "out", "out"]
    scales = [s for _, s in sizes]
    assert scales[0] < scales[1] < scales[2] and scales[3] > scales[4] > scales[5]
    rest_free = view_rig.segments(Kind.SWITCH)[0]
    view_rig.at(rest_free.start + 1)
    assert pacer.phase is None  # no paced breathing outside holds


def test_skip_and_back_keys_move_the_driver_and_the_view(view_rig, qtbot):
    view, driver = view_rig.view, view_rig.driver
    hold = view_rig.segments(Kind.HOLD)[0]
    view_rig.at(hold.start + 5)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert driver.position() == view_rig.segments(Kind.SWITCH)[0].start
    assert view.ring.phase == "Switch sides" and view.side.side == "left"
    qtbot.keyClick(view, Qt.Key.Key_Left)  # just started: back to the hold before
    assert driver.position() == hold.start and view.ring.phase == "Hold"
    assert view.side.side == "right"


def test_m_toggles_the_mute_action_and_tells_whoever_listens(view_rig, qtbot):
    view = view_rig.view
    told = []
    view.muted_changed.connect(told.append)
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert view.act_mute.isChecked() and view.act_mute.text() == "Unmute"
    assert view.act_mute.toolTip() == "Unmute (M)"
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert not view.act_mute.isChecked() and view.act_mute.text() == "Mute"
    assert told == [True, False]


def test_esc_asks_to_stop_and_leaves_the_stopping_to_the_window(view_rig, qtbot):
    with qtbot.waitSignal(view_rig.view.stop_requested):
        qtbot.keyClick(view_rig.view, Qt.Key.Key_Escape)  # asks nothing
    assert view_rig.driver.state == State.RUNNING


def test_a_stopped_routine_says_so_with_the_time_reached(view_rig):
    view = view_rig.view
    view_rig.at(30)
    view_rig.driver.stop()
    assert view.ring.digits == "–" and view.ring.phase == "Stopped"
    assert view.progress.format() == "Stopped at 0:30 of 3:05"
    assert view.act_stop.text() == "Routines"


def test_done_screen_offers_restart(view_rig, qtbot):
    view, driver = view_rig.view, view_rig.driver
    with qtbot.waitSignal(driver.finished) as finished:
        view_rig.at(driver.machine.end)
    assert finished.args[0].completed
    assert view.ring.digits == "✓" and view.ring.phase == "Done"
    assert view.exercise.text() == "Desk micro-break"
    assert view.side.text() == "" and view.setup.text() == ""
    assert view._button(view.act_restart).isVisibleTo(view)
    assert not view._button(view.act_pause).isVisibleTo(view)
    asked = []
    view.restart_requested.connect(lambda: asked.append(driver.state))
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.keyClick(view, Qt.Key.Key_Space)  # Space starts again too (pause is off here)
    assert asked == [State.FINISHED, State.FINISHED]  # the window does the restarting


def test_every_control_names_itself_and_its_key(view_rig):
    view = view_rig.view
    keys = {"Back": "Left", "Pause": "Space", "Skip": "Right", "Stop": "Esc", "Mute": "M",
            "Restart": "R or Space"}
    actions = [button.defaultAction() for button in view.buttons]
    assert actions[-1] is view_rig.fullscreen  # the window's action, shown with the others
    for button in view.buttons[:-1]:
        act = button.defaultAction()
        assert button.accessibleName() == act.text()
        assert f"({keys[act.text()]})" in act.toolTip()
    for widget in (view.progress, view.ring, view.pacer):
        assert widget.accessibleName(), widget


def test_the_countdown_announces_itself_once_per_phase_change(view_rig):
    ring = view_rig.view.ring
    hold = view_rig.segments(Kind.HOLD)[0]
    names = []
    for t in [hold.start + x / 10 for x in range(0, 200, 3)]:
        view_rig.at(t)
        names.append(ring.accessibleName())
    assert set(names) == {"Hold, 20 seconds, right side, rep 1 of 1"}
    switch = view_rig.segments(Kind.SWITCH)[0]
    view_rig.at(switch.start)
    assert ring.accessibleName() == \
        f"Switch sides, {switch.length:.0f} seconds, left side, rep 1 of 1"


def test_timers_run_only_while_a_countdown_is_running_on_screen(qtbot):
    rig = ViewRig(qtbot)
    assert rig.driver.timers_active() == []  # idle: nothing ticks
    rig.begin()
    assert rig.driver.timers_active() == ["deadline", "refresh", "ahead"]
    # the deadline waker is armed for the machine's next deadline, to the instant
    deadline = rig.driver.machine.next_deadline()
    assert rig.driver._deadline.remaining() == deadline - rig.clock.monotonic()
    qtbot.keyClick(rig.view, Qt.Key.Key_Space)
    assert rig.driver.timers_active() == []  # paused: nothing ticks
    qtbot.keyClick(rig.view, Qt.Key.Key_Space)
    rig.view.hide()  # minimised, say
    assert rig.driver.timers_active() == ["deadline", "ahead"]  # off screen: no refresh
    rig.view.show()
    assert rig.driver.timers_active() == ["deadline", "refresh", "ahead"]
    rig.driver.stop()
    assert rig.driver.timers_active() == []
