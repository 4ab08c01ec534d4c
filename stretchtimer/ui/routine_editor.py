"""The routine editor: build or change a routine without touching a file.

It edits the routine's JSON object directly and checks it with core.routine.validate on
every change, so the rules and messages are exactly those of `stretchtimer --validate`.
Save stays disabled, saying why, until nothing is wrong. The total length and the spoken
cue timeline follow every change."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stretchtimer.core.plan import format_clock
from stretchtimer.core.planner import PlanContext
from stretchtimer.core.routine import (
    BOUNDS,
    POSITIONS,
    SCHEMA_VERSION,
    SIDE_LABELS,
    SIDES,
    Routine,
    slug,
    to_data,
    validate,
)
from stretchtimer.resources import shipped_figures
from stretchtimer.ui.figure import figure_title
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.routine_picker import position_word
from stretchtimer.ui.scroll_area import scroll_area


def side_words() -> dict[str, str]:
    return {"left_right": tr("Right, then left"), "both": tr("Both sides at once"),  # FIRST_SIDE
            "none": tr("No sides")}


def label_words() -> dict[str, str]:
    return {"side": tr("a side"), "leg": tr("a leg"), "foot": tr("a foot"), "hip": tr("a hip"),
            "arm": tr("an arm")}


NEW_EXERCISE: dict[str, Any] = {
    "name": "", "muscles": [], "setup": [], "cues": [], "sides": "left_right", "reps": 1,
    "hold_s": 30, "rest_s": 10, "prepare_s": 10, "settle_s": 3, "switch_s": 6,
    "breathing": {"in_s": 4, "out_s": 6}}
# Optional fields a form leaves out of the file when they are empty or at their default.
DEFAULTS: dict[str, Any] = {
    "muscles": [], "cues": [], "safety_cues": [], "switch_setup": [], "source": "",
    "side_label": "side", "halfway": True, "countdown": True, "image": ""}


def starting_safety() -> list[str]:
    """Every new routine starts safe (in the UI's language: it is the user's text). The
    first line is the one spoken before the first hold."""
    return [tr("Mild tension only. Stop if you feel tingling, numbness or sharp pain."),
            tr("If a stretch keeps hurting after you stop, check with a clinician.")]


def spins() -> tuple:
    """key, label, suffix; the ranges are the file format's (core.routine.BOUNDS)."""
    return (("reps", tr("Repetitions"), ""), ("hold_s", tr("Hold"), " s"),
            ("rest_s", tr("Rest between reps"), " s"),
            ("prepare_s", tr("Time to get ready"), " s"),
            ("settle_s", tr("Quiet before the hold"), " s"),
            ("switch_s", tr("Time to switch sides"), " s"))




