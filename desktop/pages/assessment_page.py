"""潜力与定位: level × momentum quadrant, radar against the nation, verdicts with reasons,
coupling gauge, strengths and short boards, potential parts, industries, partners, sameness,
levers. Every verdict shows core's one-sentence reason, rendered in the interface language."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.assessment import fmt_vs
from core.kernel import Message, msg

from .. import style
from ..help import indicator_tooltip, set_node_tooltips
from ..i18n import current_language, parenthesised, region_name, separators
from ..widgets import Card, CardRow, Verdict, fmt
from .audit_tab import AuditTab
from .base import LazyTabs, ResultPage
from .tables import DataTable, fill_table, make_table, robustness, scroll
from .tilemap_tab import TileMapTab


def _tr(text: str) -> str:
    """Translated in the page's context (the tabs below share the page's translations)."""
    return QCoreApplication.translate("AssessmentPage", text)


def _text(value: Message | str | None) -> str:
    """A core Message (or plain text) in the interface language."""
    if value is None:
        return ""
    return value.text(current_language()) if isinstance(value, Message) else str(value)


def _marked(text: str, badge: str, lang: str) -> str:
    """`text` with the 临界 badge beside it when core found the verdict borderline (“强（临界）”)."""
    return msg("assess.borderline.named", name=text).text(lang) if badge and text else text


def _show(widget: Verdict, a, verdict, value: str, grade: str, reason: str, lang: str, unit: str = "points") -> None:
    """A verdict card with its 临界 badge beside the grade and margin / stability on hover."""
    badge, hover = robustness(verdict, lambda n: a.name(n, lang), lang, unit, 4 if unit != "points" else 2)
    widget.set(value, _marked(grade, badge, lang) if grade else badge, reason)  # no grade: the badge alone
    widget.setToolTip(hover)


def _point_tip(a, region: str, node: str, level: float, momentum: float, lang: str) -> str:
    """A region's hover text in the quadrant scatter: level, momentum, quadrant with its 临界 badge."""
    tip = f"{region}\n" + _tr("融合水平 {l}　融合势能 {m}").replace("{l}", fmt(level)).replace("{m}", fmt(momentum))
    ra = a.regions.get(region)
    q = ra.quadrants.get(node) if ra else None
    if q and q.name:
        badge, hover = robustness(q, lambda n: a.name(n, lang), lang)
        tip += f"\n{_marked(a.name(q.name, lang), badge, lang)}" + (f"\n{hover}" if hover else "")
    return tip


def _label() -> QLabel:
    lab = QLabel("")
    lab.setWordWrap(True)
    return lab


