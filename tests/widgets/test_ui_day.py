"""What the window says about the day (issue 20): the picker's line (today's sessions
against the target, the streak, the next reminder) and the Done screen (what was held per
side, the same line)."""

from stretchtimer.core.clock import FakeClock
from tests.ui_helpers import launched
from tests.widgets.test_ui_reminders import MONDAY_8


def plain(text: str) -> str:
    """The text with its no-break spaces (a part of the day line is never broken) as
    spaces."""
    return text.replace("\u00a0", " ")


def test_the_picker_and_the_done_screen_tell_the_day(qtbot, tmp_path):
    clock = FakeClock(wall=MONDAY_8 + 3600)  # Monday 09:00, in the default work hours
    app, _driver = launched(qtbot, tmp_path / "home", clock)
    picker = app.window.picker
    assert picker.today.isVisible()
    assert plain(picker.today.text()) == "Today: 0 of 2 sessions  ·  Next reminder at 10:00"
    assert picker.today.text().split("  ·  ")[1] == "Next\u00a0reminder\u00a0at\u00a010:00"
    app.start_routine(app.library.get("desk-micro"))
    run = app.driver
    clock.advance_to(run.machine.monotonic_at(run.machine.end))
    run.catch_up()
    info = app.timer.done_info
    assert info.isVisible()
    text = plain(info.text())
    assert "Standing hamstring stretch" in text and "right 20 s  ·  left 20 s" in text
    assert "Three slow breaths" in text and "30 s" in text
    assert "Today: 1 of 2 sessions  ·  1-day streak  ·  Next reminder at " in text
    assert plain(picker.today.text()).startswith("Today: 1 of 2 sessions  ·  1-day streak")
    _driver.pause_for(3 * 3600)  # from the tray, while the Done screen is open
    assert "Next reminder at 13:" in plain(info.text()) and info.isVisible()
    assert "Standing hamstring stretch" in plain(info.text())  # the rows stay
    app.settings.set_reminders(enabled=False)
    assert plain(picker.today.text()).endswith("Reminders are off")
    assert plain(info.text()).endswith("Reminders are off</p>")


def test_the_day_line_reads_the_history_once_not_at_every_check(qtbot, tmp_path):
    clock = FakeClock(wall=MONDAY_8 + 3600)
    app, driver = launched(qtbot, tmp_path / "home", clock)
    loads = []
    real = app.history.load
    app.history.load = lambda: loads.append(1) or real()
    for _ in range(5):  # the reminder checks, a minute apart
        clock.advance(60)
        driver.check()
    app.show_day()
    assert loads == []  # the same day, nothing recorded: the stats were kept
    app.settings.set_goals(sessions_per_day=3)  # a new target: read again, once
    app.show_day()
    app.show_day()
    assert plain(app.window.picker.today.text()).startswith("Today: 0 of 3 sessions")
    assert len(loads) == 1


def test_the_progress_bar_is_full_when_done(qtbot, tmp_path):
    clock = FakeClock(wall=MONDAY_8 + 3600)
    app, _driver = launched(qtbot, tmp_path / "home", clock)
    app.start_routine(app.library.get("walk-break"))  # its closing words run past the end
    run = app.driver
    clock.advance_to(run.machine.monotonic_at(run.plan.total / 3))
    run.catch_up()
    app.timer.refresh()
    clock.advance_to(run.machine.monotonic_at(run.machine.end))
    run.catch_up()
    bar = app.timer.progress
    assert run.machine.end > run.plan.total + 1  # a position past the bar's end
    assert bar.value() == bar.maximum() > 0 and bar.text() == "Done at 1:49 of 1:49"




def test_a_wrapped_label_claims_its_lines_and_keeps_room_for_at_least_some(qtbot):
    """The timer's setup lines keep room for two (one side's are two lines, the other's
    one: the ring above does not move), and its exercise name claims every line."""
    from stretchtimer.ui.wrapped_label import WrappedLabel

    one, two = WrappedLabel("Turn around."), WrappedLabel("Turn around.", min_lines=2)
    for label in (one, two):
        qtbot.addWidget(label)
        label.show()
        label.resize(600, 10)
        qtbot.waitUntil(lambda label=label: label.width() == 600)
    line = one.fontMetrics().lineSpacing()
    assert one.minimumHeight() < 2 * line <= two.minimumHeight()
    long = " ".join(["Hinge forward from the hips, back long."] * 12)
    two.setText(long)
    assert two.minimumHeight() == two.heightForWidth(600) > 3 * line  # every line
