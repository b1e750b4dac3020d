"""`python -m core check FILE…`: list every problem in templates and long-format files without computing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..io.loading import load_data
from ..kernel.problems import Severity
from ..model.framework import load_framework
from .output import json_text, print_problems, say


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="检查填报文件中的问题",
        description="检查填报模板或长表文件：列出每个错误、警告和转换说明（文件、工作表、单元格、指标、年份）。文件不会被修改。",
    )
    p.add_argument("files", nargs="+", type=Path, help="填报模板 .xlsx、长表 .csv/.xlsx，或包含它们的文件夹")
    p.add_argument("--framework", type=Path, help="指标体系文件（TOML），默认为中国信通院 2025 年 4-12-27 体系")
    p.add_argument("--quiet", action="store_true", help="不列出转换说明（只列错误和警告）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出问题列表")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    framework = load_framework(args.framework)
    table, problems = load_data(args.files, framework)
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
