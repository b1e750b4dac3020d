"""Workspace at scale (spec 05): import 3,000 regions × 27 × 20 years into a new workspace, then open it.

    python benchmarks/bench_workspace.py [--quick]

The data is one synthetic long-format CSV (plausible values, so every row imports; 53 MB, under the
reader's 128 MB cap, read by the columnar path). Reading the file is the long-format reader's work
(reported); the whole import (read + write in one transaction) is targeted at ≤ 15 s, opening the
workspace and reading its current data at ≤ 2 s. Baselines in the same run: SQLite's own insert of
the same rows (`INSERT … SELECT` from the written file: no Python per row) for the write, and the
bare `fetchall` of the current-data query for the open (what reading it from the observations costs;
opening uses the blob kept for the latest revision). Every row shows wall and CPU time: the machine
is shared. `--quick` uses 300 regions and scales the limits by a tenth.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from bench_engine import YEARS
from timing import Result, print_results

from core.io import read_file
from core.model.framework import load_framework
from core.store import Workspace, merge, schema

IMPORT_LIMIT_S = 15.0
OPEN_LIMIT_S = 2.0


def _write_csvs(folder: Path, regions: int, per_file: int = 3000, seed: int = 1) -> list[Path]:
    """Plausible values (percentages stay below 100, no outlier jumps), so every row imports; one file
    per `per_file` regions."""
    rng = np.random.default_rng(seed)
    leaves = load_framework().leaves
    start = rng.uniform(5, 30, size=(regions, len(leaves)))
    growth = rng.uniform(0.99, 1.04, size=(regions, len(leaves), len(YEARS) - 1))
    values = np.concatenate([start[..., None], start[..., None] * np.cumprod(growth, axis=2)], axis=2)
    folder.mkdir()
    paths = []
    for lo in range(0, regions, per_file):
        paths.append(folder / f"regions-{lo // per_file:02d}.csv")
        with paths[-1].open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["region", "indicator", "year", "value"])
            for r in range(lo, min(lo + per_file, regions)):
                w.writerows(
                    (f"地区{r + 1}", code, y, f"{values[r, i, k]:.4f}")
                    for i, code in enumerate(leaves)
                    for k, y in enumerate(YEARS)
                )
    return paths


def _timed(fn):
    """(wall seconds, CPU seconds of this process, result): CPU time shows the work on a shared machine."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return (time.perf_counter() - t0, time.process_time() - c0), out


def _row(what: str, seconds: tuple[float, float], limit: float | None, baseline: str = "") -> Result:
    wall, cpu = seconds
    base = f"cpu {cpu:.2f} s" + (f"; {baseline}" if baseline else "")
    if limit is None:
        return Result(what, f"{wall:.2f} s", "reported", baseline=base)
    return Result(what, f"{wall:.2f} s", f"≤ {limit:g} s", wall / limit, base, wall <= limit)


def _secs(seconds: tuple[float, float]) -> str:
    return f"{seconds[0]:.2f} s (cpu {seconds[1]:.2f} s)"


def results(quick: bool = False) -> list[Result]:
    regions = 300 if quick else 3000
    scale = regions / 3000
    fw = load_framework()
    with tempfile.TemporaryDirectory(prefix="bench-ws-") as tmp:
        tmp = Path(tmp)
        data = tmp / "data"
        files = _write_csvs(data, regions)
        n = regions * len(fw.leaves) * len(YEARS)
        read_s, read = _timed(lambda: [(f, read_file(f, fw, schema.now())) for f in files])
        if not all(r.observations.is_columnar for _, r in read):
            raise RuntimeError("the long-format file was not read by the columnar path")
        with Workspace.create(tmp / "w.lcws") as ws:
            write_s, _ = _timed(lambda: _write_only(ws, read))
        read.clear()  # free the observations before the whole import reads them again
        floor_s = _timed(lambda: _sqlite_floor(tmp / "w.lcws", tmp / "floor.lcws"))[0]
        with Workspace.create(tmp / "x.lcws") as ws:
            import_s, rep = _timed(lambda: ws.import_files([data]))
        query_s = _timed(lambda: _query_only(tmp / "x.lcws"))[0]
        open_s, count = _timed(lambda: _open_and_read(tmp / "x.lcws"))
        if count != n or rep.added != n:
            raise RuntimeError(f"workspace holds {count} of {n} values (added {rep.added})")
        edited_s, count = _timed(lambda: _edit_and_read(tmp / "x.lcws", fw.leaves[0]))
        reopen_s, _ = _timed(lambda: _open_and_read(tmp / "x.lcws"))
        again_s, _ = _timed(lambda: _reimport(tmp / "x.lcws", data))
    label = f"{regions:,} regions × {len(fw.leaves)} × 20 years ({n:,} values, {len(files)} file)"
    return [
        _row(f"workspace: read long CSV, {label}", read_s, None),
        _row("workspace: write one import transaction", write_s, None, f"sqlite alone {_secs(floor_s)}"),
        _row("workspace: import (read + write)", import_s, IMPORT_LIMIT_S * scale),
        _row("workspace: open + current data", open_s, OPEN_LIMIT_S * scale, f"bare query {_secs(query_s)}"),
        _row("workspace: edit one value, read current data", edited_s, None, "blob updated for the edited key"),
        _row("workspace: open + current data after the edit", reopen_s, OPEN_LIMIT_S * scale),
        _row("workspace: re-import the same file (all unchanged)", again_s, None),
    ]


def _sqlite_floor(source: Path, target: Path) -> None:
    """SQLite inserting the same observations and selection with no Python per row (one transaction)."""
    Workspace.create(target).close()
    with closing(sqlite3.connect(target, isolation_level=None)) as c:
        c.execute(f"PRAGMA cache_size=-{schema.CACHE_KIB}")
        c.execute("ATTACH ? AS src", (str(source),))
        c.execute("BEGIN IMMEDIATE")
        c.execute("INSERT INTO revisions SELECT * FROM src.revisions")
        c.execute("INSERT INTO observations SELECT * FROM src.observations ORDER BY id")
        c.execute("INSERT INTO selection SELECT * FROM src.selection")
        c.execute("COMMIT")


def _query_only(path: Path) -> int:
    """The rows of the current-data query, fetched and nothing else."""
    with closing(sqlite3.connect(path)) as c:
        c.execute(f"PRAGMA cache_size=-{schema.CACHE_KIB}")
        sql = "SELECT o.* FROM (SELECT observation_id AS oid, MAX(revision) FROM selection GROUP BY region, indicator, year) k"
        return len(c.execute(sql + " JOIN observations o ON o.id = k.oid ORDER BY o.id").fetchall())


def _edit_and_read(path: Path, code: str) -> int:
    with Workspace.open(path) as ws:
        ws.edit_value("地区1", code, YEARS[0], 7.5, "benchmark")
        return len(ws.observations())


def _write_only(ws: Workspace, read: list) -> None:
    from core.store.records import ImportReport

    with schema.transaction(ws._conn) as c:  # the write path alone, as import_files runs it
        merge.write_import(c, read, schema.now(), ImportReport(revision=None), None, None, 2)


def _open_and_read(path: Path) -> int:
    with Workspace.open(path) as ws:
        return len(ws.observations())


def _reimport(path: Path, data: Path):
    with Workspace.open(path) as ws:
        return ws.import_files([data])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="300 regions instead of 3,000")
    print_results(results(quick=ap.parse_args().quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
