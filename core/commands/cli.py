"""`python -m core …`: everything the GUI does, without a screen.

Each sub-command lives in its own module under `core.commands` and registers itself here.
Bad input ends with one Chinese line per problem and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys

from ..kernel.messages import DEFAULT_LANG, LANGS
from ..kernel.problems import InputError
from .helptext import HelpParser, examples
from .output import print_problems, say

# One module per sub-command; each has register(subparsers) that sets `func` on its parser.
COMMAND_MODULES = (
    "core.commands.compute",
    "core.commands.template",
    "core.commands.check",
    "core.commands.assess",
    "core.commands.report",
    "core.commands.sensitivity",
    "core.commands.audit",
    "core.commands.rerun",
    "core.commands.whatif",
    "core.commands.workspace",
)

EXIT_INPUT_ERROR = 2
EXIT_INTERNAL_ERROR = 3


def _command_in(argv: list[str]) -> str | None:
    """The sub-command named in `argv` when one of ours is (None for top-level help, version or none)."""
    words = iter(argv)
    for word in words:
        if word == "--lang":
            next(words, None)
        elif word in ("-h", "--help", "--version"):
            return None
        elif not word.startswith("-"):
            return word if f"core.commands.{word}" in COMMAND_MODULES else None
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; given the arguments to parse, only the sub-command they name is imported and
    registered (importing every sub-command costs about a second). Help and errors are the same."""
    command = _command_in(argv) if argv is not None else None
    parser = HelpParser(
        prog="python -m core",
        description="两创融合评估：指数测算、模板、导入校验、潜力与定位评估、报告。\n"
        "Fusion assessor: index, templates, import checks, potential and positioning, reports.",
        epilog=examples(
            "python -m core compute resources/demo/demo-provinces.csv",
            "python -m core assess resources/demo/demo-provinces.csv --region 江苏省",
            "python -m core template --out 湖北省填报模板.xlsx",
            "python -m core --lang en check 湖北省.xlsx",
            "# 每个子命令的说明与示例 (help and examples of a command): python -m core assess -h",
        ),
    )
    parser.add_argument(
        "--lang", choices=LANGS, default=DEFAULT_LANG, help="问题与说明的语言：zh 中文（默认）或 en 英文"
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {importlib.import_module('core').__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in (f"core.commands.{command}",) if command else COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for command in sub.choices.values():  # --lang also after the sub-command; given there, it wins
        command.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help="同上：输出语言 zh 或 en")
    return parser


def _ensure_utf8_output() -> None:
    """Chinese messages must print on any console (Windows code pages included)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    _ensure_utf8_output()
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        print_problems(exc.problems, args.lang)
        return EXIT_INPUT_ERROR
    except KeyboardInterrupt:
        say("cli.cancelled", args.lang)
        return 130
    except Exception as exc:  # last resort: one readable line, never a traceback
        say("cli.internal_error", args.lang, kind=exc.__class__.__name__, detail=str(exc))
        return EXIT_INTERNAL_ERROR
