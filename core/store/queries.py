"""Reading the workspace: data as of a revision, history of a key, conflicts, problems, industries.

Every function takes the open connection and only reads; the data as of revision n is, for
each (region, indicator, year), the observation the latest selection up to n points at.
"""

from __future__ import annotations

import json
import re
import sqlite3

import numpy as np

from ..io import IndustryEntry
from ..kernel.messages import Message, msg
from ..kernel.problems import Problem
from ..kernel.vocabulary import CellStatus
from ..model.observations import Columns, Observation, ObservationTable, Provenance
from .records import Acceptance, Conflict, Revision

_OBS_COLS = (
    "o.id, o.region, o.indicator, o.year, o.value, o.status, o.unit, o.source, o.note, "
    "o.file, o.sheet, o.cell, o.row, o.imported_at"
)
Key = tuple[str, str, int]


_STATUS = {s.key: s for s in CellStatus}
_STATUS_CODE = "CASE o.status " + " ".join(f"WHEN '{s.key}' THEN {int(s)}" for s in CellStatus) + " END"


def _obs(row, obs=Observation, prov=Provenance, status=_STATUS) -> Observation:
    """A row of _OBS_COLS as an Observation (positional arguments: this runs once per stored value)."""
    return obs(row[1], row[2], row[3], row[4], status[row[5]], prov(*row[9:14]), row[6], row[7], row[8])


