"""What the workflow pages share: they refresh only while visible (a hidden page just marks
itself dirty), and result pages show a placeholder until there is something to show and build
their widgets on first use."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ..widgets import empty_label


class LazyPage(QWidget):
    uses_region = True

    def __init__(self, session, window, signals):
        super().__init__()
        self.session, self.window_ = session, window
        self._dirty = True
        for sig in signals:
            sig.connect(self._mark)

    def refresh(self) -> None:
        raise NotImplementedError

    def _mark(self, *_) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def activate(self) -> None:
        if self._dirty:
            self.refresh()


class ResultPage(LazyPage):
    def __init__(self, session, window, signals):
        super().__init__(session, window, signals)
        self._built = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 14, 20, 16)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.empty = empty_label("")
        self.stack.addWidget(self.empty)
        self.content = QWidget()
        self.stack.addWidget(self.content)

    def _build(self) -> None:
        """Create the content widgets (called once, on first show with a result)."""
        raise NotImplementedError

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def show_content(self) -> None:
        if not self._built:
            self._build()
        self.stack.setCurrentWidget(self.content)


class LazyTabs:
    """Fill only the tab on screen: the others are marked stale on `refresh` and filled when first
    shown (with many regions a hidden table, chart or audit costs as much as the visible one).
    A tab added with `add_later` is even created when first shown (or asked for with `build`):
    every widget costs its share of the style sheet, so a page opens with the widgets of one tab.

    `fills` counts the fills per tab index, `builds` the tabs created later (tests check that hidden
    tabs wait)."""

    def __init__(self, tabs):
        self.tabs = tabs
        self._fill: dict[int, object] = {}
        self._make: dict[int, object] = {}
        self._stale: set[int] = set()
        self.fills: dict[int, int] = {}
        self.builds: list[int] = []
        tabs.currentChanged.connect(self._shown)

    def add(self, widget, title: str, fill) -> int:
        """Add `widget` as a tab whose content `fill()` (re)builds."""
        index = self.tabs.addTab(widget, title)
        self._fill[index] = fill
        return index

    def add_later(self, make, title: str, fill) -> int:
        """Add a tab whose widget `make()` creates when the tab is first shown or built."""
        holder = QWidget()
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self._make[self.tabs.count()] = make  # before addTab: the first tab is shown as it is added
        return self.add(holder, title, fill)

    def build(self, index: int) -> None:
        """Create the widget of tab `index` now, if it is one made later and not made yet."""
        make = self._make.pop(index, None)
        if make is not None:
            self.builds.append(index)
            holder, widget = self.tabs.widget(index).layout(), make()
            holder.addWidget(widget)
            widget.show()  # now, not queued: the new widgets take the tab's size before they are filled
            holder.activate()  # (rows of wrapped text are measured at that width)

    def select(self, widget) -> None:
        """Show the tab holding `widget` (the tab itself or its content inside a scroll area)."""
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if tab is widget or tab.isAncestorOf(widget):
                self.tabs.setCurrentIndex(i)
                return
        raise LookupError(widget)

    def refresh(self) -> None:
        self._stale = set(self._fill)
        self._shown(self.tabs.currentIndex())

    def _shown(self, index: int) -> None:
        self.build(index)
        if index in self._stale:
            self._stale.discard(index)
            self.fills[index] = self.fills.get(index, 0) + 1
            self._fill[index]()
