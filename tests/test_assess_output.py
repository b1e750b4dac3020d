"""assess's JSON (issue 17): compact by default, --indent N as compute, streamed region by region with the
text of the whole dict, the recipe kept; the same option on every command that writes --json; the desktop's
exports written by the same writer."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import pytest
from test_cli_compute import run_cli

from core.assessment import assess, load_config
from core.commands.options import with_recipe
from core.commands.output import json_text
from core.io import load_data
from core.model import load_framework

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo" / "demo-provinces.csv"
RECORD = {"command": "assess", "options": {"indent": None, "region": "all"}, "data": ["甲.csv"]}


def dumps(data, indent):
    """What the previous writer (json.dumps of the whole dict) gave."""
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False) + "\n"


@pytest.fixture(scope="module")
def framework():
    return load_framework()


@pytest.fixture(scope="module")
def demo_assessment(framework):
    table, _ = load_data([DEMO], framework)
    return assess(table, framework, config=load_config(pillars=framework.pillars))


@pytest.fixture(scope="module")
def synthetic_assessment(framework):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_demo_data import synthetic_table

    return assess(synthetic_table(300), framework, config=load_config(pillars=framework.pillars), robust=False)


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("which", ["demo_assessment", "synthetic_assessment"])
def test_streamed_text_is_the_text_of_the_whole_dict(which, indent, request):
    a = request.getfixturevalue(which)
    whole = a.to_dict()
    assert type(whole["regions"]) is dict and len(whole["regions"]) == len(a.regions)  # API users: a plain dict
    streamed = with_recipe(a.to_dict(stream=True), RECORD)
    assert not isinstance(streamed["regions"], dict)
    assert json_text(streamed, indent) == dumps(with_recipe(whole, RECORD), indent)


def test_regions_are_made_as_they_are_written(demo_assessment, monkeypatch):
    """The writer asks for each region's JSON when it reaches it (a chunk ahead at most), never for all first."""
    from core.assessment import serialise
    from core.commands import output

    made: list[str] = []
    region_json = serialise.region_json
    monkeypatch.setattr(serialise, "region_json", lambda ra: made.append(ra.region) or region_json(ra))
    monkeypatch.setattr(output, "_CHUNK", 2)
    names = list(demo_assessment.regions)
    seen: list[tuple[int, int]] = []  # (regions written so far, regions made by then), at each write

    class Out:
        pieces: list[str] = []

        def write(self, piece: str) -> None:
            self.pieces.append(piece)
            seen.append((sum(p.startswith('{"region":') for p in self.pieces), len(made)))

    out = Out()
    output.write_json_to(out, demo_assessment.to_dict(stream=True), None)
    assert made == names and len(names) > 4
    assert seen[-1][0] == len(names) and all(count <= written + 2 for written, count in seen)
    assert json.loads("".join(out.pieces)) == demo_assessment.to_dict()


def test_assess_json_is_compact_by_default_and_indent_pretty_prints(tmp_path):
    compact, pretty = tmp_path / "c.json", tmp_path / "p.json"
    assert run_cli("assess", DEMO, "--region", "湖北省,江苏省", "--json", compact).returncode == 0
    assert run_cli("assess", DEMO, "--region", "湖北省,江苏省", "--json", pretty, "--indent", "2").returncode == 0
    c_text, p_text = compact.read_text(encoding="utf-8"), pretty.read_text(encoding="utf-8")
    c, p = json.loads(c_text), json.loads(p_text)
    assert c_text == dumps(c, None) and "\n" not in c_text.rstrip("\n")
    assert p_text == dumps(p, 2) and p_text.startswith('{\n  "method": "')  # the previous writer's text
    assert c["recipe"]["run"]["options"]["indent"] is None and p["recipe"]["run"]["options"]["indent"] == 2
    assert c["recipe"]["run"]["command"] == "assess" and c["recipe"]["run"]["inputs"]
    for d in (c, p):
        del d["recipe"]["run"]["options"]["indent"]
    assert c == p and list(c["regions"]) == ["湖北省", "江苏省"]


