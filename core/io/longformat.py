"""Long-format data: one row per (region, indicator, year, value) in CSV or XLSX.

The simplest interchange format for data pulled from statistical databases. Headers may be
English (region, indicator, year, value, unit, source, note) or Chinese (地区, 指标, 年份, 数值,
单位, 来源, 备注). Every problem names the row and column; reserved codes `_gdp` and
`_population` carry the assessment's basic data (spec 02 §2.1).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..kernel.problems import Problem, Severity
from ..kernel.vocabulary import CellStatus
from ..model.framework import Framework
from ..model.observations import BASIS_CODES, Observation, ObservationTable, Provenance
from ..model.regions import canonical_region_name
from .template_reader import format_number, read_number

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
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_STATUS_IN = {
    "reported": CellStatus.REPORTED,
    "estimate": CellStatus.ESTIMATE,
    "interpolated": CellStatus.INTERPOLATED,
    "填报值": CellStatus.REPORTED,
    "预估": CellStatus.ESTIMATE,
    "预估值": CellStatus.ESTIMATE,
    "插值": CellStatus.INTERPOLATED,
}


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


def _rows_from_xlsx(path: Path) -> Iterator[list[object]]:
    """The first sheet's rows as raw cell values (numbers stay numbers)."""
    from openpyxl import load_workbook  # deferred: openpyxl is slow to import

    wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # WPS-saved files report wrong dimensions in read-only mode
        for row in ws.iter_rows(values_only=True):
            yield ["" if v is None else v for v in row]
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
    is_csv = path.suffix.lower() != ".xlsx"
    rows: Iterable[list[object]] = _rows_from_csv(path) if is_csv else _rows_from_xlsx(path)
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
        return table, [
            Problem(
                "columns_missing",
                f"第 1 行表头缺少列：{names}。长表格式需要 region、indicator、year、value 四列（可用中文表头 地区、指标、年份、数值）。",
                file=name,
                row=1,
            )
        ]

    known = set(framework.leaves) | set(BASIS_CODES)
    seen: dict[tuple[str, str, int], tuple[int, float]] = {}
    for rownum, row in enumerate(iterator, start=2):
        if rownum > MAX_ROWS:
            problems.append(
                Problem("too_many_rows", f"文件超过 {MAX_ROWS} 行，其余行未读取。请拆分文件。", file=name, row=rownum)
            )
            break
        if not any(str(c).strip() for c in row):
            continue

        def raw(field: str, row: list = row) -> object:
            i = cols.get(field)
            return row[i] if i is not None and i < len(row) else ""

        def cell(field: str) -> str:
            v = raw(field)
            return format_number(v) if isinstance(v, float) else str(v).strip()

        def col(field: str) -> str:
            return f"{_column_letter(cols[field])}（{field}）"

        region, code, year_text, value_text = cell("region"), cell("indicator"), cell("year"), cell("value")
        if not region:
            problems.append(
                Problem("region_missing", "地区为空，请填写地区名称。", file=name, row=rownum, column=col("region"))
            )
            continue
        canonical = canonical_region_name(region)
        if canonical and canonical != region:
            problems.append(
                Problem(
                    "region_converted",
                    f"地区“{region}”按“{canonical}”读取。",
                    severity=Severity.INFO,
                    file=name,
                    row=rownum,
                    column=col("region"),
                    region=canonical,
                )
            )
            region = canonical
        if code not in known:
            problems.append(
                Problem(
                    "unknown_indicator",
                    f"指标代码“{code}”不在指标体系 {framework.id} 中。请使用模板中的指标代码（如 1.1.1），基础数据用 _gdp、_population。",
                    file=name,
                    row=rownum,
                    column=col("indicator"),
                    region=region,
                )
            )
            continue
        try:
            year_f = float(year_text.translate(_FULLWIDTH_DIGITS))
            if not year_f.is_integer() or not 1900 <= year_f <= 2200:
                raise ValueError
            year = int(year_f)
        except ValueError:
            problems.append(
                Problem(
                    "year_invalid",
                    f"年份“{year_text}”不是有效的四位年份，请填写如 2023。",
                    file=name,
                    row=rownum,
                    column=col("year"),
                    region=region,
                    indicator=code,
                )
            )
            continue
        where = {"file": name, "row": rownum, "column": col("value"), "region": region, "indicator": code, "year": year}
        unit = framework.nodes[code].unit if code in framework.nodes else BASIS_CODES[code][2]
        reading = read_number(raw("value"), unit, text_file=is_csv)
        if reading.error:
            problems.append(Problem(reading.error[0], reading.error[1], **where))
            continue
        if reading.value is None:
            problems.append(
                Problem("value_missing", f"数值为空（“{value_text}”），按缺失处理。", severity=Severity.INFO, **where)
            )
            continue
        value = reading.value
        if reading.notes:
            problems.append(
                Problem(
                    "value_converted",
                    f"“{value_text}”读作 {format_number(value)}：{'；'.join(reading.notes)}。",
                    severity=Severity.INFO,
                    **where,
                )
            )
        if value < 0:
            problems.append(
                Problem(
                    "value_negative",
                    f"数值 {format_number(value)} 为负数，该指标不能为负。请核对原始统计数据。",
                    **where,
                )
            )
            continue
        key = (region, code, year)
        if key in seen:
            first_row, first_value = seen[key]
            same = "相同" if first_value == value else f"不同（{format_number(first_value)} 与 {format_number(value)}）"
            problems.append(
                Problem(
                    "duplicate_row",
                    f"与第 {first_row} 行重复：同一地区、指标、年份出现两次，数值{same}。请删除其中一行。",
                    file=name,
                    row=rownum,
                    column=col("indicator"),
                    region=region,
                    indicator=code,
                    year=year,
                )
            )
            continue
        seen[key] = (rownum, value)
        status_text = cell("status")
        status = _STATUS_IN.get(status_text, CellStatus.REPORTED) if status_text else CellStatus.REPORTED
        table.add(
            Observation(
                region=region,
                indicator=code,
                year=year,
                value=value,
                status=status,
                provenance=Provenance(file=name, row=rownum),
                unit=cell("unit") or None,
                source=cell("source") or None,
                note=cell("note") or None,
            )
        )
    return table, problems
