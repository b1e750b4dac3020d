"""Reports and exports built from result objects (Word, PDF, Excel and CSV).

`build_document` turns results into a neutral `Document`; `write_docx`, `write_xlsx` and
`to_html` lay it out. Charts are drawn by a `Renderer` that the desktop injects (core stays
Qt-free); without one, Word gets tables and a note, Excel its native charts. The writing
functions (`write_report`, `write_reports`, `export_figures` …) load python-docx and openpyxl on
first use only.
"""

import importlib

from .builder import ReportInputs, Section, build_document
from .csv_export import CSV_COLUMNS, csv_headers, index_csv_text, write_index_csv
from .document import Cell, ChartSeries, ChartSpec, Column, Document, Figure, Heading, PageBreak, Paragraph, Table
from .neutral import is_formula_like, neutralise, set_text_cell
from .tilemap import TILE_MODES, tile_values, tilemap_spec

_LAZY = dict.fromkeys(
    (
        "FORMATS",
        "clean_leftovers",
        "export_figures",
        "refuse_inputs",
        "report_file_name",
        "write_report",
        "write_reports",
    ),
    "export",
)
_LAZY["write_table_xlsx"] = "table_xlsx"

__all__ = [
    *_LAZY,
    "CSV_COLUMNS",
    "TILE_MODES",
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
    "csv_headers",
    "index_csv_text",
    "is_formula_like",
    "neutralise",
    "set_text_cell",
    "tile_values",
    "tilemap_spec",
    "write_index_csv",
]


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'core.report' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value
