"""Import speed (spec 05): one region workbook vs openpyxl's own load_workbook; a folder of 100.

Plain script: `python benchmarks/bench_import.py`. Prints figures; targets are ratio ≤ 2× for
one workbook and ≤ 10 s for 100 workbooks (with progress).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import openpyxl
from broken_corpus import filled_region_workbook

from core.io.loading import read_files
from core.io.template_reader import read_template_workbook
from core.model.framework import load_framework
from core.model.regions import province_names
from core.store.workspace import Workspace


def best_of(fn, n: int = 15) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> int:
    fw = load_framework()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = tmp / "region.xlsx"
        filled_region_workbook(fw, "江苏省").save(one)
        read_template_workbook(one, fw)  # warm-up (imports, caches)
        base_min, base_med = best_of(lambda: openpyxl.load_workbook(one, data_only=True, keep_links=False))
        ours_min, ours_med = best_of(lambda: read_template_workbook(one, fw))
        print(f"one region workbook ({one.stat().st_size // 1024} KB):")
        print(f"  openpyxl load_workbook  min {base_min * 1000:7.1f} ms  median {base_med * 1000:7.1f} ms")
        print(f"  read_template_workbook  min {ours_min * 1000:7.1f} ms  median {ours_med * 1000:7.1f} ms")
        print(f"  ratio (median)          {ours_med / base_med:.2f}x   target <= 2x")

        folder = tmp / "folder"
        folder.mkdir()
        names = list(province_names())
        for i in range(100):
            wb = filled_region_workbook(fw, f"{names[i % 31]}{i // 31 or ''}" if i >= 31 else names[i])
            wb.save(folder / f"{i:03d}.xlsx")
        ticks = []
        t = time.perf_counter()
        res = read_files([folder], fw, progress=lambda d, n, f: ticks.append(d))
        read_s = time.perf_counter() - t
        print(
            f"folder of 100 workbooks: read {read_s:.2f} s, {len(res.observations)} values, "
            f"{len(res.errors)} errors, {len(ticks)} progress calls   target <= 10 s"
        )
        with Workspace.create(tmp / "w.lcws") as ws:
            t = time.perf_counter()
            rep = ws.import_files([folder])
            imp_s = time.perf_counter() - t
        print(f"folder of 100 into a workspace (read + one transaction): {imp_s:.2f} s, {rep.added} values added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
