"""Time and peak memory to refuse each file of the hostile corpus (issue 15: < 15 s, < 1 GB each).

Each file is read in a fresh subprocess, so the peak resident memory (getrusage ru_maxrss) is
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

LIMIT_S, LIMIT_MB = 15.0, 1024.0
_CHILD = """
import json, resource, sys, time
from pathlib import Path
from core.io.loading import read_file
from core.model.framework import load_framework
fw = load_framework()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
result = read_file(Path(sys.argv[1]), fw)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"s": elapsed, "peak_mb": peak / 1024, "codes": sorted({p.code for p in result.problems})}))
"""


def main() -> int:
    from hostile_corpus import build

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="hostile-"))
    cases = build(out)
    failures = 0
    print(f"{'file':18} {'seconds':>8} {'peak MB':>8}  verdict")
    for case in cases:
        proc = subprocess.run([sys.executable, "-c", _CHILD, str(case.path)], capture_output=True, text=True, cwd=ROOT)
        if proc.returncode != 0:
            failures += 1
            print(f"{case.name:18} CRASH {proc.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(proc.stdout)
        ok = r["s"] < LIMIT_S and r["peak_mb"] < LIMIT_MB and bool(set(r["codes"]) & case.codes)
        failures += not ok
        print(f"{case.name:18} {r['s']:8.2f} {r['peak_mb']:8.0f}  {'ok' if ok else 'FAIL'} {','.join(r['codes'])}")
    print(f"{len(cases)} files, {failures} failures (limits: {LIMIT_S:.0f} s, {LIMIT_MB:.0f} MB each)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
