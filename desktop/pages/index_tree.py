"""指数明细: every node of the framework as a tree, its index (or growth) per year and the
latest growth; estimated and interpolated cells are marked, coloured and explained."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.kernel import CellStatus
from core.model import NATION

from .. import style
from ..i18n import current_language

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CELL_BG = {CellStatus.ESTIMATE: style.ESTIMATE_BG, CellStatus.INTERPOLATED: style.INTERPOLATED_BG}


class NodeTree(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        tv = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("显示")))
        self.measure = QComboBox()
        self.measure.addItem(self.tr("指数（基期 = 100）"), "index")
        self.measure.addItem(self.tr("对称增速（%）"), "growth")
        self.measure.currentIndexChanged.connect(self.fill)
        top.addWidget(self.measure)
        top.addStretch(1)
        self.legend_label = QLabel(self.tr("* 含预估值　~ 含插值　— 无法计算（悬停查看原因）"))
        self.legend_label.setObjectName("muted")
        top.addWidget(self.legend_label)
        tv.addLayout(top)
        self.tree = QTreeWidget()
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        tv.addWidget(self.tree)
        self._tips = {
            CellStatus.ESTIMATE: self.tr("含预估值（沿用最近已知年份）"),
            CellStatus.INTERPOLATED: self.tr("含插值（两端已知年份之间几何插值）"),
            CellStatus.UNDEFINED: self.tr("上一年数值为 0，对称增速为 200，指数无有限值"),
            CellStatus.EXCLUDED: self.tr("已为该地区排除（其下指标均被排除，同级权重已重新归一）"),
        }

    def fill(self, *_) -> None:
        s, res = self.session, self.session.result
        if res is None or s.region not in res.regions:
            return
        years = list(res.years)
        self.tree.clear()
        self.tree.setColumnCount(1 + len(years) + 1)
        last_growth = self.tr("{y} 年增速").replace("{y}", str(years[-1]))
        self.tree.setHeaderLabels([self.tr("指标")] + [str(y) for y in years] + [last_growth])
        items: dict[str, QTreeWidgetItem] = {}
        for code in res.codes:
            item = self._item(code)
            parent = items.get(s.framework.nodes[code].parent)
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
            items[code] = item
        self.tree.expandToDepth(1)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(years) + 2):
            self.tree.header().setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            self.tree.setColumnWidth(c, 82)

    def _item(self, code: str) -> QTreeWidgetItem:
        """One node's row: its label, a value per year (with its status mark) and the latest growth."""
        s, res, fw = self.session, self.session.result, self.session.framework
        lang, regional = current_language(), s.region != NATION
        growth = (self.measure.currentData() or "index") == "growth"
        arr = res.growth if growth else res.index
        r, n, node = res.region_index(s.region), res.code_index(code), fw.nodes[code]
        cells, flags = [fw.label(code, lang, regional=regional)], []
        for t, y in enumerate(res.years):
            v, f = float(arr[r, n, t]), res.flag(s.region, code, y)
            cells.append("" if growth and t == 0 else ("—" if math.isnan(v) else f"{v:.1f}") + (f.mark if f else ""))
            flags.append(f)
        g = float(res.growth[r, n, -1])
        cells.append("—" if math.isnan(g) else f"{g:+.2f}")
        item = QTreeWidgetItem(cells)
        item.setData(0, Qt.ItemDataRole.UserRole, code)
        item.setToolTip(0, node.definition(lang, regional) if node.is_leaf else fw.label(code, lang))
        for col, f in enumerate(flags, start=1):
            item.setTextAlignment(col, RIGHT)
            if f in self._tips:
                item.setToolTip(col, self._tips[f])
            if f in CELL_BG:
                item.setBackground(col, QBrush(QColor(CELL_BG[f])))
        item.setTextAlignment(len(cells) - 1, RIGHT)
        if code == "total" or node.depth == 1:
            font = item.font(0)
            font.setBold(True)
            for c in range(len(cells)):
                item.setFont(c, font)
        return item
