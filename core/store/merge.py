"""Writing to the workspace: an import as one revision, merged key by key, and conflict resolution.

A new value for a key is added (no value before), unchanged (the same value: `same_value`),
a correction (the same file re-imported: listed as INFO, the old value kept in history) or a
conflict (another file disagrees: recorded, the current value stays until the user chooses).
Each function runs inside one transaction the caller opened, so nothing is half-written.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..io import ImportResult, IndustryEntry, format_number, same_value, source_of
from ..kernel.messages import msg
from ..kernel.problems import InputError, Problem, Severity
from ..kernel.progress import CancelCheck, ProgressCallback, check_cancel, report
from ..kernel.vocabulary import CellStatus
from ..model.observations import Observation, Provenance
from . import queries
from .records import ImportReport
from .schema import message_json, to_json

Key = tuple[str, str, int]
WRITING = msg("store.progress.writing")
_CHUNK = 50_000  # rows between progress reports and cancellation checks while writing
_INSERT_OBSERVATION = (
    "INSERT INTO observations (revision, region, indicator, year, value, status, unit, source, note, "
    "file, sheet, cell, row, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
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


@dataclass
class _Current:
    """The value in use for a key before this import: its observation id, value and source file."""

    oid: int
    value: float
    file: str | None


@dataclass
class _Merge:
    """One import's merge: its revision, the values seen so far in this import, and the report.

    Rows to write are collected and written with `executemany` by `flush`; the values in use
    before the import come from one query (`queries.current_values`), not one per key.
    """

    c: sqlite3.Connection
    rev: int
    report: ImportReport
    current: dict[Key, _Current]
    batch: dict[Key, tuple[int, tuple]] = field(default_factory=dict)
    selections: list[tuple] = field(default_factory=list)
    conflicts: list[tuple] = field(default_factory=list)

    def add(self, oid: int, row: tuple) -> None:
        """Decide what a new observation (a row as written) does: add, same value, correction (same file)
        or conflict."""
        key = row[1:4]
        if key in self.batch:  # two values for one key within this import
            prev_id, prev = self.batch[key]
            if same_value(prev[4], row[4]):
                self.report.unchanged += 1
            else:
                self._conflict(key, prev_id, prev[4], oid, row)
            return
        self.batch[key] = (oid, row)
        cur = self.current.get(key)
        if cur is None or same_value(cur.value, row[4]):
            self.selections.append((self.rev, *key, oid))  # new key, or the same value with newer provenance
            if cur is None:
                self.report.added += 1
            else:
                self.report.unchanged += 1
        elif cur.file is not None and cur.file == row[9]:
            self.selections.append((self.rev, *key, oid))
            self.report.corrected += 1
            args = {"old": format_number(cur.value), "new": format_number(row[4]), "previous": self.rev - 1}
            self.report.problems.append(_located("value_corrected", args, Severity.INFO, row))
        else:
            self._conflict(key, cur.oid, cur.value, oid, row)

    def _conflict(self, key: Key, cur_id: int, cur_value: float, oid: int, row: tuple) -> None:
        self.conflicts.append((self.rev, *key, cur_id, oid))
        self.report.conflicts += 1
        cur = queries.observation(self.c, cur_id)  # already written when it is a value from this import
        args = {
            "where": source_of(cur.provenance) if cur is not None else msg("store.term.workspace"),
            "current": format_number(cur_value),
            "incoming": format_number(row[4]),
        }
        self.report.problems.append(_located("workspace_conflict", args, Severity.ERROR, row))

    def flush(self) -> None:
        self.c.executemany(_INSERT_SELECTION, self.selections)
        self.c.executemany(
            "INSERT INTO conflicts (revision, region, indicator, year, current_id, incoming_id) VALUES (?,?,?,?,?,?)",
            self.conflicts,
        )
        self.selections.clear()
        self.conflicts.clear()


def _located(code: str, args: dict, severity: Severity, row: tuple) -> Problem:
    where = {"region": row[1], "indicator": row[2], "year": row[3], "file": row[9], "sheet": row[10]}
    return Problem(code, args, severity, **where, cell=row[11], row=row[12])


_NO_PROVENANCE = Provenance()
_STATUS_KEY = {s: s.key for s in CellStatus}  # CellStatus.key builds its string on every call


def _rows(rev: int, results: Sequence[tuple[Path, ImportResult]], imported_at: str) -> list[tuple]:
    """Every observation as the row written, with its file name (when the reader left it out) and the import time."""
    return [_row(rev, o, f.name, imported_at) for f, res in results for o in res.observations]


def _insert_all(c: sqlite3.Connection, rows: list[tuple], tick: Callable[[], None]) -> int:
    """Insert every observation with one `executemany`; returns the id of the first one.

    Inside the caller's BEGIN IMMEDIATE transaction nobody else writes, so the rows get the
    consecutive ids after the largest one (checked, not assumed). `tick` runs every
    `_CHUNK` rows (progress, cancellation).
    """
    first = c.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM observations").fetchone()[0]
    c.executemany(_INSERT_OBSERVATION, _ticking(rows, tick))
    last = c.execute("SELECT COALESCE(MAX(id), 0) FROM observations").fetchone()[0]
    if last - first + 1 != len(rows):
        raise RuntimeError("observation ids are not consecutive")  # never expected; rolls the import back
    return first


def _ticking(rows: list[tuple], tick: Callable[[], None]) -> Iterator[tuple]:
    for i, row in enumerate(rows):
        if i % _CHUNK == _CHUNK - 1:
            tick()
        yield row


def _row(rev: int, o: Observation, file: str | None = None, imported_at: str | None = None) -> tuple:
    """The columns of _INSERT_OBSERVATION; `file`/`imported_at` fill in what the provenance leaves out."""
    p = o.provenance or _NO_PROVENANCE
    return (rev, o.region, o.indicator, o.year, o.value, _STATUS_KEY[o.status], o.unit, o.source, o.note,
            p.file or file, p.sheet, p.cell, p.row, imported_at or p.imported_at)  # fmt: skip


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

    rows = _rows(rev, results, imported_at)
    first = _insert_all(c, rows, tick)
    tick()
    current = {k: _Current(*v) for k, v in queries.current_values(c, {r[1:4] for r in rows}).items()}
    merge = _Merge(c, rev, result, current)
    for i, row in enumerate(rows):
        if i % _CHUNK == _CHUNK - 1:
            tick()
        merge.add(first + i, row)
    merge.flush()
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
