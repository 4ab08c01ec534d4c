"""Accessibility: every control has a name a screen reader can say, Tab reaches every
control of the dialogs, the text-size setting scales the fonts, and reduced motion keeps
the breathing circle still."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QListView,
            QPlainTextEdit)


def controls(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if isinstance(w, CONTROLS) and w.isVisibleTo(root)
            and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox, QTabBar))
            and not w.objectName().startswith("qt_")]


def spoken_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def assert_all_named(root: QWidget) -> None:
    nameless = [f"{type(w).__name__} {w.objectName()!r}" for w in controls(root)
                if not spoken_name(w)]
    assert not nameless, nameless


def test_every_control_has_a_name(rig):
    app, window = rig.app, rig.window
    assert_all_named(window)
    settings = app.show_settings("Voice")
    for i in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(i)
        assert_all_named(settings.tabs.currentWidget())
    editor = app.routines.duplicate(app.library.get("desk-micro"))
    assert_all_named(editor)
    about = app.show_about()
    assert_all_named(about)
    from stretchtimer.ui.reminder_popup import ReminderPopup

    popup = ReminderPopup()
    popup.offer("Desk micro-break", "2:48")
    assert_all_named(popup)
    popup.close()
    from stretchtimer.ui.figure import FigureView

    for figure in window.findChildren(FigureView):  # the pictures say what they show
        if figure.isVisibleTo(window):
            assert spoken_name(figure).startswith("Picture: ")


def test_every_welcome_step_is_named_and_reached_by_tab(qtbot, rig):
    welcome = rig.app.show_welcome()
    qtbot.waitUntil(welcome.isActiveWindow)
    for _step in range(3):
        page = welcome.currentPage()
        assert_all_named(page)
        wanted = {w for w in controls(page) if w.isEnabled()
                  and w.focusPolicy() & Qt.FocusPolicy.TabFocus}
        seen = tab_cycle(qtbot, welcome, welcome.button(welcome.WizardButton.CancelButton), 40)
        assert wanted <= seen, [spoken_name(w) for w in wanted - seen]
        welcome.next()
    welcome.reject()


def tab_cycle(qtbot, dialog: QWidget, start: QWidget, presses: int = 120) -> set:
    start.setFocus()
    seen = set()
    for _ in range(presses):
        seen.add(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return seen


@pytest.mark.parametrize("page", ["Voice", "Reminders", "Goals", "Display", "History"])
def test_tab_reaches_every_settings_control(qtbot, rig, page):
    dialog = rig.app.show_settings(page)
    qtbot.waitUntil(dialog.isActiveWindow)
    content = dialog.pages[page]
    wanted = {w for w in controls(content) if w.isEnabled()
              and w.focusPolicy() & Qt.FocusPolicy.TabFocus}
    seen = tab_cycle(qtbot, dialog, dialog.tabs.tabBar())
    assert wanted <= seen, [spoken_name(w) for w in wanted - seen]


def test_tab_reaches_every_editor_control(qtbot, rig):
    editor = rig.app.routines.duplicate(rig.app.library.get("chair-hamstrings"))
    qtbot.waitUntil(editor.isActiveWindow)
    wanted = {w for w in controls(editor) if w.isEnabled()
              and w.focusPolicy() & Qt.FocusPolicy.TabFocus}
    seen = tab_cycle(qtbot, editor, editor.name, 160)
    assert wanted <= seen, [spoken_name(w) for w in wanted - seen]


def test_text_size_scales_the_fonts(rig):
    from stretchtimer.ui.theme import TYPE_SCALE

    app = QApplication.instance()
    base = app.font().pointSizeF()
    dialog = rig.app.show_settings("Display")
    title = rig.window.picker.preview.title
    rig.app.start_routine(rig.app.library.get("desk-micro"))
    timer = rig.app.timer
    try:
        for size in (80, 200, 150):
            dialog.display.text_size.setValue(size)
            assert rig.app.settings.display.text_size == size
            assert app.font().pointSizeF() == pytest.approx(base * size / 100)
            # the type scale follows: titles, the timer's words, the side badge
            for widget, role in ((title, "title"), (timer.exercise, "title"),
                                 (timer.cue, "heading"), (timer.side, "display")):
                assert widget.font().pointSizeF() == pytest.approx(
                    base * size / 100 * TYPE_SCALE[role]), (widget, size)
    finally:
        dialog.display.text_size.setValue(100)
    assert app.font().pointSizeF() == pytest.approx(base)
    assert title.font().pointSizeF() == pytest.approx(base * TYPE_SCALE["title"])


def test_reduced_motion_keeps_the_breathing_circle_still(rig):
    rig.app.start_routine(rig.app.library.get("desk-micro"))
    pacer = rig.app.timer.pacer
    pacer.resize(220, 260)

    def frames():
        shots = []
        for fraction in (0.1, 0.9):
            pacer.set_breath("in", fraction)
            shots.append(pacer.grab().toImage())
        return shots

    moving = frames()
    assert moving[0] != moving[1]
    dialog = rig.app.show_settings("Display")
    dialog.display.reduced_motion.setChecked(True)
    assert pacer.reduced_motion and rig.app.settings.display.reduced_motion
    still = frames()
    assert still[0] == still[1]
