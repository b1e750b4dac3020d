"""The rows of a long-format file, whatever it is saved as: CSV/text, .xlsx, or legacy .xls/.et/.ods.

Each source yields (values, number formats) per row and lists what it found out about the file
(the CSV's detected encoding and delimiter, a legacy format's unseen number formats) as INFO
problems, so nothing is guessed silently. Sizes are capped before anything is parsed.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import itertools
import math
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..kernel.messages import msg
from ..kernel.problems import Problem, Severity
from .csv_dialect import DELIMITER_NAMES, HEAD_BYTES, CsvDialect, detect, detect_head
from .numbers import is_percent_format
from .template_layout import SHEET_DATA
from .xlsx_safety import LEGACY_SUFFIXES, MAX_CELLS, MAX_FILE_BYTES, OLE_MAGIC, ZIP_MAGIC, check_entries

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
MAX_TEXT_BYTES = 128 * 1024 * 1024  # ~4 M short rows (3,000 regions × 27 × 20 years: 1.6 M rows, 53 MB); checked first

Row = tuple[list[object], list[str | None] | None]  # cell values, number formats (None: the format cannot show them)


@dataclass
class RowSource:
    """The rows of one file and the problems found opening it (an ERROR means no rows)."""

    rows: Iterator[Row] = field(default_factory=lambda: iter(()))
    problems: list[Problem] = field(default_factory=list)
    formats_visible: bool = True  # False for legacy formats: percent-formatted cells arrive as fractions

    @property
    def refused(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


@dataclass
class Frame:
    """A whole file parsed column-wise (pandas): header, one column per file column, what was found out."""

    header: list[object]
    columns: list  # pandas Series (categorical for names and codes) or arrays, header row excluded
    problems: list[Problem]
    text_file: bool = True
    formats_visible: bool = True
    # When the value column was parsed as numbers: the column as the file's text, for the rows the row reader reads
    value_texts: Callable[[], Any] | None = None


def open_frame(
    path: Path, source: Path | io.BytesIO | None, value_column: Callable[[list], int | None]
) -> Frame | None:
    """The file parsed column-wise, or None when only the row reader can read it (it then reports why)."""
    if path.suffix.lower() in TEXT_SUFFIXES:
        return _text_frame(path, value_column)
    if path.suffix.lower() == ".xlsx":
        return _xlsx_frame(source or path)
    return None


_BUILTIN_PERCENT = {"9", "10"}  # 0% and 0.00%


def _formats_matter(zf: zipfile.ZipFile) -> bool:
    """True when a cell may carry a percent number format, or a sheet holds error values: openpyxl reads those."""
    from defusedxml.ElementTree import fromstring  # the parts passed precheck_xlsx (no DTDs, bounded sizes)

    names = zf.namelist()
    if any(b't="e"' in zf.read(n) for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")):
        return True
    if "xl/styles.xml" not in names:
        return False
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    styles = fromstring(zf.read("xl/styles.xml"))
    percent = set(_BUILTIN_PERCENT)
    for fmt in styles.iter(f"{ns}numFmt"):
        if is_percent_format(fmt.get("formatCode")):
            percent.add(fmt.get("numFmtId"))
    xfs = styles.find(f"{ns}cellXfs")
    return xfs is not None and any(xf.get("numFmtId", "0") in percent for xf in xfs.iter(f"{ns}xf"))


def _xlsx_frame(source: Path | io.BytesIO) -> Frame | None:
    """The first sheet's values through python-calamine (many times faster than openpyxl), when nothing
    calamine reads differently can occur: no percent number formats, no error values, no dates, no
    integers over 10 digits. Otherwise None: openpyxl reads the file with its formats."""
    from python_calamine import CalamineWorkbook

    try:
        with zipfile.ZipFile(source) as zf:
            if _formats_matter(zf):
                return None
        if isinstance(source, io.BytesIO):
            source.seek(0)
            wb = CalamineWorkbook.from_filelike(source)
        else:
            wb = CalamineWorkbook.from_path(str(source))
        rows = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception:  # anything unusual: the row reader (openpyxl) reports it
        return None
    finally:
        if isinstance(source, io.BytesIO):
            source.seek(0)
    if not rows or not any(str(c).strip() for c in rows[0]):
        return None
    width = max(len(r) for r in rows)
    columns = []
    for col in zip(*(r + [""] * (width - len(r)) for r in rows), strict=True):
        if not all(_plain_cell(v) for v in col):
            return None
        arr = np.empty(len(col) - 1, dtype=object)
        arr[:] = col[1:]
        columns.append(arr)
    return Frame(list(rows[0]), columns, [], text_file=False)


def _plain_cell(v: object) -> bool:
    """A value calamine and openpyxl give alike (text, a bool, a finite number openpyxl would not read as a long int)."""
    if isinstance(v, float):
        return math.isfinite(v) and not (v.is_integer() and abs(v) >= 1e10)
    return isinstance(v, (str, bool, int))


def _text_frame(path: Path, value_column: Callable[[list], int | None]) -> Frame | None:
    """A CSV through pandas' C parser; names and codes as categories (parsed once per distinct value), the
    values as float64 when every one is a plain number pandas reads exactly as float() does (else text).
    A UTF-8 file is not decoded here: pandas decodes it strictly as it parses (detect_head)."""
    if path.stat().st_size > MAX_TEXT_BYTES:
        return None
    data = path.read_bytes()
    head = detect_head(data)
    whole = len(data) <= HEAD_BYTES
    if head is not None and b"\x00" not in data and (whole or len(_rows(head, 2)) == 2):  # the header in the head
        with contextlib.suppress(UnicodeDecodeError):  # not UTF-8 after all: decoded whole below
            return _csv_frame(path, data, head, value_column, strict=not whole)
    dialect = detect(data)
    if "\x00" in dialect.text:
        return None
    return _csv_frame(path, data, dialect, value_column, strict=False)


def _rows(dialect: CsvDialect, count: int) -> list[list[str]]:
    """The first `count` rows of the dialect's text."""
    rows = csv.reader(io.StringIO(dialect.text, newline=""), delimiter=dialect.delimiter)
    return list(itertools.islice(rows, count))


