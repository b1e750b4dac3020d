"""Recipes that re-run: `python -m core rerun RESULT.json` repeats the command byte for byte."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from core.commands import main

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """The demo files copied into a working directory; paths are recorded relative to it."""
    for name in ("demo-provinces.csv", "demo-jiangsu-cities.csv"):
        shutil.copy(DEMO / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([*map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


COMMANDS = [
    ("compute", "demo-provinces.csv", "--exclude", "江苏省:1.1.1,3.2.2", "--gap-policy", "carry_forward"),
    ("assess", "demo-provinces.csv", "--region", "江苏省", "--carry-limit", "1"),
    ("sensitivity", "demo-provinces.csv", "--region", "浙江省", "--method", "sobol", "--draws", "64", "--seed", "5"),
    ("audit", "demo-provinces.csv"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_rerun_writes_byte_identical_output(capsys, workdir, command):
    assert run(capsys, *command, "--json", "first.json")[0] == 0
    code, again, _ = run(capsys, "rerun", "first.json")
    assert code == 0 and again.encode("utf-8") == (workdir / "first.json").read_bytes()
    assert run(capsys, "rerun", "first.json", "--json", "second.json")[0] == 0
    assert (workdir / "second.json").read_bytes() == (workdir / "first.json").read_bytes()


def test_recipe_records_version_framework_hash_inputs_options_and_seeds(capsys, workdir):
    from core import __version__
    from core.commands.options import framework_sha256, sha256_file

    run(
        capsys,
        "sensitivity",
        "demo-provinces.csv",
        "--region",
        "浙江省",
        "--draws",
        "32",
        "--seed",
        "9",
        "--json",
        "r.json",
    )
    record = json.loads((workdir / "r.json").read_text(encoding="utf-8"))["recipe"]["run"]
    assert record["app_version"] == __version__ and record["command"] == "sensitivity"
    assert record["framework"] == {
        "id": "caict-2025",
        "version": "2025.1",
        "file": None,
        "sha256": framework_sha256(None),
    }
    assert record["inputs"] == [{"path": "demo-provinces.csv", "sha256": sha256_file(Path("demo-provinces.csv"))}]
    assert (
        record["options"]["seed"] == 9 and record["options"]["carry_limit"] == 2 and record["options"]["exclude"] == {}
    )
    assert record["seeds"] == {"seed": 9} and "time" not in json.dumps(record)


def test_changed_input_is_refused_naming_the_file(capsys, workdir):
    run(capsys, "compute", "demo-provinces.csv", "--json", "r.json")
    with (workdir / "demo-provinces.csv").open("a", encoding="utf-8") as fh:
        fh.write("江苏省,1.1.1,2018,1\n")
    code, out, err = run(capsys, "rerun", "r.json")
    assert code == 2 and out == "" and "demo-provinces.csv" in err and "拒绝重新运行" in err


def test_missing_input_and_file_without_recipe_are_refused(capsys, workdir):
    run(capsys, "compute", "demo-provinces.csv", "--json", "r.json")
    (workdir / "demo-provinces.csv").unlink()
    code, _, err = run(capsys, "rerun", "r.json")
    assert code == 2 and "demo-provinces.csv" in err and "不存在" in err
    (workdir / "plain.json").write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "rerun", "plain.json")
    assert code == 2 and "recipe.run" in err


def test_same_inputs_in_any_order_give_identical_json(capsys, workdir):
    a = run(capsys, "compute", "demo-provinces.csv", "demo-jiangsu-cities.csv", "--json", "-")[1]
    b = run(capsys, "compute", "demo-jiangsu-cities.csv", "demo-provinces.csv", "--json", "-")[1]
    assert a == b and json.loads(a)["recipe"]["run"]["data"] == ["demo-jiangsu-cities.csv", "demo-provinces.csv"]


def test_user_framework_copy_is_hashed_and_a_changed_copy_refused(capsys, workdir):
    shutil.copy(ROOT / "resources" / "frameworks" / "caict-2025.toml", workdir / "fw.toml")
    assert run(capsys, "compute", "demo-provinces.csv", "--framework", "fw.toml", "--json", "r.json")[0] == 0
    record = json.loads((workdir / "r.json").read_text(encoding="utf-8"))["recipe"]["run"]
    assert record["framework"]["file"] == "fw.toml" and record["options"]["framework"] == "fw.toml"
    assert run(capsys, "rerun", "r.json")[1].encode("utf-8") == (workdir / "r.json").read_bytes()
    with (workdir / "fw.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    code, _, err = run(capsys, "rerun", "r.json")
    assert code == 2 and "fw.toml" in err and "caict-2025" in err