@pytest.mark.parametrize(
    "command",
    [
        ["compute"],
        ["assess", "--region", "湖北省"],
        ["sensitivity", "--region", "湖北省", "--method", "oat"],
        ["audit"],
        ["whatif", "--region", "辽宁省", "--to", "2026"],
    ],
)
def test_every_command_that_writes_json_takes_indent(command, tmp_path):
    from core.commands.cli import build_parser

    args = build_parser().parse_args([command[0], str(DEMO), *command[1:], "--json", "-", "--indent", "4"])
    assert args.indent == 4 and args.json == "-"
    assert build_parser().parse_args([command[0], str(DEMO), *command[1:]]).indent is None


def test_rerun_repeats_the_indent(tmp_path):
    first, again = tmp_path / "a.json", tmp_path / "b.json"
    assert run_cli("audit", DEMO, "--json", first, "--indent", "1").returncode == 0
    assert run_cli("rerun", first, "--json", again).returncode == 0
    assert again.read_bytes() == first.read_bytes() and first.read_text(encoding="utf-8").startswith('{\n "')


def test_desktop_exports_are_the_indented_text_of_the_results(demo_assessment, framework, tmp_path):
    """The desktop writes through core.commands.write_json_file: the same files as json.dumps(indent=2) gave."""
    from core.index import compute_index
    from desktop.session.exports import Exports

    table, _ = load_data([DEMO], framework)
    session = Exports()
    session.assessment, session.result = demo_assessment, compute_index(table, framework)
    session.sensitivity = session.monte_carlo = None
    session.export_assessment_json(str(tmp_path / "a.json"))
    session.export_json(str(tmp_path / "i.json"))
    session.export_sensitivity_json(str(tmp_path / "s.json"))
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == dumps(demo_assessment.to_dict(), 2)
    assert (tmp_path / "i.json").read_text(encoding="utf-8") == dumps(session.result.to_json(), 2)
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == "{}\n"


def _as_message(d: dict):
    from core.kernel import Message

    def arg(v):
        if isinstance(v, dict) and set(v) == {"code", "args", "text"}:
            return _as_message(v)
        return [arg(x) for x in v] if isinstance(v, list) else v

    return Message(d["code"], {k: arg(v) for k, v in d["args"].items()})


def test_every_message_text_is_the_kernels_rendering(synthetic_assessment, demo_assessment):
    """A reference walk over the whole JSON: each message entry's text is what the catalogue renders for its code
    and arguments (Message.text()), and the field beside it carries the same text."""
    checked = 0

    def walk(node):
        nonlocal checked
        if isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, dict):
            if set(node) == {"code", "args", "text"}:
                assert _as_message(node).text() == node["text"], node
                checked += 1
            for key, v in node.items():
                if key.endswith("_message") and key[: -len("_message")] in node:
                    assert node[key[: -len("_message")]] == v["text"]
                elif key.endswith("_messages") and key[: -len("_messages")] in node:
                    assert node[key[: -len("_messages")]] == [m["text"] for m in v]
                walk(v)

    for a in (demo_assessment, synthetic_assessment):
        walk(a.to_dict())
    assert checked > 10_000


@pytest.mark.parametrize("value", [True, False, None, 7, 1.0, "文字", [1, "二"], ("甲", "乙"), "nested", "bare"])
def test_message_entries_are_the_kernels_for_every_kind_of_argument(value):
    from core.assessment.serialise import _texts_kept, message_json, put
    from core.kernel import msg

    if value in ("nested", "bare"):
        value = msg("assess.nation") if value == "bare" else msg("assess.group.range", lower="1", upper=True)
    m = msg("cli.written", path=value)
    for kept in (True, False):
        out: dict = {}
        with _texts_kept() if kept else contextlib.nullcontext():
            put(out, "reason", m)
            assert message_json(m) == m.to_dict()
        assert out == {"reason": m.text(), "reason_message": m.to_dict()}
