"""The comfort check-in after a routine, and the safety message for nerve symptoms."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stretchtimer.core.records import Rating
from stretchtimer.ui.flow_layout import FlowLayout
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.theme import SPACING, set_type


def choices() -> list[tuple[Rating, str]]:
    return [(Rating.EASY, tr("Easy")), (Rating.GOOD, tr("Good")), (Rating.STRONG, tr("Strong")),
            (Rating.PAINFUL, tr("Painful")),
            (Rating.NERVE, tr("Tingling, numbness or shooting pain"))]


def safety_text() -> str:
    return tr(
    "<p><b>Please stop this stretch for now.</b></p>"
    "<p>Tingling, numbness or shooting pain can mean a nerve is being stretched or pressed. "
    "That is not something to push through. The stretches from this routine are paused "
    "until you tell stretchtimer a clinician has checked you "
    "(Settings &gt; Paused stretches).</p>"
    "<p><b>Get urgent medical care now</b> if you notice new trouble controlling your "
    "bladder or bowels, numbness around your groin, buttocks or inner thighs, or weakness "
    "in your legs that is getting worse.</p>")


class CheckInBar(QWidget):
    """How did that feel? One key press (1-5), or skip."""

    rated = Signal(object)  # Rating

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = QLabel(tr("How did that feel?"))
        set_type(self.question, "lead", bold=True)
        row = FlowLayout(self, SPACING["gap"])  # onto two lines when one is too narrow
        row.setContentsMargins(SPACING["page"], SPACING["line"], SPACING["page"],
                               SPACING["line"])
        self.setAutoFillBackground(True)  # a band of its own under the menu, not a stray row
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        row.addWidget(self.question)
        self.buttons: dict[Rating, QPushButton] = {}
        for number, (value, label) in enumerate(choices(), start=1):
            b = QPushButton(f"{number}  {label}")
            b.setAccessibleName(label)
            b.setToolTip(tr("{label} (key {number})").format(label=label, number=number))
            b.clicked.connect(lambda _=False, v=value: self._rate(v))
            QShortcut(QKeySequence(str(number)), self, lambda v=value: self._rate(v),
                      context=Qt.ShortcutContext.WindowShortcut)
            self.buttons[value] = b
            row.addWidget(b)
        self.skip = QPushButton(tr("Skip"))
        self.skip.setAccessibleName(tr("Skip the check-in"))
        self.skip.clicked.connect(self.hide)
        row.addWidget(self.skip)

    def ask(self) -> None:
        self.question.setText(tr("How did that feel?"))
        for b in self.buttons.values():
            b.show()
        self.skip.show()
        self.show()

    def _rate(self, value: Rating) -> None:
        if not self.isVisible() or not self.buttons[value].isVisible():
            return
        for b in [*self.buttons.values(), self.skip]:
            b.hide()
        self.question.setText(tr("Thanks, noted in your history."))
        self.rated.emit(value)


class SafetyNotice(QDialog):
    def __init__(self, paused: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Stop and check"))
        text = QLabel(safety_text() + ("<p>" + tr("Paused: {names}").format(
            names=", ".join(paused)) + "</p>" if paused else ""))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        ok = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        ok.button(QDialogButtonBox.StandardButton.Ok).setText(tr("I understand"))
        ok.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(ok)
        self.resize(520, 0)


class PausedDialog(QDialog):
    """Stretches paused after nerve symptoms; resumed only on the user's word."""

    resumed = Signal(list)  # exercise ids

    def __init__(self, paused: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Paused stretches"))
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Paused stretches"))
        for ex_id, name in paused.items():
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, ex_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        note = QLabel(tr("Tick a stretch and resume it only once a doctor or physiotherapist "
                         "has checked the tingling, numbness or shooting pain.") if paused
                      else tr("No stretches are paused."))
        note.setWordWrap(True)
        self.resume = QPushButton(tr("I have been cleared: resume the ticked stretches"))
        self.resume.setEnabled(bool(paused))
        self.resume.clicked.connect(self._on_resume_clicked)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addWidget(self.resume)
        layout.addWidget(close)

    def _on_resume_clicked(self) -> None:
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
               if self.list.item(i).checkState() == Qt.CheckState.Checked]
        if ids:
            self.resumed.emit(ids)
            self.accept()
