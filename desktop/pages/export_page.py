"""报告导出: the computed tables as JSON / CSV (via core), every chart as PNG/SVG from its page.
Word and PDF reports come in a later version (the report issue)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..widgets import Card, note_label


class ExportPage(QWidget):
    uses_region = False

    def __init__(self, session, window):
        super().__init__()
        self.session, self.window_ = session, window
        v = QVBoxLayout(self)
        v.setContentsMargins(20, 14, 20, 16)
        v.setSpacing(12)
        v.addWidget(
            note_label(
                self.tr(
                    "Word 和 PDF 格式的评估报告将在后续版本提供。当前版本可导出测算结果（JSON、CSV）；"
                    "每张图表右上角的“导出”菜单可复制图片或保存为 PNG、SVG，用于编写报告。"
                )
            )
        )
        grid = QGridLayout()
        grid.setSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, title, text, button, slot) in enumerate(self._items()):
            card = Card(title, subtitle=text)
            b = QPushButton(button)
            b.setObjectName("primary")
            b.clicked.connect(lambda _=False, f=slot: f())
            card.body.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(card, i // 2, i % 2)
            self.buttons[key] = b
        v.addLayout(grid)
        self.last = QLabel("")
        self.last.setObjectName("muted")
        self.last.setWordWrap(True)
        v.addWidget(self.last)
        v.addStretch(1)
        for sig in (
            session.resultChanged,
            session.assessmentChanged,
            session.sensitivityChanged,
            session.monteCarloChanged,
        ):
            sig.connect(self.refresh)
        self.refresh()

    def _items(self) -> list[tuple]:
        """(key, title, description, button text, slot) of each export."""
        return [
            (
                "index_json",
                self.tr("指数测算结果（JSON）"),
                self.tr(
                    "全部地区、全部节点、各年份的指数与增速，含测算口径（基期、缺口处理、权重、预估与插值单元格），相同输入得到相同文件。"
                ),
                self.tr("导出 JSON…"),
                self.export_index_json,
            ),
            (
                "index_csv",
                self.tr("指数测算结果（CSV）"),
                self.tr("长表：地区、指标代码、名称、年份、指数、增速、标记；可直接用 Excel/WPS 打开。"),
                self.tr("导出 CSV…"),
                self.export_index_csv,
            ),
            (
                "assessment_json",
                self.tr("潜力与定位评估（JSON）"),
                self.tr(
                    "每个地区的融合水平、势能、象限、功能定位、耦合协调度、潜力、伙伴、同质化预警和路径建议，每项结论附一句理由。"
                ),
                self.tr("导出 JSON…"),
                self.export_assessment_json,
            ),
            (
                "sensitivity_json",
                self.tr("权重敏感性（JSON）"),
                self.tr("±20% 逐一权重变动与蒙特卡洛区间（需先在“指数测算”页运行）。"),
                self.tr("导出 JSON…"),
                self.export_sensitivity_json,
            ),
        ]

    def activate(self) -> None:
        self.refresh()

    def refresh(self, *_) -> None:
        s = self.session
        self.buttons["index_json"].setEnabled(s.result is not None)
        self.buttons["index_csv"].setEnabled(s.result is not None)
        self.buttons["assessment_json"].setEnabled(s.assessment is not None)
        self.buttons["sensitivity_json"].setEnabled(s.sensitivity is not None or s.monte_carlo is not None)

    def _ask(self, title: str, default: str, filt: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, default, filt)
        return path

    def _run(self, fn, path: str) -> None:
        if not path:
            return
        try:
            fn(path)
        except Exception as exc:
            self.window_.show_error(exc, self.tr("导出"))
            return
        self.last.setText(self.tr("已导出：") + path)
        self.window_.show_message(self.tr("已导出：") + path)

    def export_index_json(self, path: str | None = None) -> None:
        path = path or self._ask(self.tr("导出指数测算结果"), "fusion-index.json", self.tr("JSON 文件 (*.json)"))
        self._run(self.session.export_json, path)

    def export_index_csv(self, path: str | None = None) -> None:
        path = path or self._ask(self.tr("导出指数测算结果"), "fusion-index.csv", self.tr("CSV 文件 (*.csv)"))
        self._run(self.session.export_csv, path)

    def export_assessment_json(self, path: str | None = None) -> None:
        path = path or self._ask(self.tr("导出潜力与定位评估"), "assessment.json", self.tr("JSON 文件 (*.json)"))
        self._run(self.session.export_assessment_json, path)

    def export_sensitivity_json(self, path: str | None = None) -> None:
        path = path or self._ask(self.tr("导出权重敏感性"), "sensitivity.json", self.tr("JSON 文件 (*.json)"))
        self._run(self.session.export_sensitivity_json, path)
