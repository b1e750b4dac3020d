"""Small shared widgets: cards, verdict blocks, empty states, step icons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from . import style


class Card(QFrame):
    """A white rounded panel with a title; put content in `.body` (a QVBoxLayout)."""

    def __init__(self, title: str = "", parent=None, subtitle: str = ""):
        super().__init__(parent)
        self.setObjectName("card")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 12)
        outer.setSpacing(6)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("cardTitle")
        self.title_label.setVisible(bool(title))
        outer.addWidget(self.title_label)
        self.subtitle_label = QLabel(subtitle)
        self.subtitle_label.setObjectName("muted")
        self.subtitle_label.setWordWrap(True)
        self.subtitle_label.setVisible(bool(subtitle))
        outer.addWidget(self.subtitle_label)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # a wrapped subtitle may need more lines than its size hint when the card is narrow
        self.subtitle_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer.addLayout(self.body, 1)

    def set_title(self, text: str) -> None:
        self.title_label.setText(text)
        self.title_label.setVisible(bool(text))

    def set_subtitle(self, text: str) -> None:
        self.subtitle_label.setText(text)
        self.subtitle_label.setVisible(bool(text))


class Verdict(QFrame):
    """A verdict: caption, value (big), grade (coloured), and its one-sentence reason."""

    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(2)
        self.caption = QLabel(caption)
        self.caption.setObjectName("muted")
        row = QHBoxLayout()
        self.value = QLabel("—")
        self.value.setObjectName("bigValue")
        self.grade = QLabel("")
        self.grade.setObjectName("verdict")
        for lab in (self.value, self.grade):  # long English names wrap instead of widening the card
            lab.setWordWrap(True)
            lab.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        row.addWidget(self.value)
        row.addSpacing(8)
        row.addWidget(self.grade, 1, Qt.AlignmentFlag.AlignBottom)
        self.reason = QLabel("")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.caption)
        lay.addLayout(row)
        lay.addWidget(self.reason)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set(self, value: str, grade: str = "", reason: str = "", color: str | None = None) -> None:
        self.value.setText(value)
        self.grade.setText(grade)
        if color:
            self.grade.setStyleSheet(f"color: {color};")
        self.reason.setText(reason)


def searchable(combo: QComboBox) -> QComboBox:
    """Make a region picker searchable as you type: any part of a name (北 → 北京市, 湖北省), any case.

    The typed text is not added as an item; a pick from the list (or a whole name typed) selects it.
    """
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(15)
    combo.setCompleter(completer)
    combo.lineEdit().setPlaceholderText(QApplication.translate("RegionPicker", "输入地区名称搜索"))
    return combo


def empty_label(text: str) -> QLabel:
    lab = QLabel(text)
    lab.setObjectName("empty")
    lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
    lab.setWordWrap(True)
    return lab


def note_label(text: str) -> QLabel:
    lab = QLabel(text)
    lab.setObjectName("note")
    lab.setWordWrap(True)
    return lab


def step_icon(number: int, color: str = style.PRIMARY, size: int = 26) -> QIcon:
    """A numbered circle for the workflow sidebar (drawn, so no image files are needed);
    white with a blue number when the step is selected (the row is blue then)."""
    icon = QIcon(_step_pixmap(number, color, "white", size))
    icon.addPixmap(_step_pixmap(number, "white", color, size), QIcon.Mode.Selected)
    return icon


def _step_pixmap(number: int, color: str, text: str, size: int) -> QPixmap:
    pm = QPixmap(size * 2, size * 2)
    pm.setDevicePixelRatio(2.0)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(color))
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    p.setPen(QColor(text))
    f = QFont()
    f.setBold(True)
    f.setPixelSize(int(size * 0.5))
    p.setFont(f)
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, str(number))
    p.end()
    return pm


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet(f"color: {style.BORDER};")
    return line


def fmt(value, digits: int = 1, dash: str = "—") -> str:
    """A number for display: fixed digits, '—' for None/NaN."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return dash
    if v != v:  # NaN
        return dash
    return f"{v:,.{digits}f}"


