"""The page header: the page's title and subtitle, the region selector and the overlay menu.

It follows the session (regions loaded, region chosen elsewhere) and writes the user's
choice back to it. Built before the session exists (the window's first phase), then `bind`-ed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..i18n import region_name

COMPARE_SHOWN = 25  # regions listed in the overlay menu at once (checked ones always); the search box finds the rest


class Header(QWidget):
    def __init__(self, session=None, parent=None):
        """Without `session`: the first frame's header (titles only) until `bind`."""
        super().__init__(parent)
        self.session = None
        self.setObjectName("header")
        h = QHBoxLayout(self)
        h.setContentsMargins(20, 10, 16, 10)
        tv = QVBoxLayout()
        tv.setSpacing(0)
        self.page_title = QLabel("")
        self.page_title.setObjectName("pageTitle")
        self.page_subtitle = QLabel("")
        self.page_subtitle.setObjectName("pageSubtitle")
        self.page_subtitle.setWordWrap(True)  # a long (English) subtitle wraps instead of widening the window
        self.page_subtitle.setMinimumWidth(1)
        tv.addWidget(self.page_title)
        tv.addWidget(self.page_subtitle)
        h.addLayout(tv, 1)
        self._row = h
        self.region_caption = self.region_combo = self.compare_button = self.compare_menu = None
        if session is not None:
            self.bind(session)

    def bind(self, session) -> None:
        """Follow `session` (once): add the region picker (searchable) and the overlay menu, which
        write back to it (not part of the first frame: no data is loaded then; nor is the `Qt`
        namespace, see shell.sidebar)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QComboBox, QMenu, QToolButton

        from ..widgets import searchable

        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # a plain QWidget paints no style-sheet background
        self.session = session
        h = self._row
        self.region_caption = QLabel(self.tr("地区"))
        self.region_combo = searchable(QComboBox())
        self.region_combo.setMinimumWidth(150)
        self.region_combo.setToolTip(self.tr("当前查看的地区"))
        self.region_combo.currentIndexChanged.connect(self._region_selected)
        self.region_combo.currentTextChanged.connect(self._text_typed)
        self.compare_button = QToolButton()
        self.compare_button.setText(self.tr("叠加对比"))
        self.compare_button.setToolTip(self.tr("在图表中叠加其他地区"))
        self.compare_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.compare_menu = QMenu(self.compare_button)
        self._build_compare_search()
        self.compare_button.setMenu(self.compare_menu)
        self.compare_button.setMinimumWidth(self.compare_button.sizeHint().width() + 18)
        h.addWidget(self.region_caption)
        h.addWidget(self.region_combo)
        h.addWidget(self.compare_button)
        session.regionChanged.connect(self._region_from_session)

    def show_page(self, title: str, subtitle: str, uses_region: bool, uses_compare: bool) -> None:
        self.page_title.setText(title)
        self.page_subtitle.setText(subtitle)
        if self.session is None:  # the first frame: no picker yet
            return
        for w in (self.region_caption, self.region_combo):
            w.setVisible(uses_region)
        self.compare_button.setVisible(uses_region and uses_compare)

    def update_regions(self, regions: list[str]) -> None:
        s = self.session
        self.region_combo.blockSignals(True)
        self.region_combo.clear()
        for r in regions:
            self.region_combo.addItem(region_name(r), r)  # shown in the UI language, keyed by the data's name
        if s.region in regions:
            self.region_combo.setCurrentIndex(regions.index(s.region))
        self.region_combo.blockSignals(False)
        for act in self.compare_actions:
            self.compare_menu.removeAction(act)
            act.deleteLater()
        self.compare_actions = []
        for r in regions:
            act = self.compare_menu.addAction(region_name(r))
            act.setData(r)
            act.setCheckable(True)
            act.setChecked(r in s.compare)
            act.toggled.connect(self._compare_toggled)
            self.compare_actions.append(act)
        self.compare_menu.removeAction(self.compare_more)
        self.compare_menu.addAction(self.compare_more)
        self.filter_compare(self.compare_search.text())

    def _build_compare_search(self) -> None:
        """A search box at the top of the overlay menu: hundreds of cities are found by typing, not scrolling."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QLineEdit, QWidgetAction

        self.compare_actions: list = []
        self.compare_search = QLineEdit()
        self.compare_search.setPlaceholderText(self.tr("查找地区…"))
        self.compare_search.setClearButtonEnabled(True)
        self.compare_search.textChanged.connect(self.filter_compare)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.compare_search)
        search = QWidgetAction(self.compare_menu)
        search.setDefaultWidget(box)
        self.compare_menu.addAction(search)
        self.compare_menu.addSeparator()
        self.compare_more = self.compare_menu.addAction("")
        self.compare_more.setEnabled(False)
        self.compare_menu.aboutToShow.connect(lambda: QTimer.singleShot(0, self.compare_search.setFocus))

    def filter_compare(self, text: str) -> None:
        """List the regions whose name (shown or data) contains `text`, at most COMPARE_SHOWN besides the checked."""
        needle = text.strip().casefold()
        shown = hidden = 0
        for act in self.compare_actions:
            match = not needle or needle in act.text().casefold() or needle in str(act.data()).casefold()
            visible = act.isChecked() or (match and shown < COMPARE_SHOWN)
            act.setVisible(visible)
            shown += visible and not act.isChecked()
            hidden += match and not visible
        self.compare_more.setText(self.tr("另有 {n} 个地区：输入名称查找").replace("{n}", str(hidden)))
        self.compare_more.setVisible(hidden > 0)

    def _region_selected(self, index: int) -> None:
        """A region picked from the list or the search completer (its data name behind the label)."""
        region = self.region_combo.itemData(index)
        if region:
            self.session.set_region(region)

    def _text_typed(self, text: str) -> None:
        """A whole region name typed (or set) in the search box selects it; a partial search text does nothing."""
        from PySide6.QtCore import Qt

        index = self.region_combo.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0 and index != self.region_combo.currentIndex():
            self.region_combo.setCurrentIndex(index)

    def _region_from_session(self, region: str) -> None:
        index = self.region_combo.findData(region)
        if index >= 0 and self.region_combo.currentIndex() != index:
            self.region_combo.blockSignals(True)
            self.region_combo.setCurrentIndex(index)
            self.region_combo.blockSignals(False)

    def _compare_toggled(self, _checked: bool) -> None:
        self.session.set_compare([a.data() for a in self.compare_actions if a.isChecked()])
