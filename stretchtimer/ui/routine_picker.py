"""The routine picker: a filterable list of routine cards and a preview with Start."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeySequence,
    QPalette,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from stretchtimer.core.plan import Plan, format_clock
from stretchtimer.core.planner import PlanContext
from stretchtimer.core.routine import DEFAULT_ROUTINE, POSITIONS, Routine, Sides
from stretchtimer.ui.guard import guarded
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.muscle_names import muscle_name
from stretchtimer.ui.scroll_area import scroll_area
from stretchtimer.ui.theme import SPACING, TYPE_SCALE, set_type

ROUTINE_ROLE = Qt.ItemDataRole.UserRole + 1
PLAN_ROLE = Qt.ItemDataRole.UserRole + 2
ANY, NONE = "", "\x00none"  # equipment filter values besides a named item


MAX_FIGURES = 5  # pictures in the preview's row (a long routine shows its first ones)


def _sides_words(sides: Sides) -> str:
    return {Sides.LEFT_RIGHT: tr("each side"), Sides.BOTH: tr("both sides"), Sides.NONE: ""}[sides]


def position_word(position: str) -> str:
    return {"standing": tr("standing"), "seated": tr("seated"), "floor": tr("floor")}.get(
        position, position)


def facts_line(routine: Routine, plan: Plan) -> str:
    """"2:48 · standing · no equipment", as the card and the preview show it."""
    kit = ", ".join(routine.equipment) or tr("no equipment")
    return f"{format_clock(plan.total)}  ·  {position_word(routine.position)}  ·  {kit}"


def search_text(routine: Routine) -> str:
    parts = [routine.name, routine.summary, *routine.tags, *routine.equipment]
    for ex in routine.exercises:
        parts += [ex.name, *ex.muscles, *map(muscle_name, ex.muscles)]
    return " ".join(parts).lower()


class RoutineFilter(QSortFilterProxyModel):
    """Keeps routines that match the position, the equipment and every typed word."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.position = ANY
        self.equipment = ANY
        self.words: list[str] = []

    def set_filters(self, position: str, equipment: str, text: str) -> None:
        self.beginFilterChange()
        self.position, self.equipment = position, equipment
        self.words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        routine: Routine = self.sourceModel().index(row, 0, parent).data(ROUTINE_ROLE)
        if self.position and routine.position != self.position:
            return False
        if self.equipment == NONE and routine.equipment:
            return False
        if self.equipment not in (ANY, NONE) and self.equipment not in routine.equipment:
            return False
        haystack = search_text(routine)
        return all(word in haystack for word in self.words)


