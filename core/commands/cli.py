"""`python -m core …`: everything the GUI does, without a screen.

Each sub-command lives in its own module under `core.commands` and registers itself here.
Bad input ends with one Chinese line per problem and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys

from ..kernel.problems import InputError

# One module per sub-command; each has register(subparsers) that sets `func` on its parser.
COMMAND_MODULES = (
    "core.commands.compute",
    "core.commands.template",
    "core.commands.check",
    "core.commands.assess",
)

EXIT_INPUT_ERROR = 2
EXIT_INTERNAL_ERROR = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m core", description="两创融合评估：指数测算、模板、导入校验、潜力与定位评估。"
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {importlib.import_module('core').__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _ensure_utf8_output() -> None:
    """Chinese messages must print on any console (Windows code pages included)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    _ensure_utf8_output()
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        for problem in exc.problems:
            print(problem.one_line(), file=sys.stderr)
        return EXIT_INPUT_ERROR
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: one readable line, never a traceback
        print(f"内部错误：{exc.__class__.__name__}: {exc}。请将输入文件和此信息发给技术支持。", file=sys.stderr)
        return EXIT_INTERNAL_ERROR
