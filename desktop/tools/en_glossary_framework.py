"""English of the UI strings of exclusions, the framework editor and city adjacency (issue 19)."""

EN = {
    "{parent}：下级占比合计 {total}": "{parent}: children's shares add up to {total}",
    "{region} 将不参与测算，其他地区照常计算。请注明理由（写入测算口径和报告）：": (
        "{region} will be left out of the computation; the other regions are computed as usual. "
        "Give the reason (it is written into the recipe and the report):"
    ),
    "一个地区的数据不完整时，可先将其排除并注明理由，其余地区即可测算；补齐数据后再取消排除。": (
        "When one region's data are incomplete, exclude it with a reason so that the other regions can be "
        "computed; remove the exclusion once its data are complete."
    ),
    "上级": "Parent",
    "体系名称": "Framework name",
    "体系标识": "Framework id",
    "使用指标体系文件": "Use a framework file",
    "使用指标体系文件…": "Use a framework file…",
    "保存为新版本并使用": "Save as a new version and use it",
    "关闭": "Close",
    "切换指标体系": "Switch framework",
    "占上级比重": "Share of parent",
    "双击名称或权重即可修改；同一上级下的权重自动归一（占上级比重之和始终为 1）。保存时生成新版本。": (
        "Double-click a name or a weight to change it; the weights under one parent are renormalised "
        "automatically (the shares of a parent always add up to 1). Saving creates a new version."
    ),
    "取消排除": "Include again",
    "中文名称": "Chinese name",
    "地区口径定义": "Regional definition",
    "城市毗邻关系 (*.toml)": "City adjacency (*.toml)",
    "已排除：": "Excluded: ",
    "指标体系 (*.toml)": "Framework (*.toml)",
    "指标体系已切换为 {id} {version}，正在重新测算。": "Framework switched to {id} {version}; recomputing.",
    "指标体系编辑器": "Framework editor",
    "指标体系编辑器…": "Framework editor…",
    "排除": "Exclude",
    "排除地区": "Exclude regions",
    "排除地区需要注明理由。": "Excluding a region needs a reason.",
    "排除该问题所在地区…": "Exclude this problem's region…",
    "改用内置体系": "Use the shipped framework",
    "数据来源": "Data source",
    "方向": "Direction",
    "校验": "Validate",
    "校验通过：指标体系有效。": "Validation passed: the framework is valid.",
    "正向（越高越好）": "Positive (higher is better)",
    "清除城市毗邻关系": "Clear city adjacency",
    "版本": "Version",
    "理由，例如：2019 年数据缺失，待补报": "Reason, e.g. 2019 data missing, to be reported later",
    "管理排除…": "Manage exclusions…",
    "编辑中的指标体系": "framework being edited",
    "英文名称": "English name",
    "载入城市毗邻关系": "Load city adjacency",
    "载入城市毗邻关系…": "Load city adjacency…",
    "逆向（越低越好）": "Negative (lower is better)",
    "（总指数）": " (total index)",
    "{region} 的指标 {code} 将不参与测算，其同级指标的权重重新归一。请注明理由（写入测算口径和报告）：": (
        "The indicator {code} of {region} will be left out; its siblings' weights are renormalised. "
        "Give the reason (it is written into the recipe and the report):"
    ),
    "仅对该地区排除此指标…": "Exclude this indicator for this region only…",
    "取消所选排除": "Remove the selected exclusion",
    "排除地区或指标": "Exclude regions or indicators",
    "排除地区或指标…": "Exclude regions or indicators…",
    "排除指标": "Exclude an indicator",
    "排除指标需要注明理由。": "Excluding an indicator needs a reason.",
    "排除范围": "Scope",
    "整个地区": "Whole region",
    "被排除的地区不参与指数测算和评估，其他地区照常计算；只排除某地区的一个指标时，其同级指标的权重重新归一。每个排除都须注明理由，理由保存在工作区中，并写入测算口径和导出的报告。": (
        "Excluded regions take no part in the index and the assessment; the other regions are computed as "
        "usual. When only one indicator of a region is excluded, its siblings' weights are renormalised. "
        "Each exclusion needs a reason, which is kept in the workspace and written into the recipe and the "
        "exported reports."
    ),
    "该地区无法填报这个指标时：只排除它，同级指标的权重重新归一，该地区其余指标照常计算。": (
        "When the region cannot fill this indicator: exclude only it; its siblings' weights are renormalised "
        "and the region's other indicators are computed as usual."
    ),
    "融合水平按类型与全国比较：比率直接比，总量先按地区生产总值或人口折算，占全国比重以全国为 100%。": (
        "The fusion level compares with the nation by type: a ratio directly, a total after scaling by GDP or "
        "population, a share of the nation against the nation's 100 %."
    ),
    "比率": "Ratio",
    "总量": "Total",
    "占全国比重": "Share of the nation",
    "类型": "Type",
    "已载入城市毗邻关系“{file}”：{n} 个城市，协同伙伴将考虑毗邻。": (
        "City adjacency “{file}” loaded: {n} cities; partners now take neighbours into account."
    ),
}
