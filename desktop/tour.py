"""The optional first-run tour: a few steps in a small non-modal window that switches the page
it talks about. Skippable at every step; "don't show again" is saved in the settings (and can be
switched back on in 设置). Never shown with --screenshot, --self-test or under tests (app.main only)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout


def should_show(settings) -> bool:
    """At start-up: only when wanted, on a screen, and not under a test runner."""
    if os.environ.get("PYTEST_CURRENT_TEST") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return False
    return bool(settings.show_tour)


class Tour(QDialog):
    def __init__(self, settings, window):
        super().__init__(window)
        self.settings, self.window_ = settings, window
        self.setWindowTitle(self.tr("入门导览"))
        self.setModal(False)
        self.setMinimumWidth(420)
        self.steps = [
            ("import", self.tr("第一步：导入数据"),
             self.tr("下载空白模板并填写，或把填好的工作簿拖到“数据导入”页。没有数据时可先打开演示工作区。")),
            ("check", self.tr("第二步：校验数据"),
             self.tr("“数据校验”页列出每个数值的状态、来源和导入发现的问题，并说明如何修改。")),
            ("index", self.tr("第三步：查看指数"),
             self.tr("“指数测算”页给出总指数和四个一级指标的走势；悬停指标可看定义、单位和来源。")),
            ("assessment", self.tr("第四步：潜力与定位"),
             self.tr("“潜力与定位”页给出每个结论及其理由；“全国格局”方块地图显示本地区在全国的位置。")),
            ("export", self.tr("第五步：导出报告"),
             self.tr("“报告导出”页导出 Word、PDF、Excel 报告和图表。任何页面按 F1 可查看帮助和方法术语表。")),
        ]  # fmt: skip
        v = QVBoxLayout(self)
        self.title = QLabel("")
        self.title.setObjectName("cardTitle")
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counter = QLabel("")
        self.counter.setObjectName("muted")
        self.dont_show = QCheckBox(self.tr("不再显示"))
        self.dont_show.setChecked(not settings.show_tour)
        row = QHBoxLayout()
        self.skip = QPushButton(self.tr("跳过"))
        self.back = QPushButton(self.tr("上一步"))
        self.next = QPushButton(self.tr("下一步"))
        self.next.setObjectName("primary")
        self.skip.clicked.connect(self.close)
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(self._next)
        row.addWidget(self.dont_show)
        row.addStretch(1)
        for b in (self.skip, self.back, self.next):
            row.addWidget(b)
        for w in (self.title, self.text, self.counter):
            v.addWidget(w)
        v.addLayout(row)
        self.index = 0
        self.go(0)

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps) - 1))
        page, title, text = self.steps[self.index]
        self.title.setText(title)
        self.text.setText(text)
        self.counter.setText(f"{self.index + 1} / {len(self.steps)}")
        self.back.setEnabled(self.index > 0)
        last = self.index == len(self.steps) - 1
        self.next.setText(self.tr("完成") if last else self.tr("下一步"))
        self.window_.show_page(page)

    def _next(self) -> None:
        if self.index == len(self.steps) - 1:
            self.close()
        else:
            self.go(self.index + 1)

    def closeEvent(self, event) -> None:
        self.settings.show_tour = not self.dont_show.isChecked()
        super().closeEvent(event)
