"""The workspace writes and reads columns: the same content as a row import, the kept blob equals the
query, and the work of opening and importing does not grow per value (counted, not timed)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from core.io import ImportResult
from core.kernel.resources import resource
from core.model.observations import Observation, ObservationTable
from core.store import Workspace, merge, queries, schema, snapshot
from core.store import workspace as workspace_module

NOW = "2026-01-01T00:00:00+08:00"
TABLES = ("revisions", "observations", "selection", "conflicts", "problems", "industries")


def _demo(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    out = []
    for name in ("demo-provinces.csv", "demo-jiangsu-cities.csv"):
        out.append(folder / name)
        out[-1].write_bytes(resource(f"demo/{name}").read_bytes())
    return out


def _changed(path: Path, dest: Path, every: int) -> Path:
    """A copy of a long-format file with every `every`-th value lowered by 1 %."""
    lines = path.read_text("utf-8").splitlines()
    for i in range(1, len(lines), every):
        cells = lines[i].split(",")  # region, indicator, year, value, …
        cells[3] = f"{float(cells[3]) * 0.99:.6g}"
        lines[i] = ",".join(cells)
    dest.write_text("\n".join(lines) + "\n", "utf-8")
    return dest


def _dump(path: Path) -> dict[str, list]:
    with sqlite3.connect(path) as conn:
        order = {"selection": "region, indicator, year, revision"}  # WITHOUT ROWID: its key
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY {order.get(t, 'rowid')}").fetchall() for t in TABLES}


def _imports(tmp_path: Path, monkeypatch, form: str) -> Path:
    """Demo data, the same file corrected, then another file that conflicts; `form`: how the reader hands over."""
    monkeypatch.setattr(schema, "now", lambda: NOW)
    read = workspace_module.read_file

    def reading(path, framework, imported_at=None) -> ImportResult:
        res = read(path, framework, imported_at)
        rows = list(res.observations)
        res.observations = (
            ObservationTable(rows) if form == "rows" else ObservationTable(columns=res.observations.columns())
        )
        assert res.observations.is_columnar == (form == "columns") or not rows
        return res

    monkeypatch.setattr(workspace_module, "read_file", reading)
    data = _demo(tmp_path / f"data-{form}")
    with Workspace.create(tmp_path / f"{form}.lcws") as ws:
        ws.import_files(data)
        corrected = ws.import_files([_changed(data[0], data[0], 7)])
        other = ws.import_files([_changed(data[1], tmp_path / f"data-{form}" / "other.csv", 5)])
        assert corrected.corrected > 0 and other.conflicts > 0
    return tmp_path / f"{form}.lcws"


def test_columnar_import_writes_what_the_row_import_writes(tmp_path, monkeypatch, framework):
    rows = _dump(_imports(tmp_path, monkeypatch, "rows"))
    cols = _dump(_imports(tmp_path, monkeypatch, "columns"))
    assert rows == cols
    assert len(rows["observations"]) > 1000 and rows["conflicts"] and rows["problems"]
    # and each stored row is the one the per-observation writer makes of the value it read
    data = _demo(tmp_path / "again")
    read = workspace_module.read_file(data[0], framework, NOW)
    expected = [merge._row(1, o, data[0].name, NOW) for o in read.observations]
    stored = [r[1:] for r in cols["observations"] if r[1] == 1 and r[10] == data[0].name]
    assert stored == expected


def test_the_kept_blob_is_the_queried_data(tmp_path, monkeypatch):
    with Workspace.create(tmp_path / "w.lcws") as ws:
        ws.import_files(_demo(tmp_path / "data"))
        latest = ws.current_revision()
        assert snapshot.load(ws._conn, latest) is not None  # written by the import into an empty workspace
        kept = ws.observations()
        assert kept.is_columnar and list(kept) == list(queries.observations(ws._conn))
        o = kept.rows[10]
        ws.edit_value(o.region, o.indicator, o.year, o.value * 0.99, "复核")
        assert snapshot.load(ws._conn, ws.current_revision()) is None  # stale: read from the observations
        edited = ws.observations()
        assert edited.value(o.region, o.indicator, o.year) == pytest.approx(o.value * 0.99)
        assert snapshot.load(ws._conn, ws.current_revision()) is not None  # and kept for the next open
        assert list(ws.observations()) == list(edited) == list(queries.observations(ws._conn))
        assert list(ws.observations(revision=latest)) == list(kept)


def _same_columns(a, b) -> None:
    import numpy as np

    for name in ("region", "indicator", "year", "value", "status", "origin", "row", "cell", "unit", "source", "note"):
        x, y = getattr(a, name), getattr(b, name)
        assert (x is None) == (y is None), name
        assert x is None or np.array_equal(x, y), name
    assert a.origins == b.origins


def test_an_edit_brings_the_blob_up_to_date_without_reading_every_row(tmp_path, monkeypatch):
    with Workspace.create(tmp_path / "w.lcws") as ws:
        ws.import_files(_demo(tmp_path / "data"))
        rows = ws.observations().rows
        ws.observations()
        monkeypatch.setattr(queries, "current_columns", lambda *a: pytest.fail("read every row"))
        ws.edit_value(rows[10].region, rows[10].indicator, rows[10].year, rows[10].value * 0.99, "复核")
        ws.edit_value(rows[20].region, rows[20].indicator, rows[20].year, "", "该年无统计")  # removed
        ws.edit_value(rows[30].region, rows[30].indicator, 2035, 1.5, "补录")  # a new key, a new year
        ws.observations()  # three revisions at once: patched from the blob of the import
        ws.edit_value(rows[10].region, rows[10].indicator, rows[10].year, rows[10].value, "改回")
        patched = ws.observations().columns()
        assert snapshot.load(ws._conn, ws.current_revision()) is not None
        monkeypatch.undo()
        _same_columns(patched, queries.observations(ws._conn).columns())
        assert list(patched.value[-2:]) == [1.5, rows[10].value] and len(patched) == len(rows)  # one removed


def test_a_blob_without_ids_or_with_most_keys_changed_is_read_again(tmp_path, monkeypatch):
    with Workspace.create(tmp_path / "w.lcws") as ws:
        data = _demo(tmp_path / "data")
        ws.import_files(data)
        cols, ids = queries.current_columns(ws._conn, ws.current_revision())
        head = snapshot.encode(cols, ids)
        size = int.from_bytes(head[:8], "little")
        header = json.loads(head[8 : 8 + size])
        del header["ids"]
        text = json.dumps(header, ensure_ascii=False).encode()
        old = len(text).to_bytes(8, "little") + text + head[8 + size : len(head) - 8 * len(ids)]
        ws._conn.execute("UPDATE current_cache SET data=?", (old,))  # as written before the ids were kept
        assert snapshot.decode(old)[1] is None
        o = ws.observations().rows[5]
        ws.edit_value(o.region, o.indicator, o.year, o.value * 0.9, "复核")
        read = []
        monkeypatch.setattr(queries, "current_columns", lambda *a, f=queries.current_columns: read.append(1) or f(*a))
        assert ws.observations().value(o.region, o.indicator, o.year) == pytest.approx(o.value * 0.9)
        ws.import_files([_changed(data[0], tmp_path / "data" / "all.csv", 1)])  # every value of a file
        _same_columns(ws.observations().columns(), queries.observations(ws._conn).columns())
        assert len(read) == 2  # no usable ids, then most keys changed: both read every row


def test_a_locked_workspace_is_read_without_keeping_the_blob(tmp_path, monkeypatch):
    path = tmp_path / "w.lcws"
    with Workspace.create(path) as ws:
        ws.import_files(_demo(tmp_path / "data"))
        o = ws.observations().rows[0]
        ws.edit_value(o.region, o.indicator, o.year, o.value * 0.98, "复核")
        expected = list(queries.observations(ws._conn))
    monkeypatch.setattr(schema, "LOCK_TIMEOUT_S", 0.05)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing: reading works, writing the blob does not
    try:
        with Workspace.open(path) as ws:
            assert list(ws.observations()) == expected
            assert snapshot.load(ws._conn, ws.current_revision()) is None
    finally:
        other.execute("ROLLBACK")
        other.close()


def _regions_csv(path: Path, framework, regions: int) -> Path:
    lines = ["region,indicator,year,value"]
    lines += [
        f"地区{r},{code},{year},{10 + r + k + year % 7}"
        for r in range(regions)
        for k, code in enumerate(framework.leaves[:5])
        for year in range(2019, 2025)
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


class _Counting:
    """A connection that counts the statements Python hands to SQLite (one per execute or executemany)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn, self.calls = conn, 0

    def execute(self, *args):
        self.calls += 1
        return self.conn.execute(*args)

    def executemany(self, *args):
        self.calls += 1
        return self.conn.executemany(*args)

    def __getattr__(self, name: str):
        return getattr(self.conn, name)


