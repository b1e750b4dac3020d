"""`python -m core compute` on long-format files: the table, the JSON, and bad input."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.io.longformat import read_long_format
from core.model.framework import load_framework

ROOT = Path(__file__).resolve().parents[1]
FW = load_framework()


def write_long(path: Path, rows: list[list], header=("region", "indicator", "year", "value")) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def good_rows(region="甲省", years=range(2019, 2024)) -> list[list]:
    rows = []
    for i, code in enumerate(FW.leaves):
        for k, y in enumerate(years):
            rows.append([region, code, y, round(10 + i + k * 1.5, 3)])
    return rows


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "core", *map(str, args)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8"
    )


def test_compute_prints_a_table(tmp_path):
    data = write_long(tmp_path / "d.csv", good_rows())
    proc = run_cli("compute", data)
    assert proc.returncode == 0, proc.stderr
    assert "【甲省】" in proc.stdout and "两创融合发展总指数" in proc.stdout and "2.3 创新企业培育" in proc.stdout
    assert "100.0" in proc.stdout


def test_compute_json_to_file_and_stdout_agree(tmp_path):
    data = write_long(tmp_path / "d.csv", good_rows() + good_rows("乙省"))
    out = tmp_path / "r.json"
    assert run_cli("compute", data, "--json", out).returncode == 0
    proc = run_cli("compute", data, "--json", "-")
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(proc.stdout)
    result = json.loads(proc.stdout)
    assert set(result["regions"]) == {"甲省", "乙省"}
    assert result["regions"]["甲省"]["index"]["1.1.1"]["2023"] == pytest.approx(100 * 16 / 10)


def test_chinese_headers_and_conversions_are_listed(tmp_path):
    rows = good_rows()
    rows[0][3] = "１０"  # 1.1.1 2019, full-width digits
    rows[5][3] = "11.5%"  # 1.1.2 2019, a % indicator
    rows[1][3] = "3%"  # 1.1.1 2020 is in 亿元: a percent sign there is refused
    rows[2][0] = "北京"  # short province name → 北京市
    path = write_long(tmp_path / "zh.csv", rows, header=("地区", "指标", "年份", "数值"))
    table, problems = read_long_format(path, FW)
    assert table.value("甲省", "1.1.1", 2019) == 10.0
    assert table.value("甲省", "1.1.2", 2019) == 11.5
    assert table.value("北京市", "1.1.1", 2021) is not None
    infos = {p.row: p for p in problems if p.severity.value == "info"}
    assert "全角" in infos[2].message and "百分号" in infos[7].message and "北京市" in infos[4].message
    [error] = [p for p in problems if p.severity.value == "error"]
    assert error.row == 3 and error.indicator == "1.1.1" and "不是百分比" in error.message


@pytest.mark.parametrize(
    "mutate,expected,row,column",
    [
        (lambda rows: rows[3].__setitem__(1, "9.9.9"), "指标代码“9.9.9”不在指标体系", 5, "B（indicator）"),
        (lambda rows: rows[4].__setitem__(3, "约12"), "“约12”不是数字", 6, "D（value）"),
        (lambda rows: rows.append(list(rows[0])), "重复", None, "B（indicator）"),
        (lambda rows: rows[2].__setitem__(3, "-3"), "为负数", 4, "D（value）"),
        (lambda rows: rows[5].__setitem__(2, "二〇二〇"), "不是有效的四位年份", 7, "C（year）"),
    ],
)
def test_bad_input_one_chinese_line_per_problem(tmp_path, mutate, expected, row, column):
    rows = good_rows()
    mutate(rows)
    data = write_long(tmp_path / "bad.csv", rows)
    before = hashlib.sha256(data.read_bytes()).hexdigest()
    proc = run_cli("compute", data)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("错误")]
    assert len(lines) == 1 and expected in lines[0], proc.stderr
    if row is None:
        row = len(rows) + 1
    assert f"第 {row} 行" in lines[0] and f"列 {column}" in lines[0]
    assert hashlib.sha256(data.read_bytes()).hexdigest() == before  # input never modified


def test_missing_base_year_names_indicator_and_year(tmp_path):
    rows = [r for r in good_rows() if not (r[1] == "3.2.2" and r[2] == 2019)]
    data = write_long(tmp_path / "nobase.csv", rows)
    proc = run_cli("compute", data)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "指标 3.2.2" in proc.stderr and "2019 年" in proc.stderr and "基期" in proc.stderr
    ok = run_cli("compute", data, "--base-year", "2020")
    assert ok.returncode == 0, ok.stderr


def test_several_problems_all_reported(tmp_path):
    rows = good_rows()
    rows[1][3] = "abc"
    rows[7][1] = "X"
    data = write_long(tmp_path / "two.csv", rows)
    proc = run_cli("compute", data)
    assert proc.returncode == 2
    assert len([line for line in proc.stderr.splitlines() if line.startswith("错误")]) == 2


def test_missing_columns_and_refused_types(tmp_path):
    data = write_long(tmp_path / "cols.csv", [["甲省", "1.1.1", 2019]], header=("region", "indicator", "year"))
    proc = run_cli("compute", data)
    assert proc.returncode == 2 and "缺少列" in proc.stderr
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0")
    proc = run_cli("compute", xls)
    assert proc.returncode == 2 and "另存为 .xlsx" in proc.stderr


def test_exclude_option(tmp_path):
    rows = [r for r in good_rows() if r[1] != "3.2.2"]
    data = write_long(tmp_path / "ex.csv", rows)
    assert run_cli("compute", data).returncode == 2
    proc = run_cli("compute", data, "--exclude", "甲省:3.2.2", "--json", "-")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["recipe"]["exclusions"] == {"甲省": ["3.2.2"]}


def test_long_format_xlsx(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["region", "indicator", "year", "value"])
    for r in good_rows():
        ws.append(r)
    path = tmp_path / "long.xlsx"
    wb.save(path)
    table, problems = read_long_format(path, FW)
    assert not [p for p in problems if p.severity.value == "error"]
    assert len(table) == len(good_rows())
    assert table.rows[0].provenance.row == 2


def test_lang_option_prints_problems_in_english(tmp_path):
    data = write_long(tmp_path / "d.csv", good_rows())
    proc = run_cli("--lang", "en", "compute", data, "--exclude", "no-colon")
    assert proc.returncode == 2 and proc.stderr.startswith("Error: The --exclude value"), proc.stderr
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in proc.stderr)


def test_recipe_notes_are_messages_with_code_and_chinese_text(tmp_path):
    data = write_long(tmp_path / "d.csv", good_rows() + good_rows("乙省"))
    proc = run_cli("compute", data, "--exclude", "甲省:3.2.2", "--json", "-")
    recipe = json.loads(proc.stdout)["recipe"]
    [note] = recipe["notes"]
    assert note["code"] == "index.note.excluded" and note["args"] == {"region": "甲省", "codes": ["3.2.2"]}
    assert "甲省 排除了指标 3.2.2" in note["text"]
    assert list(recipe) == [
        "method",
        "framework_id",
        "framework_version",
        "framework_digest",
        "base_year",
        "end_year",
        "gap_policy",
        "carry_limit",
        "weights",
        "exclusions",
        "excluded_regions",
        "exclusion_reasons",
        "notes",
        "filled_cells",
        "run",
    ]
