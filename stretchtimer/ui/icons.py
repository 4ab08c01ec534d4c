"""SVG icons drawn in the palette's colour at whatever size and pixel ratio is asked,
so they stay crisp on hi-DPI screens and readable in light, dark and high contrast."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from stretchtimer.resources import assets


@cache
def _svg(name: str) -> bytes:
    return (assets() / "icons" / f"{name}.svg").read_bytes()


class _SvgEngine(QIconEngine):
    def __init__(self, name: str, color: QColor) -> None:
        super().__init__()
        self._name = name
        self._color = QColor(color)
        data = _svg(name).replace(b"currentColor", self._color.name().encode())
        self._renderer = QSvgRenderer(QByteArray(data))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)
        self._renderer.render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pm = QPixmap(size)
        pm.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pm)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pm

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._name, self._color)


def icon(name: str, color: QColor) -> QIcon:
    return QIcon(_SvgEngine(name, color))
