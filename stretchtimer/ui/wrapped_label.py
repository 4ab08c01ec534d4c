"""A word-wrapped label that claims the height its lines need at its width. Qt's box
layouts size a wrapped label nested in a row by its size hint, not by its height for
width, and cut off its last line when the text is large (200 %)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from stretchtimer.ui.guard import guarded


class WrappedLabel(QLabel):
    def __init__(self, text: str = "", min_lines: int = 1) -> None:
        """`min_lines`: as tall as this many lines at the least, so that a text one line
        shorter than the last does not move everything under it."""
        super().__init__(text)
        self.setWordWrap(True)
        self.min_lines = min_lines

    def _claim(self) -> None:
        need = max(self.heightForWidth(self.width()),
                   self.min_lines * self.fontMetrics().lineSpacing())
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    @guarded
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._claim()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._claim()

    @guarded
    def changeEvent(self, event) -> None:  # a new font (the text size) needs other lines
        super().changeEvent(event)
        self._claim()
