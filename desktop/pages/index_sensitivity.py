"""权重敏感性: run ±20 % one-at-a-time and Monte Carlo weight perturbations, the Sobol indices of the
weights and the drop-one-indicator impact (all computed in core.index), and show how far the total
index moves, how stable the regions' ranks are and which weights and indicators drive the result."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ..help import indicator_tooltip
from ..i18n import current_language, region_name
from .tables import Cell, DataTable

HIGHLIGHT = "#e3f0ff"


def _rank(rank) -> Cell:
    """A rank from core; 0 is a region left out of the ranking (全国), shown as — and sorted last."""
    k = int(rank)
    return Cell(str(k), k) if k > 0 else Cell("—")


def _node_cell(framework, code: str, lang: str) -> Cell:
    """A node's label that remembers its code (UserRole), with the indicator's tooltip (definition, unit, source)."""
    return Cell(framework.label(code, lang), data=code, tip=indicator_tooltip(framework, code, lang))


def _filled(template: str, **values) -> str:
    """A translated template with its {name} fields replaced (the .ts keeps the braces)."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


def _table(headers, title: str) -> DataTable:
    t = DataTable(headers, stretch_last=False, title=title)
    t.horizontalHeader().setSectionResizeMode(t.horizontalHeader().ResizeMode.Stretch)
    return t


