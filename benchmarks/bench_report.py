"""Time the reports: each format for one region (target ≤ 2 s) and for 31 provinces (spec 05, issue 14).

Synthetic, seeded data (benchmarks/make_demo_data.synthetic_table), index, sensitivity and the
assessment (sections 三–五) computed once (as the GUI holds them); the time is the report alone: build the
document, draw the charts (Qt renderer, offscreen) and write the file. Median of a few runs, wall time
(the target) and CPU time (what the process itself spent: the machine may be shared).

    python benchmarks/bench_report.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from make_demo_data import synthetic_table
from timing import Result, median_time, print_results

from core.assessment import assess
from core.index import compute_index, monte_carlo, one_at_a_time
from core.model.framework import load_framework
from core.report.builder import ReportInputs
from core.report.export import FORMATS, write_report, write_reports
from desktop.report_renderer import QtRenderer

TARGET_S = 2.0


def wall_and_cpu(fn, repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `repeat` calls."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def results(quick: bool = False) -> list[Result]:
    fw = load_framework()
    table = synthetic_table(31)
    result = compute_index(table, fw)
    inputs = ReportInputs(
        result,
        result.regions[1],
        one_at_a_time=one_at_a_time(table, fw),
        monte_carlo=monte_carlo(table, fw, draws=200),
        observations=table,
        app_version="bench",
        assessment=assess(table, fw),
    )
    renderer = QtRenderer()
    provinces = [r for r in result.regions if r != "全国"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS:
            path = Path(folder) / f"one.{fmt}"
            write_report(inputs, fmt, path, renderer)  # warm-up (imports, fonts)
            one, cpu = wall_and_cpu(
                lambda fmt=fmt, path=path: write_report(inputs, fmt, path, renderer), repeat=1 if quick else 3
            )
            many = f"CPU {cpu:.2f} s"
            if not quick:
                t = median_time(lambda fmt=fmt: write_reports(inputs, provinces, fmt, Path(folder) / fmt, renderer), 1)
                many += f"; {len(provinces)} provinces {t:.1f} s"
            rows.append(
                Result(
                    f"report {fmt}, one region",
                    f"{one:.2f} s",
                    f"≤ {TARGET_S:.0f} s",
                    one / TARGET_S,
                    many,
                    one <= TARGET_S,
                )
            )
    return rows


def main() -> int:
    rows = results(quick="--quick" in sys.argv)
    print_results(rows)
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
