"""Correcting data in the GUI: edit, undo and revert a value, accept a flag, undo an import, and
import the good values of a file with errors through the problems dialog — each through the
数据校验 page constructed alone and through the whole main window."""

from __future__ import annotations

import pytest
from broken_corpus import col_of, filled_region_workbook, row_of
from conftest import wait_idle
from PySide6.QtCore import Qt

from core.kernel import CellStatus
from desktop.pages.values_model import COLUMNS

REGION, K, Y = "湖北省", "1.1.1", 2021


@pytest.fixture
def demo(app_setup):
    from desktop.session import Session
    from desktop.settings import Settings

    session = Session(Settings(), synchronous=True)
    session.open_demo()
    session.set_region(REGION)
    return session


def _editor(qtbot, session):
    from desktop.pages.data_check import CheckPage

    class Window:
        def show_message(self, text):
            pass

    page = CheckPage(session, Window())
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    page.activate()
    page.views.setCurrentWidget(page.editor)
    return page.editor


def _cell(editor, indicator=K, year=Y):
    assert editor.select(indicator, year)
    return editor.grid.currentIndex()


def _pick(tree, predicate):
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if predicate(item.data(0, Qt.ItemDataRole.UserRole)):
            tree.setCurrentItem(item)
            return item
    raise AssertionError("no such row")


def _bad_workbook(tmp_path, framework, region="江苏省", cells=((K, Y), ("1.2.1", Y))):
    path = tmp_path / f"{region}.xlsx"
    wb = filled_region_workbook(framework, region=region)
    for code, year in cells:
        wb["指标数据"].cell(row=row_of(framework, code), column=col_of(year), value="abc")
    wb.save(path)
    return path


def test_edit_undo_and_revert_a_value_on_the_page(qtbot, demo):
    editor = _editor(qtbot, demo)
    old = demo.table.value(REGION, K, Y)
    editor.reason.setText("按统计年鉴更正")
    assert editor.model.setData(_cell(editor), "1,234.5")
    assert demo.table.value(REGION, K, Y) == 1234.5 and demo.result is not None
    index = _cell(editor)
    assert (
        index.data() == "1234.5" and "按统计年鉴更正" in editor.model.index(index.row(), COLUMNS.index("note")).data()
    )
    top = editor.revisions.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole)
    assert top.kind == "edit" and "按统计年鉴更正" in editor.revisions.topLevelItem(0).text(2)
    # undo: revert the edit
    editor.reason.setText("改错了")
    _pick(editor.revisions, lambda r: r.kind == "edit")
    assert editor.revert_button.isEnabled()
    editor.revert_button.click()
    assert demo.table.value(REGION, K, Y) == old and _cell(editor).data() == f"{old:.10g}"
    _pick(editor.revisions, lambda r: r.kind == "edit")
    assert not editor.revert_button.isEnabled()  # already reverted
    # revert the revert: the edited value comes back
    _pick(editor.revisions, lambda r: r.kind == "revert")
    editor.revert_button.click()
    assert demo.table.value(REGION, K, Y) == 1234.5


