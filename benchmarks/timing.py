"""Shared timing helper for the benchmark scripts (run as `python benchmarks/<script>.py`)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


def median_time(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `repeat` calls, in seconds: robust against a noisy shared machine."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


@dataclass(frozen=True)
class Result:
    """One row of the benchmark table (`python benchmarks/run_all.py` collects them from every script).

    `measured`/`target`/`baseline` are display strings ("4.2 s", "≤ 10 s", "pandas.read_csv 1.1 s");
    `ratio` is the figure the target is about (e.g. 3.1 for "3.1× the baseline", or seconds / limit),
    `ok` whether the target is met (None when the row is reported, not targeted).
    """

    what: str
    measured: str
    target: str
    ratio: float | None = None
    baseline: str = ""
    ok: bool | None = None


def print_results(rows: list[Result]) -> None:
    """The rows as a plain-text table (each bench script's `main()` prints its own `results()` this way)."""
    for r in rows:
        mark = "" if r.ok is None else ("✓" if r.ok else "✗")
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}"
        print(f"{mark:1} {r.what:<48} {r.measured:>14} {r.target:>14} {ratio:>7}  {r.baseline}")
