"""Fuzzing the importer (issue 15): mutated templates, CSVs and zip bytes never crash, hang or change a value silently.

Every case ends in the intended values or a problem list: a value that differs from what the
mutated file intends (or whose intent is unknown) must carry a problem at its cell/row, or the
result must contain an error (the file is then not used). The CI profile is bounded and
derandomized (about 200 cases in all); `HYPOTHESIS_PROFILE=long pytest tests/test_fuzz_import.py`
runs the long profile. Seeds of failures found are kept below as `@example`s.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import time
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from broken_corpus import FIRST_ROW, YEARS, basis_value, col_of, filled_region_workbook, known_value
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError

from core.io.loading import read_file
from core.model.framework import load_framework

settings.register_profile(
    "ci", max_examples=70, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
settings.register_profile("long", max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("medium", max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FW = load_framework()
TIME_BOUND_S = 20.0
REGION = "江苏省"


def _base_bytes() -> bytes:
    out = io.BytesIO()
    filled_region_workbook(FW).save(out)
    return out.getvalue()


BASE = _base_bytes()

# Values of every type a cell can hold, with the awkward ones over-represented.
raw_values = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1e-300, 5e-324, 1e15, 1e15 + 1, 1e16, 1e308, -1.0, 100.0, 100.5, 0.5]),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.text(max_size=30),
    st.sampled_from(["1,234.5", "12%", "１２３", " 5 ", "—", "无", "#DIV/0!", "1e999", "nan", "inf", "\u202e123"]),
    st.sampled_from(["=1+1", "=SUM(G6:H6)", "=[1]Sheet1!A1"]),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=5000, max_size=6000),
    st.dates(min_value=date(1900, 1, 1)).map(lambda d: d),
    st.datetimes(min_value=datetime(1900, 1, 1)),
    st.booleans(),
    st.none(),
)


_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def intended_number(raw: object, unit: str, text_file: bool = False) -> float | None:
    """The value a careful reader takes from a raw cell without any problem, or None when there must be one.

    In a text file every number is text, so a plain number (spaces around it allowed) is intended as that number.
    """
    if isinstance(raw, bool) or raw is None:
        return None
    if text_file and isinstance(raw, str) and _PLAIN.fullmatch(raw.strip()):
        raw = float(raw.strip())
    if isinstance(raw, (int, float)):
        v = float(raw)
        ok = math.isfinite(v) and 0 <= v <= 1e15 and not (unit.strip() == "%" and v > 100)
        return v if ok else None
    return None  # text, dates, formulas: any value read from them must come with a problem at the cell


def check_no_silent_change(result, intended: dict[tuple[str, str, int], float], touched: set) -> None:
    """Every observation is intended, or has a problem at its cell, or the result has an error."""
    if result.has_errors():
        return
    at_cell = {(p.sheet, p.cell) for p in result.problems} | {(None, (p.indicator, p.year)) for p in result.problems}
    for o in result.observations:
        key = (o.region, o.indicator, o.year)
        prov = o.provenance
        cell = prov.cell if prov else None
        if intended.get(key) == o.value and (prov.sheet, cell) not in touched:
            continue
        assert (prov.sheet, cell) in at_cell or (None, (o.indicator, o.year)) in at_cell, (
            f"silent change: {key} = {o.value} (intended {intended.get(key)}) at {prov}"
        )


def base_intent() -> dict[tuple[str, str, int], float]:
    out = {(REGION, c, y): known_value(FW, c, y) for c in FW.leaves for y in YEARS}
    for code in ("_gdp", "_population"):
        for y in YEARS:
            out[(REGION, code, y)] = basis_value(code, y)
            out[("全国", code, y)] = basis_value(code, y, nation=True)
    return out


# Structural mutations: each takes (workbook, data) and returns the cells it touched (their intent becomes unknown).
def _set_value(wb, data) -> set[str]:
    code = data.draw(st.sampled_from(FW.leaves))
    year = data.draw(st.sampled_from(YEARS))
    raw = data.draw(raw_values)
    ws = wb["指标数据"]
    cell = ws.cell(row=FIRST_ROW + FW.leaves.index(code), column=col_of(year))
    try:
        cell.value = raw
    except (IllegalCharacterError, ValueError, TypeError):
        assume(False)
    if data.draw(st.booleans()):
        cell.number_format = data.draw(st.sampled_from(["0.0%", "General", "@", "yyyy-mm-dd", '0.0"%"']))
    number = intended_number(raw, FW.nodes[code].unit)
    if number is not None and cell.number_format in ("General", "@", '0.0"%"'):  # a quoted % is only decoration
        data.intent[(REGION, code, year)] = number
        return set()
    data.intent.pop((REGION, code, year), None)
    return {("指标数据", cell.coordinate)}


def _delete_row(wb, data) -> set[str]:
    ws = wb["指标数据"]
    ws.delete_rows(data.draw(st.integers(1, ws.max_row)))
    return {"*"}


def _delete_col(wb, data) -> set[str]:
    ws = wb[data.draw(st.sampled_from(["指标数据", "基础数据"]))]
    ws.delete_cols(data.draw(st.integers(1, ws.max_column)))
    return {"*"}


def _insert(wb, data) -> set[str]:
    ws = wb["指标数据"]
    if data.draw(st.booleans()):
        ws.insert_rows(data.draw(st.integers(1, ws.max_row)))
    else:
        ws.insert_cols(data.draw(st.integers(1, ws.max_column)))
    return {"*"}


def _swap_cells(wb, data) -> set[str]:
    ws = wb["指标数据"]
    kind = data.draw(st.sampled_from(["header", "code", "any"]))
    header = next((r for r in range(1, 12) if ws.cell(row=r, column=1).value == "代码"), None)
    code_rows = [r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value in FW.leaves]
    if kind == "header" and header:  # found where earlier mutations moved it: a value swap is just typed values
        cols = [c for c in range(1, ws.max_column + 1) if str(ws.cell(row=header, column=c).value).isdigit()]
        assume(len(cols) >= 2)
        a, b = (f"{get_column_letter(c)}{header}" for c in data.draw(st.permutations(cols))[:2])
    elif kind == "code" and len(code_rows) >= 2:
        a, b = (f"A{r}" for r in data.draw(st.permutations(code_rows))[:2])
    else:  # text columns and the header rows (two value cells swapped are just two typed values)
        assume(kind == "any")
        cols = st.sampled_from([1, 2, 3, 4, 5, 6, 13, 14])
        a, b = (f"{get_column_letter(data.draw(cols))}{data.draw(st.integers(1, ws.max_row))}" for _ in range(2))
    ws[a].value, ws[b].value = ws[b].value, ws[a].value
    return {"*"}


def _sheets(wb, data) -> set[str]:
    action = data.draw(st.sampled_from(["rename", "delete", "move"]))
    title = data.draw(st.sampled_from(wb.sheetnames))
    if action == "rename":
        wb[title].title = data.draw(st.sampled_from(["Sheet1", "数据", "指标数据 ", "基础数据", "x" * 31]))
    elif action == "delete" and len(wb.sheetnames) > 1:
        del wb[title]
    else:
        wb.move_sheet(title, offset=data.draw(st.integers(-3, 3)))
    return {"*"}


def _merge(wb, data) -> set[str]:
    ws = wb["指标数据"]
    r = data.draw(st.integers(1, ws.max_row - 1))
    c = data.draw(st.integers(1, 13))
    ws.merge_cells(start_row=r, start_column=c, end_row=r + data.draw(st.integers(0, 2)), end_column=c + 1)
    return {"*"}


def _region(wb, data) -> set[str]:
    wb["指标数据"]["C3"] = data.draw(
        st.sampled_from([None, "", "  ", "江苏", "苏州市", "填报人：", "\u202e省苏江", "X"])
    )
    return {"*"}


def _unit_or_name(wb, data) -> set[str]:
    ws = wb["指标数据"]
    r = FIRST_ROW + data.draw(st.integers(0, len(FW.leaves) - 1))
    col = data.draw(st.sampled_from([4, 6]))
    ws.cell(row=r, column=col).value = data.draw(st.sampled_from([None, "万元", "%", "亿元", "别的指标", "个"]))
    return {"*"}


MUTATIONS = [_set_value, _set_value, _set_value, _delete_row, _delete_col, _insert, _swap_cells, _sheets, _merge]
MUTATIONS += [_region, _unit_or_name]


class _Data:
    """hypothesis' data object with the intent being built."""

    def __init__(self, data):
        self._data = data
        self.intent = base_intent()

    def draw(self, strategy):
        return self._data.draw(strategy)


