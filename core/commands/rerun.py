"""`python -m core rerun RESULT.json [--json PATH|-]`: repeat the command that produced a result.

The result's `recipe.run` names the command, the input files with their SHA-256, the framework
file's SHA-256 and every option and seed. Inputs are checked first: a file that is missing or
whose hash differs is refused, naming the file. The same inputs give byte-identical output.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..kernel.problems import InputError, Problem
from .helptext import examples
from .options import framework_sha256, sha256_file

RERUNNABLE = ("compute", "assess", "sensitivity", "audit", "whatif")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "rerun",
        help="按结果文件中记录的口径重新运行，得到逐字节相同的结果 (repeat a recorded run)",
        description="读取结果 JSON 中的测算口径（输入文件及其 SHA-256、指标体系、全部选项与随机种子），"
        "核对输入后重新运行。\n"
        "Repeats the run recorded in a result JSON (input files and their SHA-256, framework, options, "
        "seeds) after checking the inputs.",
        epilog=examples(
            "python -m core compute resources/demo/demo-provinces.csv --json 结果.json",
            "python -m core rerun 结果.json --json 重算.json",
        ),
    )
    p.add_argument("result", type=Path, help="compute、assess、sensitivity、audit 或 whatif 写出的 JSON 结果")
    p.add_argument("--json", metavar="PATH|-", default="-", help="结果写到哪里（默认 - 标准输出）")
    p.set_defaults(func=run)


def read_record(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        record = data["recipe"]["run"]
        if record["command"] not in RERUNNABLE:
            raise KeyError(record["command"])
        return record
    except FileNotFoundError:
        raise InputError([Problem("rerun.missing", {}, file=str(path))]) from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise InputError([Problem("rerun.no_recipe", {}, file=str(path))]) from None


def check_inputs(record: dict) -> None:
    """Every recorded file exists and has the recorded SHA-256; else one problem per file."""
    problems = []
    for item in record["inputs"]:
        path = Path(item["path"])
        if not path.is_file():
            problems.append(Problem("rerun.input_missing", {}, file=item["path"]))
        elif sha256_file(path) != item["sha256"]:
            problems.append(Problem("rerun.input_changed", {"recorded": item["sha256"][:12]}, file=item["path"]))
    fw = record["framework"]
    path = None if fw["file"] is None else Path(fw["file"])
    if path is not None and not path.is_file():
        problems.append(Problem("rerun.input_missing", {}, file=fw["file"]))
    elif framework_sha256(path) != fw["sha256"]:
        problems.append(Problem("rerun.framework_changed", {"id": fw["id"]}, file=fw["file"] or fw["id"]))
    if problems:
        raise InputError(problems)


def argv_of(record: dict, target: str) -> list[str]:
    """The command line that reproduces the record (options as flags, exclusions as 地区:代码,代码 with
    their reasons as 地区:代码=理由, excluded regions as 地区=理由)."""
    argv = ["--lang", record["lang"], record["command"], *record["data"]]
    for dest, value in record["options"].items():
        flag = "--" + dest.replace("_", "-")
        if dest == "exclude":
            argv += [a for region, codes in value.items() for a in (flag, f"{region}:{','.join(codes)}")]
        elif dest == "exclude_reason":
            argv += [
                a for r, codes in value.items() for c, why in codes.items() for a in ("--exclude", f"{r}:{c}={why}")
            ]
        elif dest == "exclude_region":
            argv += [a for region, reason in value.items() for a in (flag, f"{region}={reason}")]
        elif isinstance(value, bool):
            argv += [flag] if value else []
        elif isinstance(value, list):
            argv += [a for item in value for a in (flag, str(item))]
        elif value is not None:
            argv += [flag, str(value)]
    return [*argv, "--json", target]


def run(args: argparse.Namespace) -> int:
    from .cli import build_parser

    record = read_record(args.result)
    check_inputs(record)
    again = build_parser().parse_args(argv_of(record, args.json))
    return int(again.func(again) or 0)
