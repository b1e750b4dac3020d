"""The framework editor: copy the current framework, rename or swap indicators, edit weights (the
siblings' shares are renormalised live by core), validate, and save as a versioned user framework.

Saved files go to the user's data folder (`<data>/frameworks/<id>-<version>.toml`, written
atomically by core); using one stores its text in the open workspace, so the workspace keeps
computing with it and can be shared. Codes stay as they are (data stay attached to them): to swap
an indicator, rename it and change its definition and unit, then enter its values under the code.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.kernel import InputError
from core.model import (
    ROOT,
    check_draft,
    draft_from,
    load_framework,
    next_user_version,
    normalised_draft,
    save_draft,
    sibling_shares,
)

from . import style
from .i18n import current_language
from .session import data_dir

CODE, NAME, NAME_EN, WEIGHT, SHARE = range(5)
TEXT_FIELDS = ("name_zh", "name_en", "definition_provincial", "unit", "source")  # leaves; parents: names only


def user_frameworks_dir():
    return data_dir() / "frameworks"


class FrameworkEditor(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("指标体系编辑器"))
        self.resize(1100, 680)
        fw = session.framework
        self.draft = draft_from(fw)
        self.draft["framework"] |= {"version": next_user_version(fw.version), "derived_from": f"{fw.id} {fw.version}"}
        self.saved_path = None
        v = QVBoxLayout(self)
        v.addLayout(self._build_meta())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._build_tree())
        split.addWidget(self._build_details())
        split.setSizes([720, 380])
        v.addWidget(split, 1)
        self.sum_label = QLabel("")
        self.sum_label.setObjectName("muted")
        v.addWidget(self.sum_label)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
        v.addWidget(self.problems)
        v.addLayout(self._build_buttons())
        self._fill_tree()

    # ------------------------------------------------------------------ building
    def _build_meta(self) -> QFormLayout:
        meta = self.draft["framework"]
        form = QFormLayout()
        self.id_edit, self.version_edit = QLineEdit(meta["id"]), QLineEdit(meta["version"])
        self.name_edit, self.name_en_edit = QLineEdit(meta["name_zh"]), QLineEdit(meta.get("name_en", ""))
        row = QHBoxLayout()
        row.addWidget(self.id_edit, 1)
        row.addWidget(QLabel(self.tr("版本")))
        row.addWidget(self.version_edit, 1)
        form.addRow(self.tr("体系标识"), row)
        names = QHBoxLayout()
        names.addWidget(self.name_edit, 1)
        names.addWidget(QLabel(self.tr("英文名称")))
        names.addWidget(self.name_en_edit, 1)
        form.addRow(self.tr("体系名称"), names)
        note = QLabel(
            self.tr("双击名称或权重即可修改；同一上级下的权重自动归一（占上级比重之和始终为 1）。保存时生成新版本。")
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        form.addRow(note)
        return form

    def _build_tree(self) -> QTreeWidget:
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("代码"), self.tr("中文名称"), self.tr("英文名称"), self.tr("权重"), self.tr("占上级比重")]
        )
        self.tree.setEditTriggers(QTreeWidget.EditTrigger.NoEditTriggers)
        self.tree.itemDoubleClicked.connect(self._edit)
        self.tree.itemChanged.connect(self._changed)
        self.tree.currentItemChanged.connect(lambda cur, _prev: self._show_details(cur))
        return self.tree

    def _build_details(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        labels = (
            self.tr("中文名称"),
            self.tr("英文名称"),
            self.tr("地区口径定义"),
            self.tr("单位"),
            self.tr("数据来源"),
        )
        self.fields: dict[str, QLineEdit] = {}
        for key, label in zip(TEXT_FIELDS, labels, strict=True):
            edit = QLineEdit()
            edit.textEdited.connect(lambda text, k=key: self._set_field(k, text))
            self.fields[key] = edit
            form.addRow(label, edit)
        self.direction = QComboBox()
        self.direction.addItem(self.tr("正向（越高越好）"), "positive")
        self.direction.addItem(self.tr("逆向（越低越好）"), "negative")
        self.direction.activated.connect(lambda _i: self._set_field("direction", self.direction.currentData()))
        form.addRow(self.tr("方向"), self.direction)
        self.kind = QComboBox()
        self.kind.setToolTip(
            self.tr("融合水平按类型与全国比较：比率直接比，总量先按地区生产总值或人口折算，占全国比重以全国为 100%。")
        )
        for label, kind in (
            (self.tr("比率"), "ratio"),
            (self.tr("总量"), "size"),
            (self.tr("占全国比重"), "share_of_nation"),
        ):
            self.kind.addItem(label, kind)
        self.kind.activated.connect(lambda _i: self._set_field("kind", self.kind.currentData()))
        form.addRow(self.tr("类型"), self.kind)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("校验"))
        self.check_button.clicked.connect(self.validate)
        self.save_button = QPushButton(self.tr("保存为新版本并使用"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save_and_use)
        self.shipped_button = QPushButton(self.tr("改用内置体系"))
        self.shipped_button.clicked.connect(self.use_shipped)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        for b in (self.check_button, self.shipped_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(close)
        return row

    # ------------------------------------------------------------------ the tree
    def node(self, code: str) -> dict:
        return next(n for n in self.draft["node"] if n["code"] == code)

    def _fill_tree(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for n in self.draft["node"]:
            parent = items.get(str(n.get("parent", ROOT)), self.tree.invisibleRootItem())
            item = QTreeWidgetItem(parent, [n["code"], n["name_zh"], n.get("name_en", ""), f"{n['weight']:.4g}", ""])
            item.setData(CODE, Qt.ItemDataRole.UserRole, n["code"])
            item.setTextAlignment(WEIGHT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(SHARE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            items[n["code"]] = item
        self.items = items
        self.tree.expandAll()
        for col in (CODE, WEIGHT, SHARE):
            self.tree.resizeColumnToContents(col)
        self.tree.setColumnWidth(NAME, 300)
        self.tree.blockSignals(False)
        for parent in {ROOT} | {str(n.get("parent", ROOT)) for n in self.draft["node"]}:
            self._update_shares(parent)

    def _edit(self, item: QTreeWidgetItem, col: int) -> None:
        if col in (NAME, NAME_EN, WEIGHT):
            self.tree.editItem(item, col)

    def _changed(self, item: QTreeWidgetItem, col: int) -> None:
        code = item.data(CODE, Qt.ItemDataRole.UserRole)
        node = self.node(code)
        if col == WEIGHT:
            try:
                node["weight"] = float(item.text(WEIGHT).replace("，", ".").strip())
            except ValueError:
                node["weight"] = item.text(WEIGHT)  # kept as typed: check_draft names it
            self._update_shares(str(node.get("parent", ROOT)))
        elif col in (NAME, NAME_EN):
            node["name_zh" if col == NAME else "name_en"] = item.text(col).strip()
            self._show_details(item)

    def shares(self, parent: str) -> dict[str, float]:
        """Live: the children's shares of `parent` from the weights as typed (core's renormalise)."""
        return sibling_shares(self.draft, parent)

    def _update_shares(self, parent: str) -> None:
        shares = self.shares(parent)
        self.tree.blockSignals(True)
        for code, share in shares.items():
            item = self.items[code]
            item.setText(SHARE, f"{share:.1%}")
            ok = isinstance(self.node(code)["weight"], (int, float)) and self.node(code)["weight"] >= 0
            item.setForeground(WEIGHT, QBrush(QColor(style.TEXT if ok else style.ERROR)))
        self.tree.blockSignals(False)
        label = self.tr("上级") + (" " + parent if parent != ROOT else self.tr("（总指数）"))
        self.sum_label.setText(
            self.tr("{parent}：下级占比合计 {total}")
            .replace("{parent}", label)
            .replace("{total}", f"{sum(shares.values()):.3f}")
        )

    # ------------------------------------------------------------------ details of the selected node
    def _show_details(self, item: QTreeWidgetItem | None) -> None:
        node = self.node(item.data(CODE, Qt.ItemDataRole.UserRole)) if item is not None else {}
        leaf = "unit" in node
        for key, edit in self.fields.items():
            edit.setText(str(node.get(key, "")))
            edit.setEnabled(bool(node) and (leaf or key in ("name_zh", "name_en")))
        self.direction.setCurrentIndex(1 if node.get("direction") == "negative" else 0)
        self.direction.setEnabled(leaf)
        self.kind.setCurrentIndex(max(0, self.kind.findData(node.get("kind", "size"))))
        self.kind.setEnabled(leaf)

    def _set_field(self, key: str, value: str) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        self.node(item.data(CODE, Qt.ItemDataRole.UserRole))[key] = value.strip()
        if key in ("name_zh", "name_en"):
            self.tree.blockSignals(True)
            item.setText(NAME if key == "name_zh" else NAME_EN, value.strip())
            self.tree.blockSignals(False)

    # ------------------------------------------------------------------ validate, save, use
    def current_draft(self) -> dict:
        meta = self.draft["framework"] | {
            "id": self.id_edit.text().strip(),
            "version": self.version_edit.text().strip(),
            "name_zh": self.name_edit.text().strip(),
            "name_en": self.name_en_edit.text().strip() or self.name_edit.text().strip(),
        }
        return normalised_draft(self.draft | {"framework": meta})

    def show_problems(self, problems) -> None:
        self.problems.clear()
        lang = current_language()
        for p in problems:
            self.problems.addItem(p.one_line(lang))
        if not problems:
            self.problems.addItem(self.tr("校验通过：指标体系有效。"))

    def validate(self) -> list:
        _, problems = check_draft(self.current_draft(), self.tr("编辑中的指标体系"))
        self.show_problems(problems)
        return problems

    def save_and_use(self) -> None:
        shipped = load_framework()
        try:
            path = save_draft(self.current_draft(), user_frameworks_dir(), reserved=((shipped.id, shipped.version),))
        except InputError as exc:
            self.show_problems(exc.problems)
            return
        self.saved_path = path
        self.session.apply_framework(str(path))
        self.accept()

    def use_shipped(self) -> None:
        self.session.apply_framework(None)
        self.accept()
