"""The column-wise long-format path gives exactly what the row reader gives: table, provenance, problems."""

from __future__ import annotations

import csv
import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import core.io.longformat as longformat
from core.io.loading import load_result, read_file
from core.kernel.resources import resource
from core.model.framework import load_framework

FW = load_framework()
LEAVES = list(FW.leaves)
PERCENT = [c for c in LEAVES if FW.nodes[c].unit.strip() == "%"]
MESSY_VALUES = [
    "12.5",
    " 7 ",
    "1,234.5",
    "１２",
    "-3",
    "",
    "—",
    "无",
    "abc",
    "45%",
    "150",
    "0.35",
    "1e20",
    "nan",
    "1_0",
]


def both_paths(path, monkeypatch):
    """(columnar, row-by-row) reads of one file."""
    fast = read_file(path, FW)
    with monkeypatch.context() as m:
        m.setattr(longformat, "open_frame", lambda *a: None)
        slow = read_file(path, FW)
    return fast, slow


def both_paths_once(path):
    """both_paths outside a test's own monkeypatch (hypothesis runs the test many times in one fixture)."""
    mp = pytest.MonkeyPatch()
    try:
        return both_paths(path, mp)
    finally:
        mp.undo()


def assert_same(fast, slow):
    assert list(fast.observations) == list(slow.observations)  # values, statuses, provenance, notes
    assert [p.to_dict() for p in fast.problems] == [p.to_dict() for p in slow.problems]


def test_demo_files_same(tmp_path, monkeypatch):
    for name in ("demo-provinces.csv", "demo-jiangsu-cities.csv"):
        path = tmp_path / name
        path.write_bytes(resource(f"demo/{name}").read_bytes())
        fast, slow = both_paths(path, monkeypatch)
        assert len(fast.observations) > 100
        assert_same(fast, slow)


def _messy_rows(rng: random.Random, n: int) -> list[list[str]]:
    rows = []
    for _ in range(n):
        code = rng.choice([*LEAVES[:6], *PERCENT[:3], "9.9.9", "_gdp"])
        region = rng.choice(["江苏省", "江苏", "苏州市", "北京市", "", " 地区1 ", "320000"])
        year = rng.choice(["2019", "2020", "2021年", "2022", "19", "2023", "2024"])
        value = rng.choice([*MESSY_VALUES, *(f"{rng.uniform(0, 80):.3f}" for _ in range(6))])
        status = rng.choice(["", "", "预估", "reported", "插值", "??"])
        rows.append([region, code, year, value, status, rng.choice(["", "统计年鉴"]), rng.choice(["", "备注"])])
    return rows


@given(seed=st.integers(0, 10_000), blank=st.booleans())
@settings(max_examples=25, deadline=None)
def test_messy_files_same(tmp_path_factory, seed, blank):
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["地区", "指标", "年份", "数值", "状态", "来源", "备注"])
    for row in _messy_rows(rng, 60):
        writer.writerow(row)
        if blank and rng.random() < 0.1:
            writer.writerow(["", "", "", "", "", "", ""])
    path = tmp_path_factory.mktemp("col") / "messy.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert_same(*both_paths_once(path))


NUMBER_VALUES = [
    "12.5",
    " 7 ",
    "-3",
    "150",
    "0.35",
    "1e20",
    "inf",
    "-0",
    "1E5",
    "007",
    "3.",
    ".5",
    "+8",
    "99.999",
    "0",
    "1",
]


@given(seed=st.integers(0, 10_000))
@settings(max_examples=20, deadline=None)
def test_numeric_value_column_same(tmp_path_factory, seed):
    """Values that are all numbers pandas can read: parsed as float64, and the rows the row reader must read
    (negative, over 100 %, over the magnitude cap, infinite, duplicates, bad names) get their text."""
    import core.io.row_sources as row_sources

    rng = random.Random(seed)
    lines = ["地区,指标,年份,数值"]
    for row in _messy_rows(rng, 60):
        lines.append(",".join([row[0], row[1], row[2], rng.choice([*NUMBER_VALUES, f"{rng.uniform(0, 90):.4f}"])]))
    path = tmp_path_factory.mktemp("num") / "numbers.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame = row_sources.open_frame(path, None, lambda header: 3)
    numbers = row_sources.exact_floats()  # pandas ≥ 3.1 parses with fast_float; older versions: values as text
    assert (frame.columns[3].dtype.kind == "f") == numbers and (frame.value_texts is not None) == numbers
    assert_same(*both_paths_once(path))


