"""Time the index engine, sensitivity and Monte Carlo against baselines measured in the same run.

    python benchmarks/bench_engine.py [--quick]

Engine (spec 05): 3,000 regions × 27 × 20 years, all nodes, ≤ 0.2 s and ≤ 1.3× the minimal numpy
version in benchmarks/minimal_index.py (same results to 1e-9). The pure-Python loop over dicts is
reported, not targeted. Sensitivity and Monte Carlo: ≤ 1 s / ≤ 2 s, against one engine run × the
number of variants. Figures are medians of several runs; ratios matter more than seconds here.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from minimal_index import minimal_index
from timing import Result, median_time, print_results

from core.index.engine import compute_index, compute_index_grid, to_grid
from core.index.sensitivity import monte_carlo, one_at_a_time
from core.model.framework import Framework, load_framework
from core.model.observations import Observation, ObservationTable

YEARS = list(range(2005, 2025))  # 20 years


def make_table(fw: Framework, regions: int, seed: int = 1) -> ObservationTable:
    rng = np.random.default_rng(seed)
    rows = []
    for r in range(regions):
        for code in fw.leaves:
            v = float(rng.uniform(1, 1000))
            for y in YEARS:
                rows.append(Observation(f"R{r}", code, y, v))
                v *= float(rng.uniform(0.9, 1.25))
    return ObservationTable(rows)


def to_dicts(table: ObservationTable) -> dict:
    """region → indicator → year → value: the baseline's natural input."""
    data: dict = {}
    for o in table:
        data.setdefault(o.region, {}).setdefault(o.indicator, {})[o.year] = o.value
    return data


def python_baseline(data: dict, fw: Framework) -> dict:
    """The method written plainly: dicts, loops, no numpy (what the engine must beat)."""
    out = {}
    for region, by_code in data.items():
        growth: dict[str, dict[int, float]] = {}
        for code in fw.leaves:
            s = by_code[code]
            growth[code] = {y: 200 * (s[y] - s[y - 1]) / (s[y] + s[y - 1]) for y in YEARS[1:]}
        for parent in fw.parents:
            growth[parent] = {y: sum(fw.nodes[k].weight * growth[k][y] for k in fw.children(parent)) for y in YEARS[1:]}
        index = {}
        for code in fw.codes:
            e = {YEARS[0]: 100.0}
            for y in YEARS[1:]:
                v = growth[code][y]
                e[y] = e[y - 1] * (200 + v) / (200 - v)
            index[code] = e
        out[region] = index
    return out


def interleaved(a, b, repeat: int) -> tuple[float, float]:
    """Median times of `a` and `b` run alternately (a shared machine's load then weighs on both alike)."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in ((a, times[0]), (b, times[1])):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    return statistics.median(times[0]), statistics.median(times[1])


def engine_rows(fw: Framework, regions: int, repeat: int) -> list[Result]:
    table = make_table(fw, regions)
    grid = to_grid(table, fw)
    result, mini = compute_index_grid(grid, fw), minimal_index(grid.raw, fw)
    worst = float(np.max(np.abs(result.index - mini) / np.abs(mini)))
    assert worst <= 1e-9, f"engine and minimal version differ by {worst:.1e}"  # the same numbers
    engine, minimal = interleaved(lambda: compute_index_grid(grid, fw), lambda: minimal_index(grid.raw, fw), 3 * repeat)
    dicts = to_dicts(table)
    python = median_time(lambda: python_baseline(dicts, fw), 1)
    what = f"index engine, {regions:,} regions × 27 × 20 y"
    ratio = engine / minimal
    return [
        Result(what, f"{engine:.3f} s", "≤ 0.2 s", engine / 0.2, "", engine <= 0.2),
        Result(
            what + " vs minimal numpy",
            f"{ratio:.2f}×",
            "≤ 1.3×",
            ratio,
            f"minimal_index {minimal:.3f} s (max rel. diff {worst:.0e})",
            ratio <= 1.3,
        ),
        Result(what + " vs pure Python", f"{python / engine:.0f}× faster", "reported", None, f"python {python:.2f} s"),
    ]


def results(quick: bool = False) -> list[Result]:
    repeat = 3 if quick else 7
    fw = load_framework()
    rows = engine_rows(fw, 3000, repeat)
    table = make_table(fw, 31)
    one = median_time(lambda: compute_index(table, fw), repeat)
    oat = one_at_a_time(table, fw)
    t_oat = median_time(lambda: one_at_a_time(table, fw), repeat)
    t_mc = median_time(lambda: monte_carlo(table, fw, draws=1000), 1 if quick else 3)
    base_oat, base_mc = one * len(oat.variants), one * 1000
    rows += [
        Result(
            "sensitivity ±20 % (all weights), 31 regions",
            f"{t_oat:.3f} s",
            "≤ 1 s",
            t_oat,
            f"engine × {len(oat.variants)} variants {base_oat:.2f} s",
            t_oat <= 1,
        ),
        Result(
            "Monte Carlo 1,000 draws, 31 regions",
            f"{t_mc:.3f} s",
            "≤ 2 s",
            t_mc / 2,
            f"engine × 1,000 {base_mc:.2f} s",
            t_mc <= 2,
        ),
    ]
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    print_results(results(quick=ap.parse_args().quick))


if __name__ == "__main__":
    main()
