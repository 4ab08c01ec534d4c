"""The application controller: it owns the routine library, the settings model, the
journal and history, the plan context, the session driver, the voice, the reminders, the
tray and the popup, and it acts on commands (the first launch's and forwarded ones). The
window and the tray are sibling views it feeds. What loads when is decided here: the
window first, then, after the first paint, speech, history, reminders and the tray
(benchmarks/startup.py). Quitting goes through quit() alone."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stretchtimer.command import Command, CommandLineError, parse_forwarded
from stretchtimer.core.clock import Clock
from stretchtimer.core.phrases import ENGLISH, Phrases
from stretchtimer.core.planner import PlanContext
from stretchtimer.core.records import Rating, ReminderAction
from stretchtimer.core.reminders import ReminderKind
from stretchtimer.core.routine import DEFAULT_ROUTINE, Library, Routine
from stretchtimer.logs import log
from stretchtimer.routine_actions import RoutineActions
from stretchtimer.settings_model import SettingsModel
from stretchtimer.storage.history_files import HistoryFiles
from stretchtimer.storage.paths import Paths
from stretchtimer.storage.settings import plan_context
from stretchtimer.ui.application import application
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.media_driver import MediaDriver
from stretchtimer.ui.tray import TrayState

if TYPE_CHECKING:
    from stretchtimer.ui.main_window import MainWindow

VOICE_WAIT_MS = 4000  # a routine asked for from outside waits this long for its voice
REPLAN_MS = 250  # renders arrive in bursts: the lengths shown follow once per burst


def _what_is_said(voice: Any) -> tuple:
    """The voice settings that change what a routine's phrases are or sound like (not
    volume, mute or the chime)."""
    return voice.voice, voice.rate_wpm, voice.breathing, voice.countdown


class Controller(QObject):
    session_recorded = Signal(str)  # the journal id of a finished (or stopped) session
    tray_shown = Signal()  # the tray icon is up
    reminders_ready = Signal()  # reminders run, and the tray menu works
    history_folder_switched = Signal(int, str)  # records copied; why not ("": done)
    _switch_done = Signal(object, int, str, int)  # from the copying thread

    def __init__(self, library: Library, clock: Clock, settings: SettingsModel | None = None,
                 history_files: HistoryFiles | None = None, snapshot: Path | None = None,
                 routines_folder: Path | None = None, paths: Paths | None = None,
                 language: str = "en", phrases: Phrases = ENGLISH, waker: Any = None) -> None:
        """`history_files` None: sessions are not recorded; `routines_folder` None: the user's
        routines cannot be saved (tests); `paths`: of a real run (diagnostics, export);
        `waker`: how the session driver makes its timers (None: Qt's; tests pass wakers
        moved by their FakeClock, tests/fake_timers.py)."""
        super().__init__()
        self.clock = clock
        self.settings = settings or SettingsModel()
        self.history_files, self._snapshot = history_files, snapshot
        if history_files is not None:
            history_files.changed = self._on_history_folder_changed
        self.paths, self.language = paths, language
        self._phrases = phrases
        self._waker = waker
        self.voice: Any = None  # the CuePlayer, after the first paint
        self.levels: dict[str, int] = {}  # exercise id -> progression level
        self._was: dict[str, int] = {}  # exercise id -> the level it was at before
        self.context = self._make_context()
        self._history: Any = None
        self._driver: Any = None
        self._checkin: Any = None
        self.reminders: Any = None  # ReminderDriver, Tray, ReminderPopup: after the paint
        self.tray: Any = None
        self.popup: Any = None
        self.notifier: Any = None  # the desktop's notifications, where there are some
        self.autostart: Any = None  # the login entry (platform/autostart.py)
        # what tells stepping away / a full-screen app apart ("": not known yet, None: nothing)
        self.sensing: dict[str, str | None] = {"idle": "", "fullscreen": "", "calls": "",
                                               "notifications": ""}
        self.current: Routine | None = None  # the routine started last
        self.last_session_id: str | None = None
        self._pending_start: Routine | None = None  # asked for from outside, waiting for
        self._pending_cues: list = []               # its voice (start_when_voiced)
        self.after_paint_done = False
        self._quitting = False
        self.instance: Any = None  # the SingleInstance held (set_single_instance)
        self._control_error: str | None = None  # why the last control command was not done
        self.welcome_first = False  # a launch that opens the window: the welcome, if new
        self._day_stats: Any = None  # (day, Stats) for the day line: not read every minute
        for changed in (self.session_recorded, self.settings.goals_changed,
                        self.settings.reminders_changed, self.settings.history_changed):
            changed.connect(self._forget_day_stats)
        self._welcome: Any = None
        self._switching = False  # the history is being copied into another folder
        self._switch_problem = ""  # why the last switch was not made
        self._switch_done.connect(self._on_switch_done)
        self._replan = QTimer(self)
        self._replan.setSingleShot(True)
        self._replan.setInterval(REPLAN_MS)
        self._replan.timeout.connect(self._update_context)

        self._window: MainWindow | None = None  # made when first needed (not for --tray)
        self._keep_in_tray = False
        self._notices: list[str] = []  # said before the window was made
        self.routines = RoutineActions(library, routines_folder, language, lambda: self.window,
                                       lambda: (self.voice, self.context), self)
        self.routines.reloaded.connect(self._on_routines_reloaded)
        self.settings.voice_changed.connect(lambda _v: self._update_context())
        self.media = MediaDriver(self.settings, parent=self)  # music steps aside
        self.settings.paused_changed.connect(lambda _p: self._update_context())
        self.settings.display_changed.connect(self._on_display_changed)
        self.settings.save_failed.connect(self._on_settings_save_failed)
        self.settings.history_changed.connect(self._on_settings_history_changed)
        self.session_recorded.connect(lambda _id: self.checkin.ask())

    @property
    def window(self) -> MainWindow:
        """The main window, made the first time anything needs it: waiting in the tray
        (--tray) it is not made until it is opened (its widgets cost 6-9 MB)."""
        if self._window is None:
            self._window = self._make_window()
        return self._window

    def window_shown(self) -> bool:
        return self._window is not None and self._window.isVisible()

    def notify(self, text: str) -> None:
        """A notice for the user: in the window's notice bar, now or when it opens."""
        if self._window is None:
            self._notices.append(text)
        else:
            self._window.show_notice(text)

    def _make_window(self) -> MainWindow:
        from stretchtimer.ui.main_window import MainWindow  # not loaded for --tray

        window = MainWindow(list(self.library.routines.values()), self._make_history_view)
        self._window = window
        window.keep_in_tray, window.quitting = self._keep_in_tray, self.quitting
        window.destroyed.connect(self._on_window_destroyed)
        self._connect_window()
        display = self.settings.display
        if display.high_contrast or display.text_size != 100:
            self._on_display_changed(display)
        self._show_context()
        errors = self.library.errors
        if errors:
            window.show_status(
                tr("%n routine file(s) could not be read and were skipped: {names}. Run "
                   "stretchtimer --validate FILE to see why.", "", len(errors))
                .format(names=", ".join(e.source for e in errors)))
        if self._notices:
            window.show_notice(" ".join(dict.fromkeys(self._notices)))
            self._notices.clear()
        if self.voice is not None:
            window.first_painted.connect(self._warm_selected)
        return window

    def _connect_window(self) -> None:
        w, picker = self.window, self.window.picker
        picker.start_requested.connect(self.start_routine)
        picker.current_changed.connect(self._on_picker_current_changed)
        routines = self.routines
        picker.new_requested.connect(lambda: routines.edit(None))
        picker.duplicate_requested.connect(routines.duplicate)
        picker.edit_requested.connect(routines.edit)
        picker.delete_requested.connect(routines.delete)
        w.new_routine_requested.connect(lambda: routines.edit(None))
        w.import_requested.connect(routines.import_files)
        w.export_routine_requested.connect(
            lambda routine, path: routines.export(routines.original(routine), path))
        w.export_history_requested.connect(self.export_history)
        w.settings_requested.connect(self.show_settings)
        w.paused_requested.connect(self.show_paused)
        w.about_requested.connect(self.show_about)
        w.welcome_requested.connect(self.show_welcome)
        w.contrast_toggled.connect(lambda on: self.settings.set_display(high_contrast=on))
        if ("display", "high_contrast") in self.settings.locked:  # the organisation's
            w.act_contrast.setEnabled(False)
        w.hidden_to_tray.connect(self._on_window_hidden_to_tray)

    @property
    def quitting(self) -> bool:
        return self._quitting

    @quitting.setter
    def quitting(self, on: bool) -> None:
        """Quitting: closing the window is closing, no longer hiding it into the tray."""
        self._quitting = on
        if self._window is not None:
            self._window.quitting = on

    @property
    def library(self) -> Library:
        return self.routines.library

    def _on_routines_reloaded(self, select_id: str | None) -> None:
        routines = list(self.library.routines.values())
        if self._window is not None:
            self._window.picker.set_routines(routines, select_id)
        if self.tray is not None:
            self.tray.set_routines(routines)
        self._show_context()

    # --- the parts made when first needed ---

    @property
    def history(self):
        """The HistoryStore (the journals + snapshot), made when first needed (after the
        paint); it reads the journals of history_files as they are at each load."""
        if self._history is None and self.history_files is not None:
            from stretchtimer.storage.history_store import HistoryStore

            self._history = HistoryStore(lambda: self._files().sources(), self._snapshot)
        return self._history

    def _files(self) -> HistoryFiles:
        assert self.history_files is not None
        return self.history_files

    def _make_history_view(self):
        from stretchtimer.ui.history_view import HistoryView

        return HistoryView(self.history, self.settings, self.clock)

    @property
    def checkin(self):
        """The comfort check-in bar, made the first time a session ends."""
        if self._checkin is None:
            from stretchtimer.ui.checkin import CheckInBar

            self._checkin = CheckInBar()
            self._checkin.hide()
            self._checkin.rated.connect(self._on_checkin_rated)
            self.window.add_bar(self._checkin)
        return self._checkin

    @property
    def driver(self):
        """The SessionDriver, made the first time a routine starts."""
        if self._driver is None:
            from stretchtimer.ui.session_driver import SessionDriver

            self._driver = SessionDriver(self.clock, self, **(
                {"waker": self._waker} if self._waker is not None else {}))
            self._driver.finished.connect(self._on_driver_finished)
            self._driver.state_changed.connect(lambda _s: self._update_tray_state())
            if self.voice is not None:
                self.voice.attach(self._driver)
        return self._driver

    @property
    def timer(self):
        """The TimerView, made the first time it is needed."""
        view = self.window.timer
        if view is None:
            from stretchtimer.ui.timer_view import TimerView

            view = TimerView(self.driver, self.window.act_fullscreen)
            view.set_reduced_motion(self.settings.display.reduced_motion)
            view.act_mute.setChecked(self.settings.voice.muted)
            view.act_mute.setEnabled(("voice", "muted") not in self.settings.locked)
            view.stop_requested.connect(self._on_timer_stop_requested)
            view.restart_requested.connect(self._on_timer_restart_requested)
            view.muted_changed.connect(lambda muted: self.settings.set_voice(muted=muted))
            self.settings.voice_changed.connect(lambda v: view.act_mute.setChecked(v.muted))
            self.window.set_timer(view)
        return view

    # --- one plan context for every length shown and every routine started ---

    def _make_context(self) -> PlanContext:
        measured = dict(self.voice.lengths) if self.voice is not None else {}
        return plan_context(self.settings.settings, levels=dict(self.levels),
                            measured=measured, phrases=self._phrases)

    def _update_context(self) -> None:
        context = self._make_context()
        if context != self.context:
            self.context = context
            self._show_context()

    def _show_context(self) -> None:
        if self._window is not None:
            self._window.picker.set_context(self.context, self.paused_names(), self._was)
        routine = self.suggested_routine()
        if self.tray is not None and routine is not None:
            self.tray.set_suggested(routine, self.context.plan(routine).total)

    def plan_and_cues(self, routine: Routine):
        return self.context.plan_and_cues(routine)

    def paused_names(self) -> dict[str, str]:
        names = {ex.id: ex.name for r in self.library.routines.values() for ex in r.exercises}
        return {ex_id: names.get(ex_id, ex_id) for ex_id in self.settings.paused}

    def suggested_routine(self) -> Routine | None:
        return self.library.get(DEFAULT_ROUTINE) or next(iter(self.library.routines.values()),
                                                          None)

    # --- after the first paint (app.py) ---

    def set_voice(self, player) -> None:
        """The speaker (made after the first paint: speech can wait)."""
        self.voice = player
        player.notice.connect(self.notify)
        if self._driver is not None:
            player.attach(self._driver)
        # after the player's own slots, so it has loaded what was rendered
        player.service.rendered.connect(lambda *_: self._on_render_done())
        player.service.render_failed.connect(lambda *_: self._on_render_done())
        # after the player's own: it forgets the old voice's renders before these are made
        self._said = _what_is_said(self.settings.voice)
        self.settings.voice_changed.connect(self._on_voice_changed)
        if self._pending_start is not None:  # --start at launch waited for the voice
            self.start_when_voiced(self._pending_start)
            return
        if self.window_shown():
            self._warm_selected()
        elif self._window is not None:  # hidden: nothing is rendered (no speech worker)
            self._window.first_painted.connect(self._warm_selected)  # until it shows
        # (a window made later connects itself)

    def _warm_selected(self) -> None:
        """Render the selected routine's phrases ahead (cached ones cost nothing); the
        audio stream waits for the user."""
        routine = self.window.picker.current_routine() if self._window is not None else None
        if routine is not None and self.voice is not None:
            self.voice.prepare(self.plan_and_cues(routine)[1], open_stream=False)

    def _on_render_done(self) -> None:
        self._replan.start()
        self._start_pending()

    def _on_voice_changed(self, voice) -> None:
        said = _what_is_said(voice)
        if said == self._said:
            return  # volume, mute, chime: the same phrases
        self._said = said
        self._update_context()
        routine = self.window.picker.current_routine() if self._window is not None else None
        if routine is not None:  # render what the new voice will say
            self.voice.prepare(self.plan_and_cues(routine)[1])

    def show_tray(self, tray) -> None:
        """The tray icon, up before anything else a --tray launch loads; its menu works
        once set_reminders() has wired it."""
        self.tray = tray
        self._keep_in_tray = True  # closing the window leaves the app in the tray
        if self._window is not None:
            self._window.keep_in_tray = True
        application().setQuitOnLastWindowClosed(False)
        self._show_context()
        tray.icon.show()
        self.tray_shown.emit()

    def set_reminders(self, reminders, tray=None, popup=None, notifier=None) -> None:
        """`tray`: shown already (show_tray), or shown now; None: there is no tray.
        `notifier`: the desktop's notifications (platform.notifications), or None."""
        if tray is not None and self.tray is not tray:
            self.show_tray(tray)
        self.reminders, self.popup, self.notifier = reminders, popup, notifier
        reminders.reminder_due.connect(self._on_reminders_reminder_due)
        if notifier is not None:
            notifier.action_invoked.connect(self._on_notification_action)
        if popup is not None:
            for answered in (popup.snooze_clicked, popup.skip_clicked):  # (Start: starting)
                answered.connect(self._reminder_answered)
            popup.start_clicked.connect(self._on_popup_start_clicked)
            popup.snooze_clicked.connect(reminders.snooze)
            popup.skip_clicked.connect(reminders.skip)
            popup.snooze_clicked.connect(lambda: self._note_reminder(ReminderAction.SNOOZED))
            popup.skip_clicked.connect(lambda: self._note_reminder(ReminderAction.SKIPPED))
        if tray is not None:
            reminders.next_changed.connect(tray.show_next)
            tray.start_requested.connect(lambda rid: self._start_from_outside(rid))
            tray.open_requested.connect(lambda: self.window.bring_forward())
            tray.settings_requested.connect(lambda: self.show_settings("Reminders"))
            tray.quit_requested.connect(self.quit)
            tray.snooze_requested.connect(reminders.snooze)
            tray.snooze_requested.connect(lambda: self._note_reminder(ReminderAction.SNOOZED))
            tray.pause_requested.connect(lambda s: reminders.pause_for(s) if s
                                         else reminders.resume())
            tray.pause_until_tomorrow_requested.connect(self._on_tray_pause_until_tomorrow)
            tray.set_snooze_minutes(self.settings.reminders.snooze_min)
            self.settings.reminders_changed.connect(
                lambda r: tray.set_snooze_minutes(r.snooze_min))
            reminders.next_changed.connect(lambda _due: self._update_tray_state())
        else:
            self.notify(tr(
                "There is no system tray on this desktop, so stretchtimer cannot wait there: "
                "reminders still pop up while this window is open (minimise it), and closing "
                "it quits."))
        if self.welcome_first and self.needs_welcome():
            try:
                welcome = self.show_welcome()  # nothing is scheduled before it is closed
            except Exception:  # noqa: BLE001 - no welcome is better than no reminders
                log.exception("the welcome could not be shown")
            else:
                welcome.finished.connect(lambda _result: self._start_reminders(reminders))
                return
        self._start_reminders(reminders)

    def _start_reminders(self, reminders) -> None:
        reminders.start()
        reminders.next_changed.connect(lambda _due: self.show_day())
        self.reminders_ready.emit()
        self.show_day()

    def _day_line(self) -> str:
        from datetime import date

        from stretchtimer.ui.day_text import day_line
        from stretchtimer.ui.history_view import stats_of

        stats = None
        if self.history is not None:
            today = date.fromtimestamp(self.clock.wall())
            if self._day_stats is None or self._day_stats[0] != today:  # once a day, or
                self._day_stats = (today, stats_of(self.history.load(), self.settings,
                                                   today))  # after what changes them
            stats = self._day_stats[1]
        due = self.reminders.scheduler.due if self.reminders is not None else None
        return day_line(stats, due, self.settings.reminders.enabled, self.clock.wall())

    def _forget_day_stats(self, *_args) -> None:
        self._day_stats = None

    def show_day(self) -> None:
        """The picker's (and an open Done screen's) line on the day: sessions, streak, the
        next reminder."""
        if self._window is not None:
            line = self._day_line()
            self._window.picker.show_day(line)
            if self._window.timer is not None:
                self._window.timer.show_day(line)

    def needs_welcome(self) -> bool:
        """A first launch: the welcome was never closed, and there is no history yet (one
        who has stretched with stretchtimer before does not need it)."""
        files = self.history_files
        fresh = self.paths is None or not self.paths.settings_file.exists()
        return not self.settings.display.welcome_shown and files is not None and fresh and \
            not files.local.exists() and not self.settings.history.sync_folder

    def show_welcome(self):
        """The welcome: at the first launch, and from Help."""
        from stretchtimer.ui.welcome import WelcomeWizard

        if self._welcome is not None and self._welcome.isVisible():  # (a closed one goes)
            self._welcome.raise_()
            return self._welcome
        test = self._test_voice if self.voice is not None else None
        self._welcome = WelcomeWizard(self.settings, self.autostart, test, self.window)
        self._welcome.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._welcome.destroyed.connect(lambda: setattr(self, "_welcome", None))
        self._welcome.open()
        return self._welcome

    def _test_voice(self) -> None:
        from stretchtimer.ui.settings_dialog import say_test_phrase

        say_test_phrase(self.voice, self.settings.voice)

    # --- commands: the first launch's, and those a later launch passes on ---

    def set_single_instance(self, instance) -> None:
        """The SingleInstance this process holds: later launches reach us through it."""
        self.instance = instance
        instance.answer = self.answer_forwarded
        instance.message_received.connect(self.handle_forwarded)

    def answer_forwarded(self, argv: list) -> str | None:
        """A control command from a later launch (--status, --snooze, ...), done now and
        answered with the state as JSON; None for any other command line."""
        try:
            command = parse_forwarded(argv)
        except CommandLineError:
            return None
        if not command.controls:
            return None
        log.info("control command %s", argv)
        from stretchtimer.ui.guard import step

        if not step("a control command", lambda: self._control(command)):
            self._control_error = "it failed; the log says why"
        try:
            answer = self.status()
            if self._control_error:
                answer["error"] = self._control_error
            return json.dumps(answer)
        except Exception as exc:  # noqa: BLE001 - the script gets an answer whatever happens
            log.exception("--status failed")
            return json.dumps({"error": f"{type(exc).__name__}: {exc}"})

    def _control(self, command: Command) -> None:
        from stretchtimer.core.durations import pause_seconds

        reminders = self.reminders
        self._control_error = None
        if command.sync_folder is not None:  # on a thread: --status says when it is done
            folder = command.sync_folder
            self._switch_problem = ""
            self.switch_sync_folder(None if folder == "off" else Path(folder))
            if not self._switching and self._switch_problem:  # refused at once
                self._control_error = self._switch_problem
        elif command.quit_app:
            QTimer.singleShot(0, self.quit)  # after the answer is on its way
        elif reminders is None:
            return  # not set up yet (a launch this moment): the state says so
        elif command.pause_reminders is not None:
            reminders.pause_for(pause_seconds(command.pause_reminders,
                                              datetime.fromtimestamp(self.clock.wall())))
        elif command.resume_reminders:
            reminders.resume()
        elif command.snooze is not None:
            reminders.snooze(command.snooze * 60.0 or None)
            self._reminder_answered()
        elif command.skip:
            reminders.skip()
            self._reminder_answered()

    def status(self) -> dict[str, Any]:
        """What --status prints: the next reminder, what holds it, the running routine."""
        def iso(wall: float | None) -> str | None:
            return datetime.fromtimestamp(wall).astimezone().isoformat(timespec="seconds") \
                if wall is not None else None

        reminders = self.reminders
        routine = self.current.id if self.current is not None and \
            self.routine_in_progress() else None
        files = self.history_files
        history = {"history": files.state() if files is not None else "none",
                   "history_folder": self.settings.history.sync_folder or None,
                   "history_switching": self._switching,
                   "history_problem": self._switch_problem or None}
        if reminders is None or not reminders.started or not self.settings.reminders.enabled:
            why = "starting" if reminders is None else "welcome" if not reminders.started \
                else "reminders_off"
            kept = reminders.scheduler.paused_until if why == "welcome" else None
            return {"next_reminder": None, "held_by": [why], "routine": routine,
                    "paused_until": iso(kept), **history}
        scheduler = reminders.scheduler
        paused = scheduler.paused_until if scheduler.paused_until is not None and \
            scheduler.paused_until > self.clock.wall() else None
        return {"next_reminder": iso(scheduler.due), "held_by": reminders.held_by(),
                "routine": routine, "paused_until": iso(paused), **history}

    def handle_forwarded(self, argv: list) -> None:
        """A command line from a later launch: come forward, and do what it asks."""
        log.info("another launch passed on %s", argv)
        self.window.bring_forward()
        try:
            command = parse_forwarded(argv)
        except CommandLineError:
            return  # a command line that does not parse: coming forward is enough
        self.handle_command(command)

    def handle_command(self, command: Command) -> None:
        if command.start:
            routine = self.library.get(command.start)
            if routine is None:
                self.notify(tr("There is no routine called “{id}”.").format(
                    id=command.start))
            else:
                self.window.bring_forward()
                self.start_when_voiced(routine)

    def start_when_voiced(self, routine: Routine) -> None:
        """Start a routine asked for from outside (--start at launch, or a later launch)
        once the voice has every phrase ready, so that the first cue is heard and the plan
        has the real speech lengths; at most VOICE_WAIT_MS after it was asked for."""
        self._pending_start = routine
        if self.voice is None:
            return  # speech is set up after the first paint: set_voice() comes back here
        self._pending_cues = self.plan_and_cues(routine)[1]
        self.voice.prepare(self._pending_cues)
        QTimer.singleShot(VOICE_WAIT_MS, lambda: self._start_pending(waited_out=True))
        self._start_pending()

    def _start_pending(self, waited_out: bool = False) -> None:
        routine = self._pending_start
        if routine is None or self.voice is None:
            return
        if waited_out or self.voice.ready(self._pending_cues):
            self._pending_start = None
            self._update_context()  # with the lengths just measured
            self.start_routine(routine)

    # --- a routine: start, stop, record, check in ---

    def start_routine(self, routine: Routine) -> None:
        if not self.context.can_run(routine):
            self.notify(tr(
                "Every stretch in {name} is paused for your safety. Settings > Paused "
                "stretches resumes them once you are cleared.").format(name=routine.name))
            return
        if self._checkin is not None:
            self._checkin.hide()
        self._reminder_answered()  # starting one is the answer to a reminder on screen
        self.current = routine
        plan, cues = self.plan_and_cues(routine)
        self.window.show_timer(self.timer)
        if self.voice is not None:
            self.voice.prepare(cues)
        self.driver.begin(plan, cues)
        self.media.routine_started()
        log.info("routine %s started", routine.id)

    def routine_in_progress(self) -> bool:
        from stretchtimer.core.session import State

        return self._driver is not None and self._driver.state in (State.RUNNING, State.PAUSED)

    def _on_timer_stop_requested(self) -> None:
        if self.routine_in_progress():
            self.driver.stop()  # no question asked; the history records it as stopped
        self.window.show_picker()

    def _on_timer_restart_requested(self) -> None:
        if self.current is not None:
            self.start_routine(self.current)

    def _on_driver_finished(self, summary) -> None:
        """Record the session the moment it ends (completed or stopped early)."""
        from stretchtimer.core.history import session_record

        self.media.routine_ended()
        if self.reminders is not None:
            self.reminders.routine_finished()  # the routine was the break
        if self.history_files is None or self.current is None:
            self._show_done(summary)
            return
        try:
            self.last_session_id = self.history_files.append(session_record(summary, self.current))
        except OSError as exc:
            self.last_session_id = None
            self.notify(tr(
                "Could not save this session to your history ({error}); earlier sessions "
                "are safe. Is the disk full?").format(error=exc.strerror or exc))
            self._show_done(summary)
            return
        self.session_recorded.emit(self.last_session_id)
        self._show_done(summary)

    def _show_done(self, summary) -> None:
        """The Done screen: what was held per side, the day, the next reminder."""
        from stretchtimer.ui.day_text import held_html

        if self.current is not None and self._driver is not None:
            self.timer.show_done(held_html(summary, self.current))  # shown by show_day
        self.show_day()

    def _on_checkin_rated(self, rating: Rating) -> None:
        from stretchtimer.core.history import checkin_record
        from stretchtimer.ui.checkin import SafetyNotice

        if self.history_files is not None and self.last_session_id is not None:
            try:
                self.history_files.append(checkin_record(self.last_session_id, rating))
            except OSError as exc:
                self.notify(tr("Could not save your check-in ({error}).").format(
                    error=exc.strerror or exc))
            self.refresh_progression()
        if rating is Rating.NERVE and self.current is not None:
            ids = [ex.id for ex in self.current.exercises if ex.id not in self.settings.paused]
            self.settings.set_paused((*self.settings.paused, *ids))
            self.safety = SafetyNotice([self.paused_names()[i] for i in ids], self.window)
            self.safety.show()

    def refresh_progression(self) -> None:
        """Replay the history's check-ins into hold times (after the first paint, and after
        each check-in)."""
        from stretchtimer.core.progression import progression

        if self.history is None:
            return
        exercises = {ex.id: ex for r in self.library.routines.values() for ex in r.exercises}
        result = progression(list(exercises.values()), self.history.load().rated)
        self.levels = {ex_id: h.level for ex_id, h in result.items()}
        self._was = {i: h.was for i, h in result.items() if h.was}
        self._update_context()

    def set_sync_folder(self, folder: Path | None) -> int:
        """switch_sync_folder, waiting for the copy (Settings and --sync-folder do not
        wait). Returns the records copied; SyncProblem says why not."""
        from stretchtimer.storage.history_files import SyncProblem

        old = self._switchable(folder)
        if folder == old:
            return 0
        copied, problem, read = _switch(self._paths(), old, folder, self._snapshot)
        self._on_switch_done(folder, copied, problem, read)
        if problem:
            raise SyncProblem(problem)
        return copied

    def switch_sync_folder(self, folder: Path | None, locked_ok: bool = False) -> None:
        """Keep the history in `folder` (None: on this computer only), on a thread (ten
        years of history take a second or two to copy and read back): the history is
        copied in (or, turning it off, every computer's is copied out) and read back
        before the setting changes; history_folder_switched says how it went.
        `locked_ok`: setting up the folder the organisation set."""
        import threading

        from stretchtimer.storage.history_files import SyncProblem

        try:
            old = None if locked_ok else self._switchable(folder)
        except SyncProblem as exc:
            self._switch_said(0, str(exc))
            return
        if folder == old and not locked_ok:
            self._switch_said(0, "")
            return
        paths, snapshot = self._paths(), self._snapshot
        self._switching = True
        threading.Thread(target=lambda: self._switch_done.emit(
            folder, *_switch(paths, old, folder, snapshot)),
            name="stretchtimer-history-folder", daemon=True).start()

    def set_up_configured_folder(self) -> None:
        """A synced folder set in settings.json by hand, or by the organisation, is set up
        (this computer's history copied in) once it is there: on a thread, after the paint."""
        from stretchtimer.storage.history_files import folder_of, started_for

        folder = folder_of(self.settings)
        if folder is None or self.paths is None or started_for(self.paths) == folder:
            return
        try:
            there = folder.is_dir()
        except OSError:
            there = False
        if there:
            log.info("setting up the history folder %s, set in the settings file", folder)
            self.switch_sync_folder(folder, locked_ok=True)

    def _on_switch_done(self, folder: Path | None, copied: int, problem: str,
                        read: int) -> None:
        from stretchtimer.storage.journal import Journal

        self._switching = False
        if not problem and folder is not None:
            try:  # what this computer recorded after the copy read its journal goes along
                meanwhile = Journal(self._paths().journal).load(read)
                own = HistoryFiles.of(self._paths(), folder).own
                if own is not None:
                    Journal(own, shared=True).extend(meanwhile.records + meanwhile.newer)
                copied += len(meanwhile.records) + len(meanwhile.newer)
            except OSError as exc:
                problem = str(exc)
        if not problem:
            self._switched_to(folder, copied)
        self._switch_said(copied, problem)

    def _switch_said(self, copied: int, problem: str) -> None:
        self._switch_problem = problem  # for --status, which --sync-folder waits on
        self.history_folder_switched.emit(copied, problem)

    def _switchable(self, folder: Path | None) -> Path | None:
        """The folder now, when switching to `folder` may be tried; SyncProblem if not."""
        from stretchtimer.storage.history_files import SyncProblem, folder_of

        if self.paths is None or self.history_files is None:
            raise SyncProblem("this stretchtimer keeps no history")
        if ("history", "sync_folder") in self.settings.locked:
            raise SyncProblem("the history folder is set by your organisation")
        if self._switching:
            raise SyncProblem("the history is being copied already; try again in a moment")
        return folder_of(self.settings)

    def _paths(self) -> Paths:
        assert self.paths is not None
        return self.paths

    def _switched_to(self, folder: Path | None, copied: int) -> None:
        log.info("history folder: %s (%d record(s) copied)", folder or "this computer", copied)
        # the new files first: the history view refreshes when the setting changes
        self.history_files = HistoryFiles.of(self._paths(), folder)
        self.history_files.changed = self._on_history_folder_changed
        self.settings.set_history(sync_folder=str(folder or ""))
        self.refresh_progression()

    def _on_settings_history_changed(self, history) -> None:
        """The routines go with the history into the synced folder (or come back)."""
        from stretchtimer.storage.synced_routines import routines_folder

        if self.paths is None:
            return
        if not self.routines.move_to(routines_folder(self.paths, self.settings)) and \
                history.sync_routines:
            self.settings.set_history(sync_routines=False)  # they stay where they were

    def history_state(self) -> tuple[str, int]:
        """Where the history is kept ("local", "synced", "away") and how many computers'
        journals it reads (Settings > History)."""
        files = self._files()
        return files.state(), files.computers()

    def _on_history_folder_changed(self, state: str, added: int, why: str) -> None:
        folder = self._files().folder
        if self._switching:
            return  # being set up (a folder from the settings file): not away
        if state == "away" and why:  # there, but it refused a write (full, read-only)
            self.notify(tr(
                "Could not write into your history folder {folder} ({error}). New sessions "
                "are kept on this computer and added to it later.").format(folder=folder,
                                                                            error=why))
        elif state == "away":
            self.notify(tr(
                "Your history folder {folder} is not there (is its drive connected?). New "
                "sessions are kept on this computer and added to it when it is back; until "
                "then your history shows this computer's sessions.").format(folder=folder))
        elif added:
            self.notify(tr("Your history folder {folder} is back: %n record(s) kept on this "
                           "computer meanwhile were added to it.", "", added)
                        .format(folder=folder))
        else:
            self.notify(tr("Your history folder {folder} is back.").format(folder=folder))

    def export_history(self, path: Path) -> None:
        from stretchtimer.storage.export import export_history

        if self.history_files is None:
            return
        own = self.paths
        try:  # the file dialog has asked before replacing a file
            count = export_history(self.history_files.records(), Path(path), replace=True,
                                   own_folders=(own.config, own.data, own.cache, own.log)
                                   if own is not None else ())
        except (ValueError, OSError) as exc:
            self.notify(tr("Could not export: {error}").format(error=exc))
            return
        self.window.show_status(
            tr("Exported %n session(s) to {file}", "", count).format(file=path), 8000)

    # --- dialogs ---

    def show_settings(self, page: str = "Voice"):
        from stretchtimer.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.voice, self.autostart, self.sensing,
                                self if self.history_files is not None else None,
                                self.window)
        dialog.show_page(page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self):
        from stretchtimer.ui.about_dialog import AboutDialog, diagnostics

        dialog = AboutDialog(diagnostics(self), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_paused(self):
        from stretchtimer.ui.checkin import PausedDialog

        dialog = PausedDialog(self.paused_names(), self.window)
        dialog.resumed.connect(lambda ids: self.settings.set_paused(
            [i for i in self.settings.paused if i not in ids]))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # --- settings the controller itself follows ---

    def _on_display_changed(self, display) -> None:
        if self._window is None:
            return  # the window applies the display when it is made
        self._window.show_display(display.high_contrast, display.text_size)
        if self._window.timer is not None:
            self._window.timer.set_reduced_motion(display.reduced_motion)

    def _on_settings_save_failed(self, exc: OSError) -> None:
        self.notify(tr("Could not save your settings ({error}); the ones saved "
                                   "before are unchanged. Is the disk full?")
                                .format(error=exc.strerror or exc))

    def _on_picker_current_changed(self, routine) -> None:
        if self.voice is not None and routine is not None and self.window_shown():
            self.voice.prepare(self.plan_and_cues(routine)[1])  # warm before Start

    def _on_window_hidden_to_tray(self) -> None:
        if not self.settings.display.tray_hint_shown and self.tray is not None:
            self.tray.icon.showMessage(tr("stretchtimer is still running"),
                                       tr("It will remind you from the tray. Quit from its "
                                          "menu."))
            self.settings.set_display(tray_hint_shown=True)

    # --- reminders, tray and popup ---

    def _update_tray_state(self) -> None:
        if self.tray is None or self.reminders is None:
            return
        scheduler = self.reminders.scheduler
        if self.routine_in_progress():
            state = TrayState.RUNNING
        elif scheduler.paused_until is not None and scheduler.paused_until > self.clock.wall():
            state = TrayState.PAUSED
        elif scheduler.snoozed:
            state = TrayState.SNOOZED
        else:
            state = TrayState.ACTIVE
        self.tray.set_state(state)

    def _note_reminder(self, action: ReminderAction) -> None:
        """Reminders offered and what became of them, for the history."""
        from stretchtimer.core.history import reminder_record

        if self.history_files is not None:
            try:
                self.history_files.append(reminder_record(action, self.clock.wall()))
            except OSError:
                pass  # a lost reminder note costs a statistic, not the user's sessions

    def _say(self, text: str) -> None:
        """One spoken line outside a routine (a reminder), if the voice is on and no call
        is (a reminder that waited out its limit comes silently)."""
        if self.voice is not None and not (self.reminders is not None and
                                           self.reminders.on_call()):
            self.voice.announce(text)

    def _on_reminders_reminder_due(self, event) -> None:
        if self.routine_in_progress():
            return  # they are stretching already; finishing counts as the break
        log.info("%s due at %s", event.kind, datetime.fromtimestamp(event.due).isoformat())
        if event.kind is ReminderKind.NUDGE:
            self._nudge()
            return
        routine = self.suggested_routine()
        if routine is None:
            return
        self._note_reminder(ReminderAction.OFFERED)
        from stretchtimer.core.plan import format_clock

        length = format_clock(self.context.plan(routine).total)
        delivery = self.settings.reminders.delivery
        notified = delivery != "popup" and self.notifier is not None and \
            self.notifier.available  # one with actions; else the popup asks
        if notified:
            try:
                self.notifier.notify(tr("Time to stand and stretch"),
                                     f"{routine.name}, {length}",
                                     [("start", tr("Start")), ("snooze", tr("Snooze"))])
            except OSError as exc:  # the bus went away just now: the popup asks
                log.warning("no desktop notification: %s", exc)
                notified = False
        if self.popup is not None and (not notified or delivery == "both"):
            self.popup.offer(routine.name, length)
        if self.tray is not None and not notified:
            self.tray.icon.showMessage(tr("Time to stand and stretch"),
                                       f"{routine.name}, {length}")
        self._say(tr("Time to stand and stretch. {name}.").format(name=routine.name))
        if self.voice is not None:  # rendered while they decide (Piper: ~0.15 s a phrase)
            self.voice.prepare(self.plan_and_cues(routine)[1], open_stream=False)

    def _nudge(self) -> None:
        due = self.reminders.scheduler.due
        then = tr("Next stretch at {time}.").format(
            time=f"{datetime.fromtimestamp(due):%H:%M}") if due else ""
        if self.tray is not None:
            self.tray.icon.showMessage(tr("Stand up for a moment"), then)
        else:
            self.notify(tr("Stand up for a moment.") + " " + then)
        self._say(tr("Stand up for a moment."))

    def _on_notification_action(self, key: str) -> None:
        """Start or Snooze in the desktop's notification: what the popup's buttons do."""
        if key == "start":
            self._on_popup_start_clicked()  # (starting answers the reminder)
        elif key == "snooze" and self.reminders is not None:
            self.reminders.snooze()
            self._note_reminder(ReminderAction.SNOOZED)
        self._reminder_answered()

    def _reminder_answered(self) -> None:
        """A reminder on screen was answered (in the popup, its notification, by a command,
        a routine started): its popup and its notification go."""
        if self.popup is not None:
            self.popup.hide()
        if self.notifier is not None:
            self.notifier.close()

    def _on_popup_start_clicked(self) -> None:
        self._note_reminder(ReminderAction.STARTED)
        routine = self.suggested_routine()
        if routine is not None:
            self._start_from_outside(routine.id)

    def _start_from_outside(self, routine_id: str) -> None:
        self.window.bring_forward()
        routine = self.library.get(routine_id)
        if routine is not None:
            self.start_routine(routine)

    def _on_tray_pause_until_tomorrow(self) -> None:
        from datetime import time, timedelta

        now = datetime.fromtimestamp(self.clock.wall())
        tomorrow = datetime.combine(now.date() + timedelta(days=1), time(0, 0))
        self.reminders.pause_for(tomorrow.timestamp() - now.timestamp())

    # --- the way out ---

    def _on_window_destroyed(self) -> None:
        """Nothing may reach for the window once it is gone (a test's window, deleted
        before its controller): what would fire later stops."""
        import shiboken6

        self._replan.stop()
        if self.reminders is not None and shiboken6.isValid(self.reminders):
            self.reminders.stop()  # (one made a child of the window went with it)

    def quit(self) -> None:
        """Quit for real (the tray's Quit, SIGTERM, logout): the running routine is
        recorded as stopped, and the window no longer closes into the tray (Qt 6 gives up
        a quit that a window's close refuses, RELIABILITY R14)."""
        self.quitting = True
        self.record_running()
        application().quit()

    def record_running(self) -> None:
        """A routine still running is stopped, so its minutes reach the history."""
        if self.routine_in_progress():
            self.driver.stop()  # finished -> recorded at once, as a stop by Esc is

    def shutdown(self) -> None:
        """The one shutdown order, on aboutToQuit (however the app is left): first what
        the user would lose (the running routine, recorded), then what would fire later
        (reminders), what is on screen (the tray icon), the speech worker (no process
        outlives the app), and last the single-instance socket (a new launch may start)."""
        from stretchtimer.ui.guard import step

        step("recording the running routine", self.record_running)
        step("resuming other apps' music", self.media.shutdown)
        if self.reminders is not None:
            step("stopping reminders", self.reminders.stop)
        if self.tray is not None:
            step("hiding the tray icon", self.tray.icon.hide)
        if self.notifier is not None:
            step("taking down the notification", self.notifier.shutdown)
        if self.voice is not None:
            step("silencing the voice", self.voice.interrupt)  # and reaping its player
            step("ending the speech worker", self.voice.service.shutdown)
        if self.instance is not None:
            step("releasing the single-instance lock", self.instance.release)


def _switch(paths: Paths, old: Path | None, folder: Path | None,
            snapshot: Path | None) -> tuple[int, str, int]:
    """Move the history from `old` to `folder` (storage.history_files.switch_folder), and
    warm the new set of journals' snapshot so that its first look is quick: the records
    copied, why it could not be done ("" when it was), and how much of the local journal
    the copy read. Any failure is told, never lost (it may run on a thread)."""
    from stretchtimer.storage.history_files import SyncProblem, switch_folder
    from stretchtimer.storage.history_store import HistoryStore

    try:
        copied, read = switch_folder(paths, old, folder)
        files = HistoryFiles.of(paths, folder)
        HistoryStore(lambda: files.sources(merge=False), snapshot).load()
        return copied, "", read
    except SyncProblem as exc:
        return 0, str(exc), 0
    except Exception as exc:  # noqa: BLE001 - said in Settings, never lost in a thread
        log.exception("switching the history folder failed")
        return 0, f"{type(exc).__name__}: {exc}", 0
