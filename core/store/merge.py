"""Writing to the workspace: an import as one revision, merged key by key, and conflict resolution.

A new value for a key is added (no value before), unchanged (the same value: `same_value`),
a correction (the same file re-imported: listed as INFO, the old value kept in history) or a
conflict (another file disagrees: recorded, the current value stays until the user chooses).
Each function runs inside one transaction the caller opened, so nothing is half-written.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..io import ImportResult, IndustryEntry, format_number, source_of
from ..kernel.messages import msg
from ..kernel.problems import InputError, Problem, Severity
from ..kernel.progress import CancelCheck, ProgressCallback, check_cancel, report
from ..kernel.vocabulary import CellStatus
from ..model.observations import Columns, Observation, Provenance, key_codes
from . import queries, snapshot
from .records import ImportReport
from .schema import message_json, to_json

Key = tuple[str, str, int]
WRITING = msg("store.progress.writing")
_CHUNK = 50_000  # rows between progress reports and cancellation checks while writing
_MARKS = "?,?,?,?,?,?,?,?,?,?,?,?,?,?"
_INSERT_OBSERVATION = (
    "INSERT INTO observations (revision, region, indicator, year, value, status, unit, source, note, "
    f"file, sheet, cell, row, imported_at) VALUES ({_MARKS})"
)


_INSERT_SELECTION = (
    "INSERT INTO selection VALUES (?, ?, ?, ?, ?) ON CONFLICT(region, indicator, year, revision) "
    "DO UPDATE SET observation_id=excluded.observation_id"
)


def _insert(c: sqlite3.Connection, rev: int, o: Observation) -> int:
    return c.execute(_INSERT_OBSERVATION, _row(rev, o)).lastrowid


def _select(c: sqlite3.Connection, rev: int, key: Key, oid: int | None) -> None:
    c.execute(_INSERT_SELECTION, (rev, *key, oid))


def _industry_json(ind: IndustryEntry, imported_at: str) -> str:
    return to_json(
        {
            "region": ind.region,
            "industry": ind.industry,
            "strategic": ind.strategic,
            "location_quotient": ind.location_quotient,
            "scores": list(ind.scores),
            "expert": ind.expert,
            "note": ind.note,
            "provenance": {**ind.provenance.__dict__, "imported_at": imported_at},
        }
    )


def _located(code: str, args: dict, severity: Severity, row: tuple) -> Problem:
    where = {"region": row[1], "indicator": row[2], "year": row[3], "file": row[9], "sheet": row[10]}
    return Problem(code, args, severity, **where, cell=row[11], row=row[12])


_NO_PROVENANCE = Provenance()
_STATUS_KEY = {s: s.key for s in CellStatus}  # CellStatus.key builds its string on every call
_STATUS_KEYS = np.array([_STATUS_KEY[CellStatus(i)] for i in range(max(CellStatus) + 1)], dtype=object)


def _row(rev: int, o: Observation, file: str | None = None, imported_at: str | None = None) -> tuple:
    """The columns of _INSERT_OBSERVATION; `file`/`imported_at` fill in what the provenance leaves out."""
    p = o.provenance or _NO_PROVENANCE
    return (rev, o.region, o.indicator, o.year, o.value, _STATUS_KEY[o.status], o.unit, o.source, o.note,
            p.file or file, p.sheet, p.cell, p.row, imported_at or p.imported_at)  # fmt: skip


def _filled(cols: Columns, file: str, imported_at: str) -> Columns:
    """`cols` with the file name (where the reader left it out) and the import time on every origin."""
    origins = tuple(
        replace(o or _NO_PROVENANCE, file=(o and o.file) or file, imported_at=imported_at or (o and o.imported_at))
        for o in cols.origins
    )
    return replace(cols, origins=origins, cache={})


class _Written:
    """Every observation of an import as the columns of _INSERT_OBSERVATION: Python lists made from the
    arrays in one step each, zipped into rows chunk by chunk (no object per value beyond SQLite's row)."""

    def __init__(self, rev: int, cols: Columns):
        n = len(cols)

        def per_origin(name: str) -> list:
            table = np.empty(len(cols.origins), dtype=object)
            table[:] = [getattr(o, name) for o in cols.origins]
            return table[cols.origin].tolist()

        def optional(col: np.ndarray | None) -> list:
            return [None] * n if col is None else col.tolist()

        row = cols.row.astype(object)
        row[cols.row < 0] = None
        self.cols = cols
        self.columns: list[list] = [
            [rev] * n,
            cols.region.tolist(),
            cols.indicator.tolist(),
            cols.year.tolist(),
            cols.value.tolist(),
            _STATUS_KEYS[cols.status].tolist(),
            optional(cols.unit),
            optional(cols.source),
            optional(cols.note),
            per_origin("file"),
            per_origin("sheet"),
            optional(cols.cell),
            row.tolist(),
            per_origin("imported_at"),
        ]

    def __len__(self) -> int:
        return len(self.cols)

    def insert(self, c: sqlite3.Connection, lo: int, hi: int) -> None:
        """Insert rows lo…hi with one `executemany`. A column that is None throughout them is written as a
        NULL literal, not bound per row (binding None is many times slower than a number or a text)."""
        parts = [col[lo:hi] for col in self.columns]
        bound = [i for i, col in enumerate(parts) if col.count(None) < len(col)]
        marks = ",".join("?" if i in bound else "NULL" for i in range(len(parts)))
        c.executemany(_INSERT_OBSERVATION.replace(_MARKS, marks), zip(*(parts[i] for i in bound), strict=True))

    def row(self, i: int) -> tuple:
        return tuple(c[i] for c in self.columns)


def _insert_all(c: sqlite3.Connection, written: _Written, tick: Callable[[], None]) -> int:
    """Insert every observation, `_CHUNK` rows per `executemany`; returns the id of the first one.

    Inside the caller's BEGIN IMMEDIATE transaction nobody else writes, so the rows get the
    consecutive ids after the largest one (checked, not assumed). `tick` runs after each chunk
    (progress, cancellation).
    """
    first = c.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM observations").fetchone()[0]
    for lo in range(0, len(written), _CHUNK):
        written.insert(c, lo, lo + _CHUNK)
        tick()
    last = c.execute("SELECT COALESCE(MAX(id), 0) FROM observations").fetchone()[0]
    if last - first + 1 != len(written):
        raise RuntimeError("observation ids are not consecutive")  # never expected; rolls the import back
    return first


def same_values(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """`same_value` element-wise (relative tolerance 1e-12, no absolute tolerance)."""
    with np.errstate(invalid="ignore"):
        return (a == b) | (np.abs(a - b) <= 1e-12 * np.maximum(np.abs(a), np.abs(b)))


@dataclass
class _Merge:
    """One import's merge decided column-wise: for each observation (ids `first`, `first + 1`, …) whether it
    is added, unchanged, a correction (the same file) or a conflict (another file, or a second value for a
    key within this import). Problems and conflicts are listed in row order, as a row-by-row merge would."""

    c: sqlite3.Connection
    rev: int
    report: ImportReport
    written: _Written
    first: int

    def run(self) -> np.ndarray:
        """Merge; returns the entries the new revision selects (indices, in id order)."""
        cols = self.written.cols
        key = key_codes(cols.codes("region"), cols.codes("indicator"), cols.year)
        _, head_of_key = np.unique(key, return_index=True)  # the first entry of each key in this import
        head = head_of_key[key]
        is_head = head == np.arange(len(key))
        dup = np.flatnonzero(~is_head)
        dup_same = same_values(cols.value[head[dup]], cols.value[dup])
        heads = np.flatnonzero(is_head)
        cur_id, cur_value, cur_file = self._current(heads)
        known = cur_id >= 0
        same = ~known | same_values(cur_value, cols.value[heads])
        files = np.array(self.written.columns[9], dtype=object)[heads]
        corrected = ~same & (cur_file != None) & (cur_file == files)  # noqa: E711 (element-wise)
        selected = same | corrected
        self.report.added += int((~known).sum())
        self.report.unchanged += int((known & same).sum()) + int(dup_same.sum())
        self.report.corrected += int(corrected.sum())
        self._select(np.concatenate([dup, heads[~selected]]))
        events = [
            (int(i), "corrected", int(j)) for i, j in zip(heads[corrected], np.flatnonzero(corrected), strict=True)
        ]
        events += [
            (int(i), "conflict", int(j)) for i, j in zip(heads[~selected], np.flatnonzero(~selected), strict=True)
        ]
        events += [(int(i), "dup", -1) for i in dup[~dup_same]]
        conflicts = []
        for i, kind, j in sorted(events):
            row = self.written.row(i)
            if kind == "corrected":
                args = {
                    "old": format_number(float(cur_value[j])),
                    "new": format_number(row[4]),
                    "previous": self.rev - 1,
                }
                self.report.problems.append(_located("value_corrected", args, Severity.INFO, row))
            elif kind == "conflict":
                conflicts.append(self._conflict(int(cur_id[j]), float(cur_value[j]), self.first + i, row))
            else:
                h = int(head[i])
                conflicts.append(self._conflict(self.first + h, float(cols.value[h]), self.first + i, row))
        self.c.executemany(
            "INSERT INTO conflicts (revision, region, indicator, year, current_id, incoming_id) VALUES (?,?,?,?,?,?)",
            conflicts,
        )
        return heads[selected]

    def _current(self, heads: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(observation id or -1, value, file) in use before this import for the keys of entries `heads`."""
        n = len(self.written)
        cur_id = np.full(n, -1, dtype=np.int64)
        cur_value = np.full(n, np.nan)
        cur_file = np.full(n, None, dtype=object)
        found = queries.current_for_range(self.c, self.first, self.first + n - 1)
        if found:
            oid, pos, value, file = (list(x) for x in zip(*found, strict=True))
            at = np.array(oid, dtype=np.int64) - self.first
            cur_id[at], cur_value[at] = pos, value
            cur_file[at] = file
        return cur_id[heads], cur_value[heads], cur_file[heads]

    def _select(self, skipped: np.ndarray) -> None:
        """The new revision selects every observation of this import except `skipped` (indices): one statement."""
        self.c.execute("CREATE TEMP TABLE IF NOT EXISTS skipped (id INTEGER PRIMARY KEY)")
        self.c.execute("DELETE FROM temp.skipped")
        self.c.executemany("INSERT INTO temp.skipped VALUES (?)", zip((self.first + skipped).tolist()))
        last = self.first + len(self.written) - 1
        self.c.execute(
            "INSERT INTO selection SELECT ?, region, indicator, year, id FROM observations "
            "WHERE id BETWEEN ? AND ? AND id NOT IN temp.skipped ORDER BY region, indicator, year",
            (self.rev, self.first, last),
        )
        self.c.execute("DELETE FROM temp.skipped")

    def _conflict(self, cur_id: int, cur_value: float, oid: int, row: tuple) -> tuple:
        self.report.conflicts += 1
        cur = queries.observation(self.c, cur_id)  # already written when it is a value from this import
        args = {
            "where": source_of(cur.provenance) if cur is not None else msg("store.term.workspace"),
            "current": format_number(cur_value),
            "incoming": format_number(row[4]),
        }
        self.report.problems.append(_located("workspace_conflict", args, Severity.ERROR, row))
        return (self.rev, *row[1:4], cur_id, oid)


def write_import(
    c: sqlite3.Connection,
    results: Sequence[tuple[Path, ImportResult]],
    imported_at: str,
    result: ImportReport,
    progress: ProgressCallback | None,
    cancel: CancelCheck | None,
    total: int,
) -> None:
    """Write read files as one new revision (inside the caller's transaction); fills `result`."""
    names = [f.name for f, _ in results]
    description = message_json(msg("store.revision.import", count=len(names)))
    rev = c.execute(
        "INSERT INTO revisions (created_at, kind, description, files) VALUES (?, 'import', ?, ?)",
        (imported_at, description, to_json(names)),
    ).lastrowid

    def tick() -> None:
        report(progress, total - 1, total, WRITING)
        check_cancel(cancel)

    parts = [_filled(res.observations.columns(), f.name, imported_at) for f, res in results if len(res.observations)]
    if parts:
        was_empty = c.execute("SELECT 1 FROM selection LIMIT 1").fetchone() is None
        written = _Written(rev, Columns.concat(parts))
        first = _insert_all(c, written, tick)
        selected = _Merge(c, rev, result, written, first).run()
        if was_empty:  # the current data is what this import selected: keep it for a fast open
            snapshot.save(c, rev, written.cols.take(selected), first + selected)
        tick()
    c.executemany(
        "INSERT INTO industries VALUES (?, ?, ?)",
        [(rev, ind.region, _industry_json(ind, imported_at)) for _, res in results for ind in res.industries],
    )
    c.executemany("INSERT INTO problems VALUES (?, ?)", [(rev, to_json(p.to_dict())) for p in result.problems])
    result.revision = rev
    result.files = names


def resolve(c: sqlite3.Connection, conflict_id: int, choose: str | int | float, note: str, when: str) -> int:
    """Resolve a conflict (inside the caller's transaction): 'current', 'incoming' or a typed value."""
    row = c.execute(
        "SELECT region, indicator, year, current_id, incoming_id, resolved_revision FROM conflicts WHERE id=?",
        (conflict_id,),
    ).fetchone()
    if row is None:
        raise InputError([Problem("conflict_unknown", {"id": conflict_id})])
    region, indicator, year, cur_id, inc_id, resolved = row
    where = {"region": region, "indicator": indicator, "year": year}
    if resolved is not None:
        raise InputError([Problem("conflict_resolved", {"id": conflict_id}, **where)])
    if note:
        description = message_json(msg("revision.resolve_noted", **where, note=msg("store.revision.note", note=note)))
    else:
        description = message_json(msg("store.revision.resolve", **where))
    rev = c.execute(
        "INSERT INTO revisions (created_at, kind, description, files) VALUES (?, 'resolve', ?, '[]')",
        (when, description),
    ).lastrowid
    if choose in ("current", "incoming"):
        chosen = cur_id if choose == "current" else inc_id
    else:
        value = float(choose)
        if not math.isfinite(value) or value < 0:
            raise InputError([Problem("conflict_value_invalid", {}, **where)])
        base = queries.observation(c, inc_id)
        typed = Observation(
            region,
            indicator,
            year,
            value,
            CellStatus.REPORTED,
            Provenance(file=msg("store.user_value_file").text(), imported_at=when),
            unit=base.unit if base else None,
            note=note or msg("store.user_value_note").text(),
        )
        chosen = _insert(c, rev, typed)
    _select(c, rev, (region, indicator, year), chosen)
    c.execute(
        "UPDATE conflicts SET resolved_revision=?, chosen_id=?, note=? WHERE id=?",
        (rev, chosen, note or None, conflict_id),
    )
    return rev
