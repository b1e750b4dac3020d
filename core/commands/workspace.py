"""`python -m core workspace …`: import into a workspace and correct its data, as the GUI does.

    python -m core workspace import 评估.lcws 江苏.xlsx --keep-good-values
    python -m core workspace revisions 评估.lcws
    python -m core workspace edit 评估.lcws 江苏省 1.1.1 2021 1234.5 --reason "统计局更正"
    python -m core workspace accept 评估.lcws 江苏省 1.1.1 2021 value_jump --reason "疫情年份，属实"
    python -m core workspace revert 评估.lcws 5 --reason "改错了"
    python -m core workspace undo-import 评估.lcws 3 --reason "导错了文件"

Every change is one revision with its reason; bad input prints the problem and changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..kernel.messages import render
from ..store import Workspace
from .helptext import examples
from .output import json_text, print_problems, say

_REASON_HELP = "修改原因（必填，随修订一起保存）"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "workspace",
        help="工作区：导入、查看修订、更正数值、接受标记、撤销修订或导入",
        description="在工作区文件（.lcws）中导入数据并更正：每次更正都是一次带原因的修订，可以撤销。\n"
        "Imports data into a workspace file (.lcws) and corrects it: every correction is a revision with its reason, "
        "and can be undone.",
        epilog=examples(*(line.strip() for line in __doc__.split("\n\n")[1].splitlines())),
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = _action(actions, "import", "导入文件（文件夹）为一次修订")
    a.add_argument("files", nargs="+", type=Path, help="填报模板、长表文件或文件夹")
    a.add_argument(
        "--keep-good-values", action="store_true", help="有错误的文件也导入其正确的数值，错误单元格留空并标记"
    )
    a = _action(actions, "revisions", "列出全部修订（--json 输出 JSON）")
    a.add_argument("--json", action="store_true", help="以 JSON 输出")
    a = _action(actions, "edit", '修改一个数值（留空 "" 表示删除该数值）')
    _key(a)
    a.add_argument("value", help="新数值")
    a.add_argument("--reason", required=True, help=_REASON_HELP)
    a = _action(actions, "accept", "接受一个被标记的单元格")
    _key(a)
    a.add_argument("problem", help="要接受的问题代码，如 value_jump")
    a.add_argument("--reason", required=True, help="接受原因（必填）")
    for name, text in (("revert", "撤销一次修订"), ("undo-import", "撤销一次导入（该次导入的全部数值）")):
        a = _action(actions, name, text)
        a.add_argument("revision", type=int, help="修订编号（见 revisions）")
        a.add_argument("--reason", required=True, help=_REASON_HELP)


def _action(actions, name: str, text: str) -> argparse.ArgumentParser:
    a = actions.add_parser(name, help=text, description=text)
    a.add_argument("workspace", type=Path, help="工作区文件（.lcws）")
    a.set_defaults(func=run)
    return a


def _key(a: argparse.ArgumentParser) -> None:
    a.add_argument("region", help="地区，如 江苏省")
    a.add_argument("indicator", help="指标代码，如 1.1.1")
    a.add_argument("year", type=int, help="年份，如 2021")


def run(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace) as ws:
        if args.action == "import":
            return _import(ws, args)
        if args.action == "revisions":
            return _revisions(ws, args)
        if args.action == "edit":
            rev = ws.edit_value(args.region, args.indicator, args.year, args.value, args.reason)
            say("edit.done.edit", args.lang, revision=rev)
        elif args.action == "accept":
            rev = ws.accept(args.region, args.indicator, args.year, args.problem, args.reason)
            say("edit.done.accept", args.lang, revision=rev)
        else:
            undo = ws.undo_import if args.action == "undo-import" else ws.revert
            rev, kept = undo(args.revision, args.reason)
            say("edit.done.kept" if kept else "edit.done.revert", args.lang, revision=rev, kept=kept)
    return 0


def _import(ws: Workspace, args: argparse.Namespace) -> int:
    report = ws.import_files(args.files, skip_files_with_errors=not args.keep_good_values)
    print_problems(report.problems, args.lang, file=sys.stdout)
    if report.rejected_files:
        say("edit.import.rejected", args.lang, files=report.rejected_files)
    if report.revision is not None:
        say("edit.import.done", args.lang, revision=report.revision, added=report.added, conflicts=report.conflicts)
    return 2 if report.rejected_files else 0


def _revisions(ws: Workspace, args: argparse.Namespace) -> int:
    revs = ws.revisions()
    if args.json:
        rows = [
            {"id": r.id, "created_at": r.created_at, "kind": r.kind, "text": r.text(args.lang), "files": list(r.files)}
            | {"reverted_by": r.reverted_by}
            for r in revs
        ]
        sys.stdout.write(json_text(rows))
        return 0
    for r in revs:
        state = render("edit.reverted_by", {"by": r.reverted_by}, args.lang) if r.reverted_by else ""
        print(f"#{r.id}\t{r.created_at}\t{r.text(args.lang)}{state}")
    return 0
