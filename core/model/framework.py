"""The indicator framework: the tree of nodes, their weights and the indicators' metadata.

A framework is data (a TOML file under `resources/frameworks/`), so an official can copy it,
swap an indicator or change weights, and load the copy. Loading validates the whole file and
reports every problem at once, in Chinese, naming the node code.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from ..kernel.problems import InputError, Problem
from ..kernel.resources import load_toml

ROOT = "total"
DEFAULT_FRAMEWORK = "frameworks/caict-2025.toml"

KINDS = ("ratio", "size", "share_of_nation")
BASES = ("gdp", "population")
DIRECTIONS = {"positive": 1, "negative": -1}
COMPARABLE = ("same", "nation_is_100")


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

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def name(self, lang: str = "zh", regional: bool = False) -> str:
        """The display name; `regional` gives a region's own wording (本地区有效发明专利数量, not 国内…)."""
        if lang == "en":
            return self.name_en
        return (self.region_name_zh or self.name_zh) if regional else self.name_zh


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
    notes: tuple[str, ...] = ()  # what loading changed (normalised weights …), for the result's recipe

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
        raw = {c: n.weight for c, n in self.nodes.items()}
        raw.update(weights)
        bad = [c for c in weights if c not in self.nodes or c == ROOT]
        if bad:
            raise InputError(
                [
                    Problem("weight_unknown_code", f"权重中的指标代码 {c} 不在指标体系中，请检查代码。", indicator=c)
                    for c in bad
                ]
            )
        nodes = dict(self.nodes)
        for parent in self.parents:
            kids = nodes[parent].children
            total = sum(raw[k] for k in kids)
            if total <= 0 or any(raw[k] < 0 for k in kids):
                raise InputError(
                    [
                        Problem(
                            "weight_invalid", f"{self.label(parent)} 的下级权重必须非负且不全为 0。", indicator=parent
                        )
                    ]
                )
            for k in kids:
                nodes[k] = replace(nodes[k], weight=raw[k] / total)
        return replace(self, nodes=MappingProxyType(nodes))

    def weights(self) -> dict[str, float]:
        return {c: n.weight for c, n in self.nodes.items() if c != ROOT}


def _region_name(raw: Mapping) -> str:
    """`region_name_zh` if given, else the provincial definition without its leading 本地区."""
    explicit = str(raw.get("region_name_zh", "")).strip()
    if explicit:
        return explicit
    definition = str(raw.get("definition_provincial", "")).strip()
    return definition.removeprefix("本地区").strip() or str(raw.get("name_zh", ""))


def load_framework(path: str | Path | None = None) -> Framework:
    """Load and validate a framework TOML; `None` loads the shipped CAICT 2025 framework."""
    data, label = load_toml(path, DEFAULT_FRAMEWORK, "指标体系文件", "framework")
    return parse_framework(data, label)


