"""Layout and table polish: problems, conflicts and import history in the shared table (TSV copy with
headers), titled assessment tables (export file names), indicator tooltips in the sensitivity tables,
the English glossary without Chinese, the searchable overlay menu and legends that fit their chart."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication
from test_pages import REGION, _page, demo  # noqa: F401 - demo is the pages' fixture

from core.kernel import Problem, Severity

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_copying_the_problems_table_gives_tsv_with_headers(qtbot, demo):  # noqa: F811
    from desktop.pages.data_check import CheckPage

    problem = Problem("term.yes", {}, Severity.WARNING, file="a.xlsx", cell="D7")
    demo.problems = (problem,)
    page, _ = _page(qtbot, CheckPage, demo)
    page.refresh()
    table = page.problems
    assert table.rowCount() >= 1 and table.title == "问题"
    table.copy(selected_only=False)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == ["类别", "位置", "说明"]
    row = next(line.split("\t") for line in lines[1:] if "D7" in line)
    assert row[2] == " ".join(problem.text("zh").split()) and len(row) == 3
    assert table.row_data(0) in page.all_problems()  # each row keeps its Problem (jump, exclusion)


def test_problem_selection_drives_the_exclusion_buttons(qtbot, demo):  # noqa: F811
    from desktop.pages.data_check import CheckPage

    blocking = Problem("term.yes", {}, Severity.ERROR, region=REGION, indicator=demo.framework.leaves[0])
    demo.problems = (blocking,)
    page, _ = _page(qtbot, CheckPage, demo)
    page.refresh()
    assert not page.exclusion_bar.exclude_button.isEnabled()  # nothing selected yet
    row = next(i for i in range(page.problems.rowCount()) if page.problems.row_data(i) is blocking)
    page.problems.select_cell(row, 0)
    assert page.exclusion_bar.selected() == (REGION, demo.framework.leaves[0])
    assert page.exclusion_bar.exclude_button.isEnabled()


def test_import_history_is_a_shared_table(qtbot, demo):  # noqa: F811
    from desktop.pages.data_import import ImportPage
    from desktop.pages.tables import DataTable

    page, _ = _page(qtbot, ImportPage, demo)
    assert isinstance(page.history, DataTable) and page.history.title
    assert page.history.tsv().splitlines()[0].split("\t") == ["文件", "数值", "问题", "错误"]


def test_assessment_tables_have_titles_for_their_export_file_names(qtbot, demo):  # noqa: F811
    from desktop.pages.assessment_page import AssessmentPage
    from desktop.pages.tables import DataTable

    page, _ = _page(qtbot, AssessmentPage, demo)
    for i in range(page.tabs.count()):  # hidden tabs are created when first shown: create them all
        page.lazy_tabs.build(i)
    tables = page.findChildren(DataTable)
    assert len(tables) >= 8
    untitled = [t.model.headers for t in tables if not t.title]
    assert not untitled
    assert page.boards.strengths.title == "优势指标（得分最高）"


def test_sensitivity_tables_show_the_indicator_tooltip(qtbot, demo):  # noqa: F811
    from desktop.help import indicator_tooltip
    from desktop.pages.index_page import IndexPage

    page, _ = _page(qtbot, IndexPage, demo)
    demo.run_sensitivity()
    demo.run_drop_one()
    page.refresh()
    sp = page.sensitivity
    page.lazy_tabs.select(sp)  # hidden tabs are filled when first shown
    assert sp.views.count() == 4
    drop = sp.drop_table
    assert drop.rowCount() == len(demo.framework.leaves)
    code = drop.row_data(0)
    assert drop.item(0, 0).toolTip() == indicator_tooltip(demo.framework, code, "zh") != ""
    cause = sp.oat_table.item(0, 2).toolTip()
    assert cause and "定义" in cause or "包含" in cause


def test_english_glossary_shows_no_chinese(app_setup):
    from core.assessment import load_config
    from desktop import i18n
    from desktop.help import glossary_html

    cfg = load_config()
    assert "(Fusion index)" in glossary_html(cfg, "zh")  # Chinese shows the English term beside it
    i18n.install(app_setup, "en")
    html = glossary_html(cfg, "en")
    assert "Fusion index" in html and not CJK.findall(html)


def test_overlay_menu_is_searchable_and_capped(qtbot, demo):  # noqa: F811
    from desktop.shell.header import COMPARE_SHOWN, Header

    header = Header(demo)
    qtbot.addWidget(header)
    regions = [f"城市{i:03d}" for i in range(320)]
    header.update_regions(regions)
    visible = [a for a in header.compare_actions if a.isVisible()]
    assert len(visible) == COMPARE_SHOWN and header.compare_more.isVisible()
    assert "295" in header.compare_more.text()
    header.compare_search.setText("城市31")
    found = [a.data() for a in header.compare_actions if a.isVisible()]
    assert found == [f"城市31{i}" for i in range(10)] and not header.compare_more.isVisible()
    chosen = []
    demo.set_compare = chosen.append  # the header hands the checked regions to the session
    header.compare_actions[310].setChecked(True)  # checked regions always stay listed
    header.compare_search.setText("城市00")
    assert header.compare_actions[310].isVisible()
    assert chosen == [["城市310"]]


def test_a_narrow_line_chart_wraps_its_legend_within_the_view(qtbot, app_setup):
    from desktop.charts.plots import LineChart, Series

    chart = LineChart("t")
    qtbot.addWidget(chart)
    names = ["Fusion index (total) 5–95% band", "Fusion index (total)", "Foundation", "Key", "Pathway",
             "Efficacy", "Beijing Fusion index (total)", "Sichuan Fusion index (total)"]  # fmt: skip
    chart.set_data([Series(n, [2019, 2020], [100, 110], "#336699") for n in names], x_ticks=[2019, 2020])
    chart.resize(470, 420)
    chart.show()
    qtbot.waitExposed(chart)
    legend = chart.plot.legend
    assert legend.columnCount == 2
    assert legend.layout.minimumWidth() <= chart.view.width()
    assert chart.view.minimumHeight() >= 150 + 4 * 26  # the plot keeps its height above four legend rows
