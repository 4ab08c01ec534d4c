"""The first-run welcome (issue 20), shown once and from Help: what stretchtimer does and
how to stretch safely, the work hours and interval, the voice, start at login. Three
steps, all from the keyboard (Enter goes on, Esc skips); nothing is scheduled until it
is closed, and only Finish changes a setting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from stretchtimer.core.reminders import WEEKDAYS
from stretchtimer.settings_model import SettingsModel
from stretchtimer.ui.flow_layout import FlowLayout
from stretchtimer.ui.guard import guarded
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.scroll_area import scroll_area
from stretchtimer.ui.theme import SPACING


def _text(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def safety_note() -> str:
    return tr("Stretch gently: mild tension, never pain. Stop at once if you feel tingling, "
              "numbness or a sharp or shooting pain. With an injury or a condition, ask your "
              "doctor or physiotherapist before you start.")


class _DaysPage(QWizardPage):
    """The work-day step: at least one day, or no reminder would ever come."""

    def __init__(self, wizard: WelcomeWizard) -> None:
        super().__init__()
        self._wizard = wizard

    def isComplete(self) -> bool:
        return any(box.isChecked() for box in self._wizard.days.values())


class WelcomeWizard(QWizard):
    def __init__(self, model: SettingsModel, autostart=None,
                 test_voice: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        """`autostart`: the login entry (None where there is none); `test_voice`: says the
        test phrase in the chosen voice (None: no voice here)."""
        super().__init__(parent)
        self.model, self.autostart = model, autostart
        self.setWindowTitle(tr("Welcome to stretchtimer"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Skip"))
        self._contents: list[QWidget] = []  # each step's content (what _fit measures)
        self.addPage(self._about_page())
        self.addPage(self._day_page())
        self.addPage(self._voice_page(test_voice))
        self._fit()

    def _scrolled(self, page: QWizardPage) -> QWidget:
        """The widget a step's content goes in: inside a scroll area, so that at a large
        text size on a small screen it scrolls rather than being cut off (and _fit
        measures it)."""
        content = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll_area(content))
        self._contents.append(content)
        return content

    def _fit(self) -> None:
        """Wide and tall enough for the largest step at the text size set (560 px wide at
        100 %), within the screen."""
        scale = self.model.display.text_size / 100
        screen = (self.screen() or QApplication.primaryScreen()).availableGeometry()
        width = int(min(screen.width() * 0.9, 560 * max(1.0, scale)))
        self.setMinimumWidth(width)
        inner = width - 2 * SPACING["page"]
        tallest = max(layout.totalHeightForWidth(inner) for w in self._contents
                      if (layout := w.layout()) is not None)
        chrome = int(160 * max(1.0, scale))  # the step's title and the buttons
        self.resize(width, int(min(screen.height() * 0.9, tallest + chrome)))

    def _about_page(self) -> QWizardPage:
        from stretchtimer.resources import figures_dir
        from stretchtimer.ui.figure import FigureView, picture_name

        page = QWizardPage()
        page.setTitle(tr("Stand up and stretch, a little, every hour"))
        outer = QHBoxLayout(self._scrolled(page))
        layout = QVBoxLayout()
        outer.addLayout(layout, 3)
        self.figure = FigureView()
        self.figure.show_figure(figures_dir() / "standing-hamstring.svg",
                                name=picture_name(tr("a stretch at the desk")))
        outer.addWidget(self.figure, 2)
        layout.addWidget(_text(tr(
            "stretchtimer waits in the tray and, in your work hours, reminds you to stand "
            "and stretch. One click on the reminder starts a short routine that the voice "
            "talks you through, so you can follow it with your eyes closed; a picture shows "
            "each stretch as well. Your history stays on this computer.")))
        self.safety = _text(safety_note())
        self.safety.setAccessibleName(tr("Safety"))
        font = self.safety.font()
        font.setBold(True)
        self.safety.setFont(font)
        layout.addSpacing(8)
        layout.addWidget(self.safety)
        layout.addStretch(1)
        return page

    def _day_page(self) -> QWizardPage:
        from stretchtimer.ui.settings_dialog import minutes_box, weekday_names

        r = self.model.reminders
        page = _DaysPage(self)
        page.setTitle(tr("Your work day"))
        self.interval = minutes_box(r, "interval_min", tr("Minutes between reminders"), 15)
        self.interval.setMaximumWidth(self.interval.sizeHint().width() + 40)
        days_box = QWidget()  # the days in a row, wrapping onto more as the text grows
        days = FlowLayout(days_box, SPACING["line"])
        days.setContentsMargins(0, 0, 0, 0)
        self.days = {}
        for day, name in zip(WEEKDAYS, weekday_names()):
            box = QCheckBox(name)
            box.setChecked(day in r.work_hours)
            self.days[day] = box
            days.addWidget(box)
        spans = [r.work_hours[d] for d in WEEKDAYS if d in r.work_hours]  # Monday's first
        first = spans[0] if spans else ["09:00", "17:30"]
        self.start, self.end = QTimeEdit(), QTimeEdit()
        for edit, value, spoken in ((self.start, first[0], tr("Work starts")),
                                    (self.end, first[1], tr("Work ends"))):
            edit.setDisplayFormat("HH:mm")
            edit.setTime(QTime.fromString(value, "HH:mm"))
            edit.setAccessibleName(spoken)
        self.start.setMaximumTime(QTime(23, 58))  # the day ends after it starts
        self.start.timeChanged.connect(lambda t: self.end.setMinimumTime(t.addSecs(60)))
        self.end.setMinimumTime(self.start.time().addSecs(60))
        self.hours_edited = False  # the days' own hours are kept unless these are changed
        for edit in (self.start, self.end):
            edit.timeChanged.connect(self._on_hours_edited)
        for box in self.days.values():
            box.toggled.connect(self._on_hours_edited)
            box.toggled.connect(page.completeChanged)  # Next needs a day
        locked = self.model.locked
        self.interval.setEnabled(("reminders", "interval_min") not in locked)
        for w in (*self.days.values(), self.start, self.end):
            w.setEnabled(("reminders", "work_hours") not in locked)
        hours = QHBoxLayout()
        hours.addWidget(self.start)
        hours.addWidget(QLabel("–"))
        hours.addWidget(self.end)
        hours.addStretch(1)
        form = QFormLayout(self._scrolled(page))
        form.addRow(tr("Remind me every"), self.interval)
        form.addRow(tr("On"), days_box)
        form.addRow(tr("Hours"), hours)
        form.addRow(_text(tr("Reminders come only in these hours. You can change them later "
                             "in Settings > Reminders.")))
        if any(span != first for span in spans):
            form.addRow(_text(tr("Your days have hours of their own; they stay as they are "
                                 "unless you change the hours here.")))
        return page

    def _on_hours_edited(self, *_args) -> None:
        self.hours_edited = True

    def _voice_page(self, test_voice: Callable[[], None] | None) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(tr("The voice, and starting at login"))
        self.speak = QCheckBox(tr("The voice guides each routine"))
        self.speak.setChecked(not self.model.voice.muted)
        self.test = QPushButton(tr("&Test the voice"))
        self.test.setEnabled(test_voice is not None)
        if test_voice is not None:
            self.test.clicked.connect(test_voice)
        self.at_login = QCheckBox(tr("Start stretchtimer at login, in the tray"))
        # at the first launch yes (a tray app is most use when it is there); from Help,
        # as the login entry is
        first_run = not self.model.display.welcome_shown
        self.at_login.setChecked(first_run or (self.autostart is not None and
                                               self.autostart.enabled()))
        self.at_login.setVisible(self.autostart is not None)
        layout = QVBoxLayout(self._scrolled(page))
        layout.addWidget(self.speak)
        layout.addWidget(_text(tr("M mutes it at any time, in the timer.")))
        row = QHBoxLayout()
        row.addWidget(self.test)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.at_login)
        layout.addStretch(1)
        return page

    @guarded
    def accept(self) -> None:
        """Finish: the choices become the settings (the hours only if they were changed)."""
        self.model.set_reminders(interval_min=self.interval.value())
        if self.hours_edited:
            hours = [self.start.time().toString("HH:mm"), self.end.time().toString("HH:mm")]
            self.model.set_reminders(work_hours={day: list(hours) for day, box
                                                 in self.days.items() if box.isChecked()})
        self.model.set_voice(muted=not self.speak.isChecked())
        if self.autostart is not None:
            try:
                self.autostart.set(self.at_login.isChecked())
            except OSError:
                pass  # Settings > Reminders shows the entry as it is, and can try again
        super().accept()

    @guarded
    def done(self, result: int) -> None:
        self.model.set_display(welcome_shown=True)  # Finish or Skip: once
        super().done(result)
