"""The app's charts. They draw what they are given; they never compute an index."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from .. import fonts, style
from . import pg
from .base import ChartFrame, add_legend, show_tip


def _nan(v) -> float:
    return float("nan") if v is None else float(v)


@dataclass
class Series:
    name: str
    xs: list[float]
    ys: list[float | None]
    color: str
    width: float = 2.0
    estimated: list[bool] = field(default_factory=list)  # point i estimated → segment (i−1, i) dashed
    dashed: bool = False
    symbol: str | None = "o"
    notes: list[str] = field(default_factory=list)  # per-point text for the hover (e.g. "预估")


@dataclass
class Band:
    name: str
    xs: list[float]
    lo: list[float]
    hi: list[float]
    color: str


def _BandSample(color: str):
    """A legend entry for a band (legends cannot sample a FillBetweenItem)."""
    P = pg()
    c = QColor(color)
    c.setAlpha(60)
    return P.BarGraphItem(x=[0], height=[0], width=0, brush=P.mkBrush(c), pen=P.mkPen(None))


class LineChart(ChartFrame):
    """Index over years; estimated segments dashed (图1), optional 5–95 % bands, hover values."""

    def __init__(self, title="", parent=None, y_label="", min_height: int = 260):
        super().__init__(title, parent, min_height)
        self.series: list[Series] = []
        self.bands: list[Band] = []
        self.plot.setLabel("left", y_label, color=style.MUTED)
        self.legend = add_legend(self.plot, columns=3, below=True)
        self._proxy = pg().SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=30, slot=self._hover)

    def set_data(
        self,
        series: list[Series],
        bands: list[Band] | None = None,
        x_ticks: list[int] | None = None,
        y_label: str | None = None,
    ) -> None:
        P = pg()
        import numpy as np

        self.plot.clear()
        self.legend.clear()
        self.series, self.bands = list(series), list(bands or [])
        for b in self.bands:
            c = QColor(b.color)
            c.setAlpha(45)
            lo = P.PlotCurveItem(b.xs, b.lo, pen=P.mkPen(None))
            hi = P.PlotCurveItem(b.xs, b.hi, pen=P.mkPen(None))
            fill = P.FillBetweenItem(lo, hi, brush=P.mkBrush(c))
            self.plot.addItem(lo)
            self.plot.addItem(hi)
            self.plot.addItem(fill)
            self.legend.addItem(_BandSample(b.color), b.name) if b.name else None
        for s in self.series:
            xs = np.asarray(s.xs, float)
            ys = np.asarray([_nan(v) for v in s.ys], float)
            est = np.asarray(s.estimated or [False] * len(xs), bool)
            seg_est = np.append(est[1:], False)  # segment i→i+1 estimated if point i+1 is
            pen_style = Qt.PenStyle.DashLine if s.dashed else Qt.PenStyle.SolidLine
            pen = P.mkPen(s.color, width=s.width, style=pen_style) if s.width > 0 else None
            solid = P.PlotDataItem(
                xs,
                ys,
                pen=pen,
                connect=~seg_est if len(xs) > 1 else "all",
                symbol=s.symbol,
                symbolSize=6 if s.width > 0 else 10,
                symbolBrush=P.mkBrush(s.color),
                symbolPen=P.mkPen("w"),
                name=s.name,
            )
            self.plot.addItem(solid)
            if seg_est.any() and s.width > 0:
                dashed = P.PlotDataItem(
                    xs, ys, pen=P.mkPen(s.color, width=s.width, style=Qt.PenStyle.DashLine), connect=seg_est
                )
                self.plot.addItem(dashed)
        if x_ticks:
            self.plot.getAxis("bottom").setTicks([[(x, str(x)) for x in x_ticks]])
            pad = 0.3
            self.plot.setXRange(min(x_ticks) - pad, max(x_ticks) + pad, padding=0)
        if y_label is not None:
            self.plot.setLabel("left", y_label, color=style.MUTED)
        self.plot.enableAutoRange(axis="y")
        self.fit_legend()

    def item_count(self) -> int:
        return len(list(self.plot.listDataItems()))

    def hover_text(self, x: float) -> str:
        """The tooltip for the year nearest to x: every series' value there."""
        if not self.series:
            return ""
        xs = sorted({v for s in self.series for v in s.xs})
        if not xs:
            return ""
        year = min(xs, key=lambda v: abs(v - x))
        if abs(year - x) > 0.5:
            return ""
        lines = [self.tr("{y} 年").replace("{y}", str(int(year)))]
        for s in self.series:
            if year in s.xs:
                i = s.xs.index(year)
                v = s.ys[i]
                note = s.notes[i] if i < len(s.notes) and s.notes[i] else ""
                lines.append(f"{s.name}：{'—' if v is None else f'{v:.1f}'}{'（' + note + '）' if note else ''}")
        for b in self.bands:
            if year in b.xs:
                i = b.xs.index(year)
                lines.append(f"{b.name}：{b.lo[i]:.1f}–{b.hi[i]:.1f}")
        return "\n".join(lines)

    def _hover(self, evt) -> None:
        pos = evt[0]
        if not self.plot.sceneBoundingRect().contains(pos):
            return
        pt = self.plot.vb.mapSceneToView(pos)
        text = self.hover_text(pt.x())
        if text:
            show_tip(self.view, text)


