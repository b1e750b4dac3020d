"""报告导出: the assessment report as Word, PDF or Excel (one region, or every region into a
folder), the index as CSV, the report's charts as PNG for documents, and the results as JSON.

Reports and charts are written by core.report on a worker task (progress, cancel); charts are
drawn by the desktop renderer (the GUI's chart classes) on the GUI thread. When an export ends,
its folder opens. Texts of this page come from the message catalogue (report.gui.*).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.kernel import render

from ..i18n import current_language, region_name
from ..session.whatif import whatif_of
from ..widgets import Card, note_label, searchable

ALL = "__all__"
REPORT_FORMATS = ("docx", "pdf", "xlsx")


def _t(code: str, **args) -> str:
    return render(f"report.gui.{code}", args, current_language())


def report_inputs(session, region: str, lang: str):
    """What a report of `region` is built from: the session's results, nothing recomputed."""
    from core import __version__
    from core.report import ReportInputs

    return ReportInputs(
        session.result,
        region,
        lang,
        session.sensitivity,
        session.monte_carlo,
        tuple(session.problems) + tuple(session.compute_problems),
        session.worker_table(),  # the table the workers share (a row view of it is made once)
        __version__,
        assessment=session.assessment,
        scenario=whatif_of(session).report_scenario(region),
    )


def write_session_report(session, region: str, fmt: str, path: str, renderer=None) -> Path:
    """The report of `region` from the session's results, written in place (self-test, scripts)."""
    from core.report import write_report

    if renderer is None:
        from ..report_renderer import QtRenderer

        renderer = QtRenderer()
    return write_report(report_inputs(session, region, current_language()), fmt, path, renderer)


def report_mentions(path: Path, text: str) -> bool:
    """Does the exported report (docx, pdf or xlsx) contain `text`? (What a reader would search for.)"""
    path = Path(path)
    if path.suffix == ".docx":
        from docx import Document

        return any(text in p.text for p in Document(str(path)).paragraphs)
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True)
        return any(text in str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c)
    data = path.read_bytes()  # PDF: its title (the report's, naming the region) in UTF-16 in the info dictionary
    start = data.find(b"/Title (")
    title = data[start : data.find(b")\n", start)].replace(b"\\", b"") if start >= 0 else b""
    return data.startswith(b"%PDF") and text.encode("utf-16-be") in title


def input_paths(session) -> list[str]:
    """Files an export must never overwrite: the workspace and every file imported into it."""
    paths = [p for record in session.imports for p in record.paths]
    return [session.workspace_path, *paths] if session.workspace_path else paths


