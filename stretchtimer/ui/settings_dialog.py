"""The settings pages: voice, reminders, goals, display, history. Every change applies
and is saved at once (the window listens to `changed`)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTime
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from stretchtimer.core.reminders import WEEKDAYS
from stretchtimer.settings_model import SettingsModel
from stretchtimer.storage.settings import BOUNDS
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.scroll_area import scroll_area
from stretchtimer.ui.theme import SPACING, set_type


def test_phrase() -> str:
    return tr("Now the left leg. Breathe in.")


def weekday_names() -> list[str]:
    """Monday to Sunday in the UI's language."""
    return [tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"),
            tr("Saturday"), tr("Sunday")]


def say_test_phrase(player, voice) -> None:
    """The test phrase, now, in the chosen voice (Settings > Voice, and the welcome)."""
    player.interrupt()
    player.service.say(test_phrase(), voice.voice, voice.rate_wpm, voice.volume)


def breathing_choices() -> list[tuple[str, str]]:
    return [("every", tr("Every breath")), ("first", tr("First breath of each hold")),
            ("off", tr("Off"))]


def language_name(code: str, fallback: str) -> str:
    """A language in its own words ("Deutsch"), or `fallback` where Qt does not know it."""
    from PySide6.QtCore import QLocale

    language = QLocale(code).language()
    if not code or language == QLocale.Language.C:
        return fallback
    # the world's variant where there is one: "English", not "American English"
    name = QLocale(language, QLocale.Country.World).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else fallback


