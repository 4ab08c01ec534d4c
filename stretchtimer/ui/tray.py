"""The tray icon and its menu: start a routine, see and move the next reminder, open the
window, quit. Clicking the icon opens the window."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from stretchtimer.core.plan import format_clock
from stretchtimer.ui.i18n import tr

HOUR = 3600.0


class TrayState(StrEnum):
    """What the tray icon shows: reminders on, snoozed, paused, or a routine running."""

    ACTIVE = "active"
    SNOOZED = "snoozed"
    PAUSED = "paused"
    RUNNING = "running"


STATES = {TrayState.ACTIVE: None, TrayState.SNOOZED: "#3b82c4", TrayState.PAUSED: "#8a8a8a",
          TrayState.RUNNING: "#1f9e6e"}


def badged(icon: QIcon, state: TrayState, size: int = 64) -> QIcon:
    """The app icon with a badge in one corner for every state but ACTIVE: a blue dot
    for snoozed, grey pause bars for paused, a green dot while a routine runs."""
    colour = STATES[state]
    if colour is None:
        return icon
    pm = icon.pixmap(size, size)
    if pm.isNull():
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = QRectF(size * 0.5, size * 0.5, size * 0.48, size * 0.48)
    p.setPen(QColor("white"))
    p.setBrush(QColor(colour))
    p.drawEllipse(r)
    if state is TrayState.PAUSED:
        p.setBrush(QColor("white"))
        w = r.width() * 0.14
        for x in (r.center().x() - w * 1.6, r.center().x() + w * 0.6):
            p.drawRect(QRectF(x, r.top() + r.height() * 0.28, w, r.height() * 0.44))
    p.end()
    return QIcon(pm)


class Tray(QObject):
    start_requested = Signal(str)  # routine id
    open_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()
    snooze_requested = Signal()
    pause_requested = Signal(float)  # seconds; 0 = resume
    pause_until_tomorrow_requested = Signal()

    def __init__(self, icon: QIcon, routines, parent: QObject | None = None,
                 shown: QSystemTrayIcon | None = None) -> None:
        """`shown`: an icon already on screen (a --tray launch shows it first) to adopt."""
        super().__init__(parent)
        self.base_icon = icon
        self.state = TrayState.ACTIVE
        self._next_text = ""  # set by show_next() below
        self.icon = shown or QSystemTrayIcon(icon, self)
        self.icon.setParent(self)
        self.menu = QMenu()
        self.routines = {r.id: r for r in routines}
        self.act_start = self.menu.addAction("")  # the routine a reminder offers
        self.act_start.setVisible(False)
        self._suggested = ""
        self.act_start.triggered.connect(lambda: self.start_requested.emit(self._suggested))
        self.starts = self.menu.addMenu(tr("Start"))
        self.set_routines(routines)
        self.menu.addSeparator()
        self.act_next = self.menu.addAction(tr("No reminder planned"))
        self.act_next.setEnabled(False)
        self.act_snooze = self.menu.addAction(tr("Snooze 10 min"))
        self.act_snooze.triggered.connect(self.snooze_requested)
        pause = self.menu.addMenu(tr("Pause reminders"))
        pause.addAction(tr("For 1 hour")).triggered.connect(lambda: self.pause_requested.emit(HOUR))
        pause.addAction(tr("Until tomorrow")).triggered.connect(self.pause_until_tomorrow_requested)
        pause.addAction(tr("Resume")).triggered.connect(lambda: self.pause_requested.emit(0.0))
        self.menu.addSeparator()
        self.menu.addAction(tr("Open stretchtimer")).triggered.connect(self.open_requested)
        self.menu.addAction(tr("Settings…")).triggered.connect(self.settings_requested)
        self.menu.addAction(tr("Quit")).triggered.connect(self.quit_requested)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_icon_activated)
        self.show_next(None)

    def set_suggested(self, routine, seconds: float) -> None:
        """The routine a reminder offers, and how long it runs (as planned to start)."""
        self._suggested = routine.id
        self.act_start.setText(tr("Start {name} ({length})").format(
            name=routine.name, length=format_clock(seconds)))
        self.act_start.setVisible(True)

    def set_routines(self, routines) -> None:
        """Every routine in the Start submenu (the user's own ones included)."""
        self.routines = {r.id: r for r in routines}
        self.starts.clear()
        for r in self.routines.values():
            self.starts.addAction(r.name).triggered.connect(
                lambda _=False, rid=r.id: self.start_requested.emit(rid))

    def set_snooze_minutes(self, minutes: int) -> None:
        self.act_snooze.setText(tr("Snooze {minutes} min").format(minutes=minutes))

    def show_next(self, due: float | None) -> None:
        if due is None:
            text = tr("No reminder planned")
        else:
            text = tr("Next reminder at {time}").format(
                time=datetime.fromtimestamp(due).strftime("%H:%M"))
        if text == self._next_text:
            return  # every 30 s check re-announces the same time: no tooltip update
        self.act_next.setText(text)
        self._next_text = text
        self._tooltip()

    def set_state(self, state: TrayState | str) -> None:
        """A TrayState (or its word; another is refused): the icon and its tooltip show it."""
        state = TrayState(state)
        if state != self.state:
            self.state = state
            self.icon.setIcon(badged(self.base_icon, state))
            self._tooltip()

    def _tooltip(self) -> None:
        state = {TrayState.ACTIVE: "", TrayState.SNOOZED: tr("Snoozed."),
                 TrayState.PAUSED: tr("Reminders paused."),
                 TrayState.RUNNING: tr("A routine is running.")}[self.state]
        self.icon.setToolTip(" ".join(p for p in ("stretchtimer:", state, self._next_text + ".")
                                      if p))

    def _on_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()