class ExportPage(QWidget):
    uses_region = False

    def __init__(self, session, window):
        super().__init__()
        self.session, self.window_ = session, window
        self.task = None
        self.folder: Path | None = None
        self._renderer = None
        v = QVBoxLayout(self)
        v.setContentsMargins(20, 14, 20, 16)
        v.setSpacing(12)
        v.addWidget(note_label(_t("intro")))
        v.addWidget(self._report_card())
        grid = QGridLayout()
        grid.setSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, title, text, slot) in enumerate(self._items()):
            card = Card(title, subtitle=text)
            b = QPushButton(_t("export_button"))
            b.setObjectName("primary")
            b.clicked.connect(lambda _=False, f=slot: f())
            card.body.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(card, i // 3, i % 3)
            self.buttons[key] = b
        v.addLayout(grid)
        v.addLayout(self._progress_row())
        self.last = QLabel("")
        self.last.setObjectName("muted")
        self.last.setWordWrap(True)
        v.addWidget(self.last)
        v.addStretch(1)
        for sig in (
            session.resultChanged,
            session.assessmentChanged,
            session.sensitivityChanged,
            session.monteCarloChanged,
        ):
            sig.connect(self.refresh)
        self.refresh()

    def _report_card(self) -> Card:
        card = Card(_t("report_title"), subtitle=_t("report_text"))
        row = QHBoxLayout()
        row.addWidget(QLabel(_t("region")))
        self.region_combo = searchable(QComboBox())
        self.region_combo.setMinimumWidth(200)
        row.addWidget(self.region_combo)
        for fmt in REPORT_FORMATS:
            b = QPushButton(_t(f"format_{fmt}"))
            b.setObjectName("primary")
            b.clicked.connect(lambda _=False, f=fmt: self.export_report(f))
            row.addWidget(b)
            setattr(self, f"report_{fmt}", b)
        row.addStretch(1)
        card.body.addLayout(row)
        self.scenario_check = QCheckBox(render("whatif.gui.include", {}, current_language()))
        self.scenario_check.setToolTip(render("whatif.gui.include_tip", {}, current_language()))
        self.scenario_check.toggled.connect(lambda on: setattr(whatif_of(self.session), "include_in_report", on))
        card.body.addWidget(self.scenario_check)
        return card

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress_label = QLabel("")
        self.progress_label.setObjectName("muted")
        self.cancel_button = QPushButton(_t("cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton(_t("open_folder"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_folder)
        for w in (self.progress, self.progress_label, self.cancel_button):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.open_button)
        return row

    def _items(self) -> list[tuple]:
        """(key, title, description, slot) of each export besides the report."""
        return [
            ("index_csv", _t("csv_title"), _t("csv_text"), self.export_index_csv),
            ("report_charts", _t("charts_title"), _t("charts_text"), self.export_report_charts),
            ("index_json", _t("index_json_title"), _t("index_json_text"), self.export_index_json),
            ("assessment_json", _t("assessment_json_title"), _t("assessment_json_text"), self.export_assessment_json),
            (
                "sensitivity_json",
                _t("sensitivity_json_title"),
                _t("sensitivity_json_text"),
                self.export_sensitivity_json,
            ),
        ]

    def activate(self) -> None:
        self.refresh()

    def refresh(self, *_) -> None:
        s = self.session
        has_result = s.result is not None
        current = self.region_combo.currentData()
        self.region_combo.clear()
        if has_result:
            for r in s.regions():
                self.region_combo.addItem(region_name(r), r)
            self.region_combo.addItem(_t("all_regions"), ALL)
            index = self.region_combo.findData(current or s.region)
            self.region_combo.setCurrentIndex(max(0, index))
        busy = self.task is not None
        for fmt in REPORT_FORMATS:
            getattr(self, f"report_{fmt}").setEnabled(has_result and not busy)
        self.buttons["index_csv"].setEnabled(has_result and not busy)
        self.buttons["report_charts"].setEnabled(has_result and not busy)
        self.buttons["index_json"].setEnabled(has_result)
        self.buttons["assessment_json"].setEnabled(s.assessment is not None)
        self.buttons["sensitivity_json"].setEnabled(s.sensitivity is not None or s.monte_carlo is not None)

    # ------------------------------------------------------------------ reports and charts on a task
    def renderer(self):
        if self._renderer is None:
            from ..report_renderer import QtRenderer

            self._renderer = QtRenderer()
        return self._renderer

    def export_report(self, fmt: str, path: str | None = None) -> None:
        """The report of the chosen region (a file), or of every region (one file each, into a folder)."""
        from core.report import report_file_name, write_report, write_reports

        region, lang = self.region_combo.currentData(), current_language()
        if region is None:
            return
        if region == ALL:
            path = path or QFileDialog.getExistingDirectory(self, _t("choose_folder"))
        else:
            name = report_file_name(region, fmt, lang)
            path = path or self._ask(_t("save_report"), name, _t(f"filter_{fmt}"))
        if not path:
            return
        inputs, renderer = report_inputs(self.session, region, lang), self.renderer()
        if region == ALL:
            regions = self.session.regions()

            def work(progress, cancelled):
                return write_reports(inputs, regions, fmt, path, renderer, progress=progress, cancel=cancelled)

        else:

            def work(progress, cancelled):
                self._refuse(path)
                progress(0, 1, Path(path).name)
                return [write_report(inputs, fmt, path, renderer, cancel=cancelled)]

        self._start(_t("task_report"), work, Path(path) if region == ALL else Path(path).parent)

    def export_report_charts(self, folder: str | None = None) -> None:
        """The report's figures as PNG at 300 dpi and the printed width (A4 text width: 15.6 cm)."""
        from core.report import export_figures

        region, lang = self.region_combo.currentData(), current_language()
        region = self.session.region if region in (None, ALL) else region
        folder = folder or QFileDialog.getExistingDirectory(self, _t("choose_folder"))
        if not folder:
            return
        inputs, renderer = report_inputs(self.session, region, lang), self.renderer()

        def work(progress, cancelled):
            return export_figures(inputs, folder, renderer, progress=progress, cancel=cancelled)

        self._start(_t("task_charts"), work, Path(folder))

    def export_index_csv(self, path: str | None = None) -> None:
        """The index of every region, node and year: Chinese headers, UTF-8 with BOM, text kept as text."""
        from core.report import write_index_csv

        path = path or self._ask(_t("save_csv"), "fusion-index.csv", _t("filter_csv"))
        if not path:
            return
        result, framework, lang = self.session.result, self.session.framework, current_language()

        def work(progress, cancelled):
            self._refuse(path)
            return [write_index_csv(path, result, framework, lang)]

        self._start(_t("task_csv"), work, Path(path).parent, open_when_done=False)

    def _refuse(self, path: str) -> None:
        from core.report import refuse_inputs

        refuse_inputs(Path(path), [Path(p) for p in input_paths(self.session)])

    def _start(self, title: str, work, folder: Path, open_when_done: bool = True) -> None:
        self.folder = folder
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.progress_label.setText(title)
        self.task = self.session._start(title, work, on_done=lambda paths: self._done(paths, open_when_done))
        self.task.progress.connect(self._on_progress)
        self.task.done.connect(self._ended)
        if not self.task.running:  # a synchronous runner (screenshots, tests) has finished already
            self._ended()
        self.refresh()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if message:
            self.progress_label.setText(_t("progress", done=min(done + 1, total or 1), total=total or 1, name=message))

    def _done(self, paths, open_when_done: bool) -> None:
        text = _t("written", n=len(paths), folder=str(self.folder))
        self.last.setText(text)
        self.window_.show_message(text)
        self.open_button.setEnabled(True)
        if open_when_done:
            self.open_folder()

    def _ended(self) -> None:
        if self.task is not None and self.task.is_cancelled:
            self.last.setText(_t("cancelled"))
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.progress_label.setText("")
        self.refresh()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    # ------------------------------------------------------------------ JSON (fast: written in place)
    def _ask(self, title: str, default: str, filt: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, default, filt)
        return path

    def _run(self, fn, path: str) -> None:
        """A JSON export as a worker task (3,000 regions take tens of seconds): progress by region, cancel."""
        if not path:
            return

        def work(progress, cancelled):
            self._refuse(path)
            fn(path, progress)
            return [path]

        self._start(_t("task_json"), work, Path(path).parent, open_when_done=False)

    def export_index_json(self, path: str | None = None) -> None:
        path = path or self._ask(_t("save_json"), "fusion-index.json", _t("filter_json"))
        self._run(self.session.export_json, path)

    def export_assessment_json(self, path: str | None = None) -> None:
        path = path or self._ask(_t("save_json"), "assessment.json", _t("filter_json"))
        self._run(self.session.export_assessment_json, path)

    def export_sensitivity_json(self, path: str | None = None) -> None:
        path = path or self._ask(_t("save_json"), "sensitivity.json", _t("filter_json"))
        self._run(self.session.export_sensitivity_json, path)
