"""Reading and writing user files: xlsx safety pre-checks, fill-in templates (writer and reader), long format, loading."""

from .loading import expand_paths, load_data, load_data_strict, load_result, read_file, read_files
from .longformat import read_long_format
from .template_reader import FileInfo, ImportResult, IndustryEntry, read_template_workbook
from .template_writer import KINDS as TEMPLATE_KINDS
from .template_writer import build_template, parse_years, write_template
from .xlsx_safety import precheck_xlsx

__all__ = [
    "TEMPLATE_KINDS",
    "FileInfo",
    "ImportResult",
    "IndustryEntry",
    "build_template",
    "expand_paths",
    "load_data",
    "load_data_strict",
    "load_result",
    "parse_years",
    "precheck_xlsx",
    "read_file",
    "read_files",
    "read_long_format",
    "read_template_workbook",
    "write_template",
]