class VoicePage(QWidget):
    """The voice: a language, then one of its voices (natural ones first, under a heading
    per engine), with Test; a Piper voice file can be added."""

    def __init__(self, model: SettingsModel, player=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        settings = model.voice
        self.player = player  # a CuePlayer, or None when speech is not set up yet
        self.groups: dict[str, list[dict]] = {}  # language -> its voices, as listed
        self._adding = ""  # the file of a voice being checked
        self._added = ""  # said under the voices once it is in

        self.language = QComboBox()
        self.language.setAccessibleName(tr("Language of the voice"))
        self.voice = QComboBox()
        self.voice.setAccessibleName(tr("Voice"))
        self.voice.addItem(tr("Automatic"), None)
        self.test = QPushButton(tr("Test"))
        self.test.setAccessibleName(tr("Test the voice"))
        self.test.setToolTip(tr("Say “{phrase}” with these settings").format(phrase=test_phrase()))
        self.add = QPushButton(tr("Add voice file…"))
        self.add.setToolTip(tr("Add a natural voice: a Piper voice file (.onnx) with its "
                               ".onnx.json beside it"))
        self.rate = QSpinBox()
        self.rate.setRange(*BOUNDS["voice", "rate_wpm"])
        self.rate.setSuffix(tr(" words a minute"))
        self.rate.setAccessibleName(tr("Speaking rate"))
        self.rate.setValue(settings.rate_wpm)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(settings.volume * 100))
        self.volume.setAccessibleName(tr("Volume"))
        self.mute = QCheckBox(tr("Mute the voice (M in the timer)"))
        self.mute.setChecked(settings.muted)
        self.breathing = QComboBox()
        self.breathing.setAccessibleName(tr("Breathing cues"))
        for value, label in breathing_choices():
            self.breathing.addItem(label, value)
        self.breathing.setCurrentIndex(self.breathing.findData(settings.breathing))
        self.countdown = QCheckBox(tr("Count “3, 2, 1” before each release"))
        self.countdown.setChecked(settings.countdown)
        self.chime = QCheckBox(tr("A soft chime at every step, as well as the voice"))
        self.chime.setChecked(settings.chime)
        self.pause_media = QCheckBox(tr("Pause music and videos during a routine, "
                                        "and resume them after"))
        self.pause_media.setChecked(settings.pause_media)
        self.status = QLabel()
        self.status.setWordWrap(True)

        voice_row = QHBoxLayout()
        voice_row.addWidget(self.voice, 1)
        voice_row.addWidget(self.test)
        form = _form(self, grow=True)
        form.addRow(tr("Language"), self.language)
        form.addRow(tr("Voice"), voice_row)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add)
        add_row.addStretch(1)
        form.addRow("", add_row)
        form.addRow(tr("Rate"), self.rate)
        form.addRow(tr("Volume"), self.volume)
        form.addRow("", self.mute)
        form.addRow(tr("Breathing cues"), self.breathing)
        form.addRow("", self.countdown)
        form.addRow("", self.chime)
        form.addRow("", self.pause_media)
        form.addRow(self.status)

        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.voice.currentIndexChanged.connect(self._on_voice_changed)
        self.rate.valueChanged.connect(self._on_rate_changed)
        self.volume.valueChanged.connect(self._on_volume_changed)
        self.mute.toggled.connect(lambda on: self._set("muted", on))
        self.breathing.currentIndexChanged.connect(
            lambda _: self._set("breathing", self.breathing.currentData()))
        self.countdown.toggled.connect(lambda on: self._set("countdown", on))
        self.chime.toggled.connect(lambda on: self._set("chime", on))
        self.pause_media.toggled.connect(lambda on: self._set("pause_media", on))
        self.test.clicked.connect(self._on_test_clicked)
        self.add.clicked.connect(self._on_add_clicked)

        if player is None or not player.speech_available:
            why = player.service.unavailable if player is not None else "speech is starting"
            self.status.setText(tr("No speech engine: {why}").format(why=why))
            self.test.setEnabled(False)
            self.add.setEnabled(False)
        else:
            player.service.voices_listed.connect(self._on_service_voices_listed)
            player.service.voice_added.connect(self._on_voice_added)
            player.service.list_voices()
            self.status.setText(tr("Looking up the voices…"))

    def _set(self, name: str, value) -> None:
        self.model.set_voice(**{name: value})

    @property
    def _ui_language(self) -> str:
        return self.player.service.language

    def _on_service_voices_listed(self, voices: list) -> None:
        from stretchtimer.voice.piper_voices import PREFIX
        from stretchtimer.voice.voice_list import by_language, natural_first, voice_language

        self.groups = by_language(voices)
        self.groups.setdefault(self._ui_language, [])  # for "Automatic", even with no voice
        current = self.model.voice.voice
        chosen = next((v for v in voices if v["id"] == current), None)
        if current is not None and chosen is None:  # chosen, but not here (now): say so
            chosen = {"id": current, "name": tr("{voice} (not found here)").format(
                voice=current.removeprefix(PREFIX)), "languages": [self._ui_language],
                "engine": "piper" if current.startswith(PREFIX) else "system"}
            self.groups[self._ui_language] = sorted(
                [*self.groups[self._ui_language], chosen], key=natural_first)
        shown = voice_language(chosen) if chosen else self._ui_language
        names = {code: language_name(code, group[0]["name"] if group else code or tr("Other"))
                 for code, group in self.groups.items()}
        order = sorted(self.groups, key=lambda c: (c != self._ui_language, names[c].lower()))
        with QSignalBlocker(self.language):
            self.language.clear()
            for code in order:
                self.language.addItem(names[code], code)
            self.language.setCurrentIndex(max(0, self.language.findData(shown)))
        self._fill_voices(self.language.currentData())
        self.status.setText(" ".join(filter(None, [self._added, tr(
            "%n voices from {engine}.", "", len(voices)).format(
            engine=self.player.service.client.engine_name)])))

    def _automatic(self) -> str:
        """What "no voice chosen" speaks with, for people."""
        voice = self.player.service.speaking_voice(None)
        mine = self.groups.get(self._ui_language, [])  # the voices of the UI's language
        named = next((v for v in mine if v["id"] == voice), None)
        if named is None and voice is not None:  # "lang:de": the system's first for it
            named = next((v for v in mine if v.get("engine") != "piper"), None)
        if named is None:
            return tr("Automatic: the system's default voice")
        return tr("Automatic: {voice}").format(voice=named["name"])

    def _fill_voices(self, language: str | None) -> None:
        """The voices of `language` under a heading per engine (filling is no choice: the
        combo's signals are held)."""
        with QSignalBlocker(self.voice):
            self.voice.clear()
            if language == self._ui_language:
                self.voice.addItem(self._automatic(), None)
            heading = None
            for v in self.groups.get(language or "", []):
                engine = "piper" if v.get("engine") == "piper" else "system"
                if engine != heading:  # a heading per engine, not a choice
                    heading = engine
                    self._add_heading(tr("Natural voices (Piper)") if engine == "piper"
                                      else tr("System voices"))
                self.voice.addItem(v["name"], v["id"])
            index = self.voice.findData(self.model.voice.voice)
            if not self._choosable(index):  # another language: its first voice
                index = next((i for i in range(self.voice.count()) if self._choosable(i)), 0)
            self.voice.setCurrentIndex(index)

    def _add_heading(self, text: str) -> None:
        items = self.voice.model()
        assert isinstance(items, QStandardItemModel)
        title = QStandardItem(text)
        title.setFlags(Qt.ItemFlag.NoItemFlags)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        items.appendRow(title)

    def _choosable(self, index: int) -> bool:
        """A voice, not a heading (nor no item)."""
        items = self.voice.model()
        return index >= 0 and bool(items.flags(items.index(index, 0)) & Qt.ItemFlag.ItemIsEnabled)

    def _on_language_changed(self, _index: int) -> None:
        self._fill_voices(self.language.currentData())
        self._on_voice_changed(self.voice.currentIndex())

    def _on_voice_changed(self, _index: int) -> None:
        self._set("voice", self.voice.currentData())

    def _on_rate_changed(self, value: int) -> None:
        self._set("rate_wpm", value)

    def _on_volume_changed(self, value: int) -> None:
        self._set("volume", value / 100)

    def _on_test_clicked(self) -> None:
        say_test_phrase(self.player, self.model.voice)

    def _on_add_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, tr("Add a Piper voice"), "",
                                              tr("Piper voices (*.onnx)"))
        if path:
            self.add_voice_file(path)

    def add_voice_file(self, path: str) -> None:
        """Copy the voice in and have it say the test phrase; it is chosen if it speaks."""
        from pathlib import Path

        name = Path(path).name
        try:
            self.player.service.add_voice(Path(path), test_phrase(), self.model.voice.rate_wpm)
        except OSError as exc:
            self.status.setText(tr("{file} was not added: {why}").format(file=name, why=exc))
            return
        self._adding = name
        self.add.setEnabled(False)
        self.status.setText(tr("Checking that {file} speaks…").format(file=name))

    def _on_voice_added(self, voice_id: str, why: str) -> None:
        name, self._adding = self._adding, ""
        self.add.setEnabled(True)
        if why:
            self.status.setText(tr("{file} was not added: it does not speak here ({why}).")
                                .format(file=name, why=why))
            return
        self._set("voice", voice_id)
        self._added = tr("{file} was added and is your voice now.").format(file=name)
        self.status.setText(self._added)
        self.player.service.list_voices()  # with it, chosen


