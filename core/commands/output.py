"""What the sub-commands print and write: JSON in one place (strict, no NaN), long tables (CSV, Parquet),
messages in the chosen language."""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO, TextIO

import numpy as np

from ..kernel.atomic import atomic_open
from ..kernel.messages import render
from ..kernel.problems import InputError, Problem

DEFAULT_INDENT = 2  # json_text: what `check --json` and `workspace … --json` print (short lists, read in a terminal)


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
    return _encoder(indent).encode(value)  # what json.dumps with these options does, without a new encoder each time


@functools.lru_cache(maxsize=8)
def _encoder(indent: int | None) -> json.JSONEncoder:
    separators = (",", ":") if indent is None else (",", ": ")
    return json.JSONEncoder(ensure_ascii=False, indent=indent, separators=separators, allow_nan=False)


def _is_table(value: Any) -> bool:
    """A NodeTable (core.index.engine): rows × columns of rounded floats, NaN for null, kept as an array.
    Decided once per type (every instance of a type has its fields or none has)."""
    kind = type(value)
    table = _TABLE_TYPES.get(kind)
    if table is None:
        table = _TABLE_TYPES[kind] = hasattr(value, "row_keys") and hasattr(value, "col_keys")
    return table


_TABLE_TYPES: dict[type, bool] = {}


def _write(out: TextIO, value: Any, indent: int | None, depth: int, rendered: dict[int, bytes] | None = None) -> None:
    if _is_table(value):
        if indent is None:
            _put(out, rendered[id(value)] if rendered and id(value) in rendered else _table_texts([value])[0])
            return
        value = value.to_dict()
    if not _streamed(value):
        text = _dumps(value, indent)
        out.write(text if indent is None or not depth else text.replace("\n", "\n" + " " * (indent * depth)))
        return
    items = iter(value.items()) if isinstance(value, dict) else value
    inner = "" if indent is None else "\n" + " " * (indent * (depth + 1))
    colon = ":" if indent is None else ": "
    first = True
    out.write("{")
    for chunk in iter(lambda: list(itertools.islice(items, _CHUNK)), []):
        texts = _render_tables(chunk, rendered or {}) if indent is None else {}
        for key, item in chunk:
            out.write(("" if first else ",") + inner + _dumps(str(key), None) + colon)
            flat = _flat_compact(item, texts) if indent is None else None
            if flat is None:
                _write(out, item, indent, depth + 1, texts)
            else:
                _put(out, flat)
            first = False
    if indent is not None and not first:
        out.write("\n" + " " * (indent * depth))
    out.write("}")


def _streamed(value: Any) -> bool:
    """Written one pair at a time: an iterator of pairs, or a dict holding one or a NodeTable."""
    return isinstance(value, Iterator) or (
        isinstance(value, dict) and any(isinstance(v, Iterator) or _is_table(v) for v in value.values())
    )


def _flat_compact(item: Any, texts: dict[int, bytes]) -> bytes | None:
    """The compact JSON (UTF-8) _write gives for a streamed dict whose values are NodeTables or plain values
    (a region's index, growth and flags), made as one piece; None for anything else (_write writes it)."""
    if not isinstance(item, dict) or not _streamed(item):
        return None
    parts = []
    for key, v in item.items():
        if _is_table(v):
            text = texts[id(v)] if id(v) in texts else _table_texts([v])[0]
        elif _streamed(v):
            return None
        else:
            text = b"{}" if v == {} else _dumps(v, None).encode()
        parts.append(_key_bytes(str(key)) + text)
    return b"{" + b",".join(parts) + b"}"


@functools.lru_cache(maxsize=256)
def _key_bytes(key: str) -> bytes:
    return (_dumps(key, None) + ":").encode()


def _put(out: TextIO, data: bytes) -> None:
    """UTF-8 bytes on `out`: as they are on a _Utf8File, else decoded."""
    if hasattr(out, "write_utf8"):
        out.write_utf8(data)
    else:
        out.write(data.decode())


_CHUNK = 256  # pairs of a streamed object whose tables are formatted together (bounded memory)
_DECIMALS = 6  # values with at most 6 decimals (NodeTables are rounded to 6) are printed without float.__repr__


