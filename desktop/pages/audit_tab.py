"""统计一致性: the coherence audit of the framework on the loaded regions (core.assessment.audit_levels),
one card per pillar with its correlation heat map, Cronbach's α, the first component's share of
variance and the flags; with too few regions, the reason it was not computed."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ..widgets import Card, fmt

CELL, MARGIN = 46, 64  # cell size and room for the row / column labels (px)


def correlation_colour(r: float) -> QColor:
    """White at 0, red towards +1, blue towards −1; grey where r is undefined."""
    if not math.isfinite(r):
        return QColor("#e0e0e0")
    t = min(abs(r), 1.0)
    far = (214, 69, 65) if r > 0 else (52, 120, 198)
    return QColor(*(round(255 + (c - 255) * t) for c in far))


class HeatMap(QWidget):
    """A correlation matrix painted as coloured cells with the r values."""

    def __init__(self, labels: tuple[str, ...], matrix: np.ndarray, parent=None):
        super().__init__(parent)
        self.labels, self.matrix = labels, matrix
        self.setMinimumSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        side = MARGIN + CELL * len(self.labels) + 4
        return QSize(side, side)

    def cell_text(self, i: int, j: int) -> str:
        r = float(self.matrix[i, j])
        return f"{r:.2f}" if math.isfinite(r) else "—"

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        align = Qt.AlignmentFlag.AlignCenter
        for i, label in enumerate(self.labels):
            p.drawText(QRectF(0, MARGIN + i * CELL, MARGIN - 4, CELL), Qt.AlignmentFlag.AlignVCenter, label)
            p.drawText(QRectF(MARGIN + i * CELL, 0, CELL, MARGIN - 4), align | Qt.AlignmentFlag.AlignBottom, label)
            for j in range(len(self.labels)):
                rect = QRectF(MARGIN + j * CELL, MARGIN + i * CELL, CELL - 1, CELL - 1)
                p.fillRect(rect, correlation_colour(float(self.matrix[i, j])))
                p.drawText(rect, align, self.cell_text(i, j))
        p.end()


class AuditTab(QWidget):
    """The audit of every pillar; the reason instead when it was not computed."""

    def __init__(self):
        super().__init__()
        v = QVBoxLayout(self)
        self.header = QLabel("")
        self.header.setWordWrap(True)
        v.addWidget(self.header)
        self.grid = QGridLayout()
        v.addLayout(self.grid)
        v.addStretch(1)
        self.cards: dict[str, Card] = {}
        self.heatmaps: dict[str, HeatMap] = {}
        self.summaries: dict[str, QLabel] = {}
        self._shown = None

    def show_region(self, a, ra, framework, lang: str) -> None:
        if self._shown is not None and self._shown[0] is a and self._shown[1] == lang:
            return  # the audit covers every region: nothing changes with the selected one
        from core.assessment import audit_levels

        self._shown = (a, lang)
        self.show_audit(audit_levels(framework, a.levels, a.year), framework, lang)

    def show_audit(self, result, framework, lang: str) -> None:
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        self.cards, self.heatmaps, self.summaries = {}, {}, {}
        if result.reason is not None:
            self.header.setText(result.reason.text(lang))
            return
        self.header.setText(
            self.tr(
                "在 {n} 个地区 {year} 年的指标得分上检验各一级指标的内部一致性（Pearson 相关系数；"
                "红色为正相关，蓝色为负相关）。检验只描述指标体系，不改变任何结果。"
            )
            .replace("{n}", str(len(result.regions)))
            .replace("{year}", str(result.year))
        )
        for k, (pillar, pa) in enumerate(result.pillars.items()):
            card = Card(framework.label(pillar, lang))
            summary = QLabel(
                self.tr("克朗巴哈系数 α = {alpha}；第一主成分方差占比 {share}")
                .replace("{alpha}", fmt(pa.cronbach_alpha, 3))
                .replace("{share}", _percent(pa.pca_first_share))
            )
            summary.setWordWrap(True)
            card.body.addWidget(summary)
            heat = HeatMap(pa.indicators, pa.pearson)
            card.body.addWidget(heat)
            flags = QLabel("\n".join(f.text(lang) for f in pa.flags))
            flags.setWordWrap(True)
            flags.setObjectName("muted")
            card.body.addWidget(flags)
            self.grid.addWidget(card, k // 2, k % 2)
            self.cards[pillar], self.heatmaps[pillar], self.summaries[pillar] = card, heat, summary


def _percent(v: float | None) -> str:
    return "—" if v is None or not math.isfinite(v) else f"{100 * v:.1f}%"