@given(st.data())
def test_fuzz_templates(tmp_path_factory, data):
    d = _Data(data)
    wb = openpyxl.load_workbook(io.BytesIO(BASE))
    touched: set[str] = set()
    drawn = data.draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3))
    for mutate in sorted(drawn, key=lambda m: m is not _set_value):  # values first: structure moves them after
        try:
            touched |= mutate(wb, d)
        except (KeyError, AttributeError):  # an earlier mutation renamed/deleted the sheet or merged the cell
            touched.add("*")
    path = tmp_path_factory.mktemp("fz") / "m.xlsx"
    try:
        wb.save(path)
    except (IllegalCharacterError, ValueError, TypeError, KeyError, IndexError):
        assume(False)  # openpyxl cannot write this mutation: not an input a user can have
    start = time.perf_counter()
    result = read_file(path, FW)  # must not raise
    assert time.perf_counter() - start < TIME_BOUND_S
    if "*" in touched:  # structural: values may legitimately move, but never silently
        _check_structural(result, d.intent)
    else:
        check_no_silent_change(result, d.intent, touched)


def _check_structural(result, intent) -> None:
    """After a structural change: every value read equals its intent, else a problem names it or there is an error."""
    if result.has_errors():
        return
    located = {(p.indicator, p.year) for p in result.problems} | {(p.sheet, p.cell) for p in result.problems}
    for o in result.observations:
        region = o.region if o.region == "全国" else REGION  # a region the file names instead is its visible choice
        if intent.get((region, o.indicator, o.year)) == o.value:
            continue
        prov = o.provenance
        assert (o.indicator, o.year) in located or (prov and (prov.sheet, prov.cell) in located), (
            f"silent change after a structural mutation: {o}"
        )


