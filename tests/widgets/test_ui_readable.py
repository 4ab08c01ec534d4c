"""Readable at every text size (issue 20): at 80, 150 and 200 % no text of the window's
screens, the settings, the welcome or the popup is cut off, in a window of 1366x768
(the smallest laptop screen most people have)."""

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from stretchtimer.core.clock import FakeClock
from tests.ui_helpers import launched
from tests.widgets.test_ui_reminders import MONDAY_8


def cut_off(root: QWidget) -> list[str]:
    """The visible texts in `root` given less room than they need."""
    short = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.objectName().startswith("qt_"):
            continue
        if isinstance(w, QLabel) and w.text() and not w.pixmap():
            if w.wordWrap():
                need_h = w.heightForWidth(w.width())
                if need_h > w.height() + 1:
                    short.append(f"label {w.text()[:40]!r}: {w.height()} < {need_h} px high"
                                 f" at {w.width()} px wide")
            elif w.minimumSizeHint().width() > w.width() + 1:
                short.append(f"label {w.text()[:40]!r}: {w.width()} < "
                             f"{w.minimumSizeHint().width()} px wide")
        elif isinstance(w, QAbstractButton) and w.text() and \
                w.sizeHint().width() > w.width() + 1:
            short.append(f"button {w.text()[:40]!r}: {w.width()} < {w.sizeHint().width()} px")
    return short


@pytest.mark.parametrize("size", [80, 100, 150, 200])
def test_no_text_is_cut_off_at_any_text_size(qtbot, tmp_path, size):
    app, _driver = launched(qtbot, tmp_path / "home", FakeClock(wall=MONDAY_8 + 3600))
    window = app.window
    window.resize(1366, 740)
    app.settings.set_display(text_size=size)  # the application's font: set back after
    try:
        look_at_every_screen(app)
    finally:
        app.settings.set_display(text_size=100)


def look_at_every_screen(app):
    window = app.window
    found = {}

    def look(name, root):
        for _ in range(5):  # a new font, then the layouts it changes, then theirs
            QApplication.processEvents()
        found[name] = cut_off(root)
        if window.width() > 1366:  # grown past the screen to make room: cut off all the same
            found[name].append(f"the window grew to {window.width()} px wide")

    window.picker.select("desk-micro")
    look("picker", window)
    window.show_tab(1)
    look("history", window)
    window.show_tab(0)
    app.start_routine(app.library.get("desk-micro"))
    look("timer", window)
    run = app.driver
    app.clock.advance_to(run.machine.monotonic_at(run.machine.end))
    run.catch_up()
    look("done", window)
    for page in ("Voice", "Reminders", "Goals", "Display", "History"):
        dialog = app.show_settings(page)
        look(f"settings {page}", dialog.pages[page])
    dialog.close()
    welcome = app.show_welcome()
    for step in range(3):
        look(f"welcome {step + 1}", welcome.currentPage())
        welcome.next()
    welcome.reject()
    app.popup.offer("Desk micro-break", "3:05")
    look("popup", app.popup)
    app.popup.hide()
    problems = {k: v for k, v in found.items() if v}
    assert not problems, "\n".join(f"{k}: {m}" for k, v in problems.items() for m in v)
