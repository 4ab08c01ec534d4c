"""A picture of a stretch: the exercise's SVG line figure (assets/figures, or beside the
user's routine file), drawn in the palette's colours and mirrored for the other side.

The figures are drawn with three colours only (the person, the props, the muscle being
stretched); they are swapped for the palette's at load, so a figure follows light, dark
and high contrast. QtSvg is loaded when the first figure is shown, not at startup."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from stretchtimer.core.routine import Exercise, Routine
from stretchtimer.resources import assets
from stretchtimer.ui.guard import guarded
from stretchtimer.ui.theme import figure_colours

INK, PROPS, STRETCHED = "#1d2430", "#8a94a6", "#e8743b"  # as the figures are drawn
MAX_BYTES = 64 * 1024  # a figure is a few KB; anything bigger is not one of ours


def figure_file(exercise: Exercise, routine: Routine | None = None) -> Path | None:
    """The exercise's picture: beside its routine's file, else among the shipped figures;
    None when it has none (or the file is not there)."""
    if not exercise.image:
        return None
    places = [routine.file.parent] if routine is not None and routine.file else []
    for folder in [*places, Path(str(assets() / "figures"))]:  # a real folder: the wheel's
        path = folder / exercise.image
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=64)
def _svg(path: Path, stamp: int, ink: str, props: str, stretched: str) -> bytes | None:
    """The file's SVG in these colours (None: not one that can be shown)."""
    try:
        data = path.read_bytes()[:MAX_BYTES + 1]
    except OSError:
        return None
    if len(data) > MAX_BYTES:
        return None
    text = data.decode("utf-8", errors="replace")
    for drawn, shown in ((INK, ink), (PROPS, props), (STRETCHED, stretched)):
        text = text.replace(drawn, shown).replace(drawn.upper(), shown)
    return text.encode()


class FigureView(QWidget):
    """Shows one figure, as large as it fits while keeping its shape."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.mirrored = False
        self._renderer = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(96, 96)
        self.hide()

    def sizeHint(self) -> QSize:
        return QSize(240, 240)

    def show_figure(self, path: Path | None, mirrored: bool = False, name: str = "") -> None:
        """`path` None: no picture (the view hides). `name`: what a screen reader says.
        The file is read when the view is first painted (not before the window's first
        paint), and a file Qt cannot draw hides the view then."""
        if (path, mirrored) != (self.path, self.mirrored):
            self.path, self.mirrored = path, mirrored
            self._renderer = None
        self.setAccessibleName(name)
        self.setVisible(path is not None)
        self.update()

    def loaded(self) -> bool:
        """The figure is one Qt could read (a test asks)."""
        return self._load() is not None

    def _load(self):
        if self._renderer is None and self.path is not None:
            from PySide6.QtSvg import QSvgRenderer  # loaded when a figure is first shown

            ink, props, stretched = figure_colours(self.palette(), QApplication.instance())
            try:
                stamp = self.path.stat().st_mtime_ns
            except OSError:
                return None
            data = _svg(self.path, stamp, ink.name(), props.name(), stretched.name())
            renderer = QSvgRenderer(QByteArray(data)) if data else None
            self._renderer = renderer if renderer is not None and renderer.isValid() else None
        return self._renderer

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.PaletteChange:  # light, dark or high contrast
            self._renderer = None
            self.update()
        super().changeEvent(event)

    @guarded
    def paintEvent(self, _event) -> None:
        renderer = self._load()
        if renderer is None:
            QTimer.singleShot(0, self.hide)  # not a picture Qt can draw: no empty frame
            return
        size = renderer.defaultSize().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x, y = (self.width() - size.width()) / 2, (self.height() - size.height()) / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.mirrored:  # the other side: the same pose, seen in a mirror
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        renderer.render(painter, QRectF(x, y, size.width(), size.height()))
        painter.end()


def mirrored_for(exercise: Exercise, side) -> bool:
    """A figure is drawn for the side the routine starts with; the other is its mirror."""
    from stretchtimer.core.routine import Side, Sides

    if exercise.sides != Sides.LEFT_RIGHT or side is None:
        return False
    return side == Side.LEFT
