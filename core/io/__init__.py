"""Reading and writing user files: xlsx safety pre-checks, fill-in templates (writer and reader), long format, loading."""

from .loading import (
    expand_paths,
    find_conflicts,
    load_data,
    load_data_strict,
    load_result,
    read_file,
    read_files,
    same_value,
    source_of,
)
from .longformat import read_long_format
from .numbers import CellReading, format_number, read_number
from .results import FileInfo, ImportResult, IndustryEntry
from .template_layout import KINDS as TEMPLATE_KINDS
from .template_reader import is_template_workbook, read_template_workbook
from .template_writer import build_template, parse_years, write_template
from .xlsx_safety import REFUSED_SUFFIXES, precheck_xlsx

__all__ = [
    "REFUSED_SUFFIXES",
    "TEMPLATE_KINDS",
    "CellReading",
    "FileInfo",
    "ImportResult",
    "IndustryEntry",
    "build_template",
    "expand_paths",
    "find_conflicts",
    "format_number",
    "is_template_workbook",
    "load_data",
    "load_data_strict",
    "load_result",
    "parse_years",
    "precheck_xlsx",
    "read_file",
    "read_files",
    "read_long_format",
    "read_number",
    "read_template_workbook",
    "same_value",
    "source_of",
    "write_template",
]
