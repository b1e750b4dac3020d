"""sqlite failures become Chinese problems that say what to do, and nothing stored is lost."""

from __future__ import annotations

import sqlite3

import pytest
from broken_corpus import filled_region_workbook

from core.kernel import InputError
from core.store import Workspace, schema
from core.store.schema import sqlite_problem


@pytest.fixture
def filled_workspace(tmp_path, filled):
    ws = Workspace.create(tmp_path / "ws.lcws")
    ws.import_files([filled])
    yield ws
    ws.close()


def _filled_file(folder, framework, region="江苏省"):
    path = folder / f"{region}.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    filled_region_workbook(framework, region=region).save(path)
    return path


@pytest.fixture
def filled(tmp_path, framework):
    return _filled_file(tmp_path / "in", framework)


def _before(ws):
    return [(o.region, o.indicator, o.year, o.value) for o in ws.observations()]


def test_read_only_workspace_says_save_as_and_keeps_data(filled_workspace, filled):
    before = _before(filled_workspace)
    filled_workspace._conn.execute("PRAGMA query_only=ON")  # what a read-only file does to writes
    with pytest.raises(InputError) as err:
        filled_workspace.set_setting("x", 1)
    [p] = err.value.problems
    assert p.code == "workspace.readonly" and "另存为" in p.message and p.file.endswith("ws.lcws")
    filled_workspace._conn.execute("PRAGMA query_only=OFF")
    assert _before(filled_workspace) == before


def test_locked_workspace_says_close_the_other_program(filled_workspace, monkeypatch, tmp_path):
    before = _before(filled_workspace)
    other = sqlite3.connect(tmp_path / "ws.lcws", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    filled_workspace._conn.execute("PRAGMA busy_timeout=100")
    try:
        with pytest.raises(InputError) as err:
            filled_workspace.set_setting("x", 1)
    finally:
        other.execute("ROLLBACK")
        other.close()
    [p] = err.value.problems
    assert p.code == "workspace.locked" and "关闭" in p.message
    assert _before(filled_workspace) == before


def test_full_disk_rolls_back_the_whole_import(filled_workspace, filled, framework, tmp_path):
    before = _before(filled_workspace)
    pages = filled_workspace._conn.execute("PRAGMA page_count").fetchone()[0]
    filled_workspace._conn.execute(f"PRAGMA max_page_count={pages + 1}")
    other = _filled_file(tmp_path / "more", framework, region="浙江省")
    with pytest.raises(InputError) as err:
        filled_workspace.import_files([other])
    assert err.value.problems[0].code == "workspace.disk_full"
    assert _before(filled_workspace) == before and filled_workspace.integrity_ok()


@pytest.mark.parametrize(
    ("text", "code"),
    [("database is locked", "workspace.locked"), ("attempt to write a readonly database", "workspace.readonly"),
     ("database or disk is full", "workspace.disk_full"), ("disk I/O error", "workspace.io_error"),
     ("something else", "workspace.write_failed")],
)  # fmt: skip
def test_every_sqlite_failure_has_a_text_in_both_languages(text, code):
    p = sqlite_problem(sqlite3.OperationalError(text), "a.lcws")
    assert p.code == code and p.text("zh") and p.text("en") and not p.text("en").startswith("[")
    assert schema.LOCK_TIMEOUT_S == 10.0
