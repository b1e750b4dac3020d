"""Saved what-if scenarios (规划推演情景) in the workspace: one row per name, JSON data, one transaction each.

The table is created on the first save (`CREATE TABLE IF NOT EXISTS`), so workspaces made before it
open unchanged and an older program simply ignores it. The data is what core.whatif produces for a
scenario or a target plan (growths in %/yr), stored as strict JSON; the store does not interpret it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..kernel.problems import InputError, Problem
from . import schema

_TABLE = """CREATE TABLE IF NOT EXISTS scenarios (
    name TEXT PRIMARY KEY, region TEXT NOT NULL, year INTEGER NOT NULL,
    created_at TEXT NOT NULL, data TEXT NOT NULL
)"""


@dataclass(frozen=True)
class SavedScenario:
    name: str
    region: str
    year: int
    created_at: str
    data: Mapping[str, Any] = field(default_factory=dict)


def save(conn: sqlite3.Connection, name: str, region: str, year: int, data: Mapping[str, Any]) -> None:
    """Insert or replace the scenario `name` (atomic: one transaction)."""
    name = name.strip()
    if not name:
        raise InputError([Problem("workspace.scenario_name", {})])
    text = schema.to_json(dict(data))
    with schema.transaction(conn) as c:
        c.execute(_TABLE)
        c.execute(
            "INSERT INTO scenarios VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET region=excluded.region, "
            "year=excluded.year, created_at=excluded.created_at, data=excluded.data",
            (name, region, int(year), schema.now(), text),
        )


def delete(conn: sqlite3.Connection, name: str) -> None:
    with schema.transaction(conn) as c:
        c.execute(_TABLE)
        c.execute("DELETE FROM scenarios WHERE name=?", (name,))


def load_all(conn: sqlite3.Connection) -> list[SavedScenario]:
    """Every saved scenario, oldest first; none when the table does not exist yet."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='scenarios'").fetchone()
    if not exists:
        return []
    rows = conn.execute("SELECT name, region, year, created_at, data FROM scenarios ORDER BY created_at, name")
    return [SavedScenario(n, r, y, t, json.loads(d)) for n, r, y, t, d in rows]
