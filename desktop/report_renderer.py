"""The report renderer desktop injects into core.report: charts drawn by the GUI's own chart
classes (desktop/charts), PDF laid out by Qt (QTextDocument → QPdfWriter, A4, page numbers,
the app's CJK font embedded). Needs a QApplication (the GUI's, or one made by `ensure_app`)."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping
from pathlib import Path

from core.report import ChartSpec, Figure

from . import style
from .charts.base import CM_TO_LOGICAL

# GB/T 9704 margins (left 28, top 37, right 26, bottom 35 mm) less the 2 cm QTextDocument.print_ adds
# inside the printer's page when it paginates (and where it puts the page numbers).
PRINT_MARGIN_MM = 20.0
MARGINS_MM = tuple(m - PRINT_MARGIN_MM for m in (28.0, 37.0, 26.0, 35.0))
M_PER_INCH = 0.0254
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_LEVEL = 1  # files as large as QImage.save's; level 6 makes them a quarter smaller and takes twice as long


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(image, dpi: int) -> bytes:
    """An opaque chart QImage as an 8-bit RGB PNG with its resolution recorded (so Word places it at
    its printed size). Rows unfiltered, one zlib stream: the same pixels as `QImage.save`, 4× faster
    (libpng's adaptive row filters cost most of its time; charts are flat colour and thin lines)."""
    import numpy as np
    from PySide6.QtGui import QImage

    if image.isNull():
        raise OSError("PNG encoding failed: the chart has no pixels")
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = rgb.width(), rgb.height()
    rows = np.zeros((height, 1 + 3 * width), np.uint8)  # each row: filter type 0 (none), then R G B …
    rows[:, 1:] = np.frombuffer(rgb.constBits(), np.uint8).reshape(height, rgb.bytesPerLine())[:, : 3 * width]
    per_metre = round(dpi / M_PER_INCH)
    return b"".join(
        (
            PNG_SIGNATURE,
            _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),  # 8-bit RGB
            _png_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),  # pixels per metre
            _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), PNG_LEVEL)),
            _png_chunk(b"IEND", b""),
        )
    )


def ensure_app():
    """The running QApplication, or a new offscreen-capable one with the app's fonts (command line)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([])
        from . import fonts

        fonts.apply(app)
    return app


def _scatter(spec: ChartSpec):
    """Level × momentum of every region, the report's own region highlighted, quadrant names in the corners."""
    from .charts.plots import Point, QuadrantScatter

    chart = QuadrantScatter(spec.title)
    xs, ys = spec.series[0].values, spec.series[1].values
    points = [
        Point(name, float(x), float(y), highlight=name == spec.highlight)
        for name, x, y in zip(spec.x_labels, xs, ys, strict=True)
        if x is not None and y is not None
    ]
    corners = tuple(spec.corners) if len(spec.corners) == 4 else ("", "", "", "")
    chart.set_data(points, spec.x_label, spec.y_label, corners, spec.split)
    return chart


def _radar(spec: ChartSpec):
    from .charts.plots import RadarChart

    chart = RadarChart(spec.title)
    colors = (style.ACCENT, style.NATION_COLOR, *style.SERIES_COLORS)
    chart.set_data(
        list(spec.x_labels),
        [(s.name, list(s.values), colors[i % len(colors)], s.dashed) for i, s in enumerate(spec.series)],
    )
    return chart


def _tilemap(spec: ChartSpec):
    """The tile-grid map; the title is the figure's caption in the report, so the frame shows none."""
    from .charts.tilemap import TileMap

    chart = TileMap("")
    chart.title.hide()
    chart.set_spec(spec)
    return chart


def make_chart(spec: ChartSpec):
    """The GUI chart class for a chart spec, filled with its data."""
    from .charts.plots import GroupedBarChart, LineChart, Series

    if spec.kind == "tilemap":
        return _tilemap(spec)
    if spec.kind == "scatter":
        return _scatter(spec)
    if spec.kind == "radar":
        return _radar(spec)
    colors = (style.TOTAL_COLOR, style.NATION_COLOR, *style.SERIES_COLORS)
    if spec.kind == "line":
        chart = LineChart(spec.title, y_label=spec.y_label)
        xs = [float(x) for x in spec.x_labels]
        series = [
            Series(s.name, xs, list(s.values), colors[i % len(colors)], estimated=list(s.estimated), dashed=s.dashed)
            for i, s in enumerate(spec.series)
        ]
        chart.set_data(series, x_ticks=[int(x) for x in xs])
        return chart
    chart = GroupedBarChart(spec.title)
    chart.set_data(
        list(spec.x_labels),
        [s.name for s in spec.series],
        [list(s.values) for s in spec.series],
        [style.PRIMARY, style.NATION_COLOR, *style.SERIES_COLORS],
        baseline=spec.baseline,
    )
    return chart


