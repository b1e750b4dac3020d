"""The shape every result page shares: a placeholder until there is something to show, widgets
built on first use, and refreshes only while visible (a hidden page just marks itself dirty)."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ..widgets import empty_label


class ResultPage(QWidget):
    uses_region = True

    def __init__(self, session, window, signals):
        super().__init__()
        self.session, self.window_ = session, window
        self._dirty = True
        self._built = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 14, 20, 16)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.empty = empty_label("")
        self.stack.addWidget(self.empty)
        self.content = QWidget()
        self.stack.addWidget(self.content)
        for sig in signals:
            sig.connect(self._mark)

    def _build(self) -> None:
        """Create the content widgets (called once, on first show with a result)."""
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def _mark(self, *_) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def activate(self) -> None:
        if self._dirty:
            self.refresh()

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def show_content(self) -> None:
        if not self._built:
            self._build()
        self.stack.setCurrentWidget(self.content)
