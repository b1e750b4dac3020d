"""数据校验: per-region table of indicators × years, problems list, conflicts.

Cells the engine filled are coloured (预估 amber, 插值 blue) and explained in their tooltip,
reported cells show where they came from. Double-clicking a problem jumps to its cell.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.io import format_number
from core.kernel import CellStatus, Severity, render

from .. import style
from ..exclusions_dialog import ExclusionBar
from ..help import indicator_tooltip
from ..i18n import current_language, parenthesised, region_name
from ..widgets import Card
from .base import LazyPage
from .data_edit import EditPanel
from .tables import Cell, DataTable

SEVERITY_COLORS = {Severity.ERROR: style.ERROR, Severity.WARNING: style.WARNING, Severity.INFO: style.INFO}
CELL_BG = {CellStatus.ESTIMATE: style.ESTIMATE_BG, CellStatus.INTERPOLATED: style.INTERPOLATED_BG}
FIXED_COLS = 3  # code, name, unit


def entered(value: float) -> str:
    """A number as it was entered (up to 10 significant digits, no trailing zeros), with thousands separators."""
    text = format_number(value)
    if "e" in text or "inf" in text or "nan" in text:
        return text
    whole, dot, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}{dot}{frac}"


class CheckPage(LazyPage):
    def __init__(self, session, window):
        super().__init__(session, window, (session.dataChanged, session.resultChanged, session.regionChanged))
        v = QVBoxLayout(self)
        v.setContentsMargins(20, 14, 20, 16)
        v.setSpacing(10)
        v.addLayout(self._build_summary())
        split = QSplitter(Qt.Orientation.Vertical)
        data_card = Card(self.tr("指标数据"))
        self.table = DataTable([], stretch_last=False, title=self.tr("指标数据"))
        data_card.body.addWidget(self.table)
        self.views = QTabWidget()
        self.views.addTab(data_card, self.tr("总览"))
        self.editor = EditPanel(session)
        self.views.addTab(self.editor, self.tr("逐项更正与修订"))
        self.views.currentChanged.connect(lambda *_: self._refresh_editor())
        split.addWidget(self.views)
        split.addWidget(self._build_tabs())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([500, 230])
        v.addWidget(split, 1)
        self._status_text = {
            CellStatus.REPORTED: self.tr("填报值"),
            CellStatus.ESTIMATE: self.tr("预估值：该年尚无数据，沿用最近一个已知年份的数值"),
            CellStatus.INTERPOLATED: self.tr("插值：在两端已知年份之间按几何（对数线性）插值"),
        }

    def _build_summary(self) -> QHBoxLayout:
        """The summary line and the legend of cell colours."""
        top = QHBoxLayout()
        self.summary = QLabel("")
        self.summary.setObjectName("cardTitle")
        self.summary.setWordWrap(True)
        self.summary.setMinimumWidth(200)
        top.addWidget(self.summary, 1)
        for color, text in (
            (style.ESTIMATE_BG, self.tr("预估值（沿用最近年份）")),
            (style.INTERPOLATED_BG, self.tr("插值（两端已知年份之间几何插值）")),
            (style.EXCLUDED_BG, self.tr("缺失")),
        ):
            sw = QLabel("  ")
            sw.setFixedSize(16, 14)
            sw.setStyleSheet(f"background: {color}; border: 1px solid #c8cdd3;")
            top.addWidget(sw)
            lab = QLabel(text)
            lab.setObjectName("muted")
            top.addWidget(lab)
            top.addSpacing(8)
        return top

    def _build_tabs(self) -> QTabWidget:
        """问题 and 冲突 (with the buttons that resolve a conflict)."""
        self.tabs = QTabWidget()
        self.problems = DataTable([self.tr("类别"), self.tr("位置"), self.tr("说明")], title=self.tr("问题"))
        self.problems.view.setAlternatingRowColors(True)
        self.problems.view.doubleClicked.connect(lambda index: self._jump(self.problems.row_data(index.row())))
        probs = QWidget()
        pv = QVBoxLayout(probs)
        pv.setContentsMargins(0, 0, 0, 0)
        pv.addWidget(self.problems)
        self.exclusion_bar = ExclusionBar(self.session, self.problems)
        pv.addWidget(self.exclusion_bar)
        self.tabs.addTab(probs, self.tr("问题"))
        conf = QWidget()
        cv = QVBoxLayout(conf)
        self.conflicts = DataTable(
            [self.tr("地区"), self.tr("指标"), self.tr("年份"), self.tr("当前值"), self.tr("新导入的值")],
            title=self.tr("冲突"),
        )
        self.conflicts.view.doubleClicked.connect(lambda index: self._jump(self.conflicts.row_data(index.row())))
        cv.addWidget(self.conflicts)
        row = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("保留当前值"))
        self.keep_button.clicked.connect(lambda: self._resolve("current"))
        self.take_button = QPushButton(self.tr("采用新导入的值"))
        self.take_button.clicked.connect(lambda: self._resolve("incoming"))
        for b in (self.keep_button, self.take_button):
            b.setToolTip(self.tr("处理结果作为一次修订写入工作区，原有数值仍保留在历史中。"))
            row.addWidget(b)
        row.addStretch(1)
        cv.addLayout(row)
        self.tabs.addTab(conf, self.tr("冲突"))
        return self.tabs

    # ------------------------------------------------------------------ refresh
    def all_problems(self) -> list:
        return list(self.session.problems) + list(self.session.compute_problems)

    def refresh(self) -> None:
        self._dirty = False
        s = self.session
        probs = self.all_problems()
        n_err = sum(1 for p in probs if p.severity == Severity.ERROR)
        n_warn = sum(1 for p in probs if p.severity == Severity.WARNING)
        n = len(s.reads.region_values(s.region)) if s.table is not None and s.region else 0
        self.summary.setText(
            self.tr("{region}：{n} 个数值　　导入与测算问题（全部文件）：{e} 个错误，{w} 个警告")
            .replace("{region}", region_name(s.region) if s.region else "—")
            .replace("{n}", f"{n:,}")
            .replace("{e}", f"{n_err:,}")
            .replace("{w}", f"{n_warn:,}")
        )
        self._fill_table()
        self._fill_problems(probs)
        self._refresh_editor()

    def _refresh_editor(self) -> None:
        """The grid of 逐项更正 is filled while its tab is shown (and on each refresh then)."""
        if self.views.currentWidget() is self.editor:
            self.editor.refresh()

    def _fill_table(self) -> None:
        s = self.session
        if s.table is None or not s.region:
            self.table.set_headers([])
            self.table.set_rows([])
            return
        from core.model import BASIS_CODES

        region = s.region
        res = s.result if (s.result is not None and region in s.result.regions) else None
        years = sorted(set(s.reads.years()) | (set(res.years) if res is not None else set()))
        lookup = s.reads.region_values(region)
        codes = list(s.framework.leaves) + list(BASIS_CODES)
        self._years, self._codes = years, codes
        self.table.set_headers([self.tr("代码"), self.tr("指标"), self.tr("单位")] + [str(y) for y in years])
        self._size_columns(len(years))  # while the table is empty: nothing to measure yet
        rows = []
        for code in codes:
            row = self._head_cells(code)
            for year in years:
                obs = lookup.get((code, year))
                status, value = self._filled(res, code, year) if obs is None else (CellStatus.REPORTED, obs.value)
                row.append(self._value_cell(obs, status, value))
            rows.append(row)
        self.table.set_rows(rows)  # row heights for the names at full width: one line each
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _size_columns(self, n_years: int) -> None:
        """Code, name and unit fit their text (the name then stretches), every year column is 92 px wide."""
        self.table.set_rows([])
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for c in (0, 1, 2):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        for c in range(FIXED_COLS, FIXED_COLS + n_years):
            self.table.view.setColumnWidth(c, 92)

    def _head_cells(self, code: str) -> list[Cell]:
        """Code, name (a province sees its own wording; the definition as tooltip) and unit."""
        from core.model import BASIS_CODES, NATION, basis_unit

        fw, lang, regional = self.session.framework, current_language(), self.session.region != NATION
        if code in fw.nodes:
            node = fw.nodes[code]
            name, unit = node.name(lang, regional=regional), node.unit_label(lang)
            tip = indicator_tooltip(fw, code, lang)  # definition, unit and source
        else:
            zh, en, unit = BASIS_CODES[code]
            name, tip = (en if lang == "en" else zh), (en if lang == "en" else zh)
            unit = basis_unit(code, lang)
        return [Cell(code), Cell(name, tip=tip), Cell(unit)]

    def _filled(self, res, code: str, year: int) -> tuple[CellStatus, float | None]:
        """A value the engine filled in (estimate or interpolation), if any."""
        fw, region = self.session.framework, self.session.region
        if res is None or code not in fw.leaves or year not in res.years:
            return CellStatus.REPORTED, None
        r, n, t = res.region_index(region), fw.leaves.index(code), res.years.index(year)
        status = CellStatus(int(res.status[r, n, t]))
        if status in (CellStatus.ESTIMATE, CellStatus.INTERPOLATED):
            return status, float(res.values[r, n, t])
        return CellStatus.REPORTED, None

    def _value_cell(self, obs, status: CellStatus, value) -> Cell:
        """An entered value at its entered precision; a value the engine filled in, rounded."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return Cell("—", data=int(status), tip=self.tr("缺失：该年没有数值"), background=style.EXCLUDED_BG)
        text = (
            entered(value)
            if status is CellStatus.REPORTED
            else f"{value:,.4g}"
            if abs(value) < 1e4
            else f"{value:,.0f}"
        )
        lines = [self._status_text[status]]
        if obs is not None:
            if obs.provenance is not None:
                lines.append(self.tr("来源：") + obs.provenance.describe(current_language()))
            if obs.source:
                lines.append(self.tr("数据来源：") + obs.source)
            if obs.note:
                lines.append(self.tr("备注：") + obs.note)
        return Cell(text, float(value), "\n".join(lines), int(status), CELL_BG.get(status))

    def _fill_problems(self, probs) -> None:
        lang = current_language()

        def describe(o):
            if o is None:
                return "—"
            prov = o.provenance.describe() if o.provenance is not None else ""
            return f"{o.value:g}" + (parenthesised(prov) if prov else "")

        conflicts = [
            [Cell(region_name(c.region), data=c), c.indicator, str(c.year)]
            + [Cell(describe(o), tip=describe(o)) for o in (c.current, c.incoming)]
            for c in self.session.conflicts
        ]
        self.conflicts.set_rows(conflicts)
        rows = []
        accepted = {(a.region, a.indicator, a.year, a.code): a.reason for a in self.session.acceptances}
        for p in probs:
            where, text = p.location(lang), p.text(lang)
            reason = accepted.get((p.region, p.indicator, p.year, p.code))
            if reason:
                text += self.tr("（已接受：{reason}）").replace("{reason}", reason)
            kind = render(f"severity.{p.severity.value}", None, lang)
            color = SEVERITY_COLORS.get(p.severity, style.TEXT)
            rows.append([Cell(kind, data=p, foreground=color), Cell(where, tip=where), Cell(text, tip=text)])
        self.problems.set_rows(rows)
        hh = self.problems.horizontalHeader()
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.problems.view.setColumnWidth(1, 380)
        n_conf = len(conflicts)
        self.tabs.setTabText(0, self.tr("问题") + f" ({len(probs)})")
        self.tabs.setTabText(1, self.tr("冲突") + f" ({n_conf})")
        self.keep_button.setEnabled(n_conf > 0)
        self.take_button.setEnabled(n_conf > 0)
        self.exclusion_bar.refresh()

    # ------------------------------------------------------------------ navigation
    def _jump(self, p) -> None:
        """Select the problem's (or conflict's) cell: switch region, then the indicator's row and year's column."""
        if p is None:
            return
        self.jump_to(p.region, p.indicator, p.year)

    def jump_to(self, region: str | None, indicator: str | None, year: int | None) -> bool:
        s = self.session
        if region and region in s.regions() and region != s.region:
            s.set_region(region)
        if self._dirty:
            self.refresh()
        codes = getattr(self, "_codes", [])
        years = getattr(self, "_years", [])
        if indicator not in codes:
            return False
        row = codes.index(indicator)
        col = FIXED_COLS + years.index(year) if year in years else 1
        self.table.select_cell(row, col)
        return True

    def _resolve(self, choose: str) -> None:
        c = self.conflicts.current_data(0) or (self.conflicts.row_data(0) if self.conflicts.rowCount() else None)
        if c is None:
            return
        self.session.resolve_conflict(c.id, choose)
