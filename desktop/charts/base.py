"""ChartFrame: a titled chart with copy and export (PNG, SVG); the plot is built on first use."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMenu, QToolButton, QToolTip, QVBoxLayout, QWidget

from .. import fonts, style
from . import pg


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


def add_legend(plot, columns: int = 1, below: bool = False):
    """A legend inside the plot's top-left corner, or (`below`) in a row under the x-axis,
    where it can never cover data (line charts whose lines fan out from the base year)."""
    if below:
        legend = pg().LegendItem(labelTextSize="9pt", colCount=columns)
        plot.layout.addItem(legend, 4, 1)
        plot.legend = legend  # items added with a name register here, as with addLegend
        return legend
    legend = plot.addLegend(offset=(8, 8), labelTextSize="9pt", colCount=columns)
    legend.setBrush(pg().mkBrush(255, 255, 255, 215))
    legend.setPen(pg().mkPen("#dde3ea"))
    return legend


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
        head.addWidget(self.title, 1)
        self.tools = QToolButton()
        self.tools.setObjectName("chartTool")
        self.tools.setText(self.tr("导出 ▾"))
        self.tools.setToolTip(self.tr("复制或导出图表"))
        self.tools.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.tools)
        menu.addAction(self.tr("复制图片"), self.copy_to_clipboard)
        menu.addAction(self.tr("导出 PNG…"), lambda: self._export_dialog("png"))
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
        v.addWidget(self.view, 1)
        v.addWidget(self.caption)

    # subclasses may return a custom QWidget (radar, gauge)
    def make_widget(self) -> QWidget:
        w = pg().PlotWidget()
        self.plot = w.getPlotItem()
        style_plot(self.plot)
        return w

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setVisible(bool(text))

    # -------------------------------------------------------------- export
    def image(self, scale: float = 2.0):
        """The chart as a QImage (what the user sees, at `scale`× resolution)."""
        from PySide6.QtGui import QImage

        size = self.view.size()
        if size.width() < 10 or size.height() < 10:  # never shown: give it a size first (spec 04)
            self.view.resize(QSize(800, 450))
            size = self.view.size()
        img = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32)
        img.setDevicePixelRatio(scale)
        img.fill(Qt.GlobalColor.white)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._render(p)
        p.end()
        return img

    def _render(self, painter) -> None:
        from PySide6.QtWidgets import QGraphicsView

        if isinstance(self.view, QGraphicsView):
            self.view.render(painter)
        else:
            self.view.render(painter, QPoint(0, 0))

    def export_png(self, path: str) -> bool:
        from core.kernel import atomic_path

        with atomic_path(path) as tmp:  # a crash never leaves half a PNG under the user's name
            if not self.image().save(str(tmp), "PNG"):
                raise OSError(f"无法写入图片：{path}")
        return True

    def export_svg(self, path: str) -> bool:
        """Vector SVG of the chart via QSvgGenerator (pyqtgraph's SVGExporter fails on some
        Qt 6 path strings, so the view is rendered directly)."""
        from PySide6.QtSvg import QSvgGenerator

        if self.view.width() < 10 or self.view.height() < 10:
            self.view.resize(QSize(800, 450))

        from core.kernel import atomic_path

        with atomic_path(path) as tmp:
            gen = QSvgGenerator()
            gen.setFileName(str(tmp))
            size = self.view.size()
            gen.setSize(size)
            gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
            gen.setTitle(self.title.text())
            p = QPainter(gen)
            self._render(p)
            p.end()
        return True

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())

    def _export_dialog(self, kind: str) -> None:
        name = (self.title.text() or "chart").replace("/", "_").replace(" ", "_")
        filt = self.tr("PNG 图片 (*.png)") if kind == "png" else self.tr("SVG 矢量图 (*.svg)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出图表"), f"{name}.{kind}", filt)
        if not path:
            return
        if not path.lower().endswith("." + kind):
            path += "." + kind
        try:
            (self.export_png if kind == "png" else self.export_svg)(path)
        except Exception as exc:
            from .. import errors

            errors.show_error(self, exc, self.tr("导出图表"))


def show_tip(widget, text: str, pos=None) -> None:
    from PySide6.QtGui import QCursor

    QToolTip.showText(pos or QCursor.pos(), text, widget)
