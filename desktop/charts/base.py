"""ChartFrame: a titled chart with copy and export (PNG, SVG); the plot is built on first use."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMenu, QToolButton, QToolTip, QVBoxLayout, QWidget

from .. import fonts, style
from . import pg

REPORT_DPI = 300  # the reports' figure resolution (core.report)
CM_TO_LOGICAL = (
    96 / 2.54
)  # Qt's logical pixels per cm: a chart laid out at its printed size prints its fonts at their size


def style_plot(plot, x_label: str = "", y_label: str = "") -> None:
    """Fonts, grid and axis labels for a PlotItem, in the app's CJK font."""
    font = fonts.ui_font(9)
    for name in ("left", "bottom"):
        ax = plot.getAxis(name)
        ax.setStyle(tickFont=font, tickLength=-5)
        ax.setPen(pg().mkPen("#9aa5b1"))
        ax.setTextPen(pg().mkPen(style.TEXT))
    plot.showGrid(x=False, y=True, alpha=0.15)
    label_style = {"color": style.MUTED, "font-size": "9pt", "font-family": font.family()}
    if x_label:
        plot.setLabel("bottom", x_label, **label_style)
    if y_label:
        plot.setLabel("left", y_label, **label_style)
    plot.setMenuEnabled(False)
    plot.hideButtons()


LEGEND_ROW = 26  # logical px of one legend row (9 pt text)
PLOT_LEAST = 150  # logical px the plot and its x-axis keep however many legend rows sit below them


