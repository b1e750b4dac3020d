"""Correcting data: edit a value, accept a flagged cell, revert a revision, undo an import.

Each is a worker task that opens the workspace, asks core for one revision (core validates
the input and writes in one transaction), reads the state back and recomputes. Bad input
comes back as core's problem (a catalogue message in the UI language); nothing changes.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from .. import i18n
from .state import read_state


def _tr(text: str) -> str:
    return QCoreApplication.translate("Session", text)


class EditingOps:
    """Mixed into `Session`: the corrections, each a revision with a reason."""

    def _revise(self, title: str, op, done_code: str):
        """Run `op(workspace)` → revision (or (revision, kept)) in a task; show the new state and a note."""
        path = self.workspace_path
        if not path:
            return None
        name, demo, industries = self.workspace_name, self.is_demo, self.demo_industries

        def work(progress, cancelled):
            from core.store import Workspace

            with Workspace.open(path) as ws:
                out = op(ws)
                return read_state(ws, ws.problems()), out

        def done(result):
            from core.kernel import render

            state, out = result
            rev, kept = out if isinstance(out, tuple) else (out, 0)
            self._set_state(path, replace(state, demo_industries=industries), name=name, demo=demo, record=False)
            code = "edit.done.kept" if kept else done_code
            self.message.emit(render(code, {"revision": rev, "kept": kept}, i18n.current_language()))

        return self._start(title, work, on_done=done)

    def edit_value(self, region: str, indicator: str, year: int, value, reason: str):
        """Set one value (empty text removes it); core refuses bad input with its message."""
        return self._revise(
            _tr("修改数值"), lambda ws: ws.edit_value(region, indicator, year, value, reason), "edit.done.edit"
        )

    def accept_flag(self, region: str, indicator: str, year: int, problem: str, reason: str):
        return self._revise(
            _tr("接受标记"), lambda ws: ws.accept(region, indicator, year, problem, reason), "edit.done.accept"
        )

    def revert_revision(self, revision: int, reason: str):
        return self._revise(_tr("撤销修订"), lambda ws: ws.revert(revision, reason), "edit.done.revert")

    def undo_import(self, revision: int, reason: str):
        return self._revise(_tr("撤销导入"), lambda ws: ws.undo_import(revision, reason), "edit.done.revert")
