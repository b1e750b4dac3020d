"""The workspace (工作区): one SQLite file holding every imported value, its history and settings.

Nothing is lost: every observation ever imported stays in the file with its provenance and
import time. Each import or conflict resolution is a revision; the current data is a
selection of observations per (region, indicator, year) that changes only by revisions, so
`observations(revision=n)` shows the data as it was. A corrected re-import of the same file
replaces its values (listed as INFO); a different file with a different value is a conflict
the user resolves — never a silent overwrite. Every write is one SQLite transaction, so a
crash or kill mid-import leaves the workspace exactly as before.
"""

from __future__ import annotations

import json
import math
import sqlite3
import tomllib
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..io.loading import expand_paths, read_file
from ..io.numbers import format_number
from ..io.results import ImportResult, IndustryEntry
from ..kernel.problems import InputError, Problem, Severity
from ..kernel.progress import CancelCheck, Cancelled, ProgressCallback
from ..kernel.vocabulary import CellStatus
from ..model.framework import DEFAULT_FRAMEWORK, Framework, load_framework, parse_framework
from ..model.observations import Observation, ObservationTable, Provenance

SCHEMA_VERSION = 1
APPLICATION_ID = 0x4C43524A  # "LCRJ" (两创融合): marks the file as ours for `file`/sqlite tools

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL,             -- import | resolve | delete
    description TEXT NOT NULL,
    files TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE observations (
    id INTEGER PRIMARY KEY,
    revision INTEGER NOT NULL REFERENCES revisions(id),
    region TEXT NOT NULL, indicator TEXT NOT NULL, year INTEGER NOT NULL,
    value REAL NOT NULL, status TEXT NOT NULL, unit TEXT, source TEXT, note TEXT,
    file TEXT, sheet TEXT, cell TEXT, row INTEGER, imported_at TEXT NOT NULL
);
CREATE INDEX observations_key ON observations(region, indicator, year);
CREATE TABLE selection (            -- which observation is current for a key, from a revision on
    revision INTEGER NOT NULL REFERENCES revisions(id),
    region TEXT NOT NULL, indicator TEXT NOT NULL, year INTEGER NOT NULL,
    observation_id INTEGER REFERENCES observations(id),   -- NULL: the key was removed
    PRIMARY KEY (region, indicator, year, revision)
);
CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    revision INTEGER NOT NULL REFERENCES revisions(id),
    region TEXT NOT NULL, indicator TEXT NOT NULL, year INTEGER NOT NULL,
    current_id INTEGER REFERENCES observations(id),
    incoming_id INTEGER NOT NULL REFERENCES observations(id),
    resolved_revision INTEGER REFERENCES revisions(id),
    chosen_id INTEGER REFERENCES observations(id),
    note TEXT
);
CREATE TABLE problems (revision INTEGER NOT NULL REFERENCES revisions(id), data TEXT NOT NULL);
CREATE TABLE industries (revision INTEGER NOT NULL REFERENCES revisions(id), region TEXT NOT NULL, data TEXT NOT NULL);
"""


def _now() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Revision:
    id: int
    created_at: str
    kind: str
    description: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    """Two values for one key from different files; `current` stays in use until resolved."""

    id: int
    revision: int
    region: str
    indicator: str
    year: int
    current: Observation | None
    incoming: Observation
    current_id: int | None
    incoming_id: int
    resolved: bool = False
    chosen_id: int | None = None


@dataclass
class ImportReport:
    """What an import did: the revision created (None when nothing was written), counts and problems."""

    revision: int | None
    files: list[str] = field(default_factory=list)
    rejected_files: list[str] = field(default_factory=list)  # files with errors, not imported
    added: int = 0  # keys that had no value before
    unchanged: int = 0  # same value again
    corrected: int = 0  # same file re-imported with a new value
    conflicts: int = 0  # new conflicts left for the user
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


class Workspace:
    """An open workspace file. Use `Workspace.create(path)` or `Workspace.open(path)`; close() when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self._conn = conn
        self._framework: Framework | None = None

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def create(cls, path: str | Path, framework_path: str | Path | None = None) -> Workspace:
        """Create a new workspace storing the framework (default: the shipped CAICT 2025 file).

        The file is built under a temporary name and renamed into place, so a crash never leaves
        a half-initialised workspace under the final name. Refuses to overwrite an existing file.
        """
        from ..kernel.atomic import atomic_path
        from ..kernel.resources import read_resource_text

        path = Path(path)
        if path.exists():
            raise InputError(
                [Problem("workspace_exists", "工作区文件已存在，请选择其他文件名或直接打开它。", file=str(path))]
            )
        if framework_path is None:
            text = read_resource_text(DEFAULT_FRAMEWORK)
        else:
            load_framework(framework_path)  # validates, raises InputError with every problem
            text = Path(framework_path).read_text(encoding="utf-8")
        fw = parse_framework(tomllib.loads(text))
        with atomic_path(path) as tmp, closing(sqlite3.connect(tmp)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.executescript(_SCHEMA)
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("schema_version", str(SCHEMA_VERSION)),
                    ("created_at", _now()),
                    ("framework_id", fw.id),
                    ("framework_version", fw.version),
                    ("framework_toml", text),
                ],
            )
            conn.commit()
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path) -> Workspace:
        path = Path(path)
        if not path.exists():
            raise InputError([Problem("workspace_missing", "找不到工作区文件，请检查路径。", file=str(path))])
        try:
            conn = sqlite3.connect(path, timeout=10, isolation_level=None)  # explicit transactions only
            conn.execute("PRAGMA foreign_keys=ON")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError:
            raise InputError(
                [
                    Problem(
                        "workspace_invalid",
                        "该文件不是工作区文件或已损坏。请选择扩展名为 .lcws 的工作区文件，或新建工作区。",
                        file=str(path),
                    )
                ]
            ) from None
        if app_id != APPLICATION_ID:
            conn.close()
            raise InputError(
                [
                    Problem(
                        "workspace_invalid",
                        "该文件不是本程序的工作区文件。请选择本程序创建的工作区，或新建工作区。",
                        file=str(path),
                    )
                ]
            )
        if version > SCHEMA_VERSION:
            conn.close()
            raise InputError(
                [Problem("workspace_too_new", "该工作区由更新版本的程序创建，请升级程序后再打开。", file=str(path))]
            )
        return cls(path, conn)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _tx(self):
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (including cancellation)."""
        ws = self

        class _T:
            def __enter__(self_inner):
                ws._conn.execute("BEGIN IMMEDIATE")
                return ws._conn

            def __exit__(self_inner, et, ev, tb):
                if et is None:
                    ws._conn.execute("COMMIT")
                else:
                    ws._conn.execute("ROLLBACK")
                return False

        return _T()

    # ------------------------------------------------------------------ framework and settings
    @property
    def framework(self) -> Framework:
        if self._framework is None:
            text = self._meta("framework_toml")
            self._framework = parse_framework(tomllib.loads(text), "workspace")
        return self._framework

    def framework_toml(self) -> str:
        return self._meta("framework_toml")

    def _meta(self, key: str) -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else ""

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self._conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self._tx() as c:
            c.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    def settings(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self._conn.execute("SELECT key, value FROM settings")}

    # ------------------------------------------------------------------ reading
    def revisions(self) -> list[Revision]:
        return [
            Revision(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])))
            for r in self._conn.execute("SELECT id, created_at, kind, description, files FROM revisions ORDER BY id")
        ]

    def current_revision(self) -> int:
        return self._conn.execute("SELECT COALESCE(MAX(id), 0) FROM revisions").fetchone()[0]

    _OBS_COLS = "o.id, o.region, o.indicator, o.year, o.value, o.status, o.unit, o.source, o.note, o.file, o.sheet, o.cell, o.row, o.imported_at"

    @staticmethod
    def _obs(row) -> Observation:
        return Observation(
            row[1],
            row[2],
            row[3],
            row[4],
            CellStatus.from_key(row[5]),
            Provenance(file=row[9], sheet=row[10], cell=row[11], row=row[12], imported_at=row[13]),
            unit=row[6],
            source=row[7],
            note=row[8],
        )

    def observations(self, revision: int | None = None) -> ObservationTable:
        """The current data (or the data as of `revision`): one observation per key."""
        rev = self.current_revision() if revision is None else revision
        sql = f"""
            SELECT {self._OBS_COLS} FROM selection s
            JOIN observations o ON o.id = s.observation_id
            WHERE s.revision = (SELECT MAX(s2.revision) FROM selection s2
                                WHERE s2.region = s.region AND s2.indicator = s.indicator AND s2.year = s.year
                                  AND s2.revision <= ?)
            ORDER BY o.id"""
        return ObservationTable([self._obs(r) for r in self._conn.execute(sql, (rev,))])

    def history(self, region: str, indicator: str, year: int) -> list[tuple[int, Observation]]:
        """Every value ever imported for one key, oldest first, with its revision."""
        sql = f"SELECT {self._OBS_COLS}, o.revision FROM observations o WHERE region=? AND indicator=? AND year=? ORDER BY o.id"
        return [(r[14], self._obs(r)) for r in self._conn.execute(sql, (region, indicator, year))]

    def _observation(self, oid: int | None) -> Observation | None:
        if oid is None:
            return None
        r = self._conn.execute(f"SELECT {self._OBS_COLS} FROM observations o WHERE id=?", (oid,)).fetchone()
        return self._obs(r) if r else None

    def conflicts(self, include_resolved: bool = False) -> list[Conflict]:
        sql = "SELECT id, revision, region, indicator, year, current_id, incoming_id, resolved_revision, chosen_id FROM conflicts"
        if not include_resolved:
            sql += " WHERE resolved_revision IS NULL"
        out = []
        for r in self._conn.execute(sql + " ORDER BY id").fetchall():
            out.append(
                Conflict(
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    self._observation(r[5]),
                    self._observation(r[6]),  # type: ignore[arg-type]
                    r[5],
                    r[6],
                    r[7] is not None,
                    r[8],
                )
            )
        return out

    def problems(self, revision: int | None = None) -> list[Problem]:
        """Problems recorded by an import (default: the latest import)."""
        if revision is None:
            row = self._conn.execute("SELECT MAX(id) FROM revisions WHERE kind='import'").fetchone()
            revision = row[0]
            if revision is None:
                return []
        out = []
        for (data,) in self._conn.execute("SELECT data FROM problems WHERE revision=?", (revision,)):
            out.append(Problem.from_dict(json.loads(data)))
        return out

    def industries(self, revision: int | None = None) -> list[IndustryEntry]:
        """The latest 主导产业 rows per region (a re-import of a region replaces its rows)."""
        rev = self.current_revision() if revision is None else revision
        latest: dict[str, int] = {}
        for region, r in self._conn.execute(
            "SELECT region, MAX(revision) FROM industries WHERE revision<=? GROUP BY region", (rev,)
        ):
            latest[region] = r
        out = []
        for region, r in latest.items():
            for (data,) in self._conn.execute("SELECT data FROM industries WHERE region=? AND revision=?", (region, r)):
                d = json.loads(data)
                d["scores"] = tuple(d["scores"])
                d["provenance"] = Provenance(**d["provenance"])
                out.append(IndustryEntry(**d))
        return out

    # ------------------------------------------------------------------ writing
    def import_files(
        self,
        paths: Iterable[str | Path],
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
        *,
        skip_files_with_errors: bool = True,
    ) -> ImportReport:
        """Read files (folders expanded), then write them in one transaction as a new revision.

        Files with errors are not imported (listed in `rejected_files`) unless
        `skip_files_with_errors=False`, in which case their readable cells are imported.
        `progress(done, total, name)` reports reading and writing; `cancel()` → Cancelled,
        nothing written. Conflicts with values from other files are stored for the user to resolve.
        """
        imported_at = _now()
        fw = self.framework
        files = expand_paths(paths)
        total = len(files) + 1
        results: list[tuple[Path, ImportResult]] = []
        report = ImportReport(revision=None)
        for i, f in enumerate(files):
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(i, total, f.name)
            if not f.exists():
                report.problems.append(Problem("file_missing", "找不到文件，请检查路径。", file=str(f)))
                continue
            res = read_file(f, fw, imported_at)
            report.problems.extend(res.problems)
            if res.has_errors() and skip_files_with_errors:
                report.rejected_files.append(f.name)
                continue
            results.append((f, res))
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(len(files), total, "写入工作区")
        if not results:
            return report
        self._write_import(results, imported_at, report, progress, cancel, total)
        if progress is not None:
            progress(total, total, "")
        return report

    def _write_import(self, results, imported_at, report: ImportReport, progress, cancel, total) -> None:
        names = [f.name for f, _ in results]
        with self._tx() as c:
            cur = c.execute(
                "INSERT INTO revisions (created_at, kind, description, files) VALUES (?, 'import', ?, ?)",
                (imported_at, f"导入 {len(names)} 个文件", json.dumps(names, ensure_ascii=False)),
            )
            rev = cur.lastrowid
            batch: dict[tuple[str, str, int], tuple[int, Observation]] = {}
            n = 0
            for f, res in results:
                for o in res.observations:
                    n += 1
                    if n % 500 == 0 and progress is not None:
                        progress(total - 1, total, "写入工作区")
                        if cancel is not None and cancel():
                            raise Cancelled()
                    p = o.provenance or Provenance(file=f.name)
                    oid = c.execute(
                        "INSERT INTO observations (revision, region, indicator, year, value, status, unit, source, note, file, sheet, cell, row, imported_at) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (
                            rev,
                            o.region,
                            o.indicator,
                            o.year,
                            o.value,
                            o.status.key,
                            o.unit,
                            o.source,
                            o.note,
                            p.file or f.name,
                            p.sheet,
                            p.cell,
                            p.row,
                            imported_at,
                        ),
                    ).lastrowid
                    key = (o.region, o.indicator, o.year)
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
                    self._apply(c, rev, key, oid, stored, batch, report)
                for ind in res.industries:
                    d = {
                        "region": ind.region,
                        "industry": ind.industry,
                        "strategic": ind.strategic,
                        "location_quotient": ind.location_quotient,
                        "scores": list(ind.scores),
                        "expert": ind.expert,
                        "note": ind.note,
                        "provenance": {**ind.provenance.__dict__, "imported_at": imported_at},
                    }
                    c.execute(
                        "INSERT INTO industries VALUES (?, ?, ?)", (rev, ind.region, json.dumps(d, ensure_ascii=False))
                    )
            c.executemany(
                "INSERT INTO problems VALUES (?, ?)",
                [(rev, json.dumps(p.to_dict(), ensure_ascii=False)) for p in report.problems],
            )
        report.revision = rev
        report.files = names

    def _current(self, c, key) -> tuple[int | None, Observation | None]:
        row = c.execute(
            "SELECT observation_id FROM selection WHERE region=? AND indicator=? AND year=? ORDER BY revision DESC LIMIT 1",
            key,
        ).fetchone()
        if row is None or row[0] is None:
            return None, None
        return row[0], self._observation(row[0])

    def _select(self, c, rev: int, key, oid: int | None) -> None:
        c.execute(
            "INSERT INTO selection VALUES (?, ?, ?, ?, ?) ON CONFLICT(region, indicator, year, revision) DO UPDATE SET observation_id=excluded.observation_id",
            (rev, *key, oid),
        )

    def _apply(self, c, rev, key, oid, obs: Observation, batch, report: ImportReport) -> None:
        """Decide what a new observation does: add, same value, correction (same file) or conflict."""
        region, indicator, year = key
        if key in batch:  # two values for one key within this import
            prev_id, prev = batch[key]
            if math.isclose(prev.value, obs.value, rel_tol=1e-12, abs_tol=0.0):
                report.unchanged += 1
                return
            self._conflict(c, rev, key, prev_id, prev, oid, obs, report)
            return
        batch[key] = (oid, obs)
        cur_id, cur = self._current(c, key)
        if cur is None:
            self._select(c, rev, key, oid)
            report.added += 1
            return
        if math.isclose(cur.value, obs.value, rel_tol=1e-12, abs_tol=0.0):
            self._select(c, rev, key, oid)  # same value, newer provenance
            report.unchanged += 1
            return
        same_file = (
            cur.provenance is not None and obs.provenance is not None and cur.provenance.file == obs.provenance.file
        )
        if same_file:
            self._select(c, rev, key, oid)
            report.corrected += 1
            p = obs.provenance
            report.problems.append(
                Problem(
                    "value_corrected",
                    f"重新导入同一文件：数值由 {format_number(cur.value)} 更正为 {format_number(obs.value)}（旧值保留在工作区历史中，可查看第 {rev - 1} 版及以前）。",
                    Severity.INFO,
                    file=p.file,
                    sheet=p.sheet,
                    cell=p.cell,
                    row=p.row,
                    region=region,
                    indicator=indicator,
                    year=year,
                )
            )
            return
        self._conflict(c, rev, key, cur_id, cur, oid, obs, report)

    def _conflict(self, c, rev, key, cur_id, cur, oid, obs, report: ImportReport) -> None:
        region, indicator, year = key
        c.execute(
            "INSERT INTO conflicts (revision, region, indicator, year, current_id, incoming_id) VALUES (?,?,?,?,?,?)",
            (rev, region, indicator, year, cur_id, oid),
        )
        report.conflicts += 1
        p = obs.provenance or Provenance()
        where = cur.provenance.describe() if cur is not None and cur.provenance else "工作区"
        report.problems.append(
            Problem(
                "conflict",
                f"与 {where} 的数值不一致（{format_number(cur.value) if cur else '—'} 与 {format_number(obs.value)}）。工作区暂时保留原值 {format_number(cur.value) if cur else ''}；请在冲突列表中选择正确的数值。",
                Severity.ERROR,
                file=p.file,
                sheet=p.sheet,
                cell=p.cell,
                row=p.row,
                region=region,
                indicator=indicator,
                year=year,
            )
        )

    def resolve_conflict(self, conflict_id: int, choose: str | int | float, note: str = "") -> int:
        """Resolve a conflict: choose 'current', 'incoming', or a value typed by the user. Returns the new revision."""
        row = self._conn.execute(
            "SELECT region, indicator, year, current_id, incoming_id, resolved_revision FROM conflicts WHERE id=?",
            (conflict_id,),
        ).fetchone()
        if row is None:
            raise InputError([Problem("conflict_unknown", f"冲突 {conflict_id} 不存在。请刷新冲突列表后重试。")])
        region, indicator, year, cur_id, inc_id, resolved = row
        if resolved is not None:
            raise InputError(
                [
                    Problem(
                        "conflict_resolved",
                        f"冲突 {conflict_id} 已处理过。如需更改，请重新导入正确的文件。",
                        region=region,
                        indicator=indicator,
                        year=year,
                    )
                ]
            )
        now = _now()
        with self._tx() as c:
            rev = c.execute(
                "INSERT INTO revisions (created_at, kind, description, files) VALUES (?, 'resolve', ?, '[]')",
                (now, f"处理冲突：{region} {indicator} {year} 年" + (f"（{note}）" if note else "")),
            ).lastrowid
            if choose == "current":
                chosen = cur_id
            elif choose == "incoming":
                chosen = inc_id
            else:
                value = float(choose)
                if not math.isfinite(value) or value < 0:
                    raise InputError(
                        [
                            Problem(
                                "value_invalid",
                                "输入的数值无效，请输入不小于 0 的数。",
                                region=region,
                                indicator=indicator,
                                year=year,
                            )
                        ]
                    )
                base = self._observation(inc_id)
                chosen = c.execute(
                    "INSERT INTO observations (revision, region, indicator, year, value, status, unit, source, note, file, sheet, cell, row, imported_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        rev,
                        region,
                        indicator,
                        year,
                        value,
                        CellStatus.REPORTED.key,
                        base.unit if base else None,
                        None,
                        note or "用户处理冲突时输入",
                        "（用户输入）",
                        None,
                        None,
                        None,
                        now,
                    ),
                ).lastrowid
            self._select(c, rev, (region, indicator, year), chosen)
            c.execute(
                "UPDATE conflicts SET resolved_revision=?, chosen_id=?, note=? WHERE id=?",
                (rev, chosen, note or None, conflict_id),
            )
        return rev

    def has_unresolved_conflicts(self) -> bool:
        return (
            self._conn.execute("SELECT 1 FROM conflicts WHERE resolved_revision IS NULL LIMIT 1").fetchone() is not None
        )

    def integrity_ok(self) -> bool:
        return self._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
