"""compute's output: compact JSON by default, --indent N, streamed writing, --format csv|parquet long tables."""

from __future__ import annotations

import json
import sys

import pytest
from test_cli_compute import good_rows, run_cli, write_long

from core.commands.output import json_text, write_table
from core.kernel.problems import InputError

NESTED = {
    "a": 1,
    "b": {"x": [1.5, None, "文字"], "y": {}},
    "regions": {
        "甲": {"index": {"1": {"2019": 100.0}}, "flags": {}},
        "乙": {"index": {}, "flags": {"1": {"2020": "estimate"}}},
    },
}


def streamed(data: dict) -> dict:
    """The same data with "regions" as an iterator of pairs (as IndexResult.to_json(stream=True) gives)."""
    return {**data, "regions": iter(data["regions"].items())}


@pytest.mark.parametrize("indent", [None, 0, 2, 4])
def test_streamed_json_is_the_same_text(indent):
    separators = (",", ":") if indent is None else (",", ": ")
    expected = json.dumps(NESTED, ensure_ascii=False, indent=indent, separators=separators) + "\n"
    assert json_text(NESTED, indent) == expected
    assert json_text(streamed(NESTED), indent) == expected
    assert (
        json_text({"regions": iter(())}, indent)
        == json.dumps({"regions": {}}, indent=indent, separators=separators) + "\n"
    )


def test_compact_by_default_and_indent(tmp_path):
    data = write_long(tmp_path / "d.csv", good_rows("甲省") + good_rows("乙省"))
    compact, pretty = tmp_path / "c.json", tmp_path / "p.json"
    assert run_cli("compute", data, "--json", compact).returncode == 0
    assert run_cli("compute", data, "--json", pretty, "--indent", "2").returncode == 0
    c_text, p_text = compact.read_text(encoding="utf-8"), pretty.read_text(encoding="utf-8")
    assert "\n" not in c_text.rstrip("\n") and ", " not in c_text.split('"recipe"')[0]
    c, p = json.loads(c_text), json.loads(p_text)
    assert c["recipe"]["run"]["options"]["indent"] is None and p["recipe"]["run"]["options"]["indent"] == 2
    for d in (c, p):
        del d["recipe"]["run"]["options"]["indent"]
    assert c == p and list(c["regions"]) == ["乙省", "甲省"]

    assert p_text.startswith('{\n  "framework": {\n    "id"')  # the previous writer's shape: indent=2, ": "


def test_csv_long_table(tmp_path):
    import csv

    data = write_long(tmp_path / "d.csv", good_rows("甲省") + good_rows("乙省"))
    out, js = tmp_path / "index.csv", tmp_path / "r.json"
    assert run_cli("compute", data, "--format", "csv", "--out", out).returncode == 0
    assert run_cli("compute", data, "--json", js).returncode == 0
    result = json.loads(js.read_text(encoding="utf-8"))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["region", "node", "year", "index", "growth", "status", "years_carried"]
    n_nodes = len(result["regions"]["甲省"]["index"])
    assert len(rows) == 2 * n_nodes * len(result["years"])
    for row in rows[::37]:
        expected = result["regions"][row["region"]]["index"][row["node"]][row["year"]]
        assert float(row["index"]) == pytest.approx(expected, abs=1e-9)
        assert row["status"] == "reported"
    assert {r["growth"] for r in rows if r["year"] == str(result["base_year"])} == {""}  # no growth in the base year


def test_parquet_long_table(tmp_path):
    pytest.importorskip("pyarrow")
    import pandas as pd

    data = write_long(tmp_path / "d.csv", good_rows("甲省"))
    pq, csv_out = tmp_path / "i.parquet", tmp_path / "i.csv"
    assert run_cli("compute", data, "--format", "parquet", "--out", pq).returncode == 0
    assert run_cli("compute", data, "--format", "csv", "--out", csv_out).returncode == 0
    a, b = pd.read_parquet(pq), pd.read_csv(csv_out, encoding="utf-8-sig", dtype={"node": str})
    assert list(a.columns) == list(b.columns) and len(a) == len(b)
    assert (a["index"] - b["index"]).abs().max() < 1e-9


