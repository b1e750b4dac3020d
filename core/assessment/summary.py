"""A readable summary of an assessment in the user's language (command line, report drafts).

Built only from the result objects' own Messages and numbers, rendered from the catalogue, so
the text and the JSON can never disagree.
"""

from __future__ import annotations

from ..kernel.messages import Message, msg
from ..model.framework import ROOT
from ..model.observations import NATION
from .model import Assessment, RegionAssessment, fmt, fmt_vs, place


def _t(x: Message | str | None, lang: str) -> str:
    return "" if x is None else x.text(lang) if isinstance(x, Message) else str(x)


def _level(g) -> str:
    """A group verdict's level, printed so it never looks equal to the bound it is nearest to."""
    return fmt(g.level) if g.margin is None else fmt_vs(g.level, g.level - g.margin)


def _level_part(a: Assessment, ra: RegionAssessment, lang: str) -> list[str]:
    fw = a.index.framework
    out = ["  " + ra.level.sentence.text(lang)]
    for c in (ROOT, *fw.pillars):
        g = ra.groups[c]
        line = msg("assess.summary.group", label=g.label, level=_level(g), group=a.name(g.group, lang))
        out.append("  " + g.reason.text(lang) if g.borderline else line.text(lang))  # 临界: both numbers
    if ra.level_vs_nation is not None:
        reason = ra.momentum_vs_nation.reason if ra.momentum_vs_nation else ""
        args = {"level": fmt(ra.level_vs_nation.total), "reason": reason}
        out.append(msg("assess.summary.vs_nation", **args).text(lang))
    return out


def _positioning_part(a: Assessment, ra: RegionAssessment, lang: str) -> list[str]:
    fw = a.index.framework
    out = [msg("assess.summary.momentum").text(lang), "  " + ra.momentum[ROOT].reason.text(lang)]
    out += ["  " + ra.quadrants[c].reason.text(lang) for c in (ROOT, *fw.pillars)]
    out += [msg("assess.summary.role").text(lang), "  " + ra.role.reason.text(lang)]
    out.append("  " + _t(ra.boards.strengths_sentence, lang))
    out.append("  " + _t(ra.boards.weaknesses_sentence, lang))
    out.append("  " + ra.boards.reason.text(lang))
    out += [msg("assess.summary.coupling").text(lang), "  " + ra.coupling.reason.text(lang)]
    out += [msg("assess.summary.potential").text(lang), "  " + ra.potential.reason.text(lang)]
    if ra.industries:
        items = [
            msg("assess.summary.industry", rank=i.rank, industry=i.industry, potential=fmt(i.potential),
                quadrant=a.name(i.quadrant, lang) if i.quadrant else msg("assess.summary.no_quadrant"))
            for i in ra.industries
        ]  # fmt: skip
        out.append(msg("assess.summary.industries", items=items).text(lang))
    return out


def _partners_part(ra: RegionAssessment, lang: str) -> list[str]:
    out = [msg("assess.summary.partners").text(lang), "  " + ra.partners.sentence.text(lang)]
    for items in ra.partners.by_pillar.values():
        out += ["  - " + it.reason.text(lang) for it in items]
    warned = [s for s in ra.sameness if s.warning]
    if warned:
        out += ["  ⚠ " + s.reason.text(lang) for s in warned]
    elif ra.sameness:
        out.append(msg("assess.summary.no_sameness", reason=ra.sameness[0].reason).text(lang))
    out.append(msg("assess.summary.levers").text(lang))
    for lv in ra.levers:
        out.append(
            msg("assess.summary.lever", name=lv.name, text=lv.text, reason=lv.reason, source=lv.source).text(lang)
        )
    return out


def _comparison_part(ra: RegionAssessment, lang: str) -> list[str]:
    out = [msg("assess.summary.comparison").text(lang)]
    cmp = ra.comparison
    if cmp is None:
        return out
    for node in cmp.nodes.values():
        sentences = [node.sentence] + [f.sentence for f in node.macro_figures]
        out += ["  " + s.text(lang) for s in sentences if s is not None]
    out += ["  " + f.sentence.text(lang) for f in cmp.macro_shares if f.sentence is not None]
    return out


def region_summary(a: Assessment, ra: RegionAssessment, lang: str = "zh") -> str:
    ref = place(ra.reference)
    lines = [msg("assess.summary.title", region=ra.region, year=ra.year, base=ra.base_year, reference=ref).text(lang)]
    lines += [_t(ra.headline, lang), "", msg("assess.summary.level", reference=ref).text(lang)]
    lines += _level_part(a, ra, lang)
    lines += _positioning_part(a, ra, lang)
    lines += _partners_part(ra, lang)
    lines += _comparison_part(ra, lang)
    if ra.notes:
        lines.append(msg("assess.summary.notes").text(lang))
        lines += ["  " + _t(n, lang) for n in ra.notes]
    return "\n".join(lines) + "\n"


def summary(a: Assessment, lang: str = "zh", brief: bool = False) -> str:
    """Every assessed region's summary, then the notes on the national benchmark. `brief`: one line per region
    (its headline) instead, for runs over many regions (a county-level run prints 3,000 of them)."""
    if brief:
        ra0 = next(iter(a.regions.values()), None)
        head = msg("assess.summary.brief_title", year=a.year, base=a.base_year, count=len(a.regions),
                   reference=place(ra0.reference if ra0 else NATION))  # fmt: skip
        lines = [head.text(lang), *("  " + _t(ra.headline, lang) for ra in a.regions.values())]
        parts = ["\n".join([*lines, msg("assess.summary.brief_hint").text(lang), ""]) + "\n"]
    else:
        parts = [region_summary(a, ra, lang) for ra in a.regions.values()]
    tail = []
    if a.notes:
        tail.append(msg("assess.summary.nation_notes").text(lang))
        tail += ["  " + _t(n, lang) for n in a.notes]
    tail.append(msg("assess.summary.footer").text(lang))
    return "\n".join(parts) + "\n".join(tail) + "\n"