@pytest.mark.parametrize("word", ["True", "false", " FALSE ", "tRUE"])
def test_true_false_are_not_numbers(tmp_path, monkeypatch, word):
    """pandas reads a column of only true/false words as booleans, hence 1.0/0.0 as float; float() refuses
    them, so the row reader reads those rows (and reports them)."""
    lines = ["地区,指标,年份,数值", f"江苏省,{LEAVES[0]},2019,{word}", f"江苏省,{LEAVES[0]},2020,false"]
    path = tmp_path / "words.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fast, slow = both_paths(path, monkeypatch)
    assert_same(fast, slow)
    assert not len(fast.observations) and {p.row for p in fast.problems} >= {2, 3}


def test_series_checks_same(tmp_path, monkeypatch):
    """Outliers (leave-one-out medians), fractions among percentages and duplicates: same problems, same rows."""
    lines = ["region,indicator,year,value"]
    for r in range(40):
        for code in (LEAVES[0], PERCENT[0]):
            base = 30.0 + r
            for y in range(2015, 2025):
                v = base * (1.3 ** (y - 2015)) if r % 3 == 0 else base + y - 2015
                if r % 5 == 1 and y == 2018:
                    v = v / 100 if code in PERCENT else v * 9
                lines.append(
                    f"地区{r},{code},{y},{min(v, 99):.6g}" if code in PERCENT else f"地区{r},{code},{y},{v:.6g}"
                )
    lines.append(f"地区3,{LEAVES[0]},2016,1")  # a duplicate with another value
    lines.append(f"地区4,{LEAVES[0]},2016,34")  # a duplicate with the same value
    path = tmp_path / "series.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fast, slow = both_paths(path, monkeypatch)
    codes = {p.code for p in fast.problems}
    assert {"value_outlier", "percent_as_fraction", "duplicate_row"} <= codes
    assert_same(fast, slow)


def test_load_result_same(tmp_path, monkeypatch):
    """Two files with a conflict: the columnar merge, conflict check, order and de-duplication match."""
    a = tmp_path / "a.csv"
    b = tmp_path / "b.csv"
    a.write_text(f"地区,指标,年份,数值\n江苏省,{LEAVES[0]},2019,5\n北京市,{LEAVES[0]},2019,6\n", encoding="utf-8")
    b.write_text(f"地区,指标,年份,数值\n江苏省,{LEAVES[0]},2019,7\n江苏省,{LEAVES[1]},2019,8\n", encoding="utf-8")
    fast = load_result([a, b], FW)
    assert fast.observations.is_columnar
    monkeypatch.setattr(longformat, "open_frame", lambda *a: None)
    slow = load_result([a, b], FW)
    assert_same(fast, slow)
    assert any(p.code == "conflict" for p in fast.problems)


def _xlsx(path, rows, percent_format: bool = False):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["地区", "指标", "年份", "数值", "状态", "来源", "备注"])
    for r, row in enumerate(rows, start=2):
        ws.append([_typed(v) for v in row])
        if percent_format and r % 7 == 0:
            ws.cell(r, 4).number_format = "0.0%"
    ws.append([])
    ws.append(["江苏省", LEAVES[0], 2030, 5])  # after a blank row: the row number counts it
    wb.save(path)
    return path


def _typed(v: str):
    """Numbers as numbers (as a workbook holds them), the rest as text."""
    try:
        return int(v) if v.strip().isdigit() and v.isascii() else float(v) if v.isascii() and "." in v else v
    except ValueError:
        return v


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_xlsx_same_as_openpyxl(tmp_path, monkeypatch, seed):
    rows = _messy_rows(random.Random(seed), 80)
    fast, slow = both_paths(_xlsx(tmp_path / "long.xlsx", rows), monkeypatch)
    assert fast.observations.is_columnar  # read by calamine
    assert_same(fast, slow)


def test_xlsx_percent_formats_keep_openpyxl(tmp_path, monkeypatch):
    rows = [["江苏省", PERCENT[0], str(y), f"0.{y - 2000}"] + [""] * 3 for y in range(2019, 2025)]
    path = _xlsx(tmp_path / "pct.xlsx", rows, percent_format=True)
    fast, slow = both_paths(path, monkeypatch)
    assert not fast.observations.is_columnar  # formats matter: openpyxl read it
    assert_same(fast, slow)
    assert any(p.code == "value_converted" for p in fast.problems)  # the percent format was honoured


def test_work_grows_with_distinct_values_not_rows(tmp_path, monkeypatch):
    """Scaling by counting work: names are canonicalised once per distinct value and clean rows never
    reach the row reader, so 4× the rows costs no more name look-ups and no row-by-row reads."""
    import core.io.columnar as columnar

    counts = {"canonical": 0, "read": 0}
    real_canonical, real_read = columnar.canonical_region_name, longformat._RowReader.read

    def canonical(text):
        counts["canonical"] += 1
        return real_canonical(text)

    def read(self, *args):
        counts["read"] += 1
        return real_read(self, *args)

    monkeypatch.setattr(columnar, "canonical_region_name", canonical)
    monkeypatch.setattr(longformat._RowReader, "read", read)

    def work(years: int) -> dict:
        counts.update(canonical=0, read=0)
        lines = ["地区,指标,年份,数值"]
        lines += [f"地区{r},{c},{2000 + y},{10 + y}" for r in range(10) for c in LEAVES for y in range(years)]
        path = tmp_path / f"{years}.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert len(read_file(path, FW).observations) == 10 * len(LEAVES) * years
        return dict(counts)

    small, large = work(5), work(20)
    assert small == large and large["read"] == 0 and large["canonical"] <= 2 * 11  # 10 names and the header


