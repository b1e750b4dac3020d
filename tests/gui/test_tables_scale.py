"""The shared table (copy as TSV, numeric sort, filter, xlsx export, virtualised), the searchable
region picker, ranks without 全国, and the start-up order (window painted before the data loads)."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QTableWidgetItem

from desktop.pages.tables import Cell, DataTable, TableModel


def _table(qtbot, rows=None) -> DataTable:
    t = DataTable(["地区", "指数"], title="排名")
    qtbot.addWidget(t)
    t.set_rows(rows or [["北京市", "9"], ["上海市", "10.5"], ["江苏省", "100"], ["浙江省", "—"], ["广东省", "1,200"]])
    t.resize(500, 400)
    t.show()
    qtbot.waitExposed(t)
    return t


def _column(t: DataTable, c: int) -> list[str]:
    return [t.item(r, c).text() for r in range(t.rowCount())]


def test_ctrl_c_and_the_context_menu_copy_tsv_with_headers(qtbot):
    t = _table(qtbot)
    QApplication.clipboard().clear()
    t.view.setFocus()
    t.view.selectRow(1)
    qtbot.keyClick(t.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "地区\t指数\n上海市\t10.5\n"
    t.copy_all_action.trigger()  # the context menu's “copy whole table”
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0] == "地区\t指数" and len(lines) == 6
    assert [line.split("\t") for line in lines[1:3]] == [["北京市", "9"], ["上海市", "10.5"]]


def test_clicking_a_header_sorts_numbers_by_value_blanks_last(qtbot):
    t = _table(qtbot)
    header = t.view.horizontalHeader()
    x = header.sectionViewportPosition(1) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert _column(t, 1) == ["9", "10.5", "100", "1,200", "—"]  # as text, "10.5" < "100" < "1,200" < "9"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert _column(t, 1)[:4] == ["1,200", "100", "10.5", "9"]


def test_filter_box_keeps_matching_rows_and_copy_follows_it(qtbot):
    t = _table(qtbot, [[f"地区{i}", str(i)] for i in range(40)])
    assert t.filter.isVisible()  # shown by itself from FILTER_MIN_ROWS rows
    t.filter.setText("地区1")
    assert t.rowCount() == 11  # 地区1, 地区10 … 地区19
    assert t.tsv().splitlines()[1:3] == ["地区1\t1", "地区10\t10"]
    t.filter.clear()
    assert t.rowCount() == 40


def test_export_xlsx_is_readable_with_numbers_as_numbers(qtbot, tmp_path):
    t = _table(qtbot)
    t.sort_by(1)
    path = tmp_path / "排名.xlsx"
    t.export_xlsx(str(path))
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.values)
    assert ws.title == "排名" and rows[0] == ("地区", "指数")
    assert rows[1] == ("广东省", 1200.0) and rows[-1] == ("浙江省", None)
    assert not list(tmp_path.glob("*.tmp*"))  # written atomically, nothing left beside it


class _Counting(TableModel):
    def __init__(self, headers):
        super().__init__(headers)
        self.rows_asked: set[int] = set()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        self.rows_asked.add(index.row())
        return super().data(index, role)


def test_3000_rows_are_virtualised_only_visible_rows_are_asked(qtbot):
    t = DataTable(["地区", "指数", "排名"])
    qtbot.addWidget(t)
    model = _Counting(t.model.headers)
    t.model = model
    t.proxy.setSourceModel(model)
    t.set_rows([[f"地区{i}", Cell(f"{i * 1.5:.1f}", i * 1.5), str(i)] for i in range(3000)])
    t.resize(600, 400)
    t.show()
    qtbot.waitExposed(t)
    QApplication.processEvents()
    assert t.rowCount() == 3000
    assert not t.findChildren(QTableWidgetItem)
    assert 0 < len(model.rows_asked) <= 150  # the rows on screen and the header sample, never 3,000 × 3 items
    t.sort_by(1)
    assert t.item(0, 0).text() == "地区2999"


class _FakeSession(QObject):
    regionChanged = Signal(str)

    def __init__(self):
        super().__init__()
        self.region, self.compare, self.chosen = "北京市", [], []

    def set_region(self, region: str) -> None:
        self.chosen.append(region)
        self.region = region


def test_region_picker_searches_as_you_type(qtbot):
    from desktop.shell.header import Header

    s = _FakeSession()
    header = Header(s)
    qtbot.addWidget(header)
    regions = ["北京市", "天津市", "河北省", "湖北省", "江苏省", *(f"地区{i}" for i in range(300))]
    header.update_regions(regions)
    combo: QComboBox = header.region_combo
    assert combo.isEditable() and combo.count() == len(regions)
    completer = combo.completer()
    completer.setCompletionPrefix("北")
    found = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert found == ["北京市", "河北省", "湖北省"]  # any part of the name, not only its start
    combo.lineEdit().setText("湖")  # a partial search text selects nothing
    assert s.chosen == []
    combo.setCurrentText("湖北省")
    assert s.chosen == ["湖北省"] and combo.count() == len(regions)  # nothing typed was added as an item


def test_first_paint_comes_before_icons_style_and_the_data(qtbot, monkeypatch, app_setup):
    from desktop import app as app_module
    from desktop import style
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    calls: list[tuple[str, bool]] = []
    holder = {}
    painted = lambda: holder["win"].painted  # noqa: E731
    monkeypatch.setattr(
        MainWindow, "open_initial", lambda self, demo=False, workspace=None: calls.append(("data", painted()))
    )
    monkeypatch.setattr(style, "apply", lambda app: calls.append(("style", painted())))
    monkeypatch.setattr(app_module, "preload_charts", lambda: calls.append(("charts", painted())))
    real_init = MainWindow.__init__

    def init(self, *a, **k):
        holder["win"] = self
        real_init(self, *a, **k)

    monkeypatch.setattr(MainWindow, "__init__", init)
    args = app_module.parse_args([])
    win = app_module.start(QApplication.instance(), Settings(), "zh", args)
    qtbot.addWidget(win)
    assert calls == [] and win.isVisible()  # shown, nothing heavy has run yet
    assert win.steps.item(0).icon().isNull()
    qtbot.waitUntil(lambda: len(calls) == 3 and win.ready, timeout=10000)
    assert [c[0] for c in calls] == ["style", "charts", "data"]
    assert all(after_paint for _, after_paint in calls)
    assert not win.steps.item(0).icon().isNull()  # the icons came after the paint too
