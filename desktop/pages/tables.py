"""The one table widget of the app (sort, filter, copy as TSV, export to xlsx) and small page helpers."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMenu,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.kernel import msg

from ..widgets import FitScroll

HIGHLIGHT = "#fdecea"
FILTER_MIN_ROWS = 30  # the filter box shows by itself from this many rows (always from the context menu)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RESIZE_ROWS = 100  # column widths fit the first rows only: 3,000 rows are never all measured
_BLANK = ("", "—", "-", "–")


def _tr(text: str) -> str:
    return QApplication.translate("DataTable", text)


@dataclass(frozen=True)
class Cell:
    """One table cell: its text, and optionally a sort key (default: the number the text shows), a
    tooltip, a payload (UserRole) and colours."""

    text: str
    sort: float | str | None = None
    tip: str = ""
    data: object = None
    background: str | None = None
    foreground: str | None = None


def number_of(text: str) -> float | None:
    """The number a cell shows (“1,234.5”, “+2.1%”, “12.3*”, “3 / 31”), or None for text."""
    t = text.strip().replace(",", "").rstrip("*~%").split(" / ")[0].strip()
    try:
        return float(t)
    except ValueError:
        return None


def sort_key(cell: Cell) -> tuple:
    """Numbers before text, blanks last (ascending); numbers by value, not by text."""
    if isinstance(cell.sort, int | float):
        return (0, float(cell.sort), "")
    if cell.text.strip() in _BLANK and cell.sort is None:
        return (2, 0.0, "")
    n = number_of(cell.text) if cell.sort is None else None
    return (0, n, "") if n is not None else (1, 0.0, str(cell.sort if cell.sort is not None else cell.text))


class TableModel(QAbstractTableModel):
    """Rows of cells, served to the view on demand: no per-cell item objects (3,000 rows stay cheap)."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[list[Cell]] = []
        self._numbers: dict[tuple[int, int], bool] = {}

    def set_rows(self, rows: list[list[Cell | str]], tips=None, highlight: set[int] | None = None) -> None:
        self.beginResetModel()
        self.rows = [
            [_cell(v, tips[r] if tips and r < len(tips) else "", HIGHLIGHT if highlight and r in highlight else None)
             for v in row]
            for r, row in enumerate(rows)
        ]  # fmt: skip
        self._numbers = {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def cell(self, row: int, column: int) -> Cell:
        cells = self.rows[row]
        return cells[column] if column < len(cells) else Cell("")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():  # the view asks ~8 roles per cell; most are not ours
            return None
        row, column = index.row(), index.column()
        c = self.cell(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return c.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.tip or (c.text if len(c.text) > 30 else None)
        if role == Qt.ItemDataRole.UserRole:
            return c.data
        if role == Qt.ItemDataRole.TextAlignmentRole:  # numbers right-aligned
            return _RIGHT if self._numeric(row, column, c) else None
        if role == SORT_ROLE:
            return sort_key(c)
        color = c.background if role == Qt.ItemDataRole.BackgroundRole else c.foreground
        return _brush(color) if color else None

    def _numeric(self, row: int, column: int, c: Cell) -> bool:
        """Whether the cell shows a number (parsed once per cell, not on every paint)."""
        key = (row, column)
        if key not in self._numbers:
            self._numbers[key] = sort_key(c)[0] == 0
        return self._numbers[key]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return None


_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.UserRole,
        Qt.ItemDataRole.TextAlignmentRole,
        SORT_ROLE,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
    )
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_BRUSHES: dict[str, QBrush] = {}


def _brush(color: str) -> QBrush:
    """One brush per colour (the view asks for it on every paint of every cell)."""
    if color not in _BRUSHES:
        _BRUSHES[color] = QBrush(QColor(color))
    return _BRUSHES[color]


def _cell(value: Cell | str, tip: str, background: str | None) -> Cell:
    if isinstance(value, Cell):
        if (tip and not value.tip) or (background and not value.background):
            return Cell(value.text, value.sort, value.tip or tip, value.data, value.background or background,
                        value.foreground)  # fmt: skip
        return value
    return Cell(str(value), tip=tip, background=background)


class _Proxy(QSortFilterProxyModel):
    """Sorts by `sort_key` (numbers by value, blanks last), filters on any column's text."""

    def lessThan(self, left, right) -> bool:
        """By value; blank cells (—) last in either direction."""
        kl, kr = self.sourceModel().data(left, SORT_ROLE), self.sourceModel().data(right, SORT_ROLE)
        lb, rb = kl[0] == 2, kr[0] == 2
        if lb or rb:
            return (rb and not lb) if self.sortOrder() == Qt.SortOrder.AscendingOrder else (lb and not rb)
        return kl < kr


class CellView:
    """Read access to one shown cell (text, tooltip, data), as QTableWidgetItem gives it."""

    def __init__(self, table: DataTable, row: int, column: int):
        self._index = table.proxy.index(row, column)

    def text(self) -> str:
        return self._index.data(Qt.ItemDataRole.DisplayRole) or ""

    def toolTip(self) -> str:
        return self._index.data(Qt.ItemDataRole.ToolTipRole) or ""

    def data(self, role):
        return self._index.data(role)


class _View(QTableView):
    """QTableView whose Ctrl+C copies the selected rows with headers (Qt's own copies one cell)."""

    def __init__(self, copy):
        super().__init__()
        self._copy = copy

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self._copy()
            event.accept()
            return
        super().keyPressEvent(event)


class DataTable(QWidget):
    """The table every page uses: a virtualised model in a QTableView, sortable by clicking a header,
    a filter box, Ctrl+C / context menu copying as TSV with headers (pastes into Excel/WPS as columns),
    and export to .xlsx (written by core.report)."""

    def __init__(self, headers: list[str], stretch_last: bool = True, title: str = "", parent=None):
        super().__init__(parent)
        self.title = title
        self.model = TableModel(headers, self)
        self.proxy = _Proxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_tr("筛选（输入任意文字）…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.setVisible(False)
        self.view = _View(lambda: self.copy(selected_only=True))
        self._setup_view(len(headers), stretch_last)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.filter)
        lay.addWidget(self.view, 1)
        self._actions()

    def _setup_view(self, columns: int, stretch_last: bool) -> None:
        v = self.view
        v.setModel(self.proxy)
        v.verticalHeader().setVisible(False)
        v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        v.setWordWrap(True)
        v.setSortingEnabled(True)
        v.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)  # the order the page gave until a header is clicked
        hh = v.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setResizeContentsPrecision(RESIZE_ROWS)
        if stretch_last and columns:
            hh.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
        v.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        v.customContextMenuRequested.connect(self._menu)

    def _actions(self) -> None:
        self.copy_action = QAction(_tr("复制（含表头）"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut
        )  # shown in the menu; _View handles the key
        self.copy_action.triggered.connect(lambda: self.copy(selected_only=True))
        self.copy_all_action = QAction(_tr("复制整张表"), self)
        self.copy_all_action.triggered.connect(lambda: self.copy(selected_only=False))
        self.export_action = QAction(_tr("导出为 Excel（.xlsx）…"), self)
        self.export_action.triggered.connect(self._export_dialog)
        self.filter_action = QAction(_tr("筛选"), self)
        self.filter_action.triggered.connect(self.show_filter)

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        for a in (self.copy_action, self.copy_all_action, self.filter_action, self.export_action):
            menu.addAction(a)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ content
    def set_rows(self, rows: list[list[Cell | str]], tips=None, highlight: set[int] | None = None) -> None:
        self.model.set_rows(rows, tips, highlight)
        if len(rows) >= FILTER_MIN_ROWS:
            self.filter.setVisible(True)
        if len(rows) <= 200:  # row heights for wrapped text; large tables keep the default height
            self.view.resizeRowsToContents()

    def select_cell(self, row: int, column: int) -> None:
        """Select, show and focus the cell of model row `row` (clears a filter that hides it)."""
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, column))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()

    def sort_by(self, column: int, descending: bool = True) -> None:
        """Sort as a click on the header would (the user can click another header afterwards)."""
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.view.sortByColumn(column, order)

    def set_headers(self, headers: list[str]) -> None:
        self.model.beginResetModel()
        self.model.headers = list(headers)
        self.model.endResetModel()

    def rowCount(self) -> int:  # as QTableWidget: pages and tests read either alike
        return self.proxy.rowCount()

    def columnCount(self) -> int:
        return self.model.columnCount()

    def currentRow(self) -> int:
        return self.view.currentIndex().row()

    def current_data(self, column: int = 0):
        """The payload (Cell.data) of the current row's cell in `column`, or None without a current row."""
        index = self.view.currentIndex()
        return index.sibling(index.row(), column).data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def row_data(self, row: int, column: int = 0):
        """The payload of shown row `row` (sorted, filtered) in `column`."""
        return self.proxy.index(row, column).data(Qt.ItemDataRole.UserRole)

    def currentColumn(self) -> int:
        return self.view.currentIndex().column()

    def horizontalHeader(self) -> QHeaderView:
        return self.view.horizontalHeader()

    def item(self, row: int, column: int) -> CellView:
        return CellView(self, row, column)

    def show_filter(self) -> None:
        self.filter.setVisible(True)
        self.filter.setFocus()

    # ------------------------------------------------------------------ copy and export
    def shown_rows(self, selected_only: bool = False) -> list[list[Cell]]:
        """The rows as shown (sorted, filtered); with `selected_only`, the selected rows if any."""
        rows = range(self.proxy.rowCount())
        if selected_only and self.view.selectionModel().hasSelection():
            rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        return [self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()] for r in rows]

    def tsv(self, selected_only: bool = False) -> str:
        """Tab-separated text with the header row (tabs and line breaks inside a cell become spaces)."""
        clean = lambda t: " ".join(str(t).split())  # noqa: E731
        lines = ["\t".join(clean(h) for h in self.model.headers)]
        n = len(self.model.headers)
        lines += ["\t".join(clean(c.text) for c in row[:n]) for row in self.shown_rows(selected_only)]
        return "\n".join(lines) + "\n"

    def copy(self, selected_only: bool = True) -> None:
        QApplication.clipboard().setText(self.tsv(selected_only))

    def export_xlsx(self, path: str) -> None:
        """The shown rows to .xlsx (numbers as numbers), written atomically by core.report."""
        from core.report import write_table_xlsx

        n = len(self.model.headers)
        rows = [[_export_value(c) for c in row[:n]] for row in self.shown_rows()]
        write_table_xlsx(path, self.model.headers, rows, self.title)

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, _tr("导出表格"), (self.title or "table") + ".xlsx", "Excel (*.xlsx)"
        )
        if not path:
            return
        try:
            self.export_xlsx(path)
        except Exception as exc:
            from .. import errors

            errors.show_error(self, exc, _tr("导出表格"))


def _export_value(c: Cell) -> str | float | None:
    if c.text.strip() in _BLANK:
        return None
    if isinstance(c.sort, int | float) and number_of(c.text) is not None:
        return float(c.sort)
    plain = c.text.strip().replace(",", "")
    try:
        return float(plain)
    except ValueError:
        return c.text


def make_table(headers: list[str], stretch_last: bool = True, title: str = "") -> DataTable:
    return DataTable(headers, stretch_last, title)


def fill_table(
    table: DataTable, rows: list[list[Cell | str]], tips: list[str] | None = None, highlight: set[int] | None = None
) -> None:
    table.set_rows(rows, tips, highlight)


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
