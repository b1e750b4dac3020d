"""Time and peak memory to refuse each file of the hostile corpus (issue 15: < 15 s, < 1 GB each).

Each file is read in a fresh subprocess, so the peak resident memory (VmHWM, or ru_maxrss) is
that file's alone. Usage: `python benchmarks/bench_hostile.py [OUTDIR]`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
sys.path.insert(0, str(ROOT / "benchmarks"))

from timing import Result, print_results  # noqa: E402

LIMIT_S, LIMIT_MB = 15.0, 1024.0
# The child's own peak: /proc's VmHWM belongs to the process image (getrusage's ru_maxrss survives
# exec, so a child started by a large parent would report the parent's peak); ru_maxrss elsewhere.
_CHILD = """
import json, re, resource, sys, time
from pathlib import Path
from core.io.loading import read_file
from core.model.framework import load_framework
def peak_mb():
    try:
        return int(re.search(r"VmHWM:\\s+(\\d+)", Path("/proc/self/status").read_text())[1]) / 1024
    except (OSError, TypeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
fw = load_framework()
start = time.perf_counter()
result = read_file(Path(sys.argv[1]), fw)
elapsed = time.perf_counter() - start
print(json.dumps({"s": elapsed, "peak_mb": peak_mb(), "codes": sorted({p.code for p in result.problems})}))
"""


def results(quick: bool = False, out: Path | None = None) -> list[Result]:
    """Every hostile file read in its own process: the slowest and the largest, and any not refused."""
    from hostile_corpus import build

    out = out or Path(tempfile.mkdtemp(prefix="hostile-"))
    rows, failures = [], []
    for case in build(out):
        proc = subprocess.run([sys.executable, "-c", _CHILD, str(case.path)], capture_output=True, text=True, cwd=ROOT)
        if proc.returncode != 0:
            failures.append(case.name)
            print(f"{case.name:18} CRASH {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            continue
        r = json.loads(proc.stdout)
        refused = bool(set(r["codes"]) & case.codes)
        if not (r["s"] < LIMIT_S and r["peak_mb"] < LIMIT_MB and refused):
            failures.append(case.name)
        rows.append((case.name, r["s"], r["peak_mb"]))
    slow = max(rows, key=lambda x: x[1])
    big = max(rows, key=lambda x: x[2])
    n = len(rows) + len([f for f in failures if f not in {x[0] for x in rows}])
    what = f"hostile workbooks ({n} files)"
    return [
        Result(
            what + ": slowest", f"{slow[1]:.2f} s", f"< {LIMIT_S:.0f} s", slow[1] / LIMIT_S, slow[0], slow[1] < LIMIT_S
        ),
        Result(what + ": peak memory", f"{big[2]:.0f} MB", "< 1 GB", big[2] / LIMIT_MB, big[0], big[2] < LIMIT_MB),
        Result(
            what + ": refused with a problem",
            f"{n - len(failures)}/{n}",
            "all",
            None,
            ", ".join(failures),
            not failures,
        ),
    ]


def main() -> int:
    rows = results(out=Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print_results(rows)
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
