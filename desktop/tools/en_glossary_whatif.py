"""English of the 规划推演 (what-if and targets) page's UI strings (issue 20)."""

EN = {
    "至 {y} 年（情景，非预测）": "To {y} (a scenario, not a forecast)",
    "{y} 年融合指数 {i}": "Fusion index {i} in {y}",
    "{y} 年：": "{y}: ",
    "上限": "Bound",
    "从现状到目标年份的路径": "Path from today to the target year",
    "保存情景": "Save scenario",
    "分组": "Group",
    "分组：": "Group: ",
    "删除所选": "Delete selected",
    "努力程度": "Effort",
    "努力程度合计": "Total effort",
    "双击“情景增速”一栏修改；上限为历史最高年增速加余量。努力程度 = 提速幅度 ÷ 历年增速波动。": (
        "Double-click the scenario growth column to change it; the bound is the highest historical annual growth "
        "plus a margin. Effort = the extra growth ÷ the year-to-year volatility of the growth."
    ),
    "导出…": "Export…",
    "导出情景": "Export scenarios",
    "恢复趋势基线": "Back to the trend",
    "情景": "Scenario",
    "情景名称": "Scenario name",
    "情景增速": "Scenario growth",
    "情景对比": "Compare scenarios",
    "情景推演不是预测：结论随所设增速改变。基线按各指标近年年均增速延续，全国按自身趋势。": (
        "A scenario is not a forecast: its conclusions change with the growth you set. The baseline continues "
        "each indicator's recent average annual growth; the nation follows its own trend."
    ),
    "指标年增速（%/年）": "Annual growth of the indicators (%/yr)",
    "按趋势或设定增速推演目标年份的水平、分组与象限，或求达到目标的最小调整方案（情景，非预测）。": (
        "Level, group and quadrant in a target year under trends or chosen growth; the smallest plan to reach a "
        "target (not a forecast)."
    ),
    "推演结果": "Projection",
    "正在推演…": "Projecting…",
    "正在求解目标…": "Solving for the target…",
    "正在计算基线…": "Computing the baseline…",
    "求解最小调整方案": "Find the smallest plan",
    "目标": "Target",
    "目标年份": "Target year",
    "规划推演": "What-if",
    "规划推演：基线": "What-if: baseline",
    "规划推演：求解目标": "What-if: solving for the target",
    "请输入年增速（%），例如 12.5。": "Enter an annual growth in %, for example 12.5.",
    "请选择一个地区（全国本身不参与推演）。": "Choose a region (the nation itself is not projected).",
    "调整指标数": "Indicators changed",
    "象限：": "Quadrant: ",
    "趋势增速": "Trend growth",
    "路径建议": "Levers",
    "还没有可推演的结果。请先导入数据并完成潜力与定位评估。": (
        "Nothing to project yet. Import data and let the potential and positioning assessment finish first."
    ),
    "项目": "Item",
    "余量": "Margin",
    " 点": " pts",
    "方案在分组或象限阈值之上多留的水平点数，避免结论处于临界。": (
        "Level points a plan keeps above the group or quadrant threshold, so that its verdict is not borderline."
    ),
}
