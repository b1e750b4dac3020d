"""The workspace (工作区): one SQLite file holding every imported value, its history and settings.

Nothing is lost: every observation ever imported stays in the file with its provenance and
import time. Each import or conflict resolution is a revision; the current data is a
selection of observations per (region, indicator, year) that changes only by revisions, so
`observations(revision=n)` shows the data as it was. A corrected re-import of the same file
replaces its values (listed as INFO); a different file with a different value is a conflict
the user resolves — never a silent overwrite. Every write is one SQLite transaction, so a
crash or kill mid-import leaves the workspace exactly as before.

This class is the facade: the schema lives in `schema`, reading in `queries`, merging and
conflicts in `merge`, the records it returns in `records`.
"""

from __future__ import annotations

import json
import sqlite3
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..io import ImportResult, IndustryEntry, expand_paths, read_file
from ..kernel.problems import Problem
from ..kernel.progress import CancelCheck, ProgressCallback, check_cancel, report
from ..kernel.resources import read_resource_text
from ..model.framework import DEFAULT_FRAMEWORK, Framework, load_framework, parse_framework
from ..model.observations import Observation, ObservationTable
from . import editing, merge, queries, scenarios, schema, snapshot
from .records import Acceptance, Conflict, ImportReport, Revision


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

        Refuses to overwrite an existing file; a crash never leaves a half-initialised workspace.
        """
        if framework_path is None:
            text = read_resource_text(DEFAULT_FRAMEWORK)
        else:
            load_framework(framework_path)  # validates, raises InputError with every problem
            text = Path(framework_path).read_text(encoding="utf-8")
        schema.create_file(Path(path), parse_framework(tomllib.loads(text)), text)
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path) -> Workspace:
        path = Path(path)
        return cls(path, schema.connect(path))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ framework and settings
    @property
    def framework(self) -> Framework:
        if self._framework is None:
            self._framework = parse_framework(tomllib.loads(self.framework_toml()), "workspace")
        return self._framework

    def framework_toml(self) -> str:
        return queries.meta(self._conn, "framework_toml")

    def set_framework(self, framework_path: str | Path | None) -> Framework:
        """Compute this workspace with another framework (a user framework file; None: the shipped one).

        The file is validated first (InputError with every problem); its text is stored in the
        workspace, so the workspace stays self-contained. The data are kept: values of indicators
        the framework no longer has are simply not used.
        """
        fw = load_framework(framework_path)
        text = (
            read_resource_text(DEFAULT_FRAMEWORK)
            if framework_path is None
            else Path(framework_path).read_text(encoding="utf-8")
        )
        with schema.transaction(self._conn) as c:
            c.executemany(
                "UPDATE meta SET value=? WHERE key=?",
                [(text, "framework_toml"), (fw.id, "framework_id"), (fw.version, "framework_version")],
            )
        self._framework = None
        return fw

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self._conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with schema.transaction(self._conn) as c:
            c.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, schema.to_json(value)),
            )

    def settings(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self._conn.execute("SELECT key, value FROM settings")}

    # ------------------------------------------------------------------ what-if scenarios
    def save_scenario(self, name: str, region: str, year: int, data: dict[str, Any]) -> None:
        """Save (or replace) a named what-if scenario; one transaction."""
        scenarios.save(self._conn, name, region, year, data)

    def delete_scenario(self, name: str) -> None:
        scenarios.delete(self._conn, name)

    def scenarios(self) -> list[scenarios.SavedScenario]:
        return scenarios.load_all(self._conn)

    # ------------------------------------------------------------------ reading
    def revisions(self) -> list[Revision]:
        return queries.revisions(self._conn)

    def current_revision(self) -> int:
        return queries.current_revision(self._conn)

    def observations(self, revision: int | None = None) -> ObservationTable:
        """The current data (or the data as of `revision`): one observation per key, as columns.

        The current data comes from the blob kept for the latest revision (opening a large workspace
        reads one row; after an edit the blob is brought up to date), see `snapshot`.
        """
        latest = queries.current_revision(self._conn)
        if revision is not None and revision != latest:
            return queries.observations(self._conn, revision)
        return ObservationTable(columns=snapshot.current(self._conn, latest))

    def history(self, region: str, indicator: str, year: int) -> list[tuple[int, Observation]]:
        """Every value ever imported for one key, oldest first, with its revision."""
        return queries.history(self._conn, (region, indicator, year))

    def conflicts(self, include_resolved: bool = False) -> list[Conflict]:
        return queries.conflicts(self._conn, include_resolved)

    def has_unresolved_conflicts(self) -> bool:
        return queries.has_unresolved_conflicts(self._conn)

    def problems(self, revision: int | None = None) -> list[Problem]:
        """Problems recorded by an import (default: the latest import)."""
        return queries.problems(self._conn, revision)

    def industries(self, revision: int | None = None) -> list[IndustryEntry]:
        """The latest 主导产业 rows per region (a re-import of a region replaces its rows)."""
        return queries.industries(self._conn, revision)

    def integrity_ok(self) -> bool:
        return self._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

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
        imported_at = schema.now()
        files = expand_paths(paths)
        total = len(files) + 1
        results: list[tuple[Path, ImportResult]] = []
        result = ImportReport(revision=None)
        for i, f in enumerate(files):
            check_cancel(cancel)
            report(progress, i, total, f.name)
            res = read_file(f, self.framework, imported_at)
            result.problems.extend(res.problems)
            if res.has_errors() and skip_files_with_errors:
                result.rejected_files.append(f.name)
                result.rejected_paths.append(str(f))
                continue
            if len(res.observations) or res.industries:  # a skipped lock file adds nothing to the revision
                results.append((f, res))
        check_cancel(cancel)
        report(progress, len(files), total, merge.WRITING)
        if not results:
            return result
        with schema.transaction(self._conn) as c:
            merge.write_import(c, results, imported_at, result, progress, cancel, total)
        report(progress, total, total, "")
        return result

    def resolve_conflict(self, conflict_id: int, choose: str | int | float, note: str = "") -> int:
        """Resolve a conflict: choose 'current', 'incoming', or a value typed by the user. Returns the new revision."""
        with schema.transaction(self._conn) as c:
            return merge.resolve(c, conflict_id, choose, note, schema.now())

    # ------------------------------------------------------------------ corrections (see editing)
    def acceptances(self) -> list[Acceptance]:
        """Flagged cells accepted with a reason (not reverted)."""
        return queries.acceptances(self._conn)

    def edit_value(self, region: str, indicator: str, year: int, value: str | float | None, reason: str) -> int:
        """Set one value (empty/None removes it) as a revision with `reason`; returns the revision.

        `value` is read like an imported cell; bad input raises InputError and changes nothing.
        """
        with schema.transaction(self._conn) as c:
            return editing.edit_value(c, self.framework, (region, indicator, year), value, reason, schema.now())

    def accept(self, region: str, indicator: str, year: int, problem: str, reason: str) -> int:
        """Accept the flag `problem` (a problem code) on one cell with a reason; returns the revision."""
        with schema.transaction(self._conn) as c:
            return editing.accept(c, self.framework, (region, indicator, year), problem, reason, schema.now())

    def revert(self, revision: int, reason: str) -> tuple[int, int]:
        """Revert a revision; returns (the new revision, keys changed later and so kept)."""
        with schema.transaction(self._conn) as c:
            return editing.revert(c, revision, reason, schema.now())

    def undo_import(self, revision: int, reason: str) -> tuple[int, int]:
        """Undo an import (all its values, its open conflicts closed); returns (revision, keys kept)."""
        with schema.transaction(self._conn) as c:
            return editing.undo_import(c, revision, reason, schema.now())
