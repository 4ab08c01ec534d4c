"""The one way a part of a screen scrolls when it does not fit (a small screen, large
text): a frameless scroll area whose content takes its width."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scroll_area(widget: QWidget | None = None, horizontal: bool = False) -> QScrollArea:
    """`widget` in a frameless scroll area, resized to its width and height; `horizontal`:
    a horizontal scroll bar when it is wider (else it is kept to the area's width)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if not horizontal:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if widget is not None:
        area.setWidget(widget)
    return area