def test_bad_input_shows_core_message_and_changes_nothing(qtbot, demo, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    editor = _editor(qtbot, demo)
    before = len(demo.revisions)
    editor.reason.setText("x")
    with qtbot.waitSignal(demo.errorRaised) as blocker:
        editor.model.setData(_cell(editor), "-5")
    assert blocker.args[0].problems[0].code == "value_negative"
    assert len(demo.revisions) == before and demo.table.value(REGION, K, Y) != -5
    editor.reason.clear()  # no reason: asked for one; cancelling changes nothing
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    assert not editor.model.setData(_cell(editor), "7")
    assert len(demo.revisions) == before


def test_undo_an_import_on_the_page(qtbot, demo, tmp_path, framework):
    path = tmp_path / "测试市.xlsx"
    filled_region_workbook(framework, region="测试市").save(path)
    demo.import_files([str(path)])
    assert "测试市" in demo.regions()
    editor = _editor(qtbot, demo)
    _pick(editor.imports, lambda r: "测试市.xlsx" in r.files)
    editor.reason.setText("导错了文件")
    editor.undo_button.click()
    assert "测试市" not in demo.table.regions()
    item = _pick(editor.imports, lambda r: "测试市.xlsx" in r.files)
    assert item.text(3) == "已撤销" and not editor.undo_button.isEnabled()


def test_problems_dialog_imports_good_values_and_marks_bad_cells_then_accept(qtbot, window, tmp_path, framework):
    s = window.session
    window.import_paths([str(_bad_workbook(tmp_path, framework))], into_demo=False)
    qtbot.waitUntil(lambda: window.workspace.problems_dialog is not None, timeout=20000)
    dlg = window.workspace.problems_dialog
    assert dlg.isVisible() and dlg.table.rowCount() == 2
    assert {dlg.table.item(i, 3).text() for i in range(2)} == {K, "1.2.1"}
    assert "abc" in dlg.table.item(0, 5).text() and dlg.table.item(0, 2).text()
    assert len(s.table) == 0  # nothing imported yet
    dlg.import_button.click()
    wait_idle(qtbot, s)
    qtbot.waitUntil(lambda: s.table is not None and len(s.table) > 0, timeout=20000)
    wait_idle(qtbot, s)
    assert s.table.value("江苏省", K, Y) is None and s.table.value("江苏省", K, Y - 1) is not None
    page = window.show_page("check")
    s.set_region("江苏省")
    page.views.setCurrentWidget(page.editor)
    editor = page.editor
    row = editor.model.rows[_cell(editor).row()]
    # the bad cell has no reported value (the engine interpolates it) and is marked by its problem
    assert row.status is CellStatus.INTERPOLATED and [p.code for p in row.open_flags] == ["value_text"]
    assert editor.accept_button.isEnabled()
    editor.reason.setText("该年确无统计，已核实")
    editor.accept_button.click()
    wait_idle(qtbot, s)
    qtbot.waitUntil(lambda: len(s.acceptances) == 1, timeout=20000)
    wait_idle(qtbot, s)
    row = editor.model.rows[_cell(editor).row()]
    texts = [page.problems.item(i, 2).text() for i in range(page.problems.rowCount())]
    assert sum("（已接受：该年确无统计，已核实）" in t for t in texts) == 1
    assert (
        not row.open_flags
        and "已接受：该年确无统计，已核实" in editor.model.index(_cell(editor).row(), COLUMNS.index("flag")).data()
    )


def test_problems_dialog_cancel_imports_nothing(qtbot, window, tmp_path, framework):
    s = window.session
    window.import_paths([str(_bad_workbook(tmp_path, framework))], into_demo=False)
    qtbot.waitUntil(lambda: window.workspace.problems_dialog is not None, timeout=20000)
    window.workspace.problems_dialog.cancel_button.click()
    wait_idle(qtbot, s)
    assert len(s.table) == 0 and s.revisions == ()


def test_edit_undo_and_revert_through_the_main_window(qtbot, window):
    s = window.session
    s.set_region(REGION)
    page = window.show_page("check")
    page.views.setCurrentWidget(page.editor)
    editor = page.editor
    old = s.table.value(REGION, K, Y)
    editor.reason.setText("核对后更正")
    editor.model.setData(_cell(editor), "99.5")
    qtbot.waitUntil(lambda: s.table.value(REGION, K, Y) == 99.5, timeout=20000)
    wait_idle(qtbot, s)
    assert _cell(editor).data() == "99.5"
    _pick(editor.revisions, lambda r: r.kind == "edit")
    editor.revert_button.click()
    qtbot.waitUntil(lambda: s.table.value(REGION, K, Y) == old, timeout=20000)
    wait_idle(qtbot, s)
    _pick(editor.revisions, lambda r: r.kind == "revert")
    editor.revert_button.click()
    qtbot.waitUntil(lambda: s.table.value(REGION, K, Y) == 99.5, timeout=20000)
    wait_idle(qtbot, s)
    assert s.result is not None
