"""The workspace file's schema: creating it, opening (and refusing) it, and the one transaction helper.

A workspace is a SQLite file marked with our application id and a schema version in
`PRAGMA user_version`; a file from a newer program is refused rather than misread. Every
write runs inside `transaction(conn)`: BEGIN IMMEDIATE … COMMIT, rolled back on any
exception, so a crash or kill mid-write leaves the file as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..kernel.atomic import atomic_path
from ..kernel.problems import InputError, Problem
from ..model.framework import Framework

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


def now() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def to_json(value: Any) -> str:
    """The JSON text stored in the workspace's settings, problems and industries (strict: no NaN)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def create_file(path: Path, framework: Framework, framework_toml: str) -> None:
    """Build a new workspace under a temporary name and rename it into place (never half-initialised)."""
    if path.exists():
        raise InputError([Problem("workspace_exists", {}, file=str(path))])
    with atomic_path(path) as tmp, closing(sqlite3.connect(tmp)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.executescript(_SCHEMA)
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("schema_version", str(SCHEMA_VERSION)),
                ("created_at", now()),
                ("framework_id", framework.id),
                ("framework_version", framework.version),
                ("framework_toml", framework_toml),
            ],
        )
        conn.commit()


def connect(path: Path) -> sqlite3.Connection:
    """Open a workspace file; refuse files that are missing, not ours, damaged or from a newer program."""
    if not path.exists():
        raise InputError([Problem("workspace_missing", {}, file=str(path))])
    try:
        conn = sqlite3.connect(path, timeout=10, isolation_level=None)  # explicit transactions only
        conn.execute("PRAGMA foreign_keys=ON")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError:
        raise InputError([Problem("workspace_invalid", {}, file=str(path))]) from None
    if app_id != APPLICATION_ID or version > SCHEMA_VERSION:
        conn.close()
        code = "workspace_foreign" if app_id != APPLICATION_ID else "workspace_too_new"
        raise InputError([Problem(code, {}, file=str(path))])
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (including cancellation)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
