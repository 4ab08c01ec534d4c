"""The settings as an evented model: every change goes through it; it checks the value
(the same rules as a file's), saves at once and emits one typed change per section, to
which each consumer (window, timer view, player, reminders, history, tray) subscribes
itself. The sections are frozen: nothing changes them behind the model's back.

Qt signals rather than plain callbacks: a receiver that is a QObject (a dialog, a view)
is disconnected when it is destroyed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from stretchtimer.logs import log
from stretchtimer.storage.settings import (
    DisplaySettings,
    GoalSettings,
    HistorySettings,
    ReminderSettings,
    Settings,
    SettingsStore,
    VoiceSettings,
    check,
)


class SettingsModel(QObject):
    voice_changed = Signal(object)  # VoiceSettings
    reminders_changed = Signal(object)  # ReminderSettings
    goals_changed = Signal(object)  # GoalSettings
    display_changed = Signal(object)  # DisplaySettings
    history_changed = Signal(object)  # HistorySettings
    paused_changed = Signal(object)  # tuple of exercise ids
    save_failed = Signal(object)  # the OSError; the file saved before is kept

    def __init__(self, settings: Settings | None = None, store: SettingsStore | None = None,
                 parent: QObject | None = None) -> None:
        """`store`: where changes are saved (None: they live as long as the model)."""
        super().__init__(parent)
        self.settings = settings or Settings()
        self.store = store
        # the organisation's locked settings (storage.defaults): the app cannot change them
        self.locked: frozenset[tuple[str, str]] = store.defaults.locked if store else frozenset()

    @property
    def voice(self) -> VoiceSettings:
        return self.settings.voice

    @property
    def reminders(self) -> ReminderSettings:
        return self.settings.reminders

    @property
    def goals(self) -> GoalSettings:
        return self.settings.goals

    @property
    def display(self) -> DisplaySettings:
        return self.settings.display

    @property
    def history(self) -> HistorySettings:
        return self.settings.history

    @property
    def paused(self) -> tuple[str, ...]:
        return self.settings.suspended

    def set_voice(self, **changes: Any) -> None:
        self._change("voice", changes, self.voice_changed)

    def set_reminders(self, **changes: Any) -> None:
        self._change("reminders", changes, self.reminders_changed)

    def set_goals(self, **changes: Any) -> None:
        self._change("goals", changes, self.goals_changed)

    def set_display(self, **changes: Any) -> None:
        self._change("display", changes, self.display_changed)

    def set_history(self, **changes: Any) -> None:
        """(The sync folder is changed through the controller's set_sync_folder, which
        copies the history first.)"""
        self._change("history", changes, self.history_changed)

    def set_paused(self, ids: tuple[str, ...] | list[str]) -> None:
        ids = tuple(dict.fromkeys(ids))  # each once, in order
        if ids != self.settings.suspended:
            self.settings = replace(self.settings, suspended=ids)
            self._save()
            self.paused_changed.emit(ids)

    def _change(self, section: str, changes: dict[str, Any], signal: Any) -> None:
        check(section, changes)  # a wrong value is a bug of the caller: it says which
        old = getattr(self.settings, section)
        locked = [n for n in changes if (section, n) in self.locked]
        if locked:  # the organisation's: a control that changed it shows it back
            log.info("%s.%s is set by the organisation; not changed", section, locked[0])
            changes = {n: v for n, v in changes.items() if n not in locked}
            if not changes:
                signal.emit(old)
                return
        new = replace(old, **changes)
        if new == old:
            return
        self.settings = replace(self.settings, **{section: new})
        self._save()
        signal.emit(new)

    def _save(self) -> None:
        """Saved the moment it changes; a failure is said, never hidden."""
        if self.store is None:
            return
        try:
            self.store.save(self.settings)
        except OSError as exc:
            self.save_failed.emit(exc)
