"""数据导入: drop zone, file/folder import, blank templates, the workspace and its imports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.kernel import msg

from ..i18n import current_language, joined
from ..widgets import Card
from .tables import Cell, DataTable


class DropZone(QFrame):
    """A dashed area that accepts workbooks, long-format files and folders."""

    dropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setMinimumHeight(140)
        v = QVBoxLayout(self)
        v.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon = QLabel("⇪")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setStyleSheet("font-size: 30pt; color: #7f9bbd;")
        self.text = QLabel(self.tr("把填报模板（.xlsx）、长表文件（.csv/.xlsx）或整个文件夹拖放到这里"))
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet("font-size: 11pt;")
        self.hint = QLabel(self.tr("每个数值都会记录来源文件、工作表和单元格；发现的问题在“数据校验”中逐条列出。"))
        self.hint.setObjectName("muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.files_button = QPushButton(self.tr("选择文件…"))
        self.files_button.setObjectName("primary")
        self.folder_button = QPushButton(self.tr("选择文件夹…"))
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        self.icon.hide()
        for w in (self.icon, self.text, self.hint):
            v.addWidget(w)
        v.addSpacing(6)
        v.addLayout(row)

    def _set_active(self, on: bool) -> None:
        self.setProperty("active", "true" if on else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            self._set_active(True)

    def dragLeaveEvent(self, event) -> None:
        self._set_active(False)

    def dropEvent(self, event) -> None:
        self._set_active(False)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.dropped.emit(paths)


class ImportPage(QWidget):
    uses_region = False

    def __init__(self, session, window):
        super().__init__()
        self.session, self.window_ = session, window
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(20, 16, 20, 16)
        grid.setSpacing(14)

        self.drop = DropZone()
        self.drop.dropped.connect(window.import_paths)
        self.drop.files_button.clicked.connect(window.import_files_dialog)
        self.drop.folder_button.clicked.connect(window.import_folder_dialog)
        grid.addWidget(self.drop, 0, 0, 1, 2)
        grid.addWidget(self._template_card(), 1, 0)
        grid.addWidget(self._workspace_card(window), 1, 1)
        hist = Card(self.tr("本次导入记录"))
        self.history = DataTable(
            [self.tr("文件"), self.tr("数值"), self.tr("问题"), self.tr("错误")],
            stretch_last=False,
            title=self.tr("本次导入记录"),
        )
        self.history.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.history.setMinimumHeight(120)
        hist.body.addWidget(self.history)
        grid.addWidget(hist, 2, 0)
        rec = Card(self.tr("最近打开"))
        self.recent = QListWidget()
        self.recent.itemDoubleClicked.connect(lambda item: self.session.open_workspace(item.text()))
        rec.body.addWidget(self.recent)
        grid.addWidget(rec, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)

        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        session.dataChanged.connect(self.refresh)
        self.refresh()

    def _template_card(self) -> Card:
        """Blank templates: kind, region, years, save."""
        tpl = Card(
            self.tr("下载空白填报模板"),
            subtitle=self.tr("生成带校验和填报说明的空白工作簿，发给各地统计人员填写后再导入。"),
        )
        form = QGridLayout()
        self.template_kind = QComboBox()
        self.template_kind.addItem(self.tr("单地区模板（一个地区，逐年填报）"), "region")
        self.template_kind.addItem(self.tr("多地区模板（多个地区同表填报）"), "multi")
        self.template_kind.addItem(self.tr("全国基准模板（全国数值）"), "national")
        self.template_region = QLineEdit()
        self.template_region.setPlaceholderText(self.tr("地区名称，如 湖北省（可留空）"))
        self.template_years = QLineEdit("2019-2024")
        self.template_years.setToolTip(self.tr("填报年份范围，如 2019-2024"))
        for row, (label, field) in enumerate(
            (
                (self.tr("模板类型"), self.template_kind),
                (self.tr("地区"), self.template_region),
                (self.tr("年份"), self.template_years),
            )
        ):
            form.addWidget(QLabel(label), row, 0)
            form.addWidget(field, row, 1)
        tpl.body.addLayout(form)
        self.template_button = QPushButton(self.tr("保存空白模板…"))
        self.template_button.clicked.connect(self.save_template)
        tpl.body.addWidget(self.template_button, 0, Qt.AlignmentFlag.AlignLeft)
        tpl.body.addStretch(1)
        return tpl

    def _workspace_card(self, window) -> Card:
        """The open workspace: name, size, revisions, and new / open / save / demo."""
        ws = Card(
            self.tr("当前工作区"), subtitle=self.tr("工作区文件（.lcws）保存每次导入的全部数值、来源和修订记录。")
        )
        self.ws_name = QLabel("")
        self.ws_name.setObjectName("verdict")
        self.ws_info = QLabel("")
        self.ws_info.setObjectName("muted")
        self.ws_info.setWordWrap(True)
        ws.body.addWidget(self.ws_name)
        ws.body.addWidget(self.ws_info)
        self.files = QListWidget()
        self.files.setMinimumHeight(90)
        ws.body.addWidget(self.files)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("新建"), window.new_workspace),
            (self.tr("打开…"), window.open_workspace_dialog),
            (self.tr("保存"), window.save_workspace),
            (self.tr("演示数据"), window.open_demo),
        ):
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(b)
        row.addStretch(1)
        ws.body.addLayout(row)
        return ws

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        s = self.session
        self.ws_name.setText(s.display_name() or self.tr("未打开工作区"))
        n = len(s.table) if s.table is not None else 0
        info = (
            self.tr("{n} 个数值，{r} 个地区，{v} 次修订")
            .replace("{n}", f"{n:,}")
            .replace("{r}", f"{len(s.regions()):,}")
            .replace("{v}", str(len(s.revisions)))
        )
        if s.workspace_path:
            info += "\n" + s.workspace_path
        elif s.is_demo:
            info += "\n" + self.tr("演示工作区为示意数据，非官方统计。新建工作区后导入本地区数据，开始正式评估。")
        self.ws_info.setText(info)
        self.files.clear()
        lang = current_language()
        for rev in reversed(s.revisions):
            files = tuple(getattr(rev, "files", ()) or ())
            text = rev.text(lang)
            if files and not all(f in text for f in files):
                text += msg("desktop.revision.files", files=list(files)).text(lang)
            self.files.addItem(f"#{rev.id}  {rev.created_at[:16].replace('T', ' ')}  {text}")
        rows = [
            [Cell(joined(Path(p).name for p in rec.paths), tip="\n".join(rec.paths)), str(rec.values),
             str(rec.problems), str(rec.errors)]
            for rec in s.imports
        ]  # fmt: skip
        self.history.set_rows(rows)
        self.recent.clear()
        self.recent.addItems(self.session.settings.recent_files if self.session.settings else [])

    def _years(self) -> tuple[int, int] | None:
        text = self.template_years.text().replace("–", "-").replace("—", "-").strip()
        try:
            a, _, b = text.partition("-")
            y0, y1 = int(a), int(b or a)
        except ValueError:
            return None
        return (y0, y1) if 1990 <= y0 <= y1 <= 2100 else None

    def save_template(self) -> None:
        kind = self.template_kind.currentData()
        years = self._years()
        if years is None:
            self.window_.show_message(self.tr("年份范围无效，请填写如 2019-2024。"))
            return
        from core.model import canonical_region_name

        typed = self.template_region.text().strip()
        region = canonical_region_name(typed) or typed  # Hubei / 湖北 → 湖北省; other names as typed
        default = {
            "region": (region or self.tr("地区")) + self.tr("填报模板"),
            "multi": self.tr("多地区填报模板"),
            "national": self.tr("全国基准填报模板"),
        }[kind]
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存空白模板"), default + ".xlsx", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.session.save_template(kind, path, region=region or None, years=years)
