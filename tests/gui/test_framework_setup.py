"""Exclusions with a reason, the framework editor and city adjacency: each page or dialog alone on a
synchronous session, and through the whole main window."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import wait_idle
from PySide6.QtWidgets import QInputDialog

from core.model import NATION

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


def _gappy_csv(tmp_path) -> Path:
    """江苏省 complete, 浙江省 with an empty 3.2.2 row: today this blocks every region."""
    rows = list(csv.reader((DEMO / "demo-provinces.csv").open(encoding="utf-8-sig")))
    keep = [r for r in rows[1:] if r[0] in ("江苏省", NATION) or (r[0] == "浙江省" and r[1] != "3.2.2")]
    path = tmp_path / "two.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([rows[0], *keep])
    return path


@pytest.fixture
def session(app_setup, tmp_path):
    from desktop.session import Session
    from desktop.settings import Settings

    s = Session(Settings(), synchronous=True)
    s.new_workspace(str(tmp_path / "ws.lcws"))
    return s


def _select_problem(page, region):
    """Select the first problem whose location names `region` (as a click on its row would)."""
    t = page.problems
    t.select_cell(next(i for i in range(t.rowCount()) if region in t.item(i, 1).text()), 0)


def test_check_page_excludes_the_blocking_region_with_a_reason_and_the_index_computes(
    session, qtbot, tmp_path, monkeypatch
):
    from test_pages import _page

    from desktop.pages.data_check import CheckPage

    session.import_files([str(_gappy_csv(tmp_path))])
    assert session.result is None and {p.region for p in session.compute_problems} == {"浙江省"}
    page, _ = _page(qtbot, CheckPage, session)
    _select_problem(page, "浙江省")
    assert page.exclusion_bar.exclude_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("算力数据待补报", True)))
    page.exclusion_bar.exclude_button.click()
    assert session.result is not None and "浙江省" not in session.result.regions and "江苏省" in session.result.regions
    assert dict(session.result.recipe.excluded_regions) == {"浙江省": "算力数据待补报"}
    assert "浙江省（算力数据待补报）" in page.exclusion_bar.summary.text()
    # stored in the workspace: reopening it keeps the exclusion
    session.open_workspace(str(tmp_path / "ws.lcws"))
    assert session.excluded_regions == {"浙江省": "算力数据待补报"} and session.result is not None
    # and taken back: the index is blocked again by the empty row
    session.include_region("浙江省")
    assert session.result is None and session.excluded_regions == {}


def test_check_page_excludes_only_the_empty_indicator_of_that_region_with_a_reason(
    session, qtbot, tmp_path, monkeypatch
):
    from test_pages import _page

    from desktop.pages.data_check import CheckPage

    session.import_files([str(_gappy_csv(tmp_path))])
    page, _ = _page(qtbot, CheckPage, session)
    _select_problem(page, "浙江省")
    assert page.exclusion_bar.indicator_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("本省无算力中心统计", True)))
    page.exclusion_bar.indicator_button.click()
    result = session.result
    assert result is not None and set(result.regions) >= {"浙江省", "江苏省"}
    assert result.recipe.exclusions == {"浙江省": ("3.2.2",)}
    assert result.recipe.to_dict()["exclusion_reasons"] == {"浙江省": {"3.2.2": "本省无算力中心统计"}}
    assert result.value("浙江省", "3.2.2", result.latest_year) is None and result.value("浙江省", "3.2", 2024)
    assert not page.exclusion_bar.indicator_button.isEnabled()  # done already
    session.open_workspace(str(tmp_path / "ws.lcws"))  # kept in the workspace
    assert session.excluded_indicators == {"浙江省": {"3.2.2": "本省无算力中心统计"}} and session.result is not None
    session.include_indicator("浙江省", "3.2.2")
    assert session.result is None and session.excluded_indicators == {}


def test_exclusions_dialog_in_the_main_window_changes_the_index(window, qtbot):
    from desktop.exclusions_dialog import ExclusionsDialog

    s = window.session
    before = s.result.value("江苏省", "total", s.result.latest_year)
    assert before is not None
    dlg = ExclusionsDialog(s, window)
    qtbot.addWidget(dlg)
    assert not dlg.add_button.isEnabled()  # no reason yet
    dlg.region.setCurrentText("江苏省")
    dlg.reason.setText("口径调整，待核实")
    dlg.add_button.click()
    qtbot.waitUntil(lambda: s.result is not None and "江苏省" not in s.result.regions, timeout=20000)
    wait_idle(qtbot, s)
    assert "江苏省" not in s.regions() and window.region_combo.findText("江苏省") < 0
    assert [n.text("en") for n in s.result.recipe.notes if n.code == "exclusion.note.region"]
    assert dlg.table.rowCount() == 1 and dlg.table.item(0, 2).text() == "口径调整，待核实"
    dlg.table.setCurrentCell(0, 0)
    dlg.remove_button.click()
    qtbot.waitUntil(lambda: s.result is not None and "江苏省" in s.result.regions, timeout=20000)
    wait_idle(qtbot, s)
    assert s.result.value("江苏省", "total", s.result.latest_year) == pytest.approx(before)
    # one indicator of one region: its sub-indicator renormalises and the total index moves
    dlg.region.setCurrentText("江苏省")
    dlg.scope.setCurrentIndex(dlg.scope.findData("3.2.2"))
    dlg.reason.setText("本省口径不同")
    dlg.add_button.click()
    qtbot.waitUntil(lambda: s.result is not None and bool(s.result.recipe.exclusions), timeout=20000)
    wait_idle(qtbot, s)
    assert s.result.recipe.exclusions == {"江苏省": ("3.2.2",)} and dlg.table.item(0, 2).text() == "本省口径不同"
    assert s.result.value("江苏省", "total", s.result.latest_year) != pytest.approx(before)


def _editor(qtbot, session, parent=None):
    from desktop.framework_editor import FrameworkEditor

    editor = FrameworkEditor(session, parent)
    qtbot.addWidget(editor)
    return editor


def test_framework_editor_renormalises_weights_live(app_setup, qtbot):
    from desktop.framework_editor import SHARE, WEIGHT
    from desktop.session import Session
    from desktop.settings import Settings

    editor = _editor(qtbot, Session(Settings(), synchronous=True))
    assert editor.items["1"].text(SHARE) == "25.0%"
    editor.items["1"].setText(WEIGHT, "0.75")  # as typed in the cell
    shares = editor.shares("total")
    assert shares["1"] == pytest.approx(0.5) and sum(shares.values()) == pytest.approx(1.0)
    assert [editor.items[c].text(SHARE) for c in "1234"] == ["50.0%", "16.7%", "16.7%", "16.7%"]
    assert "1.000" in editor.sum_label.text()
    editor.items["2.1.1"].setText(WEIGHT, "-1")
    assert editor.shares("2.1")["2.1.1"] == 0.0 and sum(editor.shares("2.1").values()) == pytest.approx(1.0)
    assert any("2.1.1" in p.one_line("zh") for p in editor.validate()) and editor.problems.count() >= 1
    editor.items["2.1.1"].setText(WEIGHT, "1")
    assert editor.validate() == []


def test_a_saved_user_framework_is_used_by_the_main_window_and_kept_in_the_workspace(window, qtbot):
    from desktop.framework_editor import NAME, WEIGHT

    s = window.session
    editor = _editor(qtbot, s, window)
    editor.items["1"].setText(WEIGHT, "0.75")
    editor.tree.setCurrentItem(editor.items["3.2.2"])
    editor.fields["name_zh"].setText("数据中心机架数量")
    editor.fields["name_zh"].textEdited.emit("数据中心机架数量")  # as typed
    assert editor.items["3.2.2"].text(NAME) == "数据中心机架数量"
    editor.kind.setCurrentIndex(editor.kind.findData("ratio"))
    editor.kind.activated.emit(editor.kind.currentIndex())
    editor.save_and_use()
    assert editor.saved_path is not None and editor.saved_path.is_file()
    qtbot.waitUntil(lambda: s.result is not None and s.result.framework.version == "2025.1-u1", timeout=20000)
    wait_idle(qtbot, s)
    assert s.framework.nodes["3.2.2"].name_zh == "数据中心机架数量" and s.framework.nodes["3.2.2"].kind == "ratio"
    assert s.result.recipe.weights["1"] == pytest.approx(0.5) and s.result.recipe.framework_version == "2025.1-u1"
    assert s.assessment is not None
    from core.store import Workspace

    with Workspace.open(s.workspace_path) as ws:  # the workspace computes with it from now on
        assert ws.framework.version == "2025.1-u1"
    again = _editor(qtbot, s, window)  # saving the same version with other content is refused
    again.version_edit.setText("2025.1-u1")
    again.items["1"].setText(WEIGHT, "1")
    again.save_and_use()
    assert again.saved_path is None and "2025.1-u2" in again.problems.item(0).text()


def test_loading_city_adjacency_makes_neighbours_partners(session, qtbot):
    session.import_files([str(DEMO / "demo-jiangsu-cities.csv")])
    assert session.assessment is not None

    def partner(a):
        return next(p for p in a.regions["无锡市"].partners.top if p.peer == "苏州市")

    assert not partner(session.assessment).adjacent
    score = partner(session.assessment).score
    session.load_adjacency(str(DEMO / "demo-jiangsu-adjacency.toml"))
    assert session.adjacency_file == "demo-jiangsu-adjacency.toml" and "苏州市" in session.adjacency["无锡市"]
    assert partner(session.assessment).adjacent and partner(session.assessment).score > score
    session.open_workspace(session.workspace_path)  # kept in the workspace
    assert partner(session.assessment).adjacent
    session.clear_adjacency()
    assert not partner(session.assessment).adjacent