class PositioningTab(QWidget):
    """Quadrant scatter of every loaded region, radar of the pillars, and the four headline verdicts."""

    def __init__(self, page: AssessmentPage):
        super().__init__()
        from ..charts.plots import QuadrantScatter, RadarChart

        self.page = page
        g = QGridLayout(self)
        g.setContentsMargins(6, 6, 6, 6)
        g.setSpacing(10)
        c_scatter = Card()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(QLabel(_tr("节点")))
        self.node_combo = QComboBox()
        self.node_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.node_combo.currentIndexChanged.connect(self.draw_scatter)
        row.addWidget(self.node_combo)
        self.scatter = QuadrantScatter(_tr("定位象限：融合水平 × 融合势能（全国 = 100）"), min_height=230)
        c_scatter.body.addWidget(self.scatter)
        c_scatter.body.addLayout(row)
        g.addWidget(c_scatter, 1, 0, 1, 2)
        c_radar = Card()
        self.radar = RadarChart(_tr("一级指标融合水平（全国 = 100）"), min_height=230)
        c_radar.body.addWidget(self.radar)
        g.addWidget(c_radar, 1, 2, 1, 2)
        self.v_level = Verdict(_tr("融合水平"))
        self.v_momentum = Verdict(_tr("融合势能"))
        self.v_quadrant = Verdict(_tr("定位象限"))
        self.v_role = Verdict(_tr("功能定位"))
        g.addWidget(CardRow((self.v_level, self.v_momentum, self.v_quadrant, self.v_role)), 0, 0, 1, 4)
        for i in range(4):
            g.setColumnStretch(i, 1)
        g.setRowStretch(1, 1)

    def fill_nodes(self, framework, lang: str) -> None:
        if self.node_combo.count() == 0:
            self.node_combo.blockSignals(True)
            for code in ("total", *framework.pillars):
                self.node_combo.addItem(framework.label(code, lang), code)
            set_node_tooltips(self.node_combo, framework, lang)
            self.node_combo.blockSignals(False)

    def draw_scatter(self, *_) -> None:
        from ..charts.plots import Point

        s = self.page.session
        a = s.assessment
        if a is None:
            return
        lang = current_language()
        node = self.node_combo.currentData() or "total"
        points = []
        for r, lv in a.levels.items():
            level, momentum = lv.nodes.get(node), a.momenta.get(r, {}).get(node)
            if level is None or momentum is None:
                continue
            tip = partial(_point_tip, a, r, node, level, momentum, lang)  # made on hover: 300 regions, one pointed at
            points.append(Point(region_name(r), float(level), float(momentum), tip, highlight=(r == s.region)))
        cfg = a.config
        keys = ((True, True), (True, False), (False, True), (False, False))
        names = tuple(a.name(cfg.quadrant_names.get(k), lang) for k in keys) if cfg else ("", "", "", "")
        split = (cfg.split_level, cfg.split_momentum) if cfg is not None else (100.0, 100.0)
        self.scatter.set_data(points, _tr("融合水平（全国 = 100）"), _tr("融合势能（全国 = 100）"), names, split,
                              nation_label=_tr("全国"))  # fmt: skip
        self.scatter.title.setText(_tr("定位象限：{n}").replace("{n}", s.framework.label(node, lang)))
        ra = a.regions.get(s.region)
        q = ra.quadrants.get(node) if ra else None
        self.scatter.set_caption(_text(q.reason) if q else "")

    def show_region(self, a, ra, framework, lang: str) -> None:
        axes = [framework.nodes[p].name(lang) for p in framework.pillars]
        vals = [ra.level.nodes.get(p) for p in framework.pillars]
        series = [
            (
                _tr("全国 = 100") if ra.parent is None else f"{ra.reference} = 100",
                [100.0] * len(axes),
                style.NATION_COLOR,
                True,
            ),  # fmt: skip
            (region_name(ra.region), vals, style.ACCENT, False),
        ]
        self.radar.set_data(axes, series)
        self.radar.set_caption(_text(ra.level.sentence))
        g = ra.groups.get("total")
        grade, why = (a.name(g.group, lang), _text(g.reason)) if g else ("", _text(ra.level.sentence))
        level = fmt(ra.level.total) if g is None or g.margin is None else fmt_vs(g.level, g.level - g.margin)
        _show(self.v_level, a, g, level, grade, why, lang)
        m = ra.momentum.get("total")
        gap = "" if m is None or m.gap_pp is None else _tr("年均增速差 {g} 个百分点").replace("{g}", f"{m.gap_pp:+.2f}")
        split = a.config.split_momentum if a.config is not None else 100.0
        self.v_momentum.set(fmt_vs(m.momentum, split) if m else "—", gap, _text(m.reason) if m else "")
        q = ra.quadrants.get("total")
        _show(self.v_quadrant, a, q, a.name(q.name, lang) if q else "—", "", _text(q.reason) if q else "", lang)
        _show(self.v_role, a, ra.role, a.name(ra.role.name, lang), "", _text(ra.role.reason), lang, "spread")
        for w in (self.v_quadrant, self.v_role):  # a name, not a number: smaller than the big figures
            w.value.setStyleSheet(f"color: {style.PRIMARY}; font-size: 15pt;")
        self.draw_scatter()


