"""Round trips: generate each template, fill it with openpyxl, import, get exactly those values back."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.io.loading import load_data, read_file, read_files, same_value
from core.io.numbers import read_number
from core.io.template_reader import is_template_workbook, read_template_workbook
from core.io.template_writer import build_template, national_benchmark_values
from core.io.xlsx_safety import REFUSED_SUFFIXES, precheck_xlsx
from core.kernel import Cancelled
from core.kernel.problems import Severity
from core.model.observations import BASIS_GDP, BASIS_POPULATION, NATION

sys.path.insert(0, str(Path(__file__).parent))
from broken_corpus import YEARS, basis_value, cell_of, filled_region_workbook, known_value

ROOT = Path(__file__).parent.parent


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_region_round_trip_exact_values_and_provenance(tmp_path, framework):
    path = tmp_path / "江苏.xlsx"
    filled_region_workbook(framework, region="江苏省").save(path)
    before = _sha(path)
    res = read_template_workbook(path, framework)
    assert _sha(path) == before
    assert not [p for p in res.problems if p.severity is not Severity.INFO]
    got = {(o.region, o.indicator, o.year): o for o in res.observations}
    for code in framework.leaves:
        for y in YEARS:
            o = got[("江苏省", code, y)]
            assert o.value == known_value(framework, code, y)
            assert (o.provenance.file, o.provenance.sheet, o.provenance.cell) == (
                "江苏.xlsx",
                "指标数据",
                cell_of(framework, code, y),
            )
            assert o.unit == framework.nodes[code].unit
    assert got[("江苏省", BASIS_GDP, 2020)].value == basis_value(BASIS_GDP, 2020)
    assert got[("江苏省", BASIS_GDP, 2020)].provenance.cell == "F5"
    assert got[(NATION, BASIS_POPULATION, 2024)].value == basis_value(BASIS_POPULATION, 2024, nation=True)
    assert len(res.observations) == 27 * 6 + 4 * 6
    info = res.files[0]
    assert (info.kind, info.region, info.filled_by, info.phone, info.filled_on) == (
        "region",
        "江苏省",
        "张三",
        "025-12345678",
        "2025-03-01",
    )
    [ind] = res.industries
    assert (ind.region, ind.industry, ind.strategic, ind.location_quotient, ind.scores, ind.expert) == (
        "江苏省",
        "集成电路",
        True,
        1.4,
        (5, 4, 4, 5),
        "李四",
    )
    assert ind.provenance.cell == "B5"


def test_multi_round_trip_with_short_names(tmp_path, framework):
    wb = build_template(framework, YEARS, "multi", regions=["北京", "苏州市", "新疆"])
    ws = wb["指标数据"]
    for r in range(6, 6 + 81):
        for j, _y in enumerate(YEARS):
            ws.cell(row=r, column=8 + j, value=float(r) + j / 10)  # < 100, valid for % rows too
    path = tmp_path / "multi.xlsx"
    wb.save(path)
    res = read_template_workbook(path, framework)
    assert not res.has_errors(), [p.one_line() for p in res.errors]
    assert res.observations.regions()[:3] == ["北京市", "苏州市", "新疆维吾尔自治区"]
    codes = [p.code for p in res.problems]
    assert codes.count("region_name_mapped") == 4  # once per name and sheet (指标数据, 基础数据), not once per row
    assert [p.region for p in res.problems if p.code == "region_unknown"] == ["苏州市"]
    o = next(
        o for o in res.observations if o.region == "苏州市" and o.indicator == framework.leaves[0] and o.year == 2021
    )
    assert o.value == float(33) + 2 / 10 and o.provenance.cell == "J33"


def test_national_template_round_trip(tmp_path, framework):
    path = tmp_path / "national.xlsx"
    build_template(framework, YEARS, "national").save(path)
    res = read_template_workbook(path, framework)
    assert not res.has_errors(), [p.one_line() for p in res.errors]
    bench = {k: v for k, v in national_benchmark_values().items() if k[1] in YEARS}
    got = {(o.indicator, o.year): o.value for o in res.observations if o.region == NATION}
    assert got == bench


def test_committed_templates_import_empty_without_errors(framework):
    for kind in ("region", "multi"):
        res = read_template_workbook(ROOT / "templates" / f"{kind}.xlsx", framework)
        assert [o for o in res.observations if o.region != NATION] == []
    res = read_template_workbook(ROOT / "templates" / "region.xlsx", framework)
    assert [p.code for p in res.errors] == ["region_missing"]


@pytest.mark.parametrize(
    "raw, unit, fmt, expected, code",
    [
        ("33.3%", "%", None, 33.3, None),
        (0.333, "%", "0.0%", 33.3, None),
        ("１２，３４５．６", "件", None, 12345.6, None),
        ("  42 ", "亿元", None, 42.0, None),
        ("−3", "亿元", None, -3.0, None),
        ("—", "亿元", None, None, None),
        ("约 5", "亿元", None, None, "value_text"),
        ("5%", "亿元", None, None, "value_percent_sign"),
        ("1.2.3", "件", None, None, "value_text"),
        ("#N/A", "件", None, None, "value_excel_error"),
    ],
)
def test_read_number_rules(raw, unit, fmt, expected, code):
    r = read_number(raw, unit, fmt)
    assert r.value == expected
    assert (r.error.code if r.error else None) == code
    if expected is not None and isinstance(raw, str) and raw.strip() != str(expected):
        assert r.notes  # every conversion is listed
    for m in [*r.notes, *([r.error] if r.error else [])]:  # each renders from the catalogue in both languages
        assert not m.text("zh").startswith("[") and not m.text("en").startswith("[")


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False), st.booleans(), st.booleans())
def test_read_number_text_forms_are_exact(x, fullwidth, thousands):
    text = repr(x)
    if thousands and "e" not in text:
        whole, _, frac = text.partition(".")
        text = f"{int(whole):,}" + ("." + frac if frac else "")
    if fullwidth:
        text = text.translate(str.maketrans("0123456789.,", "０１２３４５６７８９．，"))
    r = read_number(text, "件")
    assert r.error is None and r.value == x and r.notes


def test_dispatch_templates_and_long_format_together(tmp_path, framework):
    t = tmp_path / "a.xlsx"
    filled_region_workbook(framework, region="浙江省").save(t)
    csv = tmp_path / "b.csv"
    csv.write_text("region,indicator,year,value\n安徽省,1.1.1,2019,3.5\n", encoding="utf-8")
    assert is_template_workbook(t) and not is_template_workbook(csv)
    table, problems = load_data([t, csv], framework)
    assert table.value("浙江省", "1.1.1", 2019) == known_value(framework, "1.1.1", 2019)
    assert table.value("安徽省", "1.1.1", 2019) == 3.5
    assert not [p for p in problems if p.severity is Severity.ERROR]


def test_compute_and_check_accept_template_workbooks(tmp_path, framework):
    t = tmp_path / "湖北.xlsx"
    filled_region_workbook(framework, region="湖北").save(t)

    def run(*a):
        return subprocess.run(
            [sys.executable, "-m", "core", *a], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120
        )

    p = run("compute", str(t))
    assert p.returncode == 0, p.stderr
    assert "湖北省" in p.stdout and "Traceback" not in p.stderr
    p = run("check", str(t))
    assert p.returncode == 0 and "已识别为“湖北省”" in p.stdout


def test_folder_import_progress_and_cancel(tmp_path, framework):
    folder = tmp_path / "cities"
    folder.mkdir()
    for i, name in enumerate(("南京市", "无锡市", "徐州市")):
        wb = filled_region_workbook(framework, region=name)
        wb.save(folder / f"{i}.xlsx")
    (folder / "~$0.xlsx").write_bytes(b"lock file")
    calls = []
    res = read_files([folder], framework, progress=lambda d, t, n: calls.append((d, t, n)))
    assert calls[0] == (0, 4, "0.xlsx") and calls[-1] == (4, 4, "")
    assert [(p.code, p.file, p.severity) for p in res.problems if p.code == "file_skipped"] == [
        ("file_skipped", "~$0.xlsx", Severity.INFO)
    ]  # the lock file is listed, not silently skipped
    assert sorted(res.observations.regions()) == sorted(["南京市", "无锡市", "徐州市", NATION])
    assert not res.has_errors()  # identical national basis rows in every file are not conflicts
    with pytest.raises(Cancelled):
        read_files([folder], framework, cancel=lambda: True)


def test_one_refusal_list_for_loading_and_the_safety_check(tmp_path, framework):
    for suffix in REFUSED_SUFFIXES:
        path = tmp_path / f"a{suffix}"
        path.write_bytes(b"\xd0\xcf\x11\xe0")
        assert [p.code for p in read_file(path, framework).problems] == ["file_type_refused"]
        assert [p.code for p in precheck_xlsx(path).problems] == ["file_type_refused"]
        assert suffix in read_file(path, framework).problems[0].text("en")


def test_same_value_tolerates_only_round_trip_noise():
    assert same_value(0.1 + 0.2, 0.3) and same_value(1e9, 1e9 * (1 + 1e-13))
    assert not same_value(1.0, 1.0 + 1e-9) and not same_value(0.0, 1e-300)
