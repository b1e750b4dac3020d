"""One option set for every data command: compute, assess, report, sensitivity and audit."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import pytest

from core.commands import main
from core.commands.cli import build_parser
from core.commands.options import options_from_args, parse_exclusions
from core.kernel.problems import InputError

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "demo-provinces.csv"
SHARED = ("--framework", "--base-year", "--end-year", "--gap-policy", "--exclude", "--carry-limit")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([*map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("command", ["compute", "assess", "report", "sensitivity", "audit"])
def test_every_data_command_takes_the_shared_options(command):
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    flags = {s for a in sub._actions for s in a.option_strings}
    assert set(SHARED) <= flags
    extra = ["--out", "r.docx"] if command == "report" else []
    args = sub.parse_args(
        [*extra, "d.csv", "--exclude", "甲省:1.1.1，1.1.2", "--carry-limit", "3", "--gap-policy", "carry_forward"]
    )
    opts = options_from_args(args)
    assert opts.exclusions == {"甲省": frozenset({"1.1.1", "1.1.2"})} and opts.carry_limit == 3
    assert opts.gap_policy == "carry_forward"


def test_malformed_exclusion_is_refused():
    with pytest.raises(InputError) as err:
        parse_exclusions(["甲省"])
    assert err.value.problems[0].code == "option_invalid.exclude"


def test_assess_takes_exclusions_and_records_them(capsys):
    code, text, _ = run(capsys, "assess", DEMO, "--region", "江苏省", "--exclude", "江苏省:1.1.1", "--json", "-")
    out = json.loads(text)
    assert code == 0 and out["recipe"]["run"]["options"]["exclude"] == {"江苏省": ["1.1.1"]}
    scores = {s["code"]: s for s in out["regions"]["江苏省"]["level"]["indicators"]}
    assert scores["1.1.1"]["included"] is False and scores["1.1.2"]["included"] is True


@pytest.mark.parametrize("command", ["compute", "assess", "audit", "sensitivity"])
def test_unknown_exclusion_region_or_code_is_an_error_in_every_command(capsys, command):
    code, _, err = run(capsys, command, DEMO, "--exclude", "江苏:1.1.1")
    assert code == 2 and "“江苏”不在数据中" in err and "江苏省" in err
    code, _, err = run(capsys, command, DEMO, "--exclude", "江苏省:1.1.9")
    assert code == 2 and "1.1.9" in err and "可排除的指标代码为：1.1.1" in err


def test_table_shows_years_carried_and_the_limit_refuses(capsys, tmp_path):
    with DEMO.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    cut = [rows[0]] + [r for r in rows[1:] if not (r[0] == "江苏省" and r[1] == "2.1.1" and int(r[2]) > 2022)]
    path = tmp_path / "cut.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(cut)
    code, text, _ = run(capsys, "compute", path, "--depth", "3")
    line = next(x for x in text.splitlines() if "2.1.1" in x and text.index("【江苏省】") < text.index(x))
    assert code == 0 and line.rstrip().endswith("*2") and "*2 沿用 2 年" in text
    code, _, err = run(capsys, "compute", path, "--carry-limit", "1")
    assert code == 2 and "江苏省" in err and "2.1.1" in err and "2022 年" in err and "沿用 2 年" in err


def test_assess_rebases_a_region_whose_data_start_later(capsys, tmp_path):
    with DEMO.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    late = [rows[0]] + [r for r in rows[1:] if not (r[0] == "浙江省" and r[2] == "2019")]
    path = tmp_path / "late.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(late)
    code, text, err = run(capsys, "assess", path, "--region", "浙江省", "--json", "-")
    assert code == 0, err
    out = json.loads(text)
    assert out["base_year"] == 2020
    assert any("浙江省 的数据从 2020 年开始" in n for n in out["notes"]), out["notes"]
    code, text, _ = run(capsys, "compute", path, "--json", "-")
    [note] = [n for n in json.loads(text)["recipe"]["notes"] if n["code"] == "index.note.rebased"]
    assert note["args"]["regions"] == ["浙江省"] and note["args"]["base"] == 2020


@pytest.mark.parametrize("command", [None, "compute", "assess", "report", "sensitivity", "audit", "rerun"])
def test_help_prints_for_every_command(capsys, command):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"] if command else ["--help"])
    assert done.value.code == 0 and "usage:" in capsys.readouterr().out