class CouplingTab(QWidget):
    """The coupling gauge with U1, U2, C, T, D, and the potential grade with its parts."""

    def __init__(self):
        super().__init__()
        from ..charts.plots import Gauge

        g2 = QGridLayout(self)
        g2.setSpacing(12)
        c_gauge = Card(_tr("双螺旋耦合协调度"))
        self.gauge = Gauge("", min_height=200)
        self.gauge.tools.hide()
        c_gauge.body.addWidget(self.gauge)
        self.coupling_table = make_table([_tr("量"), _tr("数值")], title=_tr("双螺旋耦合协调度"))
        self.coupling_table.setMinimumHeight(200)
        self.coupling_table.setMaximumHeight(210)
        c_gauge.body.addWidget(self.coupling_table)
        self.coupling_reason = _label()
        c_gauge.body.addWidget(self.coupling_reason)
        g2.addWidget(c_gauge, 0, 0)
        c_pot = Card(_tr("融合潜力"))
        self.v_potential = Verdict(_tr("潜力等级"))
        c_pot.body.addWidget(self.v_potential)
        self.potential_table = make_table([_tr("组成部分"), _tr("数值"), _tr("说明")], title=_tr("融合潜力"))
        c_pot.body.addWidget(self.potential_table)
        g2.addWidget(c_pot, 0, 1)
        g2.setColumnStretch(0, 2)
        g2.setColumnStretch(1, 3)

    def show_region(self, a, ra, framework, lang: str) -> None:
        c = ra.coupling
        bands = []
        if a.config is not None:
            grades = list(a.config.coupling_grades)
            for i, b in enumerate(grades):
                hi = grades[i + 1].lower if i + 1 < len(grades) else 1.0
                bands.append((b.lower, hi, a.name(b.name, lang)))
        badge, hover = robustness(c, lambda n: a.name(n, lang), lang, "d", 4)
        grade = a.name(c.grade, lang) + (parenthesised(badge, lang) if badge else "")
        self.gauge.set_data(c.d, f"{grade} · {a.name(c.type, lang)}", bands)
        self.gauge.setToolTip(hover)
        rows = [
            ["U1 " + _tr("科技创新侧"), fmt(c.u1, 3)],
            ["U2 " + _tr("产业创新侧"), fmt(c.u2, 3)],
            ["C " + _tr("耦合度"), fmt(c.c, 3)],
            ["T " + _tr("综合协调指数"), fmt(c.t, 3)],
            ["D " + _tr("耦合协调度"), fmt(c.d, 3)],
        ]
        fill_table(self.coupling_table, rows)
        self.coupling_reason.setText(_text(c.reason))
        self.coupling_reason.setToolTip(hover)
        self._fill_potential(a, ra, framework, lang)

    def _fill_potential(self, a, ra, framework, lang: str) -> None:
        p = ra.potential
        self.v_potential.set(a.name(p.grade, lang), "", _text(p.reason))
        sep, comma = separators(lang)
        raised = sep.join(
            f"{framework.nodes[k].name(lang)} {fmt(r.before)}→{fmt(r.after)}" for k, r in p.raised_pillars.items()
        )
        lagging = str(framework.coupling.get(f"{p.lagging_side}_{lang}", p.lagging_side)) if p.lagging_side else "—"
        g = ra.groups.get("total")
        badge = robustness(g, str, lang)[0] if g is not None and g.group == p.group_now else ""
        trend = (
            _tr("当前 {l}（{g0}）→ {g1}")
            .replace("{l}", fmt(p.level))
            .replace("{g0}", _marked(a.name(p.group_now, lang), badge, lang))
            .replace("{g1}", a.name(p.group_horizon, lang))
        )
        rows = [
            [_tr("趋势外推：{y} 年融合水平").replace("{y}", str(p.horizon_year)), fmt(p.level_horizon), trend],
            [_tr("补短板空间：总水平可提高"), fmt(p.short_board_rise), raised or _tr("各一级指标均不低于自身均值")],
            [_tr("协调提升空间：耦合协调度可提高"), fmt(p.coordination_rise, 3), _tr("滞后一侧：") + lagging],
            [_tr("融合势能"), fmt(p.momentum), ""],
        ]
        ind = p.industries
        if ind.count:
            quads = comma.join(f"{a.name(k, lang)} {v}" for k, v in (ind.by_quadrant or {}).items())
            text = (
                _tr("{n} 个产业；{q}；潜力最高：{t}")
                .replace("{n}", str(ind.count))
                .replace("{q}", quads)
                .replace("{t}", comma.join(ind.top or ()))
            )
            rows.append([_tr("主导产业潜力（均值）"), fmt(ind.mean_potential), text])
        fill_table(self.potential_table, rows)


