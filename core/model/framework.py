"""The indicator framework: the tree of nodes, their weights and the indicators' metadata.

A framework is data (a TOML file under `resources/frameworks/`), so an official can copy it,
swap an indicator or change weights, and load the copy. Loading validates the whole file and
reports every problem at once, in Chinese, naming the node code.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import numpy as np

from ..kernel.messages import Message, msg
from ..kernel.problems import InputError, Problem
from ..kernel.resources import load_toml

ROOT = "total"
DEFAULT_FRAMEWORK = "frameworks/caict-2025.toml"

KINDS = ("ratio", "size", "share_of_nation")
BASES = ("gdp", "population")
DIRECTIONS = {"positive": 1, "negative": -1}
COMPARABLE = ("same", "nation_is_100")

W = TypeVar("W", float, np.ndarray)


@dataclass(frozen=True)
class Node:
    """One node of the tree. Leaves (indicators) carry the metadata; parents only names and weight."""

    code: str
    name_zh: str
    name_en: str
    parent: str | None  # None only for the root
    weight: float  # share of the parent's growth (siblings sum to 1)
    children: tuple[str, ...] = ()
    depth: int = 0  # 0 root, 1 pillar, 2 sub-indicator, 3 indicator (in the default tree)
    unit: str = ""
    definition_national: str = ""
    definition_provincial: str = ""
    direction: int = 1
    kind: str = "size"
    basis: str = "gdp"
    comparable_national: str = "same"
    source: str = ""
    region_name_zh: str = ""  # what a region calls the indicator (its provincial definition)
    english: Mapping[str, str] = field(default_factory=dict, hash=False)  # unit, definitions, source in English

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def name(self, lang: str = "zh", regional: bool = False) -> str:
        """The display name; `regional` gives a region's own wording (本地区有效发明专利数量, not 国内…)."""
        if lang == "en":
            return self.name_en
        return (self.region_name_zh or self.name_zh) if regional else self.name_zh

    def unit_label(self, lang: str = "zh") -> str:
        """The unit as shown in `lang` (the data's unit stays `unit`)."""
        return self.english.get("unit", self.unit) if lang == "en" else self.unit

    def definition(self, lang: str = "zh", regional: bool = False) -> str:
        """The national (CAICT 表1) or, with `regional`, the provincial definition in `lang`."""
        key = "definition_provincial" if regional else "definition_national"
        zh = getattr(self, key)
        return self.english.get(key, self.name_en if zh else "") if lang == "en" else zh

    def source_label(self, lang: str = "zh") -> str:
        """The suggested data source in `lang`."""
        return self.english.get("source", "") if lang == "en" else self.source


