"""Time the assessment of 31 provinces (all parts, partners, sameness): target ≤ 0.5 s (spec 05).

Synthetic, seeded data (benchmarks/make_demo_data.synthetic_table). Prints the median of
several runs, with the engine run alone as the baseline measured in the same run.

    python benchmarks/bench_assess.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_demo_data import synthetic_table
from timing import median_time

from core.assessment import assess
from core.assessment.config import load_config
from core.index.engine import compute_index
from core.model.framework import load_framework

TARGET_S = 0.5


def main() -> int:
    fw = load_framework()
    config = load_config(pillars=fw.pillars)
    table = synthetic_table(31)
    assess(table, fw, config=config)  # warm-up (imports, caches)
    full = median_time(lambda: assess(table, fw, config=config))
    no_pub = median_time(lambda: assess(table, fw, config=config, with_published=False))
    engine = median_time(lambda: compute_index(table, fw))
    res = assess(table, fw, config=config)
    print(f"assessment of {len(res.regions)} provinces, {len(res.index.years)} years, {len(fw.leaves)} indicators")
    print(
        f"  full assessment (incl. national recomputation vs published): {full * 1000:7.1f} ms  (target ≤ {TARGET_S * 1000:.0f} ms) {'OK' if full <= TARGET_S else 'SLOW'}"
    )
    print(f"  without the national recomputation:                          {no_pub * 1000:7.1f} ms")
    print(
        f"  baseline: index engine alone:                                {engine * 1000:7.1f} ms  (assessment = {full / engine:.1f}× engine)"
    )
    return 0 if full <= TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
