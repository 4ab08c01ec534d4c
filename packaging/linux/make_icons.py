"""Render the app icon for the Linux icon theme (hicolor).

    .venv/bin/python packaging/linux/make_icons.py

reads assets/icons/stretchtimer.svg and writes, next to this script,
    icons/hicolor/<N>x<N>/apps/org.stretchtimer.StretchTimer.png   for N in SIZES
    icons/hicolor/scalable/apps/org.stretchtimer.StretchTimer.svg  (a copy of the SVG)
The PNGs are committed; run this again after changing the SVG.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

APP_ID = "org.stretchtimer.StretchTimer"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "assets" / "icons" / "stretchtimer.svg"
OUT = HERE / "icons" / "hicolor"


def render(source: Path = SOURCE, out: Path = OUT, sizes=SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {source} as SVG")
    written = []
    for n in sizes:
        image = QImage(n, n, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)  # fills the whole image; the icon's viewBox is square
        painter.end()
        target = out / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        # Straight (not premultiplied) alpha in the file; for PNG, quality 0 = most compressed.
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(target), "PNG", 0):
            raise SystemExit(f"make_icons: cannot write {target}")
        written.append(target)
    svg = out / "scalable" / "apps" / f"{APP_ID}.svg"
    svg.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, svg)
    written.append(svg)
    return written


def main() -> None:
    for path in render():
        print(path.relative_to(HERE.parent.parent))


if __name__ == "__main__":
    main()
