"""SIGKILL at random points, 100 times: the workspace opens with the old or the new state, and no
half-written file is ever left under a final name.

Children loop over writes (workspace imports, atomic file exports) and print a line after each
completed one; the parent kills them at seeded random moments, several at a time, then checks
what is on disk. 60 kills hit workspace imports and 40 hit exports.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from core.store import Workspace

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

WORKSPACE_CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from core.store import Workspace
    ws = Workspace.open(sys.argv[1])
    files = sys.argv[2:]
    print("READY", flush=True)
    n = 0
    while True:
        ws.import_files([files[n % len(files)]])
        n += 1
        print("DONE", n, flush=True)
""")

EXPORT_CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from core.kernel import atomic_write_bytes
    target = sys.argv[1]
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        atomic_write_bytes(target, (str(n % 7) * 4_000_000).encode())
        print("DONE", n, flush=True)
""")


def _csv(folder: Path, framework, k: int) -> Path:
    """A long-format file whose values depend on k, so each import is a new revision."""
    path = folder / f"v{k}.csv"
    lines = ["region,indicator,year,value"]
    for code in framework.leaves:
        for year in range(2019, 2025):
            lines.append(f"甲市,{code},{year},{100 + k + year - 2019}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _kill_batch(script: Path, argvs: list[list[str]], rng: random.Random) -> None:
    procs = [subprocess.Popen([sys.executable, str(script), *a], stdout=subprocess.PIPE, text=True) for a in argvs]
    try:
        for p in procs:
            assert p.stdout.readline().strip() == "READY"
        time.sleep(rng.uniform(0.0, 0.4))
        for p in procs:
            os.kill(p.pid, signal.SIGKILL)
        for p in procs:
            p.wait(timeout=30)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert all(p.returncode == -signal.SIGKILL for p in procs)


def _states(ws_path: Path) -> list:
    with Workspace.open(ws_path) as ws:
        assert ws.integrity_ok()
        return [(o.indicator, o.year, o.value) for o in ws.observations()]


def test_killed_workspace_imports_leave_a_whole_revision(tmp_path, framework):
    rng = random.Random(20251201)
    files = [_csv(tmp_path, framework, k) for k in range(3)]
    valid = set()
    workspaces = []
    for w in range(4):
        path = tmp_path / f"w{w}.lcws"
        with Workspace.create(path) as ws:
            for f in files:  # every state a revision can leave: the values of one of the files
                ws.import_files([f])
                valid.add(tuple((o.indicator, o.year, o.value) for o in ws.observations()))
        workspaces.append(path)
    script = tmp_path / "ws_child.py"
    script.write_text(WORKSPACE_CHILD.format(root=str(ROOT)), encoding="utf-8")
    for _ in range(15):  # 15 batches × 4 workspaces = 60 kills
        _kill_batch(script, [[str(p), *map(str, files)] for p in workspaces], rng)
        for path in workspaces:
            assert tuple(_states(path)) in valid  # reopening rolls a hot journal back


def test_killed_exports_never_leave_a_partial_file_under_the_final_name(tmp_path):
    rng = random.Random(7)
    script = tmp_path / "export_child.py"
    script.write_text(EXPORT_CHILD.format(root=str(ROOT)), encoding="utf-8")
    targets = [tmp_path / f"report{i}.docx" for i in range(4)]
    for _ in range(10):  # 10 batches × 4 files = 40 kills
        _kill_batch(script, [[str(t)] for t in targets], rng)
        for t in targets:
            if t.exists():
                data = t.read_bytes()
                assert len(data) == 4_000_000 and len(set(data)) == 1  # one whole payload, never a mix
