"""Draw the app icon (two overlapping circles: science and industry innovation fusing) with Qt.

Writes resources/icons/fusion-assessor.png (256 px) and fusion-assessor.ico (16–256 px).
Run `python scripts/make_icon.py` after changing the drawing; the outputs are committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPen

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    grad = QLinearGradient(QPointF(0, 0), QPointF(size, size))
    grad.setColorAt(0, QColor("#1e5aa8"))
    grad.setColorAt(1, QColor("#0f3a73"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(grad))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)
    p.setPen(QPen(QColor("white"), max(1.5, 14 * s)))
    p.setBrush(QColor(255, 255, 255, 60))
    p.drawEllipse(QPointF(100 * s, 128 * s), 62 * s, 62 * s)
    p.setBrush(QColor(255, 196, 61, 150))
    p.drawEllipse(QPointF(156 * s, 128 * s), 62 * s, 62 * s)
    p.end()
    return img


def main() -> int:
    QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    ok = draw(256).save(str(OUT / "fusion-assessor.png"), "PNG")
    ok &= write_ico(OUT / "fusion-assessor.ico", [draw(n) for n in ICO_SIZES])
    return 0 if ok else 1


def write_ico(path: Path, images: list[QImage]) -> bool:
    """A multi-size .ico with PNG-compressed entries (Windows Vista+), written without Qt's ico plugin."""
    import struct

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    blobs = []
    for img in images:
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        img.save(buf, "PNG")
        blobs.append(bytes(data))
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for img, blob in zip(images, blobs, strict=True):
        w = img.width() if img.width() < 256 else 0
        entries += struct.pack("<BBBBHHII", w, w, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(head + entries + b"".join(blobs))
    return True


if __name__ == "__main__":
    sys.exit(main())
