"""JSON of the assessment, produced in one place from the result dataclasses.

Every result object is a frozen dataclass. `to_json` walks it: floats are rounded (4 digits,
or the field's `nd`), NaN becomes null, mappings get string keys, and a `Message` field
gives two entries: the Chinese text under the field's name (what the JSON always carried)
and `<name>_message` with its catalogue code and arguments, so any language can be rendered
again. Field metadata (see `jf`) renames a field, nests it under a group, or leaves it out.
"""

from __future__ import annotations

import gc
import math
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import field, fields
from operator import attrgetter
from typing import Any

from ..kernel.messages import DEFAULT_LANG, Message, catalogue, render

NDIGITS = 4


def rnd(x: float | None, ndigits: int = NDIGITS) -> float | None:
    """Round for output; NaN/None → None (JSON null), -0.0 → 0.0 so output is byte-stable."""
    if x is None:
        return None
    x = float(x)
    if not math.isfinite(x):
        return None
    v = round(x, ndigits)
    return 0.0 if v == 0 else v


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a result of many small acyclic objects is built (reference
    counting still frees them); without it each collection rescans every object built so far.

    On the way out the objects built are handed to the oldest generation (freeze + unfreeze: two list
    splices) rather than left in the youngest, whose next collection would scan them all at once. They
    stay collectable: the next full collection looks at them as it looks at every long-lived object."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def jf(*, name: str | None = None, nd: int | None = None, group: str | None = None, skip: bool = False, **kw: Any):
    """A dataclass field with its JSON form: `name` (key), `nd` (digits), `group` (nested under), `skip`."""
    meta = {k: v for k, v in {"name": name, "nd": nd, "group": group, "skip": skip}.items() if v}
    return field(metadata=meta, **kw)


def to_json(value: Any, nd: int = NDIGITS) -> Any:
    """The JSON-ready form of a result object (or of any value inside one)."""
    kind = type(value)
    write = _WRITERS.get(kind)
    if write is None:
        write = _WRITERS[kind] = _writer(kind)
    return write(value, nd)


def _writer(kind: type) -> Any:
    """How a value of this type is written (the form depends on the type only: resolved once per type)."""
    if kind is float:
        return rnd
    if kind in _PLAIN or kind is type(None):
        return _same
    if issubclass(kind, Message):
        return lambda value, nd: _text(value)
    if hasattr(kind, "__dataclass_fields__") and not issubclass(kind, type):
        return lambda value, nd: _object(value)
    if issubclass(kind, Mapping):
        return _mapping
    if issubclass(kind, (list, tuple)):
        return lambda value, nd: [to_json(v, nd) for v in value]
    if issubclass(kind, float):
        return rnd
    return _same


def _same(value: Any, nd: int) -> Any:
    return value


def _mapping(value: Mapping, nd: int) -> dict:
    out = {}
    for k, v in value.items():
        kind = type(v)
        if kind is float:  # the common values written in place: what `rnd` writes for them
            r = round(v, nd) if math.isfinite(v) else None
            out[str(k)] = 0.0 if r == 0 else r
        elif kind is str or v is None or kind is int or kind is bool:
            out[str(k)] = v
        else:
            out[str(k)] = to_json(v, nd)
    return out


_PLAIN = (str, int, bool)
_WRITERS: dict[type, Any] = {}
_KEPT = threading.local()  # .texts while a JSON is built in this thread: id → (message, its Chinese text)


@contextmanager
def _texts_kept() -> Iterator[None]:
    """Each message rendered once while the JSON is built: its text, its `_message` entry and every message
    quoting it read the one rendering (the memo holds the message, so its id is not reused meanwhile)."""
    if getattr(_KEPT, "texts", None) is not None:
        yield
        return
    _KEPT.texts = {}
    try:
        yield
    finally:
        _KEPT.texts = None


def _text(m: Message) -> str:
    """`m.text()` (Chinese), each nested message's text read from the memo when one is kept."""
    return _message(m)[1]


def message_json(m: Message) -> dict:
    """`m.to_dict()`: code, arguments (nested messages as dicts) and the Chinese text (from the memo)."""
    return _message(m)[2]


def _message(m: Message) -> tuple[Message, str, dict]:
    """(m, its Chinese text, its `to_dict()`), made once per message while a memo is kept: a message quoted in
    several places (a verdict's name in every sentence naming it) is rendered once and its dict shared."""
    memo = getattr(_KEPT, "texts", None)
    if memo is None:
        return _made(m)
    hit = memo.get(id(m))
    if hit is None:
        hit = memo[id(m)] = _made(m)
    return hit


