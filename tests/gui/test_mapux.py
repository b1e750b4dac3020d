"""Tile-grid map, help (F1, glossary, indicator tooltips, tour) and layout polish (issue 19)."""
# ruff: noqa: F811  (the `demo` fixture is imported from test_pages)

from __future__ import annotations

import struct

import pytest
from PySide6.QtCore import QPoint, Qt
from test_pages import REGION, _page, demo  # noqa: F401

pytestmark = pytest.mark.gui


def _png_size_and_dpi(data: bytes) -> tuple[int, int, float]:
    """(width, height, dots per inch) from a PNG's IHDR and pHYs chunks."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    pos, dpi = 8, 0.0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"pHYs":
            ppm_x, _, unit = struct.unpack(">IIB", data[pos + 8 : pos + 17])
            dpi = ppm_x * 0.0254 if unit == 1 else 0.0
        pos += 12 + length
    return width, height, dpi


def _tile_center(tilemap, region: str) -> QPoint:
    rect = tilemap.view.tile_rect(region)
    return rect.center().toPoint()


# ------------------------------------------------------------------------------ tile map


def test_tile_layout_places_every_province_once():
    from core.model import load_tile_grid, province_names

    grid = load_tile_grid()
    assert sorted(t.region for t in grid.tiles) == sorted(province_names())
    places = {(t.row, t.col) for t in grid.tiles}
    assert len(places) == len(grid.tiles)
    assert all(0 <= t.row < grid.rows and 0 <= t.col < grid.cols for t in grid.tiles)


def test_tile_map_click_selects_the_region_and_the_frame_follows(qtbot, demo):
    from desktop.pages.assessment_page import AssessmentPage

    page, _ = _page(qtbot, AssessmentPage, demo)
    tab = page.tilemap
    page.lazy_tabs.select(tab)
    tilemap = tab.map
    qtbot.waitUntil(lambda: tilemap.view.width() > 100)
    assert tilemap.view.spec.highlight == REGION
    other = next(r for r in tilemap.view.spec.x_labels if r != REGION)
    qtbot.mouseClick(tilemap.view, Qt.MouseButton.LeftButton, pos=_tile_center(tilemap, other))
    assert demo.region == other
    assert tilemap.view.spec.highlight == other
    assert REGION in page.headline.text() or other in page.headline.text()
    # a tile without data (西藏 is not in the demo) selects nothing
    qtbot.mouseClick(tilemap.view, Qt.MouseButton.LeftButton, pos=_tile_center(tilemap, "西藏自治区"))
    assert demo.region == other
    demo.set_region(REGION)  # selection made elsewhere: the frame follows
    assert tilemap.view.spec.highlight == REGION


def test_tile_map_colours_by_every_mode(qtbot, demo):
    from desktop.pages.assessment_page import AssessmentPage

    page, _ = _page(qtbot, AssessmentPage, demo)
    tab = page.tilemap
    page.lazy_tabs.select(tab)  # hidden tabs are created and filled when first shown
    seen = {}
    for i in range(tab.mode_combo.count()):
        tab.mode_combo.setCurrentIndex(i)
        spec = tab.map.view.spec
        seen[tab.mode_combo.currentData()] = spec
        assert set(spec.x_labels) <= set(demo.assessment.levels)
        assert REGION in spec.x_labels
    assert seen["group"].categories and not seen["level"].categories
    level = dict(zip(seen["level"].x_labels, seen["level"].series[0].values, strict=True))
    assert level[REGION] == pytest.approx(demo.assessment.levels[REGION].total)
    group = dict(zip(seen["group"].x_labels, seen["group"].series[0].values, strict=True))
    ra = demo.assessment.regions[REGION]
    assert seen["group"].categories[int(group[REGION])] == demo.assessment.name(ra.groups["total"].group, "zh")


def test_report_offers_the_tile_map_and_draws_it(tmp_path, demo):
    from core.report import ReportInputs, build_document
    from desktop.report_renderer import QtRenderer

    inputs = ReportInputs(demo.result, REGION, assessment=demo.assessment)
    figures = [f for f in build_document(inputs).figures if f.chart.kind == "tilemap"]
    assert len(figures) == 1 and figures[0].chart.highlight == REGION
    png = QtRenderer().chart_png(figures[0], 1843, 300)
    assert _png_size_and_dpi(png)[0] == 1843


# ------------------------------------------------------------------------------ polish


def test_disabled_button_looks_different(qtbot, app_setup):
    from PySide6.QtWidgets import QPushButton

    images = []
    for enabled in (True, False):
        b = QPushButton("导出")
        b.setObjectName("primary")
        qtbot.addWidget(b)
        b.resize(120, 32)
        b.setEnabled(enabled)
        b.show()
        images.append(b.grab().toImage())
    center = QPoint(8, 16)  # the face, beside the text
    assert images[0].pixelColor(center) != images[1].pixelColor(center)
    assert images[1].pixelColor(center).saturation() < 40  # grey, not the primary blue


def test_empty_industries_chart_shows_a_hint_instead_of_axes(qtbot, demo):
    from desktop.pages.assessment_page import AssessmentPage

    demo.set_region("上海市")  # the demo has no industry scores for 上海市
    page, _ = _page(qtbot, AssessmentPage, demo)
    page.lazy_tabs.select(page.industries)  # hidden tabs are filled when first shown
    chart = page.industry_scatter
    assert chart.is_empty and chart.view.isHidden()
    assert "主导产业" in chart.hint.text()
    demo.set_region(REGION)  # 湖北省 has them: the plot comes back
    assert not chart.is_empty and not chart.view.isHidden()


def test_empty_workspace_shows_no_region_of_the_demo(window, qtbot, tmp_path):
    s = window.session
    assert s.region
    s.new_workspace(str(tmp_path / "empty.lcws"))
    qtbot.waitUntil(lambda: not s.runner.busy and (s.table is not None and len(s.table) == 0), timeout=20000)
    assert s.region == ""
    assert window.region_combo.count() == 0 and window.region_combo.currentText() == ""


def test_chart_export_preset_for_reports_is_a4_text_width_at_300_dpi(qtbot, demo, tmp_path):
    from desktop.pages.assessment_page import AssessmentPage

    page, _ = _page(qtbot, AssessmentPage, demo)
    size_before = page.scatter.size()
    path = tmp_path / "quadrant.png"
    page.scatter.export_report_png(str(path))
    width, _, dpi = _png_size_and_dpi(path.read_bytes())
    assert width == round(15.6 / 2.54 * 300) == 1843
    assert dpi == pytest.approx(300, abs=0.5)
    labels = [a.text() for a in page.scatter.tools.menu().actions()]
    assert any("300 dpi" in t for t in labels)
    qtbot.waitUntil(lambda: page.scatter.size() == size_before)


# ------------------------------------------------------------------------------ help


def test_f1_opens_help_for_the_current_page(window, qtbot):
    from PySide6.QtGui import QAction, QKeySequence

    for pid, words in (("benchmark", "对标分析"), ("assessment", "潜力与定位")):
        window.show_page(pid)
        action = next(a for a in window.menuBar().findChildren(QAction) if a.shortcut() == QKeySequence("F1"))
        action.trigger()
        dlg = window.help_dialog
        assert dlg.isVisible() and dlg.page == pid
        assert words in dlg.page_text.toPlainText()
    glossary = dlg.glossary.toPlainText()
    assert "融合水平" in glossary and "领先型 ≥ 125" in glossary
    dlg.close()


def test_glossary_reads_its_thresholds_from_the_configuration(app_setup):
    from dataclasses import replace

    from core.assessment import load_config
    from desktop.help import glossary_html

    cfg = load_config()
    assert "离散度 &lt; 0.15" in glossary_html(cfg, "zh")
    edited = replace(cfg, balanced_spread=0.2, cosine_threshold=0.85)
    html = glossary_html(edited, "zh")
    assert "离散度 &lt; 0.2" in html and "余弦相似度 &gt; 0.85" in html


def test_every_indicator_has_a_tooltip_with_definition_unit_and_source(qtbot, demo, app_setup):
    from PySide6.QtWidgets import QTreeWidget

    from desktop.help import indicator_tooltip
    from desktop.pages.assessment_page import AssessmentPage
    from desktop.pages.benchmark_page import BenchmarkPage
    from desktop.pages.index_page import IndexPage

    fw = demo.framework
    for code in fw.codes:
        if fw.nodes[code].is_leaf:
            for lang in ("zh", "en"):
                tip = indicator_tooltip(fw, code, lang)
                node = fw.nodes[code]
                assert node.unit_label(lang) in tip and node.source_label(lang) in tip
    page, _ = _page(qtbot, BenchmarkPage, demo)
    combo = page.node_combo
    leaf = next(i for i in range(combo.count()) if fw.nodes[combo.itemData(i)].is_leaf)
    assert "来源" in combo.itemData(leaf, Qt.ItemDataRole.ToolTipRole)
    page, _ = _page(qtbot, IndexPage, demo)
    trees = [t for t in page.findChildren(QTreeWidget) if t.topLevelItemCount()]
    assert trees
    items, stack = [], [trees[0].topLevelItem(i) for i in range(trees[0].topLevelItemCount())]
    while stack:
        it = stack.pop()
        items.append(it)
        stack.extend(it.child(i) for i in range(it.childCount()))
    leaves = [it for it in items if fw.nodes[it.data(0, Qt.ItemDataRole.UserRole)].is_leaf]
    assert leaves and all("单位" in it.toolTip(0) and "来源" in it.toolTip(0) for it in leaves)
    page, _ = _page(qtbot, AssessmentPage, demo)  # strongest and weakest indicators
    page.lazy_tabs.select(page.boards)  # hidden tabs are filled when first shown
    for table in (page.boards.strengths, page.boards.weaknesses):
        assert table.rowCount() and all("来源" in table.item(r, 0).toolTip() for r in range(table.rowCount()))


def test_tour_is_skippable_and_dont_show_again_is_saved(window, qtbot):
    from desktop.tour import should_show

    assert not should_show(window.settings)  # never under tests
    tour = window.show_tour()
    assert window.current_page_id == "import"
    tour.next.click()
    assert window.current_page_id == "check"
    tour.dont_show.setChecked(True)
    tour.skip.click()
    assert not tour.isVisible() and window.settings.show_tour is False
