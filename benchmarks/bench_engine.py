"""Time the index engine, sensitivity and Monte Carlo against baselines measured in the same run.

    python benchmarks/bench_engine.py [--quick]

Baseline for the engine (spec 05): a straightforward pure-Python loop over dicts computing the
same index. Baselines for sensitivity and Monte Carlo: one engine run × the number of variants.
Figures are medians of several runs; ratios matter more than seconds on a shared machine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import median_time

from core.index.engine import compute_index, compute_index_grid, to_grid
from core.index.sensitivity import monte_carlo, one_at_a_time
from core.model.framework import ROOT, Framework, load_framework
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    args = ap.parse_args()
    repeat = 3 if args.quick else 5
    fw = load_framework()
    print("index engine, 27 indicators × 20 years, all 44 nodes")
    print("  calc: engine from its grid vs the pure-Python loop from its dicts (the method itself)")
    print("  end-to-end: both starting from the same ObservationTable (includes placing 1.6 M observations)")
    print(
        f"{'regions':>8} {'engine s':>10} {'python s':>10} {'calc ×':>8} {'e2e engine s':>13} {'e2e python s':>13} {'e2e ×':>7}"
    )
    for n in (31, 300, 3000):
        table = make_table(fw, n)
        grid, dicts = to_grid(table, fw), to_dicts(table)
        engine = median_time(lambda grid=grid: compute_index_grid(grid, fw), repeat)
        baseline = median_time(lambda dicts=dicts: python_baseline(dicts, fw), 1 if n == 3000 else repeat)
        e2e_engine = median_time(lambda table=table: compute_index(table, fw), 1 if n == 3000 else repeat)
        e2e_python = median_time(lambda table=table: python_baseline(to_dicts(table), fw), 1 if n == 3000 else repeat)
        res, base = compute_index_grid(grid, fw), python_baseline(dicts, fw)
        assert abs(res.value("R0", ROOT, YEARS[-1]) - base["R0"][ROOT][YEARS[-1]]) < 1e-6  # same numbers
        print(
            f"{n:>8} {engine:>10.4f} {baseline:>10.4f} {baseline / engine:>7.1f}× {e2e_engine:>13.4f} {e2e_python:>13.4f} {e2e_python / e2e_engine:>6.1f}×"
        )

    table = make_table(fw, 31)
    one = median_time(lambda: compute_index(table, fw), repeat)
    oat = one_at_a_time(table, fw)
    t_oat = median_time(lambda: one_at_a_time(table, fw), repeat)
    print(
        f"\n±20 % one-at-a-time, 31 regions: {t_oat:.3f} s for {len(oat.variants)} variants; "
        f"baseline (one engine run × variants) {one * len(oat.variants):.3f} s → {one * len(oat.variants) / t_oat:.1f}×"
    )
    t_mc = median_time(lambda: monte_carlo(table, fw, draws=1000), 1 if args.quick else 3)
    print(
        f"Monte Carlo 1,000 draws, 31 regions: {t_mc:.3f} s; baseline (one engine run × 1,000) {one * 1000:.3f} s → {one * 1000 / t_mc:.1f}×"
    )


if __name__ == "__main__":
    main()
