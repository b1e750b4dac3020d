"""The real workflow on the offscreen platform: demo → import → check → index → sensitivity →
assessment → benchmark → export, language switch, errors, screenshots."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from conftest import wait_idle
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from core.kernel import render
from desktop import errors
from desktop.main_window import PAGE_IDS

REGION = "湖北省"


def test_demo_opens_with_the_workflow_visible(window):
    s = window.session
    steps = [window.steps.item(i).text() for i in range(window.steps.count())]
    assert steps == ["数据导入", "数据校验", "指数测算", "潜力与定位", "对标分析", "规划推演", "报告导出"]
    assert s.is_demo and len(s.table) > 1000
    regions = [window.region_combo.itemText(i) for i in range(window.region_combo.count())]
    assert REGION in regions and regions[-1] == "全国"  # the nation last
    assert s.result is not None and s.assessment is not None
    assert f"{len(s.table):,} 个数值" in window.workspace_label.text()


def test_check_page_table_matches_the_data_with_provenance(window, qtbot):
    s = window.session
    s.set_region(REGION)
    page = window.show_page("check")
    fw = s.framework
    assert page.table.rowCount() == len(fw.leaves) + 2  # 27 indicators + GDP + population
    row = fw.leaves.index("1.2.1")
    col = 3 + page._years.index(2020)
    expected = s.table.series(REGION, "1.2.1")[2020]
    text = page.table.item(row, col).text().replace(",", "")
    assert math.isclose(float(text), expected, rel_tol=1e-3)
    assert "demo-provinces.csv" in page.table.item(row, col).toolTip()
    assert (
        page.table.item(row, 1).text() == fw.nodes["1.2.1"].name("zh", regional=True) == "有效发明专利数量"
    )  # a province sees its own wording


def _filled_template(tmp_path, region, bump=1.0, name=None):
    from broken_corpus import filled_region_workbook

    from core.model.framework import load_framework

    fw = load_framework()
    wb = filled_region_workbook(fw, region=region)
    if bump != 1.0:
        ws = wb["指标数据"]
        for r in range(6, 6 + len(fw.leaves)):
            for c in range(7, 13):
                v = ws.cell(row=r, column=c).value
                if isinstance(v, (int, float)):
                    ws.cell(row=r, column=c, value=round(v * bump, 2))
    path = tmp_path / (name or f"{region}.xlsx")
    wb.save(path)
    return path


def test_import_filled_and_broken_templates_and_jump_to_a_problem(window, qtbot, tmp_path):
    s = window.session
    good = _filled_template(tmp_path, "河南省")
    window.import_paths([str(good)], into_demo=True)
    assert window.current_page_id == "check"
    wait_idle(qtbot, s)
    qtbot.waitUntil(lambda: s.assessment is not None and not s.runner.busy, timeout=20000)
    assert "河南省" in s.regions()
    assert any(o.region == "河南省" and o.provenance and o.provenance.cell for o in s.table)

    broken = _filled_template(tmp_path, "山西省", name="broken.xlsx")
    import openpyxl

    wb = openpyxl.load_workbook(broken)
    wb["指标数据"]["H8"] = "abc"  # text in a number cell
    wb.save(broken)
    window.import_paths([str(broken)], into_demo=True)
    wait_idle(qtbot, s)
    page = window.page("check")
    page.refresh()
    t = page.problems
    errors_shown = [[t.item(i, c).text() for c in range(3)] for i in range(t.rowCount())]
    bad = [row for row in errors_shown if "H8" in row[1]]
    assert bad, [row[1] for row in errors_shown]
    assert bad[0][0] == "错误" and "broken.xlsx" in bad[0][1]
    assert "山西省" not in s.regions()  # a file with errors is not imported
    # a problem that names a loaded region's cell → the table selects it
    assert page.jump_to(REGION, "2.1.1", 2021)
    assert s.region == REGION
    assert page.table.currentRow() == s.framework.leaves.index("2.1.1")
    assert page.table.model.headers[page.table.currentColumn()] == "2021"


def test_conflict_between_files_is_listed_and_resolved_here(window, qtbot, tmp_path):
    s = window.session
    window.import_paths([str(_filled_template(tmp_path, "河南省", name="a.xlsx"))], into_demo=True)
    wait_idle(qtbot, s)
    window.import_paths([str(_filled_template(tmp_path, "河南省", bump=1.1, name="b.xlsx"))], into_demo=True)
    wait_idle(qtbot, s)
    page = window.page("check")
    page.refresh()
    n = page.conflicts.rowCount()
    assert n > 0 and page.take_button.isEnabled()
    page.conflicts.select_cell(0, 0)
    c = page.conflicts.current_data(0)
    page.take_button.click()
    wait_idle(qtbot, s)
    page.refresh()
    assert page.conflicts.rowCount() == n - 1
    assert math.isclose(s.table.series(c.region, c.indicator)[c.year], c.incoming.value)


def test_index_page_charts_tree_and_region_switch(window, qtbot):
    s = window.session
    s.set_region(REGION)
    page = window.show_page("index")
    assert len(page.line.series) == 5  # total + four pillars
    assert len(page.line.plot.listDataItems()) >= 5
    total = page.tree.topLevelItem(0)
    years = s.result.years
    assert total.text(0) == "两创融合发展总指数"
    assert math.isclose(
        float(total.text(len(years)).rstrip("*~")), s.result.series(REGION, "total")[years[-1]], abs_tol=0.06
    )
    assert total.childCount() == 4
    assert len(page.bars.bars) == 3 and page.bars.categories == ["产业导向科研", "技术专利供给"]
    page.pillar_combo.setCurrentIndex(1)
    assert len(page.bars.categories) == 3  # 融合关键 has three sub-indicators
    # hover text names the year and every series
    tip = page.line.hover_text(years[-1] + 0.1)
    assert str(years[-1]) in tip and "融合基础" in tip
    # switching region through the header combo redraws everything
    window.region_combo.setCurrentText("广东省")
    assert s.region == "广东省"
    assert math.isclose(
        float(page.tree.topLevelItem(0).text(len(years)).rstrip("*~")),
        s.result.series("广东省", "total")[years[-1]],
        abs_tol=0.06,
    )
    # overlay two regions
    s.set_compare(["北京市", "江苏省"])
    assert len(page.line.series) == 7


def test_sensitivity_and_monte_carlo_bands_drawn(window, qtbot):
    s = window.session
    s.set_region(REGION)
    page = window.show_page("index")
    page.lazy_tabs.select(page.sensitivity)  # hidden tabs are filled when first shown
    page.oat_button.click()
    qtbot.waitUntil(lambda: s.sensitivity is not None, timeout=20000)
    assert page.oat_table.rowCount() == len(s.result.years) - 1
    assert page.oat_table.item(0, 1).text().endswith("%")
    s.settings.mc_draws = 300
    page.mc_button.click()
    qtbot.waitUntil(lambda: s.monte_carlo is not None, timeout=30000)
    wait_idle(qtbot, s)
    from pyqtgraph import FillBetweenItem

    fills = [i for i in page.line.plot.items if isinstance(i, FillBetweenItem)]
    assert len(fills) == 5  # a band for the total and each pillar
    ranked = [r for r in s.monte_carlo.regions if r != "全国"]  # the nation is never ranked
    assert "全国" in s.monte_carlo.regions and page.rank_table.rowCount() == len(ranked)
    assert "全国" not in [page.rank_table.item(i, 0).text() for i in range(page.rank_table.rowCount())]
    assert "5–95%" in page.line.caption.text()


def test_monte_carlo_can_be_cancelled(window, qtbot):
    s = window.session
    task = s.run_monte_carlo(draws=20000)
    window.cancel_tasks()
    with qtbot.waitSignal(task.done, timeout=30000, raising=False):
        pass
    wait_idle(qtbot, s)
    assert s.monte_carlo is None and task.is_cancelled


def test_assessment_page_shows_verdicts_with_reasons(window, qtbot):
    s = window.session
    s.set_region(REGION)
    page = window.show_page("assessment")
    ra = s.assessment.regions[REGION]
    assert REGION in page.headline.text()
    assert page.v_role.value.text() == ra.role.name and page.v_role.reason.text() == ra.role.reason.text()
    assert page.v_quadrant.value.text() == ra.quadrants["total"].name
    assert len(page.scatter.points) == len(s.assessment.levels)
    assert [p.name for p in page.scatter.points if p.highlight] == [REGION]
    assert page.radar.view.series[1][1] == [ra.level.nodes[p] for p in s.framework.pillars]
    for i in range(page.tabs.count()):  # hidden tabs are filled when first shown
        page.tabs.setCurrentIndex(i)
    assert page.gauge.view.value == pytest.approx(ra.coupling.d)
    assert page.coupling_reason.text() == ra.coupling.reason.text()
    assert page.partners.rowCount() > 0 and page.levers.rowCount() == len(ra.levers)
    assert page.industry_table.rowCount() == len(ra.industries)
    page.node_combo.setCurrentIndex(2)  # pillar 2
    assert "融合关键" in page.scatter.title.text()


def test_assessment_and_benchmark_pages_speak_the_interface_language(window, qtbot):
    s = window.session
    s.set_region(REGION)
    cjk = re.compile("[\u4e00-\u9fff]")
    window.set_language("en")
    try:
        page = window.show_page("assessment")
        ra = s.assessment.regions[REGION]
        assert page.headline.text() == ra.headline.text("en")
        assert page.v_role.value.text() == s.assessment.name(ra.role.name, "en") != ra.role.name
        assert page.v_role.reason.text() == ra.role.reason.text("en") and not cjk.search(page.v_role.reason.text())
        assert not cjk.search(page.v_quadrant.value.text() + page.coupling_reason.text())
        bench = window.show_page("benchmark")
        assert bench.v_gap.reason.text() and not cjk.search(bench.v_gap.reason.text().replace(REGION, ""))
    finally:
        window.set_language("zh")


def test_benchmark_page_any_node(window, qtbot):
    s = window.session
    s.set_region(REGION)
    page = window.show_page("benchmark")
    assert page.v_rank.value.text().endswith(f"/ {len(s.assessment.levels)}")
    page.node_combo.setCurrentIndex(page.node_combo.findData("1.2"))
    assert "1.2 技术专利供给" in page.chart.title.text()
    assert page.rank_table.rowCount() == len(s.assessment.levels)
    names = [sr.name for sr in page.chart.series]
    assert REGION in names and "全国可比序列" in names


def test_every_page_opens(window):
    for pid in PAGE_IDS:
        page = window.show_page(pid)
        area = window.stack.currentWidget().layout().itemAt(0).widget()  # the page's scroll area (1366×768)
        assert area.widget() is page
        assert window.page_title.text() == window.steps.item(PAGE_IDS.index(pid)).text()


def test_export_tables_and_charts(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from tests.gui.test_report_render import _gray, _legend_rect

    page = window.show_page("export")
    out = tmp_path / "index.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    page.buttons["index_json"].click()
    qtbot.waitUntil(lambda: page.task is None, timeout=30000)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert REGION in data["regions"] and data["base_year"] == window.session.result.base_year
    csv_path = tmp_path / "index.csv"
    page.export_index_csv(str(csv_path))
    qtbot.waitUntil(lambda: page.task is None, timeout=30000)
    lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "地区,指标代码,指标名称,年份,指数,增速（%）,标记" and len(lines) > 100
    a_path = tmp_path / "assessment.json"
    page.export_assessment_json(str(a_path))
    qtbot.waitUntil(lambda: page.task is None, timeout=30000)
    assert REGION in json.loads(a_path.read_text(encoding="utf-8"))["regions"]
    # any chart: the PNG is the whole chart as shown (size, content, legend), the SVG a vector file
    idx = window.show_page("index")
    png, svg = tmp_path / "f1.png", tmp_path / "f1.svg"
    assert idx.line.export_png(str(png))
    img, size = QImage(str(png)), idx.line.export_size()
    assert (img.width(), img.height()) == (2 * size.width(), 2 * size.height())
    plot = idx.line.view.geometry()
    inked = sum(
        _gray(img, 2 * x, 2 * y) < 200
        for x in range(plot.left(), plot.right(), 4)
        for y in range(plot.top(), plot.bottom(), 4)
    )
    assert inked > 50  # axes, lines and labels, not a blank image
    legend = _legend_rect(idx.line)
    dark = sum(
        _gray(img, 2 * x, 2 * y) < 200
        for x in range(legend.left(), legend.right(), 2)
        for y in range(legend.top(), legend.bottom(), 2)
    )
    assert legend.width() > 30 and dark > 20  # the legend is in the image
    idx.line.export_svg(str(svg))
    assert "<svg" in svg.read_text(encoding="utf-8")[:2000]
    radar_svg = tmp_path / "radar.svg"
    window.show_page("assessment").radar.export_svg(str(radar_svg))
    assert radar_svg.stat().st_size > 500


def test_report_export_on_a_worker_thread_can_be_cancelled(window, qtbot, tmp_path, monkeypatch):
    """All regions to Word on a real worker thread: cancelled at the first progress, no partial file left."""
    from PySide6.QtGui import QDesktopServices

    from desktop.pages.export_page import ALL

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    page = window.show_page("export")
    page.region_combo.setCurrentIndex(page.region_combo.findData(ALL))
    page.export_report("docx", str(tmp_path))
    assert page.task is not None and page.cancel_button.isVisible()
    page.task.progress.connect(lambda *a: page.cancel())
    qtbot.waitUntil(lambda: page.task is None, timeout=60000)
    written = list(tmp_path.glob("*.docx"))
    assert len(written) < len(window.session.regions())
    assert not list(tmp_path.glob(".*.tmp")) and not opened
    assert page.last.text() == render("report.gui.cancelled")


def test_json_export_runs_on_a_worker_thread_region_by_region(window, qtbot, tmp_path):
    """The assessment's JSON (tens of seconds at 3,000 regions) is a worker task: progress once per region; a
    cancel (Cancelled from progress) leaves no file, not even a partial one."""
    from core.kernel import Cancelled

    page = window.show_page("export")
    out = tmp_path / "assessment.json"
    page.export_assessment_json(str(out))
    assert page.task is not None and page.cancel_button.isVisible()
    seen = []
    page.task.progress.connect(lambda done, total, _: seen.append((done, total)))
    qtbot.waitUntil(lambda: page.task is None, timeout=60000)
    n = len(window.session.assessment.regions)
    assert json.loads(out.read_text(encoding="utf-8"))["regions"] and seen[-1] == (n - 1, n)

    def stop_at_third(done, total):
        if done == 2:
            raise Cancelled()

    stopped = tmp_path / "stopped.json"
    with pytest.raises(Cancelled):
        window.session.export_assessment_json(str(stopped), stop_at_third)
    assert not stopped.exists() and not list(tmp_path.glob(".*.tmp"))


def test_report_export_on_a_worker_thread_writes_a_pdf(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())))
    page = window.show_page("export")
    out = tmp_path / "report.pdf"
    page.export_report("pdf", str(out))
    qtbot.waitUntil(lambda: page.task is None, timeout=60000)
    assert out.read_bytes().startswith(b"%PDF") and opened == [str(tmp_path)]


def test_template_download(window, qtbot, tmp_path, monkeypatch):
    page = window.show_page("import")
    out = tmp_path / "模板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    page.template_kind.setCurrentIndex(page.template_kind.findData("national"))
    page.save_template()
    wait_idle(qtbot, window.session)
    import openpyxl

    assert "指标数据" in openpyxl.load_workbook(out).sheetnames


def test_drop_a_workbook_on_the_window_imports_it(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(window.workspace, "ask_demo_target", lambda: True)  # the user says: into the demo
    path = _filled_template(tmp_path, "河南省")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    ev = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(ev)
    wait_idle(qtbot, window.session)
    assert "河南省" in window.session.regions()


def test_language_switch_changes_labels_and_keeps_data(window, qtbot):
    s = window.session
    n = len(s.table)
    window.show_page("index")
    window.set_language("en")
    assert window.steps.item(0).text() == "Import"
    assert window.page_title.text() == "Index"
    assert window.page("index").line.title.text().startswith("Figure 1")
    assert window.settings.language == "en" and len(s.table) == n
    window.set_language("zh")
    assert window.steps.item(0).text() == "数据导入"


def test_settings_persist(app_setup):
    from desktop.settings import Settings

    a = Settings()
    a.gap_policy = "carry_forward"
    a.base_year = 2020
    a.add_recent("/x/a.lcws")
    b = Settings()
    assert (b.gap_policy, b.base_year, b.recent_files) == ("carry_forward", 2020, ["/x/a.lcws"])


def test_unexpected_error_is_logged_not_shown_as_traceback(window, tmp_path):
    window.show_error(RuntimeError("boom"), "测试")
    msg = errors.shown_messages[-1]
    assert "Traceback" not in msg and "desktop-errors.log" in msg
    log = (tmp_path / "logs" / "desktop-errors.log").read_text(encoding="utf-8")
    assert "RuntimeError: boom" in log


def test_input_error_shows_the_chinese_problems(app_setup):
    from core.kernel.problems import InputError, Problem

    msg, details = errors.describe(InputError([Problem("file_missing", {}, file="a.xlsx", cell="D7")]))
    assert "输入有问题" in msg and "单元格 D7" in details and "找不到文件" in details


def test_last_workspace_is_reopened(window, qtbot, app_setup, tmp_path):
    from desktop.main_window import MainWindow

    s = window.session
    target = tmp_path / "mine.lcws"
    s.save_workspace_as(str(target))
    assert window.settings.last_workspace == str(target)
    win2 = MainWindow(window.settings, lang="zh")
    qtbot.addWidget(win2)
    win2.open_initial()
    qtbot.waitUntil(lambda: win2.session.result is not None and not win2.session.runner.busy, timeout=20000)
    assert win2.session.workspace_path == str(target) and not win2.session.is_demo


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_option_renders_a_page(app_setup, tmp_path, lang):
    from PySide6.QtGui import QImage

    from desktop.app import main

    out = tmp_path / f"check-{lang}.png"
    assert main(["--screenshot", str(out), "--page", "check", "--demo", "--lang", lang]) == 0
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1440, 900)


def test_start_up_path_imports_no_heavy_module():
    """numpy, pyqtgraph, openpyxl and core beyond its light kernel stay out of the window's start-up path."""
    import subprocess
    import sys

    code = (
        "import sys, desktop.app, desktop.main_window, desktop.pages.data_import\n"
        "heavy = ('numpy', 'pyqtgraph', 'openpyxl')\n"
        "print(sorted(m for m in sys.modules if m in heavy or (m.startswith('core.') and not m.startswith('core.kernel'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=str(__import__("pathlib").Path(__file__).parents[2]),
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_settings_dialog_changes_policy_and_recomputes(window, qtbot, monkeypatch):
    from desktop.settings_dialog import SettingsDialog

    s = window.session
    monkeypatch.setattr(
        SettingsDialog, "exec", lambda self: (self.gap_policy.setCurrentIndex(1), self.draws.setValue(600), True)[-1]
    )
    window.open_settings()
    wait_idle(qtbot, s)
    assert window.settings.gap_policy == "carry_forward" and window.settings.mc_draws == 600
    assert s.result is not None and s.result.recipe.gap_policy == "carry_forward"


def test_real_data_never_mixes_with_the_demo_unless_the_user_says_so(window, qtbot, tmp_path, monkeypatch):
    s = window.session
    demo_regions = set(s.regions())
    path = str(_filled_template(tmp_path, "河南省"))
    monkeypatch.setattr(window.workspace, "ask_demo_target", lambda: None)  # 取消
    assert window.import_paths([path]) is None and s.is_demo and set(s.regions()) == demo_regions
    monkeypatch.setattr(window.workspace, "ask_demo_target", lambda: False)  # 新建工作区并导入（推荐）
    window.import_paths([path])
    wait_idle(qtbot, s)
    assert not s.is_demo and "河南省" in s.regions()
    assert not (demo_regions - {"全国"}) & set(s.regions())  # none of the demo's provinces came along
    assert "demo" not in Path(s.workspace_path).name


def test_the_demo_question_offers_a_new_workspace_first(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen = {}

    def fake_exec(box):
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["default"] = box.defaultButton().text()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert window.workspace.ask_demo_target() is None  # nothing clicked: nothing imported
    assert seen["default"].startswith("新建工作区") and any("演示工作区" in t for t in seen["buttons"])