def test_without_pandas(tmp_path, monkeypatch):
    """The desktop bundle leaves pandas out: CSV goes through the row reader, xlsx still column-wise."""
    import sys

    csv_path = tmp_path / "demo.csv"
    csv_path.write_bytes(resource("demo/demo-provinces.csv").read_bytes())
    xlsx_path = _xlsx(tmp_path / "long.xlsx", _messy_rows(random.Random(5), 40))
    with_pandas = [read_file(p, FW) for p in (csv_path, xlsx_path)]
    monkeypatch.setitem(sys.modules, "pandas", None)
    csv_result, xlsx_result = (read_file(p, FW) for p in (csv_path, xlsx_path))
    assert not csv_result.observations.is_columnar and xlsx_result.observations.is_columnar
    assert_same(csv_result, with_pandas[0])
    assert_same(xlsx_result, with_pandas[1])


def test_one_file_keeps_its_columns_and_cached_codes(tmp_path, monkeypatch):
    """Counting work: loading one long file keeps the reader's Columns (no concatenation), so the region and
    indicator codes the reader found are not computed again by conflicts, sorting and de-duplication."""
    import core.model.observations as observations

    path = tmp_path / "demo.csv"
    path.write_bytes(resource("demo/demo-provinces.csv").read_bytes())
    calls = {"codes_of": 0, "concat": 0}
    real_codes_of, real_concat = observations.codes_of, observations.Columns.concat

    def codes_of(values):
        calls["codes_of"] += 1
        return real_codes_of(values)

    def concat(parts):
        calls["concat"] += 1
        return real_concat(parts)

    monkeypatch.setattr(observations, "codes_of", codes_of)
    monkeypatch.setattr(observations.Columns, "concat", staticmethod(concat))
    result = load_result([path], FW)
    assert result.observations.is_columnar and len(result.observations) > 100
    assert result.observations.regions()[:1] and result.observations.indicators()[:1]
    assert calls == {"codes_of": 0, "concat": 0}


def test_utf8_head_then_gbk_same(tmp_path, monkeypatch):
    """A UTF-8 file is decoded by pandas as it parses (only its first 256 KB here): bytes that are not UTF-8
    further on make it a GB18030 file after all, as the row reader finds; a header longer than the head too."""
    from core.io.csv_dialect import HEAD_BYTES

    body = "".join(f"地区{r},{c},{y},{r % 90 + 1}\n" for r in range(200) for c in LEAVES for y in (2019, 2020, 2021))
    assert len(body.encode()) > HEAD_BYTES
    cases = {
        "late_gbk.csv": "地区,指标,年份,数值\n".encode()
        + body.encode()
        + f"江苏省,{LEAVES[0]},2022,5\n".encode("gb18030"),
        "long_header.csv": (
            "地区,指标,年份,数值," + ",".join(["备" * 40_000] * 3) + "\n" + body.replace("\n", ",,,\n")
        ).encode(),
        "utf8.csv": ("地区,指标,年份,数值\n" + body).encode(),
    }
    for name, payload in cases.items():
        path = tmp_path / name
        path.write_bytes(payload)
        fast, slow = both_paths(path, monkeypatch)
        assert_same(fast, slow)
        encoding = next(p.args["encoding"] for p in fast.problems if p.code == "csv_dialect")
        assert encoding == ("gb18030" if name == "late_gbk.csv" else "utf-8")
        assert name == "late_gbk.csv" or len(fast.observations) == 600 * len(LEAVES)


