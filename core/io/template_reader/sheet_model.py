"""A lighter in-memory workbook for the template reader, read with openpyxl's own parts.

`load_workbook(data_only=True)` builds a full openpyxl object model of every sheet (a styled
`Cell` per cell, borders copied onto every merged cell, row and column dimensions, hyperlinks,
comments, drawings) — about two thirds of an import went there. The reader needs only the values,
number formats and merged ranges of the few sheets it reads, so the workbook is opened through
openpyxl's read-only reader (workbook part, shared strings, styles, defined names, sheet titles:
openpyxl's code) and each sheet the reader asks for is parsed once, by `sheet_xml` (openpyxl's
cell conversion) or, for an unusual part, by openpyxl's own `WorkSheetParser`.

Sheets behave as openpyxl's do where the reader can tell: the same values and number formats,
the cells of a merged range other than the top-left one read as empty, `cell()` and `iter_rows()`
create the cells they visit, and `max_row`/`max_column` count every cell that exists. Every
worksheet is parsed when the workbook is loaded, so damage in any sheet's cells makes the file
unreadable as before. What is no longer read at all — sheet properties (validations, views, page
setup), hyperlinks, comments, drawings — can no longer make an otherwise readable file unreadable.
"""

from __future__ import annotations

import warnings

from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.workbook.child import INVALID_TITLE_REGEX, avoid_duplicate_name
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.constants import ARC_STYLE

from .sheet_xml import SheetCells, Unusual, read_sheet_cells