def _render_tables(pairs: list[tuple[Any, Any]], known: dict[int, bytes]) -> dict[int, bytes]:
    """`known` and, by id, the compact JSON of every other NodeTable among `pairs`' values (or one level
    inside them), formatted together per shape and keys."""
    groups: dict[tuple, list] = {}
    for _, item in pairs:
        for v in item.values() if isinstance(item, dict) else (item,):
            if _is_table(v) and id(v) not in known:
                groups.setdefault((tuple(v.row_keys), tuple(v.col_keys), v.values.shape), []).append(v)
    texts = dict(known)
    for tables in groups.values():
        texts.update(zip(map(id, tables), _table_texts(tables), strict=True))
    return texts


def _table_texts(tables: list) -> list[bytes]:
    """Compact JSON (UTF-8) of NodeTables sharing keys and shape (rows × columns of floats, NaN for null), formatted
    as whole arrays: each number's bytes are exactly json.dumps' (float.__repr__), see _number_bytes.

    Each table is laid out as rows of bytes: the row's opening ('{"row":{' or '},"row":{'), then per column its
    key (',"col":') and the number, every part in a fixed-width slot padded with zero bytes, which are then
    deleted (no JSON text holds a zero byte: json.dumps escapes it in strings)."""
    first = tables[0]
    if not first.values.size:
        return [_dumps(t.to_dict(), None).encode() for t in tables]
    heads, keys = _table_prefixes(tuple(first.row_keys), tuple(first.col_keys))
    rows, cols = first.values.shape
    numbers = _number_bytes(np.stack([t.values for t in tables]).reshape(-1))
    cell = keys.shape[1] + numbers.shape[1]
    layout = np.empty((len(tables), rows, heads.shape[1] + cols * cell), np.uint8)
    layout[:, :, : heads.shape[1]] = heads
    cells = layout[:, :, heads.shape[1] :].reshape(len(tables), rows, cols, cell)  # a view (last axis split)
    cells[..., : keys.shape[1]] = keys
    cells[..., keys.shape[1] :] = numbers.reshape(len(tables), rows, cols, -1)
    return [layout[i].tobytes().translate(None, b"\0") + b"}}" for i in range(len(tables))]