def test_parquet_without_pyarrow_is_a_catalogue_problem(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow → ImportError
    with pytest.raises(InputError) as exc:
        write_table({"region": ["甲"], "index": [100.0]}, str(tmp_path / "x.parquet"), "parquet", "zh")
    problem = exc.value.problems[0]
    assert problem.code == "cli.parquet_missing" and "pyarrow" in problem.text("en")
    assert not (tmp_path / "x.parquet").exists()


def test_node_tables_print_as_json_does():
    """The compact fast path (one %r template per table) gives json.dumps' text for every float."""
    import numpy as np

    from core.index.engine import NodeTable, rounded_array

    rng = np.random.default_rng(7)
    edge = [1e16, 1e-7, -0.0, 0.0, np.nan, 1e15 + 0.5, 123456789.123456, 5e-5, 1e-4, 100.0, -1e22, 2.5e-308, 0.1]
    values = np.concatenate([edge, rng.normal(0, 1e3, 500), 10.0 ** rng.uniform(-9, 18, 507)])
    rng.shuffle(values)
    for table in (values.reshape(-1, 17), rounded_array(values, 6).reshape(-1, 17)):
        rows = tuple(f'行%{i}"' for i in range(table.shape[0]))
        cols = tuple(str(2000 + j) for j in range(table.shape[1]))
        t = NodeTable(rows, cols, table)
        data = {"a": 1, "regions": iter([("甲", {"index": t, "flags": {}})])}
        expected = {"a": 1, "regions": {"甲": {"index": t.to_dict(), "flags": {}}}}
        assert json_text(data, None) == json.dumps(expected, ensure_ascii=False, separators=(",", ":")) + "\n"
        data = {"a": 1, "regions": iter([("甲", {"index": t, "flags": {}})])}
        assert json_text(data, 2) == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_many_node_tables_print_as_json_does():
    """Tables formatted together in chunks of regions (vectorised) give json.dumps' text: rounded values of
    every magnitude and sign, boundaries of the positional form, NaN, and values that are not rounded."""
    import numpy as np

    from core.index.engine import NodeTable, rounded_array

    rng = np.random.default_rng(11)
    n = 150 * 4 * 5
    values = rng.normal(0, 1, n) * 10.0 ** rng.integers(-8, 12, n)
    edge = [1e-4, 9.9999e-5, 5e-5, -1e-4, 0.0, -0.0, 999999999.999999, 1e9, 123456789.123456, -7.5, np.nan, 1e300]
    values[: len(edge)] = edge
    values[rng.random(n) < 0.05] = np.nan
    for ndigits in (0, 2, 6, 8):
        table = rounded_array(values, ndigits).reshape(150, 4, 5)
        table[-1] = values[-20:].reshape(4, 5)  # one region not rounded at all
        codes, years = ("1", "1.1", "键%s", '"q"'), tuple(str(2000 + j) for j in range(5))
        pairs = [
            (
                f"地区{r}",
                {"index": NodeTable(codes, years, table[r]), "growth": NodeTable(codes, years[1:], table[r, :, 1:])},
            )
            for r in range(150)
        ]
        expected = {k: {name: t.to_dict() for name, t in d.items()} for k, d in pairs}
        text = json_text({"regions": iter(pairs)}, None)
        assert text == json.dumps({"regions": expected}, ensure_ascii=False, separators=(",", ":")) + "\n"


def test_rounded_tables_print_without_repr(monkeypatch):
    """Counting work: values rounded to 6 decimals are printed as arrays; repr runs only for the values off
    that path (not rounded, or too small or large), and the text stays json.dumps'."""
    import numpy as np

    import core.commands.output as output
    from core.index.engine import NodeTable, rounded_array

    calls = {"repr": 0}

    def counting_repr(v):
        calls["repr"] += 1
        return repr(v)

    monkeypatch.setattr(output, "repr", counting_repr, raising=False)
    rng = np.random.default_rng(3)
    values = rounded_array(rng.uniform(0, 5000, (40, 12, 10)), 6)
    values[0, 0, :3] = [np.pi, 1e-7, 1e16]  # three values off the array path
    values[1, 1, 1] = np.nan
    codes, years = tuple(f"{i}" for i in range(12)), tuple(str(2000 + j) for j in range(10))
    pairs = [(f"地区{r}", {"index": NodeTable(codes, years, values[r])}) for r in range(40)]
    text = json_text({"regions": iter(pairs)}, None)
    assert calls["repr"] == 3
    expected = {k: {name: t.to_dict() for name, t in d.items()} for k, d in pairs}
    assert text == json.dumps({"regions": expected}, ensure_ascii=False, separators=(",", ":")) + "\n"


def test_reading_a_csv_does_not_import_the_workbook_reader(tmp_path):
    """openpyxl (about 0.1 s to import) is loaded only when a workbook is read."""
    import subprocess

    data = write_long(tmp_path / "d.csv", good_rows("甲省"))
    code = (
        "import sys; from pathlib import Path; from core.io import read_file; from core.model.framework import load_framework; "
        f"r = read_file(Path({str(data)!r}), load_framework()); assert len(r.observations) > 0; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'openpyxl'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_many_regions_print_one_line_each(tmp_path):
    """Beyond 10 regions (the nation not counted) the screen gets the total index, one line per region, in the
    regions' order; --summary full gives every region's table again; the figures are the JSON's."""
    rows = [r for i in range(12) for r in good_rows(f"第{i:02d}市")]
    data = write_long(tmp_path / "d.csv", [[*r[:3], r[3] * (1 + 0.01 * int(r[0][1:3]))] for r in rows])
    proc = run_cli("compute", data)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[2] == "两创融合发展总指数：共 12 个地区，每个地区一行" and "【" not in proc.stdout
    body = [line.split() for line in lines[4:16]]
    assert [b[0] for b in body] == [f"第{i:02d}市" for i in range(12)] and "--summary full" in lines[17]
    out = tmp_path / "r.json"
    assert run_cli("compute", data, "--json", out).returncode == 0
    total = json.loads(out.read_text(encoding="utf-8"))["regions"]["第05市"]["index"]["total"]
    assert body[5][1:] == [f"{v:.1f}" for v in total.values()]
    full = run_cli("compute", data, "--summary", "full")
    assert full.stdout.count("【") == 12 and "2.3 创新企业培育" in full.stdout
