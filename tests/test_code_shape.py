"""Small units: no function over 80 lines and no class over 300 lines in core/ or desktop/."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_FUNCTION_LINES = 80
MAX_CLASS_LINES = 300


def _oversized() -> list[str]:
    out = []
    for path in sorted(p for d in ("core", "desktop") for p in (ROOT / d).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            limit = None
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                limit = MAX_FUNCTION_LINES
            elif isinstance(node, ast.ClassDef):
                limit = MAX_CLASS_LINES
            if limit is None:
                continue
            start = min([node.lineno] + [d.lineno for d in node.decorator_list])
            lines = node.end_lineno - start + 1
            if lines > limit:
                out.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} has {lines} lines (≤ {limit})")
    return out


def test_functions_and_classes_are_small():
    assert not _oversized(), "\n".join(_oversized())