@dataclass(frozen=True)
class Framework:
    """A validated indicator tree. `codes` is depth-first order (root first); `leaves` is the indicators' order."""

    id: str
    version: str
    name_zh: str
    name_en: str
    source_zh: str
    nodes: Mapping[str, Node]
    codes: tuple[str, ...]
    leaves: tuple[str, ...]
    coupling: Mapping[str, object] = field(default_factory=dict)
    notes: tuple[Message, ...] = ()  # what loading changed (normalised weights …), for the result's recipe

    def node(self, code: str) -> Node:
        return self.nodes[code]

    def children(self, code: str) -> tuple[str, ...]:
        return self.nodes[code].children

    @property
    def pillars(self) -> tuple[str, ...]:
        return self.nodes[ROOT].children

    @property
    def parents(self) -> tuple[str, ...]:
        """Internal nodes, children before parents (the order aggregation needs)."""
        return tuple(c for c in reversed(self.codes) if not self.nodes[c].is_leaf)

    def leaves_under(self, code: str) -> tuple[str, ...]:
        node = self.nodes[code]
        if node.is_leaf:
            return (code,)
        out: list[str] = []
        for child in node.children:
            out.extend(self.leaves_under(child))
        return tuple(out)

    def overall_weight(self, code: str) -> float:
        """Product of weights from the root down to `code` (the node's share of the total)."""
        w = 1.0
        node = self.nodes[code]
        while node.parent is not None:
            w *= node.weight
            node = self.nodes[node.parent]
        return w

    def ancestors(self, code: str) -> tuple[str, ...]:
        out: list[str] = []
        node = self.nodes[code]
        while node.parent is not None:
            out.append(node.parent)
            node = self.nodes[node.parent]
        return tuple(out)

    def pillar_of(self, code: str) -> str | None:
        chain = (code,) + self.ancestors(code)
        return chain[-2] if len(chain) >= 2 else None

    def label(self, code: str, lang: str = "zh", regional: bool = False) -> str:
        """`1.1 产业导向科研`; the root is just its name. `regional`: a region's wording of indicators."""
        name = self.nodes[code].name(lang, regional)
        return name if code == ROOT else f"{code} {name}"

    def with_weights(self, weights: Mapping[str, float]) -> Framework:
        """A copy with some nodes' weights replaced; each parent's children renormalised to sum 1."""
        bad = [c for c in weights if c not in self.nodes or c == ROOT]
        if bad:
            raise InputError([Problem("weight.unknown_code", {"code": c}, indicator=c) for c in bad])
        raw = {c: n.weight for c, n in self.nodes.items()}
        raw.update(weights)
        nodes = dict(self.nodes)
        for parent in self.parents:
            kids = nodes[parent].children
            if sum(raw[k] for k in kids) <= 0 or any(raw[k] < 0 for k in kids):
                raise InputError([Problem("weight.invalid", {"parent": parent}, indicator=parent)])
            for k, w in zip(kids, renormalise([raw[k] for k in kids]), strict=True):
                nodes[k] = replace(nodes[k], weight=w)
        return replace(self, nodes=MappingProxyType(nodes))

    def child_shares(self, parent: str, alive: Mapping[str, bool] | None = None) -> dict[str, float]:
        """The weights of `parent`'s children, renormalised over the living ones (`alive`; default all)."""
        kids = [k for k in self.nodes[parent].children if alive is None or alive[k]]
        return dict(zip(kids, renormalise([self.nodes[k].weight for k in kids]), strict=True))

    def weights(self) -> dict[str, float]:
        return {c: n.weight for c, n in self.nodes.items() if c != ROOT}

    @cached_property
    def digest(self) -> str:
        """SHA-256 of the framework's content (its canonical TOML: tree, names, metadata, weights), so a
        recipe identifies the framework it used whatever file, layout or comments it came from."""
        from .framework_edit import draft_from, draft_toml

        return hashlib.sha256(draft_toml(draft_from(self)).encode("utf-8")).hexdigest()


def renormalise(weights: Sequence[W]) -> list[W]:
    """Siblings' weights scaled to sum 1: w / Σw, all 0 when they sum to 0 or less.

    The one definition of weight renormalisation (loading, custom weights, exclusions, Monte
    Carlo draws). Each weight is a number, or a numpy array holding one sibling's weight in
    many variants (the arithmetic is the same, element by element).
    """
    total = sum(weights)
    if isinstance(total, np.ndarray):
        positive = total > 0
        safe = np.where(positive, total, 1.0)
        return [np.where(positive, w / safe, 0.0) for w in weights]
    return [w / total if total > 0 else 0.0 for w in weights]


def _region_name(raw: Mapping) -> str:
    """`region_name_zh` if given, else the provincial definition without its leading 本地区."""
    explicit = str(raw.get("region_name_zh", "")).strip()
    if explicit:
        return explicit
    definition = str(raw.get("definition_provincial", "")).strip()
    return definition.removeprefix("本地区").strip() or str(raw.get("name_zh", ""))


def load_framework(path: str | Path | None = None) -> Framework:
    """Load and validate a framework TOML; `None` loads the shipped CAICT 2025 framework."""
    data, label = load_toml(path, DEFAULT_FRAMEWORK, msg("file_kind.framework"))
    return parse_framework(data, label)


class _Check:
    """Collects every problem of one framework file, then raises them together."""

    def __init__(self, label: str):
        self.label = label
        self.problems: list[Problem] = []

    def bad(self, problem: str, indicator: str | None = None, /, **args: object) -> None:
        self.problems.append(Problem(problem, args, file=self.label, indicator=indicator))

    def raise_if_any(self) -> None:
        if self.problems:
            raise InputError(self.problems)