def _work(tmp_path: Path, framework, monkeypatch, regions: int) -> dict[str, int]:
    """Statements run to import, open, and read after an edit; Observation objects made meanwhile."""
    made = {"observations": 0}
    init = Observation.__init__

    def counting(self, *args, **kwargs):
        made["observations"] += 1
        init(self, *args, **kwargs)

    path = tmp_path / f"w{regions}.lcws"
    csv = _regions_csv(tmp_path / f"r{regions}.csv", framework, regions)
    out = {}
    with Workspace.create(path) as ws:
        monkeypatch.setattr(Observation, "__init__", counting)
        out["import"] = _counted(ws, lambda: ws.import_files([csv]))
    with Workspace.open(path) as ws:
        out["open"] = _counted(ws, lambda: assert_columnar(ws.observations(), regions * 5 * 6))
        monkeypatch.setattr(Observation, "__init__", init)
        ws.edit_value("地区0", framework.leaves[0], 2019, 1.5, "复核")
        monkeypatch.setattr(Observation, "__init__", counting)
        out["reread"] = _counted(ws, lambda: assert_columnar(ws.observations(), regions * 5 * 6))
    monkeypatch.setattr(Observation, "__init__", init)
    return {**out, "objects": made["observations"]}


def _counted(ws: Workspace, action) -> int:
    counting = _Counting(ws._conn)
    ws._conn = counting  # type: ignore[assignment]
    try:
        action()
    finally:
        ws._conn = counting.conn
    return counting.calls


