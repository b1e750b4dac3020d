"""Long-format data: one row per (region, indicator, year, value) in CSV or XLSX.

The simplest interchange format for data pulled from statistical databases. Headers may be
English (region, indicator, year, value, unit, source, note) or Chinese (地区, 指标, 年份, 数值,
单位, 来源, 备注). Every problem names the row and column; reserved codes `_gdp` and
`_population` carry the assessment's basic data (spec 02 §2.1).
"""

from __future__ import annotations

import io
from pathlib import Path

from ..kernel.messages import msg
from ..kernel.problems import Problem, Severity
from ..kernel.vocabulary import CellStatus
from ..model.framework import Framework
from ..model.observations import BASIS_CODES, Observation, ObservationTable, Provenance
from ..model.regions import canonical_region_name
from .columnar import checked_series, read_columns
from .numbers import format_number, joined_notes, read_number
from .plausibility import all_fractions, fraction_years, outlier
from .row_sources import Frame, open_frame, open_rows
from .template_reader.sheets import year_of
from .xml_scan import column_letters

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
_STATUS_IN = {
    "reported": CellStatus.REPORTED,
    "estimate": CellStatus.ESTIMATE,
    "interpolated": CellStatus.INTERPOLATED,
    "填报值": CellStatus.REPORTED,
    "预估": CellStatus.ESTIMATE,
    "预估值": CellStatus.ESTIMATE,
    "插值": CellStatus.INTERPOLATED,
}


def read_long_format(
    path: str | Path, framework: Framework, source: Path | io.BytesIO | None = None
) -> tuple[ObservationTable, list[Problem]]:
    """Read a long-format CSV/text, XLSX or legacy .xls/.et/.ods. Returns the good rows and every problem.

    `source`: what to open instead of `path` (an .xlsx copy with unreadable cells emptied).
    """
    path = Path(path)
    frame = open_frame(path, source, lambda header: _columns(header).get("value"))
    if frame is not None:
        return _read_frame(path, framework, frame)
    opened = open_rows(path, source)
    if opened.refused:
        return ObservationTable(), opened.problems
    iterator = iter(opened.rows)
    first = next(iterator, None)
    if first is None:
        return ObservationTable(), [*opened.problems, Problem("empty_file", file=path.name)]
    cols = _columns(first[0])
    refused = _header_problems(path, cols, opened.problems)
    if refused:
        return ObservationTable(), refused
    reader = _RowReader(framework, path.name, cols, text_file=first[1] is None)
    reader.problems.extend(opened.problems)
    for rownum, (row, formats) in enumerate(iterator, start=2):
        if rownum > MAX_ROWS:
            reader.problems.append(Problem("too_many_rows", {"limit": MAX_ROWS}, file=path.name, row=rownum))
            break
        if any(str(c).strip() for c in row):
            reader.read(rownum, row, formats)
    return reader.finish(opened.formats_visible), reader.problems


def _read_frame(path: Path, framework: Framework, frame: Frame) -> tuple[ObservationTable, list[Problem]]:
    """The column-wise path (see core.io.columnar): the same table and problems as the row reader."""
    cols = _columns(frame.header)
    refused = _header_problems(path, cols, frame.problems)
    if refused:
        return ObservationTable(), refused
    reader = _RowReader(framework, path.name, cols, text_file=frame.text_file)
    reader.problems.extend(frame.problems)
    data = frame.columns
    if not len(data[0]):
        return ObservationTable(), reader.problems
    over = len(data[0]) > MAX_ROWS - 1
    if over:
        data = [c[: MAX_ROWS - 1] for c in data]
    table, _ = read_columns(reader, data, value_texts=frame.value_texts)
    if over:
        reader.problems.append(Problem("too_many_rows", {"limit": MAX_ROWS}, file=path.name, row=MAX_ROWS + 1))
    return ObservationTable(columns=checked_series(reader, table, frame.formats_visible)), reader.problems


def _header_problems(path: Path, cols: dict[str, int], opened: list[Problem]) -> list[Problem]:
    """The problems refusing a file whose header lacks a required column (empty when all are there)."""
    missing = [f for f in REQUIRED if f not in cols]
    if not missing:
        return []
    names = [msg("columns_missing.column", field=f, name=COLUMNS[f][1]) for f in missing]
    return [*opened, Problem("columns_missing", {"columns": names}, file=path.name, row=1)]


def _columns(header: list[object]) -> dict[str, int]:
    """Field → column index from the header row (English or Chinese names; the first match wins)."""
    cols: dict[str, int] = {}
    for i, h in enumerate(header):
        key = str(h).strip().lstrip("\ufeff").lower()
        for field, aliases in COLUMNS.items():
            if key in (a.lower() for a in aliases) and field not in cols:
                cols[field] = i
    return cols


