"""Time the assessment (spec 05, issue 17).

- 31 provinces, all parts (partners, sameness, ranks, national recomputation): target ≤ 0.5 s;
  with every verdict's stability (1,000 weight and data draws, spec 02 §2.11): target ≤ 3 s.
- `python -m core assess --region all` through the public API (`assess`, every loaded region, with its
  default stability draws) on 300 and 3,000 regions × 27 indicators × 20 years, read from the long CSV
  the compute benchmark writes (bench_compute.write_long_csv) as the CLI reads it (columns, not rows;
  reading is not timed): 3,000 regions ≤ 10 s and ≤ 12× the time of 300 (the assessment grows
  linearly). The JSON of it (`Assessment.to_dict()`, what `--json` writes) is timed beside, reported; the
  CPU time of the assessment (every thread) is shown beside the wall time. The same on 3,000 synthetic
  profiles (6 years, with GDP, population and province neighbours: every part of the assessment has work)
  is reported.

Seeded data: benchmarks/make_demo_data.synthetic_table (the regions with GDP and population, plus the
comparable nation) and the compute benchmark's random walks. Median of several runs (one run for 3,000
regions); the index engine alone on the 31 provinces is the baseline measured in the same run.

    python benchmarks/bench_assess.py            # python benchmarks/run_all.py collects `results()`
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_compute import write_long_csv
from make_demo_data import synthetic_table
from timing import Result, median_time, print_results

from core.assessment import assess
from core.assessment.config import load_config
from core.index.engine import compute_index
from core.io.loading import load_data
from core.model.framework import load_framework

TARGET_S = 0.5
TARGET_STABLE_S = 3.0
TARGET_3000_S = 10.0
TARGET_SCALE = 12.0  # 3,000 regions ≤ 12× the time of 300


def _seconds(t: float) -> str:
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def _provinces(fw, config, repeat: int) -> list[Result]:
    table = synthetic_table(31)
    assess(table, fw, config=config)  # warm-up (imports, caches)
    full = median_time(lambda: assess(table, fw, config=config, robust=False), repeat)
    stable = median_time(lambda: assess(table, fw, config=config), repeat)
    engine = median_time(lambda: compute_index(table, fw), repeat)
    base = f"index engine {_seconds(engine)}"
    return [
        Result("assess: 31 provinces, all parts", _seconds(full), f"≤ {_seconds(TARGET_S)}", full / TARGET_S,
               f"{base} ({full / engine:.1f}×)", full <= TARGET_S),
        Result("assess: 31 provinces with stability draws", _seconds(stable), f"≤ {_seconds(TARGET_STABLE_S)}",
               stable / TARGET_STABLE_S, base, stable <= TARGET_STABLE_S),
    ]  # fmt: skip


def long_table(fw, n: int):
    """`n` regions × 27 × 20 years read from the compute benchmark's long CSV, as the CLI reads it (columns)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.csv"
        write_long_csv(path, n)
        table, _ = load_data([path], fw)
    return table


def region_all_seconds(fw, config, table, repeat: int) -> tuple[float, float, float]:
    """`assess --region all` on `table` (with its stability draws), and its JSON: wall seconds, and the
    assessment's CPU seconds beside (the process's, every thread: a shared machine inflates wall time)."""
    out, cpu = [], []

    def run() -> None:
        start = time.process_time()
        out.append(assess(table, fw, config=config))
        cpu.append(time.process_time() - start)

    assessment = median_time(run, repeat)
    return assessment, median_time(out[-1].to_dict, repeat), statistics.median(cpu)


def cli_json_row(regions: int = 3000) -> Result:
    """`python -m core assess CSV --region all --json out.json` in a subprocess, as a user runs it, on bench_compute's
    long CSV (regions × 27 × 20 years): wall time and the child's peak memory (JSON compact, streamed by region)."""
    import os

    from bench_compute import ROOT_DIR, run_child

    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT_DIR), env_path) if p)
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "long.csv", Path(tmp) / "out.json"
        write_long_csv(data, regions)
        wall, peak, cpu = run_child([sys.executable, "-m", "core", "assess", str(data), "--region", "all",
                                     "--json", str(out)])  # fmt: skip
        size = out.stat().st_size / 1048576
    return Result(f"assess --json (CLI end to end), {regions:,} regions", _seconds(wall), "reported",
                  baseline=f"peak memory {peak:.0f} MB; CPU {_seconds(cpu)}; JSON {size:.0f} MB")  # fmt: skip


def results(quick: bool = False) -> list[Result]:
    fw = load_framework()
    config = load_config(pillars=fw.pillars)
    rows = _provinces(fw, config, 1 if quick else 5)
    t300, j300, c300 = region_all_seconds(fw, config, long_table(fw, 300), 1 if quick else 3)
    rows.append(
        Result("assess --region all: 300 regions × 20 years (long CSV)", _seconds(t300), "reported",
               baseline=f"JSON {_seconds(j300)}; CPU {_seconds(c300)}")
    )  # fmt: skip
    if quick:
        return rows
    t3000, j3000, c3000 = region_all_seconds(fw, config, long_table(fw, 3000), 1)
    scale = t3000 / t300
    s3000, _, sc3000 = region_all_seconds(fw, config, synthetic_table(3000), 1)
    rows += [
        Result("assess --region all: 3,000 regions × 20 years (long CSV)", _seconds(t3000),
               f"≤ {_seconds(TARGET_3000_S)}", t3000 / TARGET_3000_S, f"CPU {_seconds(c3000)}",
               t3000 <= TARGET_3000_S),
        Result("assess: 3,000 regions / 300 regions", f"{scale:.1f}×", f"≤ {TARGET_SCALE:.0f}×", scale,
               f"300 regions {_seconds(t300)}; CPU ratio {c3000 / c300:.1f}×", scale <= TARGET_SCALE),
        Result("assessment JSON (to_dict): 3,000 regions", _seconds(j3000), "reported", j3000 / j300,
               f"300 regions {_seconds(j300)} (ratio 3,000 / 300)"),
        Result("assess --region all: 3,000 synthetic profiles (6 years, GDP, neighbours)", _seconds(s3000),
               "reported", baseline=f"CPU {_seconds(sc3000)}"),
    ]  # fmt: skip
    rows.append(cli_json_row())
    return rows


def main() -> int:
    rows = results(quick="--quick" in sys.argv)
    print_results(rows)
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
