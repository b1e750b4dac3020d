"""Writing to the workspace: an import as one revision, merged key by key, and conflict resolution.

A new value for a key is added (no value before), unchanged (the same value: `same_value`),
a correction (the same file re-imported: listed as INFO, the old value kept in history) or a
conflict (another file disagrees: recorded, the current value stays until the user chooses).
Each function runs inside one transaction the caller opened, so nothing is half-written.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
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
_INSERT_OBSERVATION = (
    "INSERT INTO observations (revision, region, indicator, year, value, status, unit, source, note, "
    "file, sheet, cell, row, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _insert(c: sqlite3.Connection, rev: int, o: Observation) -> int:
    p = o.provenance or Provenance()
    row = (rev, o.region, o.indicator, o.year, o.value, o.status.key, o.unit, o.source, o.note)
    return c.execute(_INSERT_OBSERVATION, (*row, p.file, p.sheet, p.cell, p.row, p.imported_at)).lastrowid


def _select(c: sqlite3.Connection, rev: int, key: Key, oid: int | None) -> None:
    c.execute(
        "INSERT INTO selection VALUES (?, ?, ?, ?, ?) ON CONFLICT(region, indicator, year, revision) "
        "DO UPDATE SET observation_id=excluded.observation_id",
        (rev, *key, oid),
    )


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
class _Merge:
    """One import's merge: its revision, the values seen so far in this import, and the report."""

    c: sqlite3.Connection
    rev: int
    report: ImportReport
    batch: dict[Key, tuple[int, Observation]] = field(default_factory=dict)

    def add(self, oid: int, obs: Observation) -> None:
        """Decide what a new observation does: add, same value, correction (same file) or conflict."""
        key = (obs.region, obs.indicator, obs.year)
        if key in self.batch:  # two values for one key within this import
            prev_id, prev = self.batch[key]
            if same_value(prev.value, obs.value):
                self.report.unchanged += 1
            else:
                self._conflict(key, prev_id, prev, oid, obs)
            return
        self.batch[key] = (oid, obs)
        cur_id, cur = queries.current(self.c, key)
        if cur is None or same_value(cur.value, obs.value):
            _select(self.c, self.rev, key, oid)  # new key, or the same value with newer provenance
            if cur is None:
                self.report.added += 1
            else:
                self.report.unchanged += 1
        elif cur.provenance is not None and obs.provenance is not None and cur.provenance.file == obs.provenance.file:
            _select(self.c, self.rev, key, oid)
            self.report.corrected += 1
            args = {"old": format_number(cur.value), "new": format_number(obs.value), "previous": self.rev - 1}
            self.report.problems.append(_located("value_corrected", args, Severity.INFO, obs))
        else:
            self._conflict(key, cur_id, cur, oid, obs)

    def _conflict(self, key: Key, cur_id: int | None, cur: Observation | None, oid: int, obs: Observation) -> None:
        self.c.execute(
            "INSERT INTO conflicts (revision, region, indicator, year, current_id, incoming_id) VALUES (?,?,?,?,?,?)",
            (self.rev, *key, cur_id, oid),
        )
        self.report.conflicts += 1
        where = source_of(cur.provenance) if cur is not None else msg("store.term.workspace")
        args = {
            "where": where,
            "current": format_number(cur.value) if cur else None,
            "incoming": format_number(obs.value),
        }
        self.report.problems.append(_located("workspace_conflict", args, Severity.ERROR, obs))


def _located(code: str, args: dict, severity: Severity, obs: Observation) -> Problem:
    return Problem(code, args, severity, **obs.location())


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
    merge = _Merge(c, rev, result)
    n = 0
    for f, res in results:
        for o in res.observations:
            n += 1
            if n % 500 == 0:
                report(progress, total - 1, total, WRITING)
                check_cancel(cancel)
            p = o.provenance or Provenance(file=f.name)
            stored = Observation(
                o.region,
                o.indicator,
                o.year,
                o.value,
                o.status,
                Provenance(p.file or f.name, p.sheet, p.cell, p.row, imported_at),
                o.unit,
                o.source,
                o.note,
            )
            merge.add(_insert(c, rev, stored), stored)
        for ind in res.industries:
            c.execute("INSERT INTO industries VALUES (?, ?, ?)", (rev, ind.region, _industry_json(ind, imported_at)))
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
