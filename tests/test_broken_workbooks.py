"""Every broken workbook of the corpus gives the expected Chinese problem at the right cell, no traceback."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.io.loading import read_files
from core.io.template_reader import read_template_workbook
from core.kernel.problems import Problem, Severity

sys.path.insert(0, str(Path(__file__).parent))
from broken_corpus import CASE_NAMES, build_corpus

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, framework):
    out = tmp_path_factory.mktemp("broken")
    cases = {c.name: c for c in build_corpus(out, framework)}
    return out, cases


def _digest(paths):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def test_corpus_has_at_least_30_distinct_cases(corpus):
    _, cases = corpus
    assert set(cases) == set(CASE_NAMES)
    assert len({c.code for c in cases.values()}) >= 30


def test_the_unbroken_workbook_is_clean(corpus, framework):
    out, _ = corpus
    res = read_template_workbook(out / "_good.xlsx", framework)
    assert [p for p in res.problems if p.severity is not Severity.INFO] == []
    assert len(res.observations) == 27 * 6 + 4 * 6


@pytest.mark.parametrize("name", CASE_NAMES)
def test_broken_workbook_reports_expected_problem(corpus, framework, name):
    _, cases = corpus
    case = cases[name]
    before = _digest(case.files)
    res = read_files(case.files, framework)  # must not raise
    assert _digest(case.files) == before, "input file was modified"
    matches = [
        p
        for p in res.problems
        if p.code == case.code
        and p.severity.value == case.severity
        and (case.cell is None or p.cell == case.cell)
        and (case.sheet is None or p.sheet == case.sheet)
        and (case.indicator is None or p.indicator == case.indicator)
        and (case.year is None or p.year == case.year)
    ]
    assert matches, [p.one_line() for p in res.problems]
    p = matches[0]
    assert p.file in {f.name for f in case.files}
    assert CJK.search(p.message)
    if p.severity is not Severity.INFO:
        assert "请" in p.message  # says how to fix it
    assert "Traceback" not in p.message
    for q in res.problems:  # every problem renders from the catalogue in both languages, also after a JSON round trip
        assert not q.text("en").startswith("[") and not q.text("zh").startswith("[")
        assert Problem.from_dict(q.to_dict()).text("en") == q.text("en")
    if case.severity == "error":
        assert res.has_errors()
    else:  # a warning or a listed conversion must not block
        assert not res.has_errors(), [q.one_line() for q in res.errors]


def test_xml_bomb_rejected_quickly(corpus, framework):
    out, cases = corpus
    t = time.perf_counter()
    res = read_template_workbook(cases["xml_bomb"].files[0], framework)
    assert time.perf_counter() - t < 2.0
    assert [p.code for p in res.errors] == ["xml_dtd_refused"]


def test_defusedxml_guards_openpyxl_even_without_the_precheck(corpus):
    """Second line of defence: openpyxl itself refuses the entity expansion (defusedxml active)."""
    import openpyxl
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML
    _, cases = corpus
    t = time.perf_counter()
    with pytest.raises(Exception) as exc:
        openpyxl.load_workbook(cases["xml_bomb"].files[0], data_only=True)
    assert time.perf_counter() - t < 5.0
    chain, e = [], exc.value
    while e is not None:
        chain.append(type(e).__name__)
        e = e.__cause__ or e.__context__
    assert any("Entit" in n or "DTD" in n for n in chain), chain


def test_check_command_on_whole_corpus_prints_problems_without_traceback(corpus):
    out, cases = corpus
    files = sorted({str(f) for c in cases.values() for f in c.files})
    proc = subprocess.run(
        [sys.executable, "-m", "core", "check", "--quiet", *files],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=Path(__file__).parent.parent,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "错误：文件 negative_value.xlsx，工作表 指标数据，单元格 I6" in proc.stdout
    assert "xml_bomb.xlsx" in proc.stdout and "zip_bomb.xlsx" in proc.stdout