@dataclass
class _Tree:
    """The raw nodes by code in file order, each parent's children and each node's depth."""

    raw: dict[str, dict] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    children: dict[str, list[str]] = field(default_factory=lambda: {ROOT: []})
    depth: dict[str, int] = field(default_factory=lambda: {ROOT: 0})

    def parent_of(self, code: str) -> str:
        return str(self.raw[code].get("parent", ROOT) or ROOT)

    @property
    def leaves(self) -> list[str]:
        return [c for c in self.order if not self.children.get(c)]


def _valid_weight(w: object) -> bool:
    return isinstance(w, (int, float)) and not isinstance(w, bool) and math.isfinite(w) and w >= 0


def _read_nodes(raw_nodes: list, check: _Check) -> _Tree:
    """Codes, names and weights of every [[node]]; duplicates and reserved codes are problems."""
    tree = _Tree()
    for i, raw in enumerate(raw_nodes, start=1):
        code = str(raw.get("code", "")).strip()
        if not code:
            check.bad("framework.code_missing", number=i)
            continue
        if code == ROOT or code.startswith("_"):
            check.bad("framework.code_reserved", code, code=code)
            continue
        if code in tree.raw:
            check.bad("framework.code_duplicate", code, code=code)
            continue
        if not str(raw.get("name_zh", "")).strip():
            check.bad("framework.name_missing", code, code=code)
        w = raw.get("weight")
        if w is not None and not _valid_weight(w):
            check.bad("framework.weight_invalid", code, code=code, weight=repr(w))
        tree.raw[code] = dict(raw)
        tree.order.append(code)
    return tree


def _link(tree: _Tree, check: _Check) -> None:
    """Each parent's children, and each node's depth (walking up from every node finds cycles)."""
    for code in tree.order:
        parent = tree.parent_of(code)
        if parent != ROOT and parent not in tree.raw:
            check.bad("framework.parent_unknown", code, code=code, parent=parent)
            continue
        tree.children.setdefault(parent, []).append(code)
    for code in tree.order:
        chain, cur = [], code
        while cur != ROOT and cur in tree.raw and cur not in tree.depth:
            if cur in chain:
                check.bad("framework.cycle", code, code=code)
                break
            chain.append(cur)
            cur = tree.parent_of(cur)
        else:
            base = tree.depth.get(cur, 0)
            for k, c in enumerate(reversed(chain), start=1):
                tree.depth[c] = base + k


_CHOICES = (
    ("direction", "positive", tuple(DIRECTIONS), "framework.direction_invalid"),
    ("kind", "size", KINDS, "framework.kind_invalid"),
    ("basis", "gdp", BASES, "framework.basis_invalid"),
    ("comparable_national", "same", COMPARABLE, "framework.comparable_invalid"),
)


def _check_leaves(tree: _Tree, check: _Check) -> None:
    """Pillars exist, every indicator sits at one depth under a sub-indicator with valid metadata."""
    if not tree.children[ROOT]:
        check.bad("framework.no_pillars")
    leaves = tree.leaves
    if len({tree.depth.get(c) for c in leaves}) > 1:
        check.bad("framework.leaf_depths")
    for code in leaves:
        raw = tree.raw[code]
        if tree.depth.get(code, 0) <= 1:
            check.bad("framework.leaf_at_top", code, code=code)
        if not str(raw.get("unit", "")).strip():
            check.bad("framework.unit_missing", code, code=code)
        for key, default, allowed, problem in _CHOICES:
            if raw.get(key, default) not in allowed:
                extra = {"kinds": list(KINDS)} if key == "kind" else {}
                check.bad(problem, code, code=code, **extra)


