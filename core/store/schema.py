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
from contextlib import closing, contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..kernel.atomic import atomic_path
from ..kernel.messages import Message
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
) WITHOUT ROWID;                    -- one b-tree (the key), not a table plus its index
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


def message_json(message: Message) -> str:
    """A revision's description as stored: its catalogue code and arguments (rendered in the reader's language)."""
    return to_json(message.to_dict())


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


CACHE_KIB = 128 * 1024  # page cache per connection (SQLite's default is 2 MB)
LOCK_TIMEOUT_S = 10.0  # how long a write waits for another program holding the workspace

# sqlite's own words for the failures an office PC meets → the catalogue code that says what to do
_SQLITE_FAILURES = (
    ("database is locked", "workspace.locked"),
    ("readonly", "workspace.readonly"),
    ("read-only", "workspace.readonly"),
    ("disk is full", "workspace.disk_full"),
    ("disk i/o error", "workspace.io_error"),
    ("unable to open", "workspace.io_error"),
    ("malformed", "workspace_invalid"),
    ("not a database", "workspace_invalid"),
)


def sqlite_problem(exc: sqlite3.Error, path: str | Path | None) -> Problem:
    """A sqlite failure as a problem that names the workspace and says what to do."""
    text = str(exc).lower()
    code = next((c for words, c in _SQLITE_FAILURES if words in text), "workspace.write_failed")
    return Problem(code, {"detail": str(exc), "seconds": f"{LOCK_TIMEOUT_S:g}"}, file=str(path) if path else None)


def _path_of(conn: sqlite3.Connection) -> str | None:
    try:
        return conn.execute("PRAGMA database_list").fetchone()[2] or None
    except sqlite3.Error:
        return None


def connect(path: Path) -> sqlite3.Connection:
    """Open a workspace file; refuse files that are missing, not ours, damaged or from a newer program."""
    if not path.exists():
        raise InputError([Problem("workspace_missing", {}, file=str(path))])
    try:
        conn = sqlite3.connect(path, timeout=LOCK_TIMEOUT_S, isolation_level=None)  # explicit transactions only
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # large imports update big indexes
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
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (including cancellation).

    A sqlite failure (locked by another program for LOCK_TIMEOUT_S, read-only file, full disk …)
    becomes an InputError naming the workspace and saying what to do; the rollback keeps every
    value stored before the failed write.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise InputError([sqlite_problem(exc, _path_of(conn))]) from None
