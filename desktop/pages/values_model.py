"""The data grid's model: one row per indicator and year of one region (virtualised, QAbstractTableModel).

Each row shows the value with its status (填报值, 预估, 插值, 已排除, 缺失), where it came from, its
备注 and the flags on the cell (problems, and flags accepted with a reason). The value column is
editable; an edit is handed to `on_edit(row, text)`, which asks core (through the session) to
record it as a revision — the model itself never changes a value.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from core.kernel import CellStatus, Severity

from .. import style
from ..i18n import parenthesised

COLUMNS = ("code", "name", "year", "value", "status", "flag", "source", "note")
VALUE_COLUMN = COLUMNS.index("value")
_BG = {
    CellStatus.ESTIMATE: style.ESTIMATE_BG,
    CellStatus.INTERPOLATED: style.INTERPOLATED_BG,
    CellStatus.EXCLUDED: style.EXCLUDED_BG,
}


@dataclass(frozen=True)
class ValueRow:
    """One cell of the region's data: key, value (None: missing), how it came to be, flags."""

    indicator: str
    name: str
    unit: str
    year: int
    value: float | None
    status: CellStatus | None  # None: no value
    source: str = ""  # file / sheet / cell
    note: str = ""  # 备注 (and the data source named in the file)
    open_flags: tuple = ()  # core.kernel.Problem (errors, warnings) at this cell, not accepted
    accepted: tuple = ()  # core.store.Acceptance at this cell


def format_value(value: float | None) -> str:
    """The value as entered (up to 10 significant digits, no rounding to 4)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:.10g}"


class ValuesModel(QAbstractTableModel):
    def __init__(self, headers: list[str], texts: dict, lang: Callable[[], str], parent=None):
        super().__init__(parent)
        self._headers, self._texts, self._lang = headers, texts, lang
        self.rows: list[ValueRow] = []
        self.on_edit: Callable[[ValueRow, str], bool] | None = None

    def set_rows(self, rows: list[ValueRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == VALUE_COLUMN:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def status_text(self, row: ValueRow) -> str:
        if row.status is None:
            return self._texts["missing"]
        return row.status.label(self._lang())

    def flag_text(self, row: ValueRow) -> str:
        lang = self._lang()
        parts = [p.text(lang) for p in row.open_flags]
        parts += [self._texts["accepted"].replace("{reason}", a.reason) for a in row.accepted]
        return "；".join(parts) if lang == "zh" else "; ".join(parts)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.EditRole:
            return "" if row.value is None else f"{row.value:.10g}"
        if role == Qt.ItemDataRole.ToolTipRole and col in ("name", "source", "note", "flag"):
            return self._display(row, col) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("year", "value"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == "flag":
            return QBrush(QColor(_flag_color(row)))
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _display(self, row: ValueRow, col: str) -> str:
        return {
            "code": row.indicator,
            "name": row.name + (parenthesised(row.unit, self._lang()) if row.unit else ""),
            "year": str(row.year),
            "value": format_value(row.value),
            "status": self.status_text(row),
            "source": row.source,
            "note": row.note,
            "flag": self.flag_text(row),
        }[col]

    def _background(self, row: ValueRow, col: str):
        if col == "value" and row.open_flags and any(p.severity is Severity.ERROR for p in row.open_flags):
            return QBrush(QColor("#fde2df"))
        if col in ("value", "status"):
            color = _BG.get(row.status) if row.status is not None else style.EXCLUDED_BG
            return QBrush(QColor(color)) if color else None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != VALUE_COLUMN or self.on_edit is None:
            return False
        row = self.rows[index.row()]
        text = str(value).strip()
        if text == ("" if row.value is None else f"{row.value:.10g}"):
            return False  # nothing typed that differs: no revision
        return self.on_edit(row, text)


def _flag_color(row: ValueRow) -> str:
    if any(p.severity is Severity.ERROR for p in row.open_flags):
        return style.ERROR
    if row.open_flags:
        return style.WARNING
    return "#2e7d32" if row.accepted else style.TEXT