class Cell:
    """One cell: value, position and (read on demand) its number format."""

    __slots__ = ("parent", "row", "column", "value", "_style")

    def __init__(self, parent: Sheet, row: int, column: int, value=None, style=None):
        self.parent, self.row, self.column, self.value, self._style = parent, row, column, value, style

    @property
    def coordinate(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"

    @property
    def number_format(self) -> str:
        idx = self._style.numFmtId if self._style is not None else 0
        if idx < BUILTIN_FORMATS_MAX_SIZE:
            return BUILTIN_FORMATS.get(idx, "General")
        return self.parent.parent.number_formats[idx - BUILTIN_FORMATS_MAX_SIZE]

    def offset(self, row: int = 0, column: int = 0) -> Cell:
        return self.parent.cell(row=self.row + row, column=self.column + column)


class Sheet:
    """One worksheet's cells by (row, column), created on first visit as openpyxl's are."""

    def __init__(self, parent: Book, title: str, sheet_state: str, part: str):
        self.parent, self.title, self.sheet_state = parent, title, sheet_state
        self.part = part
        self.defined_names: dict = {}  # sheet-scoped names (openpyxl's assign_names puts them here)
        self._cells: dict[tuple[int, int], Cell] | None = None
        self._merged = MultiCellRange()
        self._max_row = self._max_column = 1  # the extent of the cells that exist (1 when there are none)

    def load(self) -> Sheet:
        """Parse the sheet part once (its damage raises as openpyxl's would), then blank merged cells as openpyxl does."""
        if self._cells is not None:
            return self
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Data Validation extension is not supported" and the like
            parsed, merges = self._parse()
        styles = self.parent.wb._cell_styles
        self._cells = {(r, c): Cell(self, r, c, value, styles[style]) for r, c, value, style in parsed}
        if merges is not None:
            ranges = [CellRange(ref) for ref in merges]
            for rng in ranges:
                self._merge(rng)
            self._merged = MultiCellRange(ranges)
        if self._cells:
            self._max_row = max(r for r, _ in self._cells)
            self._max_column = max(c for _, c in self._cells)
        return self

    def _parse(self) -> tuple[list[tuple[int, int, object, int]], list[str] | None]:
        """(row, column, value, style id) per cell and the merged ranges; openpyxl's parser for unusual parts."""
        reader = self.parent.reader
        wb = reader.wb
        args = (reader.shared_strings, wb.epoch, wb._date_formats, wb._timedelta_formats)
        try:
            with reader.archive.open(self.part) as src:
                found = read_sheet_cells(src, SheetCells(*args))
            return found.cells, found.merges
        except Unusual:
            pass
        with reader.archive.open(self.part) as src:
            parser = WorkSheetParser(src, args[0], True, *args[1:], rich_text=False)
            cells = [(c["row"], c["column"], c["value"], c["style_id"]) for _, row in parser.parse() for c in row]
        merges = [m.ref for m in parser.merged_cells.mergeCell] if parser.merged_cells else None
        return cells, merges

    def _merge(self, rng: CellRange) -> None:
        """openpyxl's merge: the top-left cell kept (created when missing), every other cell an empty one."""
        cells = self._cells
        top = (rng.min_row, rng.min_col)
        if top not in cells:
            cells[top] = Cell(self, *top)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != top:
                    cells[(r, c)] = Cell(self, r, c)

    @property
    def merged_cells(self) -> MultiCellRange:
        self.load()
        return self._merged

    @property
    def max_row(self) -> int:
        return self.load()._max_row

    @property
    def max_column(self) -> int:
        return self.load()._max_column

    def cell(self, row: int, column: int) -> Cell:
        """The cell at row, column; created (empty) when it does not exist yet, as openpyxl does."""
        found = self.load()._cells.get((row, column))
        return found if found is not None else self._new_cell(row, column)

    def _new_cell(self, row: int, column: int) -> Cell:
        if row < 1 or column < 1:
            raise ValueError("Row or column values must be at least 1")
        found = self._cells[(row, column)] = Cell(self, row, column)
        self._max_row, self._max_column = max(self._max_row, row), max(self._max_column, column)
        return found

    def __getitem__(self, key: str):
        """A cell by coordinate; a bare column or row gives its cells (as openpyxl does)."""
        min_col, min_row, max_col, max_row = range_boundaries(key)
        if not any([min_col, min_row, max_col, max_row]):
            raise IndexError(f"{key} is not a valid coordinate or range")
        if min_row is None:
            cols = tuple(zip(*self.iter_rows(1, self.max_row, min_col, max_col), strict=True))
            return cols[0] if min_col == max_col else cols
        if min_col is None:
            rows = tuple(self.iter_rows(min_row, max_row, 1, self.max_column))
            return rows[0] if min_row == max_row else rows
        if ":" not in key:
            return self.cell(min_row, min_col)
        return tuple(self.iter_rows(min_row, max_row, min_col, max_col))

    def iter_rows(self, min_row=None, max_row=None, min_col=None, max_col=None, values_only=False):
        """Rows of cells (or values) over the rectangle; bounds not given are the sheet's extent when called."""
        self.load()
        min_col, min_row = min_col or 1, min_row or 1
        max_col, max_row = max_col or self.max_column, max_row or self.max_row
        return self._rows(min_row, max_row, min_col, max_col, values_only)

    def _rows(self, min_row: int, max_row: int, min_col: int, max_col: int, values_only: bool):
        get, new = self._cells.get, self._new_cell
        for r in range(min_row, max_row + 1):
            cells = tuple(get((r, c)) or new(r, c) for c in range(min_col, max_col + 1))
            yield tuple(c.value for c in cells) if values_only else cells


class Book:
    """The workbook: sheet names and states, defined names and number formats from openpyxl; sheets as `Sheet`."""

    def __init__(self, reader: _Reader):
        self.reader = reader

    @property
    def wb(self):
        return self.reader.wb

    @property
    def number_formats(self):
        return self.wb._number_formats

    @property
    def defined_names(self):
        return self.wb.defined_names

    @property
    def sheetnames(self) -> list[str]:
        return self.wb.sheetnames

    @property
    def worksheets(self) -> list[Sheet]:
        return [s for s in self.wb._sheets if isinstance(s, Sheet)]

    def __getitem__(self, name: str):
        """The first sheet of that name (a chartsheet as openpyxl has it), parsed; KeyError when there is none."""
        for sheet in self.worksheets + self.wb.chartsheets:
            if sheet.title == name:
                return sheet.load() if isinstance(sheet, Sheet) else sheet
        raise KeyError(f"Worksheet {name} does not exist.")

    def close(self) -> None:
        self.reader.archive.close()


_STYLES: dict[bytes, tuple] = {}  # styles part → what the reader uses of it; files of one template share theirs
_MAX_STYLES = 32


class _Reader(ExcelReader):
    """openpyxl's reader in read-only mode, keeping each worksheet as an unparsed `Sheet` (no per-sheet pre-scan).

    A styles part seen before (byte for byte) is not parsed again: its cell styles and number formats are reused.
    """

    def read(self) -> None:
        """openpyxl's `ExcelReader.read` in the same order, with the styles step reusing a known stylesheet."""
        steps = (
            ("read manifest", self.read_manifest),
            ("read strings", self.read_strings),
            ("read workbook", self.read_workbook),
            ("read properties", self.read_properties),
            ("read custom properties", self.read_custom),
            ("read theme", self.read_theme),
            ("read stylesheet", self._read_styles),
            ("read worksheets", self.read_worksheets),
            ("assign names", lambda: self.parser.assign_names()),
        )
        action = ""
        try:
            for name, step in steps:
                action = name
                step()
        except ValueError as exc:
            raise ValueError(f"Unable to read workbook: could not {action}") from exc

    def _read_styles(self) -> None:
        try:
            src = self.archive.read(ARC_STYLE)
        except KeyError:
            return  # openpyxl keeps its default styles
        wb = self.wb
        known = _STYLES.get(src)
        if known is None:
            apply_stylesheet(self.archive, wb)
            known = (wb._cell_styles, wb._number_formats, wb._date_formats, wb._timedelta_formats)
            if len(_STYLES) >= _MAX_STYLES:
                _STYLES.clear()
            _STYLES[src] = known
        wb._cell_styles, wb._number_formats, wb._date_formats, wb._timedelta_formats = known

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)
                continue
            title = _sheet_title(self.wb.sheetnames, sheet.name or Worksheet._default_title)
            self.wb._sheets.append(Sheet(self.book, title, sheet.state, rel.target))


def _sheet_title(names: list[str], title: str) -> str:
    """The title openpyxl gives a sheet it loads: characters Excel forbids refused, a repeated name numbered."""
    bad = INVALID_TITLE_REGEX.search(title)
    if bad:
        raise ValueError(f"Invalid character {bad.group(0)} found in sheet title")
    return avoid_duplicate_name(names, title)


def load_book(source) -> Book:
    """Open a (pre-checked) workbook and parse every worksheet's cells; raises what openpyxl raises on bad content."""
    reader = _Reader(source, read_only=True, keep_vba=False, data_only=True, keep_links=False, rich_text=False)
    reader.book = book = Book(reader)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Data Validation extension is not supported" and the like
            reader.read()
        for sheet in book.worksheets:
            sheet.load()
    except BaseException:
        reader.archive.close()
        raise
    return book
