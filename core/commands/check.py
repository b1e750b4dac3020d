"""`python -m core check FILE…`: list every problem in templates and long-format files without computing.

`check` runs compute's whole preflight (reading, then the engine's preparation with the same
options), so a file check passes is a file compute accepts.
"""

from __future__ import annotations

import argparse
import sys

from ..index.engine import prepare
from ..io.loading import load_data
from ..kernel.problems import InputError, Problem, Severity
from ..model.framework import Framework, load_framework
from ..model.observations import ObservationTable
from .helptext import examples
from .options import add_data_options, options_from_args
from .output import json_text, print_problems, say


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="检查填报文件中的问题 (check filled files for problems)",
        description="检查填报模板或长表文件：列出每个错误、警告和转换说明（文件、工作表、单元格、指标、年份）。"
        "文件不会被修改。\n"
        "Lists every error, warning and conversion in filled templates or long tables (file, sheet, cell, "
        "indicator, year). The files are not changed.",
        epilog=examples(
            "python -m core check 湖北省.xlsx",
            "python -m core check 数据文件夹 --quiet",
            "python -m core check 湖北省.xlsx --json",
        ),
    )
    add_data_options(p)
    p.add_argument("--quiet", action="store_true", help="不列出转换说明（只列错误和警告）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出问题列表")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    framework = load_framework(args.framework)
    table, problems = load_data(args.data, framework)
    if not any(p.severity is Severity.ERROR for p in problems):
        problems = [*problems, *preflight(table, framework, args)]
    shown = [p for p in problems if not (args.quiet and p.severity is Severity.INFO)]
    if args.json:
        sys.stdout.write(json_text([p.to_dict() for p in shown]))
    else:
        print_problems(shown, args.lang, file=sys.stdout)
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = sum(p.severity is Severity.WARNING for p in problems)
    infos = sum(p.severity is Severity.INFO for p in problems)
    summary = "cli.check_summary_errors" if errors else "cli.check_summary"
    say(summary, args.lang, values=len(table), errors=errors, warnings=warnings, infos=infos)
    return 2 if errors else 0


def preflight(table: ObservationTable, framework: Framework, args: argparse.Namespace) -> list[Problem]:
    """The engine's own checks with compute's options (base year, gaps, exclusions…): what compute would refuse."""
    try:
        prepare(table, framework, options_from_args(args))
    except InputError as exc:
        return list(exc.problems)
    return []
