"""Regions left out of the computation, each with a reason: the 排除地区 dialog, and the bar under
the problems of 数据校验 that excludes the region of a blocking problem.

The session stores the exclusions in the workspace and recomputes; the recipe and the report
state every excluded region and its reason (core `exclusion.note.region`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import current_language


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExclusionsDialog", text)


def ask_reason(parent: QWidget, region: str, code: str = "") -> str:
    """The reason for leaving `region` (or only its indicator `code`) out ('' when the user cancels)."""
    if code:
        title = _tr("排除指标")
        text = _tr("{region} 的指标 {code} 将不参与测算，其同级指标的权重重新归一。请注明理由（写入测算口径和报告）：")
    else:
        title = _tr("排除地区")
        text = _tr("{region} 将不参与测算，其他地区照常计算。请注明理由（写入测算口径和报告）：")
    answer, ok = QInputDialog.getText(parent, title, text.replace("{region}", region).replace("{code}", code))
    return answer.strip() if ok else ""


class ExclusionBar(QWidget):
    """Under the problems list: exclude the selected problem's region (with a reason), or manage exclusions."""

    def __init__(self, session, problems_table, parent=None):
        super().__init__(parent)
        self.session, self.table = session, problems_table  # a DataTable whose column 0 carries each Problem
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 4, 0, 0)
        self.exclude_button = QPushButton(self.tr("排除该问题所在地区…"))
        self.exclude_button.setToolTip(
            self.tr("一个地区的数据不完整时，可先将其排除并注明理由，其余地区即可测算；补齐数据后再取消排除。")
        )
        self.exclude_button.clicked.connect(self.exclude_selected)
        self.indicator_button = QPushButton(self.tr("仅对该地区排除此指标…"))
        self.indicator_button.setToolTip(
            self.tr("该地区无法填报这个指标时：只排除它，同级指标的权重重新归一，该地区其余指标照常计算。")
        )
        self.indicator_button.clicked.connect(self.exclude_selected_indicator)
        self.manage_button = QPushButton(self.tr("管理排除…"))
        self.manage_button.clicked.connect(self.manage)
        self.summary = QLabel("")
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        h.addWidget(self.indicator_button)
        h.addWidget(self.exclude_button)
        h.addWidget(self.manage_button)
        h.addWidget(self.summary, 1)
        self.table.view.selectionModel().currentRowChanged.connect(lambda *_: self.refresh())
        self.refresh()

    def selected(self) -> tuple[str, str]:
        """(region, indicator) of the selected problem, each '' when it names none the data or framework has."""
        problem = self.table.current_data(0)
        region = getattr(problem, "region", None) or ""
        code = getattr(problem, "indicator", None) or ""
        known = self.session.table is not None and region in self.session.reads.regions()
        return (region, code if code in self.session.framework.leaves else "") if known else ("", "")

    def selected_region(self) -> str:
        return self.selected()[0]

    def refresh(self) -> None:
        region, code = self.selected()
        self.exclude_button.setEnabled(bool(region) and region not in self.session.excluded_regions)
        done = code in self.session.excluded_indicators.get(region, {})
        self.indicator_button.setEnabled(bool(code) and not done and region not in self.session.excluded_regions)
        excluded = self.session.active_exclusions()
        zh = current_language() == "zh"
        items = [f"{r}（{why}）" if zh else f"{r} ({why})" for r, why in excluded.items()]
        self.summary.setText(self.tr("已排除：") + ("；" if zh else "; ").join(items) if items else "")

    def exclude_selected(self) -> None:
        region = self.selected_region()
        reason = ask_reason(self, region) if region else ""
        if reason:
            self.session.exclude_region(region, reason)

    def exclude_selected_indicator(self) -> None:
        region, code = self.selected()
        reason = ask_reason(self, region, code) if code else ""
        if reason:
            self.session.exclude_indicator(region, code, reason)

    def manage(self) -> None:
        ExclusionsDialog(self.session, self).exec()


class ExclusionsDialog(QDialog):
    """Every exclusion (a whole region, or one indicator of a region) with its reason; add one or take one back."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("排除地区或指标"))
        self.setMinimumWidth(760)
        v = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "被排除的地区不参与指数测算和评估，其他地区照常计算；只排除某地区的一个指标时，其同级指标的权重重新归一。"
                "每个排除都须注明理由，理由保存在工作区中，并写入测算口径和导出的报告。"
            )
        )
        intro.setWordWrap(True)
        v.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("地区"), self.tr("排除范围"), self.tr("理由")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.table)
        self.remove_button = QPushButton(self.tr("取消所选排除"))
        self.remove_button.clicked.connect(self.remove_selected)
        v.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        v.addLayout(self._build_add_row())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        session.dataChanged.connect(self.refresh)
        self.refresh()

    def _build_add_row(self) -> QHBoxLayout:
        add = QHBoxLayout()
        self.region = QComboBox()
        self.region.setMinimumContentsLength(8)
        self.scope = QComboBox()
        self.scope.setMinimumContentsLength(16)
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope.addItem(self.tr("整个地区"), "")
        lang = current_language()
        fw = self.session.framework
        for code in fw.leaves:
            self.scope.addItem(fw.label(code, lang, regional=True), code)
        self.reason = QLineEdit()
        self.reason.setMinimumWidth(240)
        self.reason.setPlaceholderText(self.tr("理由，例如：2019 年数据缺失，待补报"))
        self.add_button = QPushButton(self.tr("排除"))
        self.add_button.clicked.connect(self.add)
        self.reason.textChanged.connect(lambda *_: self._enable())
        for w in (self.region, self.scope):
            add.addWidget(w)
        add.addWidget(self.reason, 1)
        add.addWidget(self.add_button)
        return add

    def rows(self) -> list[tuple[str, str, str]]:
        """(region, indicator code or '' for the whole region, reason), as listed."""
        s = self.session
        rows = [(r, "", why) for r, why in s.excluded_regions.items()]
        rows += [(r, c, why) for r, codes in s.excluded_indicators.items() for c, why in codes.items()]
        return rows

    def refresh(self) -> None:
        s, lang = self.session, current_language()
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for i, (region, code, why) in enumerate(rows):
            scope = s.framework.label(code, lang, regional=True) if code in s.framework.nodes else code
            for col, text in enumerate((region, scope if code else self.tr("整个地区"), why)):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.region.clear()
        regions = s.reads.regions() if s.table is not None else []
        self.region.addItems([r for r in regions if r not in s.excluded_regions and r != s.nation])
        self._enable()

    def _enable(self) -> None:
        self.add_button.setEnabled(bool(self.region.currentText()) and bool(self.reason.text().strip()))
        self.remove_button.setEnabled(self.table.rowCount() > 0)

    def add(self) -> None:
        region, code, reason = self.region.currentText(), self.scope.currentData(), self.reason.text().strip()
        if not (region and reason):
            return
        self.reason.clear()
        if code:
            self.session.exclude_indicator(region, code, reason)
        else:
            self.session.exclude_region(region, reason)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows()):
            region, code, _ = self.rows()[row]
            if code:
                self.session.include_indicator(region, code)
            else:
                self.session.include_region(region)
