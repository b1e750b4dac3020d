"""The problems dialog after an import refused files with errors.

It lists every error (file, sheet, cell, indicator, year, what is wrong in the UI language) and
offers to import the good values of those files, leaving the bad cells empty and marked by
their problems (core never changes a bad cell), or to cancel and fix the files first.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.kernel import Severity

from ..i18n import current_language


class ImportProblemsDialog(QDialog):
    def __init__(self, report, parent=None):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("导入发现错误"))
        self.resize(900, 460)
        lang = current_language()
        names = set(report.rejected_files)
        self.errors = [
            p for p in report.problems if p.severity is Severity.ERROR and (p.file in names or p.file is None)
        ]
        v = QVBoxLayout(self)
        head = QLabel(
            self.tr("以下文件有 {n} 个错误，尚未导入：{files}")
            .replace("{n}", str(len(self.errors)))
            .replace("{files}", "、".join(report.rejected_files))
        )
        head.setWordWrap(True)
        head.setObjectName("cardTitle")
        v.addWidget(head)
        self.table = QTableWidget(len(self.errors), 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("文件"), self.tr("工作表"), self.tr("单元格"), self.tr("指标"), self.tr("年份"), self.tr("说明")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        for i, p in enumerate(self.errors):
            cell = p.cell or (str(p.row) if p.row is not None else "")
            cells = [p.file or "", p.sheet or "", cell, p.indicator or "", str(p.year or ""), p.text(lang)]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        v.addWidget(self.table, 1)
        hint = QLabel(
            self.tr(
                "可以只导入这些文件中正确的数值：有错误的单元格留空，并在“数据校验”中标记，"
                "之后可在“逐项更正与修订”中填写或接受。也可以取消，修改文件后重新导入。"
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        v.addWidget(hint)
        buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("导入正确的数值（错误单元格留空并标记）"))
        self.import_button.setObjectName("primary")
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("取消，先修改文件"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
