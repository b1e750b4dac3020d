"""Reports and exports built from result objects (Word, PDF, Excel and CSV)."""

from .csv_export import CSV_COLUMNS, index_csv_text, write_index_csv

__all__ = ["CSV_COLUMNS", "index_csv_text", "write_index_csv"]
