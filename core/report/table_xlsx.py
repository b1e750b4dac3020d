"""One on-screen table as an .xlsx file: a header row and the rows, numbers as numbers.

The desktop's tables export through this (core stays Qt-free); text a spreadsheet would run as a
formula is stored as text, and the file is written atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..kernel.atomic import atomic_path
from .neutral import set_text_cell

Value = str | float | int | None


def write_table_xlsx(
    path: str | Path, headers: Sequence[str], rows: Sequence[Sequence[Value]], title: str = ""
) -> Path:
    """Write `headers` and `rows` to one sheet named `title` (Excel's 31-character limit); returns the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(title)
    for c, text in enumerate(headers, start=1):
        set_text_cell(ws.cell(row=1, column=c), str(text))
        ws.cell(row=1, column=c).font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, str):
                set_text_cell(cell, value)
            else:
                cell.value = value
    ws.freeze_panes = "A2"
    for c, text in enumerate(headers, start=1):
        width = max([len(str(text)), *(len(str(row[c - 1])) for row in rows[:200] if c - 1 < len(row))])
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = min(60, 4 + 1.6 * width)
    path = Path(path)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def _sheet_title(title: str) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip()
    return cleaned[:31] or "Sheet1"