def probe_words(source: str) -> str:
    """What the platform probes call themselves (platform/: English, for the log), in
    the UI's language; a name not known here (a D-Bus service's) as it is."""
    words = {
        "X11 screen saver extension": tr("the X11 screen saver extension"),
        "the active window's full-screen state (X11)":
            tr("the active window's full-screen state (X11)"),
        "a microphone recording (PulseAudio)": tr("a microphone recording (PulseAudio)"),
        "a camera in use": tr("a camera in use"),
        "a shared screen (PipeWire)": tr("a shared screen (PipeWire)"),
        "the microphone or camera in use (Windows)":
            tr("the microphone or camera in use (Windows)"),
        "the microphone in use (macOS)": tr("the microphone in use (macOS)"),
        "Windows GetLastInputInfo": tr("Windows' last input time"),
        "macOS input events (CoreGraphics)": tr("macOS input events (CoreGraphics)"),
        "Windows presentation and full-screen state":
            tr("Windows' presentation and full-screen state"),
    }
    return ", ".join(words.get(part, part) for part in source.split(", "))


def _sensing_note(source: str | None, known: str, unknown: str) -> QLabel:
    """What notices it (`source`), that nothing can (None), or nothing yet ("": no
    note, and no empty row)."""
    label = QLabel(known.format(source=probe_words(source)) if source else
                   unknown if source is None else "")
    label.setWordWrap(True)
    if not label.text():
        label.hide()  # (never show(): without a parent yet it would be a window of its own)
    return label


