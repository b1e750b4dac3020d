"""What the sub-commands print and write: JSON in one place (strict, no NaN), long tables (CSV, Parquet),
messages in the chosen language."""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

import numpy as np

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


def _is_table(value: Any) -> bool:
    """A NodeTable (core.index.engine): rows × columns of rounded floats, NaN for null, kept as an array."""
    return hasattr(value, "row_keys") and hasattr(value, "col_keys")


def _write(out: TextIO, value: Any, indent: int | None, depth: int) -> None:
    if _is_table(value):
        if indent is None:
            out.write(_table_text(value))
            return
        value = value.to_dict()
    streamed = isinstance(value, Iterator) or (
        isinstance(value, dict) and any(isinstance(v, Iterator) or _is_table(v) for v in value.values())
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


class _Null:
    """Formats as JSON null in a %r template."""

    def __repr__(self) -> str:
        return "null"


_NULL = _Null()


@functools.lru_cache(maxsize=16)
def _table_template(row_keys: tuple[str, ...], col_keys: tuple[str, ...]) -> str:
    """'{"row":{"col":%r,…},…}': compact JSON with one %r per value (keys' own % escaped)."""

    def key(k: str) -> str:
        return _dumps(str(k), None).replace("%", "%%")

    row = ",".join(key(c) + ":%r" for c in col_keys)
    return "{" + ",".join(key(k) + ":{" + row + "}" for k in row_keys) + "}"


def _table_text(table: Any) -> str:
    """Compact JSON of a NodeTable: every float printed by float.__repr__ in one C-level format, as json does."""
    values = table.values
    flat = values.ravel().tolist()
    for i in np.flatnonzero(np.isnan(values.ravel())).tolist():
        flat[i] = _NULL
    return _table_template(tuple(table.row_keys), tuple(table.col_keys)) % tuple(flat)


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
