"""`compute --json` end to end on 3,000 regions × 27 indicators × 20 years from a long-format CSV (spec 05).

    python benchmarks/bench_compute.py [--quick]

The CLI runs in a subprocess (as a user runs it): wall time, peak memory of the child
(resource.getrusage RUSAGE_CHILDREN maxrss) and the ratio to `pandas.read_csv` of the same file,
read in another subprocess in the same run. Targets: ≤ 10 s, ≤ 1 GB, ≤ 4× read_csv.
`--quick` uses 300 regions (the targets are then checked on the smaller file).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT_DIR))
sys.path.insert(0, str(ROOT_DIR / "benchmarks"))

from timing import Result, print_results  # noqa: E402

from core.model.framework import load_framework  # noqa: E402

YEARS = list(range(2005, 2025))  # 20 years
REGIONS = 3000
LIMIT_S, LIMIT_MB, LIMIT_RATIO = 10.0, 1024.0, 4.0


def write_long_csv(path: Path, regions: int, seed: int = 1) -> int:
    """The benchmark's long CSV (region, indicator, year, value, unit): `regions` × every leaf × 20 years.

    Values are the same random walks as bench_engine.make_table; returns the number of data rows.
    """
    fw = load_framework()
    rng = np.random.default_rng(seed)
    leaves = list(fw.leaves)
    start = rng.uniform(1, 1000, size=(regions, len(leaves), 1))
    steps = rng.uniform(0.9, 1.25, size=(regions, len(leaves), len(YEARS) - 1))
    values = np.concatenate([start, start * np.cumprod(steps, axis=2)], axis=2)
    units = [fw.nodes[c].unit for c in leaves]
    years = [str(y) for y in YEARS]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("地区,指标,年份,数值,单位\n")
        for r in range(regions):
            name = f"地区{r + 1}"
            lines = []
            for i, code in enumerate(leaves):
                vals = values[r, i]
                if units[i].strip() == "%":  # keep percentages plausible (≤ 100)
                    vals = 100 * vals / (vals.max() * 1.01)
                lines.extend(f"{name},{code},{y},{v:.6g},{units[i]}\n" for y, v in zip(years, vals, strict=True))
            fh.write("".join(lines))
    return regions * len(leaves) * len(YEARS)


def run_child(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident MB and CPU seconds (user + system) of one child process (each
    measured alone via a wrapper)."""
    code = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter(); rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode;"
        "wall = time.perf_counter() - t; u = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(wall, u.ru_maxrss, u.ru_utime + u.ru_stime, rc)"
    )
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    wall, rss_kb, cpu, rc = out.stdout.split()
    if rc != "0":
        raise RuntimeError(f"{argv} exited {rc}")
    return float(wall), float(rss_kb) / 1024, float(cpu)


def interleaved(a: list[str], b: list[str], repeat: int) -> tuple[list[tuple], list[tuple]]:
    """run_child of `a` and `b` alternately, `repeat` times each: a shared machine's load weighs on both alike."""
    runs: tuple[list[tuple], list[tuple]] = ([], [])
    for _ in range(repeat):
        runs[0].append(run_child(a))
        runs[1].append(run_child(b))
    return runs


def medians(runs: list[tuple]) -> tuple[float, ...]:
    return tuple(statistics.median(column) for column in zip(*runs, strict=True))


def results(quick: bool = False) -> list[Result]:
    regions = 300 if quick else REGIONS
    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT_DIR), env_path) if p)
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "long.csv", Path(tmp) / "out.json"
        rows = write_long_csv(data, regions)
        read_csv = f"import pandas; pandas.read_csv({str(data)!r})"
        compute = [sys.executable, "-m", "core", "compute", str(data), "--json", str(out)]
        base_runs, runs = interleaved([sys.executable, "-c", read_csv], compute, 1 if quick else 3)
        (base_s, base_mb, base_cpu), (wall, _, cpu) = medians(base_runs), medians(runs)
        peak = max(r[1] for r in runs)
        size = data.stat().st_size / 1048576
    what = f"compute --json, {regions:,} regions × 27 × 20 y ({rows / 1e6:.2f} M rows, {size:.0f} MB)"
    ratio = wall / base_s
    return [
        Result(what + ": time", f"{wall:.1f} s", f"≤ {LIMIT_S:.0f} s", wall / LIMIT_S, "", wall <= LIMIT_S),
        Result(what + ": peak memory", f"{peak:.0f} MB", "≤ 1 GB", peak / LIMIT_MB, "", peak <= LIMIT_MB),
        Result(
            what + ": vs read_csv",
            f"{ratio:.1f}×",
            f"≤ {LIMIT_RATIO:.0f}×",
            ratio,
            f"pandas.read_csv {base_s:.2f} s, {base_mb:.0f} MB; CPU time {cpu:.1f} s vs {base_cpu:.1f} s"
            f" = {cpu / base_cpu:.1f}× (medians of runs taken alternately)",
            ratio <= LIMIT_RATIO,
        ),
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="300 regions instead of 3,000")
    print_results(results(quick=ap.parse_args().quick))


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    print(
        f"({time.perf_counter() - t0:.0f} s, peak of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)"
    )