def assert_columnar(table: ObservationTable, n: int) -> None:
    assert table.is_columnar and len(table) == n


def test_import_and_open_work_does_not_grow_with_the_regions(tmp_path, framework, monkeypatch):
    small = _work(tmp_path, framework, monkeypatch, 40)
    large = _work(tmp_path, framework, monkeypatch, 80)
    assert small == large  # the same statements for twice the values
    assert small["objects"] == 0  # no Observation per value: columns from the reader to SQLite and back
    assert small["open"] <= 3


def test_chunked_writes_and_cancel_between_chunks(tmp_path, monkeypatch):
    """The rows go in chunk by chunk with progress; a cancel between chunks leaves nothing written."""
    from core.kernel.progress import Cancelled

    monkeypatch.setattr(merge, "_CHUNK", 7)
    data = _demo(tmp_path / "data")
    with Workspace.create(tmp_path / "w.lcws") as ws:
        calls = []
        ws.import_files(data, progress=lambda done, total, message="": calls.append(done))
        assert len(calls) > 100  # progress after every chunk of 7 rows
        before = _dump(ws.path)
        ticks = {"n": 0}

        def cancel() -> bool:
            ticks["n"] += 1
            return ticks["n"] > 20  # past reading (2 checks): between two chunks of the write

        with pytest.raises(Cancelled):
            ws.import_files([_changed(data[0], tmp_path / "x.csv", 3)], cancel=cancel)
        assert _dump(ws.path) == before
