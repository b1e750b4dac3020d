"""Editing a framework: a user copy of the shipped one, validated and saved as a versioned file.

The editor works on a *draft*: the framework as TOML-shaped data (`{"framework": {…}, "coupling":
{…}, "node": [{…}, …]}`), the same shape as the files under `resources/frameworks/`. A draft is
made from a loaded framework (`draft_from`), changed by the user (rename or swap an indicator,
edit weights; siblings' shares are `renormalise`d live), checked (`check_draft` returns every
catalogue problem at once, never raises) and saved (`save_draft`: a new file named by id and
version, written atomically; an existing file of the same id and version is never overwritten
with other content, so id + version identify a user framework).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from ..kernel.atomic import atomic_write_text
from ..kernel.problems import InputError, Problem
from .framework import DIRECTIONS, ROOT, Framework, _region_name, parse_framework, renormalise

_DIRECTION_NAMES = {v: k for k, v in DIRECTIONS.items()}
_META_KEYS = ("id", "version", "name_zh", "name_en", "source_zh", "root_name_zh", "root_name_en", "derived_from")
_LEAF_KEYS = (
    "definition_national",
    "definition_provincial",
    "unit",
    "direction",
    "kind",
    "basis",
    "comparable_national",
    "source",
    "region_name_zh",
)
USER_SUFFIX = "-u"  # user versions: 2025.1-u1, 2025.1-u2 …


def draft_from(fw: Framework) -> dict:
    """The framework as editable TOML-shaped data; every weight explicit (each parent's shares)."""
    root = fw.nodes[ROOT]
    meta = {"id": fw.id, "version": fw.version, "name_zh": fw.name_zh, "name_en": fw.name_en}
    meta |= {"source_zh": fw.source_zh, "root_name_zh": root.name_zh, "root_name_en": root.name_en}
    nodes = []
    for code in fw.codes[1:]:
        n = fw.nodes[code]
        raw: dict = {"code": code}
        if n.parent != ROOT:
            raw["parent"] = n.parent
        raw |= {"name_zh": n.name_zh, "name_en": n.name_en, "weight": n.weight}
        if n.is_leaf:
            raw |= {key: getattr(n, key) for key in _LEAF_KEYS}
            raw["direction"] = _DIRECTION_NAMES[n.direction]
            raw |= {f"{key}_en": text for key, text in sorted(n.english.items())}  # the English texts travel too
            if n.region_name_zh == _region_name({**raw, "region_name_zh": ""}):
                del raw["region_name_zh"]  # derived from the provincial definition: follows its edits
        nodes.append(raw)
    return {"framework": meta, "coupling": dict(fw.coupling), "node": nodes}


def sibling_shares(draft: Mapping, parent: str) -> dict[str, float]:
    """The shares of `parent`'s children as the draft's weights give them (renormalised to sum 1).

    A weight that is not a number ≥ 0 counts as 0 here (check_draft names it)."""
    kids = [n for n in draft.get("node", []) if str(n.get("parent", ROOT) or ROOT) == parent]
    weights = [_weight(n.get("weight")) for n in kids]
    return {str(n.get("code")): float(w) for n, w in zip(kids, renormalise(weights), strict=True)}


def _weight(value: object) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value == value and value >= 0
    return float(value) if ok else 0.0


def normalised_draft(draft: Mapping) -> dict:
    """A copy of the draft whose weights are each parent's shares (they sum to 1 under every parent).

    A parent with an invalid weight among its children (or all zero) keeps the weights as typed,
    so that check_draft still names the problem."""
    out = {**draft, "node": [dict(n) for n in draft.get("node", [])]}
    groups: dict[str, list[dict]] = {}
    for node in out["node"]:
        groups.setdefault(str(node.get("parent", ROOT) or ROOT), []).append(node)
    for parent, kids in groups.items():
        if all(_weight(k.get("weight")) == k.get("weight") for k in kids) and sum(k["weight"] for k in kids) > 0:
            shares = sibling_shares(out, parent)
            for k in kids:
                k["weight"] = shares[str(k.get("code"))]
    return out


def check_draft(draft: Mapping, label: str = "<framework>") -> tuple[Framework | None, list[Problem]]:
    """(the framework, []) when the draft is valid, else (None, every problem: codes, weights, names …)."""
    problems = _duplicate_names(draft, label)
    try:
        fw = parse_framework(draft, label)
    except InputError as exc:
        return None, list(exc.problems) + problems
    return (None, problems) if problems else (fw, [])


def _duplicate_names(draft: Mapping, label: str) -> list[Problem]:
    """Two indicators (or two nodes) with the same Chinese name cannot be told apart in tables and reports."""
    nodes = [n for n in draft.get("node", []) if isinstance(n, Mapping)]
    names = Counter(str(n.get("name_zh", "")).strip() for n in nodes)
    return [
        Problem(
            "framework.name_duplicate", {"code": n.get("code", ""), "name": name}, file=label, indicator=n.get("code")
        )
        for n in nodes
        if (name := str(n.get("name_zh", "")).strip()) and names[name] > 1
    ]


def next_user_version(version: str) -> str:
    """2025.1 → 2025.1-u1; 2025.1-u1 → 2025.1-u2."""
    m = re.fullmatch(rf"(.*){re.escape(USER_SUFFIX)}(\d+)", version)
    return f"{m.group(1)}{USER_SUFFIX}{int(m.group(2)) + 1}" if m else f"{version}{USER_SUFFIX}1"


def draft_file_name(draft: Mapping) -> str:
    meta = draft.get("framework", {})
    stem = f"{meta.get('id', '')}-{meta.get('version', '')}"
    return re.sub(r'[\\/:*?"<>|\s]+', "_", stem) + ".toml"


def save_draft(draft: Mapping, folder: str | Path, reserved: tuple[tuple[str, str], ...] = ()) -> Path:
    """Validate and write the draft as `folder/<id>-<version>.toml` (atomically); returns the path.

    `reserved`: (id, version) pairs that a user framework may not reuse (the shipped framework's).
    An existing file of the same id and version with other content is refused (give a new version).
    """
    meta = draft.get("framework", {})
    key = (str(meta.get("id", "")), str(meta.get("version", "")))
    path = Path(folder) / draft_file_name(draft)
    _, problems = check_draft(draft, path.name)
    text = draft_toml(draft)
    taken = key in reserved or (path.is_file() and path.read_text(encoding="utf-8") != text)
    if taken:
        args = {"id": key[0], "version": key[1], "suggestion": next_user_version(key[1])}
        problems.append(Problem("framework.version_taken", args, file=path.name))
    if problems:
        raise InputError(problems)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)
    return path


def _value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(float(v))
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _table(items: Mapping) -> list[str]:
    return [f"{k} = {_value(v)}" for k, v in items.items() if v is not None and not isinstance(v, Mapping)]


def draft_toml(draft: Mapping) -> str:
    """The draft as a framework TOML file (the shape `load_framework` reads; round-trips exactly)."""
    meta = draft.get("framework", {})
    lines = [
        "# 用户指标体系（由指标体系编辑器保存）/ User framework saved by the framework editor.",
        f"# 源自 / derived from: {meta.get('derived_from', meta.get('id', ''))}",
        "",
        "[framework]",
        *_table({k: meta[k] for k in _META_KEYS if k in meta}),
        "",
        "[coupling]",
        *_table(draft.get("coupling", {})),
    ]
    for node in draft.get("node", []):
        lines += ["", "[[node]]", *_table(node)]
    text = "\n".join(lines) + "\n"
    tomllib.loads(text)  # never write a file the loader cannot read
    return text
