"""全国格局: the tile-grid map of every assessed region, coloured by group, quadrant, role or the
level of any node; the selected region is framed, and clicking a tile selects its region."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.kernel import render
from core.report import TILE_MODES, tilemap_spec

from ..help import set_node_tooltips
from ..i18n import current_language
from ..widgets import Card


def _tr(text: str) -> str:
    return QCoreApplication.translate("TileMapTab", text)


class TileMapTab(QWidget):
    """A tab (assessment page): mode and node selectors above the map."""

    def __init__(self, session):
        super().__init__()
        from ..charts.tilemap import TileMap

        self.session = session
        self._framework_nodes: tuple[str, ...] = ()
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 6, 6, 6)
        card = Card()
        row = QHBoxLayout()
        row.addWidget(QLabel(_tr("着色")))
        self.mode_combo = QComboBox()
        lang = current_language()
        for mode in TILE_MODES:
            self.mode_combo.addItem(render(f"tilemap.mode.{mode}", None, lang), mode)
        row.addWidget(self.mode_combo)
        row.addSpacing(12)
        self.node_label = QLabel(_tr("节点"))
        row.addWidget(self.node_label)
        self.node_combo = QComboBox()
        self.node_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row.addWidget(self.node_combo)
        row.addStretch(1)
        card.body.addLayout(row)
        self.map = TileMap(_tr("全国格局（方块地图）"), min_height=220)  # the page fits 1366×768 at 125 %
        self.map.setToolTip(
            _tr("每个省级行政区为一个等大方块，按大致地理位置排列（不表示行政区域界线）。点击方块选择地区。")
        )
        self.map.regionClicked.connect(session.set_region)
        card.body.addWidget(self.map, 1)
        v.addWidget(card, 1)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.node_combo.currentIndexChanged.connect(self.draw)
        session.regionChanged.connect(self.map.set_highlight)

    def _fill_nodes(self) -> None:
        """Group and quadrant exist for the total and the pillars; levels for every node; role for the total."""
        fw, lang = self.session.framework, current_language()
        mode = self.mode_combo.currentData()
        codes = {"level": tuple(fw.codes), "role": ("total",)}.get(mode, ("total", *fw.pillars))
        if codes == self._framework_nodes:
            return
        current = self.node_combo.currentData()
        self.node_combo.blockSignals(True)
        self.node_combo.clear()
        for code in codes:
            self.node_combo.addItem("　" * fw.nodes[code].depth + fw.label(code, lang), code)
        set_node_tooltips(self.node_combo, fw, lang)
        self.node_combo.setCurrentIndex(max(0, codes.index(current) if current in codes else 0))
        self.node_combo.blockSignals(False)
        self._framework_nodes = codes
        self.node_combo.setEnabled(len(codes) > 1)

    def _mode_changed(self, *_) -> None:
        self._fill_nodes()
        self.draw()

    def draw(self, *_) -> None:
        a = self.session.assessment
        if a is None:
            return
        self._fill_nodes()
        mode = self.mode_combo.currentData()
        node = self.node_combo.currentData() or "total"
        lang = current_language()
        title = _tr("{y} 年全国格局：{m} · {n}").format(
            y=a.year, m=self.mode_combo.currentText(), n=self.session.framework.label(node, lang)
        )
        self.map.title.setText(title)
        self.map.set_spec(tilemap_spec(a, mode, lang, self.session.region, title, node))

    def show_region(self, a, ra, framework, lang: str) -> None:
        self.draw()