class BoardsTab(QWidget):
    """Strongest and weakest indicators, and what pulls the weakest pillar down."""

    def __init__(self):
        super().__init__()
        h3 = QHBoxLayout(self)
        c_s = Card(_tr("优势指标（得分最高）"))
        self.strengths = make_table(
            [_tr("指标"), _tr("得分"), _tr("对总水平的贡献")], title=_tr("优势指标（得分最高）")
        )
        c_s.body.addWidget(self.strengths)
        c_w = Card(_tr("短板指标（得分最低）"))
        self.weaknesses = make_table(
            [_tr("指标"), _tr("得分"), _tr("拉低总水平（点）")], title=_tr("短板指标（得分最低）")
        )
        c_w.body.addWidget(self.weaknesses)
        self.boards_reason = _label()
        c_w.body.addWidget(self.boards_reason)
        for t in (self.strengths, self.weaknesses):  # the indicator's name takes the room, numbers their width
            t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            t.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        h3.addWidget(c_s, 1)  # the two boards share the width (the reason text must not squeeze the strengths)
        h3.addWidget(c_w, 1)

    def show_region(self, a, ra, framework, lang: str) -> None:
        b = ra.boards
        sides = {k: msg(f"assess.borderline.side.{k}").text(lang) for k in ("below", "above")}

        def label(s) -> str:  # a region's own wording of the indicator (本地区…, not the national 国内…)
            return framework.label(s.code, lang, regional=True) if s.code in framework.nodes else f"{s.code} {s.name}"

        def row(s, contribution: float) -> list[str]:
            badge = robustness(s, str, lang)[0]
            return [label(s), _marked(fmt(s.score), badge, lang), fmt(contribution, 2)]

        def tip(s) -> str:  # the indicator's definition, unit and source, then the margin and shares
            return "\n\n".join(
                t
                for t in (indicator_tooltip(framework, s.code, lang), robustness(s, lambda n: sides.get(n, n), lang)[1])
                if t
            )

        fill_table(self.strengths, [row(s, -s.gap_contribution) for s in b.strengths],
                   tips=[tip(s) for s in b.strengths])  # fmt: skip
        fill_table(
            self.weaknesses,
            [row(s, s.gap_contribution) for s in b.weaknesses],
            tips=[tip(s) for s in b.weaknesses],
            highlight={i for i, s in enumerate(b.weaknesses) if s.score < 100},
        )
        self.boards_reason.setText("\n".join(_text(x) for x in (b.weaknesses_sentence, b.reason) if x))


class IndustriesTab(QWidget):
    """The leading industries: quadrant of location quotient × potential, and the ranked table."""

    def __init__(self):
        super().__init__()
        from ..charts.plots import QuadrantScatter

        h4 = QHBoxLayout(self)
        c_iq = Card()
        self.industry_scatter = QuadrantScatter(_tr("主导产业融合潜力象限（区位熵 × 潜力）"))
        c_iq.body.addWidget(self.industry_scatter)
        h4.addWidget(c_iq, 1)
        c_it = Card(_tr("主导产业排序"))
        headers = [_tr("排名"), _tr("产业"), _tr("潜力"), _tr("区位熵"), _tr("象限"), _tr("专家数"), _tr("说明")]
        self.industry_table = make_table(headers, title=_tr("主导产业排序"))
        c_it.body.addWidget(self.industry_table)
        h4.addWidget(c_it, 1)

    def show_region(self, a, ra, framework, lang: str) -> None:
        from ..charts.plots import Point

        inds = list(ra.industries)
        reasons = [_text(i.reason) for i in inds]
        rows = [
            [str(i.rank), i.industry, fmt(i.potential), fmt(i.location_quotient, 2),
             a.name(i.quadrant, lang), str(i.experts), why]
            for i, why in zip(inds, reasons, strict=True)
        ]  # fmt: skip
        fill_table(self.industry_table, rows, tips=reasons)
        pts = [
            Point(i.industry, float(i.location_quotient), float(i.potential), why)
            for i, why in zip(inds, reasons, strict=True)
            if i.location_quotient is not None
        ]
        cfg = a.config
        names, split = ("", "", "", ""), (1.0, 60.0)
        if cfg is not None:
            keys = ((True, True), (False, True), (True, False), (False, False))
            names = tuple(a.name(cfg.industry_quadrants.get(k), lang) for k in keys)
            split = (cfg.lq_split, cfg.potential_split)
        if pts:
            self.industry_scatter.set_empty("")
            self.industry_scatter.set_data(pts, _tr("区位熵（全国 = 1）"), _tr("融合潜力（0–100）"), names, split,
                                           symmetric=False)  # fmt: skip
            self.industry_scatter.set_caption("")
        else:  # no empty axes: say what to fill in
            self.industry_scatter.set_caption("")
            empty = _tr("{r} 没有主导产业评分（可在填报模板的“主导产业”工作表中填写）。").replace(
                "{r}", region_name(ra.region)
            )
            self.industry_scatter.set_empty(empty)


