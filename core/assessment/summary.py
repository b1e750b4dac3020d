"""A readable Chinese summary of one region's assessment (command line, report drafts).

Built only from the result objects' own sentences and numbers, so the text and the JSON
can never disagree.
"""

from __future__ import annotations

from ..model.framework import ROOT
from . import Assessment
from .model import RegionAssessment, fmt


def region_summary_zh(a: Assessment, ra: RegionAssessment) -> str:
    fw = a.index.framework
    L: list[str] = []
    L.append(f"【{ra.region}】两创融合潜力与定位评估（{ra.year} 年，基期 {ra.base_year} 年；全国 = 100）")
    L.append(ra.headline_zh())
    L.append("")
    L.append("一、融合水平（对全国）")
    L.append("  " + ra.level.sentence_zh())
    for c in (ROOT, *fw.pillars):
        g = ra.groups[c]
        L.append(f"  {g.label}：{fmt(g.level)}（{g.group or '—'}）")
    if ra.level_vs_parent is not None:
        L.append(
            f"  对{ra.parent}：{fmt(ra.level_vs_parent.total)}（{ra.parent} = 100）；"
            + (ra.momentum_vs_parent.reason if ra.momentum_vs_parent else "")
        )
    L.append("二、融合势能与定位象限")
    L.append("  " + ra.momentum[ROOT].reason)
    for c in (ROOT, *fw.pillars):
        L.append("  " + ra.quadrants[c].reason)
    L.append("三、功能定位（该融合什么）")
    L.append("  " + ra.role.reason)
    L.append("  " + (ra.boards.strengths_dict().get("sentence") or ""))
    L.append("  短板指标：" + "、".join(f"{w.code} {w.name}（{fmt(w.score)}）" for w in ra.boards.weaknesses) + "。")
    L.append("  " + ra.boards.reason)
    L.append("四、双螺旋耦合协调度")
    L.append("  " + ra.coupling.reason)
    L.append("五、融合潜力")
    L.append("  " + ra.potential.reason)
    if ra.industries:
        L.append(
            "  主导产业："
            + "；".join(
                f"{i.rank}. {i.industry} {fmt(i.potential)} 分（{i.quadrant or '未分象限'}）" for i in ra.industries
            )
        )
    L.append("六、和谁融合")
    L.append("  " + str(ra.partners.get("sentence", "")))
    for _p, items in ra.partners.get("by_pillar", {}).items():
        for it in items:
            L.append("  - " + it["reason"])
    warned = [s for s in ra.sameness if s.warning]
    if warned:
        for s in warned:
            L.append("  ⚠ " + s.reason)
    elif ra.sameness:
        L.append("  同质化：未发现定位趋同预警（" + ra.sameness[0].reason + "）")
    L.append("七、怎么融合（路径建议）")
    for lv in ra.levers:
        L.append(f"  · {lv.name}：{lv.text}（{lv.reason} 出处：{lv.source}）")
    L.append("八、与全国及板块比较")
    for _c, cmp in ra.comparison.get("nodes", {}).items():
        if cmp.get("sentence"):
            L.append("  " + cmp["sentence"])
        for f in cmp.get("macro_region", {}).get("figures", []):
            if f.get("sentence"):
                L.append("  " + f["sentence"])
    for f in ra.comparison.get("macro_shares", []):
        L.append("  " + f["sentence"])
    notes = list(ra.notes)
    if notes:
        L.append("说明：")
        L.extend("  " + n for n in notes)
    return "\n".join(L) + "\n"


def summary_zh(a: Assessment) -> str:
    parts = [region_summary_zh(a, ra) for ra in a.regions.values()]
    tail = []
    if a.notes:
        tail.append("全国基准说明：")
        tail.extend("  " + n for n in a.notes)
    tail.append("注：全国可比序列按省级口径计算；中国信通院公布的全国指数及复算对比见 JSON 输出的 benchmark 部分。")
    return "\n".join(parts) + "\n".join(tail) + "\n"