def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _commas(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _multiline(accessible: str, placeholder: str, lines: int = 4) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(accessible)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class ExerciseForm(QWidget):
    """The fields of one exercise; writes every change into the dict it was given."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.data: dict[str, Any] | None = None
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("Exercise name"))
        self.muscles = QLineEdit()
        self.muscles.setPlaceholderText(tr("e.g. calves, hamstrings"))
        self.muscles.setAccessibleName(tr("Muscles, separated by commas"))
        self.setup = _multiline(tr("How to get into it, one step per line"),
                                tr("How to get into position, one step per line"), 7)  # a
        # step is a sentence or two: wrapped, most take two lines each
        self.cues = _multiline(tr("Form cues during the hold, one per line"),
                               tr("Reminders during the hold, one per line; they take turns "
                                  "(optional)"))
        self.safety_cues = _multiline(tr("Safety cues said in every hold, one per line"),
                                      tr("Said in every hold, e.g. “Tingling? Ease off, and "
                                         "stop if it stays.” (optional)"), 3)
        self.side_label = QComboBox()
        self.side_label.setAccessibleName(tr("What changes sides"))
        for key in SIDE_LABELS:
            self.side_label.addItem(label_words()[key], key)
        self.switch_setup = _multiline(tr("How to change sides, one step per line"),
                                       tr("How to get onto the other side, one step per line; "
                                          "{side} is the new side, {other} the one before"), 5)
        self.sides = QComboBox()
        self.sides.setAccessibleName(tr("Sides"))
        for key in SIDES:
            self.sides.addItem(side_words()[key], key)
        self.spins: dict[str, QSpinBox] = {}
        for key, label, suffix in spins():
            spin = QSpinBox()
            spin.setRange(*BOUNDS[key])
            spin.setSuffix(suffix)
            spin.setAccessibleName(label)
            self.spins[key] = spin
        self.breathing = QCheckBox(tr("Pace my breathing"))
        self.breath_in, self.breath_out = QSpinBox(), QSpinBox()
        for spin, key, name in ((self.breath_in, "in_s", tr("Breathe in for")),
                                (self.breath_out, "out_s", tr("Breathe out for"))):
            spin.setRange(*BOUNDS[key])
            spin.setSuffix(" s")
            spin.setAccessibleName(name)
        self.halfway = QCheckBox(tr("Say “halfway”"))
        self.countdown = QCheckBox(tr("Count down “3, 2, 1”"))
        self.image = QComboBox()  # a shipped figure (a file beside the routine: by hand)
        self.image.setAccessibleName(tr("Picture"))
        self.image.addItem(tr("No picture"), "")
        for title, name in sorted((figure_title(n), n) for n in shipped_figures()):
            self.image.addItem(title, name)
        self.source = QLineEdit()
        self.source.setAccessibleName(tr("Where this exercise comes from (optional)"))
        self.source.setPlaceholderText(tr("optional, e.g. my physiotherapist, March 2026"))

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label above
        form.addRow(tr("Na&me"), self.name)
        form.addRow(tr("Mus&cles"), self.muscles)
        form.addRow(tr("&Getting into it"), self.setup)
        form.addRow(tr("&Form cues"), self.cues)
        form.addRow(tr("Safety c&ues"), self.safety_cues)
        form.addRow(tr("S&ides"), self.sides)
        form.addRow(tr("Each side is"), self.side_label)
        form.addRow(tr("C&hanging sides"), self.switch_setup)
        for key, label, *_ in spins():
            form.addRow(label, self.spins[key])
        says = QHBoxLayout()
        says.addWidget(self.halfway)
        says.addWidget(self.countdown)
        says.addStretch(1)
        form.addRow(tr("In the hold"), says)
        breath = QHBoxLayout()
        breath.addWidget(self.breathing)
        breath.addWidget(QLabel(tr("in")))
        breath.addWidget(self.breath_in)
        breath.addWidget(QLabel(tr("out")))
        breath.addWidget(self.breath_out)
        breath.addStretch(1)
        form.addRow(tr("Breathing"), breath)
        form.addRow(tr("Pic&ture"), self.image)
        form.addRow(tr("S&ource (optional)"), self.source)

        self.name.textEdited.connect(lambda t: self._set("name", t.strip()))
        self.muscles.textEdited.connect(lambda t: self._set("muscles", _commas(t)))
        self.setup.textChanged.connect(
            lambda: self._set("setup", _lines(self.setup.toPlainText())))
        self.cues.textChanged.connect(lambda: self._set("cues", _lines(self.cues.toPlainText())))
        self.safety_cues.textChanged.connect(
            lambda: self._set("safety_cues", _lines(self.safety_cues.toPlainText())))
        self.switch_setup.textChanged.connect(
            lambda: self._set("switch_setup", _lines(self.switch_setup.toPlainText())))
        self.side_label.currentIndexChanged.connect(
            lambda _i: self._set("side_label", self.side_label.currentData()))
        self.halfway.toggled.connect(lambda on: self._set("halfway", on))
        self.countdown.toggled.connect(lambda on: self._set("countdown", on))
        self.sides.currentIndexChanged.connect(
            lambda _i: self._set("sides", self.sides.currentData()))
        for key, spin in self.spins.items():
            spin.valueChanged.connect(lambda v, k=key: self._set(k, v))
        self.breathing.toggled.connect(self._on_breathing_changed)
        self.breath_in.valueChanged.connect(self._on_breathing_changed)
        self.breath_out.valueChanged.connect(self._on_breathing_changed)
        self.source.textEdited.connect(lambda t: self._set("source", t.strip()))
        self.image.currentIndexChanged.connect(
            lambda _i: self._set("image", self.image.currentData()))

    def load(self, data: dict[str, Any] | None) -> None:
        self.data = None  # filling the fields must not write back
        self.setEnabled(data is not None)
        d = data or NEW_EXERCISE
        self.name.setText(d.get("name", ""))
        self.muscles.setText(", ".join(d.get("muscles", [])))
        self.setup.setPlainText("\n".join(d.get("setup", [])))
        self.cues.setPlainText("\n".join(d.get("cues", [])))
        self.safety_cues.setPlainText("\n".join(d.get("safety_cues", [])))
        self.switch_setup.setPlainText("\n".join(d.get("switch_setup", [])))
        self.sides.setCurrentIndex(max(0, self.sides.findData(d.get("sides"))))
        self.side_label.setCurrentIndex(max(0, self.side_label.findData(
            d.get("side_label", "side"))))
        self.halfway.setChecked(d.get("halfway", True))
        self.countdown.setChecked(d.get("countdown", True))
        for key, spin in self.spins.items():
            spin.setValue(d.get(key, NEW_EXERCISE[key]))
        breathing = d.get("breathing", NEW_EXERCISE["breathing"])
        self.breathing.setChecked(breathing is not None)
        self.breath_in.setValue((breathing or NEW_EXERCISE["breathing"])["in_s"])
        self.breath_out.setValue((breathing or NEW_EXERCISE["breathing"])["out_s"])
        self.breath_in.setEnabled(breathing is not None)
        self.breath_out.setEnabled(breathing is not None)
        image = d.get("image", "")
        if image and self.image.findData(image) < 0:  # one beside the routine's own file
            self.image.addItem(image, image)
        self.image.setCurrentIndex(max(0, self.image.findData(image)))
        self.source.setText(d.get("source", ""))
        self.source.setCursorPosition(0)  # long texts show their start
        self.data = data

    def _set(self, key: str, value) -> None:
        if self.data is None:
            return
        if key in DEFAULTS and value == DEFAULTS[key]:
            self.data.pop(key, None)  # an optional field left empty stays out of the file
        else:
            self.data[key] = value
        levels = self.data.get("hold_levels_s") or [lv.get("hold_s") for lv in
                                                    self.data.get("levels", [])
                                                    if isinstance(lv, dict)]
        if key == "hold_s" and levels and value not in levels:
            # a hold of their own choosing replaces the progression steps
            self.data.pop("hold_levels_s", None)
            self.data.pop("levels", None)
        self.changed.emit()

    def _on_breathing_changed(self, *_args) -> None:
        on = self.breathing.isChecked()
        self.breath_in.setEnabled(on)
        self.breath_out.setEnabled(on)
        self._set("breathing", {"in_s": self.breath_in.value(), "out_s": self.breath_out.value()}
                  if on else None)


class RoutineEditor(QDialog):
    """New, duplicated or user routines. `taken` are ids other routines use already."""

    saved = Signal(object)  # the Routine, checked; the caller writes it to disk

    def __init__(self, routine: Routine | None = None, taken: Iterable[str] = frozenset(),
                 player=None, context: PlanContext | None = None,
                 parent: QWidget | None = None) -> None:
        """`context`: the app's plan context, so the total is the one a start would run."""
        super().__init__(parent)
        self.player = player
        self.context = context or PlanContext()
        self.taken = set(taken)
        if routine is None:
            self.data: dict[str, Any] = {
                "schema_version": SCHEMA_VERSION, "name": "", "summary": "",
                "position": "standing", "safety": starting_safety(), "exercises": []}
            self.setWindowTitle(tr("New routine"))
        else:
            self.data = copy.deepcopy(to_data(routine))
            self.setWindowTitle(tr("Edit “{name}”").format(name=routine.name))
        self.keep_id = routine is not None and routine.id not in self.taken
        self.routine: Routine | None = None  # the valid routine, when there is one
        self.problems: list[str] = []

        self.name = QLineEdit(self.data.get("name", ""))
        self.name.setAccessibleName(tr("Routine name"))
        self.summary = QLineEdit(self.data.get("summary", ""))
        self.summary.setCursorPosition(0)
        self.summary.setAccessibleName(tr("Summary"))
        self.summary.setPlaceholderText(tr("One line: where and what, e.g. “Seated: calves "
                                        "and hamstrings, as my physio showed me”"))
        self.position = QComboBox()
        self.position.setAccessibleName(tr("Position"))
        for pos in POSITIONS:
            self.position.addItem(position_word(pos).capitalize(), pos)
        self.position.setCurrentIndex(max(0, self.position.findData(self.data.get("position"))))
        self.equipment = QLineEdit(", ".join(self.data.get("equipment", [])))
        self.equipment.setAccessibleName(tr("Equipment, separated by commas"))
        self.equipment.setPlaceholderText(tr("e.g. towel, chair (leave empty for none)"))
        self.tags = QLineEdit(", ".join(self.data.get("tags", [])))
        self.tags.setAccessibleName(tr("Tags, separated by commas"))
        self.safety = _multiline(tr("Safety lines, one per line"),
                                 tr("Safety lines, one per line; the first is spoken at the "
                                    "start"))
        self.safety.setPlainText("\n".join(self.data.get("safety", [])))

        self.list = QListWidget()
        self.list.setAccessibleName(tr("Exercises, in order"))
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.add = QPushButton(tr("&Add exercise"))
        self.remove = QPushButton(tr("&Remove"))
        self.up = QPushButton(tr("Move up"))
        self.down = QPushButton(tr("Move down"))
        self.up.setToolTip(tr("Move the exercise up (Alt+Up)"))
        self.down.setToolTip(tr("Move the exercise down (Alt+Down)"))
        self.try_it = QPushButton(tr("Try this e&xercise"))
        self.try_it.setToolTip(tr("Hear its cues once, with your voice settings"))
        self.form = ExerciseForm()

        self.total = QLabel()
        self.total.setAccessibleName(tr("Total length"))
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label.setAccessibleName(tr("Problems to fix before saving"))
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings_label.setAccessibleName(tr("What a listener would miss"))
        self.warnings: list[str] = []
        self.timeline = QPlainTextEdit()
        self.timeline.setReadOnly(True)
        self.timeline.setAccessibleName(tr("Spoken cues, as the routine will run"))
        self.timeline.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.save = QPushButton(tr("&Save"))
        self.save.setDefault(True)
        self.cancel = QPushButton(tr("Cancel"))

        about = QFormLayout()
        about.addRow(tr("&Name"), self.name)
        about.addRow(tr("S&ummary"), self.summary)
        about.addRow(tr("&Position"), self.position)
        about.addRow(tr("&Equipment"), self.equipment)
        about.addRow(tr("&Tags"), self.tags)
        about.addRow(tr("Safet&y"), self.safety)
        about_box = QGroupBox(tr("Routine"))
        about_box.setLayout(about)
        list_buttons = QHBoxLayout()
        for b in (self.add, self.remove, self.up, self.down):
            list_buttons.addWidget(b)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(about_box)
        left_layout.addWidget(QLabel(tr("Exercises (drag, or Alt+Up / Alt+Down, to reorder):")))
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(list_buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form)
        right_layout.addWidget(self.try_it, 0, Qt.AlignmentFlag.AlignLeft)
        right_layout.addStretch(1)
        scroll = scroll_area(right)  # the exercise's fields: on a small screen or large text
        edit = QSplitter()
        edit.addWidget(left)
        edit.addWidget(scroll)
        edit.setStretchFactor(0, 2)
        edit.setStretchFactor(1, 3)
        edit.setSizes([2000, 3000])  # the exercise's fields get the room (long German labels)
        self.tabs = QTabWidget()
        self.tabs.addTab(edit, tr("Edit"))
        self.tabs.addTab(self.timeline, tr("Preview: spoken cues"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.save)
        bottom.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        if self.data.get("translations"):
            langs = ", ".join(sorted(self.data["translations"]))
            kept = QLabel(tr("This routine also has its texts in: {languages}. They are kept "
                             "as they are; change them in its file.").format(languages=langs))
            kept.setWordWrap(True)
            layout.addWidget(kept)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.warnings_label)
        layout.addLayout(bottom)
        self.resize(1000, 720)

        self._exercise_by_key: dict[int, dict] = {}
        for item in self.data["exercises"]:
            self._append_item(item)
        self.name.textEdited.connect(lambda t: self._set("name", t.strip()))
        self.summary.textEdited.connect(lambda t: self._set("summary", t.strip()))
        self.position.currentIndexChanged.connect(
            lambda _i: self._set("position", self.position.currentData()))
        self.equipment.textEdited.connect(lambda t: self._set("equipment", _commas(t)))
        self.tags.textEdited.connect(lambda t: self._set("tags", _commas(t)))
        self.safety.textChanged.connect(
            lambda: self._set("safety", _lines(self.safety.toPlainText())))
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.list.model().rowsMoved.connect(self._on_rows_moved)
        self.add.clicked.connect(self._on_add_clicked)
        self.remove.clicked.connect(self._on_remove_clicked)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        QShortcut(QKeySequence("Alt+Up"), self.list, lambda: self._move(-1))
        QShortcut(QKeySequence("Alt+Down"), self.list, lambda: self._move(1))
        self.try_it.clicked.connect(self.try_exercise)
        self.form.changed.connect(self._on_form_changed)
        self.save.clicked.connect(self._on_save_clicked)
        self.cancel.clicked.connect(self.reject)
        self.list.setCurrentRow(0 if self.data["exercises"] else -1)
        self._on_list_current_row_changed(self.list.currentRow())
        self.name.setFocus()

    # --- the routine as data ---

    def _set(self, key: str, value) -> None:
        self.data[key] = value
        self.revalidate()

    def compose(self) -> dict:
        """The routine object as it would be saved: ids made from names where new."""
        data = copy.deepcopy(self.data)
        if not self.keep_id:
            data["id"] = slug(data.get("name", ""), self.taken)
        used = {ex["id"] for ex in data["exercises"] if "id" in ex}  # kept ids come first
        for ex in data["exercises"]:
            if "id" not in ex:
                ex["id"] = slug(ex.get("name", "") or "stretch", used)
                used.add(ex["id"])
        for texts in data.get("translations", {}).values():  # removed exercises' texts go
            if isinstance(texts.get("exercises"), dict):
                texts["exercises"] = {k: v for k, v in texts["exercises"].items() if k in used}
        for key in ("equipment", "tags", "safety"):
            if not data.get(key):
                data.pop(key, None)
        return data

    def revalidate(self) -> None:
        routine, problems = validate(self.compose())
        self.routine = routine
        self.problems = [str(p) for p in problems]
        self.save.setEnabled(routine is not None)
        if routine is None:
            n = len(problems)
            self.save.setToolTip(tr("Fix %n problem(s) first (listed above)", "", n))
            self.problems_label.setText(
                "<b>" + tr("Can’t save yet — %n problem(s):", "", n) + "</b><br>"
                + "<br>".join(f"• {_escape(p)}" for p in self.problems))
            self.total.setText(tr("Total: — (fix the problems below to see it)"))
            self.timeline.setPlainText(tr("The preview appears when nothing is wrong."))
        else:
            self.save.setToolTip(tr("Save this routine"))
            self.problems_label.setText("")
            plan = self.context.plan(routine)
            self.total.setText(tr("Total: {length}").format(length=format_clock(plan.total)))
            from stretchtimer.core.plan_text import plan_text

            self.timeline.setPlainText(plan_text(plan, self.context.options))
        self._show_warnings(routine)
        self.problems_label.setVisible(routine is None)

    def _show_warnings(self, routine: Routine | None) -> None:
        """What someone following by ear would miss (the checks of --validate); saving is
        still allowed."""
        from stretchtimer.core.guidance import check_routine

        self.warnings = check_routine(routine) if routine is not None else []
        n = len(self.warnings)
        self.warnings_label.setText(
            "<b>" + tr("Followed by ear, %n thing(s) would be missed:", "", n) + "</b><br>"
            + "<br>".join(f"• {_escape(w)}" for w in self.warnings) if n else "")
        self.warnings_label.setVisible(bool(n))

    # --- the exercise list ---

    def _append_item(self, data: dict) -> None:
        # items carry a key, not the dict: Qt would store a copy and edits would be lost
        key = len(self._exercise_by_key)
        self._exercise_by_key[key] = data
        item = QListWidgetItem(self._title(data))
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.list.addItem(item)

    def _exercise_of(self, item: QListWidgetItem) -> dict:
        return self._exercise_by_key[item.data(Qt.ItemDataRole.UserRole)]

    @staticmethod
    def _title(data: dict) -> str:
        return data.get("name") or tr("(unnamed exercise)")

    def current_exercise(self) -> dict | None:
        item = self.list.currentItem()
        return self._exercise_of(item) if item is not None else None

    def _on_list_current_row_changed(self, _row: int) -> None:
        self.form.load(self.current_exercise())
        has = self.current_exercise() is not None
        for b in (self.remove, self.up, self.down):
            b.setEnabled(has)
        self.try_it.setEnabled(has and self.player is not None
                               and getattr(self.player, "speech_available", False))
        self.revalidate()

    def _on_form_changed(self) -> None:
        item = self.list.currentItem()
        if item is not None and self.form.data is not None:
            item.setText(self._title(self.form.data))
        self.revalidate()

    def _on_add_clicked(self) -> None:
        data = copy.deepcopy(NEW_EXERCISE)
        self.data["exercises"].append(data)
        self._append_item(data)
        self.list.setCurrentRow(self.list.count() - 1)
        self.form.name.setFocus()

    def _on_remove_clicked(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self._sync_order()

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if row < 0 or not 0 <= to < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(to, item)
        self.list.setCurrentRow(to)
        self._sync_order()

    def _on_rows_moved(self, *_args) -> None:
        self._sync_order()  # a drag reordered the items: the data follows

    def _sync_order(self) -> None:
        self.data["exercises"] = [self._exercise_of(self.list.item(i))
                                  for i in range(self.list.count())]
        self._on_list_current_row_changed(self.list.currentRow())

    # --- actions ---

    def try_exercise(self) -> str:
        """Speak the current exercise's cues once with the user's voice; returns the text."""
        ex = self.current_exercise()
        if ex is None:
            return ""
        words = self.context.phrases  # the fixed words in the UI's language
        parts = [ex.get("name", ""), *ex.get("setup", []), ex.get("start_cue", words.hold),
                 *ex.get("cues", []), ", ".join(words.countdown),
                 ex.get("end_cue", words.release)]
        text = ". ".join(p.rstrip(".") for p in parts if p) + "."
        if self.player is not None and self.player.speech_available:
            s = self.player.settings
            self.player.interrupt()
            self.player.service.say(text, s.voice, s.rate_wpm, s.volume)
        return text

    def _on_save_clicked(self) -> None:
        if self.routine is None:
            return
        self.saved.emit(self.routine)
        self.accept()


def _escape(text: str) -> str:
    import html

    return html.escape(text)
