"""Excel (.xlsx) from a report Document, with openpyxl: one sheet per table group with Chinese
headers, marks kept as number formats (the value stays a number), native line and bar charts,
frozen header rows, column widths and an A4 landscape fit-to-width print setup.

Every text cell goes through `set_text_cell`: text from input never becomes a formula.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, RadarChart, Reference, ScatterChart, Series
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from ..kernel.atomic import atomic_path
from ..kernel.messages import render
from .document import DECIMALS, Document, Figure, Table
from .neutral import neutralise, set_text_cell

__all__ = ["neutralise", "write_xlsx"]

HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
BOLD = Font(bold=True)
CAPTION = Font(bold=True, size=12)
SHEET_ORDER = ("index", "growth", "assessment", "whatif", "charts", "data", "sensitivity", "problems")
COLUMN_CHARS = 9  # characters per unit of relative column width


def _number_format(kind: str, mark: str) -> str:
    digits = DECIMALS.get(kind) or 0
    base = "0" if digits == 0 else "0." + "0" * digits
    if kind in ("value",):
        base = "#,##" + base
    return base + (f'"{mark}"' if mark else "")


def _print_setup(ws, header_row: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.horizontalCentered = True


def _write_table(ws, table: Table, top: int) -> int:
    """Caption, header and rows from row `top`; returns the next free row."""
    set_text_cell(ws.cell(top, 1), table.caption)
    ws.cell(top, 1).font = CAPTION
    head = top + 1
    for j, col in enumerate(table.columns, start=1):
        c = ws.cell(head, j)
        set_text_cell(c, col.header)
        c.font, c.fill = BOLD, HEADER_FILL
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        letter = get_column_letter(j)
        width = max(ws.column_dimensions[letter].width or 0, col.width * COLUMN_CHARS)
        ws.column_dimensions[letter].width = min(60, width)
    row = head + 1
    for cells in table.rows:
        for j, (col, cell) in enumerate(zip(table.columns, cells, strict=True), start=1):
            target = ws.cell(row, j)
            if isinstance(cell.value, (int, float)) and col.kind != "text":
                target.value = float(cell.value)
                target.number_format = _number_format(col.kind, cell.mark)
            elif cell.value is None:
                set_text_cell(target, "—" + cell.mark if col.kind != "text" else "")
                target.alignment = Alignment(horizontal="right")
            else:
                set_text_cell(target, str(cell.value) + cell.mark)
                target.alignment = Alignment(wrap_text=col.width >= 1.6, vertical="top")
        row += 1
    for note in table.notes:
        set_text_cell(ws.cell(row, 1), note)
        row += 1
    return row + 1


def _chart_data(ws, figure: Figure, top: int) -> tuple[int, int, int]:
    """The figure's data as a small table (x labels down, series across); returns (header row, last row, columns)."""
    spec = figure.chart
    set_text_cell(ws.cell(top, 1), figure.caption)
    ws.cell(top, 1).font = CAPTION
    head = top + 1
    set_text_cell(ws.cell(head, 1), "")
    for j, s in enumerate(spec.series, start=2):
        set_text_cell(ws.cell(head, j), s.name)
        ws.cell(head, j).font = BOLD
    for i, label in enumerate(spec.x_labels, start=head + 1):
        set_text_cell(ws.cell(i, 1), label)
        for j, s in enumerate(spec.series, start=2):
            v = s.values[i - head - 1]
            ws.cell(i, j).value = v
            ws.cell(i, j).number_format = "0.0"
    return head, head + len(spec.x_labels), len(spec.series) + 1


def _scatter(ws, figure: Figure, head: int, last: int) -> ScatterChart:
    """Level (column B) × momentum (column C), one marker per region."""
    spec = figure.chart
    chart = ScatterChart()
    chart.style = 13
    xs = Reference(ws, min_col=2, min_row=head + 1, max_row=last)
    ys = Reference(ws, min_col=3, min_row=head + 1, max_row=last)
    series = Series(ys, xs, title=spec.title)
    series.marker.symbol = "circle"
    series.graphicalProperties.line.noFill = True
    chart.series.append(series)
    chart.x_axis.title, chart.y_axis.title = spec.x_label, spec.y_label
    chart.legend = None
    return chart


_CHARTS = {"line": LineChart, "bars": BarChart, "radar": RadarChart}
_NATIVE = (*_CHARTS, "scatter")  # the tile map has no native Excel chart (its data is in the tables)


def _native_chart(ws, figure: Figure, head: int, last: int, ncols: int):
    spec = figure.chart
    if spec.kind == "scatter":
        chart = _scatter(ws, figure, head, last)
    else:
        chart = _CHARTS[spec.kind]()
        data = Reference(ws, min_col=2, max_col=ncols, min_row=head, max_row=last)
        cats = Reference(ws, min_col=1, min_row=head + 1, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
    chart.title = spec.title
    chart.height, chart.width = 8.8, 15.6
    chart.x_axis.delete = False  # openpyxl writes no <c:delete>: some viewers then hide the axes (spec 04)
    chart.y_axis.delete = False
    if chart.legend is not None:
        chart.legend.position = "b"
    if spec.kind == "line":
        for s, series in zip(chart.series, spec.series, strict=True):
            s.smooth = False
            if series.dashed:
                s.graphicalProperties.line.dashStyle = "dash"
    return chart


def _charts_sheet(wb, document: Document) -> None:
    figures = document.figures
    if not figures:
        return
    ws = wb.create_sheet(render("report.sheet.charts", None, document.lang))
    top = 1
    for k, figure in enumerate(f for f in figures if f.chart.kind in _NATIVE):
        if k:
            ws.row_breaks.append(Break(id=top - 1))  # one chart per printed page, never split
        head, last, ncols = _chart_data(ws, figure, top)
        ws.add_chart(_native_chart(ws, figure, head, last, ncols), f"{get_column_letter(ncols + 2)}{top}")
        top = max(last + 2, top + 19)  # a 8.8 cm chart covers about 18 rows
    ws.column_dimensions["A"].width = 16
    _print_setup(ws, 2)


def write_xlsx(document: Document, path: str | Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    groups: dict[str, list[Table]] = {}
    for table in (*document.workbook, *document.tables):
        if table.sheet:
            groups.setdefault(table.sheet, []).append(table)
    for key in SHEET_ORDER:
        if key == "charts":
            _charts_sheet(wb, document)
            continue
        if key not in groups:
            continue
        ws = wb.create_sheet(render(f"report.sheet.{key}", None, document.lang))
        top = 1
        for table in groups[key]:
            top = _write_table(ws, table, top)
        ws.freeze_panes = "C3" if key in ("index", "growth") else "A3"
        _print_setup(ws, 2)
    wb.properties.title = document.title.title
    with atomic_path(path) as tmp:
        wb.save(str(tmp))
