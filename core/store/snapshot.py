"""The current data kept as columns in one blob, so opening a large workspace reads one row, not a million.

The blob belongs to one revision. Every change of the data is a new revision, so a blob of an
older revision is stale: it is brought up to date with the keys selected since (an edit changes one
key: its row is replaced, not the whole table re-read), or, when most keys changed or the blob has
no observation ids, the data is read from the observations (one query, into columns). The blob is
then written again, in its own transaction (best effort: a read-only or locked workspace is read
without it). An import into an empty workspace writes the blob in its transaction, from the columns
it has just written.

Layout: a JSON header (text lists: regions, indicators, origins, the rare unit/source/note/cell
entries) and the numeric columns as raw little-endian arrays, in the order of `_ARRAYS` (the
observation ids last; a blob written before they were kept has none).
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import suppress
from dataclasses import replace

import numpy as np

from ..kernel.problems import InputError
from ..model.observations import Columns, Provenance
from . import queries
from .queries import object_array
from .schema import transaction

_ARRAYS = (("region", "<i4"), ("indicator", "<i4"), ("year", "<i8"), ("value", "<f8"), ("status", "i1"),
           ("origin", "<i4"), ("row", "<i8"), ("id", "<i8"))  # fmt: skip
_TEXTS = ("cell", "unit", "source", "note")
CREATE = "CREATE TABLE IF NOT EXISTS current_cache (revision INTEGER NOT NULL, data BLOB NOT NULL)"


def encode(cols: Columns, ids: np.ndarray) -> bytes:
    region, regions = cols.codes("region")
    indicator, indicators = cols.codes("indicator")
    arrays = {"region": region, "indicator": indicator, "id": ids}
    header: dict = {
        "n": len(cols),
        "ids": True,
        "regions": [str(r) for r in regions],
        "indicators": [str(i) for i in indicators],
        "origins": [None if o is None else [o.file, o.sheet, o.imported_at] for o in cols.origins],
    }
    for name in _TEXTS:
        col = getattr(cols, name)
        if col is not None:
            at = np.flatnonzero(col != None)  # noqa: E711 (element-wise)
            header[name] = [at.tolist(), col[at].tolist()]
    head = json.dumps(header, ensure_ascii=False).encode()
    columns = {**{name: getattr(cols, name) for name, _ in _ARRAYS[:-1]}, **arrays}
    body = [np.ascontiguousarray(columns[name], dtype=dt).tobytes() for name, dt in _ARRAYS]
    return len(head).to_bytes(8, "little") + head + b"".join(body)


def decode(blob: bytes) -> tuple[Columns, np.ndarray | None]:
    """The columns and their observation ids (None in a blob written before the ids were kept)."""
    size = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8 : 8 + size])
    n, at = header["n"], 8 + size
    arrays = {}
    for name, dt in _ARRAYS if header.get("ids") else _ARRAYS[:-1]:
        arrays[name] = np.frombuffer(blob, dtype=dt, count=n, offset=at).astype(np.dtype(dt).newbyteorder("="))
        at += n * np.dtype(dt).itemsize
    texts = {}
    for name in _TEXTS:
        if name in header:
            col = np.full(n, None, dtype=object)
            col[np.array(header[name][0], dtype=np.int64)] = header[name][1]
            texts[name] = col
    regions, indicators = object_array(header["regions"]), object_array(header["indicators"])
    region, indicator = arrays["region"].astype(np.int64), arrays["indicator"].astype(np.int64)
    cols = Columns(
        regions[region],
        indicators[indicator],
        arrays["year"],
        arrays["value"],
        arrays["status"],
        tuple(None if o is None else Provenance(file=o[0], sheet=o[1], imported_at=o[2]) for o in header["origins"]),
        arrays["origin"],
        arrays["row"],
        **texts,
        cache={"region": (region, list(regions)), "indicator": (indicator, list(indicators))},
    )
    return cols, arrays.get("id")


def load(conn: sqlite3.Connection, revision: int) -> Columns | None:
    """The current data of `revision` from the blob, or None (no blob, or one of another revision)."""
    found = _blob(conn)
    return found[1] if found is not None and found[0] == revision else None


def _blob(conn: sqlite3.Connection) -> tuple[int, Columns, np.ndarray | None] | None:
    try:
        row = conn.execute("SELECT revision, data FROM current_cache").fetchone()
    except sqlite3.OperationalError:  # a workspace written before the blob existed
        return None
    return None if row is None else (row[0], *decode(row[1]))


def current(conn: sqlite3.Connection, revision: int) -> Columns:
    """The data of `revision` (the latest): from the blob, brought up to date if it is older, or read from
    the observations; a blob of any other state is written again for the next time."""
    found = _blob(conn)
    if found is not None and found[0] == revision:
        return found[1]
    cols, ids = _patched(conn, revision, found) or queries.current_columns(conn, revision)
    save_quietly(conn, revision, cols, ids)
    return cols


def _patched(conn: sqlite3.Connection, revision: int, found) -> tuple[Columns, np.ndarray] | None:
    """The blob's data with each key selected since replaced by its new observation (or dropped), in id
    order, as the query gives it; None when there is no usable blob or most keys changed."""
    if found is None or found[2] is None or found[0] > revision:
        return None
    since, cols, ids = found
    changed = queries.changed_keys(conn, since, revision)
    if len(changed) * 4 > len(cols):
        return None
    keep = ~_selected_anew(cols, changed)
    new, new_ids = queries.columns_by_id(conn, [k[3] for k in changed if k[3] is not None])
    merged, all_ids = Columns.concat([cols.take(keep), new]), np.concatenate([ids[keep], new_ids])
    order = np.argsort(all_ids, kind="stable")
    return _as_queried(merged.take(order)), all_ids[order]


def _selected_anew(cols: Columns, changed: list[tuple]) -> np.ndarray:
    """Which entries of `cols` have a key in `changed` (region, indicator, year, …)."""
    (rc, regions), (ic, indicators) = cols.codes("region"), cols.codes("indicator")
    rpos, ipos = {r: i for i, r in enumerate(regions)}, {k: i for i, k in enumerate(indicators)}
    known = [(rpos[k[0]], ipos[k[1]], k[2]) for k in changed if k[0] in rpos and k[1] in ipos]
    if not known or not len(cols):
        return np.zeros(len(cols), dtype=bool)
    lo = min(int(cols.year.min()), min(k[2] for k in known))
    span = max(int(cols.year.max()), max(k[2] for k in known)) - lo + 1
    m = len(indicators)
    keys = (rc.astype(np.int64) * m + ic) * span + (cols.year - lo)
    return np.isin(keys, [(r * m + i) * span + (y - lo) for r, i, y in known])


def _as_queried(cols: Columns) -> Columns:
    """Origins numbered in order of first use and text columns that hold nothing dropped, as a fresh
    query numbers them."""
    used, first = np.unique(cols.origin, return_index=True)
    number: dict = {}
    remap = np.zeros(len(cols.origins), dtype=np.int32)
    for o in used[np.argsort(first)]:
        remap[o] = number.setdefault(cols.origins[o], len(number))
    texts = {}
    for name in _TEXTS:
        col = getattr(cols, name)
        texts[name] = None if col is None or not (col != None).any() else col  # noqa: E711 (element-wise)
    return replace(cols, origins=tuple(number) or (None,), origin=remap[cols.origin], **texts, cache={})


def save(conn: sqlite3.Connection, revision: int, cols: Columns, ids: np.ndarray) -> None:
    """Replace the blob (inside the caller's transaction)."""
    conn.execute(CREATE)
    conn.execute("DELETE FROM current_cache")
    conn.execute("INSERT INTO current_cache VALUES (?, ?)", (revision, encode(cols, ids)))


def save_quietly(conn: sqlite3.Connection, revision: int, cols: Columns, ids: np.ndarray) -> None:
    """`save` in its own transaction; a workspace that cannot be written now is read without the blob."""
    with suppress(InputError), transaction(conn) as c:
        if c.execute("SELECT COALESCE(MAX(id), 0) FROM revisions").fetchone()[0] == revision:
            save(c, revision, cols, ids)
