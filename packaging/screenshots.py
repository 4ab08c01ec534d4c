"""Render the main window's screens to PNG files, as a user would see them.

    xvfb-run -a -s "-screen 0 1920x1200x24" .venv/bin/python packaging/screenshots.py [OUT_DIR]

Runs the real window on a FakeClock so each picture shows an exact moment: the routine
picker, the desk micro-break mid-hold on the right side, and the Done screen. Also
renders each at 1366x768 (the smallest laptop screen it must suit), in high contrast,
and the German UI.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from stretchtimer.app import app_icon
from stretchtimer.controller import Controller
from stretchtimer.core.clock import FakeClock
from stretchtimer.core.plan import Kind
from stretchtimer.storage.routines import load_routines


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(window, app: QApplication, path: Path) -> None:
    settle(app)
    window.grab().save(str(path))
    print(path)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("STRETCHTIMER_HOME", str(out / ".home"))  # no user routines
    app = QApplication(sys.argv[:1])
    app.setWindowIcon(app_icon())
    clock = FakeClock()
    controller = Controller(load_routines(None), clock)
    window = controller.window
    driver = controller.driver
    for size, tag in (((1100, 720), ""), ((1366, 768), "-1366x768")):
        window.resize(*size)
        window.show()
        window.show_picker()
        shoot(window, app, out / f"picker{tag}.png")
        controller.start_routine(controller.library.get("desk-micro"))
        hold = next(s for s in driver.plan.segments if s.kind == Kind.HOLD and s.side == "right")
        clock.advance_to(driver.machine.monotonic_at(hold.start + 11.2))
        driver.catch_up()
        controller.timer.refresh()
        shoot(window, app, out / f"timer-hold-right{tag}.png")
        if not tag:
            window.act_contrast.setChecked(True)
            shoot(window, app, out / "timer-high-contrast.png")
            window.act_contrast.setChecked(False)
            clock.advance_to(driver.machine.monotonic_at(driver.machine.end))
            driver.catch_up()
            shoot(window, app, out / "timer-done.png")
        driver.stop()
    shoot_history(app, out)
    shoot_synced_settings(app, out)
    shoot_welcome(app, controller, out)
    shoot_editor(app, controller, out)
    shoot_german(app, out)
    return 0


def shoot_german(app: QApplication, out: Path) -> None:
    """The German UI: the picker, a hold with its spoken cue, settings and the editor."""
    from stretchtimer.ui import i18n

    i18n.install(app, "de")
    clock = FakeClock()
    controller = Controller(load_routines(None, "de"), clock, language="de",
                            phrases=i18n.spoken_phrases())  # the desk micro-break has German
    window = controller.window
    window.resize(1100, 720)
    window.show()
    shoot(window, app, out / "picker-de.png")
    controller.start_routine(controller.library.get("desk-micro"))
    driver = controller.driver
    hold = next(s for s in driver.plan.segments if s.kind == Kind.HOLD and s.side == "left")
    clock.advance_to(driver.machine.monotonic_at(hold.start + 0.3))
    driver.catch_up()
    controller.timer.refresh()
    shoot(window, app, out / "timer-hold-left-de.png")
    driver.stop()
    settings = controller.show_settings("Reminders")
    settings.resize(640, 720)
    shoot(settings, app, out / "settings-de.png")
    settings.close()
    editor = controller.routines.duplicate(controller.library.get("chair-hamstrings"))
    shoot(editor, app, out / "editor-de.png")
    editor.reject()
    i18n.install(app, "en")


def shoot_editor(app: QApplication, controller: Controller, out: Path) -> None:
    """The editor on a copy of the chair routine, once fine and once with a problem."""
    editor = controller.routines.duplicate(controller.library.get("chair-hamstrings"))
    editor.list.setCurrentRow(0)
    shoot(editor, app, out / "editor.png")
    editor.form.name.setText("")
    editor.form.name.textEdited.emit("")
    editor.tabs.setCurrentIndex(0)
    shoot(editor, app, out / "editor-problem.png")
    editor.form.name.setText("Seated hamstring stretch")
    editor.form.name.textEdited.emit("Seated hamstring stretch")
    editor.tabs.setCurrentIndex(1)
    shoot(editor, app, out / "editor-preview.png")
    editor.reject()


def shoot_welcome(app: QApplication, controller: Controller, out: Path) -> None:
    """The first-run welcome, each of its three steps."""
    welcome = controller.show_welcome()
    for step in (1, 2, 3):
        shoot(welcome, app, out / f"welcome-{step}.png")
        welcome.next()
    welcome.reject()


def shoot_synced_settings(app: QApplication, out: Path) -> None:
    """Settings > History with the history in a synced folder another computer uses."""
    import tempfile

    from stretchtimer.app import build_app
    from stretchtimer.storage.journal import Journal
    from stretchtimer.storage.paths import Paths

    root = Path(tempfile.mkdtemp(prefix="st-sync-"))
    folder = root / "Sync" / "stretchtimer"
    folder.mkdir(parents=True)
    Journal(folder / "history-home-laptop-3f9c2a71.jsonl").append({
        "type": "session", "routine_id": "desk-micro", "routine_name": "Desk micro-break",
        "started": "2026-11-18T19:00:00+01:00", "ended": "2026-11-18T19:03:00+01:00",
        "completed": True, "held": []})
    controller = build_app(Paths.under(root / "home"), FakeClock())
    controller.set_sync_folder(folder)
    settings = controller.show_settings("History")
    settings.resize(640, 520)
    shoot(settings, app, out / "settings-history.png")
    settings.close()


def shoot_history(app: QApplication, out: Path) -> None:
    """Twelve weeks of made-up use (weekdays, a few misses, check-ins) in a temp home."""
    import random
    import tempfile
    from datetime import datetime, timedelta

    from stretchtimer.app import build_app
    from stretchtimer.storage.journal import Journal
    from stretchtimer.storage.paths import Paths

    rng = random.Random(3)
    now = datetime(2026, 11, 19, 16, 0).astimezone()
    home = Path(tempfile.mkdtemp(prefix="st-shots-"))
    journal = Journal(Paths.under(home).journal)
    day = now - timedelta(weeks=12)
    while day.date() <= now.date():
        if day.weekday() < 5 and rng.random() > 0.12:
            for k in range(rng.choice([1, 1, 2, 2, 3])):
                start = day.replace(hour=10 + 2 * k, minute=rng.randrange(60))
                sid = journal.append({
                    "type": "session", "routine_id": "desk-micro",
                    "routine_name": rng.choice(["Desk micro-break", "Chair hamstrings"]),
                    "started": start.isoformat(),
                    "ended": (start + timedelta(minutes=3)).isoformat(), "completed": True,
                    "held": [{"exercise_id": "h", "side": "right", "seconds": 20,
                              "muscles": ["hamstrings"]},
                             {"exercise_id": "h", "side": "left", "seconds": 17,
                              "muscles": ["hamstrings"]},
                             {"exercise_id": "f", "side": "right", "seconds": 20,
                              "muscles": ["hip flexors"]},
                             {"exercise_id": "f", "side": "left", "seconds": 20,
                              "muscles": ["hip flexors"]},
                             {"exercise_id": "b", "side": None, "seconds": 30,
                              "muscles": ["diaphragm"]}]})
                journal.append({"type": "checkin", "session_id": sid,
                                "rating": rng.choice(["easy", "good", "good", "strong"])})
        day += timedelta(days=1)
    controller = build_app(Paths.under(home), FakeClock(wall=now.timestamp()))
    window = controller.window
    window.resize(1100, 720)
    window.show()
    window.show_tab(1)
    shoot(window, app, out / "history.png")


if __name__ == "__main__":
    raise SystemExit(main())