class PartnersTab(QWidget):
    """Partners per weak pillar, sameness warnings and the levers with their sources."""

    def __init__(self):
        super().__init__()
        g5 = QGridLayout(self)
        c_p = Card(_tr("协同伙伴（和谁融合）"))
        self.partner_sentence = _label()
        c_p.body.addWidget(self.partner_sentence)
        headers = [_tr("短板一级指标"), _tr("伙伴地区"), _tr("伙伴水平"), _tr("毗邻"), _tr("理由")]
        self.partners = make_table(headers, title=_tr("协同伙伴（和谁融合）"))
        c_p.body.addWidget(self.partners)
        g5.addWidget(c_p, 0, 0)
        c_s2 = Card(_tr("同质化（定位趋同）预警"))
        self.sameness = make_table(
            [_tr("地区"), _tr("相似度"), _tr("预警"), _tr("理由")], title=_tr("同质化（定位趋同）预警")
        )
        c_s2.body.addWidget(self.sameness)
        g5.addWidget(c_s2, 0, 1)
        c_l = Card(_tr("路径建议（怎么融合）"))
        self.levers = make_table(
            [_tr("针对短板"), _tr("建议"), _tr("融合类型"), _tr("内容与依据")], title=_tr("路径建议（怎么融合）")
        )
        c_l.body.addWidget(self.levers)
        g5.addWidget(c_l, 1, 0, 1, 2)
        g5.setRowStretch(0, 1)
        g5.setRowStretch(1, 1)

    def show_region(self, a, ra, framework, lang: str) -> None:
        p = ra.partners
        self.partner_sentence.setText(_text(p.sentence))
        rows, tips = [], []
        for pillar, items in p.by_pillar.items():
            for it in items:
                why = _text(it.reason)
                adjacent = _tr("是") if it.adjacent else ""
                rows.append(
                    [
                        framework.label(pillar, lang, regional=True),
                        region_name(it.peer),
                        fmt(it.peer_level),
                        adjacent,
                        why,
                    ]
                )
                tips.append(why)
        fill_table(self.partners, rows, tips)
        same = list(ra.sameness)
        why = [_text(x.reason) for x in same]
        warning = _tr("定位趋同")
        fill_table(
            self.sameness,
            [
                [region_name(x.peer), fmt(x.cosine, 3), warning if x.warning else "", w]
                for x, w in zip(same, why, strict=True)
            ],
            tips=why,
            highlight={i for i, x in enumerate(same) if x.warning},
        )
        rows = [
            [
                _text(lv.target_label),
                _text(lv.name),
                a.name(lv.fusion, lang),
                f"{_text(lv.text)}\n{_tr('依据：')}{_text(lv.source)}\n{_text(lv.reason)}",
            ]
            for lv in ra.levers
        ]
        fill_table(self.levers, rows, tips=[_text(lv.reason) for lv in ra.levers])


