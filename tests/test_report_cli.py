"""`python -m core report`: one region, all regions, refusals, atomic writes and leftovers."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from core.model.framework import ROOT as TOTAL
from core.report.export import clean_leftovers, report_file_name
from tests.report_fixtures import DEMO, ROOT, demo_inputs


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "core", "report", *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )


def test_one_region_docx_and_its_numbers(tmp_path):
    out = tmp_path / "江苏.docx"
    proc = run(DEMO, "--region", "江苏省", "--format", "docx", "--out", out, "--draws", "100")
    assert proc.returncode == 0, proc.stderr
    doc = open_docx(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    r = demo_inputs().result
    assert f"{r.value('江苏省', TOTAL, r.latest_year):.1f}" in text
    assert "python -m desktop report" in text  # no renderer: the note under each figure says how to get charts


def test_all_regions_xlsx_one_file_each_with_progress(tmp_path):
    proc = run(DEMO, "--format", "xlsx", "--out", tmp_path / "out", "--draws", "0")
    assert proc.returncode == 0, proc.stderr
    regions = demo_inputs().result.regions
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == sorted(report_file_name(r, "xlsx") for r in regions)
    assert f"[{len(regions)}/{len(regions)}]" in proc.stderr
    wb = load_workbook(tmp_path / "out" / report_file_name("全国", "xlsx"))
    assert "指数" in wb.sheetnames


def test_pdf_without_renderer_and_unknown_region_are_clear_errors(tmp_path):
    proc = run(DEMO, "--region", "江苏省", "--format", "pdf", "--out", tmp_path / "a.pdf")
    assert proc.returncode == 2 and "python -m desktop report" in proc.stderr
    proc = run(DEMO, "--region", "火星", "--out", tmp_path / "a.docx")
    assert proc.returncode == 2 and "火星" in proc.stderr and "江苏省" in proc.stderr


def test_an_input_file_is_never_overwritten(tmp_path):
    shutil.copy(DEMO, tmp_path / "data.csv")
    before = (tmp_path / "data.csv").read_bytes()
    proc = run(tmp_path / "data.csv", "--region", "江苏省", "--format", "xlsx", "--out", tmp_path / "data.csv")
    assert proc.returncode == 2 and "不能覆盖" in proc.stderr
    assert (tmp_path / "data.csv").read_bytes() == before


def test_leftover_tmp_files_of_killed_exports_are_removed(tmp_path):
    left = tmp_path / ".报告.docx.abc123.tmp"
    left.write_bytes(b"half")
    other = tmp_path / ".notes.txt.tmp"
    other.write_bytes(b"not ours")
    assert clean_leftovers(tmp_path) == [left]
    assert not left.exists() and other.exists()


def test_assess_options_shape_sections_three_to_five(tmp_path):
    """--peers (an `assess` option) reaches the report: the sameness table compares exactly those peers."""
    from core.assessment import assess
    from core.io.loading import load_data_strict
    from core.model.framework import load_framework

    out = tmp_path / "江苏.xlsx"
    proc = run(DEMO, "--region", "江苏省", "--format", "xlsx", "--out", out, "--draws", "0", "--peers", "浙江省,上海市")
    assert proc.returncode == 0, proc.stderr
    ws = load_workbook(out)["评估"]
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    fw = load_framework()
    a = assess(load_data_strict([DEMO], fw).observations, fw, regions=["江苏省"], peers=["浙江省", "上海市"])
    ra = a.regions["江苏省"]
    head = next(i for i, row in enumerate(cells) if row[0] == "比较地区")
    peers = [row[0] for row in cells[head + 1 : head + 1 + len(ra.sameness)]]
    assert sorted(peers) == ["上海市", "浙江省"] == sorted(s.peer for s in ra.sameness)
    verdicts = next(i for i, row in enumerate(cells) if row[:3] == ["指标", "融合水平", "分组"])
    assert cells[verdicts + 1][1] == pytest.approx(ra.groups[TOTAL].level, rel=1e-14)  # xlsx keeps 15 digits
    assert cells[verdicts + 1][2] == a.name(ra.groups[TOTAL].group)
