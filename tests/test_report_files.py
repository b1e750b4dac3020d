"""Reports opened as a user's program would: every number equals the result objects."""

from __future__ import annotations

import dataclasses

import pytest
from docx import Document as open_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl import load_workbook

from core.index import compute_index, one_at_a_time
from core.kernel.messages import render
from core.kernel.problems import Problem
from core.model.framework import ROOT, load_framework
from core.model.observations import ObservationTable
from core.report.builder import ReportInputs, build_document
from core.report.document import Paragraph
from core.report.docx_writer import TEXT_WIDTH_MM, write_docx
from core.report.neutral import neutralise
from core.report.xlsx_writer import write_xlsx
from tests.conftest import constant_growth_table
from tests.report_fixtures import demo_inputs

SECTIONS = (
    "摘  要", "一、总体情况", "二、分维度分析", "三、对标分析", "四、融合潜力与功能定位", "五、协同与路径建议",
    "附  录", "附录一", "附录二", "附录三", "附录四",
)  # fmt: skip


@pytest.fixture(scope="module")
def document():
    return build_document(demo_inputs())


@pytest.fixture(scope="module")
def docx_file(document, tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    write_docx(document, path, no_image_note="（无图）")
    return open_docx(str(path))


@pytest.fixture(scope="module")
def workbook(document, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    write_xlsx(document, path)
    return load_workbook(path)


def test_document_has_every_section_and_numbered_captions(document):
    texts = [h.text for h in document.headings]
    for title in SECTIONS:
        assert any(t.startswith(title) for t in texts), title
    assert [t.number for t in document.tables] == list(range(1, len(document.tables) + 1))
    assert [f.caption[:3] for f in document.figures] == ["图 1", "图 2", "图 3", "图 4", "图 5"]
    assert [f.chart.kind for f in document.figures] == ["line", "bars", "scatter", "tilemap", "radar"]
    assert document.tables[0].caption.startswith("表 1  ")


def test_summary_numbers_are_the_results(document):
    inputs = demo_inputs()
    r, y = inputs.result, inputs.result.latest_year
    summary = " ".join(b.text for b in document.blocks[1:4])
    assert f"{r.value('江苏省', ROOT, y):.1f}" in summary
    assert f"{r.value('全国', ROOT, y):.1f}" in summary
    assert f"{r.growth_series('江苏省', ROOT)[y]:.2f}%" in summary


def _docx_tables(d):
    return [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]


def test_docx_total_table_equals_the_index(docx_file):
    r = demo_inputs().result
    table = _docx_tables(docx_file)[0]
    for row, y in zip(table[1:], r.years, strict=True):
        assert row[0] == str(y)
        flag = r.flag("江苏省", ROOT, y)
        assert row[1] == f"{r.value('江苏省', ROOT, y):.1f}" + (flag.mark if flag else "")


def test_docx_verdict_tables_equal_the_assessment(docx_file, document):
    """Table 6 (levels, groups, momenta, quadrants) and the coupling row hold the assessment's numbers."""
    a = demo_inputs().assessment
    ra = a.regions["江苏省"]
    tables = _docx_tables(docx_file)
    verdicts = tables[
        [t.caption for t in document.tables].index(next(c.caption for c in document.tables if "分组" in c.caption))
    ]
    for row, code in zip(verdicts[1:], ra.groups, strict=True):
        g, m, q = ra.groups[code], ra.momentum[code], ra.quadrants[code]
        assert row[1:4] == [f"{g.level:.1f}", a.name(g.group), f"{m.momentum:.1f}"]
        assert row[5] == a.name(q.name)
    coupling = next(t for t, c in zip(tables, document.tables, strict=True) if "耦合协调度" in c.caption)
    assert coupling[1][6] == f"{ra.coupling.d:.3f}" and f"{ra.coupling.d:.3f}" in ra.coupling.reason.text()
    text = "\n".join(p.text for p in docx_file.paragraphs)
    for verdict in (ra.role.reason, ra.coupling.reason, ra.potential.reason, ra.partners.sentence):
        assert verdict.text() in text


def test_robustness_appendix_only_when_verdicts_carry_margins(document):
    ra = demo_inputs().assessment.regions["江苏省"]
    has = any(hasattr(v, "margin") for v in (ra.role, ra.coupling, *ra.groups.values(), *ra.quadrants.values()))
    titles = [h.text for h in document.headings]
    assert any(t.startswith("附录五") for t in titles) == has


def test_docx_uses_heading_styles_and_east_asian_fonts(docx_file):
    styles = {p.style.name for p in docx_file.paragraphs if p.text.startswith(SECTIONS)}
    assert {"Heading 1", "Heading 2"} <= styles
    for name, font in (("Heading 1", "黑体"), ("Heading 2", "楷体"), ("Normal", "仿宋")):
        rfonts = docx_file.styles[name].element.rPr.find(qn("w:rFonts"))
        assert rfonts.get(qn("w:eastAsia")) == font
        assert rfonts.get(qn("w:eastAsiaTheme")) is None and rfonts.get(qn("w:asciiTheme")) is None


def test_docx_page_is_a4_with_gb9704_margins_and_page_numbers(docx_file):
    s = docx_file.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [37, 35, 28, 26]
    assert "PAGE" in "".join(el.text or "" for el in s.footer._element.iter(qn("w:instrText")))


def test_docx_tables_fit_the_text_width(docx_file):
    for table in docx_file.tables:
        total = sum(col.width for col in table.columns)
        assert abs(total - Mm(TEXT_WIDTH_MM)) < Mm(1)


def test_xlsx_has_chinese_sheets_native_charts_and_exact_values(workbook):
    r = demo_inputs().result
    assert workbook.sheetnames == ["指数", "增速", "评估", "图表", "数据", "敏感性", "数据问题"]
    ws = workbook["指数"]
    assert [c.value for c in ws[2][:3]] == ["代码", "指标", str(r.base_year)]
    assert ws.freeze_panes == "C3"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    total_row = [c.value for c in ws[3]]
    assert total_row[2:] == pytest.approx(
        [r.value("江苏省", ROOT, y) for y in r.years], rel=1e-14
    )  # xlsx stores 15 digits
    charts = workbook["图表"]._charts
    assert [type(c).__name__ for c in charts] == ["LineChart", "BarChart", "ScatterChart", "RadarChart"]
    assert all(c.x_axis.delete is False and c.y_axis.delete is False for c in charts)


def test_xlsx_keeps_marks_as_number_formats(workbook):
    r = demo_inputs().result
    ws = workbook["指数"]
    y = r.latest_year
    cell = ws.cell(3, 3 + len(r.years) - 1)
    flag = r.flag("江苏省", ROOT, y)
    assert isinstance(cell.value, float)
    assert cell.number_format.endswith(f'"{flag.mark}"') if flag else '"' not in cell.number_format


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx"])
def test_a_region_named_like_a_formula_stays_text(tmp_path, name):
    fw = load_framework()
    table = constant_growth_table(fw, regions=(name,))
    result = compute_index(table, fw)
    problem = Problem("report.problems.none", {}, region=name)
    document = build_document(ReportInputs(result, name, problems=(problem,), observations=table))
    write_xlsx(document, tmp_path / "r.xlsx")
    wb = load_workbook(tmp_path / "r.xlsx")
    seen = 0
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and name in c.value:
                    assert c.data_type == "s"
                    seen += 1
                    if c.value.startswith(name[0]):
                        assert c.quotePrefix
    assert seen >= 2


def test_neutralise_for_csv():
    assert [neutralise(t) for t in ("=1", "+1", "-1", "@a", "\tb", "\rc", "江苏", "")] == [
        "'=1",
        "'+1",
        "'-1",
        "'@a",
        "'\tb",
        "'\rc",
        "江苏",
        "",
    ]


def test_a_region_not_in_the_result_is_refused():
    with pytest.raises(KeyError):
        build_document(dataclasses.replace(demo_inputs(), region="火星"))


def _paragraphs(document) -> str:
    return " ".join(b.text for b in document.blocks if isinstance(b, Paragraph))


def test_nation_report_says_why_it_compares_no_macro_regions():
    document = build_document(dataclasses.replace(demo_inputs(), region="全国"))
    text = _paragraphs(document)
    assert render("report.benchmark.nation_no_macro") in text
    assert render("report.assess.nation_is_reference") in text  # 四 and 五 say why they give no verdicts
    texts = [h.text for h in document.headings]
    for title in SECTIONS:
        assert any(t.startswith(title) for t in texts), title


def test_nation_only_data_give_an_index_report_with_sensitivity():
    """Only 全国 in the data: total, pillars, sub-indicators and sensitivity, like the CAICT report."""
    fw = load_framework()
    table = constant_growth_table(fw, regions=("全国",))
    result = compute_index(table, fw)
    document = build_document(ReportInputs(result, "全国", one_at_a_time=one_at_a_time(table, fw), observations=table))
    pillar_rows = document.tables[1].rows
    assert [r[0].value for r in pillar_rows] == [
        fw.label(c, "zh", regional=False) for p in fw.pillars for c in (p, *fw.children(p))
    ]
    assert pillar_rows[0][1].value == pytest.approx(result.value("全国", fw.pillars[0], result.latest_year))
    assert render("report.summary.national_alone") in _paragraphs(document)
    assert any(t.caption.startswith("表") and t.sheet == "sensitivity" for t in document.tables)


def test_nation_report_compares_the_macro_regions_in_the_data():
    fw = load_framework()
    nation = constant_growth_table(fw, regions=("全国",), rate=1.05)
    east = constant_growth_table(fw, regions=("东部",), rate=1.08)
    table = ObservationTable([*nation.rows, *east.rows])
    result = compute_index(table, fw)
    document = build_document(ReportInputs(result, "全国", observations=table))
    macro = next(t for t in document.tables if t.caption.endswith(render("report.table.nation_macro", {"year": 2024})))
    y = result.latest_year
    assert [r[0].value for r in macro.rows] == ["全国", "东部"]
    diff = result.value("东部", ROOT, y) - result.value("全国", ROOT, y)
    assert macro.rows[1][3].value == pytest.approx(diff) and diff > 0


def test_english_report_is_english():
    document = build_document(dataclasses.replace(demo_inputs(), lang="en"))
    texts = [h.text for h in document.headings] + [t.caption for t in document.tables] + list(document.title.lines)
    texts += [c.header for t in document.tables for c in t.columns] + [
        s.name for f in document.figures for s in f.chart.series
    ]
    tables = (*document.tables, *document.workbook)
    texts += [c.value for t in tables for row in t.rows for c in row if isinstance(c.value, str)]
    texts += [b.text for b in document.blocks if isinstance(b, Paragraph)] + [n for t in tables for n in t.notes]
    texts += [label for f in document.figures for label in f.chart.x_labels]
    entered = {x for o in demo_inputs().observations for x in (o.source, o.note) if x}  # typed beside the values
    assert not [t for t in texts if t not in entered and any("\u4e00" <= ch <= "\u9fff" for ch in t)]
    assert document.tables[0].caption.startswith("Table 1. ")
    assert "Jiangsu" in document.title.lines[0] or any("Jiangsu" in t for t in texts)  # a province's English name


def test_formula_like_sources_notes_and_peer_names_stay_text_in_xlsx(tmp_path):
    """Sources and 备注 from input, and a peer's name in the assessment sheet, are strings, never formulas."""
    from core.assessment import assess
    from core.io.loading import load_data_strict
    from tests.report_fixtures import DEMO

    fw = load_framework()
    rows = load_data_strict([DEMO], fw).observations.rows
    peer, source, note = "=湖北省", "=cmd|' /C calc'!A0", "@SUM(1+1)"
    rows = [
        dataclasses.replace(
            o,
            region=peer if o.region == "湖北省" else o.region,
            source=source if o.region == "江苏省" else o.source,
            note=note if o.region == "江苏省" else o.note,
        )
        for o in rows
    ]
    table = ObservationTable(rows)
    inputs = ReportInputs(compute_index(table, fw), "江苏省", observations=table, assessment=assess(table, fw))
    write_xlsx(build_document(inputs), tmp_path / "r.xlsx")
    wb = load_workbook(tmp_path / "r.xlsx")
    found = dict.fromkeys((peer, source, note), 0)
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value in found:
                    assert c.data_type == "s" and c.quotePrefix, (ws.title, c.coordinate, c.value)
                    found[c.value] += 1
    assert all(found.values()), found
    assert any(ws.title == "评估" for ws in wb)


def test_method_appendix_includes_the_coherence_audit(docx_file, document):
    from core.assessment import MIN_REGIONS, audit_levels

    inputs = demo_inputs()
    a, fw = inputs.assessment, inputs.result.framework
    expected = audit_levels(fw, a.levels, a.year)
    assert expected.reason is None and len(expected.regions) >= MIN_REGIONS
    paragraphs = [p.text for p in docx_file.paragraphs]
    method = paragraphs.index(next(t for t in paragraphs if t.startswith("附录二")))
    following = "\n".join(paragraphs[method:])
    assert f"在 {len(expected.regions)} 个地区 {a.year} 年的指标得分上" in following
    for pillar, pa in expected.pillars.items():
        line = f"{fw.label(pillar, 'zh', regional=True)}：α = {pa.cronbach_alpha:.3f}，第一主成分方差占比"
        assert any(t.startswith(line) for t in paragraphs), line
        for flag in pa.flags:
            assert flag.text("zh") in following
    few = dataclasses.replace(a, levels=dict(list(a.levels.items())[: MIN_REGIONS - 1]))
    texts = [
        b.text for b in build_document(dataclasses.replace(inputs, assessment=few)).blocks if isinstance(b, Paragraph)
    ]
    reason = render("audit.too_few_regions", {"count": MIN_REGIONS - 1, "minimum": MIN_REGIONS}, "zh")
    assert "统计一致性检验：" + reason in texts


def test_docx_table_cells_are_written_as_python_docx_writes_them(tmp_path):
    """The table writer builds cells with lxml directly; each run is python-docx's own for that text."""
    from docx import Document as new_docx
    from lxml import etree

    from core.report.document import Cell, Column, Document, Table, TitlePage

    texts = ["plain", "", " lead", "trail ", "a\tb", "two\nlines", "cr\rx", "<&>\"'", "全角\u3000", "=SUM(A1)"]
    table = Table(
        1, "表 1  特殊文字", (Column("名称"), Column("数值", "index")), tuple((Cell(t), Cell(1.25)) for t in texts)
    )
    title = TitlePage("t", "r", 2024, "f", "id", "1", "v", "2024-01-01")
    path = tmp_path / "cells.docx"
    write_docx(Document(title, (table,), toc=False), path)
    written = open_docx(str(path)).tables[0]
    reference = new_docx().add_table(rows=1, cols=1).rows[0].cells[0].paragraphs[0]
    for text, row in zip(texts, written.rows[1:], strict=True):
        expected = etree.tostring(reference.add_run(text)._r)
        assert etree.tostring(row.cells[0].paragraphs[0]._p.r_lst[0]) == expected, repr(text)
        assert row.cells[1].text == f"{1.25:.1f}"  # an index prints one decimal
        assert row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert row.cells[0].paragraphs[0].style.name == "Table Text"
    header = written.rows[0]
    assert [c.text for c in header.cells] == ["名称", "数值"]
    assert header.cells[0].paragraphs[0].style.name == "Table Header"
    assert header._tr.trPr.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
