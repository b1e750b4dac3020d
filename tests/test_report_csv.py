"""The index result as a long CSV (core.report): Chinese headers, BOM for Excel, text stays text."""

from __future__ import annotations

import csv
import io

import pytest

from core.index import IndexOptions, compute_index
from core.report import csv_headers, write_index_csv


def _rows(path):
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_index_csv_has_every_region_node_and_year(framework, constant_table, tmp_path):
    table = constant_table(framework, regions=("甲省", "乙省"), years=range(2019, 2023))
    result = compute_index(table, framework, IndexOptions())
    path = write_index_csv(tmp_path / "out" / "index.csv", result, framework)
    rows = _rows(path)
    assert rows[0] == ["地区", "指标代码", "指标名称", "年份", "指数", "增速（%）", "标记"]
    body = rows[1:]
    assert len(body) == len(result.regions) * len(result.codes) * len(result.years)
    total_2019 = next(r for r in body if r[0] == "甲省" and r[1] == "total" and r[3] == "2019")
    assert total_2019[2] == framework.nodes["total"].name_zh
    assert float(total_2019[4]) == 100.0
    total_2022 = next(r for r in body if r[0] == "乙省" and r[1] == "total" and r[3] == "2022")
    assert float(total_2022[4]) == round(float(result.series("乙省", "total")[2022]), 4)
    assert not list(tmp_path.joinpath("out").glob("*.tmp*"))


def test_english_headers_are_english(framework, constant_table, tmp_path):
    result = compute_index(constant_table(framework, regions=("甲省",)), framework, IndexOptions())
    rows = _rows(write_index_csv(tmp_path / "index.csv", result, framework, lang="en"))
    assert tuple(rows[0]) == csv_headers("en") and rows[0][0] == "Region"


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(A1)"])
def test_a_region_named_like_a_formula_stays_text_in_csv(framework, constant_table, tmp_path, name):
    result = compute_index(constant_table(framework, regions=(name,)), framework, IndexOptions())
    rows = _rows(write_index_csv(tmp_path / "index.csv", result, framework))
    assert {r[0] for r in rows[1:]} == {"'" + name}