class SensitivityPanel(QWidget):
    """One row of buttons, the summary, and the four result tables as tabs of their own (four tables
    stacked in the index page's lower pane left each a row or two at 1366×768)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        sv = QVBoxLayout(self)
        sv.setContentsMargins(6, 6, 6, 6)
        sv.setSpacing(6)
        brow = QHBoxLayout()
        self.oat_button = QPushButton(self.tr("运行 ±20% 权重敏感性分析"))
        self.oat_button.setObjectName("primary")
        self.oat_button.clicked.connect(lambda: session.run_sensitivity())
        self.mc_button = QPushButton(self.tr("运行蒙特卡洛权重模拟"))
        self.mc_button.clicked.connect(lambda: session.run_monte_carlo())
        self.sobol_button = QPushButton(self.tr("计算 Sobol 敏感性指数"))
        self.sobol_button.clicked.connect(lambda: self.session.run_sobol())
        self.drop_button = QPushButton(self.tr("逐一剔除指标"))
        self.drop_button.clicked.connect(lambda: self.session.run_drop_one())
        for b in (self.oat_button, self.mc_button, self.sobol_button, self.drop_button):
            brow.addWidget(b)
        brow.addStretch(1)
        sv.addLayout(brow)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        sv.addWidget(self.summary)
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        sv.addWidget(self.views, 1)
        self._build_weights()
        self._build_indices()

    def _add_view(self, name: str, title: str, table: DataTable, note: QLabel | None = None) -> QLabel:
        """A tab with the table's title (and an optional note) above the table; returns the title label."""
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 6, 0, 0)
        label = QLabel(title)
        label.setObjectName("cardTitle")
        label.setWordWrap(True)
        box.addWidget(label)
        if note is not None:
            box.addWidget(note)
        box.addWidget(table, 1)
        self.views.addTab(page, name)
        self.views.setTabToolTip(self.views.count() - 1, title)
        return label

    def _build_weights(self) -> None:
        oat_title, rank_title = (
            self.tr("逐一权重 ±20%（兄弟权重重新归一）"),
            self.tr("蒙特卡洛：地区排名稳定性（最新年份总指数）"),
        )
        self.oat_table = _table(
            [self.tr("年份"), self.tr("总指数最大相对变动"), self.tr("引起最大变动的权重")], oat_title
        )
        self.rank_table = _table(
            [
                self.tr("地区"),
                self.tr("名义排名"),
                self.tr("中位排名"),
                self.tr("排名 5–95% 区间"),
                self.tr("名义排名保持率"),
            ],
            rank_title,
        )
        self.oat_title = self._add_view(self.tr("权重 ±20%"), oat_title, self.oat_table)
        self.rank_title = self._add_view(self.tr("排名稳定性"), rank_title, self.rank_table)

    def _build_indices(self) -> None:
        self.indices_note = QLabel(
            self.tr(
                "Sobol 一阶指数：该权重单独引起的总指数方差占比；总效应指数：含与其他权重交互的占比"
                "（权重在默认值 ±20% 内均匀抽样）。逐一剔除：去掉一个指标（兄弟权重重新归一）后最新年份"
                "总指数的变动与排名变化。点击表头可排序。"
            )
        )
        self.indices_note.setWordWrap(True)
        self.indices_note.setObjectName("muted")
        sobol_title, drop_title = (
            self.tr("Sobol 敏感性指数（最新年份总指数）"),
            self.tr("逐一剔除指标的影响（最新年份）"),
        )
        self.sobol_table = _table([self.tr("权重"), self.tr("一阶指数"), self.tr("总效应指数")], sobol_title)
        self.drop_table = _table(
            [self.tr("剔除的指标"), self.tr("总指数变动"), self.tr("剔除后排名"), self.tr("排名变化（正数为上升）")],
            drop_title,
        )
        self.sobol_title = self._add_view(self.tr("Sobol 指数"), sobol_title, self.sobol_table, self.indices_note)
        self.drop_title = self._add_view(self.tr("逐一剔除"), drop_title, self.drop_table)
        self.drop_table.setToolTip(self.indices_note.text())

    def fill(self) -> None:
        parts = [self._fill_one_at_a_time(), self._fill_monte_carlo(), self._fill_sobol(), self._fill_drop_one()]
        parts = [p for p in parts if p]
        self.summary.setText(
            "\n".join(parts) if parts else self.tr("尚未运行。点击按钮开始（在后台运行，可随时取消）。")
        )

    def _fill_one_at_a_time(self) -> str:
        s, oat = self.session, self.session.sensitivity
        self.oat_table.set_rows([])
        if oat is None or s.region not in oat.regions:
            return ""
        fw, lang = s.framework, current_language()
        r = oat.regions.index(s.region)
        rows = []
        for t, y in enumerate(oat.years):
            if t > 0:
                var = oat.variants[int(oat.cause[r, t])]
                change = f"{float(oat.max_change[r, t]):.2f}%"
                cause = Cell(
                    f"{fw.label(var.node, lang)} × {var.factor:.1f}", tip=indicator_tooltip(fw, var.node, lang)
                )
                rows.append([str(y), change, cause])
        self.oat_table.set_rows(rows)
        mx = float(oat.max_change[r].max()) if oat.max_change[r].size else 0.0
        verdict = (
            self.tr("小于 1%，与报告结论一致：结果对权重不敏感。")
            if mx < 1
            else self.tr("超过 1%：结果对权重较敏感，解读时请说明。")
        )
        return (
            self.tr("{region}：各权重 ±20% 时总指数最大变动 {m}，")
            .replace("{region}", region_name(s.region))
            .replace("{m}", f"{mx:.2f}%")
            + verdict
        )

    def _fill_monte_carlo(self) -> str:
        s, mc = self.session, self.session.monte_carlo
        self.rank_table.set_rows([])
        if mc is None:
            return ""
        ranked = [i for i in range(len(mc.regions)) if int(mc.rank_nominal[i]) > 0]  # 全国 is never ranked
        order = sorted(ranked, key=lambda i: int(mc.rank_nominal[i]))
        rows = [
            [
                region_name(mc.regions[i]),
                _rank(mc.rank_nominal[i]),
                Cell(f"{float(mc.rank_median[i]):.0f}", float(mc.rank_median[i])),
                Cell(f"{float(mc.rank_p05[i]):.0f}–{float(mc.rank_p95[i]):.0f}", float(mc.rank_p05[i])),
                f"{100 * float(mc.rank_stability[i]):.0f}%",
            ]
            for i in order
        ]
        mine = {n for n, i in enumerate(order) if mc.regions[i] == s.region}
        self.rank_table.set_rows(rows, highlight=mine)
        return (
            self.tr("蒙特卡洛：{n} 次抽样，权重在默认值 ±20% 内均匀扰动后重新归一（种子 {seed}）。")
            .replace("{n}", str(mc.draws))
            .replace("{seed}", str(mc.seed))
        )

    def _fill_sobol(self) -> str:
        s, sobol = self.session, self.session.sobol
        self.sobol_table.set_rows([])
        if sobol is None or sobol.region != s.region:
            return ""
        fw, lang = s.framework, current_language()
        rows = [
            [_node_cell(fw, node, lang), Cell(f"{first:.3f}", first), Cell(f"{total:.3f}", total)]
            for node, first, total in zip(sobol.nodes, map(float, sobol.first), map(float, sobol.total), strict=True)
        ]
        self.sobol_table.set_rows(rows)
        self.sobol_table.sort_by(2)
        text = self.tr("Sobol：{region} {year} 年总指数，{n} 次抽样（种子 {seed}）。")
        return _filled(text, region=region_name(sobol.region), year=sobol.year, n=sobol.draws, seed=sobol.seed)

    def _fill_drop_one(self) -> str:
        s, drop = self.session, self.session.drop_one
        self.drop_table.set_rows([])
        if drop is None or s.region not in drop.regions:
            return ""
        fw, lang = s.framework, current_language()
        r = drop.regions.index(s.region)
        nominal, rank = float(drop.nominal[r]), int(drop.rank_nominal[r])
        rows = []
        for i, code in enumerate(drop.indicators):
            change = 100.0 * (float(drop.dropped[i, r]) / nominal - 1.0) if nominal else math.nan
            moved = rank - int(drop.rank_dropped[i, r])
            shown = f"{change:+.2f}%" if math.isfinite(change) else "—"
            rows.append(
                [
                    _node_cell(fw, code, lang),
                    Cell(shown, abs(change) if math.isfinite(change) else -1.0),
                    _rank(drop.rank_dropped[i, r]),
                    Cell(f"{moved:+d}", float(moved)) if rank > 0 else Cell("—"),
                ]
            )
        self.drop_table.set_rows(rows)
        self.drop_table.sort_by(1)
        if rank <= 0:
            text = self.tr("逐一剔除：{region} {year} 年总指数 {nominal}（全国不参与排名）。")
            return _filled(text, region=region_name(s.region), year=drop.year, nominal=f"{nominal:.1f}")
        text = self.tr("逐一剔除：{region} {year} 年总指数 {nominal}，排名第 {rank}。")
        return _filled(text, region=region_name(s.region), year=drop.year, nominal=f"{nominal:.1f}", rank=rank)
