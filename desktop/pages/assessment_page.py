"""潜力与定位: level × momentum quadrant, radar against the nation, verdicts with reasons,
coupling gauge, strengths and short boards, potential parts, industries, partners, sameness,
levers. Every verdict shows core's one-sentence reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import style
from ..widgets import Card, Verdict, fmt
from .base import ResultPage


def _table(headers: list[str], stretch_last: bool = True) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setWordWrap(True)
    hh = t.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_last:
        hh.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return t


def _fill(
    table: QTableWidget, rows: list[list[str]], tips: list[str] | None = None, highlight: set[int] | None = None
) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            it = QTableWidgetItem(text)
            if tips and r < len(tips) and tips[r]:
                it.setToolTip(tips[r])
            elif len(text) > 30:
                it.setToolTip(text)
            if highlight and r in highlight:
                it.setBackground(QBrush(QColor("#fdecea")))
            table.setItem(r, c, it)
    table.resizeRowsToContents()


def _scroll(widget: QWidget) -> QScrollArea:
    sa = QScrollArea()
    sa.setWidgetResizable(True)
    sa.setFrameShape(QFrame.Shape.NoFrame)
    sa.setWidget(widget)
    return sa


class AssessmentPage(ResultPage):
    def __init__(self, session, window):
        super().__init__(session, window, (session.assessmentChanged, session.regionChanged))
        self.empty.setText(self.tr("还没有评估结果。评估需要地区数据和全国基准（可用内置的全国数据）。"))

    # ------------------------------------------------------------------ build
    def _build(self) -> None:
        from ..charts.plots import Gauge, QuadrantScatter, RadarChart

        self.setMinimumWidth(0)

        v = QVBoxLayout(self.content)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(10)
        self.headline = QLabel("")
        self.headline.setObjectName("verdict")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.headline)
        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(self._fit_rows)
        v.addWidget(self.tabs, 1)

        # tab 1: positioning -------------------------------------------------------------------
        t1 = QWidget()
        g = QGridLayout(t1)
        g.setContentsMargins(6, 6, 6, 6)
        g.setSpacing(10)
        c_scatter = Card()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("节点")))
        self.node_combo = QComboBox()
        self.node_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.node_combo.currentIndexChanged.connect(self._draw_scatter)
        row.addWidget(self.node_combo)
        self.scatter = QuadrantScatter(self.tr("定位象限：融合水平 × 融合势能（全国 = 100）"), min_height=300)
        c_scatter.body.addWidget(self.scatter)
        c_scatter.body.addLayout(row)
        g.addWidget(c_scatter, 1, 0, 1, 2)
        c_radar = Card()
        self.radar = RadarChart(self.tr("一级指标融合水平（全国 = 100）"), min_height=300)
        c_radar.body.addWidget(self.radar)
        g.addWidget(c_radar, 1, 2, 1, 2)
        self.v_level = Verdict(self.tr("融合水平"))
        self.v_momentum = Verdict(self.tr("融合势能"))
        self.v_quadrant = Verdict(self.tr("定位象限"))
        self.v_role = Verdict(self.tr("功能定位"))
        for i, w in enumerate((self.v_level, self.v_momentum, self.v_quadrant, self.v_role)):
            g.addWidget(w, 0, i, Qt.AlignmentFlag.AlignTop)
            g.setColumnStretch(i, 1)
        g.setRowStretch(1, 1)
        self.tabs.addTab(_scroll(t1), self.tr("定位"))

        # tab 2: coupling and potential ------------------------------------------------------
        t2 = QWidget()
        g2 = QGridLayout(t2)
        g2.setSpacing(12)
        c_gauge = Card(self.tr("双螺旋耦合协调度"))
        self.gauge = Gauge("", min_height=200)
        self.gauge.tools.hide()
        c_gauge.body.addWidget(self.gauge)
        self.coupling_table = _table([self.tr("量"), self.tr("数值")])
        self.coupling_table.setMinimumHeight(200)
        self.coupling_table.setMaximumHeight(210)
        c_gauge.body.addWidget(self.coupling_table)
        self.coupling_reason = QLabel("")
        self.coupling_reason.setWordWrap(True)
        c_gauge.body.addWidget(self.coupling_reason)
        g2.addWidget(c_gauge, 0, 0)
        c_pot = Card(self.tr("融合潜力"))
        self.v_potential = Verdict(self.tr("潜力等级"))
        c_pot.body.addWidget(self.v_potential)
        self.potential_table = _table([self.tr("组成部分"), self.tr("数值"), self.tr("说明")])
        c_pot.body.addWidget(self.potential_table)
        g2.addWidget(c_pot, 0, 1)
        g2.setColumnStretch(0, 2)
        g2.setColumnStretch(1, 3)
        self.tabs.addTab(t2, self.tr("耦合与潜力"))

        # tab 3: strengths and short boards ---------------------------------------------------
        t3 = QWidget()
        h3 = QHBoxLayout(t3)
        c_s = Card(self.tr("优势指标（得分最高）"))
        self.strengths = _table([self.tr("指标"), self.tr("得分"), self.tr("对总水平的贡献")])
        c_s.body.addWidget(self.strengths)
        c_w = Card(self.tr("短板指标（得分最低）"))
        self.weaknesses = _table([self.tr("指标"), self.tr("得分"), self.tr("拉低总水平（点）")])
        c_w.body.addWidget(self.weaknesses)
        self.boards_reason = QLabel("")
        self.boards_reason.setWordWrap(True)
        c_w.body.addWidget(self.boards_reason)
        h3.addWidget(c_s)
        h3.addWidget(c_w)
        self.tabs.addTab(t3, self.tr("优势与短板"))

        # tab 4: industries -----------------------------------------------------------------
        t4 = QWidget()
        h4 = QHBoxLayout(t4)
        c_iq = Card()
        self.industry_scatter = QuadrantScatter(self.tr("主导产业融合潜力象限（区位熵 × 潜力）"))
        c_iq.body.addWidget(self.industry_scatter)
        h4.addWidget(c_iq, 1)
        c_it = Card(self.tr("主导产业排序"))
        self.industry_table = _table(
            [
                self.tr("排名"),
                self.tr("产业"),
                self.tr("潜力"),
                self.tr("区位熵"),
                self.tr("象限"),
                self.tr("专家数"),
                self.tr("说明"),
            ]
        )
        c_it.body.addWidget(self.industry_table)
        h4.addWidget(c_it, 1)
        self.tabs.addTab(t4, self.tr("主导产业"))

        # tab 5: partners, sameness, levers ---------------------------------------------------
        t5 = QWidget()
        g5 = QGridLayout(t5)
        c_p = Card(self.tr("协同伙伴（和谁融合）"))
        self.partner_sentence = QLabel("")
        self.partner_sentence.setWordWrap(True)
        c_p.body.addWidget(self.partner_sentence)
        self.partners = _table(
            [self.tr("短板一级指标"), self.tr("伙伴地区"), self.tr("伙伴水平"), self.tr("毗邻"), self.tr("理由")]
        )
        c_p.body.addWidget(self.partners)
        g5.addWidget(c_p, 0, 0)
        c_s2 = Card(self.tr("同质化（定位趋同）预警"))
        self.sameness = _table([self.tr("地区"), self.tr("相似度"), self.tr("预警"), self.tr("理由")])
        c_s2.body.addWidget(self.sameness)
        g5.addWidget(c_s2, 0, 1)
        c_l = Card(self.tr("路径建议（怎么融合）"))
        self.levers = _table([self.tr("针对短板"), self.tr("建议"), self.tr("融合类型"), self.tr("内容与依据")])
        c_l.body.addWidget(self.levers)
        g5.addWidget(c_l, 1, 0, 1, 2)
        g5.setRowStretch(0, 1)
        g5.setRowStretch(1, 1)
        self.tabs.addTab(t5, self.tr("伙伴与路径"))

        self.notes = QLabel("")
        self.notes.setObjectName("muted")
        self.notes.setWordWrap(True)
        v.addWidget(self.notes)
        self._built = True

    # ------------------------------------------------------------------ refresh
    def region_assessment(self):
        a = self.session.assessment
        if a is None:
            return None
        return a.regions.get(self.session.region)

    def refresh(self) -> None:
        self._dirty = False
        s = self.session
        ra = self.region_assessment()
        if ra is None:
            msg = s.assessment_error or (
                self.tr("“{r}”没有评估结果（全国本身不参与定位评估，请选择一个地区）。").replace("{r}", s.region)
                if s.assessment is not None
                else ""
            )
            self.show_empty(msg or self.tr("还没有评估结果。评估需要地区数据和全国基准（可用内置的全国数据）。"))
            return
        self.show_content()
        fw = s.framework
        lang = self.window_.lang
        if self.node_combo.count() == 0:
            self.node_combo.blockSignals(True)
            for code in ("total", *fw.pillars):
                self.node_combo.addItem(fw.label(code, lang), code)
            self.node_combo.blockSignals(False)
        self.headline.setText(ra.headline_zh())
        self._draw_scatter()
        self._draw_radar(ra)
        self._fill_verdicts(ra)
        self._fill_coupling(ra)
        self._fill_potential(ra)
        self._fill_boards(ra)
        self._fill_industries(ra)
        self._fill_partners(ra)
        notes = [n if n.endswith("。") else n + "。" for n in ra.notes]
        more = self.tr("（另有 {0} 条说明，见导出的 JSON）").format(len(notes) - 4) if len(notes) > 4 else ""
        self.notes.setText(self.tr("说明：") + "".join(notes[:4]) + more if notes else "")
        self._fit_rows()

    def _fit_rows(self, *_):
        """Row heights follow the wrapped text once the tab has its real width."""
        page = self.tabs.currentWidget() if self._built else None
        if page is not None:
            for t in page.findChildren(QTableWidget):
                t.resizeRowsToContents()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_rows()

    def _draw_scatter(self, *_):
        from ..charts.plots import Point

        a, s = self.session.assessment, self.session
        if a is None or not self._built:
            return
        node = self.node_combo.currentData() or "total"
        fw = s.framework
        cfg = s.assessment.config
        points = []
        for r, lv in a.levels.items():
            L, M = lv.nodes.get(node), a.momenta.get(r, {}).get(node)
            if L is None or M is None:
                continue
            ra = a.regions.get(r)
            q = ra.quadrants.get(node) if ra else None
            tip = (
                f"{r}\n"
                + self.tr("融合水平 {l}　融合势能 {m}").replace("{l}", fmt(L)).replace("{m}", fmt(M))
                + (f"\n{q.name}" if q and q.name else "")
            )
            points.append(Point(r, float(L), float(M), tip, highlight=(r == s.region)))
        names = ("", "", "", "")
        if cfg is not None:
            qn = cfg.quadrant_names
            names = (
                qn.get((True, True), ""),
                qn.get((True, False), ""),
                qn.get((False, True), ""),
                qn.get((False, False), ""),
            )
        split = (cfg.split_level, cfg.split_momentum) if cfg is not None else (100.0, 100.0)
        self.scatter.set_data(
            points,
            self.tr("融合水平（全国 = 100）"),
            self.tr("融合势能（全国 = 100）"),
            names,
            split,
            nation_label=self.tr("全国"),
        )
        self.scatter.title.setText(self.tr("定位象限：{n}").replace("{n}", fw.label(node, self.window_.lang)))
        ra = self.region_assessment()
        q = ra.quadrants.get(node) if ra else None
        self.scatter.set_caption(q.reason if q else "")

    def _draw_radar(self, ra) -> None:
        fw = self.session.framework
        lang = self.window_.lang
        axes = [fw.nodes[p].name(lang) for p in fw.pillars]
        vals = [ra.level.nodes.get(p) for p in fw.pillars]
        series = [
            (self.tr("全国 = 100"), [100.0] * len(axes), style.NATION_COLOR, True),
            (ra.region, vals, style.ACCENT, False),
        ]
        self.radar.set_data(axes, series)
        self.radar.set_caption(ra.level.sentence_zh())

    def _fill_verdicts(self, ra) -> None:
        g = ra.groups.get("total")
        self.v_level.set(fmt(ra.level.total), g.group if g else "", g.reason if g else ra.level.sentence_zh())
        m = ra.momentum.get("total")
        gap = (
            ""
            if m is None or m.gap_pp is None
            else self.tr("年均增速差 {g} 个百分点").replace("{g}", f"{m.gap_pp:+.2f}")
        )
        self.v_momentum.set(fmt(m.momentum if m else None), gap, m.reason if m else "")
        q = ra.quadrants.get("total")
        self.v_quadrant.set(q.name or "—" if q else "—", "", q.reason if q else "")
        self.v_role.set(ra.role.name or "—", "", ra.role.reason)
        for w in (self.v_quadrant, self.v_role):
            w.value.setStyleSheet(f"color: {style.PRIMARY};")

    def _fill_coupling(self, ra) -> None:
        c = ra.coupling
        cfg = self.session.assessment.config
        bands = []
        if cfg is not None:
            grades = list(cfg.coupling_grades)
            for i, b in enumerate(grades):
                hi = grades[i + 1].lower if i + 1 < len(grades) else 1.0
                bands.append((b.lower, hi, b.name))
        self.gauge.set_data(c.d, f"{c.grade or '—'} · {c.type or '—'}", bands)
        rows = [
            ["U1 " + self.tr("科技创新侧"), fmt(c.u1, 3)],
            ["U2 " + self.tr("产业创新侧"), fmt(c.u2, 3)],
            ["C " + self.tr("耦合度"), fmt(c.c, 3)],
            ["T " + self.tr("综合协调指数"), fmt(c.t, 3)],
            ["D " + self.tr("耦合协调度"), fmt(c.d, 3)],
        ]
        _fill(self.coupling_table, rows)
        self.coupling_reason.setText(c.reason)

    def _fill_potential(self, ra) -> None:
        p = ra.potential
        fw = self.session.framework
        lang = self.window_.lang
        self.v_potential.set(p.grade or "—", "", p.reason)
        rows = [
            [
                self.tr("趋势外推：{y} 年融合水平").replace("{y}", str(p.horizon_year)),
                fmt(p.level_horizon),
                self.tr("当前 {l}（{g0}）→ {g1}")
                .replace("{l}", fmt(p.level))
                .replace("{g0}", p.group_now or "—")
                .replace("{g1}", p.group_horizon or "—"),
            ],
            [
                self.tr("补短板空间：总水平可提高"),
                fmt(p.short_board_rise),
                "；".join(f"{fw.nodes[k].name(lang)} {fmt(a)}→{fmt(b)}" for k, (a, b) in p.raised_pillars.items())
                or self.tr("各一级指标均不低于自身均值"),
            ],
            [
                self.tr("协调提升空间：耦合协调度可提高"),
                fmt(p.coordination_rise, 3),
                self.tr("滞后一侧：")
                + (str(fw.coupling.get(f"{p.lagging_side}_{lang}", p.lagging_side)) if p.lagging_side else "—"),
            ],
            [self.tr("融合势能"), fmt(p.momentum), ""],
        ]
        ind = dict(p.industries or {})
        if ind.get("count"):
            quads = "、".join(f"{k} {v}" for k, v in (ind.get("by_quadrant") or {}).items())
            top = "、".join(ind.get("top") or [])
            rows.append(
                [
                    self.tr("主导产业潜力（均值）"),
                    fmt(ind.get("mean_potential")),
                    self.tr("{n} 个产业；{q}；潜力最高：{t}")
                    .replace("{n}", str(ind["count"]))
                    .replace("{q}", quads)
                    .replace("{t}", top),
                ]
            )
        _fill(self.potential_table, rows)

    def _fill_boards(self, ra) -> None:
        b = ra.boards
        fw, lang = self.session.framework, self.window_.lang
        label = lambda s: fw.label(s.code, lang) if s.code in fw.nodes else f"{s.code} {s.name}"  # noqa: E731
        _fill(self.strengths, [[label(s), fmt(s.score), fmt(-s.gap_contribution, 2)] for s in b.strengths])
        _fill(
            self.weaknesses,
            [[label(s), fmt(s.score), fmt(s.gap_contribution, 2)] for s in b.weaknesses],
            highlight=set(range(len(b.weaknesses))),
        )
        self.boards_reason.setText(b.reason)

    def _fill_industries(self, ra) -> None:
        from ..charts.plots import Point

        inds = list(ra.industries)
        cfg = self.session.assessment.config
        _fill(
            self.industry_table,
            [
                [
                    str(i.rank),
                    i.industry,
                    fmt(i.potential),
                    fmt(i.location_quotient, 2),
                    i.quadrant or "—",
                    str(i.experts),
                    i.reason,
                ]
                for i in inds
            ],
            tips=[i.reason for i in inds],
        )
        pts = [
            Point(i.industry, float(i.location_quotient), float(i.potential), i.reason)
            for i in inds
            if i.location_quotient is not None
        ]
        names = ("", "", "", "")
        split = (1.0, 60.0)
        if cfg is not None:
            iq = cfg.industry_quadrants
            names = (
                iq.get((True, True), ""),
                iq.get((False, True), ""),
                iq.get((True, False), ""),
                iq.get((False, False), ""),
            )
            split = (cfg.lq_split, cfg.potential_split)
        if pts:
            self.industry_scatter.set_data(
                pts, self.tr("区位熵（全国 = 1）"), self.tr("融合潜力（0–100）"), names, split, symmetric=False
            )
            self.industry_scatter.set_caption("")
        else:
            self.industry_scatter.plot.clear()
            self.industry_scatter.set_caption(
                self.tr("{r} 没有主导产业评分（可在填报模板的“主导产业”工作表中填写）。").replace("{r}", ra.region)
            )

    def _fill_partners(self, ra) -> None:
        fw = self.session.framework
        p = ra.partners or {}
        self.partner_sentence.setText(str(p.get("sentence", "")) if isinstance(p, dict) else "")
        rows, tips = [], []
        by = p.get("by_pillar", {}) if isinstance(p, dict) else {}
        for pillar, items in by.items():
            for it in items:
                rows.append(
                    [
                        fw.label(pillar, self.window_.lang),
                        it["peer"],
                        fmt(it["peer_level"]),
                        self.tr("是") if it["adjacent"] else "",
                        it["reason"],
                    ]
                )
                tips.append(it["reason"])
        _fill(self.partners, rows, tips)
        same = list(ra.sameness)
        _fill(
            self.sameness,
            [[x.peer, fmt(x.cosine, 3), self.tr("定位趋同") if x.warning else "", x.reason] for x in same],
            tips=[x.reason for x in same],
            highlight={i for i, x in enumerate(same) if x.warning},
        )
        _fill(
            self.levers,
            [
                [lv.target_label, lv.name, lv.fusion, f"{lv.text}\n{self.tr('依据：')}{lv.source}\n{lv.reason}"]
                for lv in ra.levers
            ],
            tips=[lv.reason for lv in ra.levers],
        )
