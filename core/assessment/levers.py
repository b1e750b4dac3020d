"""The "how" (怎么融合, spec 02 §2.9): levers for the region's short boards, with their sources.

Short boards are the sub-indicators below the threshold (default 100 = national level),
ordered by how many points they pull the total level down ((100 − L_sub) × overall weight);
if none is below, the weakest sub-indicators are used as relative short boards. Each is
matched to the levers of `resources/assessment/levers.toml` whose targets name it (or its
pillar); the regional-fusion levers are added when a sameness warning exists.
"""

from __future__ import annotations

from ..kernel.messages import msg
from ..model.framework import Framework
from .config import EPS, AssessmentConfig, term
from .model import LevelResult, LeverAdvice, SamenessItem, fmt, fmt_vs


def select_levers(
    level: LevelResult, framework: Framework, config: AssessmentConfig, sameness: tuple[SamenessItem, ...] = ()
) -> tuple[LeverAdvice, ...]:
    subs = [c for c in framework.codes if framework.nodes[c].depth == 2 and level.nodes.get(c) is not None]
    total_gap = {c: (100.0 - level.nodes[c]) * framework.overall_weight(c) for c in subs}
    weak = [c for c in subs if level.nodes[c] < config.lever_weak_below - EPS]
    relative = not weak
    if relative:
        weak = sorted(subs, key=lambda c: level.nodes[c])[:2]
    weak = sorted(weak, key=lambda c: (-total_gap[c], framework.codes.index(c)))[: config.lever_max_weak]
    out: list[LeverAdvice] = []
    used: set[str] = set()
    for sub in weak:
        pillar = framework.pillar_of(sub)
        matches = [lv for lv in config.levers if sub in lv.targets] or [
            lv for lv in config.levers if pillar in lv.targets
        ]
        matches = [lv for lv in matches if lv.id not in used][: config.lever_max_per_weak]
        for lv in matches:
            used.add(lv.id)
            reason = msg(
                "assess.levers.reason",
                node=term(framework.label(sub), framework.label(sub, "en")),
                level=fmt_vs(level.nodes[sub], config.lever_weak_below),
                kind=msg("assess.levers.relative" if relative else "assess.levers.weak"),
                pulls=msg("assess.levers.pulls", points=fmt(total_gap[sub], 2)) if total_gap[sub] > 0 else "",
                fusion=config.term(lv.fusion),
            )
            out.append(
                LeverAdvice(
                    lv.id,
                    lv.name,
                    lv.text,
                    lv.fusion,
                    sub,
                    term(framework.label(sub), framework.label(sub, "en")),
                    lv.source(config.seeds, config.seeds_en),
                    lv.practice_zh,
                    reason,
                )
            )
    warned = [s for s in sameness if s.warning]
    if warned:
        for lv in config.levers:
            if "region" in lv.targets and lv.id not in used:
                used.add(lv.id)
                peers = [s.peer for s in warned]
                out.append(
                    LeverAdvice(
                        lv.id,
                        lv.name,
                        lv.text,
                        lv.fusion,
                        "region",
                        msg("assess.levers.region_target"),
                        lv.source(config.seeds, config.seeds_en),
                        lv.practice_zh,
                        msg("assess.levers.region_reason", peers=peers, fusion=config.term(lv.fusion)),
                    )
                )
    return tuple(out)
