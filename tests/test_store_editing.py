"""Correcting data in the workspace: edits, accepted flags, reverts and undone imports are revisions;
bad input and failures change nothing (one transaction each, kill-safe)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pytest

from core.kernel.messages import Message
from core.kernel.problems import InputError
from core.store import Workspace

sys.path.insert(0, str(Path(__file__).parent))
from broken_corpus import col_of, filled_region_workbook, known_value, row_of

ROOT = Path(__file__).parent.parent
R, K, Y = "江苏省", "1.1.1", 2021


@pytest.fixture
def ws(tmp_path, framework):
    path = tmp_path / "in" / "江苏.xlsx"
    path.parent.mkdir()
    filled_region_workbook(framework, region=R).save(path)
    w = Workspace.create(tmp_path / "w.lcws")
    w.import_files([path])
    yield w
    w.close()


def _snapshot(w: Workspace):
    return [(o.region, o.indicator, o.year, o.value, o.status) for o in w.observations()], len(w.revisions())


def test_edit_is_a_revision_with_reason_and_old_value_kept(ws, framework):
    old = known_value(framework, K, Y)
    rev = ws.edit_value(R, K, Y, "1,234.5", "统计局更正")
    assert ws.observations().value(R, K, Y) == 1234.5
    assert ws.observations(revision=rev - 1).value(R, K, Y) == old
    edited = ws.observations().lookup()[(R, K, Y)]
    assert edited.note == "统计局更正" and edited.provenance.file == "（用户输入）"
    r = ws.revisions()[-1]
    assert r.kind == "edit" and isinstance(r.message, Message) and "统计局更正" in r.text("zh")
    assert "Edited a value" in r.text("en") and "修改数值" not in r.text("en")
    assert [v for _, o in ws.history(R, K, Y) for v in [o.value]] == [old, 1234.5]
    ws.edit_value(R, K, Y, "", "该年无统计")  # empty removes the value
    assert ws.observations().value(R, K, Y) is None


@pytest.mark.parametrize(
    ("value", "reason", "code"),
    [("abc", "x", "value_text"), ("-5", "x", "value_negative"), ("5", "  ", "edit.reason_missing")],
)
def test_bad_edit_changes_nothing(ws, value, reason, code):
    before = _snapshot(ws)
    with pytest.raises(InputError) as e:
        ws.edit_value(R, K, Y, value, reason)
    assert e.value.problems[0].code == code and e.value.problems[0].indicator == K
    assert _snapshot(ws) == before and ws.integrity_ok()


def test_unknown_indicator_and_same_value_are_refused(ws, framework):
    with pytest.raises(InputError) as e:
        ws.edit_value(R, "9.9.9", Y, "1", "x")
    assert e.value.problems[0].code == "edit.indicator_unknown"
    with pytest.raises(InputError) as e:
        ws.edit_value(R, K, Y, str(known_value(framework, K, Y)), "x")
    assert e.value.problems[0].code == "edit.unchanged"


def test_revert_restores_and_revert_of_revert_restores_again(ws, framework):
    old = known_value(framework, K, Y)
    edit = ws.edit_value(R, K, Y, 7, "试算")
    rev, kept = ws.revert(edit, "改错了")
    assert kept == 0 and ws.observations().value(R, K, Y) == old
    assert {r.id: r.reverted_by for r in ws.revisions()}[edit] == rev
    with pytest.raises(InputError) as e:
        ws.revert(edit, "again")
    assert e.value.problems[0].code == "edit.revision_reverted"
    ws.revert(rev, "其实是对的")
    assert ws.observations().value(R, K, Y) == 7
    assert {r.id: r.reverted_by for r in ws.revisions()}[edit] is None


def test_revert_keeps_a_later_change(ws):
    first = ws.edit_value(R, K, Y, 7, "a")
    ws.edit_value(R, K, Y, 8, "b")
    _, kept = ws.revert(first, "c")
    assert kept == 1 and ws.observations().value(R, K, Y) == 8


def test_accept_flag_is_recorded_and_revertable(ws):
    rev = ws.accept(R, K, Y, "value_jump", "疫情年份，属实")
    (a,) = ws.acceptances()
    assert (a.region, a.indicator, a.year, a.code, a.reason, a.revision) == (
        R,
        K,
        Y,
        "value_jump",
        "疫情年份，属实",
        rev,
    )
    with pytest.raises(InputError):
        ws.accept(R, K, Y, "value_jump", "again")
    ws.revert(rev, "重新核实")
    assert ws.acceptances() == []


def test_undo_import_restores_the_state_before(ws, tmp_path, framework):
    before = _snapshot(ws)[0]
    p = tmp_path / "in" / "南京.xlsx"
    filled_region_workbook(framework, region="南京市").save(p)
    imp = ws.import_files([p]).revision
    assert "南京市" in ws.observations().regions()
    rev, kept = ws.undo_import(imp, "导错了文件")
    assert kept == 0 and _snapshot(ws)[0] == before
    assert "南京.xlsx" in ws.revisions()[-1].text("zh")
    with pytest.raises(InputError) as e:
        ws.undo_import(rev, "x")
    assert e.value.problems[0].code in ("edit.not_an_import", "edit.revision_unknown")
    ws.revert(rev, "还是要")  # undoing the undo brings the import back
    assert "南京市" in ws.observations().regions()


def test_undo_import_closes_its_conflicts(ws, tmp_path, framework):
    src = next((tmp_path / "in").iterdir())
    wb = openpyxl.load_workbook(src)
    wb["指标数据"].cell(row=row_of(framework, K), column=col_of(Y), value=999)
    other = tmp_path / "in" / "另一份.xlsx"
    wb.save(other)
    imp = ws.import_files([other]).revision
    assert ws.has_unresolved_conflicts()
    undo, _ = ws.undo_import(imp, "x")
    assert not ws.has_unresolved_conflicts()
    ws.revert(undo, "导入是对的")  # undoing the undo opens its conflicts again
    assert [c.id for c in ws.conflicts()] == [1]


def test_reverting_a_resolution_reopens_the_conflict(ws, tmp_path, framework):
    old = ws.observations().value(R, K, Y)
    wb = openpyxl.load_workbook(next((tmp_path / "in").iterdir()))
    wb["指标数据"].cell(row=row_of(framework, K), column=col_of(Y), value=999)
    wb.save(tmp_path / "in" / "另一份.xlsx")
    ws.import_files([tmp_path / "in" / "另一份.xlsx"])
    (conflict,) = ws.conflicts()
    rev = ws.resolve_conflict(conflict.id, "incoming", "以新表为准")
    assert ws.observations().value(R, K, Y) == 999 and not ws.has_unresolved_conflicts()
    ws.revert(rev, "再核实")
    assert ws.observations().value(R, K, Y) == old
    assert [c.id for c in ws.conflicts()] == [conflict.id]  # open again, to be decided anew
    ws.resolve_conflict(conflict.id, "current")
    assert ws.observations().value(R, K, Y) == old and not ws.has_unresolved_conflicts()


def test_partial_import_keeps_bad_cells_out_and_marked(tmp_path, framework):
    path = tmp_path / "bad.xlsx"
    wb = filled_region_workbook(framework, region=R)
    for code in (K, "1.2.1"):
        wb["指标数据"].cell(row=row_of(framework, code), column=col_of(Y), value="abc")
    wb.save(path)
    with Workspace.create(tmp_path / "w.lcws") as w:
        rep = w.import_files([path])
        assert rep.rejected_paths == [str(path)] and rep.revision is None
        rep = w.import_files(rep.rejected_paths, skip_files_with_errors=False)
        assert w.observations().value(R, K, Y) is None and w.observations().value(R, K, Y - 1) is not None
        marked = {(p.indicator, p.year) for p in w.problems() if p.severity == "error"}
        assert {(K, Y), ("1.2.1", Y)} <= marked
        w.accept(R, K, Y, "value_text", "该年确无统计")
        accepted = w.revisions()[-1]  # its description quotes the problem, in each language
        assert (
            "abc" in accepted.text("zh") and "不是数字" in accepted.text("zh") and "not a number" in accepted.text("en")
        )


def test_legacy_text_descriptions_stay_readable(ws):
    ws._conn.execute("UPDATE revisions SET description='导入 1 个文件' WHERE id=1")
    ws._conn.execute(
        "INSERT INTO revisions (created_at, kind, description, files) VALUES ('t', 'resolve', ?, '[]')",
        ("处理冲突：江苏省 1.1.1 2021 年（核实过）",),
    )
    ws._conn.execute(
        "INSERT INTO revisions (created_at, kind, description, files) VALUES ('t', 'import', '旧的说明', '[]')"
    )
    r1, r2, r3 = ws.revisions()
    assert r1.text("en") == "Import of 1 file(s)" and r1.text("zh") == "导入 1 个文件"
    assert r2.text("zh") == "处理冲突：江苏省 1.1.1 2021 年（核实过）" and r2.text("en").startswith("Resolved")
    assert r3.text("en") == "旧的说明"


def test_new_descriptions_are_stored_as_codes(ws):
    ws.edit_value(R, K, Y, 3, "原因")
    stored = [json.loads(d) for (d,) in ws._conn.execute("SELECT description FROM revisions")]
    assert [d["code"] for d in stored] == ["store.revision.import", "revision.edit"]


def test_failure_inside_an_edit_rolls_back(ws, monkeypatch):
    from core.store import editing

    before = _snapshot(ws)

    def boom(*a, **k):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(editing, "_select", boom)
    with pytest.raises(InputError) as e:
        ws.edit_value(R, K, Y, 5, "x")
    assert e.value.problems[0].code == "workspace.io_error"
    monkeypatch.setattr(editing, "_restore", boom)
    with pytest.raises(InputError):
        ws.undo_import(1, "x")
    assert _snapshot(ws) == before and ws.integrity_ok()


CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from core.store import Workspace, editing
    ws = Workspace.open(sys.argv[1])
    real = editing._restore
    def slow(c, target, rev):
        out = real(c, target, rev)   # rows written inside the transaction, not yet committed
        print("WRITING", flush=True)
        time.sleep(60)
        return out
    editing._restore = slow
    ws.undo_import(1, "kill me")
""")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_kill_during_undo_leaves_workspace_as_before(ws, tmp_path):
    before = _snapshot(ws)
    ws.close()
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(ROOT)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(ws.path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "WRITING"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    with Workspace.open(ws.path) as again:
        assert again.integrity_ok() and _snapshot(again) == before
        again.undo_import(1, "now")
        assert len(again.observations()) == 0


def test_cli_workspace_commands(tmp_path, framework, capsys):
    from core.commands.cli import main

    path = tmp_path / "bad.xlsx"
    wb = filled_region_workbook(framework, region=R)
    wb["指标数据"].cell(row=row_of(framework, K), column=col_of(Y), value="abc")
    wb.save(path)
    wsp = str(tmp_path / "w.lcws")
    Workspace.create(wsp).close()
    assert main(["workspace", "import", wsp, str(path)]) == 2
    assert main(["workspace", "import", wsp, str(path), "--keep-good-values"]) == 0
    assert main(["workspace", "edit", wsp, R, K, str(Y), "12.5", "--reason", "补录"]) == 0
    assert main(["workspace", "edit", wsp, R, K, str(Y), "-1", "--reason", "x"]) == 2
    assert main(["--lang", "en", "workspace", "revert", wsp, "2", "--reason", "oops"]) == 0
    assert main(["workspace", "accept", wsp, R, K, str(Y - 1), "value_jump", "--reason", "属实"]) == 0
    assert main(["workspace", "undo-import", wsp, "1", "--reason", "x"]) == 0
    capsys.readouterr()
    assert main(["workspace", "revisions", wsp, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["kind"] for r in rows] == ["import", "edit", "revert", "accept", "revert"]
    assert rows[0]["reverted_by"] == 5 and rows[1]["reverted_by"] == 3
    with Workspace.open(wsp) as w:
        assert len(w.observations()) == 0 and len(w.acceptances()) == 1


def test_undo_import_also_undoes_its_industries(ws, tmp_path, framework):
    assert [i.industry for i in ws.industries()] == ["集成电路"]
    wb = filled_region_workbook(framework, region=R)
    wb["主导产业"]["B5"] = "生物医药"
    p = tmp_path / "in" / "江苏新版.xlsx"
    wb.save(p)
    imp = ws.import_files([p]).revision
    assert [i.industry for i in ws.industries()] == ["生物医药"]
    rev, _ = ws.undo_import(imp, "导错了文件")
    assert [i.industry for i in ws.industries()] == ["集成电路"]
    assert [i.industry for i in ws.industries(revision=rev - 1)] == ["生物医药"]  # history as it was
    ws.revert(rev, "还是要")  # undoing the undo brings its industries back
    assert [i.industry for i in ws.industries()] == ["生物医药"]
