"""The public API in core/__init__: every export resolves, and importing core stays cheap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import core

ROOT = Path(__file__).resolve().parents[1]


def test_every_export_resolves():
    for name in core.__all__:
        assert getattr(core, name) is not None, name


def test_import_core_loads_no_numpy_until_needed():
    code = "import sys, core, core.kernel.resources, core.kernel.problems; print('numpy' in sys.modules, 'openpyxl' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False"]


def test_reexports_are_in_their_subpackages_public_api():
    import importlib

    for sub, names in core._PUBLIC.items():
        public = set(importlib.import_module(f"core.{sub}").__all__)
        assert set(names) <= public, (sub, set(names) - public)
