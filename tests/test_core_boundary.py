"""Architecture contracts: core is Qt-free, its layers hold, desktop uses core's public API.

The import-linter contracts in pyproject.toml are run through import-linter's Python API (no
`lint-imports` on PATH needed); an AST scan and a subprocess double-check the Qt rule.
"""

from __future__ import annotations

import ast
import contextlib
import io
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "desktop", "PyQt5", "PyQt6")


def test_no_forbidden_import_in_core_sources():
    offenders = []
    for path in (ROOT / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert not offenders, offenders


def test_importing_core_loads_no_qt():
    code = (
        "import sys, core, core.commands.cli, core.index, core.io, core.assessment, core.store, core.report\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_import_linter_contracts(monkeypatch):
    """Every contract in pyproject.toml (no-Qt, layers, public API) is kept."""
    from importlinter.application.use_cases import lint_imports
    from importlinter.configuration import configure

    configure()
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ok = lint_imports(config_filename=str(ROOT / "pyproject.toml"), cache_dir=None, no_logo=True)
    assert ok, out.getvalue()
    assert "3 kept, 0 broken" in out.getvalue(), out.getvalue()
