"""对标分析: one node of the region against the comparable national series, the published
national index and the macro-region figures; gap in points and growth, rank among loaded regions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from core.kernel import CellStatus, Message, msg

from .. import style
from ..help import set_node_tooltips
from ..i18n import current_language, region_name
from ..widgets import Card, CardRow, Verdict, fmt
from .base import ResultPage
from .tables import Cell, fill_table, make_table


class BenchmarkPage(ResultPage):
    def __init__(self, session, window):
        super().__init__(session, window, (session.assessmentChanged, session.regionChanged))
        self.empty.setText(self.tr("还没有可对标的结果。对标需要地区数据和全国基准。"))

    def _build(self) -> None:
        from ..charts.plots import LineChart

        v = QVBoxLayout(self.content)
        v.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("对标指标")))
        self.node_combo = QComboBox()
        self.node_combo.setMinimumWidth(320)
        self.node_combo.setMaxVisibleItems(20)
        self.node_combo.currentIndexChanged.connect(self._mark_node)
        top.addWidget(self.node_combo)
        top.addStretch(1)
        v.addLayout(top)
        self.v_gap = Verdict(self.tr("与全国差距（点）"))
        self.v_growth = Verdict(self.tr("年均增速差（百分点）"))
        self.v_rank = Verdict(self.tr("指数排名"))
        self.v_level_rank = Verdict(self.tr("融合水平排名"))
        v.addWidget(CardRow((self.v_gap, self.v_growth, self.v_rank, self.v_level_rank), min_card_width=200))
        grid = QGridLayout()
        grid.setSpacing(12)
        c_chart = Card()
        self.chart = LineChart(self.tr("地区与全国对比"), min_height=220)
        c_chart.body.addWidget(self.chart)
        grid.addWidget(c_chart, 0, 0, 2, 1)
        c_tab = Card(self.tr("逐年对比"))
        self.year_table = make_table(
            [
                self.tr("年份"),
                self.tr("本地区"),
                self.tr("全国（可比）"),
                self.tr("全国（公布）"),
                self.tr("差距（点）"),
            ],
            stretch_last=False,
            title=self.tr("逐年对比"),
        )
        self.year_table.setToolTip(
            self.tr("全国（可比）：按省级口径计算的全国可比序列；全国（公布）：中国信通院公布的全国指数。")
        )
        c_tab.body.addWidget(self.year_table)
        grid.addWidget(c_tab, 0, 1)
        c_rank = Card(self.tr("已载入地区排名（最新年份）"))
        self.rank_table = make_table(
            [self.tr("排名"), self.tr("地区"), self.tr("指数"), self.tr("融合水平")],
            stretch_last=False,
            title=self.tr("已载入地区排名（最新年份）"),
        )
        c_rank.body.addWidget(self.rank_table)
        from PySide6.QtWidgets import QHeaderView

        for t in (self.year_table, self.rank_table):
            t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        grid.addWidget(c_rank, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        v.addLayout(grid, 1)
        self.sentences = QLabel("")
        self.sentences.setWordWrap(True)
        self.sentences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.sentences)
        self._built = True

    def _mark_node(self, *_):
        if self._built:
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        s = self.session
        cmp = None
        if s.assessment is not None and s.region in s.assessment.levels:
            if not self._built:
                self._build()
            fw = s.framework
            if self.node_combo.count() == 0:
                self.node_combo.blockSignals(True)
                for code in fw.codes:
                    self.node_combo.addItem("　" * fw.nodes[code].depth + fw.label(code, current_language()), code)
                set_node_tooltips(self.node_combo, fw, current_language())
                self.node_combo.blockSignals(False)
            cmp = s.comparison(self.node_combo.currentData() or "total")
        if cmp is None:
            self.show_empty(
                s.assessment_error
                or self.tr("“{r}”没有对标结果：请选择一个地区（全国本身不参与对标）。").replace(
                    "{r}", region_name(s.region) if s.region else "—"
                )
            )
            return
        self.show_content()
        self.show_comparison(cmp)

    def show_comparison(self, cmp) -> None:
        """Show one NodeComparison (core.assessment): chart, verdicts, yearly table, ranks and sentences."""
        s = self.session
        years = sorted(cmp.region)
        self._draw_chart(cmp, years)
        self._fill_verdicts(cmp, years)
        pub = cmp.nation_published or {}
        rows = [
            [
                str(y),
                fmt(cmp.region.get(y)),
                fmt(cmp.nation_comparable.get(y)),
                fmt(pub.get(y)),
                _signed(cmp.gap_points.get(y)),
            ]
            for y in years
        ]
        fill_table(self.year_table, rows)
        self._fill_ranks(cmp, years[-1] if years else None)
        texts = [_text(cmp.sentence)] + [_text(f.sentence) for f in cmp.macro_figures]
        ra = s.assessment.regions.get(s.region) if s.assessment is not None else None
        if ra is not None and ra.comparison is not None:  # the report's macro-region share of this indicator
            texts += [_text(f.sentence) for f in ra.comparison.macro_shares if f.figure.node == cmp.node]
        if cmp.macro_region and not cmp.macro_figures:
            texts.append(
                self.tr("报告未给出{m}该指标的数值，无法与板块对比。").replace("{m}", region_name(cmp.macro_region))
            )
        self.sentences.setText("\n".join(t for t in texts if t))

    def _draw_chart(self, cmp, years: list[int]) -> None:
        from ..charts.plots import Series

        s = self.session
        res = s.result
        flags = [
            res.flag(s.region, cmp.node, y) if res is not None and s.region in res.regions and y in res.years else None
            for y in years
        ]
        estimated = [f is CellStatus.ESTIMATE for f in flags]
        series = [
            Series(region_name(s.region), years, [cmp.region.get(y) for y in years], style.ACCENT, width=3, estimated=estimated),
            Series(self.tr("全国可比序列"), years, [cmp.nation_comparable.get(y) for y in years], style.NATION_COLOR,
                   dashed=True, symbol="s"),
        ]  # fmt: skip
        pub = cmp.nation_published or {}
        pub_years = [y for y in sorted(pub) if years and years[0] <= y <= years[-1]]
        if pub_years:
            label = self.tr("全国公布值（中国信通院）")
            series.append(Series(label, pub_years, [pub[y] for y in pub_years], "#2e86c1", width=0, symbol="d"))
        for k, other in enumerate(r for r in s.compare if r != s.region):
            oc = s.comparison(cmp.node, other)
            if oc:
                color = style.SERIES_COLORS[(k + 1) % len(style.SERIES_COLORS)]
                series.append(
                    Series(region_name(other), years, [oc.region.get(y) for y in years], color, width=1.5, symbol="t")
                )
        for m in cmp.macro_figures:
            f = m.figure
            if f.measure == "index" and f.year and f.value is not None:
                section = f.section_en if current_language() == "en" and f.section_en else f.section
                name = msg("desktop.benchmark.macro_series", macro=cmp.macro_region, section=section)
                name = name.text(current_language())
                series.append(Series(name, [int(f.year)], [float(f.value)], "#8e5bb5", width=0, symbol="star"))
        name = s.framework.label(cmp.node, current_language())
        self.chart.title.setText(
            self.tr("{node}：{r} 与全国").replace("{node}", name).replace("{r}", region_name(s.region))
        )
        y_label = self.tr("指数（{y} 年 = 100）").replace("{y}", str(years[0]) if years else "")
        self.chart.set_data(series, x_ticks=years, y_label=y_label)
        self.chart.set_caption(_text(cmp.published_note))

    def _fill_verdicts(self, cmp, years: list[int]) -> None:
        last = years[-1] if years else None
        gap = cmp.gap_points.get(last)
        self.v_gap.set(fmt(gap) if gap is None else f"{gap:+.1f}", self.tr("{y} 年").replace("{y}", str(last)),
                       _text(cmp.sentence))  # fmt: skip
        gp, g_r, g_n = cmp.growth_gap_pp, cmp.g_region, cmp.g_nation
        growth = (
            self.tr("本地区年均增速 {a}，全国 {b}。")
            .replace("{a}", "—" if g_r is None else f"{100 * g_r:.2f}%")
            .replace("{b}", "—" if g_n is None else f"{100 * g_n:.2f}%")
        )
        self.v_growth.set("—" if gp is None else f"{gp:+.2f}", "", growth)
        ri, rl = cmp.rank_index, cmp.rank_level
        where = self.tr("{y} 年指数在已载入地区中的位次（增长快慢）。").replace("{y}", str(ri.year) if ri else "")
        self.v_rank.set(f"{ri.rank} / {ri.of}" if ri else "—", "", where)
        level_where = self.tr("融合水平（全国 = 100）在已载入地区中的位次（发展高低）。")
        self.v_level_rank.set(f"{rl.rank} / {rl.of}" if rl else "—", "", level_where)

    def _fill_ranks(self, cmp, last: int | None) -> None:
        """Every assessed region's index in the latest year, ranked by core's `rank_order` (as
        `NodeComparison.rank_index` ranks the selected one; 全国 never among them): one pass, not one
        comparison per region, so 300 regions stay instant."""
        s = self.session
        a = s.assessment
        from core.assessment import rank_order

        values = {r: a.index.value(r, cmp.node, last) for r in a.levels} if last is not None else {}
        positions, _ = rank_order(values)  # core's ranking (RankPool uses the same)
        ranked = sorted(positions, key=positions.get)
        rows = [
            [Cell(str(positions[r]), positions[r]), region_name(r), Cell(fmt(values[r]), values[r]),
             fmt(a.levels[r].nodes.get(cmp.node))]
            for r in ranked
        ]  # fmt: skip
        fill_table(self.rank_table, rows, highlight={i for i, r in enumerate(ranked) if r == s.region})


def _signed(x: float | None) -> str:
    return "—" if x is None else f"{x:+.1f}"


def _text(value) -> str:
    """A core Message (or None) in the interface language."""
    if value is None:
        return ""
    return value.text(current_language()) if isinstance(value, Message) else str(value)