class CardRow(QWidget):
    """Cards side by side that wrap into two rows (or one column) when the window is narrow
    (1366×768 at 125 %), instead of clipping the last card."""

    def __init__(self, cards, min_card_width: int = 230, parent=None):
        super().__init__(parent)
        self.cards = list(cards)
        self.min_card_width = min_card_width
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(10)
        self.columns = 0
        self._place(len(self.cards))

    def _fitting_columns(self, width: int) -> int:
        n = len(self.cards)
        for cols in (n, 2, 1):
            if cols <= n and cols * self.min_card_width + (cols - 1) * self.grid.spacing() <= width:
                return cols
        return 1

    def _place(self, cols: int) -> None:
        if cols == self.columns:
            return
        for card in self.cards:
            self.grid.removeWidget(card)
        for i in range(max(self.columns, cols, 1)):
            self.grid.setColumnStretch(i, 1 if i < cols else 0)
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // cols, i % cols, Qt.AlignmentFlag.AlignTop)
        self.columns = cols

    def minimumSizeHint(self) -> QSize:
        """As narrow as one card; as tall as the cards' wrapped text needs at the current width."""
        height = self.grid.heightForWidth(self.width()) if self.grid.hasHeightForWidth() else -1
        return QSize(self.min_card_width, max(height, super().minimumSizeHint().height()))

    def resizeEvent(self, event) -> None:
        self._place(self._fitting_columns(event.size().width()))
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            relayout_up(self)  # the minimum height (wrapped text) depends on the width


def _squeezed(widget: QWidget) -> int:
    """How many pixels a chart or a word-wrapped label lacks at its current width."""
    from .charts.base import ChartFrame

    if isinstance(widget, ChartFrame):
        return widget.minimumSizeHint().height() - widget.height()
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
        return _wrapped_height(widget) - widget.height()
    return 0


def _wrapped_height(label: QLabel) -> int:
    """The label's height for its width, kept while width, text and font stay (a page refit asks
    every label again each pass, and laying out the text is the costly part)."""
    key = (label.width(), label.text(), label.font().key())
    kept = getattr(label, "_wrapped", None)
    if kept is None or kept[0] != key:
        kept = label._wrapped = (key, label.heightForWidth(key[0]))
    return kept[1]


def _squeezable(widget: QWidget) -> list[QWidget]:
    """The charts and labels inside `widget` (found by Qt: the other widgets are never squeezed)."""
    from .charts.base import ChartFrame

    return [*widget.findChildren(ChartFrame), *widget.findChildren(QLabel)]


def relayout_up(widget: QWidget) -> None:
    """A widget whose minimum height depends on its width (wrapped text) changed width: drop the
    cached minimum sizes of the layouts above it, up to the scroll area, which then refits."""
    widget.updateGeometry()
    w = widget.parentWidget()
    while w is not None and not isinstance(w, QScrollArea):
        if w.layout() is not None:
            w.layout().invalidate()
        w = w.parentWidget()


class FitScroll(QScrollArea):
    """A scroll area that gives its widget the viewport's size and scrolls only below the widget's
    minimum size. (A resizable QScrollArea sizes a widget with word-wrapped labels by its preferred
    height-for-width, so a page scrolls even when it fits; spec: everything fits at 1366×768, 125 %.)"""

    def __init__(self, widget: QWidget, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(widget)
        widget.installEventFilter(self)

    def _fit(self) -> None:
        w = self.widget()
        if w is None:
            return
        view = self.viewport().size()
        least = w.minimumSizeHint().expandedTo(w.minimumSize())
        width, height = max(view.width(), least.width()), max(view.height(), least.height())
        for _ in range(8):  # wrapped labels under-report their minimum height: grow until nothing is squeezed
            w.resize(width, height)
            if w.layout() is not None:
                w.layout().activate()
            deficit = max((_squeezed(c) for c in _squeezable(w) if c.isVisibleTo(w)), default=0)
            if deficit <= 0:
                break
            height += deficit

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(obj, event)

    def sizeHint(self) -> QSize:
        w = self.widget()
        return w.sizeHint() if w is not None else super().sizeHint()
