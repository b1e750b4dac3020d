"""The settings dialog: language, default base year, gap policy, thresholds file, Monte Carlo draws."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.kernel import DEFAULT_GAP_POLICY, GAP_POLICIES, gap_policy_label

from .i18n import current_language


class SettingsDialog(QDialog):
    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if settings.language == "zh" else 1)
        form.addRow(self.tr("界面语言"), self.language)
        self.base_year = QSpinBox()
        self.base_year.setRange(0, 2100)
        self.base_year.setSpecialValueText(self.tr("自动（数据中最早的年份）"))
        self.base_year.setValue(settings.base_year or 0)
        form.addRow(self.tr("默认基期"), self.base_year)
        self.gap_policy = QComboBox()
        for policy in GAP_POLICIES:
            default = self.tr("（默认）") if policy == DEFAULT_GAP_POLICY else ""
            self.gap_policy.addItem(gap_policy_label(policy, current_language()) + default, policy)
        self.gap_policy.setCurrentIndex(GAP_POLICIES.index(settings.gap_policy))
        form.addRow(self.tr("年份缺口处理"), self.gap_policy)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        self.thresholds = QLineEdit(settings.thresholds_file)
        self.thresholds.setPlaceholderText(self.tr("使用内置阈值"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        h.addWidget(self.thresholds, 1)
        h.addWidget(browse)
        form.addRow(self.tr("评估阈值文件"), row)
        self.draws = QSpinBox()
        self.draws.setRange(100, 20000)
        self.draws.setSingleStep(500)
        self.draws.setValue(settings.mc_draws)
        form.addRow(self.tr("蒙特卡洛抽样次数"), self.draws)
        self.tour = QCheckBox(self.tr("启动时显示入门导览"))
        self.tour.setChecked(settings.show_tour)
        form.addRow("", self.tour)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        v = QVBoxLayout(self)
        v.addLayout(form)
        v.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择阈值文件"), "", self.tr("TOML 文件 (*.toml)"))
        if path:
            self.thresholds.setText(path)

    def apply(self) -> set[str]:
        """Write the dialog's values to the settings; returns the names that changed."""
        s = self.settings
        new = {
            "language": self.language.currentData(),
            "base_year": self.base_year.value() or None,
            "gap_policy": self.gap_policy.currentData(),
            "thresholds_file": self.thresholds.text().strip(),
            "mc_draws": self.draws.value(),
            "show_tour": self.tour.isChecked(),
        }
        changed = set()
        for key, value in new.items():
            if getattr(s, key) != value:
                setattr(s, key, value)
                changed.add(key)
        return changed