def test_distinct_keys_sorted_in_one_pass(tmp_path, monkeypatch):
    """Counting work: when each (region, indicator, year) occurs once, loading orders the table without the
    general sort (one linear pass); with a key twice it sorts, and both give the row reader's order."""
    import core.io.column_ops as column_ops

    calls = {"lexsort": 0}
    real = column_ops._lexsort

    def lexsort(keys):
        calls["lexsort"] += 1
        return real(keys)

    monkeypatch.setattr(column_ops, "_lexsort", lexsort)
    years, codes = (2021, 2019, 2020), LEAVES[3::-1]
    rows = [f"地区{r},{c},{y},{r + y - 2000}" for r in (10, 2, 1) for c in codes for y in years]
    (tmp_path / "a.csv").write_text("\n".join(["地区,指标,年份,数值", *rows]) + "\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(f"地区,指标,年份,数值\n地区2,{LEAVES[0]},2019,99\n", encoding="utf-8")
    for files in (["a.csv"], ["a.csv", "b.csv"]):  # the second: one key in two files
        paths = [tmp_path / f for f in files]
        calls["lexsort"] = 0
        fast = load_result(paths, FW)
        assert calls["lexsort"] == len(files) - 1
        with monkeypatch.context() as m:
            m.setattr(longformat, "open_frame", lambda *a: None)
            slow = load_result(paths, FW)
        assert_same(fast, slow)


def test_parse_starts_after_a_plain_header_line(tmp_path, monkeypatch):
    """Counting work: pandas skips no row when the header is one plain line (it parses from the byte after
    it); a quoted header, a lone carriage return or UTF-16 keep pandas' row skipping. Both read alike."""
    import core.io.row_sources as row_sources

    seen: list[tuple[int, object]] = []
    real = row_sources._parse_csv

    def parse(pd, data, dialect, *args, **kwargs):
        seen.append((row_sources._data_start(data, dialect), dialect.encoding))
        return real(pd, data, dialect, *args, **kwargs)

    monkeypatch.setattr(row_sources, "_parse_csv", parse)
    body = "".join(f"地区{r},{c},2020,{r + 1}\r\n" for r in range(3) for c in LEAVES[:4])
    cases = {
        "plain.csv": ("\ufeff地区,指标,年份,数值\r\n" + body).encode(),
        "gbk.csv": ("地区,指标,年份,数值\r\n" + body).encode("gb18030"),
        "quoted.csv": ('"地区","指标",年份,数值\r\n' + body).encode(),
        "lone_cr.csv": ("地区,指标,年份,数值\r\r\n" + body).encode(),
        "utf16.csv": ("地区\t指标\t年份\t数值\r\n" + body.replace(",", "\t")).encode("utf-16"),
    }
    header_bytes = {
        "plain.csv": 3 + len("地区,指标,年份,数值\r\n".encode()),
        "gbk.csv": len("地区,指标,年份,数值\r\n".encode("gb18030")),
    }
    for name, payload in cases.items():
        seen.clear()
        path = tmp_path / name
        path.write_bytes(payload)
        fast, slow = both_paths(path, monkeypatch)
        assert_same(fast, slow)
        assert len(fast.observations) == 12
        assert seen and {start for start, _ in seen} == {header_bytes.get(name)}


def test_grouped_keys_numbered_without_a_sort(monkeypatch):
    """Counting work: keys grouped in runs (rows grouped as a file usually is, in any order of the groups) are
    numbered in one pass, without np.unique's sort; a key in two runs takes the sort. Both number in order of first appearance."""
    import numpy as np

    from core.model import observations

    calls = {"unique": 0}
    real = np.unique

    def unique(*args, **kwargs):
        calls["unique"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(np, "unique", unique)
    grouped = np.repeat(np.array([3, 7, 8, 20]), [2, 1, 3, 2])
    assert observations.first_seen_codes(grouped).tolist() == [0, 0, 1, 2, 2, 2, 3, 3]
    assert observations.first_seen_codes(np.array([8, 8, 3, 5, 5, 20])).tolist() == [0, 0, 1, 2, 2, 3]
    assert calls["unique"] == 0
    assert observations.first_seen_codes(np.array([8, 3, 8, 5, 3])).tolist() == [0, 1, 0, 2, 1]
    assert calls["unique"] == 1


def test_filtered_and_extended_columns_equal_the_rows(tmp_path):
    """`filtered` keeps a columnar table columnar and selects what the row-by-row test selects; a row table
    joining columns is turned into columns; either way the observations equal the row form's."""
    from core.model.observations import NATION, ObservationTable

    path = tmp_path / "demo.csv"
    path.write_bytes(resource("demo/demo-provinces.csv").read_bytes())
    table = load_result([path], FW).observations
    rows = ObservationTable(list(table.columns().observations()))
    assert table.is_columnar and not rows.is_columnar
    keep_region, keep_code = (lambda r: r not in (NATION, "湖北省")), {"1.1.1", "4.3.2", "GDP"}.__contains__
    picked = table.filtered(region=keep_region, indicator=keep_code)
    expected = [o for o in rows if keep_region(o.region) and keep_code(o.indicator)]
    assert picked.is_columnar and 0 < len(picked) < len(table)
    assert list(picked.columns().observations()) == expected == list(rows.filtered(keep_region, keep_code))
    nation = rows.filtered(region=lambda r: r == NATION)
    assert not nation.is_columnar and len(nation) > 0
    picked.extend(nation)
    assert picked.is_columnar and list(picked.columns().observations()) == expected + list(nation)