class _RowReader:
    """Reads data rows one at a time, remembering rows seen for duplicates; `finish` checks each series."""

    def __init__(self, framework: Framework, name: str, cols: dict[str, int], text_file: bool):
        self.fw = framework
        self.name = name
        self.cols = cols
        self.text_file = text_file
        self.known = set(framework.leaves) | set(BASIS_CODES)
        self.seen: dict[tuple[str, str, int], tuple[int, float]] = {}
        self.rows: list[Observation] = []
        self.problems: list[Problem] = []

    def _raw(self, row: list, field: str) -> object:
        i = self.cols.get(field)
        return row[i] if i is not None and i < len(row) else ""

    def _cell(self, row: list, field: str) -> str:
        v = self._raw(row, field)
        return format_number(v) if isinstance(v, float) else str(v).strip()

    def _col(self, field: str) -> str:
        return f"{column_letters(self.cols[field] + 1)}（{field}）"

    def _problem(self, code: str, args: dict | None = None, severity: Severity = Severity.ERROR, **where) -> None:
        self.problems.append(Problem(code, args or {}, severity, file=self.name, **where))

    def _unit(self, code: str) -> str:
        return self.fw.nodes[code].unit if code in self.fw.nodes else BASIS_CODES[code][2]

    def is_percent(self, code: str) -> bool:
        return code in self.known and self._unit(code).strip() == "%"

    @staticmethod
    def status_of(text: str) -> CellStatus:
        return _STATUS_IN.get(text, CellStatus.REPORTED) if text else CellStatus.REPORTED

    def read(self, rownum: int, row: list, formats: list | None) -> None:
        key = self._key(rownum, row)
        if key is None:
            return
        region, code, year = key
        where = {"row": rownum, "column": self._col("value"), "region": region, "indicator": code, "year": year}
        i = self.cols["value"]
        value = self._value(row, code, formats[i] if formats and i < len(formats) else None, where)
        if value is None:
            return
        if key in self.seen:
            first_row, first_value = self.seen[key]
            same = (
                msg("duplicate_row.same")
                if first_value == value
                else msg("duplicate_row.different", first=format_number(first_value), second=format_number(value))
            )
            where["column"] = self._col("indicator")
            self._problem("duplicate_row", {"first": first_row, "same": same}, **where)
            return
        self.seen[key] = (rownum, value)
        status = self.status_of(self._cell(row, "status"))
        self.rows.append(
            Observation(
                region=region,
                indicator=code,
                year=year,
                value=value,
                status=status,
                provenance=Provenance(file=self.name, row=rownum),
                unit=self._cell(row, "unit") or None,
                source=self._cell(row, "source") or None,
                note=self._cell(row, "note") or None,
            )
        )

    def _key(self, rownum: int, row: list) -> tuple[str, str, int] | None:
        """(region, indicator, year) of a row, or None with the problem reported."""
        region, code, year_text = self._cell(row, "region"), self._cell(row, "indicator"), self._cell(row, "year")
        if not region:
            self._problem(
                "region_missing", {"detail": msg("region_missing.long")}, row=rownum, column=self._col("region")
            )
            return None
        canonical = canonical_region_name(region)
        if canonical and canonical != region:
            args = {"name": region, "region": canonical}
            self._problem(
                "region_converted", args, Severity.INFO, row=rownum, column=self._col("region"), region=canonical
            )
            region = canonical
        if code not in self.known:
            args = {"code": code, "framework": self.fw.id}
            self._problem("unknown_indicator", args, row=rownum, column=self._col("indicator"), region=region)
            return None
        year = year_of(self._raw(row, "year"))
        if year is None or not 1900 <= year <= 2200:
            where = {"row": rownum, "column": self._col("year"), "region": region, "indicator": code}
            self._problem("year_invalid", {"year": year_text}, **where)
            return None
        return region, code, year

    def _value(self, row: list, code: str, number_format: str | None, where: dict) -> float | None:
        """The row's value with conversions noted (INFO); None when missing or refused."""
        reading = read_number(self._raw(row, "value"), self._unit(code), number_format, text_file=self.text_file)
        if reading.error:
            self._problem(reading.error.code, reading.error.args, **where)
            return None
        value_text = self._cell(row, "value")
        if reading.value is None:
            self._problem("value_missing", {"raw": value_text}, Severity.INFO, **where)
            return None
        value = reading.value
        if reading.notes:
            args = {"raw": value_text, "value": format_number(value), "notes": joined_notes(reading.notes)}
            self._problem("value_converted", args, Severity.INFO, **where)
        if value < 0:
            self._problem("value_negative", {"detail": msg("value_negative.long", value=format_number(value))}, **where)
            return None
        if self._unit(code).strip() == "%" and value > 100:
            self._problem("value_percent_over_100", {"value": format_number(value)}, **where)
            return None
        return value

    def finish(self, formats_visible: bool) -> ObservationTable:
        """The same series checks as templates: a percentage typed as a fraction (ERROR, not kept), outliers."""
        series: dict[tuple[str, str], list[Observation]] = {}
        for o in self.rows:
            series.setdefault((o.region, o.indicator), []).append(o)
        dropped: set[int] = set()
        for (region, code), obs in series.items():
            dropped |= self.check_series(region, code, obs, formats_visible)
        return ObservationTable([o for o in self.rows if id(o) not in dropped])

    def check_series(self, region: str, code: str, obs: list[Observation], formats_visible: bool) -> set[int]:
        """One series' checks (problems added); the ids of the observations to drop."""
        dropped: set[int] = set()
        points = [(o.year, o.value) for o in obs]
        is_pct = self._unit(code).strip() == "%"
        flagged = fraction_years(points) if is_pct else {}
        for o in obs:
            where = self._where(o)
            if o.year in flagged:
                self._problem(flagged[o.year].code, flagged[o.year].args, **where)
                dropped.add(id(o))
                continue
            found = outlier(o.value, [v for y, v in points if y != o.year and y not in flagged])
            if found:
                self._problem(found.code, found.args, Severity.WARNING, **where)
        if is_pct and not formats_visible and all_fractions(points):
            args = {"indicator": self.fw.label(code)}
            self._problem("percent_format_unseen", args, Severity.WARNING, region=region, indicator=code)
        return dropped

    def _where(self, o: Observation) -> dict:
        row = o.provenance.row if o.provenance else None
        return {"row": row, "column": self._col("value"), "region": o.region, "indicator": o.indicator, "year": o.year}
