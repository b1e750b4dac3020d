"""The renderer desktop injects: charts drawn by the GUI's chart classes, PDF by Qt.

core never imports Qt; a caller that has a renderer passes it to `write_report`, which asks it
to draw the charts and lay out the PDF. The drawn charts stay in the renderer's own image type
(encoded as PNG for Word and for figure files, handed as they are to the PDF layout). Without a
renderer, Word gets each chart's table and a note, Excel its native charts, and PDF is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from .document import Document, Figure

DPI = 300
CM_PER_INCH = 2.54


class Renderer(Protocol):
    def chart_image(self, figure: Figure, width_px: int, dpi: int) -> Any:
        """The whole chart (title, legend, axes) drawn `width_px` wide, in the renderer's image type."""

    def png(self, image: Any, dpi: int) -> bytes:
        """A drawn chart as PNG with its resolution (`dpi`) recorded."""

    def pdf(self, html: str, images: Mapping[str, Any], path: Path) -> None:
        """Lay the HTML out on A4 with page numbers and an embedded CJK font; write `path` atomically.
        `images` maps the HTML's image names to drawn charts (`chart_image`)."""


def width_px(figure: Figure, dpi: int = DPI) -> int:
    """Pixels for the figure's printed width at `dpi` (15.6 cm at 300 dpi → 1843 px)."""
    return round(figure.width_cm / CM_PER_INCH * dpi)


def chart_images(
    document: Document, renderer: Renderer | None, dpi: int = DPI, cancel=None, png: bool = False
) -> dict[int, Any]:
    """Figure number → drawn chart (`Renderer.chart_image`), or its PNG bytes; empty without a renderer."""
    if renderer is None:
        return {}
    out = {}
    for figure in document.figures:
        if cancel is not None:
            cancel()
        image = renderer.chart_image(figure, width_px(figure, dpi), dpi)
        out[figure.number] = renderer.png(image, dpi) if png else image
    return out
