"""The current data kept as columns in one blob, so opening a large workspace reads one row, not a million.

The blob belongs to one revision. Every change of the data is a new revision, so a blob of an
older revision is simply stale: the data is then read from the observations (one query, into
columns) and the blob written again, in its own transaction (best effort: a read-only or locked
workspace is read without it). An import into an empty workspace writes the blob in its
transaction, from the columns it has just written.

Layout: a JSON header (text lists: regions, indicators, origins, the rare unit/source/note/cell
entries) and the numeric columns as raw little-endian arrays, in the order of `_ARRAYS`.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import suppress

import numpy as np

from ..kernel.problems import InputError
from ..model.observations import Columns, Provenance
from .queries import object_array
from .schema import transaction

_ARRAYS = (("region", "<i4"), ("indicator", "<i4"), ("year", "<i8"), ("value", "<f8"), ("status", "i1"),
           ("origin", "<i4"), ("row", "<i8"))  # fmt: skip
_TEXTS = ("cell", "unit", "source", "note")
CREATE = "CREATE TABLE IF NOT EXISTS current_cache (revision INTEGER NOT NULL, data BLOB NOT NULL)"


def encode(cols: Columns) -> bytes:
    region, regions = cols.codes("region")
    indicator, indicators = cols.codes("indicator")
    arrays = {"region": region, "indicator": indicator}
    header: dict = {
        "n": len(cols),
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
    body = [np.ascontiguousarray(arrays.get(name, getattr(cols, name)), dtype=dt).tobytes() for name, dt in _ARRAYS]
    return len(head).to_bytes(8, "little") + head + b"".join(body)


def decode(blob: bytes) -> Columns:
    size = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8 : 8 + size])
    n, at = header["n"], 8 + size
    arrays = {}
    for name, dt in _ARRAYS:
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
    return Columns(
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


def load(conn: sqlite3.Connection, revision: int) -> Columns | None:
    """The current data of `revision` from the blob, or None (no blob, or one of another revision)."""
    try:
        row = conn.execute("SELECT data FROM current_cache WHERE revision=?", (revision,)).fetchone()
    except sqlite3.OperationalError:  # a workspace written before the blob existed
        return None
    return None if row is None else decode(row[0])


def save(conn: sqlite3.Connection, revision: int, cols: Columns) -> None:
    """Replace the blob (inside the caller's transaction)."""
    conn.execute(CREATE)
    conn.execute("DELETE FROM current_cache")
    conn.execute("INSERT INTO current_cache VALUES (?, ?)", (revision, encode(cols)))


def save_quietly(conn: sqlite3.Connection, revision: int, cols: Columns) -> None:
    """`save` in its own transaction; a workspace that cannot be written now is read without the blob."""
    with suppress(InputError), transaction(conn) as c:
        if c.execute("SELECT COALESCE(MAX(id), 0) FROM revisions").fetchone()[0] == revision:
            save(c, revision, cols)