def _made(m: Message) -> tuple[Message, str, dict]:
    if not m.args:  # a fixed phrase (全国, 总指数 …): its text read once
        text = _BARE.get(m.code) or _BARE.setdefault(m.code, render(m.code))
        return m, text, {"code": m.code, "args": {}, "text": text}
    shown, kept = {}, {}  # each argument as rendered (a nested message as its text) and as JSON
    plain = True  # every argument shown as it is (text, a number)
    for k, v in m.args.items():
        if isinstance(v, Message):
            _, shown[k], kept[k] = _message(v)
        elif isinstance(v, (list, tuple)):
            shown[k], kept[k], plain = _rendered(v), _jsonable(v), False
        else:
            shown[k] = kept[k] = v
            plain = plain and type(v) in _AS_IS
    text = _render(m.code, shown, plain)
    return m, text, {"code": m.code, "args": kept, "text": text}


def _render(code: str, shown: dict, plain: bool) -> str:
    """render(code, shown) in Chinese. A nested message renders as its text, so passing the text renders the
    same; `plain` (every argument text or a number, which render's _arg leaves as they are in Chinese): the
    template is formatted directly, without render's look-ups for each argument."""
    template = catalogue().template(code, DEFAULT_LANG) if plain else None
    return render(code, shown) if template is None else template.format_map(shown)


_AS_IS = frozenset({str, int, float})
_BARE: dict[str, str] = {}  # code → Chinese text of a message without arguments


