"""Run every benchmark and print one table (spec 05): `python benchmarks/run_all.py [--quick] [--only NAME …]`.

Every benchmarks/bench_*.py that defines `results(quick=False) -> list[Result]` is imported and run
in turn; a script that fails is reported as a failed row and the others still run. The table shows
what was measured, the target, the ratio the target is about, the baseline measured in the same run,
and ✓/✗, followed by the machine (CPU, cores, RAM, OS, Python) and the load average at the start.
The machine may be shared and noisy: ratios to a baseline from the same run matter more than seconds.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from timing import Result  # noqa: E402


def scripts() -> list[Path]:
    """The bench_*.py files defining `results` (found without running them: a plain text check)."""
    return [p for p in sorted(HERE.glob("bench_*.py")) if "\ndef results(" in p.read_text(encoding="utf-8")]


def run_script(path: Path, quick: bool) -> tuple[list[Result], float]:
    t0 = time.perf_counter()
    try:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        rows = list(module.results(quick=quick))
    except Exception as exc:  # one broken script must not hide the others
        traceback.print_exc(file=sys.stderr)
        rows = [Result(f"{path.stem}: failed", type(exc).__name__, "runs", None, str(exc)[:60], False)]
    return rows, time.perf_counter() - t0


def machine() -> str:
    """CPU model, cores, RAM, OS, Python."""
    cpu = platform.processor() or platform.machine()
    ram = ""
    try:
        info = Path("/proc/cpuinfo").read_text()
        cpu = next((line.split(":", 1)[1].strip() for line in info.splitlines() if "model name" in line), cpu)
        mem = Path("/proc/meminfo").read_text().split()
        ram = f", {int(mem[mem.index('MemTotal:') + 1]) / 1048576:.0f} GB RAM"
    except (OSError, ValueError, StopIteration):
        pass
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{cpu}, {os.cpu_count()} cores{ram}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}{load}"
    )


def table(rows: list[tuple[str, Result]]) -> str:
    """A Markdown table (readable as plain text, pasted as is into the README)."""
    lines = ["| | what | measured | target | ratio | baseline (same run) |", "|---|---|---|---|---|---|"]
    for _, r in rows:
        mark = "" if r.ok is None else ("✓" if r.ok else "✗")
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}"
        lines.append(f"| {mark} | {r.what} | {r.measured} | {r.target} | {ratio} | {r.baseline} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller inputs and fewer repeats")
    ap.add_argument("--only", nargs="*", help="script names to run (e.g. bench_engine bench_compute)")
    args = ap.parse_args()
    found = [p for p in scripts() if not args.only or p.stem in args.only]
    started = machine()
    rows: list[tuple[str, Result]] = []
    for path in found:
        print(f"running {path.name} …", file=sys.stderr, flush=True)
        results, seconds = run_script(path, args.quick)
        print(f"  {path.name}: {len(results)} rows in {seconds:.0f} s", file=sys.stderr, flush=True)
        rows += [(path.stem, r) for r in results]
    print(table(rows))
    print(f"\nMachine: {started}{' (--quick)' if args.quick else ''}")
    failed = [r for _, r in rows if r.ok is False]
    print(f"{len(rows)} rows from {len(found)} scripts, {len(failed)} over target")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
