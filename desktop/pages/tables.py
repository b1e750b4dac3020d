"""Read-only result tables shared by the assessment and benchmark pages."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from core.kernel import msg

from ..widgets import FitScroll


def make_table(headers: list[str], stretch_last: bool = True) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setWordWrap(True)
    hh = t.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_last:
        hh.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return t


def fill_table(
    table: QTableWidget, rows: list[list[str]], tips: list[str] | None = None, highlight: set[int] | None = None
) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            it = QTableWidgetItem(text)
            if tips and r < len(tips) and tips[r]:
                it.setToolTip(tips[r])
            elif len(text) > 30:
                it.setToolTip(text)
            if highlight and r in highlight:
                it.setBackground(QBrush(QColor("#fdecea")))
            table.setItem(r, c, it)
    table.resizeRowsToContents()


def scroll(widget: QWidget) -> QScrollArea:
    return FitScroll(widget)


UNITS = {"points": "assess.unit.points", "spread": "assess.unit.spread", "d": "assess.unit.d"}


def robustness(verdict, name, lang: str, unit: str = "points", ndigits: int = 2) -> tuple[str, str]:
    """(badge, hover text) of a verdict from core: “临界” when it is borderline, and its margin (signed
    distance to the nearest threshold) and stability (share of draws per label). `name` renders a label."""
    margin = getattr(verdict, "margin", None)
    stability = getattr(verdict, "stability", None) or {}
    if margin is None and not stability:
        return "", ""
    shares = [msg("assess.borderline.share_item", label=name(k), share=f"{v * 100:.0f}%") for k, v in stability.items()]
    shown = "—" if margin is None else f"{margin:+.{ndigits}f}"
    hover = msg("assess.borderline.hover", margin=shown, unit=msg(UNITS[unit]), shares=shares).text(lang)
    badge = msg("assess.borderline.badge").text(lang) if getattr(verdict, "borderline", False) else ""
    return badge, hover