def _rendered(value: Any) -> Any:
    if isinstance(value, Message):
        return _text(value)
    if isinstance(value, (list, tuple)):
        return [_rendered(v) for v in value]
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, Message):
        return message_json(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


_Plan = tuple[Callable[[Any], tuple], tuple[tuple[str, str | None, int, str], ...], Callable[[Any], dict] | None]
_PLANS: dict[type, _Plan] = {}


def _plan(kind: type) -> _Plan:
    """Per result class (read once): the values of the fields written (one call), each field's (key, group,
    digits, key of a message's entry) and the computed parts (_LAYOUTS)."""
    plan = _PLANS.get(kind)
    if plan is None:
        written = [f for f in fields(kind) if not f.metadata.get("skip")]
        names = [f.name for f in written]
        get = attrgetter(*names) if len(names) > 1 else lambda obj: tuple(getattr(obj, n) for n in names)
        spec = tuple(
            (key, f.metadata.get("group"), f.metadata.get("nd", NDIGITS), f"{key}_message")
            for f in written
            for key in (f.metadata.get("name", f.name),)
        )
        plan = _PLANS[kind] = (get, spec, _LAYOUTS.get(kind.__name__))
    return plan


def _object(obj: Any) -> dict:
    get, spec, layout = _plan(type(obj))
    out: dict[str, Any] = {}
    for (key, group, nd, note), value in zip(spec, get(obj), strict=True):
        target = out if group is None else out.setdefault(group, {})
        kind = type(value)
        if kind is float:  # the common fields written in place: what `put` writes for them
            v = round(value, nd) if math.isfinite(value) else None
            target[key] = 0.0 if v == 0 else v
        elif kind is str or value is None or kind is bool or kind is int:
            target[key] = value
        elif kind is Message:  # what `put` writes for a message, without its look-ups
            _, target[key], target[note] = _message(value)
        else:
            put(target, key, value, nd)
    if layout is not None:
        for key, value in layout(obj).items():
            put(out, key, value)
    return out


def put(target: dict, key: str, value: Any, nd: int = NDIGITS) -> None:
    """target[key] = the JSON of value; a Message also leaves its code and arguments beside it."""
    target[key] = to_json(value, nd)
    if isinstance(value, Message):
        target[f"{key}_message"] = message_json(value)
    elif isinstance(value, (list, tuple)) and value and all(isinstance(v, Message) for v in value):
        target[f"{key}_messages"] = [message_json(v) for v in value]


def _node_comparison(c: Any) -> dict:
    out: dict[str, Any] = {}
    if c.nation_published is not None:
        out["nation_published"] = {str(y): v for y, v in sorted(c.nation_published.items())}
        out["published_note"] = c.published_note
    for key in ("rank_index", "rank_level"):
        if getattr(c, key) is not None:
            out[key] = getattr(c, key)
    if c.macro_region:
        out["macro_region"] = {"name": c.macro_region, "figures": [to_json(f) for f in c.macro_figures]}
    if c.sentence is not None:
        out["sentence"] = c.sentence
    return out


def _macro_comparison(m: Any) -> dict:
    """The report's figure, then the region's own value (index) or share (share), and the sentence."""
    out: dict[str, Any] = dict(to_json(m.figure))
    if m.kind == "index":
        out.update(region_value=m.region_value, difference=m.difference)
    elif m.kind == "share":
        out.update(region_share_pct=m.region_share_pct, region_year=m.region_year)
    if m.sentence is not None:
        out["sentence"] = m.sentence
    return out


def _industry_summary(s: Any) -> dict:
    return {"count": s.count} if not s.count else {
        "count": s.count, "mean_potential": s.mean_potential, "by_quadrant": dict(s.by_quadrant or {}),
        "top": list(s.top or ()),
    }  # fmt: skip


# Computed parts of a result's JSON, by class name (model.py imports this module, not the reverse).
_LAYOUTS = {
    "LevelResult": lambda lv: {"sentence": lv.sentence},
    "Potential": lambda p: {"industries": _industry_summary(p.industries)},
    "NodeComparison": _node_comparison,
    "MacroComparison": _macro_comparison,
}


def region_json(ra: Any) -> dict:
    """One region's assessment (a RegionAssessment) in the JSON layout the CLI and the exports write."""
    with _texts_kept():
        return _region_json(ra)


def _region_json(ra: Any) -> dict:
    strengths, weaknesses = ra.boards.split()
    d: dict[str, Any] = {
        "region": ra.region,
        "year": ra.year,
        "base_year": ra.base_year,
        "macro_region": ra.macro_region,
        "reference": ra.reference,
    }
    put(d, "headline", ra.headline)
    parts = {
        "level": ra.level,
        "group": ra.groups,
        "momentum": ra.momentum,
        "quadrant": ra.quadrants,
        "role": ra.role,
        "strengths": strengths,
        "weaknesses": weaknesses,
        "coupling": ra.coupling,
        "potential": ra.potential,
        "industries": ra.industries,
        "partners": ra.partners,
        "sameness": ra.sameness,
        "levers": ra.levers,
        "comparison": ra.comparison if ra.comparison is not None else {},
    }
    d.update({k: to_json(v) for k, v in parts.items()})
    put(d, "notes", list(ra.notes))
    if ra.parent is not None:
        d["parent"] = {"name": ra.parent}
    if ra.level_vs_nation is not None:
        d["nation"] = {"level": to_json(ra.level_vs_nation), "momentum": to_json(ra.momentum_vs_nation)}
    return d


def benchmark_json(b: Any) -> dict:
    """The benchmark part (a Benchmark): national sources, values, basis, comparable index, published check."""
    from .comparison import source_label

    return {
        "nation_sources": {c: {"source": s, "source_zh": source_label(s).text()} for c, s in b.sources.items()},
        "nation_excluded_from_index": list(b.excluded),
        "nation_values": to_json(b.nation_values),
        "nation_basis": to_json(b.nation_basis, 6),
        "nation_comparable_index": to_json(b.comparable_index),
        "published_vs_computed": to_json(b.published),
    }


def robustness_json(cfg: Any) -> dict:
    """How verdict stability was drawn (spec 02 §2.11): draws, seed, weight scheme and spread, data bands."""
    if cfg is None:
        return {}
    return {
        "draws": cfg.robust_draws,
        "seed": cfg.robust_seed,
        "weight_scheme": cfg.robust_scheme,
        "weight_spread": cfg.robust_spread,
        "band_estimate": cfg.band_estimate,
        "band_interpolated": cfg.band_interpolated,
        "borderline_share": cfg.borderline_share,
    }


def assessment_json(a: Any, *, stream: bool = False) -> dict:
    """The whole assessment (an Assessment): what `python -m core assess --json` writes.

    `stream`: "regions" is an iterator of (region, its JSON) pairs, each region's made when it is read
    (core.commands.output writes the same text one region at a time, never holding every region)."""
    with _texts_kept():
        return _assessment_json(a, stream)


def _regions_streamed(a: Any) -> Iterator[tuple[str, dict]]:
    for r, ra in a.regions.items():
        with gc_paused():
            d = region_json(ra)
        yield r, d


def _assessment_json(a: Any, stream: bool) -> dict:
    from ..kernel.messages import msg
    from ..model.framework import ROOT
    from ..model.observations import NATION

    fw = a.index.framework
    out: dict[str, Any] = {}
    put(out, "method", msg("assess.method"))
    out.update(
        {
            "framework": {"id": fw.id, "version": fw.version},
            "config": a.config.source if a.config else "",
            "year": a.year,
            "base_year": a.base_year,
            "reference": NATION,
            "parent": a.parent,
            "robustness": robustness_json(a.config),
            "benchmark": benchmark_json(a.benchmark),
            "regions": _regions_streamed(a) if stream else {r: region_json(ra) for r, ra in a.regions.items()},
        }
    )
    out["scatter"] = {
        "nation": {"L": 100.0, "M": 100.0},
        "points": {
            node: [
                {"region": r, "L": rnd(lv.nodes.get(node)), "M": rnd(a.momenta.get(r, {}).get(node))}
                for r, lv in a.levels.items()
            ]
            for node in (ROOT, *fw.pillars)
        },
    }
    put(out, "notes", list(a.notes))
    out["problems"] = [p.to_dict() for p in a.problems]
    return out