def _csv_frame(
    path: Path, data: bytes, dialect: CsvDialect, value_column: Callable[[list], int | None], strict: bool
) -> Frame | None:
    """`data` parsed with `dialect` (whose text holds at least the header row). `strict`: the file was not
    decoded yet; a UnicodeDecodeError is raised where it is not valid in that encoding."""
    first = next(iter(_rows(dialect, 1)), None)
    if not first:
        return None
    try:
        import pandas as pd  # deferred: pandas is slow to import
    except ImportError:  # the desktop bundle leaves pandas out (size): the row reader reads the file
        return None
    value = value_column(list(first))
    errors = "strict" if strict else "replace"
    parse = functools.partial(_parse_csv, pd, data, dialect, len(first), value, errors)
    df = None
    if value is not None and dialect.encoding != "utf-16" and exact_floats():
        with contextlib.suppress(Exception):  # a value that is not a plain number: read as text below
            df = parse(numbers=True)
        if df is not None and _may_hold_booleans(df[value], data):
            df = None
    if df is None:
        try:
            df = parse(numbers=False)
        except UnicodeDecodeError:
            raise
        except Exception:  # ragged rows, odd quoting: the row reader reads it and reports what it finds
            return None
    if df.shape[1] != len(first):
        return None
    args = {"encoding": dialect.encoding, "delimiter": msg(f"csv_delimiter.{DELIMITER_NAMES[dialect.delimiter]}")}
    info = Problem("csv_dialect", args, Severity.INFO, file=path.name)
    texts = (lambda: parse(numbers=False)[value]) if value is not None and df[value].dtype.kind == "f" else None
    return Frame(first, [df[c] for c in df.columns], [info], value_texts=texts)


def _parse_csv(pd, data: bytes, dialect: CsvDialect, width: int, value: int | None, errors: str, numbers: bool):
    """The data rows (header skipped) column-wise: categories, the value column as float64 or text."""
    dtypes: dict[int, object] = dict.fromkeys(range(width), "category")
    if value is not None:
        dtypes[value] = float if numbers else object
    source = io.BytesIO(data)  # the bytes with the detected encoding: pandas decodes as it parses (no copy)
    start = _data_start(data, dialect)
    if start:
        source.seek(start)  # pandas parses from there
    return pd.read_csv(
        source,
        encoding=dialect.encoding,
        encoding_errors=errors,
        sep=dialect.delimiter,
        header=None,
        skiprows=None if start else 1,
        dtype=dtypes,
        keep_default_na=False,
        na_filter=False,
        skip_blank_lines=False,
        engine="c",
    )


def _data_start(data: bytes, dialect: CsvDialect) -> int | None:
    """The byte offset of the first data row when the header row is one plain line (no quote, no lone
    carriage return) of an ASCII-compatible encoding, else None. Parsing from there gives the rows that
    skipping the header row gives, and pandas' C parser does it markedly faster (no per-row skip check)."""
    if dialect.encoding not in ("utf-8", "utf-8-sig", "gb18030"):
        return None
    end = data.find(b"\n")
    line = data[:end].removesuffix(b"\r")
    if end < 0 or b'"' in line or b"\r" in line:
        return None
    return end + 1


