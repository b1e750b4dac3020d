"""The shipped demo data are exactly what their generator makes (no hand edits drift in)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_demo_files_match_their_generator(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import make_demo_data
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    monkeypatch.setattr(make_demo_data, "ROOT_DIR", tmp_path)
    make_demo_data.main()
    for name in ("demo-provinces.csv", "demo-jiangsu-cities.csv", "demo-industries.csv", "demo-jiangsu-adjacency.toml"):
        shipped = (ROOT / "resources" / "demo" / name).read_text(encoding="utf-8")
        assert (tmp_path / "resources" / "demo" / name).read_text(encoding="utf-8") == shipped, name
    assert "示意数据" in (ROOT / "resources" / "demo" / "README.md").read_text(encoding="utf-8")