def parse_framework(data: Mapping, label: str = "<framework>") -> Framework:
    """Build a Framework from parsed TOML, collecting every problem before raising."""
    problems: list[Problem] = []

    def bad(code: str | None, message: str) -> None:
        problems.append(Problem("framework_invalid", message, file=label, indicator=code))

    meta = data.get("framework", {})
    for key in ("id", "version", "name_zh"):
        if not str(meta.get(key, "")).strip():
            bad(None, f"[framework] 缺少 {key}，请补充。")
    raw_nodes = data.get("node", [])
    if not isinstance(raw_nodes, list) or not raw_nodes:
        bad(None, "没有任何 [[node]] 指标定义。")
        raise InputError(problems)

    seen: dict[str, dict] = {}
    order: list[str] = []
    for i, raw in enumerate(raw_nodes, start=1):
        code = str(raw.get("code", "")).strip()
        if not code:
            bad(None, f"第 {i} 个 [[node]] 缺少 code。")
            continue
        if code == ROOT or code.startswith("_"):
            bad(code, f"代码 {code} 为保留字，请换一个代码。")
            continue
        if code in seen:
            bad(code, f"代码 {code} 重复出现，每个指标代码必须唯一。")
            continue
        if not str(raw.get("name_zh", "")).strip():
            bad(code, f"指标 {code} 缺少中文名称 name_zh。")
        w = raw.get("weight")
        if w is not None and (not isinstance(w, (int, float)) or isinstance(w, bool) or not math.isfinite(w) or w < 0):
            bad(code, f"指标 {code} 的权重 {w!r} 无效，权重必须是不小于 0 的数。")
        seen[code] = dict(raw)
        order.append(code)

    children: dict[str, list[str]] = {ROOT: []}
    for code in order:
        parent = str(seen[code].get("parent", ROOT) or ROOT)
        if parent != ROOT and parent not in seen:
            bad(code, f"指标 {code} 的上级 {parent} 不存在。")
            continue
        children.setdefault(parent, []).append(code)

    # depth and cycle check: walk up from every node
    depth: dict[str, int] = {ROOT: 0}
    for code in order:
        chain, cur = [], code
        while cur != ROOT and cur in seen and cur not in depth:
            if cur in chain:
                bad(code, f"指标 {code} 的上级关系形成循环。")
                break
            chain.append(cur)
            cur = str(seen[cur].get("parent", ROOT) or ROOT)
        else:
            base = depth.get(cur, 0)
            for k, c in enumerate(reversed(chain), start=1):
                depth[c] = base + k

    leaves = [c for c in order if not children.get(c)]
    if not children[ROOT]:
        bad(None, "没有一级指标（没有上级的 [[node]]）。")
    leaf_depths = {depth.get(c) for c in leaves}
    if len(leaf_depths) > 1:
        bad(None, "三级指标必须处于同一层级：每个指标都应位于某个二级指标之下。")
    for code in leaves:
        raw = seen[code]
        if depth.get(code, 0) <= 1:
            bad(code, f"指标 {code} 直接位于总指数之下，没有下级指标；每个叶指标必须位于某个二级指标之下。")
        if not str(raw.get("unit", "")).strip():
            bad(code, f"指标 {code} 缺少单位 unit。")
        if raw.get("direction", "positive") not in DIRECTIONS:
            bad(code, f"指标 {code} 的 direction 必须是 positive（正向）或 negative（逆向）。")
        if raw.get("kind", "size") not in KINDS:
            bad(code, f"指标 {code} 的 kind 必须是 {'、'.join(KINDS)} 之一。")
        if raw.get("basis", "gdp") not in BASES:
            bad(code, f"指标 {code} 的 basis 必须是 gdp 或 population。")
        if raw.get("comparable_national", "same") not in COMPARABLE:
            bad(code, f"指标 {code} 的 comparable_national 必须是 same 或 nation_is_100。")
    if problems:
        raise InputError(problems)

    notes: list[str] = []
    weights: dict[str, float] = {}
    for parent, kids in children.items():
        given = {k: seen[k].get("weight") for k in kids}
        if all(v is None for v in given.values()):
            for k in kids:
                weights[k] = 1.0 / len(kids)
            continue
        if any(v is None for v in given.values()):
            missing = [k for k, v in given.items() if v is None]
            bad(parent, f"{parent} 的下级中 {'、'.join(missing)} 没有权重而其他下级有：请全部填写或全部留空（等权）。")
            continue
        total = float(sum(given.values()))
        if total <= 0:
            bad(parent, f"{parent} 的下级权重之和为 0。")
            continue
        if abs(total - 1.0) > 1e-9:
            notes.append(f"{parent} 的下级权重之和为 {total:g}，已按比例归一化为 1。")
        for k in kids:
            weights[k] = float(given[k]) / total
    if problems:
        raise InputError(problems)

    def build(code: str) -> Node:
        raw = seen.get(code, {})
        kids = tuple(children.get(code, ()))
        if code == ROOT:
            return Node(
                ROOT,
                str(meta.get("root_name_zh", "总指数")),
                str(meta.get("root_name_en", "Total index")),
                None,
                1.0,
                kids,
                0,
            )
        return Node(
            code=code,
            name_zh=str(raw.get("name_zh", code)),
            name_en=str(raw.get("name_en", raw.get("name_zh", code))),
            parent=str(raw.get("parent", ROOT) or ROOT),
            weight=weights[code],
            children=kids,
            depth=depth[code],
            unit=str(raw.get("unit", "")),
            definition_national=str(raw.get("definition_national", raw.get("name_zh", ""))),
            definition_provincial=str(raw.get("definition_provincial", raw.get("name_zh", ""))),
            direction=DIRECTIONS[raw.get("direction", "positive")],
            kind=str(raw.get("kind", "size")),
            basis=str(raw.get("basis", "gdp")),
            comparable_national=str(raw.get("comparable_national", "same")),
            source=str(raw.get("source", "")),
            region_name_zh=_region_name(raw) if not kids else "",
        )

    ordered: list[str] = []

    def walk(code: str) -> None:
        ordered.append(code)
        for k in children.get(code, ()):
            walk(k)

    walk(ROOT)
    nodes = {c: build(c) for c in ordered}
    coupling = dict(data.get("coupling", {}))
    for side in ("science", "industry"):
        for c in coupling.get(side, []):
            if c not in nodes:
                problems.append(
                    Problem(
                        "framework_invalid",
                        f"[coupling] {side} 中的 {c} 不是指标体系中的节点。",
                        file=label,
                        indicator=c,
                    )
                )
    if problems:
        raise InputError(problems)
    return Framework(
        id=str(meta["id"]),
        version=str(meta["version"]),
        name_zh=str(meta["name_zh"]),
        name_en=str(meta.get("name_en", meta["name_zh"])),
        source_zh=str(meta.get("source_zh", "")),
        nodes=MappingProxyType(nodes),
        codes=tuple(ordered),
        leaves=tuple(c for c in ordered if not children.get(c)),
        coupling=MappingProxyType(coupling),
        notes=tuple(notes),
    )
