"""The workflow sidebar: app title, one step per page, the open workspace in a line or two."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..widgets import step_icon


class Sidebar(QWidget):
    stepSelected = Signal(str)  # page id

    def __init__(self, titles: dict[str, tuple[str, str]], parent=None):
        """`titles`: page id → (title, tooltip), in workflow order."""
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # a plain QWidget paints no style-sheet background
        self.setFixedWidth(212)
        self._ids = list(titles)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 18, 0, 12)
        t = QLabel(self.tr("两创融合评估"))
        t.setObjectName("appTitle")
        st = QLabel(self.tr("科技创新 × 产业创新"))
        st.setObjectName("appSubtitle")
        for w in (t, st):
            w.setContentsMargins(18, 0, 12, 0)
            v.addWidget(w)
        v.addSpacing(16)
        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.steps.setIconSize(QSize(24, 24))
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for pid, (title, tip) in titles.items():
            item = QListWidgetItem(title)  # icons come after the first paint (set_icons)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setToolTip(tip)
            self.steps.addItem(item)
        self.steps.currentRowChanged.connect(self._row_changed)
        v.addWidget(self.steps, 1)
        self.workspace_label = QLabel("")
        self.workspace_label.setObjectName("workspaceLabel")
        self.workspace_label.setWordWrap(True)
        self.workspace_label.setContentsMargins(18, 0, 12, 0)
        v.addWidget(self.workspace_label)

    def set_icons(self) -> None:
        """The numbered step icons (drawn with QPainter: deferred at start-up until the window shows)."""
        for i in range(self.steps.count()):
            self.steps.item(i).setIcon(step_icon(i + 1))

    def set_current(self, pid: str) -> None:
        """Highlight the step of `pid` without emitting stepSelected."""
        row = self._ids.index(pid)
        if self.steps.currentRow() != row:
            self.steps.blockSignals(True)
            self.steps.setCurrentRow(row)
            self.steps.blockSignals(False)

    def show_workspace(self, session, regions: int) -> None:
        name = session.display_name() or self.tr("未打开工作区")
        n = len(session.table) if session.table is not None else 0
        self.workspace_label.setText(
            self.tr("工作区：{name}\n{n} 个数值，{r} 个地区")
            .replace("{name}", name)
            .replace("{n}", str(n))
            .replace("{r}", str(regions))
        )

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._ids):
            self.stepSelected.emit(self._ids[row])
