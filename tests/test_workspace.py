"""The workspace keeps every value, its history and conflicts; a killed import changes nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pytest

from core.kernel.problems import InputError
from core.kernel.progress import Cancelled
from core.store.workspace import Workspace

sys.path.insert(0, str(Path(__file__).parent))
from broken_corpus import cell_of, col_of, filled_region_workbook, known_value, row_of

ROOT = Path(__file__).parent.parent


@pytest.fixture
def filled(tmp_path, framework):
    path = tmp_path / "in" / "江苏.xlsx"
    path.parent.mkdir()
    filled_region_workbook(framework, region="江苏省").save(path)
    return path


def _edit(path: Path, framework, code: str, year: int, value, dest: Path | None = None) -> Path:
    wb = openpyxl.load_workbook(path)
    wb["指标数据"].cell(row=row_of(framework, code), column=col_of(year), value=value)
    wb.save(dest or path)
    return dest or path


def test_create_open_framework_and_settings(tmp_path, framework):
    p = tmp_path / "w.lcws"
    with Workspace.create(p) as ws:
        assert ws.framework.leaves == framework.leaves and ws.framework.version == framework.version
        ws.set_setting("base_year", 2019)
        ws.set_setting("exclusions", {"某市": ["3.2.2"]})
    with Workspace.open(p) as ws:
        assert ws.get_setting("base_year") == 2019 and ws.get_setting("missing", 7) == 7
        assert ws.settings()["exclusions"] == {"某市": ["3.2.2"]}
        assert ws.revisions() == [] and len(ws.observations()) == 0
    with pytest.raises(InputError):
        Workspace.create(p)  # never overwrites
    other = tmp_path / "x.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(InputError):
        Workspace.open(other)


def test_import_keeps_provenance_and_file_untouched(tmp_path, filled, framework):
    _edit(filled, framework, "1.2.1", 2020, "1,234")  # a listed conversion (INFO), stored with the revision
    before = filled.read_bytes()
    with Workspace.create(tmp_path / "w.lcws") as ws:
        rep = ws.import_files([filled.parent])
        assert rep.revision == 1 and rep.added == 27 * 6 + 24 and rep.conflicts == 0 and not rep.rejected_files
        o = next(o for o in ws.observations() if o.indicator == "2.1.1" and o.year == 2022)
        assert o.value == known_value(framework, "2.1.1", 2022)
        assert (o.provenance.file, o.provenance.sheet, o.provenance.cell) == (
            "江苏.xlsx",
            "指标数据",
            cell_of(framework, "2.1.1", 2022),
        )
        assert o.provenance.imported_at
        assert [i.industry for i in ws.industries()] == ["集成电路"]
        assert [p.code for p in rep.problems] == ["value_converted"]
        assert ws.problems() == rep.problems  # the import's problems are stored with its revision
        assert ws.observations().value("江苏省", "1.2.1", 2020) == 1234.0
    assert filled.read_bytes() == before


def test_reimport_of_corrected_file_is_a_new_revision_old_value_retrievable(tmp_path, filled, framework):
    with Workspace.create(tmp_path / "w.lcws") as ws:
        ws.import_files([filled])
        _edit(filled, framework, "1.1.1", 2020, 123.0)
        rep = ws.import_files([filled])
        assert rep.revision == 2 and rep.corrected == 1 and rep.conflicts == 0
        assert [p.code for p in rep.problems if p.code == "value_corrected"] == ["value_corrected"]
        assert ws.observations().value("江苏省", "1.1.1", 2020) == 123.0
        assert ws.observations(revision=1).value("江苏省", "1.1.1", 2020) == known_value(framework, "1.1.1", 2020)
        assert [v.value for _, v in ws.history("江苏省", "1.1.1", 2020)] == [
            known_value(framework, "1.1.1", 2020),
            123.0,
        ]
        assert len(ws.observations()) == len(ws.observations(revision=1))


@pytest.mark.parametrize("choice", ["current", "incoming", 77.5])
def test_conflict_between_files_is_kept_until_the_user_resolves_it(tmp_path, filled, framework, choice):
    other = _edit(filled, framework, "1.1.1", 2021, 999.0, dest=filled.parent / "另一份.xlsx")
    with Workspace.create(tmp_path / "w.lcws") as ws:
        ws.import_files([filled])
        rep = ws.import_files([other])
        assert rep.conflicts == 1 and [p.code for p in rep.errors] == ["workspace_conflict"]
        assert rep.errors[0].cell == cell_of(framework, "1.1.1", 2021) and rep.errors[0].file == "另一份.xlsx"
        old = known_value(framework, "1.1.1", 2021)
        assert ws.observations().value("江苏省", "1.1.1", 2021) == old  # not overwritten
        [c] = ws.conflicts()
        assert (c.current.value, c.incoming.value, c.incoming.provenance.file) == (old, 999.0, "另一份.xlsx")
        assert ws.has_unresolved_conflicts()
        rev = ws.resolve_conflict(c.id, choice, note="核对统计年鉴")
        expected = {"current": old, "incoming": 999.0}.get(choice, choice)
        assert ws.observations().value("江苏省", "1.1.1", 2021) == expected
        assert ws.observations(revision=rev - 1).value("江苏省", "1.1.1", 2021) == old
        assert ws.conflicts() == [] and ws.conflicts(include_resolved=True)[0].resolved
        with pytest.raises(InputError):
            ws.resolve_conflict(c.id, "incoming")


def test_files_with_errors_are_not_imported(tmp_path, filled, framework):
    _edit(filled, framework, "1.1.1", 2020, -1)
    with Workspace.create(tmp_path / "w.lcws") as ws:
        rep = ws.import_files([filled])
        assert rep.revision is None and rep.rejected_files == ["江苏.xlsx"]
        assert rep.errors[0].code == "value_negative" and ws.revisions() == []
        rep = ws.import_files([filled], skip_files_with_errors=False)
        assert rep.revision == 1 and ws.observations().value("江苏省", "1.1.1", 2020) is None


def test_cancel_leaves_workspace_unchanged(tmp_path, filled):
    with Workspace.create(tmp_path / "w.lcws") as ws:
        ws.import_files([filled])
        n = len(ws.observations())
        _edit(filled, ws.framework, "1.1.1", 2020, 5.0)
        calls = []

        def cancel():
            calls.append(1)
            return len(calls) > 2  # cancel while writing

        with pytest.raises(Cancelled):
            ws.import_files([filled] * 4, cancel=cancel)
        assert len(ws.revisions()) == 1 and len(ws.observations()) == n and ws.integrity_ok()


CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from core.store.workspace import Workspace
    ws = Workspace.open(sys.argv[1])
    seen = []
    def progress(done, total, name):
        if str(name) == "写入工作区":
            seen.append(1)
            if len(seen) >= 3:   # inside the write transaction, after rows were inserted
                print("WRITING", flush=True)
                time.sleep(60)
    ws.import_files(sys.argv[2:], progress=progress)
    print("FINISHED", flush=True)
""")


