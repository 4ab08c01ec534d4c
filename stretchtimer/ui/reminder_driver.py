"""The Qt side of the ReminderScheduler: one single-shot timer for the next due time and
a coarse check every minute that notices wake-ups and clock changes (a sleeping machine
stops Qt's timers too). In the tray the process does nothing else."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stretchtimer.core.reminders import ReminderScheduler, Schedule

CHECK_MS = 60_000  # each check asks the desktop about idle, lock and full screen: the
# tray's wake-ups are mostly these (30 s was 0.17 wake-ups a second, issue 16)


class ReminderDriver(QObject):
    reminder_due = Signal(object)  # ReminderDue
    next_changed = Signal(object)  # wall time of the next reminder, or None

    def __init__(self, settings, clock, idle=None, fullscreen=None, calls=None,
                 parent=None) -> None:
        """`settings`: the SettingsModel (its reminders, followed as they change); `idle`:
        a platform.idle probe (seconds(), locked()); `fullscreen`: a platform.fullscreen
        probe (active()); `calls`: a platform.calls probe (active()). Without them nobody
        is ever away or busy."""
        super().__init__(parent)
        from stretchtimer.platform.calls import CallProbe
        from stretchtimer.platform.fullscreen import NoFullscreen
        from stretchtimer.platform.idle import NoIdle

        self.settings, self.clock = settings, clock
        self.idle = idle or NoIdle()
        self.fullscreen = fullscreen or NoFullscreen()
        self.calls = calls or CallProbe([])
        self._call_now: bool | None = None  # the call probe's answer in this check
        self.scheduler = ReminderScheduler(Schedule.from_settings(settings.reminders))
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.setTimerType(Qt.TimerType.CoarseTimer)
        self._due.timeout.connect(self.check)
        self._check = QTimer(self)
        self._check.setInterval(CHECK_MS)
        self._check.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._check.timeout.connect(self.check)
        self.started = False  # start() was called: before it (the welcome), nothing is armed
        settings.reminders_changed.connect(self._on_reminders_changed)

    def start(self) -> None:
        self.started = True
        if not self.settings.reminders.enabled:
            self.stop()
            return
        self.scheduler.start(self.clock.wall(), self.clock.monotonic())
        self._check.start()
        self._arm()

    def stop(self) -> None:
        self._due.stop()
        self._check.stop()
        self.scheduler.due = None
        self.next_changed.emit(None)

    def _on_reminders_changed(self, reminders) -> None:
        self.scheduler.schedule = Schedule.from_settings(reminders)
        if self.started:
            self.start()

    def _armed(self) -> bool:
        """Reminders are on and started. Otherwise a command (from the tray, or a later
        launch) sets nothing going; a pause is kept for when they start."""
        if self.started and self.settings.reminders.enabled:
            return True
        self.next_changed.emit(None)
        return False

    def check(self) -> None:
        idle_s, locked = self.idle.sample()
        events = self.scheduler.tick(self.clock.wall(), self.clock.monotonic(),
                                     idle_s or 0.0, fullscreen=self.fullscreen.active,
                                     call=self._ask_call, locked=locked)
        for event in events:  # whoever takes it may ask on_call(): answered from this check
            self.reminder_due.emit(event)
        self._call_now = None
        self._arm()

    def _ask_call(self) -> bool:
        self._call_now = self.calls.active()
        return self._call_now

    def held_by(self) -> list[str]:
        """Why a reminder due now would wait, asking each probe once (--status)."""
        _idle, locked = self.idle.sample()
        on = self.calls.reasons()
        return self.scheduler.held_by(self.clock.wall(), locked=bool(locked),
                                      full_screen=self.fullscreen.active(),
                                      call="call" in on, screen_share="screen_share" in on)

    def on_call(self) -> bool:
        """A call or a shared screen is on now: nothing may be said into it. Asked once
        per check (a sound server round trip, a process, a scan of /proc)."""
        return self._call_now if self._call_now is not None else self.calls.active()

    def _do(self, name: str, *args) -> None:
        if not self._armed():
            if name in ("pause", "resume"):  # kept for when they start (core: start())
                self.scheduler.paused_until = args[0] if args else None
            return
        getattr(self.scheduler, name)(*args, self.clock.wall(), self.clock.monotonic())
        self._arm()

    def snooze(self, seconds: float | None = None) -> None:
        """Put the next reminder off by `seconds` (None: the snooze length set)."""
        if not self._armed():
            return
        self.scheduler.snooze(self.clock.wall(), self.clock.monotonic(), seconds)
        self._arm()

    def skip(self) -> None:
        self._do("skip")

    def routine_finished(self) -> None:
        self._do("routine_finished")

    def pause_for(self, seconds: float) -> None:
        self._do("pause", self.clock.wall() + seconds)

    def resume(self) -> None:
        self._do("resume")

    def _arm(self) -> None:
        wake = self.scheduler.next_wake()
        now = self.clock.wall()
        if wake is None or wake <= now:
            # nothing ahead, or a reminder held back (locked, away, full screen): the
            # coarse check notices when that ends; re-arming at 0 ms would spin
            self._due.stop()
        else:
            self._due.start(min(math.ceil((wake - now) * 1000), CHECK_MS * 4))
        self.next_changed.emit(self.scheduler.due)
