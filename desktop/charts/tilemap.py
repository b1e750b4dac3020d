"""The tile-grid map: the 31 provinces as equal tiles at their approximate geographic places
(layout: resources/geo/tilegrid.toml), coloured by a core `ChartSpec` of kind "tilemap"
(core.report.tilemap_spec). Clicking a tile with data emits `regionClicked`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from .. import fonts, style
from .base import ChartFrame

CATEGORY_COLORS = ("#1f5fa8", "#5b9bd5", "#f0a35e", "#c0504d", "#3fa34d", "#8e5bb5", "#7f8c8d")
NO_DATA = "#e6e9ee"
LOW, MID, HIGH = QColor("#d9772b"), QColor("#f4f4f2"), QColor("#1f5fa8")
LEVEL_SPAN = 50.0  # levels 100 ± LEVEL_SPAN reach the full colour


def level_color(value: float, baseline: float = 100.0) -> QColor:
    """A diverging colour: orange below the baseline, blue above, pale at it."""
    t = max(-1.0, min(1.0, (value - baseline) / LEVEL_SPAN))
    end = HIGH if t >= 0 else LOW
    t = abs(t)
    return QColor.fromRgbF(
        MID.redF() + (end.redF() - MID.redF()) * t,
        MID.greenF() + (end.greenF() - MID.greenF()) * t,
        MID.blueF() + (end.blueF() - MID.blueF()) * t,
    )


def _fitted(font: QFont, text: str, width: float) -> QFont:
    """`font`, made smaller (down to 5 pt) until `text` fits in `width`."""
    fitted = QFont(font)
    while fitted.pointSizeF() > 5 and QFontMetricsF(fitted).horizontalAdvance(text) > width:
        fitted.setPointSizeF(fitted.pointSizeF() - 0.5)
    return fitted


def _text_color(fill: QColor) -> QColor:
    luminance = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF()
    return QColor("white") if luminance < 0.55 else QColor(style.TEXT)


class _TileView(QWidget):
    clicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        from core.model import load_tile_grid, province, region_label

        self.grid = load_tile_grid()
        self.short = {t.region: (province(t.region).short if province(t.region) else t.region) for t in self.grid.tiles}
        self.english = {t.region: region_label(t.region, "en") for t in self.grid.tiles}
        self.key_of = {label: region for region, label in self.english.items()} | {r: r for r in self.short}
        self.spec = None
        self.no_data_text = "—"
        self.setMouseTracking(True)
        self.setMinimumSize(240, 220)

    # ---------------------------------------------------------------- geometry
    def _cell(self) -> tuple[float, float, float]:
        """(tile pitch, x offset, y offset): the grid centred in the widget."""
        g = self.grid
        pitch = max(8.0, min((self.width() - 8) / g.cols, (self.height() - 8) / g.rows))
        x0 = (self.width() - pitch * g.cols) / 2
        y0 = (self.height() - pitch * g.rows) / 2
        return pitch, x0, y0

    def tile_rect(self, region: str) -> QRectF | None:
        tile = self.grid.of(region)
        if tile is None:
            return None
        pitch, x0, y0 = self._cell()
        gap = max(2.0, pitch * 0.06)
        return QRectF(x0 + tile.col * pitch + gap / 2, y0 + tile.row * pitch + gap / 2, pitch - gap, pitch - gap)

    def region_at(self, pos: QPointF) -> str | None:
        pitch, x0, y0 = self._cell()
        tile = self.grid.at(int((pos.y() - y0) // pitch), int((pos.x() - x0) // pitch))
        return tile.region if tile is not None else None

    # ---------------------------------------------------------------- data
    def values(self) -> dict[str, float]:
        s = self.spec
        if s is None or not s.series:
            return {}
        return {self.key_of.get(label, label): v for label, v in zip(s.x_labels, s.series[0].values, strict=True)}

    def label(self, region: str) -> str:
        """The tile's text: the short Chinese name, or the English name when the spec is in English."""
        english = self.spec is not None and any(x in self.key_of and x not in self.short for x in self.spec.x_labels)
        return self.english[region] if english else self.short[region]

    def fill(self, value: float | None) -> QColor:
        s = self.spec
        if value is None or s is None:
            return QColor(NO_DATA)
        if s.categories:
            return QColor(CATEGORY_COLORS[int(value) % len(CATEGORY_COLORS)])
        return level_color(value, s.baseline if s.baseline is not None else 100.0)

    def value_text(self, region: str) -> str:
        value = self.values().get(region)
        if value is None:
            return self.no_data_text
        if self.spec.categories:
            return self.spec.categories[int(value)]
        return f"{value:.1f}"

    # ---------------------------------------------------------------- painting
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        values = self.values()
        pitch, _, _ = self._cell()
        name_font = fonts.ui_font(max(6, min(11, round(pitch / 6))))
        value_font = fonts.ui_font(max(5, min(9, round(pitch / 8))))
        highlight = self.spec.highlight if self.spec is not None else ""
        for tile in self.grid.tiles:
            rect = self.tile_rect(tile.region)
            fill = self.fill(values.get(tile.region))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(fill)
            p.drawRoundedRect(rect, 3, 3)
            p.setPen(_text_color(fill))
            p.setFont(name_font)
            show_value = self.spec is not None and not self.spec.categories and tile.region in values
            name_rect = rect.adjusted(0, 0, 0, -rect.height() * 0.3) if show_value else rect
            text = self.label(tile.region)
            p.setFont(_fitted(name_font, text, name_rect.width() * 0.92))
            p.drawText(name_rect, Qt.AlignmentFlag.AlignCenter, text)
            if show_value:
                p.setFont(value_font)
                p.drawText(rect.adjusted(0, rect.height() * 0.45, 0, 0), Qt.AlignmentFlag.AlignCenter,
                           f"{values[tile.region]:.0f}")  # fmt: skip
        rect = self.tile_rect(highlight) if highlight else None
        if rect is not None:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(style.TEXT), max(2.5, pitch * 0.06)))
            p.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 4, 4)
        self._legend(p, pitch)
        p.end()

    def _legend(self, p: QPainter, pitch: float) -> None:
        """In the empty north-west of the grid: category swatches, or the level colour scale."""
        s = self.spec
        if s is None:
            return
        _, x0, y0 = self._cell()
        font = fonts.ui_font(max(7, min(10, round(pitch / 6))))
        p.setFont(font)
        line = max(13.0, pitch * 0.32)
        x, y = x0 + 4, y0 + 4
        p.setPen(QColor(style.TEXT))
        title_font = QFont(font)
        title_font.setBold(True)
        p.setFont(title_font)
        p.drawText(QRectF(x, y, pitch * 4, line), Qt.AlignmentFlag.AlignVCenter, s.series[0].name if s.series else "")
        p.setFont(font)
        y += line
        items = [(name, QColor(CATEGORY_COLORS[i % len(CATEGORY_COLORS)])) for i, name in enumerate(s.categories)]
        if not s.categories:
            base = s.baseline if s.baseline is not None else 100.0
            grad = QLinearGradient(x, 0, x + pitch * 2.5, 0)
            for stop, v in ((0.0, base - LEVEL_SPAN), (0.5, base), (1.0, base + LEVEL_SPAN)):
                grad.setColorAt(stop, level_color(v, base))
            p.fillRect(QRectF(x, y + 2, pitch * 2.5, line * 0.6), grad)
            for stop, v in ((0.0, base - LEVEL_SPAN), (0.5, base), (1.0, base + LEVEL_SPAN)):
                p.drawText(QRectF(x + stop * pitch * 2.5 - 20, y + line * 0.7, 40, line), Qt.AlignmentFlag.AlignCenter,
                           f"{v:.0f}")  # fmt: skip
            y += line * 1.8
        items.append((self.no_data_text, QColor(NO_DATA)))
        for name, color in items:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            p.drawRect(QRectF(x, y + line * 0.2, line * 0.6, line * 0.6))
            p.setPen(QColor(style.TEXT))
            p.drawText(QRectF(x + line * 0.8, y, pitch * 4, line), Qt.AlignmentFlag.AlignVCenter, name)
            y += line

    # ---------------------------------------------------------------- interaction
    def mousePressEvent(self, event) -> None:
        region = self.region_at(event.position())
        if region is not None and region in self.values():
            self.clicked.emit(region)
        super().mousePressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            region = self.region_at(QPointF(event.pos()))
            if region is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), f"{self.label(region)}\n{self.value_text(region)}", self)
            return True
        return super().event(event)


class TileMap(ChartFrame):
    """A tile-grid map in a chart frame (title, copy and export like every chart)."""

    regionClicked = Signal(str)

    def make_widget(self):
        view = _TileView()
        view.clicked.connect(self.regionClicked)
        return view

    def set_spec(self, spec) -> None:
        """Show a core ChartSpec of kind "tilemap" (x_labels regions, series[0] values, categories,
        y_label the name of tiles without data)."""
        self.view.spec = spec
        self.view.no_data_text = spec.y_label or "—"
        self.view.update()

    def set_highlight(self, region: str) -> None:
        from dataclasses import replace

        if self.view.spec is not None:
            self.view.spec = replace(self.view.spec, highlight=region)
            self.view.update()
