"""The long fuzz profile of tests/test_fuzz_import.py (3,000 cases per test; CI runs the bounded "ci" profile).

Usage: `python benchmarks/fuzz_long.py [medium|long]`. A failure prints hypothesis' falsifying example:
keep it in the test file as an `@example` (or a seed test) before fixing it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    profile = sys.argv[1] if len(sys.argv) > 1 else "long"
    env = {**os.environ, "HYPOTHESIS_PROFILE": profile, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics"]
    sys.exit(subprocess.call([*cmd, str(ROOT / "tests" / "test_fuzz_import.py")], cwd=ROOT, env=env))
