"""Long-format data: one row per (region, indicator, year, value) in CSV or XLSX.

The simplest interchange format for data pulled from statistical databases. Headers may be
English (region, indicator, year, value, unit, source, note) or Chinese (地区, 指标, 年份, 数值,
单位, 来源, 备注). Every problem names the row and column; reserved codes `_gdp` and
`_population` carry the assessment's basic data (spec 02 §2.1).
"""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path
from typing import Iterable, Iterator

from .framework import Framework
from .observations import BASIS_CODES, Observation, ObservationTable, Provenance, Status
from .problems import Problem, Severity

COLUMNS = {
    "region": ("region", "地区", "地区名称"),
    "indicator": ("indicator", "指标", "指标代码", "code"),
    "year": ("year", "年份", "年度"),
    "value": ("value", "数值", "值"),
    "unit": ("unit", "单位"),
    "source": ("source", "来源", "数据来源"),
    "note": ("note", "备注", "说明"),
    "status": ("status", "状态"),
}
REQUIRED = ("region", "indicator", "year", "value")
MAX_ROWS = 2_000_000
MISSING_MARKS = {"", "—", "-", "－", "–", "无", "NA", "N/A", "n/a", "null", "/"}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－，％", "0123456789.-,%")
_STATUS_IN = {"reported": Status.REPORTED, "estimate": Status.ESTIMATE, "interpolated": Status.INTERPOLATED,
              "填报值": Status.REPORTED, "预估": Status.ESTIMATE, "预估值": Status.ESTIMATE, "插值": Status.INTERPOLATED}


def parse_number(text: str) -> tuple[float | None, str | None]:
    """A cell's text → (number or None, the conversion made, if any). Raises ValueError for text.

    Accepts full-width digits, thousands separators and a trailing %, and says so; never guesses more.
    """
    raw = text.strip()
    if raw in MISSING_MARKS:
        return None, None
    converted = raw.translate(_FULLWIDTH)
    notes = []
    if converted != raw:
        notes.append("全角字符已转为半角")
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?%?", converted):
        converted = converted.replace(",", "")
        notes.append("已去除千分位逗号")
    if converted.endswith("%"):
        converted = converted[:-1].strip()
        notes.append("已去除百分号（按百分数的数值读取）")
    value = float(converted)  # ValueError for text
    if not math.isfinite(value):
        raise ValueError(text)
    return value, ("；".join(notes) if notes else None)


def _rows_from_csv(path: Path) -> Iterator[list[str]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        text = data.decode("utf-8", errors="replace")
    yield from csv.reader(io.StringIO(text, newline=""))


def _rows_from_xlsx(path: Path) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # deferred: openpyxl is slow to import

    wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        ws = wb.worksheets[0]
        for row in ws.iter_rows(values_only=True):
            yield ["" if v is None else (repr(v) if isinstance(v, float) else str(v)) for v in row]
    finally:
        wb.close()


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def read_long_format(path: str | Path, framework: Framework) -> tuple[ObservationTable, list[Problem]]:
    """Read a long-format CSV/XLSX. Returns the good rows and every problem (errors block use)."""
    path = Path(path)
    name = path.name
    problems: list[Problem] = []
    table = ObservationTable()
    rows: Iterable[list[str]] = _rows_from_xlsx(path) if path.suffix.lower() == ".xlsx" else _rows_from_csv(path)
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None:
        return table, [Problem("empty_file", "文件为空。请按“地区、指标、年份、数值”四列填写数据。", file=name)]
    cols: dict[str, int] = {}
    for i, h in enumerate(header):
        key = str(h).strip().lstrip("\ufeff").lower()
        for field, aliases in COLUMNS.items():
            if key in (a.lower() for a in aliases) and field not in cols:
                cols[field] = i
    missing = [f for f in REQUIRED if f not in cols]
    if missing:
        names = "、".join(f"{f}（{COLUMNS[f][1]}）" for f in missing)
        return table, [Problem("columns_missing", f"第 1 行表头缺少列：{names}。长表格式需要 region、indicator、year、value 四列（可用中文表头 地区、指标、年份、数值）。", file=name, row=1)]

    known = set(framework.leaves) | set(BASIS_CODES)
    seen: dict[tuple[str, str, int], tuple[int, float]] = {}
    for rownum, row in enumerate(iterator, start=2):
        if rownum > MAX_ROWS:
            problems.append(Problem("too_many_rows", f"文件超过 {MAX_ROWS} 行，其余行未读取。请拆分文件。", file=name, row=rownum))
            break
        if not any(str(c).strip() for c in row):
            continue

        def cell(field: str) -> str:
            i = cols.get(field)
            return str(row[i]).strip() if i is not None and i < len(row) else ""

        def col(field: str) -> str:
            return f"{_column_letter(cols[field])}（{field}）"

        region, code, year_text, value_text = cell("region"), cell("indicator"), cell("year"), cell("value")
        if not region:
            problems.append(Problem("region_missing", "地区为空，请填写地区名称。", file=name, row=rownum, column=col("region")))
            continue
        if code not in known:
            problems.append(Problem("unknown_indicator", f"指标代码“{code}”不在指标体系 {framework.id} 中。请使用模板中的指标代码（如 1.1.1），基础数据用 _gdp、_population。", file=name, row=rownum, column=col("indicator"), region=region))
            continue
        try:
            year_f = float(year_text.translate(_FULLWIDTH))
            if not year_f.is_integer() or not 1900 <= year_f <= 2200:
                raise ValueError
            year = int(year_f)
        except ValueError:
            problems.append(Problem("year_invalid", f"年份“{year_text}”不是有效的四位年份，请填写如 2023。", file=name, row=rownum, column=col("year"), region=region, indicator=code))
            continue
        try:
            value, conversion = parse_number(value_text)
        except ValueError:
            problems.append(Problem("value_not_number", f"数值“{value_text}”不是数字。请填写数字；缺失请留空或填“—”。", file=name, row=rownum, column=col("value"), region=region, indicator=code, year=year))
            continue
        if value is None:
            problems.append(Problem("value_missing", f"数值为空（“{value_text}”），按缺失处理。", severity=Severity.INFO, file=name, row=rownum, column=col("value"), region=region, indicator=code, year=year))
            continue
        if conversion:
            problems.append(Problem("value_converted", f"“{value_text}”读作 {value:g}：{conversion}。", severity=Severity.INFO, file=name, row=rownum, column=col("value"), region=region, indicator=code, year=year))
        if value < 0:
            problems.append(Problem("value_negative", f"数值 {value:g} 为负数，该指标不能为负。请核对原始统计数据。", file=name, row=rownum, column=col("value"), region=region, indicator=code, year=year))
            continue
        key = (region, code, year)
        if key in seen:
            first_row, first_value = seen[key]
            same = "相同" if first_value == value else f"不同（{first_value:g} 与 {value:g}）"
            problems.append(Problem("duplicate_row", f"与第 {first_row} 行重复：同一地区、指标、年份出现两次，数值{same}。请删除其中一行。", file=name, row=rownum, column=col("indicator"), region=region, indicator=code, year=year))
            continue
        seen[key] = (rownum, value)
        status_text = cell("status")
        status = _STATUS_IN.get(status_text, Status.REPORTED) if status_text else Status.REPORTED
        table.add(Observation(
            region=region, indicator=code, year=year, value=value, status=status,
            provenance=Provenance(file=name, row=rownum),
            unit=cell("unit") or None, source=cell("source") or None, note=cell("note") or None,
        ))
    return table, problems
