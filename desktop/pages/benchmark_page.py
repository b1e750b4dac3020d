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

from core.kernel import CellStatus

from .. import style
from ..widgets import Card, Verdict, fmt
from .assessment_page import _fill, _table
from .base import ResultPage


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
        cards = QHBoxLayout()
        self.v_gap = Verdict(self.tr("与全国差距（点）"))
        self.v_growth = Verdict(self.tr("年均增速差（百分点）"))
        self.v_rank = Verdict(self.tr("指数排名"))
        self.v_level_rank = Verdict(self.tr("融合水平排名"))
        for w in (self.v_gap, self.v_growth, self.v_rank, self.v_level_rank):
            cards.addWidget(w, 1, Qt.AlignmentFlag.AlignTop)
        v.addLayout(cards)
        grid = QGridLayout()
        grid.setSpacing(12)
        c_chart = Card()
        self.chart = LineChart(self.tr("地区与全国对比"), min_height=300)
        c_chart.body.addWidget(self.chart)
        grid.addWidget(c_chart, 0, 0, 2, 1)
        c_tab = Card(self.tr("逐年对比"))
        self.year_table = _table(
            [
                self.tr("年份"),
                self.tr("本地区"),
                self.tr("全国（可比）"),
                self.tr("全国（公布）"),
                self.tr("差距（点）"),
            ],
            stretch_last=False,
        )
        self.year_table.setToolTip(
            self.tr("全国（可比）：按省级口径计算的全国可比序列；全国（公布）：中国信通院公布的全国指数。")
        )
        c_tab.body.addWidget(self.year_table)
        grid.addWidget(c_tab, 0, 1)
        c_rank = Card(self.tr("已载入地区排名（最新年份）"))
        self.rank_table = _table(
            [self.tr("排名"), self.tr("地区"), self.tr("指数"), self.tr("融合水平")], stretch_last=False
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
                    self.node_combo.addItem("　" * fw.nodes[code].depth + fw.label(code, self.window_.lang), code)
                self.node_combo.blockSignals(False)
            cmp = s.comparison(self.node_combo.currentData() or "total")
        if cmp is None:
            self.show_empty(
                s.assessment_error
                or self.tr("“{r}”没有对标结果：请选择一个地区（全国本身不参与对标）。").replace("{r}", s.region or "—")
            )
            return
        self.show_content()
        self.show_comparison(cmp)

    def show_comparison(self, cmp: dict) -> None:
        from ..charts.plots import Series

        s = self.session
        fw = s.framework
        code = cmp["node"]
        name = fw.label(code, self.window_.lang)
        years = sorted(int(y) for y in cmp["region"])
        reg = {int(y): v for y, v in cmp["region"].items()}
        nat = {int(y): v for y, v in cmp.get("nation_comparable", {}).items()}
        pub = {int(y): v for y, v in cmp.get("nation_published", {}).items()}
        gaps = {int(y): v for y, v in cmp.get("gap_points", {}).items()}
        res = s.result
        flags = [
            res.flag(s.region, code, y) if res is not None and s.region in res.regions and y in res.years else None
            for y in years
        ]
        series = [
            Series(
                s.region,
                years,
                [reg.get(y) for y in years],
                style.ACCENT,
                width=3,
                estimated=[f is CellStatus.ESTIMATE for f in flags],
            ),
            Series(
                self.tr("全国可比序列"), years, [nat.get(y) for y in years], style.NATION_COLOR, dashed=True, symbol="s"
            ),
        ]
        pub_years = [y for y in sorted(pub) if years and years[0] <= y <= years[-1]]
        if pub_years:
            series.append(
                Series(
                    self.tr("全国公布值（中国信通院）"),
                    pub_years,
                    [pub[y] for y in pub_years],
                    "#2e86c1",
                    width=0,
                    symbol="d",
                )
            )
        for k, other in enumerate(r for r in s.compare if r != s.region):
            oc = s.comparison(code, other)
            if oc:
                series.append(
                    Series(
                        other,
                        years,
                        [oc["region"].get(str(y)) for y in years],
                        style.SERIES_COLORS[(k + 1) % len(style.SERIES_COLORS)],
                        width=1.5,
                        symbol="t",
                    )
                )
        macro = cmp.get("macro_region") or {}
        for f in macro.get("figures", []):
            if f.get("measure") == "index" and f.get("year") and f.get("value") is not None:
                series.append(
                    Series(
                        f"{macro.get('name')}（{f.get('section', '')}）",
                        [int(f["year"])],
                        [float(f["value"])],
                        "#8e5bb5",
                        width=0,
                        symbol="star",
                    )
                )
        self.chart.title.setText(self.tr("{node}：{r} 与全国").replace("{node}", name).replace("{r}", s.region))
        self.chart.set_data(
            series,
            x_ticks=years,
            y_label=self.tr("指数（{y} 年 = 100）").replace("{y}", str(years[0]) if years else ""),
        )
        self.chart.set_caption(cmp.get("published_note", ""))
        last = years[-1] if years else None
        gap = gaps.get(last)
        self.v_gap.set(
            fmt(gap) if gap is None else f"{gap:+.1f}",
            self.tr("{y} 年").replace("{y}", str(last)),
            cmp.get("sentence", ""),
        )
        gp = cmp.get("growth_gap_pp")
        g_r, g_n = cmp.get("g_region"), cmp.get("g_nation")
        self.v_growth.set(
            "—" if gp is None else f"{gp:+.2f}",
            "",
            self.tr("本地区年均增速 {a}，全国 {b}。")
            .replace("{a}", "—" if g_r is None else f"{100 * g_r:.2f}%")
            .replace("{b}", "—" if g_n is None else f"{100 * g_n:.2f}%"),
        )
        ri, rl = cmp.get("rank_index"), cmp.get("rank_level")
        self.v_rank.set(
            f"{ri['rank']} / {ri['of']}" if ri else "—",
            "",
            self.tr("{y} 年指数在已载入地区中的位次（增长快慢）。").replace("{y}", str(ri["year"]) if ri else ""),
        )
        self.v_level_rank.set(
            f"{rl['rank']} / {rl['of']}" if rl else "—",
            "",
            self.tr("融合水平（全国 = 100）在已载入地区中的位次（发展高低）。"),
        )
        rows = [
            [
                str(y),
                fmt(reg.get(y)),
                fmt(nat.get(y)),
                fmt(pub.get(y)),
                "—" if gaps.get(y) is None else f"{gaps[y]:+.1f}",
            ]
            for y in years
        ]
        _fill(self.year_table, rows)
        # ranks: each loaded region's own comparison (ranks are core's)
        a = s.assessment
        ranked = []
        for r in a.levels:
            oc = cmp if r == s.region else s.comparison(code, r)
            if oc and oc.get("rank_index"):
                ranked.append((oc["rank_index"]["rank"], r, oc["region"].get(str(last)), a.levels[r].nodes.get(code)))
        ranked.sort()
        _fill(
            self.rank_table,
            [[str(k), r, fmt(v), fmt(lv)] for k, r, v, lv in ranked],
            highlight={i for i, row in enumerate(ranked) if row[1] == s.region},
        )
        texts = [t for t in [cmp.get("sentence", "")] + [f.get("sentence", "") for f in macro.get("figures", [])] if t]
        for m in cmp.get("macro_shares", []) if isinstance(cmp.get("macro_shares"), list) else []:
            if isinstance(m, dict) and m.get("sentence"):
                texts.append(m["sentence"])
        if macro.get("name") and not macro.get("figures"):
            texts.append(self.tr("报告未给出{m}该指标的数值，无法与板块对比。").replace("{m}", macro["name"]))
        self.sentences.setText("\n".join(texts))
