"""The reminder: a small window near the tray that appears without taking the keyboard
from whatever the user is typing in. Once clicked: Enter starts, S snoozes, Esc skips."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stretchtimer.ui.guard import guarded
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.theme import SPACING, set_type


class ReminderPopup(QFrame):
    start_clicked = Signal()
    snooze_clicked = Signal()
    skip_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint |
                         Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(tr("Stretch reminder"))
        self.title = QLabel(tr("Time to stand and stretch"))
        set_type(self.title, "lead", bold=True)
        self.routine = QLabel()  # which routine, and how long it takes
        self.routine.setWordWrap(True)
        self.start = QPushButton(tr("Start (Enter)"))
        self.snooze = QPushButton(tr("Snooze (S)"))
        self.skip = QPushButton(tr("Skip (Esc)"))
        self.start.setDefault(True)
        for button, signal in ((self.start, self.start_clicked),
                               (self.snooze, self.snooze_clicked),
                               (self.skip, self.skip_clicked)):
            button.clicked.connect(signal)
            button.clicked.connect(self.hide)
        self._keys = {Qt.Key.Key_Return: self.start, Qt.Key.Key_Enter: self.start,
                      Qt.Key.Key_S: self.snooze, Qt.Key.Key_Escape: self.skip}
        buttons = QHBoxLayout()
        for b in (self.start, self.snooze, self.skip):
            buttons.addWidget(b)
        buttons.setSpacing(SPACING["gap"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(SPACING["section"],) * 4)
        layout.setSpacing(SPACING["tight"])
        layout.addWidget(self.title)
        layout.addWidget(self.routine)
        layout.addSpacing(SPACING["gap"])
        layout.addLayout(buttons)

    @guarded
    def keyPressEvent(self, event) -> None:
        # Keys, not shortcuts: they work whenever the popup has the keyboard (after a
        # click), and never while the user types elsewhere.
        button = self._keys.get(event.key())
        if button is not None:
            button.click()
        else:
            super().keyPressEvent(event)

    def offer(self, routine_name: str, length: str) -> None:
        self.routine.setText(f"{routine_name}  ·  {length}")
        self.setAccessibleDescription(self.routine.text())
        self.adjustSize()
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.move(screen.right() - self.width() - 16, screen.bottom() - self.height() - 16)
        self.show()
        self.raise_()
