"""Correcting data in the workspace: edit one value, accept a flagged cell, revert a revision, undo an import.

Each operation is one revision with the user's reason and runs inside the transaction the
caller opened, so a failure or a kill leaves the workspace as it was. Nothing is deleted: an
edit adds an observation and selects it, a revert selects again what was in use before, and
the history of every key keeps every value.
"""

from __future__ import annotations

import json
import math
import sqlite3

from ..io import format_number, read_number
from ..kernel.messages import Message, msg
from ..kernel.problems import InputError, Problem
from ..kernel.vocabulary import CellStatus
from ..model.framework import Framework
from ..model.observations import BASIS_CODES, Observation, Provenance
from . import queries
from .merge import _insert, _select
from .records import Revision
from .schema import message_json

Key = tuple[str, str, int]
MAX_REASON = 500


def _revision(c: sqlite3.Connection, kind: str, message: Message, when: str) -> int:
    return c.execute(
        "INSERT INTO revisions (created_at, kind, description, files) VALUES (?, ?, ?, '[]')",
        (when, kind, message_json(message)),
    ).lastrowid


def _reason(reason: str, where: dict) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise InputError([Problem("edit.reason_missing", {}, **where)])
    return text[:MAX_REASON]


def _check_key(framework: Framework, key: Key) -> dict:
    region, indicator, year = key
    where = {"region": region, "indicator": indicator, "year": year}
    if not str(region).strip():
        raise InputError([Problem("edit.region_missing", {}, **where)])
    if indicator not in framework.leaves and indicator not in BASIS_CODES:
        raise InputError([Problem("edit.indicator_unknown", {"indicator": indicator}, **where)])
    if not isinstance(year, int) or not 1900 <= year <= 2100:
        raise InputError([Problem("edit.year_invalid", {"year": year}, **where)])
    return where


def parse_value(raw: str | float | None, unit: str, where: dict) -> float | None:
    """What the user typed → a number, or None (empty or a missing mark: the value is removed).

    The same rules as an imported cell (full-width digits, thousands commas …); a value the
    importer would refuse (text, negative, too large) is refused with the importer's message.
    """
    if isinstance(raw, str) and not raw.strip():
        return None
    reading = read_number(raw, unit, text_file=True)
    if reading.error is not None:
        raise InputError([Problem(reading.error.code, reading.error.args, **where)])
    if reading.value is None:
        return None
    if not math.isfinite(reading.value):
        raise InputError([Problem("value_not_finite", {}, **where)])
    if reading.value < 0:
        detail = msg("value_negative.indicator", value=format_number(reading.value))
        raise InputError([Problem("value_negative", {"detail": detail}, **where)])
    return reading.value


def _unit(framework: Framework, indicator: str) -> str:
    if indicator in framework.nodes:
        return framework.nodes[indicator].unit
    return BASIS_CODES[indicator][2]


def edit_value(
    c: sqlite3.Connection, framework: Framework, key: Key, raw: str | float | None, reason: str, when: str
) -> int:
    """Set one value (None/empty removes it) as a new `edit` revision; the old value stays in history."""
    where = _check_key(framework, key)
    reason = _reason(reason, where)
    unit = _unit(framework, key[1])
    value = parse_value(raw, unit, where)
    cur_id, cur = queries.current(c, key)
    if (cur is None and value is None) or (cur is not None and value is not None and cur.value == value):
        raise InputError([Problem("edit.unchanged", {}, **where)])
    old = format_number(cur.value) if cur is not None else None
    new = format_number(value) if value is not None else None
    rev = _revision(c, "edit", msg("revision.edit", **where, old=old, new=new, reason=reason), when)
    if value is None:
        _select(c, rev, key, None)
        return rev
    edited = Observation(
        *key,
        value,
        CellStatus.REPORTED,
        Provenance(file=msg("store.user_value_file").text(), imported_at=when),
        unit=cur.unit if cur is not None and cur.unit else unit,
        source=cur.source if cur is not None else None,
        note=reason,
    )
    _select(c, rev, key, _insert(c, rev, edited))
    return rev


