"""The timer in the window on a FakeClock: how the window starts a routine in it, answers
its requests (stop, restart, mute, full screen) and sizes it. What the view itself shows
and its keys: test_timer_view.py, on a driver alone."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from stretchtimer.core.plan import Kind
from stretchtimer.core.session import State


def start_desk(rig, qtbot):
    rig.window.picker.select("desk-micro")
    qtbot.keyClick(rig.window.picker.list, Qt.Key.Key_Return)
    assert rig.window.pages.currentWidget() is rig.timer


def test_enter_starts_the_selected_routine_in_the_timer(rig, qtbot):
    start_desk(rig, qtbot)
    assert rig.driver.state == State.RUNNING and rig.driver.plan.routine.id == "desk-micro"
    assert rig.timer.exercise.text() == "Standing hamstring stretch"
    assert rig.timer.hasFocus()  # its keys work at once


def test_stop_mute_and_fullscreen_keys_reach_the_window(rig, qtbot):
    start_desk(rig, qtbot)
    rig.at(rig.segments(Kind.HOLD)[0].start + 5)
    qtbot.keyClick(rig.timer, Qt.Key.Key_M)
    assert rig.app.settings.voice.muted and rig.timer.act_mute.text() == "Unmute"
    qtbot.keyClick(rig.timer, Qt.Key.Key_M)
    assert not rig.app.settings.voice.muted

    assert "(F11)" in rig.timer.act_fullscreen.toolTip()
    qtbot.keyClick(rig.timer, Qt.Key.Key_F11)
    assert rig.window.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(rig.timer, Qt.Key.Key_F11)
    assert not rig.window.windowState() & Qt.WindowState.WindowFullScreen

    with qtbot.waitSignal(rig.driver.finished) as finished:
        qtbot.keyClick(rig.timer, Qt.Key.Key_Escape)  # asks nothing
    assert finished.args[0].completed is False
    assert rig.window.pages.currentWidget() is rig.window.tabs
    assert rig.window.tabs.currentWidget() is rig.window.picker


def test_restart_on_the_done_screen_starts_the_routine_again(rig, qtbot):
    start_desk(rig, qtbot)
    rig.at(rig.driver.machine.end)
    assert rig.driver.state == State.FINISHED
    qtbot.keyClick(rig.timer, Qt.Key.Key_R)
    assert rig.driver.state == State.RUNNING and rig.driver.position() == 0
    assert rig.timer.ring.phase == "Get ready"
    rig.at(rig.driver.machine.end)
    qtbot.keyClick(rig.timer, Qt.Key.Key_Space)  # Space starts again too
    assert rig.driver.state == State.RUNNING and rig.driver.position() == 0


def test_the_pickers_controls_name_themselves(rig):
    picker = rig.window.picker
    for widget in (picker.search, picker.position, picker.equipment, picker.list,
                   picker.preview.start):
        assert widget.accessibleName(), widget


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


def test_high_contrast_changes_the_palette_and_back(rig, qtbot):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = app.palette().color(QPalette.ColorRole.Window).name()
    rig.window.act_contrast.setChecked(True)
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert app.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    disabled = app.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    assert disabled.name() not in ("#ffffff", "#000000")  # what cannot be used looks it
    assert "border: 1px solid #ffffff" in app.styleSheet()  # fields framed on black
    start_desk(rig, qtbot)
    assert "color:#000000" in rig.timer.side.styleSheet()  # black on the yellow badge
    rig.window.act_contrast.setChecked(False)
    assert app.palette().color(QPalette.ColorRole.Window).name() == before
    assert app.styleSheet() == ""
    # the palette change reaches the widgets through the event loop
    qtbot.waitUntil(lambda: "color:#ffffff" in rig.timer.side.styleSheet())  # white on orange


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_phase_word_fits_inside_the_ring(rig, qtbot, language):
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QApplication

    from stretchtimer.core.plan import Kind
    from stretchtimer.ui import i18n
    from stretchtimer.ui.theme import phase_word

    start_desk(rig, qtbot)
    ring = rig.timer.ring
    i18n.install(QApplication.instance(), language)
    try:
        words = [phase_word(k).upper() for k in Kind] + [i18n.tr("Stopped").upper()]
        assert language == "en" or "MACH DICH BEREIT" in words
        for word in words:
            font = QFont(ring.font())
            font.setBold(True)
            font.setPixelSize(ring.phase_pixel_size(word))
            assert QFontMetrics(font).horizontalAdvance(word) <= \
                ring.ring_rect().width() * ring.PHASE_ROOM, word
        assert ring.phase_pixel_size("HOLD") >= ring.ring_rect().height() * 0.08  # unshrunk
    finally:
        i18n.install(QApplication.instance(), "en")


def test_high_contrast_and_text_size_reach_the_widgets_shown_already(rig, qtbot):
    """The widgets' own palette and font, not just the application's: a style sheet set on
    the application pins what the widgets had when it was set."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    label = rig.window.picker.preview.summary  # a plain label, on screen
    base = QApplication.instance().font().pointSizeF()

    def shown(colour, size):
        QApplication.processEvents()
        return label.palette().color(QPalette.ColorRole.WindowText).name() == colour and \
            label.font().pointSizeF() == pytest.approx(base * size / 100)

    settings = rig.app.settings
    normal = label.palette().color(QPalette.ColorRole.WindowText).name()
    try:
        rig.window.act_contrast.setChecked(True)
        qtbot.waitUntil(lambda: shown("#ffffff", 100))
        settings.set_display(text_size=200)
        qtbot.waitUntil(lambda: shown("#ffffff", 200))
        settings.set_display(text_size=100)
        qtbot.waitUntil(lambda: shown("#ffffff", 100))
        rig.window.act_contrast.setChecked(False)
        qtbot.waitUntil(lambda: shown(normal, 100))
    finally:
        settings.set_display(text_size=100, high_contrast=False)
