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
sys.path.insert(0, str(ROOT / "benchmarks"))

from timing import Result, print_results  # noqa: E402

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


def results(quick: bool = False, runs: int | None = None, bundle: str | None = None) -> list[Result]:
    folder = Path(bundle or ROOT / "dist" / "fusion-assessor")
    exe = folder / ("fusion-assessor.exe" if os.name == "nt" else "fusion-assessor")
    if not exe.is_file():
        return [Result("bundle start vs source", "no bundle", "≤ 1.5×", None, "build it: scripts/build_bundle.sh")]
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 1048576  # as du -sm
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["FUSION_ASSESSOR_EXIT_AFTER_SHOW"] = "1"
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-bundle-")
    env["PYTHONPATH"] = str(ROOT)
    source, frozen = [sys.executable, "-c", APP], [str(exe)]
    time_to_shown(source, env), time_to_shown(frozen, env)  # warm the file cache and .pyc files
    src, bun = [], []
    for _ in range(runs or (3 if quick else 9)):
        src.append(time_to_shown(source, env))
        bun.append(time_to_shown(frozen, env))
    ms, mb = statistics.median(src), statistics.median(bun)
    return [
        Result("PyInstaller bundle size", f"{size:.0f} MB", "≤ 150 MB", size / 150, "", size <= 150),
        Result(
            "bundle start to window shown",
            f"{mb * 1000:.0f} ms",
            "≤ 1.5×",
            mb / ms,
            f"source {ms * 1000:.0f} ms",
            mb / ms <= 1.5,
        ),
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--bundle", default=str(ROOT / "dist" / "fusion-assessor"))
    args = ap.parse_args()
    print_results(results(runs=args.runs, bundle=args.bundle))
    return 0


if __name__ == "__main__":
    sys.exit(main())