# CSV ----------------------------------------------------------------------------------------------

CSV_ENCODINGS = ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"]


_FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _formatted(v: float, form: int) -> tuple[str, float]:
    """A number as offices type it (plain, thousands, full-width, padded) and the value it stands for."""
    two = f"{v:.2f}"
    return [
        (f"{v}", v),
        (f"{v:,.2f}", float(two)),
        (two.translate(_FULLWIDTH), float(two)),
        (f" {v:g} ", float(f"{v:g}")),
    ][form]


csv_rows = st.lists(
    st.tuples(
        st.sampled_from(["江苏省", "江苏", "苏州市", "北京市"]),
        st.sampled_from(FW.leaves[:8]),
        st.sampled_from(YEARS),
        st.one_of(
            st.tuples(st.floats(min_value=0, max_value=1e6, allow_nan=False), st.integers(0, 3)),
            raw_values.map(lambda r: (r, -1)),
        ),
    ),
    min_size=1,
    max_size=12,
    unique_by=lambda r: (r[0].removesuffix("省"), r[1], r[2]),
)


@given(
    rows=csv_rows,
    encoding=st.sampled_from(CSV_ENCODINGS),
    delimiter=st.sampled_from([",", ";", "\t"]),
    year_form=st.sampled_from(["{}", "{}年", "{}年度"]),
    crlf=st.booleans(),
)
@example(rows=[("江苏省", FW.leaves[0], 2019, (1234.5, 1))], encoding="gbk", delimiter=";", year_form="{}年", crlf=True)
def test_fuzz_csv(tmp_path_factory, rows, encoding, delimiter, year_form, crlf):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(["地区", "指标", "年份", "数值"])
    intent: dict[int, float | None] = {}
    for i, (region, code, year, (raw, form)) in enumerate(rows, start=2):
        unit = FW.nodes[code].unit
        if form >= 0:
            text, value = _formatted(raw, form)
            intent[i] = intended_number(value, unit)
        else:
            text = "" if raw is None else str(raw)
            intent[i] = intended_number(text, unit, text_file=True)
        writer.writerow([region, code, year_form.format(year), text])
    try:
        payload = out.getvalue().encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    path = tmp_path_factory.mktemp("fz") / "data.csv"
    path.write_bytes(payload)
    start = time.perf_counter()
    result = read_file(path, FW)
    assert time.perf_counter() - start < TIME_BOUND_S
    if result.has_errors():
        return
    at_row = {p.row for p in result.problems if p.row is not None}
    for o in result.observations:
        row = o.provenance.row
        assert intent.get(row) == o.value or row in at_row, (
            f"silent change in row {row}: {o.value} vs {intent.get(row)}"
        )


