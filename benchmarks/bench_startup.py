"""Start-up: process start → main window shown, against a bare PySide6 window (spec 05).

Each run is a fresh subprocess; the parent measures from `Popen` to the child's "shown" line
(written right after `show()` + one `processEvents()`, or the app's first paint). Runs alternate
between the two commands so machine noise hits both alike; medians are reported and their ratio
(target ≤ 1.3). The child also reports its CPU seconds at that point: on a shared, busy machine
the CPU ratio is the steadier figure (reported beside the wall-clock one). Usage: `python benchmarks/bench_startup.py [--quick]`; `results()` for run_all.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import Result, print_results  # noqa: E402

BARE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = QWidget(); w.resize(1360, 860); w.setWindowTitle('bare'); w.show()\n"
    "app.processEvents()\n"
    "import os; t = os.times()\n"
    "sys.stdout.write(f'shown {t.user + t.system:.3f}\\n'); sys.stdout.flush()\n"
)
APP = "import sys; from desktop.app import main; sys.exit(main([]))\n"


def run_once(code: str, env: dict) -> tuple[float, float, float]:
    """(seconds to "shown", seconds to "ready", CPU seconds at "shown"); the bare window is ready when shown."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    line = proc.stdout.readline()
    shown = time.perf_counter() - t0
    ready = shown
    nxt = proc.stdout.readline()
    if nxt.strip() == "ready":
        ready = time.perf_counter() - t0
    proc.wait(timeout=60)
    word, _, cpu = line.strip().partition(" ")
    if word != "shown":
        raise RuntimeError("the child did not report a shown window")
    return shown, ready, float(cpu or "nan")


def measure(runs: int = 9) -> dict[str, list[float]]:
    """Per run: seconds to the bare window, to the app's window shown (first paint), to the app ready,
    and the CPU seconds of the bare window and of the app at their first paint."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["FUSION_ASSESSOR_EXIT_AFTER_SHOW"] = "1"
    # the warm-up run leaves the app's .pyc files, as an installed app has them (PySide6 and the
    # standard library, which the bare window imports, have theirs already); without this a
    # PYTHONDONTWRITEBYTECODE environment makes every app run compile its modules from source
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    tmp = tempfile.mkdtemp(prefix="bench-startup-")
    env["XDG_CONFIG_HOME"] = tmp  # fresh settings: the first-start path (demo loads after show)
    run_once(BARE, env), run_once(APP, env)  # warm the file cache and .pyc files
    out: dict[str, list[float]] = {"bare": [], "app": [], "ready": [], "bare_cpu": [], "app_cpu": []}
    for _ in range(runs):
        shown, _, cpu = run_once(BARE, env)
        out["bare"].append(shown)
        out["bare_cpu"].append(cpu)
        shown, done, cpu = run_once(APP, env)
        out["app"].append(shown)
        out["ready"].append(done)
        out["app_cpu"].append(cpu)
    return out


def results(quick: bool = False) -> list[Result]:
    m = {k: statistics.median(v) for k, v in measure(5 if quick else 9).items()}
    mb, ma, mr = m["bare"], m["app"], m["ready"]
    base = f"bare QWidget {mb * 1000:.0f} ms"
    cpu = m["app_cpu"] / m["bare_cpu"]
    return [
        Result("GUI: start to main window shown", f"{ma * 1000:.0f} ms", "≤ 1.3× bare", ma / mb, base, ma / mb <= 1.3),
        Result(
            "GUI: CPU to main window shown",
            f"{m['app_cpu'] * 1000:.0f} ms",
            "reported",
            cpu,
            f"bare QWidget {m['bare_cpu'] * 1000:.0f} ms CPU",
        ),
        Result("GUI: start to menus + first page built", f"{mr * 1000:.0f} ms", "reported", mr / mb, base),
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="5 runs instead of 9")
    print_results(results(quick=ap.parse_args().quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
