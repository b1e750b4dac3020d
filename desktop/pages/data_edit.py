"""逐项更正: the region's values in a grid, editable in place, with the revisions and imports to undo.

Every change is a revision with the reason typed above the grid: editing a value, accepting a
flagged cell, reverting a revision, undoing an import. Core validates the input; bad input is
refused with core's message and nothing changes. The session recomputes after each revision.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.kernel import CellStatus, Severity, render

from ..i18n import current_language, separators
from .values_model import ValueRow, ValuesModel

_FLAGGED = (Severity.ERROR, Severity.WARNING)
_WIDTHS = (56, 210, 48, 78, 64, 160, 170)  # code, name, year, value, status, flags, source (note: the rest)


class EditPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.addLayout(self._build_reason_row())
        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = ValuesModel(
            [
                self.tr("代码"),
                self.tr("指标"),
                self.tr("年份"),
                self.tr("数值"),
                self.tr("状态"),
                self.tr("标记"),
                self.tr("来源"),
                self.tr("备注"),
            ],
            {"missing": self.tr("缺失"), "accepted": self.tr("已接受：{reason}")},
            current_language,
            self,
        )
        self.model.on_edit = self._edit
        self.grid = QTableView()
        self.grid.setModel(self.model)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        split.addWidget(self.grid)
        split.addWidget(self._build_history())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([800, 300])
        v.addWidget(split, 1)

    def _build_reason_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("修改原因：")))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("必填，随修订一起保存，例如：按统计年鉴更正"))
        row.addWidget(self.reason, 1)
        self.accept_button = QPushButton(self.tr("接受标记"))
        self.accept_button.setToolTip(self.tr("确认所选单元格的问题已核实、数值可以使用；接受及其原因记录为一次修订。"))
        self.accept_button.clicked.connect(self.accept_selected)
        row.addWidget(self.accept_button)
        hint = QLabel(self.tr("双击数值即可修改，清空表示删除该数值；每次修改都是一次可撤销的修订。"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        return row

    def _build_history(self) -> QTabWidget:
        """修订记录 (revert) and 导入记录 (undo an import)."""
        self.history_tabs = QTabWidget()
        self.revisions, self.revert_button = self._history_tab(
            self.tr("修订记录"),
            [self.tr("修订号"), self.tr("时间"), self.tr("说明")],
            self.tr("撤销所选修订"),
            self.revert_selected,
        )
        self.imports, self.undo_button = self._history_tab(
            self.tr("导入记录"),
            [self.tr("修订号"), self.tr("时间"), self.tr("文件"), self.tr("状态")],
            self.tr("撤销所选导入"),
            self.undo_selected,
        )
        self.undo_button.setToolTip(self.tr("该次导入的全部数值恢复为导入前的状态；文件内容仍保留在工作区历史中。"))
        return self.history_tabs

    def _history_tab(self, title: str, headers: list[str], button_text: str, slot) -> tuple[QTreeWidget, QPushButton]:
        holder = QWidget()
        self.history_tabs.addTab(holder, title)
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(4, 4, 4, 4)
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setWordWrap(True)
        tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        lay.addWidget(tree, 1)
        button = QPushButton(button_text)
        button.clicked.connect(slot)
        lay.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return tree, button

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        self.model.set_rows(region_rows(self.session, current_language()))
        for col, width in enumerate(_WIDTHS):
            self.grid.setColumnWidth(col, width)
        self._fill_history()
        self._update_buttons()

    def _fill_history(self) -> None:
        lang = current_language()
        self.revisions.clear()
        self.imports.clear()
        for r in reversed(self.session.revisions):
            state = render("edit.reverted_by", {"by": r.reverted_by}, lang) if r.reverted_by else ""
            when = r.created_at[:16].replace("T", " ")
            item = QTreeWidgetItem([f"#{r.id}", when, r.text(lang) + state])
            item.setToolTip(2, item.text(2))
            item.setData(0, Qt.ItemDataRole.UserRole, r)
            self.revisions.addTopLevelItem(item)
            if r.kind == "import":
                status = self.tr("已撤销") if r.reverted_by else self.tr("在用")
                imp = QTreeWidgetItem([f"#{r.id}", when, "、".join(r.files), status])
                imp.setData(0, Qt.ItemDataRole.UserRole, r)
                self.imports.addTopLevelItem(imp)
        for tree in (self.revisions, self.imports):
            tree.resizeColumnToContents(0)
            tree.resizeColumnToContents(1)

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.accept_button.setEnabled(row is not None and bool(row.open_flags))
        for tree, button in ((self.revisions, self.revert_button), (self.imports, self.undo_button)):
            item = tree.currentItem()
            rev = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
            button.setEnabled(rev is not None and rev.reverted_by is None)

    # ------------------------------------------------------------------ actions
    def current_row(self) -> ValueRow | None:
        index = self.grid.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def select(self, indicator: str, year: int) -> bool:
        for i, row in enumerate(self.model.rows):
            if (row.indicator, row.year) == (indicator, year):
                self.grid.setCurrentIndex(self.model.index(i, 3))
                return True
        return False

    def ask_reason(self) -> str | None:
        """The reason typed above the grid, else asked for; None when the user cancels."""
        text = self.reason.text().strip()
        if text:
            return text
        text, ok = QInputDialog.getText(self, self.tr("修改原因"), self.tr("请填写原因（随修订一起保存）："))
        return text if ok else None

    def _edit(self, row: ValueRow, text: str) -> bool:
        reason = self.ask_reason()
        if reason is None:
            return False
        self.session.edit_value(self.session.region, row.indicator, row.year, text, reason)
        return True

    def accept_selected(self) -> None:
        row = self.current_row()
        if row is None or not row.open_flags:
            return
        reason = self.ask_reason()
        if reason is not None:
            self.session.accept_flag(self.session.region, row.indicator, row.year, row.open_flags[0].code, reason)

    def _selected_revision(self, tree: QTreeWidget):
        item = tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def revert_selected(self) -> None:
        rev = self._selected_revision(self.revisions)
        reason = self.ask_reason() if rev is not None else None
        if reason is not None:
            self.session.revert_revision(rev.id, reason)

    def undo_selected(self) -> None:
        rev = self._selected_revision(self.imports)
        reason = self.ask_reason() if rev is not None else None
        if reason is not None:
            self.session.undo_import(rev.id, reason)


def region_rows(session, lang: str) -> list[ValueRow]:
    """The selected region's cells: every indicator (and basic datum) in every year, with status and flags."""
    from core.model import BASIS_CODES, NATION, basis_unit

    region, table, fw = session.region, session.table, session.framework
    if table is None or not region:
        return []
    res = session.result if (session.result is not None and region in session.result.regions) else None
    years = sorted(set(session.reads.years()) | (set(res.years) if res is not None else set()))
    lookup = session.reads.region_values(region)
    problems: dict[tuple, list] = {}
    for p in (*session.problems, *session.compute_problems):
        if p.region == region and p.severity in _FLAGGED:
            problems.setdefault((p.indicator, p.year), []).append(p)
    accepted: dict[tuple, list] = {}
    for a in session.acceptances:
        if a.region == region:
            accepted.setdefault((a.indicator, a.year), []).append(a)
    rows = []
    for code in (*fw.leaves, *BASIS_CODES):
        if code in fw.nodes:
            node = fw.nodes[code]
            name, unit = node.name(lang, regional=region != NATION), node.unit_label(lang)
        else:
            zh, en, _ = BASIS_CODES[code]
            name, unit = (en if lang == "en" else zh), basis_unit(code, lang)
        for year in years:
            obs = lookup.get((code, year))
            value, status = _value_of(obs, res, fw, region, code, year)
            done = {a.code for a in accepted.get((code, year), ())}
            flags = tuple(p for p in problems.get((code, year), ()) if p.code not in done)
            rows.append(
                ValueRow(
                    code,
                    name,
                    unit,
                    year,
                    value,
                    status,
                    source=_source(obs, lang),
                    note=separators(lang)[0].join(x for x in (obs.note, obs.source) if x) if obs is not None else "",
                    open_flags=flags,
                    accepted=tuple(accepted.get((code, year), ())),
                )
            )
    return rows


def _value_of(obs, res, fw, region: str, code: str, year: int):
    """The value shown: the observation, else what the engine filled (estimate, interpolation, excluded)."""
    if obs is not None:
        return obs.value, obs.status
    if res is None or code not in fw.leaves or year not in res.years:
        return None, None
    r, n, t = res.region_index(region), fw.leaves.index(code), res.years.index(year)
    status = CellStatus(int(res.status[r, n, t]))
    if status in (CellStatus.ESTIMATE, CellStatus.INTERPOLATED):
        return float(res.values[r, n, t]), status
    if status is CellStatus.EXCLUDED:
        return None, status
    return None, None


def _source(obs, lang: str) -> str:
    """Where the value came from; a value the user typed says so in the UI language."""
    if obs is None or obs.provenance is None:
        return ""
    typed = render("store.user_value_file", None, "zh")
    if obs.provenance.file == typed:
        return render("store.user_value_file", None, lang)
    return obs.provenance.describe(lang)
