"""Each page constructed alone on the demo data (a synchronous Session, no main window), shown,
and its main content checked against the session's data and results."""

from __future__ import annotations

import csv
import math

import pytest
from PySide6.QtCore import Qt

from core.kernel import CellStatus

REGION = "湖北省"


class FakeWindow:
    """What a page asks of its window: the UI language, status messages and workspace actions."""

    lang = "zh"

    def __init__(self):
        self.calls: list[str] = []
        self.messages: list[str] = []

    def show_message(self, text: str) -> None:
        self.messages.append(text)

    def show_error(self, exc, context: str) -> None:
        raise AssertionError(f"{context}: {exc}")

    def __getattr__(self, name: str):
        # import_paths, import_files_dialog, new_workspace, open_demo, …: record the call
        return lambda *args: self.calls.append(name)


@pytest.fixture
def demo(app_setup):
    """A session on the demo workspace with the index and the assessment computed (inline)."""
    from desktop.session import Session
    from desktop.settings import Settings

    session = Session(Settings(), synchronous=True)
    session.open_demo()
    assert session.result is not None and session.assessment is not None
    session.set_region(REGION)
    return session


def _page(qtbot, cls, session):
    window = FakeWindow()
    page = cls(session, window)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    if hasattr(page, "activate"):
        page.activate()
    return page, window


def test_import_page_shows_the_workspace_and_its_revisions(qtbot, demo):
    from desktop.pages.data_import import ImportPage

    page, window = _page(qtbot, ImportPage, demo)
    assert page.ws_name.text() == "演示工作区（示意数据）"
    assert (
        f"{len(demo.table):,} 个数值" in page.ws_info.text() and f"{len(demo.regions())} 个地区" in page.ws_info.text()
    )
    assert page.files.count() == len(demo.revisions) > 0
    page.drop.files_button.click()
    assert window.calls == ["import_files_dialog"]


def test_check_page_lists_values_filled_cells_and_problems(qtbot, demo):
    from desktop.pages.data_check import FIXED_COLS, CheckPage

    page, _ = _page(qtbot, CheckPage, demo)
    fw, res = demo.framework, demo.result
    assert page.table.rowCount() == len(fw.leaves) + 2
    assert page.summary.text().startswith(f"{REGION}：{sum(1 for o in demo.table if o.region == REGION)} 个数值")
    assert page.tabs.tabText(0) == f"问题 ({len(demo.problems) + len(demo.compute_problems)})"
    # every cell the engine filled is marked with its CellStatus, coloured and explained
    r = res.region_index(REGION)
    filled = [
        (n, t)
        for n in range(len(fw.leaves))
        for t in range(len(res.years))
        if res.status[r, n, t] in (CellStatus.ESTIMATE, CellStatus.INTERPOLATED)
    ]
    assert filled
    for n, t in filled:
        item = page.table.item(n, FIXED_COLS + page._years.index(res.years[t]))
        status = CellStatus(item.data(Qt.ItemDataRole.UserRole))
        assert status == res.status[r, n, t]
        assert ("预估值" if status is CellStatus.ESTIMATE else "插值") in item.toolTip()


def test_index_page_draws_the_figures_tree_and_sensitivity(qtbot, demo):
    from desktop.pages.index_page import IndexPage

    page, _ = _page(qtbot, IndexPage, demo)
    res = demo.result
    assert page.stack.currentWidget() is page.content
    assert [s.name for s in page.line.series][0] == "两创融合发展总指数" and len(page.line.series) == 5
    total = page.tree.topLevelItem(0)
    assert total.childCount() == len(demo.framework.pillars)
    latest = float(total.text(len(res.years)).rstrip("*~"))
    assert math.isclose(latest, res.series(REGION, "total")[res.years[-1]], abs_tol=0.06)
    page.lazy_tabs.select(page.recipe)  # hidden tabs are filled when first shown
    assert "几何插值" in page.recipe.text() and str(res.base_year) in page.recipe.text()
    page.lazy_tabs.select(page.sensitivity)
    assert "尚未运行" in page.sensitivity.summary.text()
    demo.run_sensitivity()
    assert page.oat_table.rowCount() == len(res.years) - 1
    assert page.sensitivity.summary.text().startswith(f"{REGION}：各权重 ±20% 时总指数最大变动")


def test_index_tree_marks_and_colours_estimated_cells(qtbot, demo):
    from desktop.pages.index_page import IndexPage

    res = demo.result
    hits = [
        (region, t)
        for region in res.regions
        for t, y in enumerate(res.years)
        if res.flag(region, "total", y) is CellStatus.ESTIMATE
    ]
    assert hits, "the demo data carry 2024 estimates (spec 01 §1.3: publication lags)"
    region, t = hits[0]
    demo.set_region(region)
    page, _ = _page(qtbot, IndexPage, demo)
    total = page.tree.topLevelItem(0)
    assert total.text(1 + t).endswith("*")
    assert "预估" in total.toolTip(1 + t)
    assert total.background(1 + t).color().name() != total.background(0).color().name()