# Bytes of the zip ---------------------------------------------------------------------------------


@given(st.data())
@settings(max_examples=max(40, settings().max_examples // 3))
def test_fuzz_zip_bytes(tmp_path_factory, data):
    """Flipped bytes, truncation and a damaged part anywhere: a problem list, never an exception or a hang."""
    blob = bytearray(BASE)
    action = data.draw(st.sampled_from(["flip", "truncate", "part"]))
    if action == "flip":
        for _ in range(data.draw(st.integers(1, 20))):
            i = data.draw(st.integers(0, len(blob) - 1))
            blob[i] ^= data.draw(st.integers(1, 255))
    elif action == "truncate":
        blob = blob[: data.draw(st.integers(0, len(blob)))]
    else:
        src = zipfile.ZipFile(io.BytesIO(BASE))
        name = data.draw(st.sampled_from(src.namelist()))
        part = bytearray(src.read(name))
        cut = data.draw(st.integers(0, len(part)))
        junk = data.draw(st.sampled_from([b"", b"<", b"&x;", b"<!DOCTYPE a>", b"\x00\xff", b"<c r='A1'><f>", b"]]>"]))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for n in src.namelist():
                z.writestr(n, bytes(part[:cut]) + junk + bytes(part[cut:]) if n == name else src.read(n))
        blob = bytearray(out.getvalue())
    path = tmp_path_factory.mktemp("fz") / "z.xlsx"
    path.write_bytes(bytes(blob))
    start = time.perf_counter()
    result = read_file(path, FW)
    assert time.perf_counter() - start < TIME_BOUND_S
    if not result.has_errors():
        check_no_silent_change(result, base_intent(), set())


@pytest.mark.parametrize("stored", ["1E308", "1e999", "-1e999", "NaN", "nan", "2e15", "1.7976931348623157e308"])
def test_fuzz_seeds_kept(tmp_path, stored):
    """Seeds of the issue's reproductions, as other software stores them in the sheet XML, kept as regression cases."""
    ref = f"{get_column_letter(col_of(2020))}{FIRST_ROW}"
    src = zipfile.ZipFile(io.BytesIO(BASE))
    path = tmp_path / "seed.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            data = src.read(name)
            if name.startswith("xl/worksheets/"):
                data = re.sub(
                    rf'(<c r="{ref}"[^>]*>)<v>[^<]*</v>'.encode(), rb"\1<v>" + stored.encode() + b"</v>", data
                )
            z.writestr(name, data)
    result = read_file(path, FW)
    assert result.observations.value(REGION, FW.leaves[0], 2020) is None and result.has_errors()
    assert any(p.cell == ref and p.sheet == "指标数据" for p in result.errors)
