"""`python -m core sensitivity`: Sobol, Monte Carlo and one-at-a-time from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.commands import main

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "demo-provinces.csv"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([*map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_sobol_json_shape_and_same_seed_gives_identical_bytes(capsys, tmp_path):
    args = ("sensitivity", DEMO, "--region", "江苏省", "--method", "sobol", "--draws", "256", "--seed", "11")
    assert run(capsys, *args, "--json", tmp_path / "a.json")[0] == 0
    assert run(capsys, *args, "--json", tmp_path / "b.json")[0] == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    out = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert out["method"] == "sobol" and out["region"] == "江苏省"
    assert out["output"] == {"node": "total", "year": 2024, "nominal": pytest.approx(149.613788, abs=1e-6)}
    assert {"1", "4", "1.1.1", "4.3.2"} <= set(out["indices"])
    assert all(set(v) == {"first", "total"} for v in out["indices"].values())
    low, mid, high = out["bands"]["total"]["2024"]
    assert low < mid < high and low < out["output"]["nominal"] < high
    assert out["drop_one"]["drop"]["1.1.1"]["rank"] >= 1 and out["rank"]["nominal"] == out["drop_one"]["rank"]
    run_ = out["recipe"]["run"]
    assert run_["command"] == "sensitivity" and run_["options"]["seed"] == 11 and run_["options"]["draws"] == 256
    other = run(capsys, *args[:-1], "12", "--json", "-")[1]
    assert json.loads(other)["indices"] != out["indices"]  # the seed matters


@pytest.mark.parametrize("method,key", [("oat", "one_at_a_time"), ("montecarlo", None)])
def test_every_method_carries_bands_and_drop_one(capsys, method, key):
    code, text, _ = run(
        capsys, "sensitivity", DEMO, "--region", "江苏省", "--method", method, "--draws", "64", "--json", "-"
    )
    out = json.loads(text)
    assert code == 0 and out["method"] == method and "bands" in out and "drop_one" in out and "indices" not in out
    if key:
        assert out[key]["years"]["2024"]["max_change_percent"] < 2.0


def test_readable_table_in_chinese_and_english(capsys):
    code, text, _ = run(capsys, "sensitivity", DEMO, "--region", "江苏省", "--draws", "64")
    assert code == 0 and "【江苏省】2024 年总指数 149.6" in text and "Sobol 指数" in text and "去掉 " in text
    code, text, _ = run(
        capsys, "--lang", "en", "sensitivity", DEMO, "--region", "江苏省", "--method", "oat", "--draws", "64"
    )
    assert code == 0 and "[Jiangsu] total index 2024: 149.6" in text and "One weight at a time" in text


def test_unknown_region_is_refused_listing_the_regions(capsys):
    code, _, err = run(capsys, "sensitivity", DEMO, "--region", "苏州市")  # 江苏 / Jiangsu would name 江苏省
    assert code == 2 and "“苏州市”不在数据中" in err and "江苏省" in err


def test_without_region_the_error_asks_for_one(capsys):
    rc, _, err = run(capsys, "sensitivity", DEMO)
    assert rc != 0 and "数据中有 11 个地区，请用 --region 指定要分析的一个地区" in err and "“”" not in err
