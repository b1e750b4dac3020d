"""Time the index engine, sensitivity and Monte Carlo against baselines measured in the same run.

    python benchmarks/bench_engine.py [--quick]

Baseline for the engine (spec 05): a straightforward pure-Python loop over dicts computing the
same index. Baselines for sensitivity and Monte Carlo: one engine run × the number of variants.
Figures are medians of several runs; ratios matter more than seconds on a shared machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.framework import ROOT, Framework, load_framework  # noqa: E402
from core.index_engine import compute_index  # noqa: E402
from core.observations import Observation, ObservationTable  # noqa: E402
from core.sensitivity import monte_carlo, one_at_a_time  # noqa: E402

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


def python_baseline(table: ObservationTable, fw: Framework) -> dict:
    """The method written plainly: dicts, loops, no numpy (what the engine must beat)."""
    data: dict = {}
    for o in table:
        data.setdefault(o.region, {}).setdefault(o.indicator, {})[o.year] = o.value
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


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    args = ap.parse_args()
    repeat = 3 if args.quick else 5
    fw = load_framework()
    print("index engine (27 indicators × 20 years, all nodes)")
    print(f"{'regions':>8} {'engine s':>10} {'python s':>10} {'speed-up':>9}")
    for n in (31, 300, 3000):
        table = make_table(fw, n)
        engine = timed(lambda: compute_index(table, fw), repeat)
        baseline = timed(lambda: python_baseline(table, fw), 1 if n == 3000 else repeat)
        # same numbers?
        res, base = compute_index(table, fw), python_baseline(table, fw)
        assert abs(res.value("R0", ROOT, YEARS[-1]) - base["R0"][ROOT][YEARS[-1]]) < 1e-6
        print(f"{n:>8} {engine:>10.4f} {baseline:>10.4f} {baseline / engine:>8.1f}×")

    table = make_table(fw, 31)
    one = timed(lambda: compute_index(table, fw), repeat)
    oat = one_at_a_time(table, fw)
    t_oat = timed(lambda: one_at_a_time(table, fw), repeat)
    print(f"\n±20 % one-at-a-time, 31 regions: {t_oat:.3f} s for {len(oat.variants)} variants; "
          f"baseline (one engine run × variants) {one * len(oat.variants):.3f} s → {one * len(oat.variants) / t_oat:.1f}×")
    t_mc = timed(lambda: monte_carlo(table, fw, draws=1000), 1 if args.quick else 3)
    print(f"Monte Carlo 1,000 draws, 31 regions: {t_mc:.3f} s; baseline (one engine run × 1,000) {one * 1000:.3f} s → {one * 1000 / t_mc:.1f}×")


if __name__ == "__main__":
    main()