class GroupedBarChart(ChartFrame):
    """Categories on x, one bar per group (year) side by side; value labels and hover."""

    def __init__(self, title="", parent=None, min_height: int = 260):
        super().__init__(title, parent, min_height)
        self.legend = add_legend(self.plot, columns=3, below=True)
        self.categories: list[str] = []
        self.groups: list[str] = []
        self.values: list[list[float | None]] = []
        self.bars = []
        self._proxy = pg().SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=30, slot=self._hover)

    @staticmethod
    def wrap(label: str, width: int = 6) -> str:
        """Chinese: every `width` characters; other text: by words, ~18 characters a line."""
        if label.isascii():
            import textwrap

            return "\n".join(textwrap.wrap(label, 18, break_on_hyphens=False)) or label
        return "\n".join(label[i : i + width] for i in range(0, len(label), width))

    def set_data(
        self,
        categories: list[str],
        groups: list[str],
        values: list[list[float | None]],
        colors: list[str],
        baseline: float | None = 100.0,
    ) -> None:
        P = pg()
        self.plot.clear()
        self.legend.clear()
        self.categories, self.groups, self.values = list(categories), list(groups), [list(v) for v in values]
        n = max(1, len(groups))
        width = 0.8 / n
        self.bars = []
        font = fonts.ui_font(7.5)
        for g, (name, vals) in enumerate(zip(groups, values, strict=False)):
            xs = [i - 0.4 + width * (g + 0.5) for i in range(len(categories))]
            hs = [0.0 if v is None or v != v else float(v) for v in vals]
            bar = P.BarGraphItem(
                x=xs, height=hs, width=width * 0.92, brush=P.mkBrush(colors[g % len(colors)]), pen=P.mkPen(None)
            )
            self.plot.addItem(bar)
            self.legend.addItem(bar, name)
            self.bars.append(bar)
            if len(categories) * n <= 24:
                for x, v in zip(xs, vals, strict=False):
                    if v is None or v != v:
                        continue
                    t = P.TextItem(f"{v:.0f}", color=style.MUTED, anchor=(0.5, 1.0))
                    t.setFont(font)
                    t.setPos(x, v)
                    self.plot.addItem(t)
        if baseline is not None:
            self.plot.addItem(P.InfiniteLine(pos=baseline, angle=0, pen=P.mkPen("#9aa5b1", style=Qt.PenStyle.DashLine)))
        labels = [self.wrap(c) for c in categories]
        lines = max((label.count("\n") + 1 for label in labels), default=1)
        self.plot.getAxis("bottom").setTicks([[(i, label) for i, label in enumerate(labels)]])
        self.plot.getAxis("bottom").setHeight(16 * lines + 14)
        self.plot.setXRange(-0.6, len(categories) - 0.4, padding=0)
        finite = [v for vals in values for v in vals if v is not None and v == v]
        top = max(finite + [baseline or 0]) if finite else 100
        self.plot.setYRange(0, top * 1.15, padding=0)  # headroom for the value labels; the legend is below
        self.fit_legend()

    def hover_text(self, x: float, y: float) -> str:
        if not self.categories:
            return ""
        i = int(round(x))
        if not 0 <= i < len(self.categories):
            return ""
        n = len(self.groups)
        width = 0.8 / max(1, n)
        g = int((x - (i - 0.4)) // width)
        if not 0 <= g < n:
            return ""
        v = self.values[g][i]
        return f"{self.categories[i]}\n{self.groups[g]}：{'—' if v is None else f'{v:.1f}'}"

    def _hover(self, evt) -> None:
        pos = evt[0]
        if not self.plot.sceneBoundingRect().contains(pos):
            return
        pt = self.plot.vb.mapSceneToView(pos)
        text = self.hover_text(pt.x(), pt.y())
        if text:
            show_tip(self.view, text)


@dataclass
class Point:
    """A labelled point; `tip` is its hover text, or a function making it on hover (hundreds of
    regions: only the points the user points at need their sentences)."""

    name: str
    x: float
    y: float
    tip: str | Callable[[], str] = ""
    highlight: bool = False
    color: str = style.PRIMARY

    def tooltip(self) -> str:
        return self.tip() if callable(self.tip) else self.tip


def _hover_text(x, y, data) -> str:
    """A point's hover text (its tip, made now if it is made on hover)."""
    return data() if callable(data) else data


class QuadrantScatter(ChartFrame):
    """Level (x) × momentum (y), split at 100/100, quadrant names in the corners, labelled points."""

    MAX_LABELS = 40  # with more points, only the highlighted ones are named (the others on hover)

    def __init__(self, title="", parent=None, min_height: int = 260):
        super().__init__(title, parent, min_height)
        self.points: list[Point] = []

    @classmethod
    def labelled(cls, points: list[Point]) -> list[Point]:
        """The points that get a name beside them: all of a few, the highlighted ones of many."""
        return list(points) if len(points) <= cls.MAX_LABELS else [p for p in points if p.highlight]

    def set_data(
        self,
        points: list[Point],
        x_label: str,
        y_label: str,
        quadrant_names: tuple[str, str, str, str],
        split=(100.0, 100.0),
        nation_label: str = "",
        symmetric: bool = True,
    ) -> None:
        """quadrant_names: (top-right, bottom-right, top-left, bottom-left)."""
        P = pg()
        self.plot.clear()
        self.points = list(points)
        sx, sy = split
        x0, x1, y0, y1 = self._ranges(points, split, symmetric)
        self._quadrants((x0, x1, y0, y1), split, quadrant_names)
        spots = []
        pen, brushes = P.mkPen("w", width=1.5), {}  # one pen, one brush per colour (hundreds of regions)
        for p in points:
            color = style.ACCENT if p.highlight else p.color
            if color not in brushes:
                brushes[color] = P.mkBrush(color)
            spots.append(
                {
                    "pos": (p.x, p.y),
                    "size": 14 if p.highlight else 9,
                    "brush": brushes[color],
                    "pen": pen,
                    "data": p.tip or p.name,
                    "symbol": "o",
                }
            )
        if nation_label:
            spots.append(
                {
                    "pos": (sx, sy),
                    "size": 12,
                    "brush": P.mkBrush(style.NATION_COLOR),
                    "pen": P.mkPen("w"),
                    "data": nation_label,
                    "symbol": "s",
                }
            )
        self.scatter = P.ScatterPlotItem(spots=spots, hoverable=True, tip=_hover_text, hoverSize=16)
        self.plot.addItem(self.scatter)
        lfont = fonts.ui_font(8.5)
        for p in self.labelled(points):
            t = P.TextItem(p.name, color=style.ACCENT if p.highlight else style.TEXT, anchor=(-0.08, 0.5))
            t.setFont(fonts.ui_font(9, bold=True) if p.highlight else lfont)
            t.setPos(p.x, p.y)
            self.plot.addItem(t)
        if nation_label:
            t = P.TextItem(nation_label, color=style.NATION_COLOR, anchor=(1.15, -0.15))
            t.setFont(lfont)
            t.setPos(sx, sy)
            self.plot.addItem(t)
        self.plot.setLabel("bottom", x_label, color=style.MUTED)
        self.plot.setLabel("left", y_label, color=style.MUTED)
        self.plot.setXRange(x0, x1, padding=0)
        self.plot.setYRange(y0, y1, padding=0)

    @staticmethod
    def _ranges(points: list[Point], split, symmetric: bool) -> tuple[float, float, float, float]:
        """Axis ranges: symmetric around the split (default) or the data's range with a margin."""
        sx, sy = split
        xs = [p.x for p in points] + [sx]
        ys = [p.y for p in points] + [sy]
        dx = max(abs(v - sx) for v in xs) * 1.25 + 5
        dy = max(abs(v - sy) for v in ys) * 1.25 + 5
        x0, x1, y0, y1 = sx - dx, sx + dx, sy - dy, sy + dy
        if not symmetric:  # data range (split included) with a margin, split need not be central
            px = (max(xs) - min(xs)) * 0.2 or 1.0
            py = (max(ys) - min(ys)) * 0.2 or 1.0
            x0, x1, y0, y1 = min(xs) - px, max(xs) + px * 1.5, min(ys) - py, max(ys) + py
        if min(xs) >= 0:  # levels, quotients and scores are never negative: no negative axis
            x0 = max(x0, 0.0)
        if min(ys) >= 0:
            y0 = max(y0, 0.0)
        return x0, x1, y0, y1

    def _quadrants(self, box, split, quadrant_names) -> None:
        """Tinted quadrants, the split lines and the quadrant names in the corners."""
        P = pg()
        x0, x1, y0, y1 = box
        sx, sy = split
        for qx0, qx1, qy0, qy1, color in (
            (sx, x1, sy, y1, "#e8f5e9"),
            (sx, x1, y0, sy, "#fff8e1"),
            (x0, sx, sy, y1, "#e3f2fd"),
            (x0, sx, y0, sy, "#f5f5f5"),
        ):
            rect = P.QtWidgets.QGraphicsRectItem(qx0, qy0, qx1 - qx0, qy1 - qy0)
            rect.setBrush(QBrush(QColor(color)))
            rect.setPen(QPen(Qt.PenStyle.NoPen))
            rect.setZValue(-20)
            self.plot.addItem(rect)
        for pos, angle in ((sx, 90), (sy, 0)):
            self.plot.addItem(
                P.InfiniteLine(pos=pos, angle=angle, pen=P.mkPen("#7f8c8d", width=1, style=Qt.PenStyle.DashLine))
            )
        qfont = fonts.ui_font(10, bold=True)
        for name, (x, y, anchor) in zip(
            quadrant_names, ((x1, y1, (1, 0)), (x1, y0, (1, 1)), (x0, y1, (0, 0)), (x0, y0, (0, 1))), strict=False
        ):
            t = P.TextItem(name, color="#8a96a3", anchor=anchor)
            t.setFont(qfont)
            t.setPos(x, y)
            self.plot.addItem(t)


class _RadarView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.axes: list[str] = []
        self.series: list[tuple[str, list[float | None], str, bool]] = []  # name, values, colour, dashed
        self.max_value = 150.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        n = len(self.axes)
        if n < 3:
            p.end()
            return
        legend_h = 22
        w, h = self.width(), self.height() - legend_h
        cx, cy = w / 2, legend_h + h / 2
        radius = max(20.0, min(w / 2 - 90, h / 2 - 30))
        font = fonts.ui_font(9)
        p.setFont(font)

        def pt(i, v):
            a = -math.pi / 2 + 2 * math.pi * i / n
            r = radius * max(0.0, min(v, self.max_value)) / self.max_value
            return QPointF(cx + r * math.cos(a), cy + r * math.sin(a))

        ring_step = 50 if self.max_value <= 250 else 100
        p.setPen(QPen(QColor("#dde3ea"), 1))
        v = ring_step
        while v <= self.max_value + 1e-9:
            p.drawPolygon(QPolygonF([pt(i, v) for i in range(n)]))
            p.setPen(QColor(style.MUTED))
            p.drawText(pt(0, v) + QPointF(5, -3), f"{v:.0f}")
            p.setPen(QPen(QColor("#dde3ea"), 1))
            v += ring_step
        for i, label in enumerate(self.axes):
            p.setPen(QPen(QColor("#dde3ea"), 1))
            p.drawLine(QPointF(cx, cy), pt(i, self.max_value))
            a = -math.pi / 2 + 2 * math.pi * i / n
            lx, ly = cx + (radius + 30) * math.cos(a), cy + (radius + 20) * math.sin(a)
            p.setPen(QColor(style.TEXT))
            p.drawText(QRectF(lx - 80, ly - 12, 160, 24), Qt.AlignmentFlag.AlignCenter, label)
        for _name, values, color, dashed in self.series:
            poly = QPolygonF([pt(i, 0 if v is None else v) for i, v in enumerate(values)])
            c = QColor(color)
            pen = QPen(c, 2, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            fill = QColor(c)
            fill.setAlpha(0 if dashed else 50)
            p.setPen(pen)
            p.setBrush(QBrush(fill))
            p.drawPolygon(poly)
            p.setBrush(QBrush(c))
            for q in poly:
                p.drawEllipse(q, 3, 3)
        # legend
        x = 8
        for name, _values, color, dashed in self.series:
            p.setPen(QPen(QColor(color), 2, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine))
            p.drawLine(QPointF(x, 11), QPointF(x + 22, 11))
            p.setPen(QColor(style.TEXT))
            p.drawText(QPointF(x + 28, 15), name)
            x += 40 + p.fontMetrics().horizontalAdvance(name)
        p.end()


class RadarChart(ChartFrame):
    """Pillar levels of the region against the nation (= 100)."""

    def make_widget(self):
        return _RadarView()

    def set_data(self, axes: list[str], series: list[tuple[str, list[float | None], str, bool]]) -> None:
        self.view.axes = list(axes)
        self.view.series = list(series)
        vals = [v for _, vs, _, _ in series for v in vs if v is not None]
        top = max(vals + [100.0])
        self.view.max_value = 50.0 * math.ceil(top * 1.1 / 50.0)
        self.view.update()


class _GaugeView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.value: float | None = None
        self.grade = ""
        self.bands: list[tuple[float, float, str]] = []  # (lo, hi, name)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        w, h = self.width(), self.height()
        radius = max(30.0, min(w / 2 - 20, h - 90))  # room below the arc for D and the grade (two lines)
        cx, cy = w / 2, 20 + radius
        rect = QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius)
        bands = self.bands or [(i / 10, (i + 1) / 10, "") for i in range(10)]
        thick = max(10.0, radius * 0.18)
        for k, (lo, hi, _name) in enumerate(bands):
            color = QColor(style.GRADE_COLORS[min(k, len(style.GRADE_COLORS) - 1)])
            p.setPen(QPen(color, thick, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            start = 180 - lo * 180
            span = -(hi - lo) * 180
            p.drawArc(rect.adjusted(thick / 2, thick / 2, -thick / 2, -thick / 2), int(start * 16), int(span * 16))
        p.setFont(fonts.ui_font(8))
        p.setPen(QColor(style.MUTED))
        for v in (0.0, 0.5, 1.0):
            a = math.pi * (1 - v)
            r = radius + 10
            p.drawText(
                QRectF(cx + r * math.cos(a) - 20, cy - r * math.sin(a) - 10, 40, 20),
                Qt.AlignmentFlag.AlignCenter,
                f"{v:.1f}",
            )
        if self.value is not None:
            v = max(0.0, min(1.0, self.value))
            a = math.pi * (1 - v)
            tip = QPointF(cx + (radius - thick - 4) * math.cos(a), cy - (radius - thick - 4) * math.sin(a))
            p.setPen(QPen(QColor(style.TEXT), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawLine(QPointF(cx, cy), tip)
            p.setBrush(QColor(style.TEXT))
            p.drawEllipse(QPointF(cx, cy), 6, 6)
            p.setFont(fonts.ui_font(18, bold=True))
            p.drawText(QRectF(cx - 120, cy + 6, 240, 34), Qt.AlignmentFlag.AlignCenter, f"D = {self.value:.3f}")
            p.setFont(fonts.ui_font(12, bold=True))
            p.setPen(QColor(style.PRIMARY))
            p.drawText(QRectF(cx - 160, cy + 38, 320, 26), Qt.AlignmentFlag.AlignCenter, self.grade)
        p.end()


class Gauge(ChartFrame):
    """The coupling coordination degree D on its ten grades."""

    def make_widget(self):
        return _GaugeView()

    def set_data(self, value: float | None, grade: str, bands: list[tuple[float, float, str]] | None = None) -> None:
        self.view.value = value
        self.view.grade = grade
        self.view.bands = list(bands or [])
        self.view.setToolTip("\n".join(f"[{lo:.1f}, {hi:.1f}) {name}" for lo, hi, name in self.view.bands))
        self.view.update()