def accept(c: sqlite3.Connection, framework: Framework, key: Key, problem: str, reason: str, when: str) -> int:
    """Accept a flagged cell (a problem at region/indicator/year) with a reason: an `accept` revision."""
    where = _check_key(framework, key)
    reason = _reason(reason, where)
    if any(a.code == problem and (a.region, a.indicator, a.year) == key for a in queries.acceptances(c)):
        raise InputError([Problem("edit.already_accepted", {}, **where)])
    stored = (Problem.from_dict(json.loads(d)) for (d,) in c.execute("SELECT data FROM problems ORDER BY rowid DESC"))
    found = next((p for p in stored if p.code == problem and (p.region, p.indicator, p.year) == key), None)
    what = found.as_message if found is not None else problem  # the problem's words where the workspace has them
    return _revision(c, "accept", msg("revision.accept", **where, problem=problem, what=what, reason=reason), when)


def _keys_of(c: sqlite3.Connection, rev: int) -> list[tuple[Key, int | None]]:
    rows = c.execute("SELECT region, indicator, year, observation_id FROM selection WHERE revision=?", (rev,))
    return [((r[0], r[1], r[2]), r[3]) for r in rows.fetchall()]


def _before(c: sqlite3.Connection, key: Key, rev: int) -> int | None:
    row = c.execute(
        "SELECT observation_id FROM selection WHERE region=? AND indicator=? AND year=? AND revision<? "
        "ORDER BY revision DESC LIMIT 1",
        (*key, rev),
    ).fetchone()
    return row[0] if row else None


def _restore(c: sqlite3.Connection, target: int, rev: int) -> tuple[int, int]:
    """Select again, for each key `target` set, what was in use before it — unless a later revision
    changed the key since (kept: the later change wins). Returns (restored, kept)."""
    restored = kept = 0
    for key, oid in _keys_of(c, target):
        now = c.execute(
            "SELECT observation_id, revision FROM selection WHERE region=? AND indicator=? AND year=? "
            "AND revision<? ORDER BY revision DESC LIMIT 1",
            (*key, rev),
        ).fetchone()
        if now[1] != target and now[0] != oid:
            kept += 1
            continue
        _select(c, rev, key, _before(c, key, target))
        restored += 1
    return restored, kept


def _target(c: sqlite3.Connection, target: int) -> Revision:
    found = {r.id: r for r in queries.revisions(c)}.get(target)
    if found is None:
        raise InputError([Problem("edit.revision_unknown", {"revision": target})])
    if found.reverted_by is not None:
        raise InputError([Problem("edit.revision_reverted", {"revision": target, "by": found.reverted_by})])
    return found


def revert(c: sqlite3.Connection, target: int, reason: str, when: str) -> tuple[int, int]:
    """Revert one revision: its values go back to what was in use before it, and the conflicts it
    closed (a resolution, an undone import) are open again. Returns (revision, keys kept)."""
    rev_of = _target(c, target)
    reason = _reason(reason, {})
    rev = _revision(c, "revert", msg("revision.revert", revision=target, what=rev_of.message, reason=reason), when)
    _, kept = _restore(c, target, rev)
    c.execute(
        "UPDATE conflicts SET resolved_revision=NULL, chosen_id=NULL, note=NULL WHERE resolved_revision=?", (target,)
    )
    return rev, kept


def undo_import(c: sqlite3.Connection, target: int, reason: str, when: str) -> tuple[int, int]:
    """Undo an import: every value it brought in goes back to what was in use before, and its open
    conflicts are closed keeping the current value. Returns (revision, keys kept)."""
    rev_of = _target(c, target)
    if rev_of.kind != "import":
        raise InputError([Problem("edit.not_an_import", {"revision": target})])
    reason = _reason(reason, {})
    files = list(rev_of.files)
    rev = _revision(c, "revert", msg("revision.undo_import", revision=target, files=files, reason=reason), when)
    _, kept = _restore(c, target, rev)
    c.execute(
        "UPDATE conflicts SET resolved_revision=?, chosen_id=current_id WHERE revision=? AND resolved_revision IS NULL",
        (rev, target),
    )
    return rev, kept
