"""规划推演's 情景对比 tab: save the page's scenario in the workspace, compare saved ones side by side, export."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..i18n import current_language
from ..widgets import fmt
from .tables import fill_table, make_table


class ScenarioCompare(QWidget):
    def __init__(self, model, session, default_name):
        super().__init__()
        self.model, self.session, self._default_name = model, session, default_name
        model.savedChanged.connect(self.fill)
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 6, 4, 4)
        row = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("情景名称"))
        row.addWidget(self.name_edit, 1)
        self.save_button = QPushButton(self.tr("保存情景"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        self.delete_button = QPushButton(self.tr("删除所选"))
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.delete_button)
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.export_button)
        v.addLayout(row)
        self.compare_table = make_table([self.tr("项目")], stretch_last=False, title=self.tr("情景对比"))
        v.addWidget(self.compare_table, 1)

    def save(self) -> None:
        name = self.name_edit.text().strip() or self._default_name() or self.tr("情景")
        try:
            self.model.save(name)
        except Exception as exc:  # InputError (locked workspace …): the session's dialog says what to do
            self.session.errorRaised.emit(exc, self.tr("保存情景"))

    def delete_selected(self) -> None:
        col = self.compare_table.currentColumn()
        if col >= 1:
            self.model.delete(self.compare_table.model.headers[col])

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出情景"), "scenarios.json", "JSON (*.json)")
        if path:
            try:
                self.model.export(path)
            except Exception as exc:
                self.session.errorRaised.emit(exc, self.tr("导出情景"))

    def fill(self) -> None:
        saved = self.model.saved() if self.model.baseline is not None else []
        b = self.model.baseline
        lang = current_language()

        def name(x):
            return "—" if not x or b is None else b.config.term(x).text(lang)

        labels = [self.tr("地区"), self.tr("目标年份"), self.tr("融合水平"), self.tr("分组"), self.tr("象限"),
                  self.tr("功能定位"), self.tr("调整指标数"), self.tr("努力程度合计")]  # fmt: skip
        cols = []
        for s in saved:
            pr = s.data.get("projected", {})
            cols.append([s.region, str(s.year), fmt(pr.get("level")), name(pr.get("group")), name(pr.get("quadrant")),
                         name(pr.get("role")), str(len(s.data.get("scenario", {}))), f"{s.data.get('effort', 0):.2f}"])  # fmt: skip
        rows = [[label, *[c[i] for c in cols]] for i, label in enumerate(labels)]
        codes = sorted({c for s in saved for c in s.data.get("scenario", {})})
        for code in codes:  # each changed indicator's growth (%/yr) in each scenario, "—" where unchanged
            label = b.framework.label(code, lang, regional=True) if b is not None else code
            rows.append([label, *[_pct(s.data.get("scenario", {}).get(code)) for s in saved]])
        t = self.compare_table
        t.set_headers([self.tr("项目"), *[s.name for s in saved]])
        fill_table(t, rows)


def _pct(value) -> str:
    return "—" if value is None else f"{value:.2f}"