class _GuiThread:
    """Runs a function on the GUI thread and returns its result: chart widgets and the PDF layout
    live there, while an export task calls the renderer from a worker thread."""

    def __init__(self, app):
        from PySide6.QtCore import QObject, Qt, Signal, Slot

        class Bridge(QObject):
            call = Signal(object)

            @Slot(object)
            def run(self, job) -> None:
                job()

        self.app = app
        self.bridge = Bridge()
        self.bridge.moveToThread(app.thread())
        self.bridge.call.connect(self.bridge.run, Qt.ConnectionType.BlockingQueuedConnection)

    def run(self, fn, *args):
        from PySide6.QtCore import QThread

        if QThread.currentThread() is self.app.thread():
            return fn(*args)
        out = {}

        def job():
            try:
                out["value"] = fn(*args)
            except BaseException as exc:  # re-raised in the worker, which reports it
                out["error"] = exc

        self.bridge.call.emit(job)
        if "error" in out:
            raise out["error"]
        return out["value"]


class QtRenderer:
    """core.report.render.Renderer with Qt; callable from a worker thread (the drawing happens on the GUI thread)."""

    def __init__(self):
        self.app = ensure_app()
        self.gui = _GuiThread(self.app)

    def chart_image(self, figure: Figure, width_px: int, dpi: int):
        """The chart as a QImage `width_px` wide (drawn on the GUI thread; a QImage may cross threads)."""
        return self.gui.run(self._chart_image, figure, width_px, dpi)

    def png(self, image, dpi: int) -> bytes:
        return png_bytes(image, dpi)

    def chart_png(self, figure: Figure, width_px: int, dpi: int) -> bytes:
        return self.png(self.chart_image(figure, width_px, dpi), dpi)

    def pdf(self, html: str, images: Mapping[str, object], path: Path) -> None:
        self.gui.run(self._pdf, html, images, path)

    def _chart_image(self, figure: Figure, width_px: int, dpi: int):
        from PySide6.QtCore import QCoreApplication, QEvent, QSize

        chart = make_chart(figure.chart)
        chart.settle_axes = False  # the figures as they have always been drawn (axes as after one paint)
        try:
            chart.resize(QSize(round(figure.width_cm * CM_TO_LOGICAL), round(figure.height_cm * CM_TO_LOGICAL)))
            chart.show()  # a never-shown plot has no geometry (spec 04)
            self.app.processEvents()
            image = chart.image(width_px)
        finally:
            chart.close()
            chart.deleteLater()
            # now, not when an event loop next runs: the command line and batch exports have none,
            # and every hidden chart (with its scene and backing store) would stay until exit
            QCoreApplication.sendPostedEvents(chart, QEvent.Type.DeferredDelete)
        image.setDevicePixelRatio(1.0)  # plain pixels at `dpi`, as a PNG of it reads back
        image.setDotsPerMeterX(round(dpi / M_PER_INCH))
        image.setDotsPerMeterY(round(dpi / M_PER_INCH))
        return image

    def _pdf(self, html: str, images: Mapping[str, object], path: Path) -> None:
        from PySide6.QtCore import QMarginsF, QUrl
        from PySide6.QtGui import QFont, QFontDatabase, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

        from core.kernel import atomic_path

        from . import fonts

        doc = QTextDocument()
        family = fonts.choose_family()
        font = QFont(self.app.font())
        if family:
            # A Latin face first: Latin letters and digits set in the CJK face lose their text in the
            # PDF (copy and pdftotext give "U = ." for "U1 = 0.550"); CJK characters fall back to it.
            installed = set(QFontDatabase.families())
            latin = [f for f in fonts.LATIN_FALLBACKS if f in installed][:1]
            font.setFamilies([*latin, family, *fonts.LATIN_FALLBACKS])
        font.setPointSizeF(12)
        doc.setDefaultFont(font)
        for name, image in images.items():  # drawn on white, so opaque: the writer need not scan for a mask
            opaque = image.convertToFormat(QImage.Format.Format_RGB32)
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), opaque)
        doc.setHtml(html)
        with atomic_path(path) as tmp:
            writer = QPdfWriter(str(tmp))
            writer.setResolution(300)
            writer.setTitle(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
            left, top, right, bottom = MARGINS_MM
            writer.setPageLayout(
                QPageLayout(
                    QPageSize(QPageSize.PageSizeId.A4),
                    QPageLayout.Orientation.Portrait,
                    QMarginsF(left, top, right, bottom),
                    QPageLayout.Unit.Millimeter,
                )
            )
            doc.print_(writer)  # adds page numbers at the foot of each page
