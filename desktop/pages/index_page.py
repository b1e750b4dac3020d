"""指数测算: 图1 (total + pillars, estimated segments dashed, Monte Carlo bands), 图2–图5 style
grouped bars of sub-indicators, the tree of every node's index and growth, and sensitivity."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.kernel import CellStatus
from core.model import NATION

from .. import style
from ..widgets import Card
from .base import ResultPage


class IndexPage(ResultPage):
    uses_compare = True

    def __init__(self, session, window):
        super().__init__(
            session,
            window,
            (
                session.resultChanged,
                session.regionChanged,
                session.compareChanged,
                session.sensitivityChanged,
                session.monteCarloChanged,
            ),
        )
        self.empty.setText(self.tr("还没有测算结果。请先在“数据导入”中导入数据；若数据有错误，请在“数据校验”中查看。"))

    # built on first display with a result, so pyqtgraph loads only when needed
    def _build(self) -> None:
        from ..charts.plots import GroupedBarChart, LineChart

        v = QVBoxLayout(self.content)
        v.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Vertical)
        charts = QWidget()
        h = QHBoxLayout(charts)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(12)
        c1 = Card()
        self.line = LineChart(self.tr("图1  两创融合发展总指数与一级指标指数"))
        c1.body.addWidget(self.line)
        h.addWidget(c1, 3)
        c2 = Card()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("一级指标")))
        self.pillar_combo = QComboBox()
        self.pillar_combo.currentIndexChanged.connect(self._draw_bars)
        row.addWidget(self.pillar_combo)
        self.bars = GroupedBarChart(self.tr("二级指标指数"))
        c2.body.addWidget(self.bars)
        c2.body.addLayout(row)
        h.addWidget(c2, 2)
        split.addWidget(charts)

        self.tabs = QTabWidget()
        # tree of all nodes -----------------------------------------------------------------
        tree_w = QWidget()
        tv = QVBoxLayout(tree_w)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("显示")))
        self.measure = QComboBox()
        self.measure.addItem(self.tr("指数（基期 = 100）"), "index")
        self.measure.addItem(self.tr("对称增速（%）"), "growth")
        self.measure.currentIndexChanged.connect(self._fill_tree)
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
        self.tabs.addTab(tree_w, self.tr("指数明细"))
        # sensitivity ------------------------------------------------------------------------
        sens = QWidget()
        sv = QVBoxLayout(sens)
        brow = QHBoxLayout()
        self.oat_button = QPushButton(self.tr("运行 ±20% 权重敏感性分析"))
        self.oat_button.setObjectName("primary")
        self.oat_button.clicked.connect(lambda: self.session.run_sensitivity())
        self.mc_button = QPushButton(self.tr("运行蒙特卡洛权重模拟"))
        self.mc_button.clicked.connect(lambda: self.session.run_monte_carlo())
        brow.addWidget(self.oat_button)
        brow.addWidget(self.mc_button)
        self.sens_summary = QLabel("")
        self.sens_summary.setWordWrap(True)
        brow.addWidget(self.sens_summary, 1)
        sv.addLayout(brow)
        tables = QHBoxLayout()
        self.oat_table = self._table([self.tr("年份"), self.tr("总指数最大相对变动"), self.tr("引起最大变动的权重")])
        self.rank_table = self._table(
            [
                self.tr("地区"),
                self.tr("名义排名"),
                self.tr("中位排名"),
                self.tr("排名 5–95% 区间"),
                self.tr("名义排名保持率"),
            ]
        )
        ol = QVBoxLayout()
        self.oat_title = QLabel(self.tr("逐一权重 ±20%（兄弟权重重新归一）"))
        self.oat_title.setObjectName("cardTitle")
        ol.addWidget(self.oat_title)
        ol.addWidget(self.oat_table)
        rl = QVBoxLayout()
        self.rank_title = QLabel(self.tr("蒙特卡洛：地区排名稳定性（最新年份总指数）"))
        self.rank_title.setObjectName("cardTitle")
        rl.addWidget(self.rank_title)
        rl.addWidget(self.rank_table)
        tables.addLayout(ol, 1)
        tables.addLayout(rl, 1)
        sv.addLayout(tables)
        self.tabs.addTab(sens, self.tr("权重敏感性"))
        # recipe -----------------------------------------------------------------------------
        self.recipe = QLabel("")
        self.recipe.setWordWrap(True)
        self.recipe.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.recipe.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipe.setContentsMargins(10, 10, 10, 10)
        self.tabs.addTab(self.recipe, self.tr("测算口径"))
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setSizes([420, 330])
        v.addWidget(split)
        self._built = True

    def _table(self, headers) -> QTableWidget:
        t = QTableWidget(0, len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.verticalHeader().setVisible(False)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return t

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        self._dirty = False
        s = self.session
        if s.result is None or s.region not in s.result.regions:
            self.stack.setCurrentWidget(self.empty)
            return
        self.show_content()
        fw = s.framework
        lang = self.window_.lang
        if self.pillar_combo.count() != len(fw.pillars):
            self.pillar_combo.blockSignals(True)
            self.pillar_combo.clear()
            for p in fw.pillars:
                self.pillar_combo.addItem(fw.label(p, lang), p)
            self.pillar_combo.blockSignals(False)
        self._draw_line()
        self._draw_bars()
        self._fill_tree()
        self._fill_sensitivity()
        self._fill_recipe()

    def _draw_line(self) -> None:
        from ..charts.plots import Band, Series

        s, res, fw = self.session, self.session.result, self.session.framework
        lang = self.window_.lang
        region = s.region
        years = list(res.years)
        mc = s.monte_carlo if (s.monte_carlo is not None and region in s.monte_carlo.regions) else None
        series, bands = [], []
        codes = ["total", *fw.pillars]
        colors = [style.TOTAL_COLOR, *style.PILLAR_COLORS]
        flag_zh = {
            CellStatus.ESTIMATE: self.tr("预估"),
            CellStatus.INTERPOLATED: self.tr("插值"),
            CellStatus.UNDEFINED: self.tr("无法计算"),
        }
        for code, color in zip(codes, colors, strict=False):
            ser = res.series(region, code)
            flags = [res.flag(region, code, y) for y in years]
            name = fw.nodes[code].name(lang)
            series.append(
                Series(
                    name,
                    years,
                    [ser[y] for y in years],
                    color,
                    width=3.0 if code == "total" else 2.0,
                    estimated=[f is CellStatus.ESTIMATE for f in flags],
                    notes=[flag_zh.get(f, "") for f in flags],
                )
            )
            if mc is not None:
                band = mc.band(region, code)
                bands.append(
                    Band(
                        self.tr("{name} 5–95% 区间").replace("{name}", name) if code == "total" else "",
                        years,
                        [band[y][0] for y in years],
                        [band[y][2] for y in years],
                        color,
                    )
                )
        bands = [b for b in bands if b.name] + [b for b in bands if not b.name]
        for k, other in enumerate(c for c in s.compare if c != region and c in res.regions):
            ser = res.series(other, "total")
            flags = [res.flag(other, "total", y) for y in years]
            series.append(
                Series(
                    f"{other} {fw.nodes['total'].name(lang)}",
                    years,
                    [ser[y] for y in years],
                    style.SERIES_COLORS[(k + 5) % len(style.SERIES_COLORS)],
                    width=1.6,
                    estimated=[f is CellStatus.ESTIMATE for f in flags],
                    symbol="t",
                    notes=[flag_zh.get(f, "") for f in flags],
                )
            )
        self.line.set_data(
            series,
            [b for b in bands if b.name] if len(bands) else [],
            x_ticks=years,
            y_label=self.tr("指数（{y} 年 = 100）").replace("{y}", str(res.base_year)),
        )
        # pillars' bands too (unnamed ones are not in the legend)
        if mc is not None:
            from ..charts import pg

            P = pg()
            for b in bands:
                if b.name:
                    continue
                c = QColor(b.color)
                c.setAlpha(28)
                lo, hi = P.PlotCurveItem(b.xs, b.lo, pen=P.mkPen(None)), P.PlotCurveItem(b.xs, b.hi, pen=P.mkPen(None))
                for it in (lo, hi, P.FillBetweenItem(lo, hi, brush=P.mkBrush(c))):
                    self.line.plot.addItem(it)
        note = (
            self.tr("{region}，基期 {y} 年 = 100。虚线为含预估值的年份。")
            .replace("{region}", region)
            .replace("{y}", str(res.base_year))
        )
        if mc is not None:
            note += " " + self.tr("阴影为蒙特卡洛权重模拟的 5–95% 区间（{n} 次抽样）。").replace("{n}", str(mc.draws))
        self.line.set_caption(note)

    def _draw_bars(self, *_):
        s, res = self.session, self.session.result
        if res is None or not self._built or s.region not in res.regions:
            return
        fw = s.framework
        lang = self.window_.lang
        pillar = self.pillar_combo.currentData() or fw.pillars[0]
        subs = list(fw.children(pillar))
        years = list(res.years)
        shown = [years[0]] + [y for y in years[-2:] if y != years[0]]
        values = []
        for y in shown:
            values.append([res.series(s.region, c)[y] for c in subs])
        colors = ["#b0bec5", "#5b8fd1", style.PRIMARY]
        labels = []
        for y in shown:
            flagged = any(res.flag(s.region, c, y) is CellStatus.ESTIMATE for c in subs)
            labels.append(f"{y}" + (self.tr("（含预估）") if flagged else ""))
        self.bars.title.setText(self.tr("二级指标指数：{p}").replace("{p}", fw.nodes[pillar].name(lang)))
        self.bars.set_data(
            [fw.nodes[c].name(lang) for c in subs],
            labels,
            values,
            colors[-len(shown) :] if len(shown) <= 3 else style.SERIES_COLORS,
        )
        self.bars.set_caption(self.tr("与报告图2–图5 相同：基期与最近两年的二级指标指数。"))

    def _fill_tree(self, *_):
        s, res = self.session, self.session.result
        if res is None or not self._built or s.region not in res.regions:
            return
        fw = s.framework
        lang = self.window_.lang
        measure = self.measure.currentData() or "index"
        years = list(res.years)
        r = res.region_index(s.region)
        self.tree.clear()
        self.tree.setColumnCount(1 + len(years) + 1)
        last_growth = self.tr("{y} 年增速").replace("{y}", str(years[-1]))
        self.tree.setHeaderLabels([self.tr("指标")] + [str(y) for y in years] + [last_growth])
        arr = res.index if measure == "index" else res.growth
        items: dict[str, QTreeWidgetItem] = {}
        tips = {
            "estimate": self.tr("含预估值（沿用最近已知年份）"),
            "interpolated": self.tr("含插值（两端已知年份之间几何插值）"),
            "undefined": self.tr("上一年数值为 0，对称增速为 200，指数无有限值"),
        }
        for code in res.codes:
            node = fw.nodes[code]
            n = res.code_index(code)
            cells = [fw.label(code, lang, regional=s.region != NATION)]
            marks = []
            for t, y in enumerate(years):
                v = float(arr[r, n, t])
                f = res.flag(s.region, code, y)
                if measure == "growth" and t == 0:
                    cells.append("")
                else:
                    cells.append(("—" if math.isnan(v) else f"{v:.1f}") + (f.mark if f else ""))
                marks.append(f)
            g = float(res.growth[r, n, -1])
            cells.append("—" if math.isnan(g) else f"{g:+.2f}")
            item = QTreeWidgetItem(cells)
            item.setData(0, Qt.ItemDataRole.UserRole, code)
            item.setToolTip(
                0,
                (node.definition_provincial if s.region != NATION else node.definition_national)
                if node.is_leaf
                else fw.label(code, lang),
            )
            for t, f in enumerate(marks, start=1):
                item.setTextAlignment(t, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if f in tips:
                    item.setToolTip(t, tips[f])
                    if f == "estimate":
                        item.setBackground(t, QBrush(QColor(style.ESTIMATE_BG)))
                    elif f == "interpolated":
                        item.setBackground(t, QBrush(QColor(style.INTERPOLATED_BG)))
            item.setTextAlignment(len(years) + 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if code == "total" or node.depth == 1:
                f = item.font(0)
                f.setBold(True)
                for c in range(len(cells)):
                    item.setFont(c, f)
            parent = items.get(node.parent) if node.parent else None
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
            items[code] = item
        self.tree.expandToDepth(1)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(years) + 2):
            self.tree.header().setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            self.tree.setColumnWidth(c, 82)

    def _fill_sensitivity(self) -> None:
        s = self.session
        fw = s.framework
        lang = self.window_.lang
        oat, mc = s.sensitivity, s.monte_carlo
        self.oat_table.setRowCount(0)
        parts = []
        if oat is not None and s.region in oat.regions:
            r = oat.regions.index(s.region)
            rows = [(t, y) for t, y in enumerate(oat.years) if t > 0]
            self.oat_table.setRowCount(len(rows))
            for i, (t, y) in enumerate(rows):
                var = oat.variants[int(oat.cause[r, t])]
                vals = [str(y), f"{float(oat.max_change[r, t]):.2f}%", f"{fw.label(var.node, lang)} × {var.factor:.1f}"]
                for c, text in enumerate(vals):
                    self.oat_table.setItem(i, c, QTableWidgetItem(text))
            mx = float(oat.max_change[r].max()) if oat.max_change[r].size else 0.0
            verdict = (
                self.tr("小于 1%，与报告结论一致：结果对权重不敏感。")
                if mx < 1
                else self.tr("超过 1%：结果对权重较敏感，解读时请说明。")
            )
            parts.append(
                self.tr("{region}：各权重 ±20% 时总指数最大变动 {m}，")
                .replace("{region}", s.region)
                .replace("{m}", f"{mx:.2f}%")
                + verdict
            )
        self.rank_table.setRowCount(0)
        if mc is not None:
            self.rank_table.setRowCount(len(mc.regions))
            order = sorted(range(len(mc.regions)), key=lambda i: int(mc.rank_nominal[i]))
            for row, i in enumerate(order):
                vals = [
                    mc.regions[i],
                    str(int(mc.rank_nominal[i])),
                    f"{float(mc.rank_median[i]):.0f}",
                    f"{float(mc.rank_p05[i]):.0f}–{float(mc.rank_p95[i]):.0f}",
                    f"{100 * float(mc.rank_stability[i]):.0f}%",
                ]
                for c, text in enumerate(vals):
                    it = QTableWidgetItem(text)
                    if mc.regions[i] == s.region:
                        it.setBackground(QBrush(QColor("#e3f0ff")))
                    self.rank_table.setItem(row, c, it)
            parts.append(
                self.tr("蒙特卡洛：{n} 次抽样，权重在默认值 ±20% 内均匀扰动后重新归一（种子 {seed}）。")
                .replace("{n}", str(mc.draws))
                .replace("{seed}", str(mc.seed))
            )
        self.sens_summary.setText(
            "\n".join(parts) if parts else self.tr("尚未运行。点击按钮开始（在后台运行，可随时取消）。")
        )

    def _fill_recipe(self) -> None:
        res = self.session.result
        rec = dict(res.recipe)
        policy = {"interpolate": self.tr("几何插值"), "carry_forward": self.tr("沿用上年")}.get(
            str(rec.get("gap_policy")), str(rec.get("gap_policy"))
        )
        lines = [
            self.tr("方法：") + str(rec.get("method", "")),
            self.tr("指标体系：") + f"{rec.get('framework_id')} {rec.get('framework_version')}",
            self.tr("基期：{b} 年；末年：{e} 年")
            .replace("{b}", str(rec.get("base_year")))
            .replace("{e}", str(rec.get("end_year"))),
            self.tr("年份缺口：") + policy,
            self.tr("由引擎填补的数值：{n} 个（详见“数据校验”中的彩色单元格）").replace(
                "{n}", str(len(rec.get("filled_cells", [])))
            ),
        ]
        excl = rec.get("exclusions") or {}
        if excl:
            lines.append(self.tr("排除的指标：") + "；".join(f"{r}: {'、'.join(c)}" for r, c in excl.items()))
        for n in rec.get("notes", []):
            lines.append("· " + str(n))
        self.recipe.setText("\n".join(lines))