def test_assessment_page_shows_the_region_verdicts(qtbot, demo):
    from desktop.pages.assessment_page import AssessmentPage

    page, _ = _page(qtbot, AssessmentPage, demo)
    assert REGION in page.headline.text()
    assert len(page.scatter.points) == len(demo.assessment.levels)
    assert [p.name for p in page.scatter.points if p.highlight] == [REGION]


def test_assessment_page_marks_a_borderline_verdict_and_shows_margin_and_shares_on_hover(qtbot, demo):
    from desktop.pages.assessment_page import AssessmentPage

    page, _ = _page(qtbot, AssessmentPage, demo)
    demo.set_region("江苏省")
    page.refresh()
    role = demo.assessment.regions["江苏省"].role
    assert role.borderline
    assert "临界" in page.v_role.grade.text() and "临界" in page.v_role.reason.text()
    tip = page.v_role.toolTip()
    assert f"{role.margin:+.4f}" in tip and "均衡协同型" in tip and "%" in tip
    demo.set_region("上海市")
    page.refresh()
    assert demo.assessment.regions["上海市"].momentum["total"].momentum < 100
    assert page.v_momentum.value.text() == "99.97" and "临界" in page.v_quadrant.reason.text()
    demo.set_region("江苏省")
    page.refresh()
    page.tabs.setCurrentIndex(2)  # 耦合与潜力 (hidden tabs are filled when first shown)
    stable = demo.assessment.regions["江苏省"].coupling
    assert not stable.borderline and "临界" not in page.coupling_reason.text()


def test_benchmark_page_ranks_the_region(qtbot, demo):
    from desktop.pages.benchmark_page import BenchmarkPage

    page, _ = _page(qtbot, BenchmarkPage, demo)
    assert page.v_rank.value.text().endswith(f"/ {len(demo.assessment.levels)}")
    assert page.rank_table.rowCount() == len(demo.assessment.levels)


def test_export_page_enables_what_exists_and_writes_the_csv(qtbot, demo, tmp_path):
    from desktop.pages.export_page import ExportPage

    page, window = _page(qtbot, ExportPage, demo)
    enabled = {k: b.isEnabled() for k, b in page.buttons.items()}
    assert enabled == {
        "index_csv": True,
        "report_charts": True,
        "index_json": True,
        "assessment_json": True,
        "sensitivity_json": False,
    }
    assert all(getattr(page, f"report_{f}").isEnabled() for f in ("docx", "pdf", "xlsx"))
    out = tmp_path / "index.csv"
    page.export_index_csv(str(out))
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    res = demo.result
    assert rows[0] == ["地区", "指标代码", "指标名称", "年份", "指数", "增速（%）", "标记"]
    assert len(rows) - 1 == len(res.regions) * len(res.codes) * len(res.years)
    assert window.messages[-1].endswith(str(tmp_path)) and page.last.text() == window.messages[-1]
    demo.run_sensitivity()
    assert page.buttons["sensitivity_json"].isEnabled()


@pytest.fixture
def opened(monkeypatch):
    from PySide6.QtGui import QDesktopServices

    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toLocalFile())))
    return urls


def test_export_page_writes_the_region_report_and_opens_its_folder(qtbot, demo, tmp_path, opened):
    from openpyxl import load_workbook

    from desktop.pages.export_page import ExportPage

    page, window = _page(qtbot, ExportPage, demo)
    assert page.region_combo.currentData() == REGION
    leftover = tmp_path / ".old.xlsx.k1ll3d.tmp"
    leftover.write_bytes(b"half a workbook")
    out = tmp_path / "报告.xlsx"
    page.export_report("xlsx", str(out))
    wb = load_workbook(out)
    assert "评估" in wb.sheetnames and len(wb["图表"]._charts) == 4
    assert opened == [str(tmp_path)] and page.open_button.isEnabled()
    assert not leftover.exists()  # a killed export's temporary file is cleaned on the next run
    assert not page.progress.isVisible() and page.task is None


def test_export_page_charts_for_reports_are_300_dpi_at_text_width(qtbot, demo, tmp_path, opened):
    from PySide6.QtGui import QImage

    from desktop.pages.export_page import ExportPage

    page, _ = _page(qtbot, ExportPage, demo)
    page.export_report_charts(str(tmp_path))
    files = sorted(tmp_path.glob("*.png"))
    assert len(files) == 5  # trend, pillars, quadrant, tile map, radar
    img = QImage(str(files[0]))
    assert img.width() == 1843 and round(img.dotsPerMeterX() * 0.0254) == 300