def _may_hold_booleans(values, data: bytes) -> bool:
    """pandas reads true/false (any case) in a float column as 1.0/0.0, which float() refuses: when a value
    is 0 or 1 and the (ASCII-compatible) file holds such a word, the values are read as text."""
    if not np.isin(np.asarray(values), (0.0, 1.0)).any():
        return False
    lower = data.lower()
    return b"true" in lower or b"false" in lower


# Decimal texts pandas' own parser (before pandas 3.1's fast_float) read one unit in the last place off.
_HARD_NUMBERS = (
    "1.700000000000000177635684",
    "-15.361",
    "1.00000000000000011102230246251565404236316680908203125",
    "1.00000000000000011102230246251565404236316680908203126",
    "2.2250738585072011e-308",
    "9007199254740993",
    "0.3000000000000000444089209850062616169452667236328125",
    *(f"{(i * 7919 % 100003) / 997:.{17 + i % 9}f}" for i in range(1, 200)),
)


@functools.cache
def exact_floats() -> bool:
    """True when pandas' C parser reads numbers exactly as float() does (correctly rounded): probed once on
    texts its older parser got wrong. Otherwise values are read as text and converted by float()."""
    import pandas as pd

    text = "\n".join(_HARD_NUMBERS).encode()
    try:
        got = pd.read_csv(io.BytesIO(text), header=None, dtype={0: float}, engine="c")[0].tolist()
    except Exception:
        return False
    return got == [float(t) for t in _HARD_NUMBERS]


def open_rows(path: Path, source: Path | io.BytesIO | None = None) -> RowSource:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return _text_rows(path)
    if suffix in LEGACY_SUFFIXES:
        return _legacy_rows(path)
    return RowSource(_xlsx_rows(source or path))


def _text_rows(path: Path) -> RowSource:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        args = {"size": f"{size / 1048576:.1f}", "limit": MAX_TEXT_BYTES // 1048576}
        return RowSource(problems=[Problem("file_too_large", args, file=path.name)])
    dialect = detect(path.read_bytes())
    args = {"encoding": dialect.encoding, "delimiter": msg(f"csv_delimiter.{DELIMITER_NAMES[dialect.delimiter]}")}
    info = Problem("csv_dialect", args, Severity.INFO, file=path.name)
    reader = csv.reader(io.StringIO(dialect.text, newline=""), delimiter=dialect.delimiter)
    return RowSource(((list(r), None) for r in reader), [info])


def _xlsx_rows(source: Path | io.BytesIO) -> Iterator[Row]:
    """The first sheet's rows as raw cell values with their number formats (numbers stay numbers)."""
    from openpyxl import load_workbook  # deferred: openpyxl is slow to import

    wb = load_workbook(source, read_only=True, data_only=True, keep_links=False)
    try:
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # WPS-saved files report wrong dimensions in read-only mode
        for row in ws.iter_rows():
            yield (
                ["" if c.value is None else c.value for c in row],
                [getattr(c, "number_format", None) for c in row],
            )
    finally:
        wb.close()


def _legacy_rows(path: Path) -> RowSource:
    """An .xls/.et/.ods through python-calamine, with the same size and cell caps as .xlsx."""
    from python_calamine import CalamineWorkbook

    name = path.name
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        args = {"size": f"{size / 1048576:.1f}", "limit": MAX_FILE_BYTES // 1048576}
        return RowSource(problems=[Problem("file_too_large", args, file=name)])
    with open(path, "rb") as fh:
        head = fh.read(8)
    expected = ZIP_MAGIC if path.suffix.lower() == ".ods" else OLE_MAGIC
    if not head.startswith(expected):
        actual = ".xlsx" if head.startswith(ZIP_MAGIC) else None
        args = {
            "suffix": path.suffix.lower(),
            "actual": msg("file_misnamed.xlsx") if actual else msg("file_misnamed.other"),
        }
        return RowSource(problems=[Problem("file_misnamed", args, file=name)])
    if head.startswith(ZIP_MAGIC):  # .ods: the same zip-bomb bounds as .xlsx
        with zipfile.ZipFile(path) as zf:
            bomb = check_entries(zf.infolist(), name)
        if bomb:
            return RowSource(problems=[bomb])
    wb = CalamineWorkbook.from_path(str(path))
    kind = msg(f"file_kind.{path.suffix.lower()[1:]}")
    if SHEET_DATA in wb.sheet_names:
        return RowSource(problems=[Problem("template_saved_as_legacy", {"kind": kind}, file=name)])
    sheet = wb.get_sheet_by_index(0)
    if sheet.total_height * sheet.total_width > MAX_CELLS:
        return RowSource(problems=[Problem("too_many_cells", {"limit": f"{MAX_CELLS:,}"}, file=name)])
    note = Problem("legacy_formats_unseen", {"kind": kind}, Severity.INFO, file=name)
    return RowSource(((list(r), None) for r in sheet.iter_rows()), [note], formats_visible=False)
