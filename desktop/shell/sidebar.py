"""The workflow sidebar: app title, one step per page, the open workspace in a line or two.

Part of the window's first phase (drawn before the session and core are loaded): QtWidgets only,
and not even the `Qt` namespace (≈60 ms of enum types on first use): what needs it comes in `complete`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QProgressBar, QVBoxLayout, QWidget


class Sidebar(QWidget):
    stepSelected = Signal(str)  # page id

    def __init__(self, titles: dict[str, tuple[str, str]], parent=None):
        """`titles`: page id → (title, tooltip), in workflow order."""
        super().__init__(parent)
        self.setObjectName("sidebar")
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
        for title, tip in titles.values():
            item = QListWidgetItem(title)  # icons come after the first paint (complete)
            item.setToolTip(tip)
            self.steps.addItem(item)
        v.addWidget(self.steps, 1)
        self.workspace_label = QLabel("")
        self.workspace_label.setObjectName("workspaceLabel")
        self.workspace_label.setWordWrap(True)
        self.workspace_label.setContentsMargins(18, 0, 12, 0)
        v.addWidget(self.workspace_label)

    def complete(self) -> None:
        """After the first paint: the numbered step icons (drawn with QPainter), the page id in each
        item, the style-sheet background and no focus frame on the steps."""
        from PySide6.QtCore import Qt

        from ..widgets import step_icon

        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # a plain QWidget paints no style-sheet background
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.currentRowChanged.connect(self._row_changed)  # not before: there is no page to show yet
        for i, pid in enumerate(self._ids):
            item = self.steps.item(i)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setIcon(step_icon(i + 1))

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
            .replace("{n}", f"{n:,}")
            .replace("{r}", f"{regions:,}")
        )

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._ids):
            self.stepSelected.emit(self._ids[row])


def loading_placeholder() -> QWidget:
    """What the page area shows until the first page is built: a line of text and a busy bar."""
    w = QWidget()
    w.setObjectName("loadingPlaceholder")
    v = QVBoxLayout(w)
    v.addStretch(1)
    label = QLabel(QCoreApplication.translate("MainWindow", "正在加载…"))
    bar = QProgressBar()
    bar.setRange(0, 0)  # busy
    bar.setTextVisible(False)
    bar.setFixedWidth(240)
    for part in (label, bar):  # centred by stretches (an alignment flag would load the Qt namespace)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(part)
        row.addStretch(1)
        v.addLayout(row)
    v.addStretch(2)
    return w
