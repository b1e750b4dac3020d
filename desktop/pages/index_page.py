"""指数测算: 图1 (total + pillars, estimated segments dashed, Monte Carlo bands), 图2–图5 style
grouped bars of sub-indicators, the tree of every node's index and growth (`index_tree`),
weight sensitivity (`index_sensitivity`) and the recipe of the result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from core.kernel import GAP_POLICIES, CellStatus, gap_policy_label, msg

from .. import style
from ..i18n import current_language, region_name, separators
from ..widgets import Card
from .base import LazyTabs, ResultPage
from .index_sensitivity import SensitivityPanel
from .index_tree import NodeTree
from .tables import scroll

CHART_MIN = 190  # the charts' least plot height: charts and the tabs below fit 1366×768 without a page scrollbar
NOTED = (CellStatus.ESTIMATE, CellStatus.INTERPOLATED, CellStatus.UNDEFINED)  # named in the chart's hover text


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
                session.sobolChanged,
                session.dropOneChanged,
            ),
        )
        self.empty.setText(self.tr("还没有测算结果。请先在“数据导入”中导入数据；若数据有错误，请在“数据校验”中查看。"))

    # built on first display with a result, so pyqtgraph loads only when needed
    def _build(self) -> None:
        v = QVBoxLayout(self.content)
        v.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._build_charts())
        split.addWidget(self._build_tabs())
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setSizes([420, 330])
        v.addWidget(split)
        self._built = True

    def _build_charts(self) -> QWidget:
        from ..charts.plots import GroupedBarChart, LineChart

        charts = QWidget()
        h = QHBoxLayout(charts)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(12)
        c1 = Card()
        self.line = LineChart(self.tr("图1  两创融合发展总指数与一级指标指数"), min_height=CHART_MIN)
        c1.body.addWidget(self.line)
        h.addWidget(c1, 3)
        c2 = Card()
        self.pillar_combo = QComboBox()
        self.pillar_combo.currentIndexChanged.connect(self._draw_bars)
        self.pillar_combo.setToolTip(self.tr("一级指标"))
        self.pillar_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.bars = GroupedBarChart(self.tr("二级指标指数"), min_height=CHART_MIN)
        head = self.bars.layout().itemAt(0).layout()  # the title row: the pillar chooser sits before 导出
        head.insertWidget(1, self.pillar_combo)
        c2.body.addWidget(self.bars)
        h.addWidget(c2, 2)
        return charts

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.lazy_tabs = LazyTabs(self.tabs)  # a tab is filled when it is first shown after a change
        self.node_tree = NodeTree(self.session)
        self.tree, self.measure = self.node_tree.tree, self.node_tree.measure
        self.lazy_tabs.add(self.node_tree, self.tr("指数明细"), self.node_tree.fill)
        self._sensitivity = None  # created when its tab is first shown (or asked for)
        self._sensitivity_tab = self.lazy_tabs.add_later(
            self._make_sensitivity, self.tr("权重敏感性"), lambda: self.sensitivity.fill()
        )
        self.recipe = QLabel("")
        self.recipe.setWordWrap(True)
        self.recipe.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.recipe.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipe.setContentsMargins(10, 10, 10, 10)
        self.lazy_tabs.add(self.recipe, self.tr("测算口径"), self._fill_recipe)
        return self.tabs

    def _make_sensitivity(self) -> QWidget:
        self._sensitivity = SensitivityPanel(self.session)
        return scroll(self._sensitivity)  # scrolls inside the tab, not the page

    @property
    def sensitivity(self) -> SensitivityPanel:
        if self._sensitivity is None:
            self.lazy_tabs.build(self._sensitivity_tab)
        return self._sensitivity

    # the sensitivity widgets tests address directly
    oat_button = property(lambda self: self.sensitivity.oat_button)
    mc_button = property(lambda self: self.sensitivity.mc_button)
    oat_table = property(lambda self: self.sensitivity.oat_table)
    rank_table = property(lambda self: self.sensitivity.rank_table)

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        self._dirty = False
        s = self.session
        if s.result is None or s.region not in s.result.regions:
            self.stack.setCurrentWidget(self.empty)
            return
        self.show_content()
        fw, lang = s.framework, current_language()
        if self.pillar_combo.count() != len(fw.pillars):
            self.pillar_combo.blockSignals(True)
            self.pillar_combo.clear()
            for p in fw.pillars:
                self.pillar_combo.addItem(fw.label(p, lang), p)
            self.pillar_combo.blockSignals(False)
        self._draw_line()
        self._draw_bars()
        self.lazy_tabs.refresh()

    # ------------------------------------------------------------------ 图1
    def _series(self, region: str, code: str, name: str, color: str, **style_args):
        from ..charts.plots import Series

        res = self.session.result
        years = list(res.years)
        values = res.series(region, code)
        flags = [res.flag(region, code, y) for y in years]
        lang = current_language()
        return Series(
            name,
            years,
            [values[y] for y in years],
            color,
            estimated=[f is CellStatus.ESTIMATE for f in flags],
            notes=[f.label(lang) if f in NOTED else "" for f in flags],
            **style_args,
        )

    def _bands(self, mc, codes, colors) -> list:
        """The Monte Carlo 5–95 % band of each line; only the total's is named (in the legend)."""
        from ..charts.plots import Band

        res, fw, region = self.session.result, self.session.framework, self.session.region
        years = list(res.years)
        bands = []
        for code, color in zip(codes, colors, strict=False):
            band = mc.band(region, code)
            name = self.tr("{name} 5–95% 区间").replace("{name}", fw.nodes[code].name(current_language()))
            lo, hi = [band[y][0] for y in years], [band[y][2] for y in years]
            bands.append(Band(name if code == "total" else "", years, lo, hi, color))
        return bands

    def _draw_line(self) -> None:
        s, res, fw = self.session, self.session.result, self.session.framework
        lang, region = current_language(), s.region
        mc = s.monte_carlo if (s.monte_carlo is not None and region in s.monte_carlo.regions) else None
        codes = ["total", *fw.pillars]
        colors = [style.TOTAL_COLOR, *style.PILLAR_COLORS]
        series = [
            self._series(region, code, fw.nodes[code].name(lang), color, width=3.0 if code == "total" else 2.0)
            for code, color in zip(codes, colors, strict=False)
        ]
        for k, other in enumerate(c for c in s.compare if c != region and c in res.regions):
            color = style.SERIES_COLORS[(k + 5) % len(style.SERIES_COLORS)]
            name = f"{region_name(other)} {fw.nodes['total'].name(lang)}"
            series.append(self._series(other, "total", name, color, width=1.6, symbol="t"))
        bands = self._bands(mc, codes, colors) if mc is not None else []
        self.line.set_data(
            series,
            [b for b in bands if b.name],
            x_ticks=list(res.years),
            y_label=self.tr("指数（{y} 年 = 100）").replace("{y}", str(res.base_year)),
        )
        self._draw_unnamed_bands([b for b in bands if not b.name])
        note = (
            self.tr("{region}，基期 {y} 年 = 100。虚线为含预估值的年份。")
            .replace("{region}", region_name(region))
            .replace("{y}", str(res.base_year))
        )
        if mc is not None:
            note += " " + self.tr("阴影为蒙特卡洛权重模拟的 5–95% 区间（{n} 次抽样）。").replace("{n}", str(mc.draws))
        self.line.set_caption(note)

    def _draw_unnamed_bands(self, bands) -> None:
        """The pillars' bands: drawn as fills only (they are not in the legend)."""
        if not bands:
            return
        from ..charts import pg

        P = pg()
        for b in bands:
            c = QColor(b.color)
            c.setAlpha(28)
            lo, hi = P.PlotCurveItem(b.xs, b.lo, pen=P.mkPen(None)), P.PlotCurveItem(b.xs, b.hi, pen=P.mkPen(None))
            for it in (lo, hi, P.FillBetweenItem(lo, hi, brush=P.mkBrush(c))):
                self.line.plot.addItem(it)

    # ------------------------------------------------------------------ 图2–图5
    def _draw_bars(self, *_):
        s, res = self.session, self.session.result
        if res is None or not self._built or s.region not in res.regions:
            return
        fw, lang = s.framework, current_language()
        pillar = self.pillar_combo.currentData() or fw.pillars[0]
        subs = list(fw.children(pillar))
        years = list(res.years)
        shown = [years[0]] + [y for y in years[-2:] if y != years[0]]
        values = [[res.series(s.region, c)[y] for c in subs] for y in shown]
        labels = []
        for y in shown:
            flagged = any(res.flag(s.region, c, y) is CellStatus.ESTIMATE for c in subs)
            labels.append(f"{y}" + (self.tr("（含预估）") if flagged else ""))
        colors = ["#b0bec5", "#5b8fd1", style.PRIMARY]
        self.bars.title.setText(self.tr("二级指标指数：{p}").replace("{p}", fw.nodes[pillar].name(lang)))
        self.bars.set_data(
            [fw.nodes[c].name(lang) for c in subs],
            labels,
            values,
            colors[-len(shown) :] if len(shown) <= 3 else style.SERIES_COLORS,
        )
        self.bars.set_caption(self.tr("与报告图2–图5 相同：基期与最近两年的二级指标指数。"))

    # ------------------------------------------------------------------ 测算口径
    def _fill_recipe(self) -> None:
        rec, lang = self.session.result.recipe, current_language()
        policy = rec.gap_policy
        lines = [
            self.tr("方法：")
            + (msg("desktop.recipe.method").text(lang) if rec.method.startswith("CAICT 2025") else rec.method),
            self.tr("指标体系：") + f"{rec.framework_id} {rec.framework_version}",
            self.tr("基期：{b} 年；末年：{e} 年").replace("{b}", str(rec.base_year)).replace("{e}", str(rec.end_year)),
            self.tr("年份缺口：") + (gap_policy_label(policy, lang) if policy in GAP_POLICIES else policy),
            self.tr("由引擎填补的数值：{n} 个（详见“数据校验”中的彩色单元格）").replace(
                "{n}", str(len(rec.filled_cells))
            ),
        ]
        if rec.exclusions:
            sep, comma = separators(lang)
            items = (f"{region_name(r)}: {comma.join(c)}" for r, c in rec.exclusions.items())
            lines.append(self.tr("排除的指标：") + sep.join(items))
        lines += ["· " + n.text(lang) for n in rec.notes]
        self.recipe.setText("\n".join(lines))
