"""Colours: the system palette (so light and dark follow the desktop), a high-contrast
palette on request, and one accent colour per phase of a routine."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from stretchtimer.core.plan import Kind
from stretchtimer.core.routine import Side


def phase_word(kind: Kind) -> str:
    """The phase's word on screen, in the UI's language."""
    from stretchtimer.ui.i18n import tr

    return {Kind.PREPARE: tr("Get ready"), Kind.HOLD: tr("Hold"), Kind.REST: tr("Rest"),
            Kind.SWITCH: tr("Switch sides"), Kind.NEXT: tr("Next up"),
            Kind.DONE: tr("Done")}[kind]

# Accents chosen to stay distinguishable in light and dark palettes.
_PHASE_COLOURS = {
    Kind.PREPARE: "#d98c00",
    Kind.HOLD: "#1f9e6e",
    Kind.REST: "#3b82c4",
    Kind.SWITCH: "#8a5cc7",
    Kind.NEXT: "#d98c00",
    Kind.DONE: "#1f9e6e",
}
SIDE_COLOURS = {Side.LEFT: "#2f6fdf", Side.RIGHT: "#d9480f"}
_HIGH_CONTRAST_ACCENT = "#ffd800"
_HIGH_CONTRAST_MUTED = "#9a9a9a"  # disabled text and placeholders: 7:1 on black, not white
# On black, styles draw the frames of fields, boxes and bars in a shade of the window
# colour, that is black: high contrast draws them white (grey when disabled).
HIGH_CONTRAST_FRAMES = f"""
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QListView, QProgressBar {{
    border: 1px solid #ffffff; border-radius: 2px; }}
QLineEdit:disabled, QAbstractSpinBox:disabled, QComboBox:disabled {{
    border-color: {_HIGH_CONTRAST_MUTED}; }}
QProgressBar {{ text-align: center; }}
QProgressBar::chunk {{ background: {_HIGH_CONTRAST_ACCENT}; }}
QCheckBox::indicator {{
    width: 14px; height: 14px; border: 2px solid #ffffff; background: #000000; }}
QCheckBox::indicator:checked {{ background: {_HIGH_CONTRAST_ACCENT}; }}
QCheckBox::indicator:disabled {{ border-color: {_HIGH_CONTRAST_MUTED}; }}
"""


def is_high_contrast(app: QApplication) -> bool:
    return bool(app.property("high_contrast"))


def phase_colour(kind: Kind, app: QApplication) -> QColor:
    if is_high_contrast(app):
        return QColor(_HIGH_CONTRAST_ACCENT)
    return QColor(_PHASE_COLOURS[kind])


def side_colour(side: Side, app: QApplication) -> QColor:
    if is_high_contrast(app):
        return QColor(_HIGH_CONTRAST_ACCENT if side == Side.RIGHT else "#00e5ff")
    return QColor(SIDE_COLOURS[side])


def apply_high_contrast(app: QApplication, on: bool, system: QPalette) -> None:
    """Switch between the system palette and a black / white / yellow one."""
    app.setProperty("high_contrast", on)
    if not on:
        app.setPalette(system)
        return
    p = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor(_HIGH_CONTRAST_ACCENT)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base,
                 QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Button,
                 QPalette.ColorRole.ToolTipBase):
        p.setColor(role, black)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText, QPalette.ColorRole.ToolTipText,
                 QPalette.ColorRole.BrightText, QPalette.ColorRole.PlaceholderText):
        p.setColor(role, white)
    p.setColor(QPalette.ColorRole.Highlight, yellow)
    p.setColor(QPalette.ColorRole.HighlightedText, black)
    p.setColor(QPalette.ColorRole.Link, yellow)
    p.setColor(QPalette.ColorRole.Mid, white)
    p.setColor(QPalette.ColorRole.Dark, white)
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(_HIGH_CONTRAST_MUTED))  # not input
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):  # what cannot be used now looks it
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(_HIGH_CONTRAST_MUTED))
    app.setPalette(p)


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def figure_colours(palette: QPalette, app: QApplication | None) -> tuple[QColor, QColor, QColor]:
    """A stretch's figure (ui/figure.py): the person in the text colour, the props half
    way to the background, the stretched muscle in an accent that stands out on it."""
    ink = palette.color(QPalette.ColorRole.WindowText)
    props = _blend(ink, palette.color(QPalette.ColorRole.Window), 0.5)
    # magenta: not the colour of either side's badge (orange / blue, yellow / cyan)
    if app is not None and is_high_contrast(app):
        return ink, props, QColor("#ff66ff")
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return ink, props, QColor("#f07ad0" if dark else "#b0238f")


# One type scale for every screen: sizes as multiples of the user's font size (which
# Settings > Display scales from 80 to 200 %), so every view grows and shrinks together.
TYPE_SCALE = {"display": 2.2, "title": 1.9, "heading": 1.5, "lead": 1.25, "body": 1.0}
SPACING = {"tight": 4, "gap": 8, "line": 12, "section": 16, "page": 24}  # px, margins


def set_type(widget, role: str, bold: bool = False, italic: bool = False) -> None:
    """Give `widget` the font of `role` on the type scale, from the application's font;
    remembered, so that restyle_types can size it again when the text size changes."""
    widget.setProperty("typeRole", (role, bold, italic))
    font = widget.font()
    font.setPointSizeF(QApplication.font().pointSizeF() * TYPE_SCALE[role])
    font.setBold(bold)
    font.setItalic(italic)
    widget.setFont(font)


def restyle_types(app: QApplication) -> None:
    """Every widget given a role by set_type, sized again from the application's font (a
    font set on a widget does not follow the application's when it changes)."""
    for widget in app.allWidgets():
        style = widget.property("typeRole")
        if style:
            set_type(widget, *style)