def _sibling_weights(tree: _Tree, check: _Check) -> tuple[dict[str, float], list[Message]]:
    """Each node's weight within its parent: equal when none is given, else renormalised (with a note)."""
    weights: dict[str, float] = {}
    notes: list[Message] = []
    for parent, kids in tree.children.items():
        given = [tree.raw[k].get("weight") for k in kids]
        if all(v is None for v in given):
            weights.update({k: 1.0 / len(kids) for k in kids})
            continue
        missing = [k for k, v in zip(kids, given, strict=True) if v is None]
        if missing:
            check.bad("framework.weights_partial", parent, parent=parent, missing=missing)
            continue
        total = float(sum(given))
        if total <= 0:
            check.bad("framework.weights_zero", parent, parent=parent)
            continue
        if abs(total - 1.0) > 1e-9:
            notes.append(msg("framework.weights_normalised", parent=parent, total=f"{total:g}"))
        weights.update(zip(kids, (float(w) for w in renormalise(given)), strict=True))
    return weights, notes


_ENGLISH_FIELDS = ("unit", "definition_national", "definition_provincial", "source")


def _node(code: str, tree: _Tree, weights: Mapping[str, float], meta: Mapping) -> Node:
    kids = tuple(tree.children.get(code, ()))
    if code == ROOT:
        name_zh = str(meta.get("root_name_zh", "总指数"))
        return Node(ROOT, name_zh, str(meta.get("root_name_en", "Total index")), None, 1.0, kids, 0)
    raw = tree.raw[code]
    return Node(
        code=code,
        name_zh=str(raw.get("name_zh", code)),
        name_en=str(raw.get("name_en", raw.get("name_zh", code))),
        parent=tree.parent_of(code),
        weight=weights[code],
        children=kids,
        depth=tree.depth[code],
        unit=str(raw.get("unit", "")),
        definition_national=str(raw.get("definition_national", raw.get("name_zh", ""))),
        definition_provincial=str(raw.get("definition_provincial", raw.get("name_zh", ""))),
        direction=DIRECTIONS[raw.get("direction", "positive")],
        kind=str(raw.get("kind", "size")),
        basis=str(raw.get("basis", "gdp")),
        comparable_national=str(raw.get("comparable_national", "same")),
        source=str(raw.get("source", "")),
        region_name_zh=_region_name(raw) if not kids else "",
        english={k: str(raw[f"{k}_en"]) for k in _ENGLISH_FIELDS if raw.get(f"{k}_en")},
    )


def _depth_first(tree: _Tree) -> list[str]:
    ordered: list[str] = []
    stack = [ROOT]
    while stack:
        code = stack.pop()
        ordered.append(code)
        stack.extend(reversed(tree.children.get(code, ())))
    return ordered


def parse_framework(data: Mapping, label: str = "<framework>") -> Framework:
    """Build a Framework from parsed TOML, collecting every problem before raising."""
    check = _Check(label)
    meta = data.get("framework", {})
    for key in ("id", "version", "name_zh"):
        if not str(meta.get(key, "")).strip():
            check.bad("framework.meta_missing", key=key)
    raw_nodes = data.get("node", [])
    if not isinstance(raw_nodes, list) or not raw_nodes:
        check.bad("framework.no_nodes")
        check.raise_if_any()
    tree = _read_nodes(raw_nodes, check)
    _link(tree, check)
    _check_leaves(tree, check)
    check.raise_if_any()
    weights, notes = _sibling_weights(tree, check)
    check.raise_if_any()
    ordered = _depth_first(tree)
    nodes = {c: _node(c, tree, weights, meta) for c in ordered}
    coupling = dict(data.get("coupling", {}))
    for side in ("science", "industry"):
        for c in coupling.get(side, []):
            if c not in nodes:
                check.bad("framework.coupling_unknown", c, side=side, code=c)
    check.raise_if_any()
    return Framework(
        id=str(meta["id"]),
        version=str(meta["version"]),
        name_zh=str(meta["name_zh"]),
        name_en=str(meta.get("name_en", meta["name_zh"])),
        source_zh=str(meta.get("source_zh", "")),
        nodes=MappingProxyType(nodes),
        codes=tuple(ordered),
        leaves=tuple(c for c in ordered if not tree.children.get(c)),
        coupling=MappingProxyType(coupling),
        notes=tuple(notes),
    )
