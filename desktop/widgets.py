"""Small shared widgets: cards, verdict blocks, empty states, step icons."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout

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
        for lab in (self.title_label, self.subtitle_label):
            lab.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
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
