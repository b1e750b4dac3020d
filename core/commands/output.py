"""What the sub-commands print and write: JSON in one place (strict, no NaN), messages in the chosen language."""

from __future__ import annotations

import json
import sys
from typing import Any

from ..kernel.atomic import atomic_write_bytes
from ..kernel.messages import render
from ..kernel.problems import Problem


def json_text(data: Any) -> str:
    """The JSON every command writes: UTF-8 text, indented, NaN refused (undefined values are null)."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_json(data: Any, target: str, lang: str) -> None:
    """`target` "-" → standard output; else the file, written atomically, and a note on stderr."""
    text = json_text(data)
    if target == "-":
        sys.stdout.write(text)
    else:
        atomic_write_bytes(target, text.encode("utf-8"))
        say("cli.written", lang, path=target)


def say(code: str, lang: str, **args: Any) -> None:
    """A catalogue message on standard error (progress notes, summaries)."""
    print(render(code, args, lang), file=sys.stderr)


def print_problems(problems: list[Problem], lang: str, *, file=None) -> None:
    for p in problems:
        print(p.one_line(lang), file=file or sys.stderr)
