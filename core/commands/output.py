"""What the sub-commands print and write: JSON in one place (strict, no NaN), long tables (CSV, Parquet),
messages in the chosen language."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from ..kernel.atomic import atomic_open
from ..kernel.messages import render
from ..kernel.problems import InputError, Problem

DEFAULT_INDENT = 2  # commands other than compute keep their indented output


def json_text(data: Any, indent: int | None = DEFAULT_INDENT) -> str:
    """The JSON every command writes: UTF-8 text, NaN refused (undefined values are null).

    `indent` None: compact (no spaces); else pretty-printed with that many spaces.
    """
    buf = io.StringIO()
    write_json_to(buf, data, indent)
    return buf.getvalue()


def write_json_to(out: TextIO, data: Any, indent: int | None) -> None:
    """`data` as JSON on `out`. A value that is an iterator of (key, value) pairs is written as an
    object one pair at a time (a result streamed region by region); the text is the same as for a dict."""
    _write(out, data, indent, 0)
    out.write("\n")


def _dumps(value: Any, indent: int | None) -> str:
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(value, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False)


def _write(out: TextIO, value: Any, indent: int | None, depth: int) -> None:
    streamed = isinstance(value, Iterator) or (
        isinstance(value, dict) and any(isinstance(v, Iterator) for v in value.values())
    )
    if not streamed:
        text = _dumps(value, indent)
        out.write(text if indent is None or not depth else text.replace("\n", "\n" + " " * (indent * depth)))
        return
    items = iter(value.items()) if isinstance(value, dict) else value
    inner = "" if indent is None else "\n" + " " * (indent * (depth + 1))
    colon = ":" if indent is None else ": "
    first = True
    out.write("{")
    for key, item in items:
        out.write(("" if first else ",") + inner + _dumps(str(key), None) + colon)
        _write(out, item, indent, depth + 1)
        first = False
    if indent is not None and not first:
        out.write("\n" + " " * (indent * depth))
    out.write("}")


def write_json(data: Any, target: str, lang: str, indent: int | None = DEFAULT_INDENT) -> None:
    """`target` "-" → standard output; else the file, written atomically (streamed), and a note on stderr."""
    if target == "-":
        write_json_to(sys.stdout, data, indent)
        return
    with atomic_open(target) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="\n")
        write_json_to(text, data, indent)
        text.flush()
        text.detach()  # atomic_open closes the file
    say("cli.written", lang, path=target)


def write_table(columns: dict[str, list], target: str, fmt: str, lang: str) -> None:
    """A long table as CSV (UTF-8 with BOM, for Excel; None as an empty cell) or Parquet (needs pyarrow:
    `pip install "fusion-assessor[parquet]"`)."""
    if fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise InputError([Problem("cli.parquet_missing", {})]) from None
        if target == "-":
            raise InputError([Problem("cli.parquet_stdout", {})])
        with atomic_open(target) as fh:
            pq.write_table(pa.table(columns), fh)
    elif target == "-":
        _write_csv(sys.stdout, columns)
    else:
        with atomic_open(target) as fh:
            text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
            _write_csv(text, columns)
            text.flush()
            text.detach()  # atomic_open closes the file
    if target != "-":
        say("cli.written", lang, path=target)


def _write_csv(out: TextIO, columns: dict[str, list]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(zip(*columns.values(), strict=True))


def say(code: str, lang: str, **args: Any) -> None:
    """A catalogue message on standard error (progress notes, summaries)."""
    print(render(code, args, lang), file=sys.stderr)


def print_problems(problems: list[Problem], lang: str, *, file=None) -> None:
    for p in problems:
        print(p.one_line(lang), file=file or sys.stderr)