@functools.lru_cache(maxsize=16)
def _table_prefixes(row_keys: tuple[str, ...], col_keys: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """([rows, width] UTF-8 bytes opening each row: '{"row":{' for the first, '},"row":{' for the next;
    [columns, width] bytes before each column's value: '"col":' for the first, ',"col":' for the next),
    padded with zero bytes."""

    def key(k: str) -> str:
        return _dumps(str(k), None)

    heads = [("{" if i == 0 else "},") + key(r) + ":{" for i, r in enumerate(row_keys)]
    keys = [("" if j == 0 else ",") + key(c) + ":" for j, c in enumerate(col_keys)]
    return _byte_rows([h.encode() for h in heads]), _byte_rows([k.encode() for k in keys])


def _byte_rows(texts: list[bytes], width: int = 0) -> np.ndarray:
    """[len, width] bytes padded with zero bytes."""
    width = max(width, *map(len, texts)) if texts else width
    chars = np.zeros((len(texts), width), np.uint8)
    for i, t in enumerate(texts):
        chars[i, : len(t)] = np.frombuffer(t, np.uint8)
    return chars


def _digit_tables() -> tuple[np.ndarray, ...]:
    """Digits of 0…999 as three ASCII bytes packed in a uint64 (little-endian, the first digit lowest): all
    three ('007'); the leading zeros blank (zero bytes: '\0\07', 0 all blank); the same but the last digit
    kept (0 → '\0\00'); the trailing zeros blank (0 all blank); the trailing zeros blank but the first kept."""
    full = np.array([list(f"{i:03d}".encode()) for i in range(1000)], np.uint64)
    zero = full == ord("0")
    lead = np.where(np.cumprod(zero, axis=1).astype(bool), 0, full)
    last = lead.copy()
    last[0, 2] = ord("0")
    trail = np.where(np.cumprod(zero[:, ::-1], axis=1)[:, ::-1].astype(bool), 0, full)
    first = trail.copy()
    first[0, 0] = ord("0")
    shifts = np.array([0, 8, 16], np.uint64)
    return tuple((t << shifts).sum(axis=1, dtype=np.uint64) for t in (full, lead, last, trail, first))


_FULL, _LEAD, _LAST, _TRAIL, _FIRST = _digit_tables()
_SHIFT_HIGH, _SHIFT_LOW = np.uint64(8), np.uint64(32)  # the two groups of a slot: bytes 1-3 and 4-6
_INT_HIGH = np.concatenate([_FULL, _LEAD]) << _SHIFT_HIGH  # [group + 1000 × (every digit before it 0)]
_INT_LOW = np.concatenate([_FULL, _LEAD]) << _SHIFT_LOW
_INT_LAST = np.concatenate([_FULL, _LAST]) << _SHIFT_LOW  # the units group: 0 prints as 0
_DEC_HIGH = (np.concatenate([_FULL, _FIRST]) << _SHIFT_HIGH) | np.uint64(ord("."))  # [+ 1000 × (the rest 0)]
_DEC_LOW = _TRAIL << _SHIFT_LOW


def _number_bytes(values: np.ndarray) -> np.ndarray:
    """[N, width] ASCII bytes of each value as json.dumps prints it (null for NaN, else float.__repr__),
    padded with zero bytes.

    Vectorised for a value x that is the float nearest to a decimal D = m / 10**6 with m < 10**15 (at
    most 15 significant digits) and |D| = 0 or ≥ 1e-4: repr's shortest round-trip digits are then D's
    own (two decimals of ≤ 15 digits never share a float), printed positionally, trailing zeros
    stripped but one decimal kept. x / 10**6 being correctly rounded, `m / 10**6 == |x|` proves it.
    Any other value (a NaN aside) is printed by repr itself. Each 8-byte slot holds two groups of three
    digits (bytes 1-3, 4-6; the sign in byte 0 of the first), then '.' and the six decimals.
    """
    scale = 10**_DECIMALS
    size = np.abs(values)
    with np.errstate(invalid="ignore", over="ignore"):
        m = np.rint(size * scale)
        fast = (m < 1e15) & (m / scale == size) & ((m == 0) | (m >= scale // 10**4))
    nan = np.isnan(values)
    others = np.flatnonzero(~fast & ~nan)
    other_texts = [repr(v).encode() for v in values[others].tolist()]
    whole, frac = np.divmod(np.where(fast, m, 0).astype(np.int64), scale)
    slots = max(1, -(-len(str(int(whole.max()))) // 6))  # six digits each
    width = max(8 * (slots + 1), -(-max(map(len, other_texts), default=0) // 8) * 8)
    packed = np.zeros((len(values), width // 8), "<u8")  # bytes in memory order on any machine
    packed[:, 0] = (np.signbit(values) & fast).astype(np.uint64) * np.uint64(ord("-"))
    for j in range(slots):  # most significant first; a group's leading zeros are blank while all before are 0
        power = 1000 ** (2 * (slots - j) - 1)  # of the slot's high group
        packed[:, j] |= _INT_HIGH[whole // power % 1000 + 1000 * (whole < power * 1000)]
        table = _INT_LAST if j == slots - 1 else _INT_LOW
        packed[:, j] |= table[whole // (power // 1000) % 1000 + 1000 * (whole < power)]
    high, low = np.divmod(frac, 1000)
    packed[:, slots] = _DEC_HIGH[high + 1000 * (low == 0)] | _DEC_LOW[low]
    chars = packed.view(np.uint8)
    if nan.any():
        chars[nan] = _byte_rows([b"null"], width)
    if len(others):
        chars[others] = _byte_rows(other_texts, width)
    return chars


def write_json(data: Any, target: str, lang: str, *, indent: int | None = None) -> None:
    """A command's `--json`: compact unless `indent` (`--indent N`). `target` "-" → standard output; else the
    file (write_json_file) and a note on stderr."""
    if target == "-":
        write_json_to(sys.stdout, data, indent)
        return
    write_json_file(target, data, indent)
    say("cli.written", lang, path=target)


def write_json_file(path: Any, data: Any, indent: int | None = None) -> None:
    """`data` as JSON in the file `path` (UTF-8), written atomically and streamed: a value that is an iterator of
    (key, value) pairs is written one pair at a time (see write_json_to). Compact unless `indent`."""
    with atomic_open(path) as fh:
        utf8 = _Utf8File(fh)
        write_json_to(utf8, data, indent)
        utf8.flush()


class _Utf8File:
    """A binary file written as UTF-8 text; table texts, made as bytes, go in as they are (no decode and
    re-encode of most of the output). Pieces are gathered and written about a megabyte at a time."""

    def __init__(self, fh: BinaryIO):
        self.fh = fh
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, text: str) -> None:
        self.write_utf8(text.encode())

    def write_utf8(self, data: bytes) -> None:
        self.parts.append(data)
        self.size += len(data)
        if self.size > 1 << 20:
            self.flush()

    def flush(self) -> None:
        self.fh.write(b"".join(self.parts))
        self.parts.clear()
        self.size = 0


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
