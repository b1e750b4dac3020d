"""Reports and exports built from result objects (Word, PDF, Excel and CSV).

`build_document` turns results into a neutral `Document`; `write_docx`, `write_xlsx` and
`to_html` lay it out. Charts are drawn by a `Renderer` that the desktop injects (core stays
Qt-free); without one, Word gets tables and a note, Excel its native charts.
"""

from .builder import ReportInputs, Section, build_document
from .csv_export import CSV_COLUMNS, index_csv_text, write_index_csv
from .document import Cell, ChartSeries, ChartSpec, Column, Document, Figure, Heading, PageBreak, Paragraph, Table
from .neutral import is_formula_like, neutralise, set_text_cell

__all__ = [
    "CSV_COLUMNS",
    "Cell",
    "ChartSeries",
    "ChartSpec",
    "Column",
    "Document",
    "Figure",
    "Heading",
    "PageBreak",
    "Paragraph",
    "ReportInputs",
    "Section",
    "Table",
    "build_document",
    "index_csv_text",
    "is_formula_like",
    "neutralise",
    "set_text_cell",
    "write_index_csv",
]
