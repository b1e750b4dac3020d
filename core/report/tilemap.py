"""The tile-grid map (方块地图) of the national landscape: every province one equal tile,
coloured by performance group, quadrant, functional role or the level of any node.

One function (`tilemap_spec`) turns an assessment into the chart spec that both the desktop
page and the report draw; a tile grid shows no boundaries, so it needs no licensed map (审图号).
"""

from __future__ import annotations

from ..assessment import Assessment
from ..assessment.level import performance_group
from ..kernel.messages import render
from ..model.framework import ROOT
from ..model.observations import NATION
from ..model.regions import region_label
from .document import ChartSeries, ChartSpec

TILE_MODES = ("group", "quadrant", "role", "level")
_QUADRANT_KEYS = ((True, True), (True, False), (False, True), (False, False))


def _categories(a: Assessment, mode: str) -> tuple[str, ...]:
    """The names (catalogue keys of the assessment) a categorical mode can show, in legend order."""
    cfg = a.config
    if cfg is None:
        return ()
    if mode == "group":
        return tuple(b.name for b in reversed(cfg.groups))  # best first
    if mode == "quadrant":
        return tuple(cfg.quadrant_names[k] for k in _QUADRANT_KEYS if k in cfg.quadrant_names)
    return (*(name for name, _ in cfg.roles.values()), cfg.balanced_name)


def _category_of(a: Assessment, region: str, mode: str, node: str) -> str | None:
    """The region's verdict; a region whose level was computed but not assessed in full (a
    report for one region) still gets its group from its level."""
    ra = a.regions.get(region)
    if ra is None:
        level = a.levels[region].nodes.get(node) if region in a.levels else None
        if mode == "group" and level is not None and a.config is not None:
            return performance_group(level, a.config, node).group
        return None
    if mode == "group":
        g = ra.groups.get(node)
        return g.group if g else None
    if mode == "quadrant":
        q = ra.quadrants.get(node)
        return q.name if q else None
    return ra.role.name


def tile_values(a: Assessment, mode: str, node: str = ROOT) -> tuple[tuple[str, ...], dict[str, float]]:
    """(category keys, region → value): for a categorical mode the value is the index of the
    region's category; for "level" it is the node's fusion level (nation = 100), no categories."""
    if mode not in TILE_MODES:
        raise ValueError(f"unknown tile-map mode {mode!r}")
    if mode == "level":
        values = {r: float(lv.nodes[node]) for r, lv in a.levels.items() if lv.nodes.get(node) is not None}
        return (), {r: v for r, v in values.items() if r != NATION}
    keys = _categories(a, mode)
    values = {}
    for region in (*a.regions, *(r for r in a.levels if r not in a.regions and r != NATION)):
        name = _category_of(a, region, mode, node)
        if name in keys:
            values[region] = float(keys.index(name))
    return keys, values


def tilemap_spec(a: Assessment, mode: str, lang: str, region: str, title: str, node: str = ROOT) -> ChartSpec:
    """The chart spec of the tile map: x_labels the regions with a value (their names in `lang`),
    series[0] their values, `categories` the legend names (empty for levels), `highlight` the selected
    region (its data name), `y_label` the legend's name for tiles without data."""
    keys, values = tile_values(a, mode, node)
    regions = tuple(values)
    labels = tuple(region_label(r, lang) for r in regions)
    series = ChartSeries(render(f"tilemap.mode.{mode}", None, lang), tuple(values[r] for r in regions))
    return ChartSpec(
        "tilemap",
        title,
        labels,
        (series,),
        y_label=render("tilemap.no_data", None, lang),
        baseline=100.0 if mode == "level" else None,
        highlight=region,
        categories=tuple(a.name(k, lang) for k in keys),
    )


def tilemap_figure(ctx, doc) -> None:
    """The report's figure: every assessed region by performance group, the report's region framed."""
    a = ctx.assessment
    mode_name = render("tilemap.mode.group", None, ctx.lang)
    title = render("tilemap.figure", {"year": a.year, "mode": mode_name}, ctx.lang)
    doc.figure(title, tilemap_spec(a, "group", ctx.lang, ctx.region, title), height_cm=12.0)
    doc.paragraph(render("tilemap.note", None, ctx.lang), note=True)
