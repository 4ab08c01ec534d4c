"""Render every screen to PNG files, as a user would see them: the picker, Get ready, a
hold on each side, Done, the history, settings, the editor, the reminder popup and the
welcome; in light, dark and high contrast, in English and German.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python packaging/screenshots.py [OUT]
    QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 3840x2160x24" \\
        .venv/bin/python packaging/screenshots.py [OUT]

The window fills the screen (less a panel's height); the files are named
<screen>-<language>-<theme>-<width>x<height>.png. Each run builds a home with twelve weeks
of made-up use and runs the real window on a FakeClock, so each picture is an exact moment
(Thursday 19 November 2026, 10:30).
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

NOW = datetime(2026, 11, 19, 10, 30)
THEMES = ("light", "dark", "contrast")
LANGUAGES = ("en", "de")


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def dark_palette() -> QPalette:
    """A dark desktop's palette (the app follows the system's)."""
    p = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2d31"),
                         (QPalette.ColorRole.WindowText, "#e8e8e8"),
                         (QPalette.ColorRole.Base, "#1f2023"),
                         (QPalette.ColorRole.AlternateBase, "#2f3136"),
                         (QPalette.ColorRole.Text, "#e8e8e8"),
                         (QPalette.ColorRole.Button, "#35373c"),
                         (QPalette.ColorRole.ButtonText, "#e8e8e8"),
                         (QPalette.ColorRole.Highlight, "#3d7fd9"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"),
                         (QPalette.ColorRole.PlaceholderText, "#9a9ca3"),
                         (QPalette.ColorRole.Mid, "#55575c"),
                         (QPalette.ColorRole.ToolTipBase, "#35373c"),
                         (QPalette.ColorRole.ToolTipText, "#e8e8e8")):
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):  # greyed out, as a dark theme has it
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#76787d"))
    return p


def make_home(language: str, theme: str) -> Path:
    """A home with settings (language, contrast) and twelve weeks of weekday sessions."""
    from stretchtimer.storage.journal import Journal
    from stretchtimer.storage.paths import Paths

    home = Path(tempfile.mkdtemp(prefix="st-shots-"))
    paths = Paths.under(home)
    paths.config.mkdir(parents=True)
    paths.settings_file.write_text(json.dumps({
        "schema_version": 1, "display": {
            "language": language, "welcome_shown": True, "high_contrast": theme == "contrast",
            "text_size": int(os.environ.get("SHOTS_TEXT", "100"))}}))  # e.g. 200 (%)
    from stretchtimer.storage.routines import load_routines

    desk = load_routines(None, language).get("desk-micro")  # as it was named when done
    rng = random.Random(3)
    now = NOW.astimezone()
    journal = Journal(paths.journal)
    day = now - timedelta(weeks=12)
    while day.date() < now.date():
        if day.weekday() < 5 and rng.random() > 0.12:
            for k in range(rng.choice([1, 1, 2, 2, 3])):
                start = day.replace(hour=10 + 2 * k, minute=rng.randrange(60))
                sid = journal.append({
                    "type": "session", "routine_id": "desk-micro",
                    "routine_name": desk.name, "started": start.isoformat(),
                    "ended": (start + timedelta(minutes=3)).isoformat(), "completed": True,
                    "held": [{"exercise_id": ex, "side": side, "seconds": secs,
                              "muscles": [muscle]}
                             for ex, muscle in (("standing-hamstring", "hamstrings"),
                                                ("desk-hip-flexor", "hip flexors"))
                             for side, secs in (("right", 20), ("left", 18))] +
                            [{"exercise_id": "standing-breaths", "side": "both",
                              "seconds": 30, "muscles": ["diaphragm"]}]})
                journal.append({"type": "checkin", "session_id": sid,
                                "rating": rng.choice(["easy", "good", "good", "strong"])})
        day += timedelta(days=1)
    return home


class Shooter:
    def __init__(self, app: QApplication, out: Path, tag: str) -> None:
        self.app, self.out, self.tag = app, out, tag

    def __call__(self, widget: QWidget, screen: str) -> None:
        settle(self.app)
        path = self.out / f"{screen}-{self.tag}.png"
        widget.grab().save(str(path))
        print(path)


def shoot_variant(app: QApplication, out: Path, language: str, theme: str, size) -> None:
    from stretchtimer.app import build_app
    from stretchtimer.core.clock import FakeClock
    from stretchtimer.core.plan import Kind
    from stretchtimer.core.routine import Side
    from stretchtimer.storage.paths import Paths
    from stretchtimer.ui.reminder_driver import ReminderDriver
    from stretchtimer.ui.reminder_popup import ReminderPopup

    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
    app.setProperty("high_contrast", False)  # as a new process starts (the last may have)
    app.setStyleSheet("")
    clock = FakeClock(wall=NOW.timestamp())
    paths = Paths.under(make_home(language, theme))
    controller = build_app(paths, clock)
    window = controller.window
    window.resize(size.width(), size.height() - 28)  # a panel's height off the screen
    window.show()
    popup = ReminderPopup()
    controller.set_reminders(ReminderDriver(controller.settings, clock, None, None, None,
                                            parent=window), None, popup)
    shoot = Shooter(app, out, f"{language}-{theme}-{size.width() * app.devicePixelRatio():.0f}"
                    f"x{size.height() * app.devicePixelRatio():.0f}")
    window.notice_bar.hide()  # "no system tray": true of Xvfb, not of a desktop
    window.show_picker()
    window.picker.select("desk-micro")
    shoot(window, "picker")
    controller.start_routine(controller.library.get("desk-micro"))
    driver = controller.driver

    def at(offset: float) -> None:
        clock.advance_to(driver.machine.monotonic_at(offset))
        driver.catch_up()
        controller.timer.refresh()

    segments = driver.plan.segments
    at(next(s for s in segments if s.kind == Kind.PREPARE).start + 4)
    shoot(window, "timer-get-ready")
    for side, name in ((Side.RIGHT, "timer-hold-right"), (Side.LEFT, "timer-hold-left")):
        at(next(s for s in segments if s.kind == Kind.HOLD and s.side == side).start + 11.2)
        shoot(window, name)
    at(driver.machine.end)
    shoot(window, "timer-done")
    driver.stop()
    controller.checkin.hide()  # answered
    window.show_picker()
    window.show_tab(1)
    shoot(window, "history")
    window.show_tab(0)
    # the speech engine, as the app starts it after the first paint, for the Voice page
    from stretchtimer.app import start_speech

    listed: list = []
    start_speech(controller, paths).voices_listed.connect(listed.append)
    end = time.monotonic() + 30
    while not listed and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.05)
    # what this desktop's probes would say (the controller has none here)
    controller.sensing = {"idle": "X11 screen saver extension",
                          "fullscreen": "the active window's full-screen state (X11)",
                          "calls": "a microphone recording (PulseAudio)",
                          "notifications": "dunst"}
    for page in ("Voice", "Reminders", "Goals", "Display", "History"):
        dialog = controller.show_settings(page)
        dialog.resize(min(720, size.width()), min(720, size.height() - 40))
        shoot(dialog, f"settings-{page.lower()}")
        dialog.close()
    editor = controller.routines.duplicate(controller.library.get("chair-hamstrings"))
    editor.list.setCurrentRow(0)
    shoot(editor, "editor")
    editor.reject()
    from stretchtimer.core.plan import format_clock

    desk = controller.library.get("desk-micro")
    popup.offer(desk.name, format_clock(controller.context.plan(desk).total))
    shoot(popup, "reminder-popup")
    popup.close()
    welcome = controller.show_welcome()
    shoot(welcome, "welcome")
    welcome.reject()
    window.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("STRETCHTIMER_HOME", tempfile.mkdtemp(prefix="st-shots-"))
    app = QApplication(sys.argv[:1])
    from stretchtimer.app import app_icon

    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    size = QGuiApplication.primaryScreen().availableGeometry().size()
    only = os.environ.get("SHOTS", "")  # e.g. SHOTS=en-light: only that variant
    for language in LANGUAGES:
        for theme in THEMES:
            if not only or only == f"{language}-{theme}":
                shoot_variant(app, out, language, theme, size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
