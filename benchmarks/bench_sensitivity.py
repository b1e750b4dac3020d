"""Time Sobol indices and the whole `sensitivity` command against the target (issue 16).

    python benchmarks/bench_sensitivity.py [--quick]

Target: Sobol indices of every variable weight (43 on the shipped 4-12-27 framework, at least
27) with N = 1024 base samples in ≤ 5 s; the command (Sobol + Monte Carlo bands + drop-one) on
31 regions in ≤ 5 s as well. Figures are medians of several runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_engine import make_table
from timing import Result, median_time, print_results

from core.index.drop_one import drop_one
from core.index.engine import prepare
from core.index.sensitivity import monte_carlo
from core.index.sobol import sobol_indices
from core.model.framework import load_framework

TARGET_SECONDS = 5.0


def monte_carlo_at_scale(fw, regions: int = 3000, draws: int = 500) -> Result:
    """Monte Carlo bands on every county (the desktop runs 500 draws after an import): time and the peak of the
    memory numpy and Python allocate meanwhile (tracemalloc). Holding every draw of every region at once took
    9 GB at 3,000 regions; the draws are now kept a block of regions at a time."""
    import time
    import tracemalloc

    table = make_table(fw, regions)
    tracemalloc.start()
    start = time.perf_counter()
    monte_carlo(table, fw, draws=draws)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 1048576
    tracemalloc.stop()
    return Result(f"Monte Carlo {draws} draws, {regions:,} regions × 27 × 20 y", f"{seconds:.1f} s", "reported",
                  baseline=f"peak allocated {peak:.0f} MB")  # fmt: skip


def results(quick: bool = False) -> list[Result]:
    repeat = 1 if quick else 5
    fw = load_framework()
    table = make_table(fw, 31)
    prepared = prepare(table, fw)
    sobol = sobol_indices(prepared, "R0", draws=1024)
    t_sobol = median_time(lambda: sobol_indices(prepared, "R0", draws=1024), repeat)
    t_all = median_time(
        lambda: (
            sobol_indices(prepare(table, fw), "R0", draws=1024),
            monte_carlo(table, fw, draws=1024),
            drop_one(prepare(table, fw)),
        ),
        repeat,
    )
    target = f"≤ {TARGET_SECONDS:.0f} s"
    return [
        Result(
            f"Sobol indices, {len(sobol.nodes)} weights, N = 1,024",
            f"{t_sobol:.3f} s",
            target,
            t_sobol / TARGET_SECONDS,
            "",
            len(sobol.nodes) >= 27 and t_sobol <= TARGET_SECONDS,
        ),
        Result(
            "Sobol + Monte Carlo bands + drop-one, 31 regions",
            f"{t_all:.3f} s",
            target,
            t_all / TARGET_SECONDS,
            "",
            t_all <= TARGET_SECONDS,
        ),
    ] + ([] if quick else [monte_carlo_at_scale(fw)])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    rows = results(quick=parser.parse_args().quick)
    print_results(rows)
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
