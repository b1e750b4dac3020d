"""The renderer desktop injects: charts drawn by the GUI's chart classes, PDF by Qt.

core never imports Qt; a caller that has a renderer passes it to `write_report`, which asks it
for chart images and the PDF. Without a renderer, Word gets each chart's table and a note,
Excel its native charts, and PDF is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from .document import Document, Figure

DPI = 300
CM_PER_INCH = 2.54


class Renderer(Protocol):
    def chart_png(self, figure: Figure, width_px: int, dpi: int) -> bytes:
        """The whole chart (title, legend, axes) as PNG, `width_px` wide."""

    def pdf(self, html: str, images: Mapping[str, bytes], path: Path) -> None:
        """Lay the HTML out on A4 with page numbers and an embedded CJK font; write `path` atomically."""


def width_px(figure: Figure, dpi: int = DPI) -> int:
    """Pixels for the figure's printed width at `dpi` (15.6 cm at 300 dpi → 1843 px)."""
    return round(figure.width_cm / CM_PER_INCH * dpi)


def chart_images(document: Document, renderer: Renderer | None, dpi: int = DPI, cancel=None) -> dict[int, bytes]:
    """Figure number → PNG; empty without a renderer."""
    if renderer is None:
        return {}
    out = {}
    for figure in document.figures:
        if cancel is not None:
            cancel()
        out[figure.number] = renderer.chart_png(figure, width_px(figure, dpi), dpi)
    return out
