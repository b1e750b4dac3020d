"""Time the assessment of 31 provinces (all parts, partners, sameness): target ≤ 0.5 s (spec 05);
and with every verdict's stability (1,000 weight and data draws, spec 02 §2.11): target ≤ 3 s.

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
TARGET_STABLE_S = 3.0


def main() -> int:
    fw = load_framework()
    config = load_config(pillars=fw.pillars)
    table = synthetic_table(31)
    assess(table, fw, config=config)  # warm-up (imports, caches)
    full = median_time(lambda: assess(table, fw, config=config, robust=False))
    no_pub = median_time(lambda: assess(table, fw, config=config, with_published=False, robust=False))
    stable = median_time(lambda: assess(table, fw, config=config))
    engine = median_time(lambda: compute_index(table, fw))
    res = assess(table, fw, config=config)
    print(f"assessment of {len(res.regions)} provinces, {len(res.index.years)} years, {len(fw.leaves)} indicators")
    print(
        f"  full assessment (incl. national recomputation vs published): {full * 1000:7.1f} ms  (target ≤ {TARGET_S * 1000:.0f} ms) {'OK' if full <= TARGET_S else 'SLOW'}"
    )
    print(f"  without the national recomputation:                          {no_pub * 1000:7.1f} ms")
    ok_stable = stable <= TARGET_STABLE_S
    print(
        f"  with stability ({config.robust_draws} draws of weights and data):          {stable * 1000:7.1f} ms  (target ≤ {TARGET_STABLE_S * 1000:.0f} ms) {'OK' if ok_stable else 'SLOW'}"
    )
    print(
        f"  baseline: index engine alone:                                {engine * 1000:7.1f} ms  (assessment = {full / engine:.1f}× engine)"
    )
    return 0 if full <= TARGET_S and ok_stable else 1


if __name__ == "__main__":
    raise SystemExit(main())