def fit_legend(plot, width: float) -> int:
    """A legend below the plot takes as many columns (up to the caller's) as fit in `width`,
    so a narrow chart (1366×768 at 125 %) wraps its legend instead of widening the scene past the
    view (which cut off the last x tick label). Returns the legend's rows below the plot (0: none)."""
    legend = getattr(plot, "legend", None)
    most = getattr(legend, "max_columns", 0)
    if not most or not legend.items:
        return 0
    from PySide6.QtCore import Qt

    for columns in range(min(most, len(legend.items)), 0, -1):  # the widest layout that fits, as laid out
        if columns != legend.columnCount:
            legend.setColumnCount(columns)
        legend.layout.invalidate()
        if columns == 1 or legend.layout.effectiveSizeHint(Qt.SizeHint.MinimumSize).width() <= width:
            break
    return -(-len(legend.items) // legend.columnCount)


def add_legend(plot, columns: int = 1, below: bool = False):
    """A legend inside the plot's top-left corner, or (`below`) in a row under the x-axis,
    where it can never cover data (line charts whose lines fan out from the base year)."""
    if below:
        legend = pg().LegendItem(labelTextSize="9pt", colCount=columns)
        plot.layout.addItem(legend, 4, 0, 1, 3)  # under the y-axis too: two columns fit a narrow chart
        plot.legend = legend  # items added with a name register here, as with addLegend
        legend.max_columns = columns  # fit_legend lowers the columns when the chart is narrow
        return legend
    legend = plot.addLegend(offset=(8, 8), labelTextSize="9pt", colCount=columns)
    legend.setBrush(pg().mkBrush(255, 255, 255, 215))
    legend.setPen(pg().mkPen("#dde3ea"))
    return legend


_AXIS_CLASS = None


def axis_class():
    """pyqtgraph's AxisItem drawing its ticks and labels straight onto the painter. The stock one
    records them in a QPicture and replays it on every paint, and replaying text lays each label
    out again (a third of a chart's drawing time). The draw specs are kept until pyqtgraph
    invalidates them (it resets `picture` to None whenever the range, size or style changes)."""
    global _AXIS_CLASS
    if _AXIS_CLASS is None:
        from PySide6.QtGui import QPicture

        class DirectAxis(pg().AxisItem):
            specs = None

            def measure(self) -> None:
                """Ticks and label places for the current range and size; the labels' size sets the
                axis' width or height (pyqtgraph resizes the axis when it changes)."""
                picture = QPicture()  # measured as the stock axis measures (same device metrics)
                painter = QPainter(picture)
                try:
                    if self.style["tickFont"]:
                        painter.setFont(self.style["tickFont"])
                    self.specs = self.generateDrawSpecs(painter)
                finally:
                    painter.end()
                self.picture = picture

            def paint(self, p, opt, widget):
                if self.picture is None:
                    self.measure()
                if self.specs is not None:
                    p.save()
                    self.drawPicture(p, *self.specs)
                    p.restore()

        _AXIS_CLASS = DirectAxis
    return _AXIS_CLASS


def axis_items() -> dict:
    """The shown axes (left, bottom); the hidden top and right ones are never painted."""
    return {name: axis_class()(name) for name in ("left", "bottom")}


class ChartFrame(QWidget):
    """Title + tools + a pyqtgraph PlotWidget (or any QWidget from `make_widget`)."""

    def __init__(self, title: str = "", parent=None, min_height: int = 260):
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        head = QHBoxLayout()
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)  # a long (English) title wraps instead of widening the page
        head.addWidget(self.title, 1)
        self.tools = QToolButton()
        self.tools.setObjectName("chartTool")
        self.tools.setText(self.tr("导出 ▾"))
        self.tools.setToolTip(self.tr("复制或导出图表"))
        self.tools.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.tools)
        menu.addAction(self.tr("复制图片"), self.copy_to_clipboard)
        menu.addAction(self.tr("导出 PNG…"), lambda: self._export_dialog("png"))
        menu.addAction(self.tr("导出 PNG（用于报告：A4 版心宽，300 dpi）…"), lambda: self._export_dialog("report"))
        menu.addAction(self.tr("导出 SVG…"), lambda: self._export_dialog("svg"))
        self.tools.setMenu(menu)
        head.addWidget(self.tools)
        v.addLayout(head)
        self.caption = QLabel("")
        self.caption.setObjectName("muted")
        self.caption.setWordWrap(True)
        self.caption.hide()
        self.view = self.make_widget()
        self.view.setMinimumHeight(min_height)
        self.min_height = min_height
        v.addWidget(self.view, 1)
        self.hint = QLabel("")  # shown instead of an empty plot (set_empty)
        self.hint.setObjectName("empty")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMinimumHeight(min_height)
        self.hint.hide()
        v.addWidget(self.hint, 1)
        v.addWidget(self.caption)

    def minimumSizeHint(self) -> QSize:
        """The plot's minimum plus the title and caption wrapped at the current width (a squeezed
        frame would otherwise let the caption overlap the x-axis)."""
        return QSize(super().minimumSizeHint().width(), self.heightForWidth(max(1, self.width())))

    def heightForWidth(self, width: int) -> int:
        """Title and caption wrapped at `width` around the plot at its minimum height: stable, unlike
        the layout's own (a pyqtgraph view's size hint follows its current size)."""
        parts = [lab for lab in (self.title, self.tools) if not lab.isHidden()]
        head = max((p.heightForWidth(width) if p.hasHeightForWidth() else p.sizeHint().height()) for p in parts)
        body = self.hint if not self.hint.isHidden() else self.view
        height = head + 2 + max(body.minimumHeight(), body.minimumSizeHint().height())
        if not self.caption.isHidden():
            height += 2 + self.caption.heightForWidth(width)
        return height

    # subclasses may return a custom QWidget (radar, gauge)
    def make_widget(self) -> QWidget:
        # no context menu to build (style_plot keeps it off)
        w = pg().PlotWidget(enableMenu=False, axisItems=axis_items())
        self.plot = w.getPlotItem()
        w.scene().sigPrepareForPaint.connect(self._settle_axes)
        style_plot(self.plot)
        return w

    settle_axes = True  # the report renderer draws as it always has: the axes settle after the first paint

    def _settle_axes(self) -> None:
        """Before a paint: the axes whose ticks are out of date measure their labels and the plot
        lays itself out again if that changed an axis' width, so the first paint shows the final
        layout (else pyqtgraph finds the labels' size while painting, and the chart is painted a
        third time)."""
        axes = [self.plot.getAxis(name) for name in ("left", "bottom")]
        stale = [ax for ax in axes if ax.picture is None and ax.isVisible()]
        if not self.settle_axes or not stale:
            return
        for ax in stale:
            ax.measure()
        self.plot.layout.activate()
        self.plot.vb.prepareForPaint()  # its data transform for its new size (it prepared before this)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            from ..widgets import relayout_up

            relayout_up(self)  # the wrapped title and caption (minimumSizeHint) depend on the width
        self.fit_legend()

    def fit_legend(self) -> None:
        """Legend columns for the plot's width; the plot keeps PLOT_LEAST above the legend's rows."""
        plot = getattr(self, "plot", None)
        if plot is None:
            return
        rows = fit_legend(plot, self.width() - 16)  # the view is as wide as the frame; the legend spans the axis
        least = max(self.min_height, PLOT_LEAST + rows * LEGEND_ROW)
        if rows and least != self.view.minimumHeight():
            self.view.setMinimumHeight(least)

    def set_empty(self, hint: str) -> None:
        """No data: show `hint` (what to fill in) instead of drawing empty axes; "" shows the plot again."""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.view.setVisible(not hint)
        self.tools.setEnabled(not hint)

    @property
    def is_empty(self) -> bool:
        return not self.hint.isHidden()

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setVisible(bool(text))

    # -------------------------------------------------------------- export
    def _ensure_laid_out(self) -> None:
        """A never-shown chart has no size (spec 04): give the frame one and lay it out."""
        if self.view.width() < 10 or self.view.height() < 10:
            self.resize(QSize(800, 480))
            self.layout().activate()

    def _parts(self) -> list[QWidget]:
        """What an export shows: the title, the plot (axes and legend inside it) and the caption; not the tools."""
        return [w for w in (self.title, self.view, self.caption) if not w.isHidden()]

    def _paint(self, painter) -> None:
        """Paint the chart's parts at their places in the frame, in logical (widget) coordinates."""
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QRegion
        from PySide6.QtWidgets import QGraphicsView

        for part in self._parts():
            if isinstance(part, QGraphicsView):  # its render() maps source → target; give both
                part.render(painter, QRectF(part.geometry()), part.viewport().rect())
            else:
                part.render(painter, part.geometry().topLeft(), QRegion(), QWidget.RenderFlag.DrawChildren)

    def export_size(self) -> QSize:
        """The logical size of what an export shows (the frame without the tools' margin below)."""
        bottom = max(w.geometry().bottom() for w in self._parts())
        return QSize(self.width(), bottom + 1)

    def image(self, width_px: int | None = None, scale: float = 2.0):
        """The whole chart (title, plot with axes and legend, caption) as a QImage: `width_px` wide,
        or at `scale`× the size on screen. The painter works in logical coordinates; the image's
        device-pixel ratio maps them onto its pixels."""
        from PySide6.QtGui import QImage

        self._ensure_laid_out()
        size = self.export_size()
        if width_px:
            scale = width_px / size.width()
        img = QImage(round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_ARGB32)
        img.setDevicePixelRatio(scale)
        img.fill(Qt.GlobalColor.white)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._paint(p)
        p.end()
        return img

    def png_bytes(self, width_px: int | None = None, dpi: int = 300) -> bytes:
        """PNG of `image(width_px)` with its resolution recorded (so Word places it at its printed size)."""
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        img = self.image(width_px)
        img.setDotsPerMeterX(round(dpi / 0.0254))
        img.setDotsPerMeterY(round(dpi / 0.0254))
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        if not img.save(buf, "PNG"):
            raise OSError("PNG encoding failed")
        buf.close()
        return bytes(data)

    def export_png(self, path: str, width_px: int | None = None) -> bool:
        from core.kernel import atomic_write_bytes

        atomic_write_bytes(path, self.png_bytes(width_px))  # a crash never leaves half a PNG under the user's name
        return True

    def report_png_bytes(self) -> bytes:
        """The "for report" preset: the chart laid out at the report's printed figure size (15.6 × 8.8 cm,
        the A4 text width) so its fonts print at their point size, as the report renderer draws it, and
        encoded at 300 dpi (1843 px wide)."""
        from PySide6.QtWidgets import QApplication

        from core.report import Figure

        figure = Figure(0, "", None)  # the report's default figure size
        old = self.size()
        self.resize(round(figure.width_cm * CM_TO_LOGICAL), round(figure.height_cm * CM_TO_LOGICAL))
        self.layout().activate()
        QApplication.processEvents()  # pyqtgraph lays its scene out on the next event
        try:
            return self.png_bytes(round(figure.width_cm / 2.54 * REPORT_DPI), REPORT_DPI)
        finally:
            self.resize(old)

    def export_report_png(self, path: str) -> bool:
        from core.kernel import atomic_write_bytes

        atomic_write_bytes(path, self.report_png_bytes())
        return True

    def export_svg(self, path: str) -> bool:
        """Vector SVG of the whole chart via QSvgGenerator. Its resolution must be the widgets'
        logical DPI, else pyqtgraph's curves are scaled by 96/72 against the axes."""
        from PySide6.QtSvg import QSvgGenerator

        from core.kernel import atomic_path

        self._ensure_laid_out()
        with atomic_path(path) as tmp:
            gen = QSvgGenerator()
            gen.setFileName(str(tmp))
            gen.setResolution(self.logicalDpiX())
            size = self.export_size()
            gen.setSize(size)
            gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
            gen.setTitle(self.title.text())
            p = QPainter(gen)
            self._paint(p)
            p.end()
        return True

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())

    def _export_dialog(self, kind: str) -> None:
        """`kind`: "png", "svg" or "report" (PNG with the for-report preset)."""
        name = (self.title.text() or "chart").replace("/", "_").replace(" ", "_")
        ext = "svg" if kind == "svg" else "png"
        filt = self.tr("SVG 矢量图 (*.svg)") if kind == "svg" else self.tr("PNG 图片 (*.png)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出图表"), f"{name}.{ext}", filt)
        if not path:
            return
        if not path.lower().endswith("." + ext):
            path += "." + ext
        export = {"png": self.export_png, "svg": self.export_svg, "report": self.export_report_png}[kind]
        try:
            export(path)
        except Exception as exc:
            from .. import errors

            errors.show_error(self, exc, self.tr("导出图表"))


def show_tip(widget, text: str, pos=None) -> None:
    from PySide6.QtGui import QCursor

    QToolTip.showText(pos or QCursor.pos(), text, widget)
