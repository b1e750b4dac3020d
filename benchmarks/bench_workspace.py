"""Workspace at scale (spec 05): import 3,000 regions × 27 × 20 years into a new workspace, then open it.

    python benchmarks/bench_workspace.py [--quick]

The data is a synthetic long-format CSV (plausible values, so every row imports). Reading the file is the
long-format reader's work (reported); writing it into the SQLite workspace (one transaction)
and the whole import are targeted at ≤ 15 s, opening the workspace and reading its current
data at ≤ 2 s. `--quick` uses 300 regions and scales the limits by a tenth.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
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


def _write_csvs(folder: Path, regions: int, per_file: int = 300, seed: int = 1) -> list[Path]:
    """Plausible values (percentages stay below 100, no outlier jumps), so every row imports; one file
    per `per_file` regions (the text reader refuses files over 16 MB)."""
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


def _row(what: str, seconds: tuple[float, float], limit: float | None) -> Result:
    wall, cpu = seconds
    base = f"cpu {cpu:.2f} s"
    if limit is None:
        return Result(what, f"{wall:.2f} s", "reported", baseline=base)
    return Result(what, f"{wall:.2f} s", f"≤ {limit:g} s", wall / limit, base, wall <= limit)


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
        with Workspace.create(tmp / "w.lcws") as ws:
            write_s, _ = _timed(lambda: _write_only(ws, read))
        read.clear()  # free the observations before the whole import reads them again
        with Workspace.create(tmp / "x.lcws") as ws:
            import_s, rep = _timed(lambda: ws.import_files([data]))
        open_s, count = _timed(lambda: _open_and_read(tmp / "x.lcws"))
        if count != n or rep.added != n:
            raise RuntimeError(f"workspace holds {count} of {n} values (added {rep.added})")
        again_s, _ = _timed(lambda: _reimport(tmp / "x.lcws", data))
    label = f"{regions:,} regions × {len(fw.leaves)} × 20 years ({n:,} values, {len(files)} files)"
    return [
        _row(f"workspace: read long CSVs, {label}", read_s, None),
        _row("workspace: write one import transaction", write_s, IMPORT_LIMIT_S * scale),
        _row("workspace: import (read + write)", import_s, IMPORT_LIMIT_S * scale),
        _row("workspace: re-import the same files (all unchanged)", again_s, None),
        _row("workspace: open + current data", open_s, OPEN_LIMIT_S * scale),
    ]


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