def meta(conn: sqlite3.Connection, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return row[0] if row else ""


# descriptions written before they were stored as catalogue codes (Chinese text) → the message they said
_LEGACY = (
    (re.compile(r"^导入 (?P<count>\d+) 个文件$"), "store.revision.import"),
    (re.compile(r"^处理冲突：(?P<region>\S+) (?P<indicator>\S+) (?P<year>\d+) 年$"), "store.revision.resolve"),
)


def _nested(value):
    """A message argument that is itself a message (stored as its dict) → a Message again."""
    if isinstance(value, dict) and "code" in value:
        return Message(value["code"], {k: _nested(v) for k, v in (value.get("args") or {}).items()})
    return value


def revision_message(text: str) -> Message | str:
    """A stored description: a message as JSON, or (older workspaces) Chinese text, mapped back where known."""
    if text.startswith("{"):
        try:
            data = json.loads(text)
            return Message(data["code"], {k: _nested(v) for k, v in (data.get("args") or {}).items()})
        except (ValueError, KeyError, TypeError):
            return text
    note = ""
    if text.endswith("）") and "（" in text:  # store.revision.note appended to a resolve
        text, _, note = text[:-1].rpartition("（")
    for pattern, code in _LEGACY:
        m = pattern.match(text)
        if m:
            args = {k: int(v) if k in ("count", "year") else v for k, v in m.groupdict().items()}
            if note:
                args["note"] = msg("store.revision.note", note=note)
                code = "revision.resolve_noted"
            return Message(code, args)
    return text + (f"（{note}）" if note else "")


def revisions(conn: sqlite3.Connection) -> list[Revision]:
    """Every revision, oldest first, with the revision that reverted it (a revert that is itself in effect)."""
    sql = "SELECT id, created_at, kind, description, files FROM revisions ORDER BY id"
    rows = [(r[0], r[1], r[2], revision_message(r[3]), tuple(json.loads(r[4]))) for r in conn.execute(sql)]
    reverted: dict[int, int] = {}
    for rid, _, kind, message, _ in reversed(rows):  # newest first: a reverted revert does not count
        if kind == "revert" and rid not in reverted and isinstance(message, Message):
            reverted.setdefault(int(message.args["revision"]), rid)
    return [Revision(*r, reverted_by=reverted.get(r[0])) for r in rows]


def acceptances(conn: sqlite3.Connection) -> list[Acceptance]:
    """Flagged cells accepted with a reason, in effect now (not reverted)."""
    out = []
    for r in revisions(conn):
        if r.kind == "accept" and r.reverted_by is None:
            a = r.message.args  # type: ignore[union-attr]
            out.append(Acceptance(r.id, a["region"], a["indicator"], int(a["year"]), a["problem"], a["reason"]))
    return out


def current_revision(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COALESCE(MAX(id), 0) FROM revisions").fetchone()[0]


def observations(conn: sqlite3.Connection, revision: int | None = None) -> ObservationTable:
    """The current data (or the data as of `revision`): one observation per key, as columns in id order."""
    rev = current_revision(conn) if revision is None else revision
    return ObservationTable(columns=current_columns(conn, rev)[0])


_ROW_COLS = (
    f"o.region, o.indicator, o.year, o.value, {_STATUS_CODE}, o.file, o.sheet, o.imported_at, o.row, "
    "o.cell, o.unit, o.source, o.note, o.id"
)


def current_columns(conn: sqlite3.Connection, revision: int) -> tuple[Columns, np.ndarray]:
    """The data as of `revision` as columns in id order, and the observation ids.

    One query; the rows become arrays column by column (no Observation or Provenance per value):
    provenance is kept once per (file, sheet, import time) with a row number and cell per value.
    """
    # one pass over the selection's primary key (region, indicator, year, revision): per key, the
    # row with the largest revision up to `revision` (SQLite takes bare columns from the MAX row)
    sql = f"""
        SELECT {_ROW_COLS} FROM (
            SELECT observation_id AS oid, MAX(revision) FROM selection WHERE revision <= ?
            GROUP BY region, indicator, year) k
        JOIN observations o ON o.id = k.oid
        ORDER BY o.id"""
    return _columns(conn.execute(sql, (revision,)).fetchall())


def changed_keys(conn: sqlite3.Connection, since: int, revision: int) -> list[tuple[str, str, int, int | None]]:
    """(region, indicator, year, observation id or None) for each key selected anew after `since` up to `revision`."""
    sql = """SELECT region, indicator, year, observation_id, MAX(revision) FROM selection
             WHERE revision > ? AND revision <= ? GROUP BY region, indicator, year"""
    return [r[:4] for r in conn.execute(sql, (since, revision))]


def columns_by_id(conn: sqlite3.Connection, ids: list[int]) -> tuple[Columns, np.ndarray]:
    """The observations with these ids, as columns in id order, and their ids."""
    rows = []
    for lo in range(0, len(ids), 500):  # well under SQLite's limit of bound parameters
        part = ids[lo : lo + 500]
        sql = f"SELECT {_ROW_COLS} FROM observations o WHERE o.id IN ({','.join('?' * len(part))})"
        rows += conn.execute(sql, part).fetchall()
    rows.sort(key=lambda r: r[13])
    return _columns(rows)


def _columns(rows: list[tuple]) -> tuple[Columns, np.ndarray]:
    """Rows of _ROW_COLS: (region, indicator, year, value, status, file, sheet, imported_at, row, cell, unit,
    source, note, id)."""
    n = len(rows)
    cols = list(zip(*rows, strict=True)) if n else [()] * 14
    del rows
    origins: dict[tuple, int] = {}
    origin = np.fromiter(
        (origins.setdefault(k, len(origins)) for k in zip(cols[5], cols[6], cols[7], strict=True)), np.int32, n
    )
    status = np.array(cols[4], dtype=np.int8)
    row = np.array([-1 if r is None else r for r in cols[8]], dtype=np.int64)
    optional = [None if c.count(None) == n else object_array(c) for c in cols[9:13]]
    columns = Columns(
        object_array(cols[0]),
        object_array(cols[1]),
        np.array(cols[2], dtype=np.int64),
        np.array(cols[3], dtype=np.float64),
        status,
        tuple(Provenance(file=f, sheet=s, imported_at=t) for f, s, t in origins) or (None,),
        origin,
        row,
        *optional,
    )
    return columns, np.array(cols[13], dtype=np.int64)


def object_array(values: tuple | list) -> np.ndarray:
    """An object array of `values` (kept as they are, even tuples or lists)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def history(conn: sqlite3.Connection, key: Key) -> list[tuple[int, Observation]]:
    """Every value ever imported for one key, oldest first, with its revision."""
    sql = f"SELECT {_OBS_COLS}, o.revision FROM observations o WHERE region=? AND indicator=? AND year=? ORDER BY o.id"
    return [(r[14], _obs(r)) for r in conn.execute(sql, key)]


def observation(conn: sqlite3.Connection, oid: int | None) -> Observation | None:
    if oid is None:
        return None
    r = conn.execute(f"SELECT {_OBS_COLS} FROM observations o WHERE id=?", (oid,)).fetchone()
    return _obs(r) if r else None


def current(conn: sqlite3.Connection, key: Key) -> tuple[int | None, Observation | None]:
    """The observation in use for a key now (id and value), or (None, None)."""
    row = conn.execute(
        "SELECT observation_id FROM selection WHERE region=? AND indicator=? AND year=? ORDER BY revision DESC LIMIT 1",
        key,
    ).fetchone()
    if row is None or row[0] is None:
        return None, None
    return row[0], observation(conn, row[0])


def current_for_range(conn: sqlite3.Connection, first: int, last: int) -> list[tuple[int, int, float, str | None]]:
    """For the observations with ids first…last (just written, not yet selected) whose key has a value in use:
    (the new observation's id, the id, value and file of the one in use) — one query for all, nothing bound
    per key; the selection's primary key finds each key's latest selection.
    """
    if conn.execute("SELECT 1 FROM selection LIMIT 1").fetchone() is None:
        return []
    sql = """
        SELECT k.nid, o.id, o.value, o.file FROM (
            SELECT n.id AS nid, s.observation_id AS oid, MAX(s.revision)
            FROM observations n JOIN selection s
              ON s.region = n.region AND s.indicator = n.indicator AND s.year = n.year
            WHERE n.id BETWEEN ? AND ?
            GROUP BY n.id) k
        JOIN observations o ON o.id = k.oid"""
    return conn.execute(sql, (first, last)).fetchall()


def conflicts(conn: sqlite3.Connection, include_resolved: bool = False) -> list[Conflict]:
    sql = (
        "SELECT id, revision, region, indicator, year, current_id, incoming_id, resolved_revision, chosen_id "
        "FROM conflicts"
    )
    if not include_resolved:
        sql += " WHERE resolved_revision IS NULL"
    return [
        Conflict(
            *r[:5],
            current=observation(conn, r[5]),
            incoming=observation(conn, r[6]),  # type: ignore[arg-type]
            current_id=r[5],
            incoming_id=r[6],
            resolved=r[7] is not None,
            chosen_id=r[8],
        )
        for r in conn.execute(sql + " ORDER BY id").fetchall()
    ]


def has_unresolved_conflicts(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM conflicts WHERE resolved_revision IS NULL LIMIT 1").fetchone() is not None


def problems(conn: sqlite3.Connection, revision: int | None = None) -> list[Problem]:
    """Problems recorded by an import (default: the latest import)."""
    if revision is None:
        revision = conn.execute("SELECT MAX(id) FROM revisions WHERE kind='import'").fetchone()[0]
        if revision is None:
            return []
    rows = conn.execute("SELECT data FROM problems WHERE revision=?", (revision,))
    return [Problem.from_dict(json.loads(data)) for (data,) in rows]


def industries(conn: sqlite3.Connection, revision: int | None = None) -> list[IndustryEntry]:
    """The latest 主导产业 rows per region (a re-import of a region replaces its rows; an undone import's
    rows no longer count)."""
    rev = current_revision(conn) if revision is None else revision
    undone = {r.id for r in revisions(conn) if r.reverted_by is not None and r.reverted_by <= rev}
    latest: dict[str, int] = {}
    for region, r in conn.execute("SELECT region, revision FROM industries WHERE revision<=?", (rev,)):
        if r not in undone:
            latest[region] = max(r, latest.get(region, r))
    out = []
    for region, r in sorted(latest.items()):
        for (data,) in conn.execute("SELECT data FROM industries WHERE region=? AND revision=?", (region, r)):
            d = json.loads(data)
            d["scores"] = tuple(d["scores"])
            d["provenance"] = Provenance(**d["provenance"])
            out.append(IndustryEntry(**d))
    return out
