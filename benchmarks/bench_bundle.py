"""Start-up of the bundle against the same code from source: process start → main window shown.

Needs a bundle (`scripts/build_bundle.sh` → dist/fusion-assessor/). Both run offscreen with
FUSION_ASSESSOR_EXIT_AFTER_SHOW (the app prints "shown" right after `show()` and exits), fresh
settings, alternating runs; medians and their ratio (target ≤ 1.5).
Usage: `python benchmarks/bench_bundle.py [--runs 9] [--bundle dist/fusion-assessor]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = "import sys; from desktop.app import main; sys.exit(main([]))\n"


def time_to_shown(argv: list[str], env: dict) -> float:
    """Seconds from process start to the app's "shown" line."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    shown = time.perf_counter() - t0
    proc.communicate(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError(f"{argv[0]} did not report a shown window")
    return shown


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--bundle", default=str(ROOT / "dist" / "fusion-assessor"))
    args = ap.parse_args()
    exe = Path(args.bundle) / ("fusion-assessor.exe" if os.name == "nt" else "fusion-assessor")
    if not exe.is_file():
        print(f"no bundle at {exe}: build it with scripts/build_bundle.sh")
        return 0
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["FUSION_ASSESSOR_EXIT_AFTER_SHOW"] = "1"
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-bundle-")
    env["PYTHONPATH"] = str(ROOT)
    source = [sys.executable, "-c", APP]
    bundle = [str(exe)]
    time_to_shown(source, env), time_to_shown(bundle, env)  # warm the file cache and .pyc files
    src, bun = [], []
    for _ in range(args.runs):
        src.append(time_to_shown(source, env))
        bun.append(time_to_shown(bundle, env))
    ms, mb = statistics.median(src), statistics.median(bun)
    fmt = lambda xs: ", ".join(f"{x * 1000:.0f}" for x in xs)  # noqa: E731
    print(f"from source : median {ms * 1000:.0f} ms  (runs: {fmt(src)})")
    print(f"bundle      : median {mb * 1000:.0f} ms  (runs: {fmt(bun)})")
    print(f"ratio bundle / source: {mb / ms:.2f}  (target ≤ 1.50)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
