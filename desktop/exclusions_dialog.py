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


def ask_reason(parent: QWidget, region: str) -> str:
    """The reason for leaving `region` out ('' when the user cancels)."""
    text, ok = QInputDialog.getText(
        parent,
        _tr("排除地区"),
        _tr("{region} 将不参与测算，其他地区照常计算。请注明理由（写入测算口径和报告）：").replace("{region}", region),
    )
    return text.strip() if ok else ""


class ExclusionBar(QWidget):
    """Under the problems list: exclude the selected problem's region (with a reason), or manage exclusions."""

    def __init__(self, session, problems_tree, parent=None):
        super().__init__(parent)
        self.session, self.tree = session, problems_tree
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 4, 0, 0)
        self.exclude_button = QPushButton(self.tr("排除该问题所在地区…"))
        self.exclude_button.setToolTip(
            self.tr("一个地区的数据不完整时，可先将其排除并注明理由，其余地区即可测算；补齐数据后再取消排除。")
        )
        self.exclude_button.clicked.connect(self.exclude_selected)
        self.manage_button = QPushButton(self.tr("管理排除地区…"))
        self.manage_button.clicked.connect(self.manage)
        self.summary = QLabel("")
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        h.addWidget(self.exclude_button)
        h.addWidget(self.manage_button)
        h.addWidget(self.summary, 1)
        self.tree.currentItemChanged.connect(lambda *_: self.refresh())
        self.refresh()

    def selected_region(self) -> str:
        item = self.tree.currentItem()
        problem = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        region = getattr(problem, "region", None) or ""
        return region if self.session.table is not None and region in self.session.table.regions() else ""

    def refresh(self) -> None:
        region = self.selected_region()
        self.exclude_button.setEnabled(bool(region) and region not in self.session.excluded_regions)
        excluded = self.session.active_exclusions()
        zh = current_language() == "zh"
        items = [f"{r}（{why}）" if zh else f"{r} ({why})" for r, why in excluded.items()]
        self.summary.setText(self.tr("已排除：") + ("；" if zh else "; ").join(items) if items else "")

    def exclude_selected(self) -> None:
        region = self.selected_region()
        reason = ask_reason(self, region) if region else ""
        if reason:
            self.session.exclude_region(region, reason)

    def manage(self) -> None:
        ExclusionsDialog(self.session, self).exec()


class ExclusionsDialog(QDialog):
    """Every excluded region with its reason; add one (region and reason) or take one back."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("排除地区"))
        self.setMinimumWidth(560)
        v = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "被排除的地区不参与指数测算和评估，其他地区照常计算。每个排除都须注明理由，"
                "理由保存在工作区中，并写入测算口径和导出的报告。"
            )
        )
        intro.setWordWrap(True)
        v.addWidget(intro)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("地区"), self.tr("理由")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.table)
        self.remove_button = QPushButton(self.tr("取消排除所选地区"))
        self.remove_button.clicked.connect(self.remove_selected)
        v.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        add = QHBoxLayout()
        self.region = QComboBox()
        self.region.setMinimumContentsLength(8)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("理由，例如：2019 年数据缺失，待补报"))
        self.add_button = QPushButton(self.tr("排除"))
        self.add_button.clicked.connect(self.add)
        self.reason.textChanged.connect(lambda *_: self._enable())
        add.addWidget(self.region)
        add.addWidget(self.reason, 1)
        add.addWidget(self.add_button)
        v.addLayout(add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        session.dataChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        s = self.session
        excluded = s.excluded_regions
        self.table.setRowCount(len(excluded))
        for row, (region, why) in enumerate(excluded.items()):
            self.table.setItem(row, 0, QTableWidgetItem(region))
            self.table.setItem(row, 1, QTableWidgetItem(why))
        self.region.clear()
        regions = s.table.regions() if s.table is not None else []
        self.region.addItems([r for r in regions if r not in excluded and r != s.nation])
        self._enable()

    def _enable(self) -> None:
        self.add_button.setEnabled(bool(self.region.currentText()) and bool(self.reason.text().strip()))
        self.remove_button.setEnabled(self.table.rowCount() > 0)

    def add(self) -> None:
        region, reason = self.region.currentText(), self.reason.text().strip()
        if region and reason:
            self.reason.clear()
            self.session.exclude_region(region, reason)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.session.include_region(self.table.item(row, 0).text())
