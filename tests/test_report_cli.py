"""`python -m core report`: one region, all regions, refusals, atomic writes and leftovers."""

from __future__ import annotations

import shutil
import subprocess
import sys

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