class RoutineCard(QStyledItemDelegate):
    """Paints a routine as a card: name, a line of facts, the summary."""

    PAD = 10

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setPointSizeF(option.font.pointSizeF() * TYPE_SCALE["lead"])
        title.setBold(True)
        return title, QFont(option.font)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        title, body = self._fonts(option)
        height = QFontMetrics(title).height() + 2 * QFontMetrics(body).height() * 1.15
        return QSize(1, int(height + 2.5 * self.PAD))  # as wide as the list, never wider

    def paint(self, painter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        routine: Routine = index.data(ROUTINE_ROLE)
        plan: Plan = index.data(PLAN_ROLE)
        painter.save()
        # Selection from the view, not QStyle: touching QStyle builds all its enums (slow start).
        view = self.parent()
        assert isinstance(view, QAbstractItemView) and isinstance(index, QModelIndex)
        selected = view.selectionModel().isSelected(index)
        group = QPalette.ColorGroup.Active
        if selected:
            painter.fillRect(option.rect, option.palette.color(group, QPalette.ColorRole.Highlight))
        text = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        title, body = self._fonts(option)
        r = option.rect.adjusted(self.PAD, self.PAD // 2 + 2, -self.PAD, -self.PAD // 2)
        painter.setPen(text)
        painter.setFont(title)
        th = painter.fontMetrics().height()
        painter.drawText(QRect(r.left(), r.top(), r.width(), th),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, routine.name)
        painter.setFont(body)
        bh = painter.fontMetrics().height()
        facts = facts_line(routine, plan)
        painter.drawText(QRect(r.left(), r.top() + th + 2, r.width(), bh),
                         Qt.AlignmentFlag.AlignLeft, facts)
        faded = text if selected else option.palette.color(group,
                                                           QPalette.ColorRole.PlaceholderText)
        painter.setPen(faded)
        summary = painter.fontMetrics().elidedText(routine.summary, Qt.TextElideMode.ElideRight,
                                                   r.width())
        painter.drawText(QRect(r.left(), r.top() + th + bh + 4, r.width(), bh),
                         Qt.AlignmentFlag.AlignLeft, summary)
        painter.restore()


class RoutinePreview(QWidget):
    """The selected routine in full: what it asks for, exercise by exercise, and Start."""

    start_clicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        set_type(self.title, "title", bold=True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)  # at 200 % text it may not fit one line
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.paused = QLabel()
        self.paused.setWordWrap(True)
        self.paused.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.paused.hide()
        self.figures: list = []  # a picture per stretch, in a row: made by enable_pictures
        self._routine: Routine | None = None
        self._pictures_row = pictures = QHBoxLayout()
        pictures.addStretch(1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.start = QPushButton(tr("Start"))
        self.start.setObjectName("startButton")
        self.start.setDefault(True)
        self.start.setMinimumHeight(48)
        set_type(self.start, "heading", bold=True)
        self.start.setAccessibleName(tr("Start routine"))
        self.start.setToolTip(tr("Start this routine (Enter)"))
        self.start.clicked.connect(self.start_clicked)
        content = QWidget()  # all but Start: it scrolls when it does not fit (large text)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        for w in (self.title, self.facts, self.summary, self.paused):
            inner.addWidget(w)
        inner.addSpacing(SPACING["gap"])
        inner.addLayout(pictures)
        inner.addWidget(self.details, 1)
        self.scroller = scroll_area(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING["section"], SPACING["line"], SPACING["section"],
                                  SPACING["line"])
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.start)

    def show_routine(self, routine: Routine | None, plan: Plan | None,
                     paused: dict[str, str] | None = None, was: dict[str, int] | None = None
                     ) -> None:
        self.start.setEnabled(routine is not None)
        mine = [name for ex_id, name in (paused or {}).items()
                if routine is not None and any(ex.id == ex_id for ex in routine.exercises)]
        self.paused.setVisible(bool(mine))
        self.paused.setText(tr("Paused for your safety: {names}. They are left out until you "
                               "resume them (Settings > Paused stretches).").format(
                                   names=", ".join(mine)))
        self._routine = routine
        self._show_figures(routine)
        if routine is None or plan is None:
            self.title.setText(tr("No routine matches"))
            self.facts.setText("")
            self.summary.setText(tr("Clear the search or the filters to see every routine."))
            self.details.setText("")
            return
        self.title.setText(routine.name)
        self.facts.setText(facts_line(routine, plan))
        self.summary.setText(routine.summary)
        self.start.setAccessibleDescription(tr("Start {name}, {length}").format(
            name=routine.name, length=format_clock(plan.total)))
        rows = []
        for ex, hold, level in zip(routine.exercises, plan.holds_s,
                                   plan.level_names or [""] * len(plan.holds_s)):
            sides = _sides_words(ex.sides)
            reps = f"{ex.reps} × {hold} s" + (f" {sides}" if sides else "")
            before = (was or {}).get(ex.id)
            if before not in (None, hold):
                reps += tr(" (was {seconds} s)").format(seconds=before)
            if level:
                reps += f" · {level}"
            rows.append(f"<tr><td style='padding:3px 14px 3px 0'><b>{html.escape(ex.name)}</b></td>"
                        f"<td style='padding:3px 0'>{html.escape(reps)}</td></tr>")
        safety = "".join(f"<li>{html.escape(s)}</li>" for s in routine.safety)
        self.details.setText(
            f"<table>{''.join(rows)}</table>"
            + ("<p style='margin-top:12px'><b>" + tr("Safety") + "</b></p>"
               f"<ul style='margin-left:-20px'>{safety}</ul>" if safety else ""))


    @property
    def _pictures(self) -> bool:
        """The pictures show: made once the window was painted (enable_pictures)."""
        return bool(self.figures)

    def enable_pictures(self) -> None:
        """From now on the pictures show (the window has been painted once)."""
        from stretchtimer.ui.figure import FigureView

        if not self._pictures:
            for i in range(MAX_FIGURES):
                figure = FigureView()
                figure.setMaximumHeight(self._figure_height())
                self.figures.append(figure)
                self._pictures_row.insertWidget(i, figure)
        self._show_figures(self._routine)

    def _figure_height(self) -> int:
        """The pictures take up to a third of the preview's height (150 px at the least,
        so a small window still shows them; 420 at the most, so a 4K one keeps room for
        the text)."""
        return int(max(150, min(420, self.height() / 3)))

    @guarded
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        for figure in self.figures:
            figure.setMaximumHeight(self._figure_height())

    def _show_figures(self, routine: Routine | None) -> None:
        from stretchtimer.ui.figure import figure_file, picture_name

        if not self._pictures:
            return
        exercises = list(routine.exercises) if routine is not None else []
        for i, figure in enumerate(self.figures):
            ex = exercises[i] if i < len(exercises) else None
            figure.show_figure(figure_file(ex, routine) if ex is not None else None,
                               name=picture_name(ex.name) if ex else "")


class RoutinePicker(QWidget):
    """Search, filters, the list of routines, and the preview of the selected one."""

    start_requested = Signal(object)  # Routine
    current_changed = Signal(object)  # Routine or None
    new_requested = Signal()
    duplicate_requested = Signal(object)  # Routine
    edit_requested = Signal(object)  # Routine
    delete_requested = Signal(object)  # Routine

    def __init__(self, routines: list[Routine], default_id: str = DEFAULT_ROUTINE,
                 parent=None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self._context = PlanContext()  # how the cards' lengths are planned
        self._announced: tuple = (None, None)  # the (routine, plan) last sent out
        self._was: dict[str, int] = {}
        self._paused: dict[str, str] = {}
        self._fill(routines)
        self.proxy = RoutineFilter(self)
        self.proxy.setSourceModel(self.model)

        self.today = QLabel()  # today's sessions, the streak, the next reminder
        self.today.setWordWrap(True)
        self.today.setAccessibleName(tr("Today"))
        set_type(self.today, "lead", bold=True)
        self.today.hide()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search routines, stretches, muscles…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search routines"))
        self.search.setToolTip(tr("Type to search (Ctrl+F)"))
        self.position = QComboBox()
        self.position.setAccessibleName(tr("Filter by position"))
        self.position.addItem(tr("Any position"), ANY)
        for pos in POSITIONS:
            self.position.addItem(position_word(pos).capitalize(), pos)
        self.equipment = QComboBox()
        self.equipment.setAccessibleName(tr("Filter by equipment"))
        self._fill_equipment(routines)

        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(RoutineCard(self.list))
        self.list.setAccessibleName(tr("Routines"))
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.preview = RoutinePreview()
        self.new = QPushButton(tr("New"))
        self.duplicate = QPushButton(tr("Duplicate"))
        self.edit = QPushButton(tr("Edit"))
        self.delete = QPushButton(tr("Delete"))
        for button, tip in ((self.new, tr("Build a routine of your own (Ctrl+N)")),
                            (self.duplicate, tr("Copy this routine as a starting point for yours")),
                            (self.edit, tr("Change this routine (only your own; built-ins are "
                                           "copied first)")),
                            (self.delete, tr("Delete this routine (only your own)"))):
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
        self.new.clicked.connect(self.new_requested)
        self.duplicate.clicked.connect(lambda: self._emit_for(self.duplicate_requested))
        self.edit.clicked.connect(lambda: self._emit_for(self.edit_requested))
        self.delete.clicked.connect(lambda: self._emit_for(self.delete_requested))
        manage = QHBoxLayout()
        for b in (self.new, self.duplicate, self.edit, self.delete):
            manage.addWidget(b)

        filters = QHBoxLayout()
        filters.addWidget(self.position)
        filters.addWidget(self.equipment)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(SPACING["line"], SPACING["line"], SPACING["gap"],
                                       SPACING["line"])
        left_layout.addWidget(self.today)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(manage)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([5000, 4000])  # 5:4 from the start, whatever each one's hint
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.search.textChanged.connect(self._on_filters_changed)
        self.position.currentIndexChanged.connect(self._on_filters_changed)
        self.equipment.currentIndexChanged.connect(self._on_filters_changed)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.list.activated.connect(lambda _: self._on_preview_start_clicked())
        self.preview.start_clicked.connect(self._on_preview_start_clicked)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)  # Cmd+F on macOS
        self.search.returnPressed.connect(self._on_preview_start_clicked)

        self.list.installEventFilter(self)  # typing in the list goes to the search field
        self.select(default_id)
        self.list.setFocus()

    @guarded
    def eventFilter(self, obj, event) -> bool:
        if obj is self.list and event.type() == QEvent.Type.KeyPress:
            text = event.text()
            if text and text.isprintable() and not text.isspace() and \
                    not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
                self.search.setFocus()
                self.search.insert(text)
                return True
        return super().eventFilter(obj, event)

    def _fill(self, routines: list[Routine]) -> None:
        self.model.clear()
        for routine in routines:
            item = QStandardItem(routine.name)
            item.setData(routine, ROUTINE_ROLE)
            item.setData(self._context.plan(routine), PLAN_ROLE)
            item.setEditable(False)
            item.setData(f"{routine.name}. {routine.summary}",
                         Qt.ItemDataRole.AccessibleTextRole)
            self.model.appendRow(item)

    def _fill_equipment(self, routines: list[Routine]) -> None:
        keep = self.equipment.currentData()
        self.equipment.blockSignals(True)
        self.equipment.clear()
        self.equipment.addItem(tr("Any equipment"), ANY)
        self.equipment.addItem(tr("No equipment"), NONE)
        for kit in sorted({k for r in routines for k in r.equipment}):
            self.equipment.addItem(kit.capitalize(), kit)
        self.equipment.setCurrentIndex(max(0, self.equipment.findData(keep)))
        self.equipment.blockSignals(False)

    def set_routines(self, routines: list[Routine], select_id: str | None = None) -> None:
        """The library changed (a routine saved, imported or deleted)."""
        current = self.current_routine()
        keep = select_id or (current.id if current is not None else "")
        self._fill(routines)
        self._fill_equipment(routines)
        self.select(keep)
        self._show_current()

    def _emit_for(self, signal) -> None:
        routine = self.current_routine()
        if routine is not None:
            signal.emit(routine)

    def set_context(self, context: PlanContext, paused: dict[str, str],
                    was: dict[str, int]) -> None:
        """How routines are planned (levels, voice rate, paused stretches...): the cards'
        lengths and the preview follow it; `paused`: id -> name of the paused stretches,
        `was`: exercise id -> the level it was at before progression moved it."""
        if (context, paused, was) == (self._context, self._paused, self._was):
            return
        self._context, self._paused, self._was = context, dict(paused), dict(was)
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            item.setData(context.plan(item.data(ROUTINE_ROLE)), PLAN_ROLE)
        self._show_current()

    def current_routine(self) -> Routine | None:
        index = self.list.currentIndex()
        return index.data(ROUTINE_ROLE) if index.isValid() else None

    def show_day(self, text: str) -> None:
        """Today's sessions against the target, the streak and the next reminder."""
        self.today.setText(text)
        self.today.setVisible(bool(text))

    def select(self, routine_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROUTINE_ROLE).id == routine_id:
                self.list.setCurrentIndex(index)
                break
        else:
            if self.proxy.rowCount():
                self.list.setCurrentIndex(self.proxy.index(0, 0))
        # chosen before the list had its size, it scrolled to show the row in a sliver
        # of a view: once laid out, show it again from as near the top as it can be
        QTimer.singleShot(0, self, self._scroll_to_current)  # (not once self is gone)

    def _scroll_to_current(self) -> None:
        self.list.scrollTo(self.list.currentIndex(),
                           QAbstractItemView.ScrollHint.PositionAtCenter)

    def _on_filters_changed(self) -> None:
        keep = self.current_routine()
        text = self.search.text().strip().lower()
        self.proxy.set_filters(self.position.currentData(), self.equipment.currentData(), text)
        shown = [self.proxy.index(r, 0).data(ROUTINE_ROLE) for r in range(self.proxy.rowCount())]
        # What was typed picks the routine whose name matches best; filters keep the choice.
        named = [r for r in shown if text and r.name.lower().startswith(text)] or \
                [r for r in shown if text and text in r.name.lower()]
        if named:
            self.select(named[0].id)
        elif keep is not None:
            self.select(keep.id)
        self._show_current()

    def _on_list_current_changed(self, *_args) -> None:
        self._show_current()

    def _show_current(self) -> None:
        routine = self.current_routine()
        mine = routine is not None and not routine.built_in
        self.duplicate.setEnabled(routine is not None)
        self.edit.setEnabled(routine is not None)
        self.delete.setEnabled(mine)
        index = self.list.currentIndex()
        if index.isValid():
            self.preview.show_routine(index.data(ROUTINE_ROLE), index.data(PLAN_ROLE),
                                      self._paused, self._was)
        else:
            self.preview.show_routine(None, None)
        shown = (routine, index.data(PLAN_ROLE) if index.isValid() else None)
        if shown[0] is not self._announced[0] or shown[1] is not self._announced[1]:
            self._announced = shown  # the window re-plans and warms the voice: only on news
            self.current_changed.emit(routine)

    def _on_preview_start_clicked(self) -> None:
        routine = self.current_routine()
        if routine is not None:
            self.start_requested.emit(routine)
