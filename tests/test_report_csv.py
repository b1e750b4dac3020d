"""The index result as a long CSV (core.report): one row per region, node and year, BOM for Excel."""

from __future__ import annotations

import csv
import io

from core.index import IndexOptions, compute_index
from core.report import CSV_COLUMNS, write_index_csv


def test_index_csv_has_every_region_node_and_year(framework, constant_table, tmp_path):
    table = constant_table(framework, regions=("甲省", "乙省"), years=range(2019, 2023))
    result = compute_index(table, framework, IndexOptions())
    path = write_index_csv(tmp_path / "out" / "index.csv", result, framework)
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    body = rows[1:]
    assert len(body) == len(result.regions) * len(result.codes) * len(result.years)
    total_2019 = next(r for r in body if r[0] == "甲省" and r[1] == "total" and r[3] == "2019")
    assert total_2019[2] == framework.nodes["total"].name_zh
    assert float(total_2019[4]) == 100.0
    total_2022 = next(r for r in body if r[0] == "乙省" and r[1] == "total" and r[3] == "2022")
    assert float(total_2022[4]) == round(float(result.series("乙省", "total")[2022]), 4)
    assert not list(tmp_path.joinpath("out").glob("*.tmp*"))