def section(title: str) -> QLabel:
    """A heading over a group of settings on a page."""
    label = QLabel(title)
    set_type(label, "lead", bold=True)
    label.setContentsMargins(0, SPACING["section"], 0, 0)
    return label


def _form(page: QWidget, grow: bool = False) -> QFormLayout:
    """A page's form: fields at their own width (a spin box of minutes is not a text
    box) unless they `grow` (a folder's path), the margins and spacing of the theme."""
    form = QFormLayout(page)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow if grow
                              else QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    form.setVerticalSpacing(SPACING["gap"])
    form.setContentsMargins(*(SPACING["section"],) * 4)
    return form


def minutes_box(reminders, name: str, spoken: str, step: int = 1,
                 zero: str = "") -> QSpinBox:
    """A spin box of minutes for reminders.`name`, in its bounds (`zero`: what 0 says)."""
    box = QSpinBox()
    box.setRange(*BOUNDS["reminders", name])
    box.setSingleStep(step)
    box.setSuffix(tr(" minutes"))
    if zero:
        box.setSpecialValueText(zero)
    box.setValue(getattr(reminders, name))
    box.setAccessibleName(spoken)
    return box


class RemindersPage(QWidget):
    def __init__(self, model: SettingsModel, autostart=None, sensing: dict | None = None,
                 parent: QWidget | None = None) -> None:
        """`sensing`: the names of what notices stepping away ("idle") and a full-screen
        app ("fullscreen"); None for one this desktop cannot tell, "" when not known."""
        super().__init__(parent)
        r = model.reminders
        self.model = model
        self.autostart = autostart
        self.enabled = QCheckBox(tr("Remind me to stand and stretch"))
        self.enabled.setChecked(r.enabled)
        self.at_login = QCheckBox(tr("Start stretchtimer at login, in the tray"))
        self.at_login.setVisible(autostart is not None)
        self.at_login.setChecked(autostart is not None and autostart.enabled())
        self.at_login.toggled.connect(self._on_at_login_toggled)
        self.interval = minutes_box(r, "interval_min", tr("Minutes between reminders"), 15)
        self.snooze = minutes_box(r, "snooze_min", tr("Snooze length"))
        self.nudge = QCheckBox(tr("A short “stand up” nudge halfway between reminders"))
        self.nudge.setChecked(r.nudge)
        self.defer = minutes_box(r, "fullscreen_defer_min",
                                  tr("Longest a full-screen app may delay a reminder"), 5,
                                  zero=tr("never wait"))
        self.call_defer = minutes_box(r, "call_defer_min",
                                       tr("Longest a call may delay a reminder"), 15,
                                       zero=tr("never wait"))
        self.delivery = QComboBox()
        self.delivery.setAccessibleName(tr("How a reminder shows"))
        for way, label in (("notification", tr("A desktop notification (else the popup)")),
                           ("popup", tr("The stretchtimer popup")), ("both", tr("Both"))):
            self.delivery.addItem(label, way)
        self.delivery.setCurrentIndex(max(0, self.delivery.findData(r.delivery)))
        sensing = sensing or {}
        idle, full = sensing.get("idle", ""), sensing.get("fullscreen", "")
        calls = sensing.get("calls", "")
        notifications = sensing.get("notifications", "")
        form = _form(self)
        form.addRow("", self.enabled)
        form.addRow("", self.at_login)
        form.addRow(tr("Every"), self.interval)
        form.addRow(tr("Snooze for"), self.snooze)
        form.addRow(tr("Show a reminder as"), self.delivery)
        self.notifications = _sensing_note(notifications, tr(
            "Desktop notifications come from {source}, with Start and Snooze."), tr(
            "This desktop shows no notifications with buttons, so the popup asks."))
        form.addRow(self.notifications)
        form.addRow(section(tr("Work hours")))
        form.addRow(QLabel(tr("Reminders come only in these hours:")))
        self.days: dict[str, tuple[QCheckBox, QTimeEdit, QTimeEdit]] = {}
        table = QWidget()  # its own widget: the form gives a nested layout extra room
        hours = QGridLayout(table)
        hours.setContentsMargins(0, 0, 0, 0)
        hours.setHorizontalSpacing(SPACING["line"])
        hours.setVerticalSpacing(SPACING["tight"])
        for i, (day, name) in enumerate(zip(WEEKDAYS, weekday_names())):
            span = r.work_hours.get(day)
            on = QCheckBox(name)
            on.setChecked(span is not None)
            start, end = QTimeEdit(), QTimeEdit()
            for edit, value, default in ((start, span and span[0], "09:00"),
                                         (end, span and span[1], "17:30")):
                edit.setDisplayFormat("HH:mm")
                edit.setTime(QTime.fromString(value or default, "HH:mm"))
                edit.setEnabled(on.isChecked())
            start.setAccessibleName(tr("{day} from").format(day=name))
            end.setAccessibleName(tr("{day} until").format(day=name))
            for column, widget in enumerate((on, start, QLabel(tr("to")), end)):
                hours.addWidget(widget, i, column)
            self.days[day] = (on, start, end)
            on.toggled.connect(self._on_hours_changed)
            start.timeChanged.connect(self._on_hours_changed)
            end.timeChanged.connect(self._on_hours_changed)
        hours.setColumnStretch(4, 1)
        form.addRow(table)
        form.addRow(section(tr("When you are away or busy")))
        self.away = _sensing_note(idle, tr(
            "Stepping away for a while counts as a break, and nothing is said while the "
            "screen is locked (noticed by: {source})."), tr(
            "This desktop does not tell stretchtimer when you step away from the keyboard; "
            "a computer that sleeps still counts as a break."))
        form.addRow(self.away)
        form.addRow(tr("Full screen may delay by"), self.defer)
        self.busy = _sensing_note(full, tr(
            "A presentation or video call in full screen holds a reminder until it ends "
            "(noticed by: {source})."), tr(
            "This desktop does not tell stretchtimer when an app is in full screen, so "
            "reminders never wait for one."))
        self.defer.setEnabled(full is not None)
        form.addRow(self.busy)
        form.addRow(tr("A call may delay by"), self.call_defer)
        self.on_call = _sensing_note(calls, tr(
            "A call holds a reminder until it ends, and nothing is said into it "
            "(noticed by: {source})."), tr(
            "This desktop does not tell stretchtimer when you are on a call, so reminders "
            "never wait for one."))
        self.call_defer.setEnabled(calls is not None)
        form.addRow(self.on_call)
        form.addRow("", self.nudge)
        self.enabled.toggled.connect(lambda v: self._set("enabled", v))
        self.interval.valueChanged.connect(lambda v: self._set("interval_min", v))
        self.snooze.valueChanged.connect(lambda v: self._set("snooze_min", v))
        self.nudge.toggled.connect(lambda v: self._set("nudge", v))
        self.defer.valueChanged.connect(lambda v: self._set("fullscreen_defer_min", v))
        self.call_defer.valueChanged.connect(lambda v: self._set("call_defer_min", v))
        self.delivery.currentIndexChanged.connect(
            lambda _i: self._set("delivery", self.delivery.currentData()))

    def _set(self, name: str, value) -> None:
        self.model.set_reminders(**{name: value})

    def _on_at_login_toggled(self, on: bool) -> None:
        try:
            self.autostart.set(on)  # the entry on disk is the truth, not a setting
        except OSError as exc:
            self.at_login.blockSignals(True)
            self.at_login.setChecked(not on)
            self.at_login.blockSignals(False)
            self.at_login.setToolTip(tr("Could not change the login entry: {error}").format(
                error=exc))

    def _on_hours_changed(self, *_args) -> None:
        hours = {}
        for day, (on, start, end) in self.days.items():
            start.setEnabled(on.isChecked())
            end.setEnabled(on.isChecked())
            end.setMinimumTime(start.time().addSecs(60))  # a day's hours end after they start
            if on.isChecked():
                hours[day] = [start.time().toString("HH:mm"), end.time().toString("HH:mm")]
        self._set("work_hours", hours)


