"""规划推演: where the region stands in a target year if its indicators keep their trends, or grow as
the user sets them; or the fewest, least-effort changes that reach a group, quadrant or level.

The table shows each indicator's trend growth and an editable scenario growth (%/yr); every edit
re-projects on a worker task (debounced) through the session's WhatIf seam, and the verdict cards
and the quadrant chart (with the path from today to the target year) follow. Scenarios are saved in
the workspace, compared side by side and exported. A scenario is not a forecast: the page says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import style
from ..i18n import current_language, separators
from ..session.whatif import whatif_of
from ..widgets import Card, Verdict, fmt, note_label
from .base import ResultPage
from .tables import robustness
from .whatif_chart import PathChart
from .whatif_compare import ScenarioCompare

EDIT_COLUMN = 2
DEBOUNCE_MS = 300


def _growth_table(headers: list[str]) -> QTableWidget:
    """The editable growth table (its 情景增速 cells are typed into; the shared DataTable is read-only)."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return t


def _fill_items(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text if len(text) > 30 else "")
            table.setItem(r, c, item)


class WhatIfPage(ResultPage):
    def __init__(self, session, window):
        super().__init__(session, window, (session.assessmentChanged, session.regionChanged))
        self.model = whatif_of(session)
        self.model.baselineChanged.connect(self._baseline_ready)
        self.model.projected.connect(self._show_projection)
        self.model.stopped.connect(self._stopped)
        self.empty.setText(self.tr("还没有可推演的结果。请先导入数据并完成潜力与定位评估。"))
        self.scenario: dict[str, float] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._project)
        self._start = QTimer(self)  # the baseline's worker starts once the frame is on screen
        self._start.setSingleShot(True)
        self._start.setInterval(0)
        self._start.timeout.connect(self._prepare)
        self._key = None

    def filled(self) -> bool:
        """Whether the page shows what it was asked for: no baseline, projection or plan on its way."""
        return not (self._start.isActive() or self._timer.isActive() or self.model.busy)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        v = QVBoxLayout(self.content)
        v.setContentsMargins(0, 0, 0, 0)
        v.addLayout(self._controls())
        split = QSplitter(Qt.Orientation.Horizontal)
        left = Card(self.tr("指标年增速（%/年）"))
        left.title_label.setWordWrap(True)
        left.title_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # wrapped lines show
        self.table = _growth_table(
            [
                self.tr("指标"),
                self.tr("趋势增速"),
                self.tr("情景增速"),
                self.tr("上限"),
                self.tr("努力程度"),
                self.tr("路径建议"),
            ]
        )
        self.table.setEditTriggers(self.table.EditTrigger.DoubleClicked | self.table.EditTrigger.AnyKeyPressed)
        self.table.setToolTip(
            self.tr("双击“情景增速”一栏修改；上限为历史最高年增速加余量。努力程度 = 提速幅度 ÷ 历年增速波动。")
        )
        self.table.itemChanged.connect(self._edited)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 190)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        left.body.addWidget(self.table)
        split.addWidget(left)
        split.addWidget(self._results())
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([460, 650])
        v.addWidget(split, 1)
        self.note = note_label(
            self.tr("情景推演不是预测：结论随所设增速改变。基线按各指标近年年均增速延续，全国按自身趋势。")
        )
        v.addWidget(self.note)
        self._built = True

    def _controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("目标年份")))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2060)
        self.year_spin.setValue(2030)
        self.year_spin.valueChanged.connect(lambda *_: self.refresh())
        row.addWidget(self.year_spin)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("目标")))
        self.target_combo = QComboBox()
        self.target_combo.setMinimumWidth(120)
        self.target_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.target_combo.setMinimumContentsLength(14)  # long English targets elide instead of widening the page
        row.addWidget(self.target_combo)
        row.addWidget(QLabel(self.tr("余量")))
        self.safety_spin = QDoubleSpinBox()
        self.safety_spin.setRange(0.0, 50.0)
        self.safety_spin.setSingleStep(0.5)
        self.safety_spin.setDecimals(1)
        self.safety_spin.setSuffix(self.tr(" 点"))
        self.safety_spin.setToolTip(self.tr("方案在分组或象限阈值之上多留的水平点数，避免结论处于临界。"))
        row.addWidget(self.safety_spin)
        self.solve_button = QPushButton(self.tr("求解最小调整方案"))
        self.solve_button.setObjectName("primary")
        self.solve_button.clicked.connect(self.solve)
        row.addWidget(self.solve_button)
        self.reset_button = QPushButton(self.tr("恢复趋势基线"))
        self.reset_button.clicked.connect(self.reset)
        row.addWidget(self.reset_button)
        self.status = QLabel("")
        self.status.setObjectName("muted")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.status, 1)
        return row

    def _results(self) -> QWidget:
        self.tabs = QTabWidget()
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(4, 6, 4, 4)
        cards = QHBoxLayout()
        self.v_level = Verdict(self.tr("融合水平（全国 = 100）"))
        self.v_group = Verdict(self.tr("分组"))
        self.v_quadrant = Verdict(self.tr("定位象限"))
        self.v_role = Verdict(self.tr("功能定位"))
        for w in (self.v_level, self.v_group, self.v_quadrant, self.v_role):
            for label in (w.caption, w.value, w.grade):  # wrapped: the four cards fit 1366×768 at 125 %
                label.setWordWrap(True)
            w.value.setStyleSheet("font-size: 13pt;")
            w.setMinimumWidth(0)
            cards.addWidget(w, 1, Qt.AlignmentFlag.AlignTop)
        v.addLayout(cards)
        self.chart = PathChart()
        v.addWidget(self.chart, 1)
        self.plan_label = QLabel("")
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.plan_label)
        self.tabs.addTab(page, self.tr("推演结果"))
        self.compare = ScenarioCompare(self.model, self.session, lambda: self.target_combo.currentText())
        self.tabs.addTab(self.compare, self.tr("情景对比"))
        return self.tabs

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        self._dirty = False
        s = self.session
        if s.assessment is None or not s.region or s.region == s.nation:
            self.show_empty(s.assessment_error or self.tr("请选择一个地区（全国本身不参与推演）。"))
            return
        self.show_content()
        key = (s.region, self.year_spin.value(), id(s.assessment))
        if key != self._key:
            self._key = key
            self._say(self.tr("正在计算基线…"))
            self._start.start()

    def _prepare(self) -> None:
        region, year, _ = self._key
        self.model.prepare(region, year)

    def _stopped(self) -> None:
        """The baseline or projection failed or was cancelled: say so, and compute again on the next visit."""
        self._key, self._dirty = None, True
        if self._built:
            self._say(self.tr("推演未完成。"))

    def _baseline_ready(self) -> None:
        b = self.model.baseline
        if b is None:
            self._say(self.model.error)
            self.table.setRowCount(0)
            return
        self.scenario = {}
        self._fill_targets(b)
        self._fill_table(b, {})
        self.compare.fill()
        self._project()

    def _fill_targets(self, b) -> None:
        cfg, lang = b.config, current_language()
        self.target_combo.clear()
        today = [g.name for g in cfg.groups].index(b.today.group.group) if b.today.group.group else -1
        for i, g in enumerate(cfg.groups):
            if i > today:
                self.target_combo.addItem(self.tr("分组：") + cfg.term(g.name).text(lang), f"group={g.name}")
        level, momentum = b.today.level or 0.0, b.today.momentum or 0.0
        for (high_l, high_m), name in cfg.quadrant_names.items():  # only quadrants that higher growth can reach
            ok_l = high_l or level < cfg.split_level
            ok_m = high_m or momentum < cfg.split_momentum
            if name != b.today.quadrant.name and ok_l and ok_m:
                self.target_combo.addItem(self.tr("象限：") + cfg.term(name).text(lang), f"quadrant={name}")

    def _fill_table(self, b, plan_levers: dict) -> None:
        fw, lang = b.framework, current_language()
        levers = {lv.id: lv.name.text(lang) for lv in b.config.levers}
        self.table.blockSignals(True)
        rows = []
        for code, t in b.trends.items():
            g = self.scenario.get(code, t.growth)
            effort = abs(g - t.growth) / t.volatility
            names = separators(lang)[1].join(levers.get(i, i) for i in plan_levers.get(code, ()))
            rows.append([fw.label(code, lang, regional=True), f"{t.growth * 100:.2f}", f"{g * 100:.2f}",
                         f"{t.high * 100:.1f}", f"{effort:.2f}" if effort > 0 else "", names])  # fmt: skip
        _fill_items(self.table, rows)
        for r, code in enumerate(b.trends):
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                flags = item.flags()
                editable = c == EDIT_COLUMN
                item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, code)
                if code in self.scenario:
                    item.setBackground(QBrush(QColor("#fff3cd")))
        self.table.blockSignals(False)

    # ------------------------------------------------------------------ editing and solving
    def _edited(self, item: QTableWidgetItem) -> None:
        b = self.model.baseline
        if b is None or item.column() != EDIT_COLUMN:
            return
        code = item.data(Qt.ItemDataRole.UserRole)
        try:
            pct = float(item.text().replace("%", "").replace("＋", "+").strip())
        except ValueError:
            pct = None
        if pct is None or pct <= -100:
            self.status.setText(self.tr("请输入年增速（%），例如 12.5。"))
            self.table.blockSignals(True)
            item.setText(f"{self.scenario.get(code, b.trends[code].growth) * 100:.2f}")
            self.table.blockSignals(False)
            return
        g = round(pct / 100.0, 10)
        if abs(g - round(b.trends[code].growth, 4)) < 1e-9:
            self.scenario.pop(code, None)
        else:
            self.scenario[code] = g
        self._fill_table(b, {})
        self._timer.start()

    def set_growth(self, code: str, pct: float) -> None:
        """Set one indicator's scenario growth (%/yr) as if typed into the table (tests, scripts)."""
        row = list(self.model.baseline.trends).index(code)
        self.table.item(row, EDIT_COLUMN).setText(f"{pct:.2f}")

    def _project(self) -> None:
        self._say(self.tr("正在推演…"))
        self.model.project(dict(self.scenario), self.compare.name_edit.text().strip())

    def solve(self) -> None:
        target = self.target_combo.currentData()
        if target is None or self.model.baseline is None:
            return
        self._say(self.tr("正在求解目标…"))
        self.model.solve(target, self.target_combo.currentText(), self.safety_spin.value())

    def reset(self) -> None:
        b = self.model.baseline
        if b is None:
            return
        self.scenario = {}
        self._fill_table(b, {})
        self._project()

    # ------------------------------------------------------------------ showing
    def _show_projection(self) -> None:
        r = self.model.current
        if r is None or not self._built:
            return
        b, p, lang = r.baseline, r.projection, current_language()
        if r.plan is not None:
            self.scenario = dict(p.scenario)
            self._fill_table(b, {ch.indicator: ch.levers for ch in r.plan.changes})
            levers = {lv.id: lv.name.text(lang) for lv in b.config.levers}
            lines = [r.plan.reason.text(lang)] + [
                f"{b.framework.label(ch.indicator, lang, regional=True)}：{ch.baseline * 100:.2f} → {ch.growth * 100:.2f}"
                f"（{'、'.join(levers.get(i, i) for i in ch.levers)}）"
                for ch in r.plan.changes[:4]
            ]
            self.plan_label.setText("\n".join(lines))
        else:
            self.plan_label.setText("")
        v, cfg = p.projected, b.config

        def name(x):
            return "—" if x is None else cfg.term(x).text(lang)

        today = self.tr("{y} 年：").replace("{y}", str(b.year))
        badge, hover = robustness(v.group, name, lang)
        self.v_level.set(fmt(v.level), f"{today}{fmt(b.today.level)}", self.tr("{y} 年融合指数 {i}").replace(
            "{y}", str(v.year)).replace("{i}", fmt(v.index)))  # fmt: skip
        self.v_group.set(name(v.group.group), badge, f"{today}{name(b.today.group.group)}", _color(v.group))
        self.v_group.setToolTip(hover)
        self.v_quadrant.set(name(v.quadrant.name), "", f"{today}{name(b.today.quadrant.name)}")
        self.v_quadrant.setToolTip(robustness(v.quadrant, name, lang)[1])
        self.v_role.set(name(v.role.name), "", f"{today}{name(b.today.role.name)}")
        self.chart.draw(r)
        self.status.setText(self.tr("至 {y} 年（情景，非预测）").replace("{y}", str(b.horizon)))

    def _say(self, text: str) -> None:
        """The page's state in its status line, and in the chart's place until there is a chart."""
        self.status.setText(text)
        self.chart.say(text)


def _color(group) -> str:
    return style.ACCENT if group.borderline else style.PRIMARY
