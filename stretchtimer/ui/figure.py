"""A picture of a stretch: the exercise's SVG line figure (assets/figures, or beside the
user's routine file), drawn in the palette's colours and mirrored for the other side.

The figures are drawn with three colours only (the person, the props, the muscle being
stretched); they are swapped for the palette's at load, so a figure follows light, dark
and high contrast. QtSvg is loaded when the first figure is shown, not at startup."""

from __future__ import annotations

import re
import stat
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from stretchtimer.core.routine import Exercise, Routine
from stretchtimer.resources import figures_dir
from stretchtimer.storage.user_routines import read_picture
from stretchtimer.ui.guard import guarded
from stretchtimer.ui.i18n import tr
from stretchtimer.ui.theme import figure_colours

INK, PROPS, STRETCHED = "#1d2430", "#8a94a6", "#e8743b"  # as the figures are drawn
def picture_name(what: str) -> str:
    """A picture's name for a screen reader: "Picture: Standing hamstring stretch"."""
    return tr("Picture: {name}").format(name=what)


def figure_title(name: str) -> str:
    """What a shipped figure shows, for choosing one (the editor); others by file name."""
    titles = {
        "band-hamstring.svg": tr("Hamstring with a band, lying"),
        "belly-breathing.svg": tr("Belly breathing, seated"),
        "calm-breaths.svg": tr("Calm breaths, leaning back"),
        "desk-hip-flexor.svg": tr("Hip flexor, facing a desk"),
        "easy-lap.svg": tr("Easy lap, walking"),
        "foot-ball-roll.svg": tr("Ball under the foot, seated"),
        "lying-brace.svg": tr("Core brace, lying"),
        "runners-lunge.svg": tr("Runner's lunge"),
        "seated-brace.svg": tr("Core brace, seated"),
        "seated-breaths.svg": tr("Slow breaths, seated"),
        "seated-hamstring.svg": tr("Hamstring, on the edge of a chair"),
        "standing-breaths.svg": tr("Slow breaths, standing"),
        "standing-hamstring.svg": tr("Hamstring, standing at a desk"),
        "step-hamstring.svg": tr("Hamstring, heel on a step"),
        "towel-hamstring.svg": tr("Hamstring with a towel, lying"),
        "wall-hamstring.svg": tr("Hamstring up a door frame, lying"),
    }
    return titles.get(name, name)


_UNDRAWABLE: set[Path] = set()  # files Qt could not draw: not shown (or tried) again


def figure_file(exercise: Exercise, routine: Routine | None = None) -> Path | None:
    """The exercise's picture: beside its routine's file, else among the shipped figures;
    None when it has none (or the file is not there)."""
    if not exercise.image:
        return None
    places = [routine.file.parent] if routine is not None and routine.file else []
    for folder in [*places, figures_dir()]:
        path = folder / exercise.image
        try:
            if stat.S_ISREG(path.lstat().st_mode):  # a plain file, not a link elsewhere
                return path
        except OSError:
            continue
    return None


# What a line figure never needs, and what makes Qt's renderer slow (filters, <use> chains)
# or reach outside the file (images by path, entities).
_REFUSED = re.compile(rb"<!DOCTYPE|<!ENTITY|<image|<use|<filter|<foreignObject|xlink:href",
                      re.IGNORECASE)
_DRAWN = re.compile("|".join((INK, PROPS, STRETCHED)), re.IGNORECASE)


@lru_cache(maxsize=64)
def _svg(path: Path, stamp: int, ink: str, props: str, stretched: str) -> bytes | None:
    """The file's SVG in these colours (None: not one that can be shown)."""
    data = read_picture(path)  # a plain file, never more than a figure's size
    if data is None or _REFUSED.search(data):
        return None
    shown = {INK: ink, PROPS: props, STRETCHED: stretched}
    text = _DRAWN.sub(lambda m: shown[m.group(0).lower()],
                      data.decode("utf-8", errors="replace"))  # one pass: none twice
    return text.encode()


class FigureView(QWidget):
    """Shows one figure, as large as it fits while keeping its shape."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.mirrored = False
        self._renderer = None
        self._drawn: tuple[tuple, QPixmap] | None = None  # the last picture, at its size
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
            self._renderer, self._drawn = None, None
        self.setAccessibleName(name)
        self.setVisible(path is not None and path not in _UNDRAWABLE)  # no flicker
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
            renderer = None
            if data:
                from PySide6.QtSvg import QtSvg

                renderer = QSvgRenderer()
                renderer.setOptions(QtSvg.Option.Tiny12FeaturesOnly)  # no slow extras
                renderer.load(QByteArray(data))
            self._renderer = renderer if renderer is not None and renderer.isValid() else None
            if self._renderer is None:
                _UNDRAWABLE.add(self.path)
        return self._renderer

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.PaletteChange:  # light, dark or high contrast
            self._renderer, self._drawn = None, None
            self.update()
        super().changeEvent(event)

    def _picture(self) -> QPixmap | None:
        """The figure drawn at this size (once: a paint only copies it)."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, self.mirrored)
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        renderer = self._load()
        if renderer is None:
            return None
        size = renderer.defaultSize().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.mirrored:  # the other side: the same pose, seen in a mirror
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        x, y = (self.width() - size.width()) / 2, (self.height() - size.height()) / 2
        renderer.render(painter, QRectF(x, y, size.width(), size.height()))
        painter.end()
        self._drawn = (key, pixmap)
        return pixmap

    @guarded
    def paintEvent(self, _event) -> None:
        picture = self._picture()
        if picture is None:
            QTimer.singleShot(0, self.hide)  # not a picture Qt can draw: no empty frame
            return
        painter = QPainter(self)
        painter.drawPixmap(0, 0, picture)
        painter.end()


def mirrored_for(exercise: Exercise, side) -> bool:
    """A figure is drawn for the side a routine starts with (plan.FIRST_SIDE: the right,
    facing right, right limbs nearest); the other side is its mirror."""
    from stretchtimer.core.plan import FIRST_SIDE
    from stretchtimer.core.routine import Sides

    if exercise.sides != Sides.LEFT_RIGHT or side is None:
        return False
    return side != FIRST_SIDE