class GoalsPage(QWidget):
    def __init__(self, model: SettingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        settings = model.settings
        self.days = QSpinBox()
        self.days.setRange(*BOUNDS["goals", "days_per_week"])
        self.days.setValue(settings.goals.days_per_week)
        self.days.setSuffix(tr(" days a week"))
        self.days.setAccessibleName(tr("Stretch days a week"))
        self.sessions = QSpinBox()
        self.sessions.setRange(*BOUNDS["goals", "sessions_per_day"])
        self.sessions.setValue(settings.goals.sessions_per_day)
        self.sessions.setSuffix(tr(" sessions a day"))
        self.sessions.setAccessibleName(tr("Sessions a day"))
        note = QLabel(tr("Regular, gentle practice is what helps: most days, once or twice a day "
                      "(two or three times if your hamstrings are very tight)."))
        note.setWordWrap(True)
        form = _form(self)
        form.addRow(tr("Goal"), self.days)
        form.addRow(tr("Daily target"), self.sessions)
        form.addRow(note)
        self.days.valueChanged.connect(lambda v: self._set("days_per_week", v))
        self.sessions.valueChanged.connect(lambda v: self._set("sessions_per_day", v))

    def _set(self, name: str, value) -> None:
        self.model.set_goals(**{name: value})


class DisplayPage(QWidget):
    """How it looks: contrast, text size, motion, and the language."""

    def __init__(self, model: SettingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from stretchtimer.ui.i18n import LANGUAGES

        self.model = model
        d = model.display
        self.contrast = QCheckBox(tr("High contrast (black, white and yellow)"))
        self.contrast.setChecked(d.high_contrast)
        self.text_size = QSpinBox()
        self.text_size.setRange(*BOUNDS["display", "text_size"])
        self.text_size.setSingleStep(10)
        self.text_size.setSuffix(" %")
        self.text_size.setValue(d.text_size)
        self.text_size.setAccessibleName(tr("Text size, in percent of the system's"))
        self.reduced_motion = QCheckBox(tr("Reduce motion: the breathing circle stays still "
                                           "and its words say when to breathe"))
        self.reduced_motion.setChecked(d.reduced_motion)
        self.language = QComboBox()
        self.language.setAccessibleName(tr("Language"))
        self.language.addItem(tr("The system's language"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(d.language)))
        note = QLabel(tr("A new language applies the next time stretchtimer starts. With no "
                         "voice chosen, the voice speaks it too, if the speech engine has it."))
        note.setWordWrap(True)
        form = _form(self)
        form.addRow("", self.contrast)
        form.addRow(tr("&Text size"), self.text_size)
        form.addRow("", self.reduced_motion)
        form.addRow(tr("&Language"), self.language)
        form.addRow(note)
        self.contrast.toggled.connect(lambda v: self._set("high_contrast", v))
        model.display_changed.connect(self._on_display_changed)
        self.text_size.valueChanged.connect(lambda v: self._set("text_size", v))
        self.reduced_motion.toggled.connect(lambda v: self._set("reduced_motion", v))
        self.language.currentIndexChanged.connect(
            lambda _i: self._set("language", self.language.currentData()))

    def _set(self, name: str, value) -> None:
        self.model.set_display(**{name: value})

    def _on_display_changed(self, d) -> None:
        self.contrast.setChecked(d.high_contrast)  # also View > High contrast


class HistoryPage(QWidget):
    """Where the history is kept: on this computer, or in a folder a sync tool keeps the
    same on every computer (issue 19). `history`: what switches it (the controller's
    set_sync_folder and history_state); None where the app keeps no history."""

    def __init__(self, model: SettingsModel, history=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.history = model, history
        h = model.history
        self.synced = QCheckBox(tr("Keep my history in a folder I sync"))
        self.synced.setChecked(bool(h.sync_folder))
        self.folder = QLineEdit(h.sync_folder)
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText(tr("No folder chosen"))
        self.folder.setAccessibleName(tr("History folder"))
        self.choose = QPushButton(tr("C&hoose folder…"))
        self.routines = QCheckBox(tr("Keep my own routines there too"))
        self.routines.setChecked(h.sync_routines)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("History folder status"))
        note = QLabel(tr(
            "Any sync tool will do: Syncthing, Nextcloud, Dropbox, OneDrive. Each computer "
            "adds its sessions to its own file in the folder and reads every computer's, so "
            "your streak and totals count them all. Turning this on copies your history "
            "into the folder; turning it off keeps a copy of everything on this computer."))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        form = _form(self, grow=True)
        form.addRow("", self.synced)
        label = QLabel(tr("&Folder"))  # a row of two widgets has no buddy of its own
        label.setBuddy(self.folder)
        form.addRow(label, row)
        form.addRow("", self.routines)
        form.addRow(self.status)
        form.addRow(note)
        for w in (self.synced, self.choose, self.routines):
            w.setEnabled(history is not None)
        self.synced.toggled.connect(self._on_synced_toggled)
        self.choose.clicked.connect(self._on_choose_clicked)
        self.routines.toggled.connect(lambda on: model.set_history(sync_routines=on))
        model.history_changed.connect(self._on_history_changed)
        self._show_state()

    def _on_history_changed(self, h) -> None:
        with QSignalBlocker(self.routines):  # e.g. turned back off: they could not move
            self.routines.setChecked(h.sync_routines)

    def _show_state(self, problem: str = "") -> None:
        if problem:
            self.status.setText(problem)
            return
        state, count = self.history.history_state() if self.history else ("local", 0)
        folder = self.model.history.sync_folder
        self.status.setText({
            "local": tr("Your history is kept on this computer only."),
            "synced": tr("Your history is kept in {folder}, with the history of %n "
                         "computer(s).", "", count).format(folder=folder),
            "away": tr("{folder} is not there now (is its drive connected?): new sessions "
                       "wait on this computer until it is back.").format(folder=folder),
        }.get(state, ""))

    def _on_synced_toggled(self, on: bool) -> None:
        if on and not self.folder.text():
            self._on_choose_clicked()
            return
        self.use_folder(self.folder.text() if on else None)

    def _on_choose_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(self, tr("A folder your sync tool keeps"),
                                                self.folder.text())
        if path:
            self.use_folder(path)
        else:  # cancelled: as it was
            self._show_model()

    def use_folder(self, path: str | None) -> None:
        """Keep the history in `path` (None: on this computer), copying it first (on a
        thread: the page says so until history_folder_switched)."""
        from pathlib import Path

        for w in (self.synced, self.choose):
            w.setEnabled(False)
        self.status.setText(tr("Copying your history into {folder}…").format(folder=path)
                            if path else tr("Keeping a copy of everything on this computer…"))
        self.history.history_folder_switched.connect(self._on_switched,
                                                     Qt.ConnectionType.SingleShotConnection)
        self.history.switch_sync_folder(Path(path) if path else None)

    def _on_switched(self, _copied: int, problem: str) -> None:
        locked = ("history", "sync_folder") in self.model.locked
        for w in (self.synced, self.choose):
            w.setEnabled(not locked)
        self._show_model()
        self._show_state(tr("Not changed: {why}").format(why=problem) if problem else "")

    def _show_model(self) -> None:
        """The controls as the setting is (after a switch, or one that was not made)."""
        folder = self.model.history.sync_folder
        with QSignalBlocker(self.synced):
            self.synced.setChecked(bool(folder))
        if folder:
            self.folder.setText(folder)


def locked_note() -> str:
    return tr("Set by your organisation")


class SettingsDialog(QDialog):
    """Every setting, on five pages; each change is applied and saved at once."""

    def __init__(self, model: SettingsModel, player=None, autostart=None,
                 sensing: dict | None = None, history=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.voice = VoicePage(model, player)
        self.reminders = RemindersPage(model, autostart, sensing or {})
        self.goals = GoalsPage(model)
        display = self.display = DisplayPage(model)
        self.contrast = display.contrast
        self.history = HistoryPage(model, history)
        self.tabs = QTabWidget()
        self.pages = {"Voice": self.voice, "Reminders": self.reminders, "Goals": self.goals,
                      "Display": display, "History": self.history}
        for page, title in ((self.voice, tr("Voice")), (self.reminders, tr("Reminders")),
                            (self.goals, tr("Goals")), (display, tr("Display")),
                            (self.history, tr("History"))):
            scroll = scroll_area(page, horizontal=True)  # a long page, on a small screen
            self.tabs.addTab(scroll, title)
        self._show_locked(model.locked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def show_page(self, name: str) -> None:
        """Bring a page ("Voice", "Reminders", "Goals", "Display", "History") forward."""
        self.tabs.setCurrentIndex(list(self.pages).index(name))

    def _show_locked(self, locked: frozenset[tuple[str, str]]) -> None:
        """The organisation's settings show their value, and cannot be changed here."""
        v, r, g, d, h = self.voice, self.reminders, self.goals, self.display, self.history
        controls: dict[tuple[str, str], list[QWidget]] = {
            ("voice", "voice"): [v.language, v.voice, v.add],
            ("voice", "rate_wpm"): [v.rate], ("voice", "volume"): [v.volume],
            ("voice", "muted"): [v.mute], ("voice", "breathing"): [v.breathing],
            ("voice", "countdown"): [v.countdown], ("voice", "chime"): [v.chime],
            ("voice", "pause_media"): [v.pause_media],
            ("reminders", "enabled"): [r.enabled], ("reminders", "interval_min"): [r.interval],
            ("reminders", "snooze_min"): [r.snooze], ("reminders", "nudge"): [r.nudge],
            ("reminders", "fullscreen_defer_min"): [r.defer],
            ("reminders", "call_defer_min"): [r.call_defer],
            ("reminders", "delivery"): [r.delivery],
            ("reminders", "work_hours"): [w for day in r.days.values() for w in day],
            ("goals", "days_per_week"): [g.days], ("goals", "sessions_per_day"): [g.sessions],
            ("display", "high_contrast"): [d.contrast], ("display", "text_size"): [d.text_size],
            ("display", "reduced_motion"): [d.reduced_motion],
            ("display", "language"): [d.language],
            ("history", "sync_folder"): [h.synced, h.choose],
            ("history", "sync_routines"): [h.routines],
        }
        for key in locked:
            for widget in controls.get(key, []):
                widget.setEnabled(False)
                widget.setToolTip(locked_note())
                widget.setAccessibleDescription(locked_note())