class AssessmentPage(ResultPage):
    def __init__(self, session, window):
        super().__init__(session, window, (session.assessmentChanged, session.regionChanged))
        self.empty.setText(self.tr("还没有评估结果。评估需要地区数据和全国基准（可用内置的全国数据）。"))

    def _build(self) -> None:
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
        v.addWidget(self.tabs, 1)
        self._tabs: dict[str, QWidget] = {}
        self._tab_index: dict[str, int] = {}
        self.lazy_tabs = LazyTabs(self.tabs)  # a tab is created and filled when it is first shown
        # every tab but the map scrolls inside itself: the tallest tab no longer sets the page's minimum
        # (at 125 % the page and a tab both scrolled)
        for name, make, scrolls, title in (
            ("positioning", lambda: PositioningTab(self), True, self.tr("定位")),
            ("tilemap", lambda: TileMapTab(self.session), False, self.tr("全国格局")),
            ("coupling", CouplingTab, True, self.tr("耦合与潜力")),
            ("boards", BoardsTab, True, self.tr("优势与短板")),
            ("industries", IndustriesTab, True, self.tr("主导产业")),
            ("partner_tab", PartnersTab, True, self.tr("伙伴与路径")),
            ("audit", AuditTab, True, self.tr("统计一致性")),
        ):
            self._tab_index[name] = self.tabs.count()
            self.lazy_tabs.add_later(
                lambda n=name, m=make, sc=scrolls: self._make_tab(n, m, sc), title, lambda n=name: self._show_tab(n)
            )
        self.tabs.currentChanged.connect(self._fit_rows)  # after the fill
        self.notes = QLabel("")
        self.notes.setObjectName("muted")
        self.notes.setWordWrap(True)
        v.addWidget(self.notes)
        self._built = True

    def _make_tab(self, name: str, make, scrolls: bool) -> QWidget:
        tab = self._tabs[name] = make()
        return scroll(tab) if scrolls else tab

    def _tab(self, name: str) -> QWidget:
        """The tab `name` (created now if it has not been shown yet; filled when shown)."""
        if name not in self._tabs:
            self.lazy_tabs.build(self._tab_index[name])
        return self._tabs[name]

    # the tabs and the widgets tests and other pages address directly
    positioning = property(lambda self: self._tab("positioning"))
    tilemap = property(lambda self: self._tab("tilemap"))
    coupling = property(lambda self: self._tab("coupling"))
    boards = property(lambda self: self._tab("boards"))
    industries = property(lambda self: self._tab("industries"))
    partner_tab = property(lambda self: self._tab("partner_tab"))
    audit = property(lambda self: self._tab("audit"))
    node_combo = property(lambda self: self.positioning.node_combo)
    scatter = property(lambda self: self.positioning.scatter)
    radar = property(lambda self: self.positioning.radar)
    v_level = property(lambda self: self.positioning.v_level)
    v_momentum = property(lambda self: self.positioning.v_momentum)
    v_quadrant = property(lambda self: self.positioning.v_quadrant)
    v_role = property(lambda self: self.positioning.v_role)
    gauge = property(lambda self: self.coupling.gauge)
    coupling_reason = property(lambda self: self.coupling.coupling_reason)
    v_potential = property(lambda self: self.coupling.v_potential)
    industry_table = property(lambda self: self.industries.industry_table)
    industry_scatter = property(lambda self: self.industries.industry_scatter)
    partners = property(lambda self: self.partner_tab.partners)
    sameness = property(lambda self: self.partner_tab.sameness)
    levers = property(lambda self: self.partner_tab.levers)

    def region_assessment(self):
        a = self.session.assessment
        return None if a is None else a.regions.get(self.session.region)

    def refresh(self) -> None:
        self._dirty = False
        s = self.session
        ra = self.region_assessment()
        if ra is None:
            missing = self.tr("“{r}”没有评估结果（全国本身不参与定位评估，请选择一个地区）。").replace(
                "{r}", region_name(s.region)
            )
            msg = s.assessment_error or (missing if s.assessment is not None else "")
            self.show_empty(msg or self.tr("还没有评估结果。评估需要地区数据和全国基准（可用内置的全国数据）。"))
            return
        self.show_content()
        fw, lang = s.framework, current_language()
        self.positioning.fill_nodes(fw, lang)
        self.headline.setText(_text(ra.headline))
        self.lazy_tabs.refresh()
        notes = [_text(n) for n in ra.notes]
        more = self.tr("（另有 {0} 条说明，见导出的 JSON）").format(len(notes) - 4) if len(notes) > 4 else ""
        self.notes.setText(self.tr("说明：") + " ".join(notes[:4]) + more if notes else "")
        self._fit_rows()

    def _show_tab(self, name: str) -> None:
        s = self.session
        self._tabs[name].show_region(s.assessment, self.region_assessment(), s.framework, current_language())

    def _fit_rows(self, *_):
        """Row heights follow the wrapped text once the tab has its real width."""
        page = self.tabs.currentWidget() if self._built else None
        if page is not None:
            for t in page.findChildren(DataTable):
                t.view.resizeRowsToContents()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_rows()