def test_kill_during_import_leaves_workspace_as_before(tmp_path, filled, framework):
    wsp = tmp_path / "w.lcws"
    with Workspace.create(wsp) as ws:
        ws.import_files([filled])
        before = [(o.region, o.indicator, o.year, o.value) for o in ws.observations()]
    files = []
    for i, region in enumerate(("南京市", "苏州市", "无锡市", "常州市", "徐州市", "扬州市")):
        p = tmp_path / "in" / f"city{i}.xlsx"
        filled_region_workbook(framework, region=region).save(p)
        files.append(str(p))
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(ROOT)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(wsp), *files], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.strip() == "WRITING"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    with Workspace.open(wsp) as ws:
        assert ws.integrity_ok()
        assert len(ws.revisions()) == 1
        assert [(o.region, o.indicator, o.year, o.value) for o in ws.observations()] == before
        # and the workspace is usable afterwards
        rep = ws.import_files(files[:1])
        assert rep.revision == 2 and "南京市" in ws.observations().regions()


def test_values_equal_up_to_rounding_are_the_same_value(tmp_path, filled, framework):
    from core.io import same_value

    old = known_value(framework, "1.1.1", 2020)
    assert same_value(old, old * (1 + 1e-13)) and not same_value(old, old * (1 + 1e-9))
    with Workspace.create(tmp_path / "w.lcws") as ws:
        ws.import_files([filled])
        other = _edit(filled, framework, "1.1.1", 2020, old * (1 + 1e-13), dest=filled.parent / "另一份.xlsx")
        rep = ws.import_files([other])
        assert rep.conflicts == 0 and rep.unchanged > 0


def test_a_folder_with_a_lock_file_records_only_the_files_it_read(tmp_path, filled):
    (filled.parent / "~$江苏.xlsx").write_bytes(b"office lock file")
    with Workspace.create(tmp_path / "w.lcws") as ws:
        rep = ws.import_files([filled.parent])
        assert rep.files == [filled.name]
        assert [r.files for r in ws.revisions()] == [(filled.name,)]
        assert any(p.code == "file_skipped" for p in rep.problems)  # the lock file is named, not hidden
