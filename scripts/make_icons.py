"""Render resources/icons/app.svg into the PNG sizes the window uses and the Windows .ico.

A developer tool: run after changing the SVG and commit what it writes.  Qt draws the PNGs
(QtSvg), Pillow packs the .ico that PyInstaller stamps on the executables and the MSI shows.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> None:
    """Write app_<size>.png for each size and app.ico holding all of them."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "app.svg"))
    images = []
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"app_{size}.png"))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        images.append(Image.open(io.BytesIO(bytes(data))).convert("RGBA"))
    images[-1].save(ICONS / "app.ico", sizes=[(s, s) for s in PNG_SIZES],
                    append_images=images[:-1])
    del app
    print(f"wrote {len(PNG_SIZES)} PNGs and app.ico into {ICONS}")


if __name__ == "__main__":
    main()
