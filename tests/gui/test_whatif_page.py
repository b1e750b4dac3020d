"""规划推演 page (issue 20), driven with pytest-qt: alone on a synchronous session, and in the main window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import wait_idle
from tests.gui.test_pages import _page

REGION = "江苏省"


@pytest.fixture
def jiangsu(app_setup):
    from desktop.session import Session
    from desktop.settings import Settings

    session = Session(Settings(), synchronous=True)
    session.open_demo()
    session.set_region(REGION)
    return session


def _filled(qtbot, session):
    """The page shown and filled: its baseline's worker starts once the frame is on screen."""
    from desktop.pages.whatif_page import WhatIfPage

    page, _ = _page(qtbot, WhatIfPage, session)
    qtbot.waitUntil(page.filled, timeout=30000)
    return page


def test_the_frame_shows_before_anything_is_computed(qtbot, jiangsu, monkeypatch):
    """Switching to the page builds its frame only: the baseline and projection run once the frame is on
    screen (on a worker in the app), the chart comes with the first projection; `filled()` says when."""
    import core.whatif
    from desktop.pages.whatif_page import WhatIfPage

    calls = {"build_baseline": 0, "project": 0}
    for name in calls:
        real = getattr(core.whatif, name)

        def counted(*args, _real=real, _name=name, **kwargs):
            calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(core.whatif, name, counted)
    page, _ = _page(qtbot, WhatIfPage, jiangsu)
    assert page.stack.currentWidget() is page.content and not page.filled()
    assert calls == {"build_baseline": 0, "project": 0} and page.chart.scatter is None
    assert page.status.text() == page.chart.slot.text() == "正在计算基线…"
    qtbot.waitUntil(page.filled, timeout=30000)
    assert calls == {"build_baseline": 1, "project": 1}
    assert (
        page.chart.scatter is not None
        and page.chart.scatter.isVisibleTo(page)
        and not page.chart.slot.isVisibleTo(page)
    )
    assert page.table.rowCount() == len(page.model.baseline.trends) and page.v_level.value.text() != "—"
    page.activate()  # shown again with nothing changed: nothing recomputed
    QApplication.processEvents()
    assert calls == {"build_baseline": 1, "project": 1} and page.filled()


def test_a_failed_baseline_ends_the_wait_and_is_retried(qtbot, jiangsu, monkeypatch):
    """A baseline that fails (or is cancelled) does not leave the page waiting forever: it says so, and the
    next visit computes again."""
    import core.whatif

    real = core.whatif.build_baseline
    failures = []

    def broken(*args, **kwargs):
        failures.append(args[1])
        raise RuntimeError("boom")

    monkeypatch.setattr(core.whatif, "build_baseline", broken)
    reported = []
    jiangsu.errorRaised.connect(lambda exc, title: reported.append(str(exc)))
    page = _filled(qtbot, jiangsu)
    assert failures == [REGION] and reported == ["boom"]
    assert page.status.text() == page.chart.slot.text() == "推演未完成。" and page.chart.scatter is None
    monkeypatch.setattr(core.whatif, "build_baseline", real)
    page.activate()
    qtbot.waitUntil(lambda: page.filled() and page.chart.scatter is not None, timeout=30000)
    assert page.model.baseline.region == REGION and page.status.text().startswith("至 ")


def test_page_projects_edits_and_solves_a_target(qtbot, jiangsu, tmp_path, monkeypatch):
    page = _filled(qtbot, jiangsu)
    model = page.model
    b = model.baseline
    assert b is not None and b.region == REGION and page.table.rowCount() == len(b.trends)
    base_level = model.current.projection.projected.level
    assert page.v_level.value.text() == f"{base_level:.1f}"
    # an edit re-projects (debounced) and the level moves up
    page.set_growth("1.1.2", b.trends["1.1.2"].high * 100)
    qtbot.waitUntil(lambda: model.current.projection.scenario.get("1.1.2") is not None, timeout=5000)
    assert model.current.projection.projected.level > base_level
    assert len(model.current.projection.path) == b.horizon - b.year + 1
    # target mode fills the table from the optimiser's plan
    index = page.target_combo.findData("group=领先型")
    page.target_combo.setCurrentIndex(index)
    page.solve()
    plan = model.current.plan
    assert plan is not None and plan.feasible and model.current.projection.projected.group.group == "领先型"
    for ch in plan.changes:
        row = list(b.trends).index(ch.indicator)
        assert page.table.item(row, 2).text() == f"{ch.growth * 100:.2f}"
        assert page.table.item(row, 5).text()  # its levers
    assert page.v_group.value.text() == "领先型"
    assert "领先型" in page.plan_label.text()
    # saved in the workspace, compared side by side, exported
    page.compare.name_edit.setText("进入领先型")
    page.compare.save()
    assert [s.name for s in model.saved()] == ["进入领先型"]
    assert page.compare.compare_table.columnCount() == 2 and page.compare.compare_table.item(3, 1).text() == "领先型"
    target = tmp_path / "scenarios.json"
    monkeypatch.setattr("desktop.pages.whatif_compare.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    page.compare.export()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["scenarios"]["进入领先型"]["projected"]["group"] == "领先型" and data["not_a_forecast"]
    page.reset()
    assert model.current.plan is None and model.current.projection.scenario == {}


def test_report_of_the_region_gets_section_six_when_chosen(qtbot, jiangsu):
    from desktop.pages.export_page import ExportPage, report_inputs

    page = _filled(qtbot, jiangsu)
    page.target_combo.setCurrentIndex(page.target_combo.findData("group=领先型"))
    page.solve()
    export, _ = _page(qtbot, ExportPage, jiangsu)
    assert report_inputs(jiangsu, REGION, "zh").scenario is None
    export.scenario_check.setChecked(True)
    assert report_inputs(jiangsu, REGION, "zh").scenario is page.model.current
    assert report_inputs(jiangsu, "湖北省", "zh").scenario is None  # another region's report: not added


def test_page_in_the_main_window_on_worker_threads(window, qtbot):
    page = window.show_page("whatif")
    s = window.session
    s.set_region(REGION)
    qtbot.waitUntil(lambda: page.model.current is not None and page.model.current.baseline.region == REGION,
                    timeout=30000)  # fmt: skip
    wait_idle(qtbot, s)
    assert page.table.rowCount() > 0 and page.v_group.value.text() in ("较强型", "领先型")
    before = page.model.current.projection.projected.level
    page.set_growth("2.1.1", 30.0)
    qtbot.waitUntil(lambda: "2.1.1" in page.model.current.projection.scenario, timeout=30000)
    assert page.model.current.projection.projected.level > before
    assert window.sidebar.steps.count() == 7