def test_export_page_refuses_to_overwrite_an_imported_file(qtbot, demo, tmp_path, opened):
    from desktop.pages.export_page import ExportPage
    from desktop.session.state import ImportRecord

    source = tmp_path / "data.xlsx"
    source.write_bytes(b"the user's data")
    demo.imports.append(ImportRecord([str(source)], 1, 0, 0))
    page, window = _page(qtbot, ExportPage, demo)
    errors = []
    demo.errorRaised.connect(lambda exc, title: errors.append(exc))
    page.export_report("xlsx", str(source))
    assert source.read_bytes() == b"the user's data"
    assert errors and "不能覆盖" in str(errors[0])


def test_check_page_renders_problems_in_the_ui_language(qtbot, demo, app_setup):
    from core.kernel import Problem, Severity, render
    from desktop import i18n
    from desktop.pages.data_check import CheckPage

    problem = Problem("term.yes", {}, Severity.WARNING, file="a.xlsx", cell="D7")
    demo.problems = (problem,)
    i18n.install(app_setup, "en")
    page, _ = _page(qtbot, CheckPage, demo)
    t = page.problems
    assert t.item(0, 0).text() == render("severity.warning", None, "en")
    assert t.item(0, 1).text() == problem.location("en") != problem.location("zh")
    assert t.item(0, 2).text() == problem.text("en")


def _column(table, col: int, role=None) -> list:
    return [
        table.item(r, col).data(role) if role is not None else table.item(r, col).text()
        for r in range(table.rowCount())
    ]


def test_sensitivity_tab_shows_core_sobol_indices_and_drop_one(qtbot, demo):
    from core.index import drop_one, prepare, sobol_indices
    from desktop.pages.index_page import IndexPage

    page, _ = _page(qtbot, IndexPage, demo)
    sp = page.sensitivity
    page.lazy_tabs.select(sp)  # hidden tabs are filled when first shown
    assert sp.sobol_table.rowCount() == 0 and sp.drop_table.rowCount() == 0
    demo.run_sobol()
    prepared = prepare(demo.table, demo.framework, demo.index_options())
    expected = sobol_indices(prepared, REGION)
    assert sp.sobol_table.rowCount() == len(expected.nodes)
    shown = {
        sp.sobol_table.item(r, 0).data(Qt.ItemDataRole.UserRole): (
            float(sp.sobol_table.item(r, 1).text()),
            float(sp.sobol_table.item(r, 2).text()),
        )
        for r in range(sp.sobol_table.rowCount())
    }
    for node, first, total in zip(expected.nodes, expected.first, expected.total, strict=True):
        assert shown[node] == (round(float(first), 3), round(float(total), 3))
    totals = [float(t) for t in _column(sp.sobol_table, 2)]
    assert totals == sorted(totals, reverse=True)  # largest total effect first
    demo.run_drop_one()
    drop = drop_one(prepared)
    r = drop.regions.index(REGION)
    assert sp.drop_table.rowCount() == len(drop.indicators)
    for row in range(sp.drop_table.rowCount()):
        i = drop.indicators.index(sp.drop_table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        change = 100.0 * (drop.dropped[i, r] / drop.nominal[r] - 1.0)
        assert sp.drop_table.item(row, 1).text() == f"{change:+.2f}%"
        assert int(sp.drop_table.item(row, 2).text()) == int(drop.rank_dropped[i, r])
        assert int(sp.drop_table.item(row, 3).text()) == int(drop.rank_nominal[r]) - int(drop.rank_dropped[i, r])
    assert f"排名第 {int(drop.rank_nominal[r])}" in sp.summary.text()


def test_assessment_audit_tab_shows_each_pillar_or_the_reason(qtbot, demo):
    import dataclasses

    from core.assessment import MIN_REGIONS, audit_levels
    from desktop.pages.assessment_page import AssessmentPage

    page, _ = _page(qtbot, AssessmentPage, demo)
    a, fw = demo.assessment, demo.framework
    assert len(a.levels) >= MIN_REGIONS  # the demo provinces
    expected = audit_levels(fw, a.levels, a.year)
    tab = page.audit
    page.tabs.setCurrentIndex(page.tabs.count() - 1)  # hidden tabs are filled when first shown
    assert set(tab.summaries) == set(fw.pillars)
    for pillar, pa in expected.pillars.items():
        assert f"α = {pa.cronbach_alpha:.3f}" in tab.summaries[pillar].text()
        heat = tab.heatmaps[pillar]
        assert heat.labels == pa.indicators
        assert heat.cell_text(0, 1) == f"{pa.pearson[0, 1]:.2f}"
        heat.grab()  # paints without error
    few = dataclasses.replace(a, levels=dict(list(a.levels.items())[: MIN_REGIONS - 1]))
    tab.show_region(few, None, fw, "zh")
    assert tab.heatmaps == {} and f"本次只有 {MIN_REGIONS - 1} 个" in tab.header.text()
