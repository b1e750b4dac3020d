"""`python -m core audit`: the coherence of each pillar across the regions given."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from core.assessment import level_matrix
from core.commands import main

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "demo-provinces.csv"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([*map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_audit_json_per_pillar_on_the_demo_provinces(capsys):
    code, text, _ = run(capsys, "audit", DEMO, "--json", "-")
    out = json.loads(text)
    assert code == 0 and len(out["regions"]) == 10 and "全国" not in out["regions"] and out["year"] == 2024
    assert set(out["pillars"]) == {"1", "2", "3", "4"}
    for p in out["pillars"].values():
        assert 0.5 < p["cronbach_alpha"] <= 1 and 0 < p["pca_first_share"] <= 1
        assert set(p["with_pillar"]) == set(p["indicators"])
    assert out["recipe"]["run"]["command"] == "audit"


def test_audit_table(capsys):
    code, text, _ = run(capsys, "audit", DEMO)
    assert code == 0 and "10 个地区" in text and "一级指标 1（4 个指标）：Cronbach α = " in text


def test_fewer_than_eight_regions_says_why(capsys, tmp_path):
    with DEMO.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    keep = {"全国", "江苏省", "浙江省", "广东省"}
    small = tmp_path / "small.csv"
    with small.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([rows[0]] + [r for r in rows[1:] if r[0] in keep])
    code, text, _ = run(capsys, "audit", small, "--json", "-")
    out = json.loads(text)
    assert code == 0 and out["computed"] is False and out["pillars"] == {}
    assert out["reason"]["code"] == "audit.too_few_regions" and out["reason"]["args"]["count"] == 3
    assert "3" in run(capsys, "audit", small)[1]


def test_level_matrix_rows_sorted_and_left_out_indicators_missing():
    class S:
        def __init__(self, code, score, included=True):
            self.code, self.score, self.included = code, score, included

    class L:
        def __init__(self, *indicators):
            self.indicators = indicators

    regions, m = level_matrix({"乙": L(S("a", 2.0), S("b", 1.0, False)), "甲": L(S("a", 3.0))}, ("a", "b"))
    assert regions == tuple(sorted(("乙", "甲")))
    assert m[regions.index("乙"), 0] == 2.0 and m[regions.index("甲"), 0] == 3.0
    assert m[:, 1].tolist() == pytest.approx([float("nan")] * 2, nan_ok=True)
