"""Import speed (spec 05): one region workbook vs openpyxl's own load_workbook; a folder of 100.

`python benchmarks/bench_import.py [--quick]`; targets: ratio ≤ 2× for one workbook and ≤ 10 s
for 100 workbooks (with progress). Workspace import at scale is bench_workspace's.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import openpyxl
from broken_corpus import filled_region_workbook
from timing import Result, print_results

from core.io.loading import read_files
from core.io.template_reader import read_template_workbook
from core.model.framework import load_framework
from core.model.regions import province_names


def best_of(fn, n: int = 15) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def results(quick: bool = False) -> list[Result]:
    fw = load_framework()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = tmp / "region.xlsx"
        filled_region_workbook(fw, "江苏省").save(one)
        read_template_workbook(one, fw)  # warm-up (imports, caches)
        n = 5 if quick else 15
        _, base_med = best_of(lambda: openpyxl.load_workbook(one, data_only=True, keep_links=False), n)
        _, ours_med = best_of(lambda: read_template_workbook(one, fw), n)
        ratio = ours_med / base_med
        rows.append(
            Result(
                "import of one region workbook",
                f"{ours_med * 1000:.0f} ms",
                "≤ 2×",
                ratio,
                f"openpyxl load_workbook {base_med * 1000:.0f} ms",
                ratio <= 2,
            )
        )
        folder = tmp / "folder"
        folder.mkdir()
        names = list(province_names())
        for i in range(100):
            wb = filled_region_workbook(fw, f"{names[i % 31]}{i // 31 or ''}" if i >= 31 else names[i])
            wb.save(folder / f"{i:03d}.xlsx")
        ticks = []
        t = time.perf_counter()
        read_files([folder], fw, progress=lambda d, n, f: ticks.append(d))
        read_s = time.perf_counter() - t
        progress = f"{len(ticks)} progress calls"
        rows.append(
            Result("a folder of 100 workbooks", f"{read_s:.1f} s", "≤ 10 s", read_s / 10, progress, read_s <= 10)
        )
    return rows


def main() -> int:
    rows = results(quick="--quick" in sys.argv)
    print_results(rows)
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
